helm upgrade app ./chart --set db.password={{rand:16:pw}}{{expect:generic-password}}
