provider "github" {
  token = "{{fake:github-pat}}"{{expect:github-pat}}
  owner = "acme"
}

provider "cloudflare" {
  api_token = "{{fake:cloudflare-api-token}}"{{expect:cloudflare-api-token}}
}

provider "digitalocean" {
  token = var.do_token
}

variable "dd_api_key" {
  default = "{{fake:datadog-api-key}}"{{expect:datadog-api-key}}
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}
