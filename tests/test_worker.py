"""A real Celery worker on Redis processes uploads, and survives being killed mid-task."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from bilag.demo import rasterize_pdf, render_pdf
from bilag.models import Bilag
from bilag.processing import accept_upload
from portal.celery import app
from portal.requestid import request_id

from .test_processing import BODY, COVER

BROKER = os.environ.get("CELERY_TEST_BROKER_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.worker,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the worker shares the PostgreSQL test database"
    ),
]


def redis_available() -> bool:
    try:
        return redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


class Worker:
    def __init__(self, media_root: Path, log: Path, broker: str = BROKER):
        db = settings.DATABASES["default"]
        self.env = {
            **os.environ,
            "DATABASE_URL": "postgres://{}@{}:{}/{}".format(
                db["USER"], db["HOST"] or "127.0.0.1", db["PORT"] or 5432, db["NAME"]
            ),
            "CELERY_BROKER_URL": broker,
            "CELERY_VISIBILITY_TIMEOUT": "5",
            "MEDIA_ROOT": str(media_root),
            "BAGGRUND_PROCESSING": "celery",
        }
        self.log = log
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "portal",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-l",
                "info",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@contextlib.contextmanager
def publishing_to(broker: str):
    """Point the portal's Celery app at a broker for the duration, with fresh connections."""

    def reset_pools() -> None:
        app._pool = None
        app.amqp._producer_pool = None

    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.update(broker_url=broker, task_always_eager=False)
    reset_pools()
    try:
        yield
    finally:
        app.conf.update(broker_url=previous[0], task_always_eager=previous[1])
        reset_pools()


@pytest.fixture
def worker(settings, media_root, tmp_path):
    if not redis_available():
        pytest.skip(f"Redis is not reachable at {BROKER}")
    redis.Redis.from_url(BROKER).flushdb()
    settings.BAGGRUND_PROCESSING = "celery"
    with publishing_to(BROKER):
        worker = Worker(media_root, tmp_path / "worker.log")
        worker.start()
        yield worker
        worker.stop()


def poll(condition, timeout: float) -> bool:
    """Whether CONDITION() holds within TIMEOUT seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def wait_for(bilag: Bilag, condition, timeout: float, log: Path) -> Bilag:
    def reached() -> bool:
        bilag.refresh_from_db()
        return condition(bilag)

    if poll(reached, timeout):
        return bilag
    raise AssertionError(
        f"timed out; bilag is {bilag.status} {bilag.progress!r}\n{log.read_text()[-3000:]}"
    )


def test_worker_processes_an_upload_end_to_end(worker):
    token = request_id.set("upload-request-1")  # as during the admin's upload request
    try:
        bilag = accept_upload(ContentFile(render_pdf(COVER, BODY, notice=""), name="a.pdf"))
    finally:
        request_id.reset(token)
    bilag = wait_for(bilag, lambda b: b.status != Bilag.Status.PROCESSING, 90, worker.log)
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert (bilag.country.slug, bilag.number) == ("syrien", 863)
    assert "Thousands of civilians" in bilag.cleaned_text
    # The worker's log line for the task carries the id of the request that queued it.
    # The worker logs the task's end after its transaction commits: the test may see the
    # bilag first.
    line = f"[upload-request-1] bilag {bilag.pk} published in"
    assert poll(lambda: line in worker.log.read_text(), 10), worker.log.read_text()[-3000:]


def test_worker_killed_mid_ocr_leaves_the_job_to_the_next_worker(worker, media_root):
    scan = rasterize_pdf(render_pdf(COVER, BODY * 3, notice=""), dpi=200)
    bilag = accept_upload(ContentFile(scan, name="scan.pdf"))
    wait_for(bilag, lambda b: "OCR, side 3" in b.progress, 120, worker.log)
    worker.kill()
    assert Bilag.objects.get(pk=bilag.pk).status == Bilag.Status.PROCESSING
    worker.start()
    bilag = wait_for(bilag, lambda b: b.status != Bilag.Status.PROCESSING, 240, worker.log)
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert Bilag.objects.count() == 1
    assert bilag.pages.count() == bilag.page_count == 7
    assert len(list((media_root / "bilag" / "archive").rglob("*.pdf"))) == 1
