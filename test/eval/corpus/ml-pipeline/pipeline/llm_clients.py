"""Thin wrappers over the hosted model providers we benchmark against."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

import httpx

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


@dataclass
class ProviderConfig:
    name: str
    base_url: str
    api_key: Optional[str] = None
    model: str = ""
    headers: dict[str, str] = field(default_factory=dict)


# Keys for the nightly benchmark account. Rotate after the Q3 evaluation.
HF_TOKEN = "{{fake:huggingface-token}}"{{expect:huggingface-token}}
GROQ_API_KEY = "{{fake:groq-api-key}}"{{expect:groq-api-key}}
MISTRAL_API_KEY = os.environ.get("MISTRAL_API_KEY", "")
ZHIPU_API_KEY = "{{fake:zhipu-api-key}}"{{expect:zhipu-api-key}}

PROVIDERS = {
    "groq": ProviderConfig("groq", "https://api.groq.com/openai/v1", GROQ_API_KEY, "llama-3.1-70b-versatile"),
    "mistral": ProviderConfig("mistral", "https://api.mistral.ai/v1", MISTRAL_API_KEY, "mistral-large-latest"),
    "deepseek": ProviderConfig(
        "deepseek",
        "https://api.deepseek.com",
        api_key="{{fake:deepseek-api-key}}",{{expect:deepseek-api-key}}
        model="deepseek-chat",
    ),
    "xai": ProviderConfig("xai", "https://api.x.ai/v1", os.getenv("XAI_API_KEY"), "grok-2-latest"),
    "zhipu": ProviderConfig("zhipu", "https://open.bigmodel.cn/api/paas/v4", ZHIPU_API_KEY, "glm-4"),
}


def chat(provider: str, prompt: str, temperature: float = 0.0) -> str:
    config = PROVIDERS[provider]
    if not config.api_key:
        raise RuntimeError(f"no API key configured for {provider}")
    response = httpx.post(
        f"{config.base_url}/chat/completions",
        headers={"Authorization": f"Bearer {config.api_key}", **config.headers},
        json={"model": config.model, "messages": [{"role": "user", "content": prompt}], "temperature": temperature},
        timeout=DEFAULT_TIMEOUT,
    )
    response.raise_for_status()
    return response.json()["choices"][0]["message"]["content"]


def hf_download(repo_id: str, filename: str, revision: str = "a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0") -> bytes:
    url = f"https://huggingface.co/{repo_id}/resolve/{revision}/{filename}"
    response = httpx.get(url, headers={"Authorization": f"Bearer {HF_TOKEN}"}, follow_redirects=True)
    response.raise_for_status()
    return response.content
