"""Loads service settings from the environment, a .env file, or the platform secret store."""
from __future__ import annotations

import base64
import os
from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="PAYMENTS_")

    database_url: str = Field(default="postgresql://localhost/payments")
    api_key: SecretStr = Field(default=SecretStr(""))
    password: SecretStr | None = None
    token_ttl_seconds: int = 3600
    primary_key: str = "id"
    partition_key: str = "tenant_id"
    public_key_path: str = "/etc/payments/jwt.pub"
    tokenizer: str = "cl100k_base"
    token_type: str = "Bearer"


@lru_cache
def settings() -> Settings:
    return Settings()


def basic_auth_header(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


LEGACY_PARTNER_HEADERS = {
    "Authorization": "Basic {{fake:basic-auth-header}}",{{expect:basic-auth-header}}
    "Accept": "application/json",
}

AWS_DOCS_EXAMPLE = {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
CSRF_TEMPLATE = "<input type='hidden' name='csrf_token' value='{{ csrf_token }}'>"
