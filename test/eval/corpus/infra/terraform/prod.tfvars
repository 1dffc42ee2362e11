region               = "eu-west-1"
cloudflare_api_token = "{{fake:cloudflare-api-token}}"{{expect:cloudflare-api-token}}
db_password          = "{{rand:22:pw}}"{{expect:plaintext-password}}
instance_count       = 3
enable_waf           = true
allowed_cidrs        = ["10.0.0.0/8", "192.168.10.0/24"]
