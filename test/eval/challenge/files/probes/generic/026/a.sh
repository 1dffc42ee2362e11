htpasswd -b .htpasswd admin {{rand:16:pw}}{{expect:generic-password}}
