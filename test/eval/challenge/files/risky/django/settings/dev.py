from .base import *  # noqa

DEBUG = True
SECRET_KEY = "django-insecure-dev-only"
