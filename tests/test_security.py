"""Production settings, security headers, login throttling, health checks and the sweeper."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from bilag.models import Bilag
from bilag.tasks import WAITING_FOR_QUEUE, sweep_stuck_bilag

from .factories import BilagFactory

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.nodb
def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "BAGGRUND_PRODUCTION": "1",
        "BAGGRUND_HTTPS": "1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "baggrund.example.dk",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.nodb
def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, "DEBUG": "0", "BAGGRUND_PRODUCTION": "1", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_security_headers_on_public_pages(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp


@pytest.mark.django_db
def test_admin_login_is_throttled_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_user("staff", password="correct-horse", is_staff=True)
    statuses = [
        client.post("/admin/login/", {"username": "staff", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    locked = client.post("/admin/login/", {"username": "staff", "password": "correct-horse"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.nodb
def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


@pytest.mark.django_db
def test_readyz_reports_database_and_embedded_broker(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "database": True, "broker": None}


@pytest.mark.django_db
def test_readyz_is_503_when_the_broker_is_unreachable(client, settings):
    from portal.celery import app

    settings.BAGGRUND_PROCESSING = "celery"
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/readyz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["broker"] is False


@pytest.mark.django_db
def test_sweeper_requeues_what_never_reached_the_queue_and_what_went_silent(settings):
    settings.BAGGRUND_PROCESSING = "inline"
    waiting = BilagFactory(status=Bilag.Status.PROCESSING, number=None, progress=WAITING_FOR_QUEUE)
    silent = BilagFactory(status=Bilag.Status.PROCESSING, number=None, page_count=1)
    busy = BilagFactory(status=Bilag.Status.PROCESSING, number=None, page_count=1)
    long_ago = timezone.now() - timezone.timedelta(hours=2)
    Bilag.objects.filter(pk=silent.pk).update(updated_at=long_ago)
    requeued = sweep_stuck_bilag()
    assert sorted(requeued) == sorted([waiting.pk, silent.pk])
    assert Bilag.objects.get(pk=busy.pk).status == Bilag.Status.PROCESSING
    # Processed inline here: the factory's PDF has no cover, but the row has a country.
    assert Bilag.objects.get(pk=waiting.pk).status == Bilag.Status.PUBLISHED


@pytest.mark.nodb
def test_json_logs_are_one_object_a_line():
    snippet = (
        "import django, logging; django.setup(); "
        "logging.getLogger('bilag.tasks').warning('bilag %s requeued', 7)"
    )
    env = {**os.environ, "LOG_FORMAT": "json", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    result = subprocess.run(
        [sys.executable, "-c", snippet],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert record["level"] == "WARNING" and record["logger"] == "bilag.tasks"
    assert record["message"] == "bilag 7 requeued"
