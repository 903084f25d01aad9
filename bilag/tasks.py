"""Celery tasks: thin wrappers that take a primary key and call the processing code."""

import contextvars
import datetime
import logging
from concurrent.futures import ThreadPoolExecutor

from celery import shared_task
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


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    # Only a lost database connection is worth another try; bad PDFs fail for good.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=10,
    max_retries=5,
)
def process_bilag(pk: int) -> str:
    return processing.process_bilag(pk).status


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
            dispatch(bilag.pk, bilag.page_count)
            requeued.append(bilag.pk)
    if requeued:
        logger.info("requeued stuck bilag %s", requeued)
    return requeued


def time_limit(page_count: int | None) -> int:
    pages = page_count or settings.BAGGRUND_MAX_PAGES // 10
    return settings.BAGGRUND_TASK_SECONDS_BASE + settings.BAGGRUND_TASK_SECONDS_PER_PAGE * pages


def run_inline(pk: int) -> None:
    try:
        processing.process_bilag(pk)
    except Exception:
        logger.exception("processing of bilag %s failed", pk)


def run_in_thread(pk: int) -> None:
    try:
        run_inline(pk)
    finally:
        # The thread's own database connection is not closed by any request cycle.
        close_old_connections()


def dispatch(pk: int, page_count: int | None) -> None:
    mode = settings.BAGGRUND_PROCESSING
    if mode == "inline":
        run_inline(pk)
    elif mode == "thread":
        # In the request's context, so that its request id reaches the thread's log lines.
        embedded_worker.submit(contextvars.copy_context().run, run_in_thread, pk)
    else:
        limit = time_limit(page_count)
        try:
            process_bilag.apply_async(args=[pk], soft_time_limit=limit, time_limit=limit + 60)
        except BrokerError:
            # The upload is stored; the sweeper queues it once the broker is back.
            logger.warning("broker unreachable; bilag %s waits for the sweeper", pk)
            Bilag.objects.filter(pk=pk).update(progress=WAITING_FOR_QUEUE)


def enqueue_processing(bilag: Bilag) -> None:
    """Queue the bilag once the surrounding transaction has committed its row and file."""
    page_count = processing.quick_page_count(bilag)
    if page_count and bilag.page_count != page_count:
        Bilag.objects.filter(pk=bilag.pk).update(page_count=page_count)
    transaction.on_commit(lambda: dispatch(bilag.pk, page_count))
