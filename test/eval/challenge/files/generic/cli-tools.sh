#!/bin/bash
mysql -u root -p{{rand:14:pw}} orders < dump.sql{{expect:generic-password}}
sshpass -p '{{rand:16:pw}}' ssh deploy@10.0.0.5{{expect:generic-password}}
docker login -u ci -p {{rand:24}} registry.acme-corp.io{{expect:generic-password}}
./manage --password={{rand:18:pw}} --user admin{{expect:generic-password}}
curl -u admin:{{rand:16:pw}} https://jenkins.acme-corp.io/api/json{{expect:generic-password}}
psql "host=db user=app password={{rand:18:pw}}"{{expect:generic-password}}
mysql -u root -p"$MYSQL_ROOT_PASSWORD"
./manage --password="$ADMIN_PASSWORD"
