"""The WSGI entry point gunicorn imports in every worker: ``level5.api.wsgi:app``.

The serve command passes its options in the environment (:mod:`.settings`), because
gunicorn starts the workers and each builds its own app from them.
"""

from level5.api.app import create_app
from level5.api.settings import Settings

settings = Settings.from_env()
app = create_app(
    settings.models_dir, redis_url=settings.redis_url, reload_token=settings.reload_token
)
