from .base import *  # noqa

DEBUG = True{{expect:debug-in-production}}
ALLOWED_HOSTS = ["shop.acme-corp.io"]
SECRET_KEY = "{{rand:50:pw}}"{{expect:generic-secret}}
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": "{{rand:20:pw}}",{{expect:generic-password}}
    }
}
