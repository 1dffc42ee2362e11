"""Payment gateway integration (Stripe for cards, PayPal for wallets)."""
import hashlib
import hmac
import logging
import os
import uuid
from decimal import Decimal

import stripe

log = logging.getLogger(__name__)

# TODO(ops): move to the secret manager before the audit.
stripe.api_key = "{{fake:stripe-secret-key}}"{{expect:stripe-secret-key}}

PAYPAL_CLIENT_ID = os.environ.get("PAYPAL_CLIENT_ID", "")
PAYPAL_CLIENT_SECRET = os.environ.get("PAYPAL_CLIENT_SECRET", "")
WEBHOOK_TOLERANCE_SECONDS = 300
IDEMPOTENCY_NAMESPACE = uuid.UUID("6f1c2a4e-8b3d-4f6a-9c2e-1d5b7a9e3f40")


def idempotency_key(order_id: str) -> str:
    return str(uuid.uuid5(IDEMPOTENCY_NAMESPACE, order_id))


def charge(order_id: str, amount: Decimal, currency: str, customer_id: str) -> str:
    intent = stripe.PaymentIntent.create(
        amount=int(amount * 100),
        currency=currency,
        customer=customer_id,
        metadata={"order_id": order_id},
        idempotency_key=idempotency_key(order_id),
    )
    log.info("created payment intent %s for order %s", intent.id, order_id)
    return intent.id


def verify_signature(payload: bytes, header: str, secret: str) -> bool:
    expected = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


def refund(payment_intent_id: str, reason: str = "requested_by_customer") -> None:
    stripe.Refund.create(payment_intent=payment_intent_id, reason=reason)
