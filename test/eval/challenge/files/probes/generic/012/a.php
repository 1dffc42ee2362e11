$cfg['db_pass'] = '{{rand:16:pw}}';{{expect:generic-password}}
