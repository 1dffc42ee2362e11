headers: { 'x-api-key': '{{rand:40}}' }{{expect:generic-secret}}
