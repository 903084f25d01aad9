import re

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Bilag, Country, FormerSlug, Page, PermalinkAlias, Source


class FormerSlugInline(admin.TabularInline):
    model = FormerSlug
    extra = 0


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name_da", "name_en", "iso3", "slug", "group"]
    list_filter = ["group"]
    search_fields = ["name_da", "name_en", "iso3", "slug"]
    inlines = [FormerSlugInline]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


PERMALINK_PATH = re.compile(r"(?P<country>[-a-z0-9]+)/(?P<number>\d+)/?$")


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Udgået den"), initial=timezone.localdate)
    note = forms.CharField(label=_("Bemærkning"), widget=forms.Textarea, required=False)
    superseded_by = forms.CharField(
        label=_("Erstattet af"),
        required=False,
        help_text=_("Permalink til det bilag, der erstatter dette, fx /syrien/864/ (valgfrit)."),
    )

    def clean_superseded_by(self) -> Bilag | None:
        value = self.cleaned_data["superseded_by"].strip()
        if not value:
            return None
        match = PERMALINK_PATH.search(value)
        successor = (
            Bilag.objects.public()
            .filter(country__slug=match["country"], number=int(match["number"]))
            .first()
            if match
            else None
        )
        if successor is None:
            raise forms.ValidationError(
                _("Der findes intet offentligt bilag på «%(value)s».") % {"value": value}
            )
        return successor


class PageInline(admin.TabularInline):
    model = Page
    extra = 0
    fields = ["number", "method", "text"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Bilag)
class BilagAdmin(admin.ModelAdmin):
    list_display = ["__str__", "country", "number", "source", "published", "added", "status"]
    list_filter = ["status", "country", "language", "source__kind"]
    search_fields = ["title", "source__name", "original_filename", "sha256"]
    list_select_related = ["country", "source"]
    autocomplete_fields = ["country", "source", "superseded_by"]
    date_hierarchy = "added"
    actions = ["withdraw"]
    readonly_fields = [
        "status",
        "progress",
        "failure_reason",
        "cover_warnings",
        "page_count",
        "sha256",
        "language",
        "archive_pdf",
        "original_filename",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["pdf", "country", "number", "title", "source"]}),
        (_("Datoer"), {"fields": ["published", "published_precision", "added"]}),
        (_("Udgået"), {"fields": ["withdrawn_on", "withdrawn_note", "superseded_by"]}),
        (
            _("Behandling"),
            {"fields": readonly_fields},
        ),
    ]
    inlines = [PageInline]

    @admin.action(description=_("Markér som udgået …"), permissions=["change"])
    def withdraw(self, request, queryset):
        form = WithdrawForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for bilag in queryset:
                bilag.withdraw(
                    on=form.cleaned_data["withdrawn_on"],
                    note=form.cleaned_data["note"],
                    superseded_by=form.cleaned_data["superseded_by"],
                )
            count = queryset.count()
            self.message_user(
                request,
                ngettext(
                    "%d bilag er markeret som udgået.", "%d bilag er markeret som udgået.", count
                )
                % count,
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/bilag/withdraw.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Markér bilag som udgået"),
                "form": form,
                "queryset": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(PermalinkAlias)
class PermalinkAliasAdmin(admin.ModelAdmin):
    list_display = ["country", "number", "bilag"]
    search_fields = ["bilag__title"]
    raw_id_fields = ["bilag"]
