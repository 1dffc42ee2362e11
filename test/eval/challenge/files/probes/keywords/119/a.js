auth: { user: 'mailer@acme-corp.io', pass: '{{rand:16:pw}}' }{{expect:generic-password}}
