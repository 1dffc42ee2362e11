CREATE USER reporting IDENTIFIED BY '{{rand:18:pw}}';{{expect:generic-password}}
ALTER USER app WITH PASSWORD '{{rand:18:pw}}';{{expect:generic-password}}
SELECT id, password_hash FROM users WHERE email = :email;
