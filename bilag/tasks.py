"""Celery tasks: thin wrappers that take a primary key and call the processing code."""

import contextvars
import datetime
import logging
from concurrent.futures import ThreadPoolExecutor

from celery import Task, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from . import processing
from .models import Bilag

logger = logging.getLogger(__name__)

# Embedded mode: one background thread in the web process stands in for a worker.
embedded_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="baggrund-worker")

WAITING_FOR_QUEUE = "Venter på køen"


# Both tasks are safe to run again: a task of a dead worker is handed out again, and only a
# lost database connection is worth another try (bad PDFs fail for good).
RERUNNABLE = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 10,
    "max_retries": 5,
}


@shared_task(**RERUNNABLE)
def process_bilag(pk: int) -> str:
    return processing.process_bilag(pk).status


@shared_task(**RERUNNABLE)
def reclean_bilag(pk: int) -> bool:
    bilag = Bilag.objects.filter(pk=pk).only("pk").first()
    return bilag is not None and processing.reclean_bilag(bilag)


@shared_task
def sweep_stuck_bilag() -> list[int]:
    """Queue again what is stuck: never queued (broker down) or silent past its time limit."""
    now = timezone.now()
    requeued = []
    for bilag in Bilag.objects.filter(status=Bilag.Status.PROCESSING).only(
        "pk", "page_count", "progress", "updated_at"
    ):
        silent_for = now - bilag.updated_at
        limit = datetime.timedelta(seconds=time_limit(bilag.page_count) + 60)
        if bilag.progress == WAITING_FOR_QUEUE or silent_for > limit:
            Bilag.objects.filter(pk=bilag.pk).update(progress="I kø", updated_at=now)
            dispatch_processing(bilag.pk, bilag.page_count)
            requeued.append(bilag.pk)
    if requeued:
        logger.info("requeued stuck bilag %s", requeued)
    return requeued


def time_limit(page_count: int | None) -> int:
    pages = page_count or settings.BAGGRUND_MAX_PAGES // 10
    return settings.BAGGRUND_TASK_SECONDS_BASE + settings.BAGGRUND_TASK_SECONDS_PER_PAGE * pages


def run_inline(task: Task, pk: int) -> None:
    try:
        task(pk)
    except Exception:
        logger.exception("%s of bilag %s failed", task.name, pk)


def run_in_thread(task: Task, pk: int) -> None:
    try:
        run_inline(task, pk)
    finally:
        # The thread's own database connection is not closed by any request cycle.
        close_old_connections()


def dispatch(task: Task, pk: int, page_count: int | None) -> bool:
    """Run a task on one bilag: on a Celery worker, or in the embedded background thread, or
    here (BAGGRUND_PROCESSING). False when the broker could not be reached."""
    mode = settings.BAGGRUND_PROCESSING
    if mode == "inline":
        run_inline(task, pk)
    elif mode == "thread":
        # In the request's context, so that its request id reaches the thread's log lines.
        embedded_worker.submit(contextvars.copy_context().run, run_in_thread, task, pk)
    else:
        limit = time_limit(page_count)
        try:
            task.apply_async(args=[pk], soft_time_limit=limit, time_limit=limit + 60)
        except BrokerError:
            logger.warning("broker unreachable; %s of bilag %s not queued", task.name, pk)
            return False
    return True


def dispatch_processing(pk: int, page_count: int | None) -> None:
    if not dispatch(process_bilag, pk, page_count):
        # The upload is stored; the sweeper queues it once the broker is back.
        Bilag.objects.filter(pk=pk).update(progress=WAITING_FOR_QUEUE)


def enqueue_processing(bilag: Bilag) -> None:
    """Queue the bilag once the surrounding transaction has committed its row and file."""
    page_count = processing.quick_page_count(bilag)
    if page_count and bilag.page_count != page_count:
        Bilag.objects.filter(pk=bilag.pk).update(page_count=page_count)
    transaction.on_commit(lambda: dispatch_processing(bilag.pk, page_count))


def enqueue_reclean(bilag: Bilag) -> bool:
    """Queue a re-clean of the bilag's stored text; False when the broker could not be reached.

    Queued at once: a re-clean follows no write of the caller's that a worker must see."""
    return dispatch(reclean_bilag, bilag.pk, bilag.page_count)
