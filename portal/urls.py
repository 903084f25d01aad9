from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from . import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # Choosing a language only sets a preference cookie; without a CSRF token on every public
    # page, anonymous pages carry no cookie and can be cached and shared.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("api/v1/", include("bilag.api")),
    path("", include("bilag.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
