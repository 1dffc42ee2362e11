variable "region" {
  type        = string
  default     = "eu-west-1"
  description = "AWS region for every resource."
}

variable "cloudflare_api_token" {
  type        = string
  sensitive   = true
  description = "Cloudflare API token with Zone:DNS:Edit."
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "image_digest" {
  type    = string
  default = "sha256:3f0b6a8e5d1c2b4a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f"
}
