"""Django settings of the blog, read from the environment (twelve-factor style).

======================  ==================================================  ==================
variable                meaning                                             default
======================  ==================================================  ==================
BLOG_DATA               folder of the SQLite database (never the package)   ``./blog-data``
DATABASE_URL            any database dj-database-url reads (PostgreSQL)     SQLite in BLOG_DATA
LEVEL5_MODELS           the model folder (the API's and the app's too)      ``./models``
BLOG_PRODUCTION         ``true``: DEBUG off and the deploy settings below   off
BLOG_SECRET_KEY         required in production (50+ random characters)      a dev-only key
BLOG_ALLOWED_HOSTS      comma-separated host names served in production     none
BLOG_HSTS_SECONDS       Strict-Transport-Security max-age in production     31536000 (a year)
BLOG_PROXY_SSL_HEADER   ``true`` behind a TLS proxy that sets               off
                        X-Forwarded-Proto
======================  ==================================================  ==================

The prediction plugin is one app in ``INSTALLED_APPS`` plus one dict,
``BLOG_PREDICTIONS``; remove both and the blog runs without it (comments then wait
for a moderator).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from level5.api.settings import MODELS_ENV

DATA_ENV = "BLOG_DATA"
DATA_DIR = Path(os.environ.get(DATA_ENV) or "blog-data").resolve()
DATABASE_FILE = DATA_DIR / "blog.sqlite3"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


PRODUCTION = _flag("BLOG_PRODUCTION")
DEBUG = not PRODUCTION
SECRET_KEY = os.environ.get("BLOG_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "BLOG_SECRET_KEY is not set; production refuses to start without a secret key "
            "(make one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    SECRET_KEY = "django-insecure-development-only-never-deploy-this-key"
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("BLOG_ALLOWED_HOSTS", "").split(",") if h.strip()
]
if DEBUG:
    ALLOWED_HOSTS += ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "level5.blog.posts",
    "level5.blog.predictions",  # the plugin: delete this line and BLOG_PREDICTIONS to go without
]

BLOG_PREDICTIONS = {
    "MODELS": os.environ.get(MODELS_ENV) or "models",  # level 5's model folder
    "SPAM": "spam",  # sub-folder of the spam filter (level1.spam)
    "SENTIMENT": "sentiment",  # sub-folder of the sentiment classifier (level1.textclf)
    "SPAM_THRESHOLD": None,  # None: the threshold the filter was tuned with
    "TAG_NEIGHBOURS": 5,  # posts the tag suggester looks at
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "level5.blog.urls"
WSGI_APPLICATION = "level5.blog.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATABASE_FILE}", conn_max_age=0 if DEBUG else 60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"  # `collectstatic` fills it for the web server in front

LOGIN_URL = "admin:login"

# --- production: the settings `manage.py check --deploy` asks for --------------------------
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "BLOG_ALLOWED_HOSTS is not set; production serves only the host names listed there"
        )
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("BLOG_HSTS_SECONDS") or 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if _flag("BLOG_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
