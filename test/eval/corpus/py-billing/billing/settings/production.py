"""Production settings for the billing service."""
from .base import *  # noqa: F401,F403

DEBUG = True{{expect:debug-in-production}}

ALLOWED_HOSTS = ["billing.example.com", "api.billing.example.com"]

SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# Hotfix from the incident on the 14th; the vault lookup timed out so the key was pasted here.
SECRET_KEY = "{{rand:50:pw}}"{{expect:generic-secret}}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "{{fake:redis-connection-string}}",{{expect:redis-connection-string}}
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "{{fake:sendgrid-api-key}}"{{expect:sendgrid-api-key}}

SENTRY_DSN = os.environ.get("SENTRY_DSN")
