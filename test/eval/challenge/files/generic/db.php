<?php
$db_password = "{{rand:16:pw}}";{{expect:generic-password}}
$config = ['api_key' => '{{rand:32}}', 'secret' => getenv('APP_SECRET')];{{expect:generic-secret}}
define('AUTH_SECRET', '{{rand:40}}');{{expect:generic-secret}}
