docker login --username ci --password {{rand:16:pw}} registry.acme-corp.io{{expect:generic-password}}
