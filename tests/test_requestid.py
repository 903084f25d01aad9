"""The request id: on the response, on log lines, and carried to the tasks a request queues."""

import logging
from types import SimpleNamespace

import pytest
from django.conf import settings

from portal.requestid import (
    HEADER,
    NONE,
    TASK_HEADER,
    RequestIdFilter,
    forget_request_id,
    receive_request_id,
    request_id,
    send_request_id,
)


@pytest.mark.django_db
def test_every_response_carries_a_new_request_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first[HEADER]) == 32 and first[HEADER] != second[HEADER]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given", "echoed"), [("abc-123.x_y", True), ("two words", False), ("x" * 65, False)]
)
def test_a_well_formed_id_from_the_proxy_is_kept(client, given, echoed):
    response = client.get("/healthz", headers={HEADER: given})
    assert (response[HEADER] == given) is echoed


@pytest.mark.django_db
def test_a_cached_page_is_served_with_the_current_request_id(client):
    first, second = client.get("/"), client.get("/")
    assert first[HEADER] != second[HEADER]


@pytest.mark.django_db
def test_log_lines_of_a_request_carry_its_id(client):
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(handler.format(record))
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(logging.Formatter(settings.LOGGING["formatters"]["text"]["format"]))
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/findes-ikke-land/")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    assert any(f"[{response[HEADER]}] Not Found" in line for line in lines), lines


def test_a_task_queued_in_a_request_logs_under_the_request_id():
    headers: dict = {}
    token = request_id.set("from-the-request")
    try:
        send_request_id(headers=headers)
    finally:
        request_id.reset(token)
    assert headers == {TASK_HEADER: "from-the-request"}
    # The worker: Celery copies the message headers onto task.request.
    receive_request_id(task=SimpleNamespace(request=SimpleNamespace(**headers)))
    assert request_id.get() == "from-the-request"
    forget_request_id()
    assert request_id.get() == NONE


def test_a_task_queued_outside_a_request_has_no_id():
    headers: dict = {}
    send_request_id(headers=headers)
    assert headers == {}
    receive_request_id(task=SimpleNamespace(request=SimpleNamespace()))
    assert request_id.get() == NONE
