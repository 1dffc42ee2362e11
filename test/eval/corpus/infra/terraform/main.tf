terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 4.30"
    }
  }
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "shop/prod/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region     = var.region
  access_key = "{{fake:aws-access-key-id:tf}}"{{expect:aws-access-key-id}}
  secret_key = "{{fake:aws-secret-access-key:tf}}"{{expect:aws-secret-access-key}}
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

resource "aws_db_instance" "shop" {
  identifier             = "shop-prod"
  engine                 = "postgres"
  engine_version         = "16.3"
  instance_class         = "db.t4g.medium"
  allocated_storage      = 100
  username               = "shop_admin"
  password               = "{{rand:24:pw}}"{{expect:plaintext-password}}
  db_subnet_group_name   = aws_db_subnet_group.shop.name
  vpc_security_group_ids = [aws_security_group.db.id]
  skip_final_snapshot    = false
  storage_encrypted      = true
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = jsonencode({ password = random_password.api.result })
}

resource "random_password" "api" {
  length  = 32
  special = true
}

resource "aws_ssm_parameter" "ami" {
  name  = "/shop/ami"
  type  = "String"
  value = "ami-0c55b159cbfafe1f0"
}

output "db_endpoint" {
  value = aws_db_instance.shop.endpoint
}
