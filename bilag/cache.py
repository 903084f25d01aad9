"""Whole-page caching of public pages for anonymous visitors.

A public page is the same for every anonymous visitor in a language, so a short cache lets
two cores serve hundreds of requests a second. Logged-in staff bypass it: they watch uploads
change state and must see the live page.
"""

from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware


def cacheable(request) -> bool:
    user = getattr(request, "user", None)
    return (
        settings.CACHE_MIDDLEWARE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not (user is not None and user.is_authenticated)
        and not request.path.startswith(("/admin/", "/api/"))
    )


class UpdatePublicPageCacheMiddleware(UpdateCacheMiddleware):
    def process_response(self, request, response):
        if not cacheable(request) or response.streaming:
            return response
        return super().process_response(request, response)


class FetchPublicPageFromCacheMiddleware(FetchFromCacheMiddleware):
    def process_request(self, request):
        if not cacheable(request):
            request._cache_update_cache = False
            return None
        return super().process_request(request)
