mysqldump --password='{{rand:16:pw}}' app > dump.sql{{expect:generic-password}}
