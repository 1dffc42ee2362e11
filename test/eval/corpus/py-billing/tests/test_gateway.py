import hashlib
import hmac
from decimal import Decimal
from unittest import mock

import pytest

from billing.payments import gateway

# Fixed digests captured from the provider's documentation examples.
KNOWN_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
COMMIT_UNDER_TEST = "3f786850e387550fdab836ed7e6dc881de23001b"
ORDER_UUID = "c9bf9e57-1685-4c89-bafb-ff5af830be8a"
BCRYPT_HASH = "$2b$12$KIXQJrjY1Q8kM3bOZ5o4IuVdZp8qf9jvS1Cw7H2n7FvOq5bq1y9mK"

PASSWORD_PROMPT = "Enter your password"


def test_idempotency_key_is_stable():
    assert gateway.idempotency_key("order-1") == gateway.idempotency_key("order-1")


def test_verify_signature_accepts_valid_header():
    secret = "whsec_test_placeholder"
    payload = b'{"id": "evt_1"}'
    header = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    assert gateway.verify_signature(payload, header, secret)


def test_verify_signature_rejects_tampered_payload():
    assert not gateway.verify_signature(b"{}", KNOWN_SHA256, "whsec_test_placeholder")


@mock.patch("billing.payments.gateway.stripe.PaymentIntent.create")
def test_charge_sends_cents(create):
    create.return_value = mock.Mock(id="pi_123")
    gateway.charge("order-1", Decimal("12.34"), "eur", "cus_123")
    assert create.call_args.kwargs["amount"] == 1234


@pytest.fixture
def login_form():
    return {"username": "alice", "password": "<your-password>"}


def test_form_keeps_password_field(login_form):
    assert "password" in login_form
