PASSWORD="{{rand:16:pw}}" ./run.sh{{expect:generic-password}}
