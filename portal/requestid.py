"""A request id on every log line of a request and of the processing it queues.

The id is the proxy's X-Request-ID when it looks like one (nginx: `proxy_set_header
X-Request-ID $request_id;`), else a new one. The response carries it back, gunicorn's access
log records it, and a Celery task queued during the request logs under the same id: one grep
follows an upload from the browser to the worker.
"""

import logging
import re
import uuid
from contextvars import ContextVar

from celery.signals import before_task_publish, task_postrun, task_prerun

NONE = "-"
request_id: ContextVar[str] = ContextVar("request_id", default=NONE)

HEADER = "X-Request-ID"
TASK_HEADER = "baggrund_request_id"
_WELL_FORMED = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Outermost, so that a cached page is not served with the id of the request that made it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        current = given if _WELL_FORMED.match(given) else uuid.uuid4().hex
        request.request_id = current
        token = request_id.set(current)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response[HEADER] = current
        return response


class RequestIdFilter(logging.Filter):
    """Gives every log record a `request_id` (NONE outside requests and tasks)."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = request_id.get()
        if current == NONE:
            # Django logs a 4xx/5xx response after the middleware has finished, with the request.
            current = getattr(getattr(record, "request", None), "request_id", NONE)
        record.request_id = current
        return True


@before_task_publish.connect
def send_request_id(headers=None, **kwargs) -> None:
    if headers is not None and request_id.get() != NONE:
        headers.setdefault(TASK_HEADER, request_id.get())


@task_prerun.connect
def receive_request_id(task=None, **kwargs) -> None:
    request_id.set(getattr(task.request, TASK_HEADER, None) or NONE)


@task_postrun.connect
def forget_request_id(**kwargs) -> None:
    request_id.set(NONE)
