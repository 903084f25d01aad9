import re

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import (
    Bilag,
    BilagEvent,
    BilagFile,
    Country,
    DecisionCitation,
    FormerSlug,
    Page,
    PermalinkAlias,
    Source,
)
from .processing import DuplicateUpload, accept_upload, file_sha256
from .search import FullTextAdminSearchMixin
from .tasks import enqueue_processing, enqueue_reclean


class FormerSlugInline(admin.TabularInline):
    model = FormerSlug
    extra = 0


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name_da", "name_en", "iso3", "slug", "group"]
    list_filter = ["group"]
    search_fields = ["name_da", "name_en", "iso3", "slug"]
    inlines = [FormerSlugInline]


# An address typed without its scheme is a secure one ("www.unhcr.org": https://…).
SECURE_ADDRESSES = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    formfield_overrides = SECURE_ADDRESSES
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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePdfField(forms.FileField):
    widget = MultipleFileInput(attrs={"accept": "application/pdf,.pdf"})

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultiplePdfField, self).clean(item, initial) for item in files if item]


class UploadForm(forms.Form):
    files = MultiplePdfField(
        label=_("PDF-filer"),
        help_text=_("Vælg en eller flere PDF'er. Tomme felter nedenfor udfyldes fra forsiden."),
    )
    country = forms.ModelChoiceField(
        label=_("Land"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_("Kun hvis filerne ikke har Flygtningenævnets forside."),
    )
    source = forms.ModelChoiceField(label=_("Kilde"), queryset=Source.objects.all(), required=False)


class BilagAdminForm(forms.ModelForm):
    class Meta:
        model = Bilag
        exclude: list[str] = []

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload and "pdf" in self.changed_data:
            self.pdf_sha256 = file_sha256(upload)
            existing = Bilag.objects.filter(sha256=self.pdf_sha256).exclude(pk=self.instance.pk)
            if existing.exists():
                raise forms.ValidationError(str(DuplicateUpload(existing.first())))
        return upload


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BilagEventInline(ReadOnlyInline):
    model = BilagEvent
    fields = ["at", "user", "action", "changes"]
    readonly_fields = fields
    verbose_name_plural = _("Historik (hvem ændrede hvad og hvornår)")


class BilagFileInline(ReadOnlyInline):
    model = BilagFile
    fields = ["version", "file", "sha256", "replaced_at"]
    readonly_fields = fields


class DecisionCitationInline(admin.TabularInline):
    model = DecisionCitation
    formfield_overrides = SECURE_ADDRESSES
    extra = 1


class PageInline(ReadOnlyInline):
    model = Page
    fields = ["number", "method", "text"]
    readonly_fields = fields


class CoverWarningsFilter(admin.SimpleListFilter):
    """The bilag whose cover staff should check: it disagreed with them, or was read by OCR."""

    title = _("forsiden")
    parameter_name = "forside"

    def lookups(self, request, model_admin):
        return [("kontroller", _("skal kontrolleres")), ("ok", _("uden afvigelser"))]

    def queryset(self, request, queryset):
        if self.value() == "kontroller":
            return queryset.exclude(cover_warnings=[])
        if self.value() == "ok":
            return queryset.filter(cover_warnings=[])
        return queryset


@admin.register(Bilag)
class BilagAdmin(FullTextAdminSearchMixin, admin.ModelAdmin):
    form = BilagAdminForm
    list_display = ["__str__", "country", "number", "source", "published", "added", "live_status"]
    list_filter = ["status", CoverWarningsFilter, "country", "language", "source__kind"]
    search_fields = ["title", "source__name", "original_filename", "sha256"]
    list_select_related = ["country", "source"]
    autocomplete_fields = ["country", "source", "superseded_by"]
    date_hierarchy = "added"
    actions = ["withdraw", "reprocess", "reclean", "cover_checked"]
    readonly_fields = [
        "live_status",
        "failure_reason",
        "cover_warning_list",
        "page_count",
        "sha256",
        "made_by_browser",
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
        (_("Behandling"), {"fields": readonly_fields}),
    ]
    inlines = [DecisionCitationInline, BilagFileInline, BilagEventInline, PageInline]

    class Media:
        js = ["admin/bilag/live-status.js"]

    @admin.display(description=_("Status"), ordering="status")
    def live_status(self, bilag: Bilag) -> str:
        text = bilag.get_status_display()
        if bilag.status == Bilag.Status.PROCESSING and bilag.progress:
            text = f"{text}: {bilag.progress}"
        elif bilag.status == Bilag.Status.FAILED and bilag.failure_reason:
            text = f"{text}: {bilag.failure_reason}"
        polling = bilag.status == Bilag.Status.PROCESSING
        return format_html(
            '<span class="bilag-status status-{}" data-bilag="{}" data-polling="{}" '
            'role="status">{}</span>',
            bilag.status,
            bilag.pk,
            "1" if polling else "",
            text,
        )

    @admin.display(description=_("Afvigelser fra forsiden"))
    def cover_warning_list(self, bilag: Bilag) -> str:
        if not bilag.cover_warnings:
            return "–"
        return format_html(
            '<ul class="errorlist">{}</ul>',
            format_html(
                "".join("<li>{}</li>" for _ in bilag.cover_warnings), *bilag.cover_warnings
            ),
        )

    def get_urls(self):
        return [
            path(
                "upload/", self.admin_site.admin_view(self.upload_view), name="bilag_bilag_upload"
            ),
            path(
                "status/", self.admin_site.admin_view(self.status_view), name="bilag_bilag_status"
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj: Bilag, form, change: bool) -> None:
        file_changed = "pdf" in form.changed_data
        if file_changed:
            obj.status, obj.progress = Bilag.Status.PROCESSING, "I kø"
            obj.sha256 = form.pdf_sha256
        super().save_model(request, obj, form, change)
        if file_changed:
            enqueue_processing(obj)

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            queued = 0
            for upload in form.cleaned_data["files"]:
                try:
                    accept_upload(
                        upload,
                        country=form.cleaned_data["country"],
                        source=form.cleaned_data["source"],
                    )
                    queued += 1
                except DuplicateUpload as duplicate:
                    self.message_user(request, f"{upload.name}: {duplicate}", messages.ERROR)
            if queued:
                self.message_user(
                    request,
                    ngettext(
                        "%d fil er lagt i kø til behandling.",
                        "%d filer er lagt i kø til behandling.",
                        queued,
                    )
                    % queued,
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(
                reverse("admin:bilag_bilag_changelist") + "?status__exact=processing"
            )
        return TemplateResponse(
            request,
            "admin/bilag/upload.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Upload PDF'er"),
                "form": form,
                "opts": self.model._meta,
            },
        )

    def status_view(self, request):
        """Status and progress of the given bilag, for the list and change page to poll."""
        ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.isdigit()][:500]
        rows = Bilag.objects.filter(pk__in=ids).select_related("country", "source")
        return JsonResponse(
            {
                str(bilag.pk): {
                    "status": bilag.status,
                    "html": str(self.live_status(bilag)),
                    "done": bilag.status != Bilag.Status.PROCESSING,
                }
                for bilag in rows
            }
        )

    @admin.action(description=_("Behandl igen"), permissions=["change"])
    def reprocess(self, request, queryset):
        count = 0
        for bilag in queryset.exclude(status=Bilag.Status.WITHDRAWN):
            Bilag.objects.filter(pk=bilag.pk).update(
                status=Bilag.Status.PROCESSING, progress="I kø", failure_reason=""
            )
            enqueue_processing(bilag)
            count += 1
        self.message_user(
            request,
            ngettext("%d bilag behandles igen.", "%d bilag behandles igen.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Rens teksten igen"), permissions=["change"])
    def reclean(self, request, queryset):
        # Only a public bilag has pages to clean; processing cleans the others itself.
        public = queryset.public().select_related(None).only("pk", "page_count")
        skipped = queryset.count() - len(public)
        queued = 0
        for bilag in public:
            if not enqueue_reclean(bilag):
                break  # the broker is down: every further try would wait its timeout too
            queued += 1
        self.message_user(
            request,
            ngettext(
                "%d bilag er lagt i kø til at få teksten renset igen.",
                "%d bilag er lagt i kø til at få teksten renset igen.",
                queued,
            )
            % queued,
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%d bilag er ikke offentliggjort og blev sprunget over.",
                    "%d bilag er ikke offentliggjort og blev sprunget over.",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            )
        if len(public) > queued:
            self.message_user(
                request,
                _("Køen svarer ikke; prøv igen om lidt."),
                messages.ERROR,
            )

    @admin.action(description=_("Forsiden er kontrolleret"), permissions=["change"])
    def cover_checked(self, request, queryset):
        # The warnings were for staff; once checked, the bilag leaves the "to check" list.
        count = queryset.exclude(cover_warnings=[]).update(cover_warnings=[])
        self.message_user(
            request,
            ngettext(
                "%d bilag er markeret som kontrolleret.",
                "%d bilag er markeret som kontrolleret.",
                count,
            )
            % count,
            messages.SUCCESS,
        )

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
