kubectl create secret generic db --from-literal=password={{rand:16:pw}}{{expect:generic-password}}
