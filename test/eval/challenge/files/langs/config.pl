my $password = '{{rand:16:pw}}';{{expect:generic-password}}
my %cfg = (api_key => "{{rand:32}}");{{expect:generic-secret}}
my $token = $ENV{'API_TOKEN'};
