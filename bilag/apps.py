from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BilagConfig(AppConfig):
    name = "bilag"
    verbose_name = _("Baggrundsmateriale")
    default_auto_field = "django.db.models.BigAutoField"
