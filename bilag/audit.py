"""Who is acting: the staff member behind a request, for the bilag audit trail."""

from contextvars import ContextVar

acting_user: ContextVar = ContextVar("acting_user", default=None)


class AuditUserMiddleware:
    """Remember the logged-in user for the duration of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = acting_user.set(user if user is not None and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            acting_user.reset(token)
