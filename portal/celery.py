import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# Tesseract's own threads fight Celery's processes for the same cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

from . import requestid  # noqa: E402, F401 - connects the task signals that carry the request id
