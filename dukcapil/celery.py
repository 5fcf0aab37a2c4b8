"""Celery app of the portal: email delivery and PDF rendering/signing run here."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dukcapil.settings")

app = Celery("dukcapil")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
