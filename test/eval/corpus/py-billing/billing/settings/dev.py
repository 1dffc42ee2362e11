"""Local development settings: never deployed."""
from .base import *  # noqa: F401,F403

DEBUG = True
TEMPLATE_DEBUG = True

ALLOWED_HOSTS = ["*"]
SECRET_KEY = "django-insecure-local-dev-only-changeme"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing_dev",
        "USER": "postgres",
        "PASSWORD": "postgres",
        "HOST": "localhost",
        "PORT": 5432,
    }
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INTERNAL_IPS = ["127.0.0.1"]
INSTALLED_APPS += ["debug_toolbar"]  # noqa: F405
