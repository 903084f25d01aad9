"""Health checks for load balancers and orchestration."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """The process answers."""
    return HttpResponse("ok", content_type="text/plain")


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def broker_ok() -> bool | None:
    """None when no broker is used (embedded mode)."""
    if settings.BAGGRUND_PROCESSING != "celery":
        return None
    from portal.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


@never_cache
def readyz(request):
    """The database and (in production) the broker are reachable."""
    checks = {"database": database_ok(), "broker": broker_ok()}
    ready = all(value is not False for value in checks.values())
    return JsonResponse({"ready": ready, **checks}, status=200 if ready else 503)
