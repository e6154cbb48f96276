"""WSGI entry point: ``gunicorn level5.blog.wsgi`` (set BLOG_PRODUCTION and friends first)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "level5.blog.settings")
application = get_wsgi_application()
