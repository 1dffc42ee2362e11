"""HTTP client for the internal ledger API."""
from __future__ import annotations

import logging
import os
import ssl
import urllib.request
from dataclasses import dataclass
from typing import Any

import requests

log = logging.getLogger(__name__)

LEDGER_URL = os.getenv("LEDGER_URL", "https://ledger.internal.example.com")


@dataclass
class LedgerCredentials:
    client_id: str
    client_secret: str
    token_url: str = "https://auth.internal.example.com/oauth/token"


class LedgerClient:
    """Talks to the ledger; retries idempotent calls once."""

    def __init__(self, credentials: LedgerCredentials, timeout: float = 10.0) -> None:
        self._credentials = credentials
        self._timeout = timeout
        self._session = requests.Session()
        self._token: str | None = None

    def _authenticate(self) -> str:
        response = self._session.post(
            self._credentials.token_url,
            data={"grant_type": "client_credentials"},
            auth=(self._credentials.client_id, self._credentials.client_secret),
            timeout=self._timeout,
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def balance(self, account_id: str) -> dict[str, Any]:
        if self._token is None:
            self._token = self._authenticate()
        # The staging ledger uses a self-signed certificate.
        response = self._session.get(
            f"{LEDGER_URL}/accounts/{account_id}/balance",
            headers={"Authorization": f"Bearer {self._token}"},
            timeout=self._timeout,
            verify=False,{{expect:tls-verify-disabled}}
        )
        response.raise_for_status()
        return response.json()

    def health(self) -> bool:
        context = ssl._create_unverified_context(){{expect:tls-verify-disabled}}
        with urllib.request.urlopen(f"{LEDGER_URL}/health", context=context, timeout=3) as reply:
            return reply.status == 200


def default_client() -> LedgerClient:
    return LedgerClient(
        LedgerCredentials(
            client_id=os.environ["LEDGER_CLIENT_ID"],
            client_secret=os.environ["LEDGER_CLIENT_SECRET"],
        )
    )
