"""The domain: countries, sources and the bilag filed under them."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_AP
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .audit import acting_user
from .pipeline.cover import SOURCE_CUTOFF, closest_name
from .slugs import RESERVED_SLUGS, danish_slugify


class CountryQuerySet(models.QuerySet):
    def lookup(self, name: str) -> "Country | None":
        """A country by its Danish or English name, ISO code or slug, ignoring case."""
        name = " ".join(name.split())
        if not name:
            return None
        match = Q(name_da__iexact=name) | Q(name_en__iexact=name) | Q(slug=danish_slugify(name))
        if len(name) == 3:
            match |= Q(iso3__iexact=name)
        country = self.filter(match).first()
        if country is None:
            former = FormerSlug.objects.filter(slug=danish_slugify(name)).first()
            country = former.country if former else None
        return country

    def closest(self, name: str) -> "Country | None":
        """The country whose Danish or English name an OCR-damaged name is closest to."""
        by_name = {}
        for pk, name_da, name_en in self.values_list("pk", "name_da", "name_en"):
            by_name[name_da] = by_name[name_en or name_da] = pk
        pk = closest_name(" ".join(name.split()), by_name)
        return self.get(pk=pk) if pk is not None else None


def page_is_english() -> bool:
    return (get_language() or "").startswith("en")


def localized_name(name_da: str, name_en: str) -> str:
    """A country's name in the active language: English when the page is in English."""
    if name_en and page_is_english():
        return name_en
    return name_da


class Country(models.Model):
    class Group(models.TextChoices):
        I = "I", _("Gruppe I")  # noqa: E741 - the board's own name for the group
        II = "II", _("Gruppe II")

    name_da = models.CharField(_("dansk navn"), max_length=120, unique=True)
    name_en = models.CharField(_("engelsk navn"), max_length=120, blank=True)
    iso3 = models.CharField(
        _("ISO 3166-1 alpha-3"),
        max_length=3,
        blank=True,
        help_text=_("Tom for samlinger som «Diverse emner», der ikke hører til et land."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    group = models.CharField(_("gruppe"), max_length=2, choices=Group.choices, blank=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("land")
        verbose_name_plural = _("lande")
        ordering = ["name_da"]
        constraints = [
            models.UniqueConstraint(
                fields=["iso3"], condition=~Q(iso3=""), name="country_iso3_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name_da

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = danish_slugify(self.name_da)
        with transaction.atomic():
            if self.pk:
                old_slug = Country.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
                if old_slug and old_slug != self.slug:
                    FormerSlug.objects.update_or_create(slug=old_slug, defaults={"country": self})
            super().save(*args, **kwargs)
            # A slug taken back from history is current again, not a redirect.
            FormerSlug.objects.filter(slug=self.slug).delete()

    def get_absolute_url(self) -> str:
        return reverse("bilag:country", kwargs={"country": self.slug})

    @property
    def is_collection(self) -> bool:
        return not self.iso3

    @property
    def display_name(self) -> str:
        """The name in the active language: English when the page is in English."""
        return localized_name(self.name_da, self.name_en)

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Denne adresse bruges af portalen selv.")})


class FormerSlug(models.Model):
    """An old country slug that redirects permanently to the country's current one."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="former_slugs")
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        verbose_name = _("tidligere slug")
        verbose_name_plural = _("tidligere slugs")

    def __str__(self) -> str:
        return self.slug


class Source(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("Nyhedsmedie")
        NGO = "ngo", _("NGO")
        UN = "un", _("FN")
        GOVERNMENT = "government", _("Myndighed")
        ACADEMIC = "academic", _("Forskning")
        OTHER = "other", _("Andet")

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    url = models.URLField(_("adresse"), blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("kilde")
        verbose_name_plural = _("kilder")
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="source_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            base = danish_slugify(self.name)[:190] or "kilde"
            slug, n = base, 2
            while Source.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        with transaction.atomic():
            renamed = (
                self.pk is not None
                and Source.objects.filter(pk=self.pk).exclude(name=self.name).exists()
            )
            super().save(*args, **kwargs)
            if renamed:  # the source's name is part of its bilag's search index
                from .search import reindex

                reindex(Bilag.objects.filter(source=self), pages=False)

    @classmethod
    def closest(cls, name: str) -> "Source | None":
        """The known source an OCR-damaged name is closest to ("Udleendingestyrelsen")."""
        by_name = dict(cls.objects.values_list("name", "pk"))
        pk = closest_name(" ".join(name.split()), by_name, cutoff=SOURCE_CUTOFF)
        return cls.objects.get(pk=pk) if pk is not None else None

    @classmethod
    def get_or_create_by_name(cls, name: str) -> "Source":
        name = " ".join(name.split())
        source = cls.objects.filter(name__iexact=name).first()
        if source is None:
            try:
                with transaction.atomic():
                    source = cls.objects.create(name=name)
            except IntegrityError:  # another worker created it a moment ago
                source = cls.objects.get(name__iexact=name)
        return source


class DatePrecision(models.TextChoices):
    DAY = "day", _("dag")
    MONTH = "month", _("måned")
    YEAR = "year", _("år")


def format_fuzzy_date(value: datetime.date | None, precision: str) -> str:
    """ "11. september 2018" (English "Sept. 11, 2018"), "september 2018" or "2018": the
    page's date formats, by hand rather than with date_format, as lists call it twice a row.
    """
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[value.month]} {value.year}"
    if page_is_english():
        return f"{MONTHS_AP[value.month]} {value.day}, {value.year}"
    return f"{value.day}. {MONTHS[value.month]} {value.year}"


# What the audit trail records, and which of those a citation shows ("corrected on").
AUDITED_FIELDS = [
    "country",
    "number",
    "title",
    "source",
    "published",
    "published_precision",
    "added",
    "language",
    "status",
    "withdrawn_on",
    "withdrawn_note",
    "superseded_by",
    "pdf",
    "sha256",
]
CITED_FIELDS = {"country", "number", "title", "source", "published", "published_precision", "added"}
PUBLIC_STATUSES = {"published", "withdrawn"}


def audit_value(value):
    return value if value is None or isinstance(value, int | str | bool) else str(value)


class BilagQuerySet(models.QuerySet):
    def public(self) -> "BilagQuerySet":
        """What anyone may see: published and withdrawn bilag (permalinks answer forever)."""
        return self.filter(status__in=[Bilag.Status.PUBLISHED, Bilag.Status.WITHDRAWN])

    def visible_to(self, user) -> "BilagQuerySet":
        return self if user.is_staff else self.public()

    def current(self) -> "BilagQuerySet":
        return self.exclude(status=Bilag.Status.WITHDRAWN)

    def for_country(self, country: Country) -> "BilagQuerySet":
        return self.filter(country=country)

    def listing(self) -> "BilagQuerySet":
        return self.select_related("country", "source").defer(
            "cleaned_text", "search_vector", "search_head"
        )

    def at_permalink(self, country_slug: str, number: int) -> "BilagQuerySet":
        """The bilag at /<country>/<number>/, found in one query through its country's slug."""
        return self.listing().filter(country__slug=country_slug, number=number)

    def with_page_lists(self) -> "BilagQuerySet":
        """With `is_cited` and `has_earlier_files`, so that a permalink page lists decisions
        and earlier files only when there are any, without a query each to find out."""
        return self.annotate(
            is_cited=models.Exists(DecisionCitation.objects.filter(bilag=models.OuterRef("pk"))),
            has_earlier_files=models.Exists(BilagFile.objects.filter(bilag=models.OuterRef("pk"))),
        )

    def search(self, query) -> "BilagQuerySet":
        """Full-text matches for a websearch-style query, with a `search_rank` alias.

        `query` is a string or a parsed `bilag.search.Query`; see bilag/search.py.
        """
        from .search import search_queryset

        return search_queryset(self, query)

    def by_relevance(self) -> "BilagQuerySet":
        """Best match first; only after search()."""
        from .search import order_by_relevance

        return order_by_relevance(self)


class Bilag(models.Model):
    class Status(models.TextChoices):
        PROCESSING = "processing", _("Behandles")
        PUBLISHED = "published", _("Offentliggjort")
        FAILED = "failed", _("Fejlet")
        WITHDRAWN = "withdrawn", _("Udgået")

    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="bilag",
        verbose_name=_("land"),
        null=True,
        blank=True,
    )
    number = models.PositiveIntegerField(
        _("bilagsnummer"),
        null=True,
        blank=True,
        help_text=_("Tildeles automatisk som det næste ledige nummer, hvis feltet er tomt."),
    )
    title = models.CharField(_("titel"), max_length=500, blank=True)
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="bilag",
        verbose_name=_("kilde"),
        null=True,
        blank=True,
    )
    published = models.DateField(_("udgivet"), null=True, blank=True)
    published_precision = models.CharField(
        _("udgivelsesdatoens præcision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    added = models.DateField(_("optaget"), default=timezone.localdate)
    language = models.CharField(_("sprog"), max_length=8, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROCESSING
    )
    withdrawn_on = models.DateField(_("udgået den"), null=True, blank=True)
    withdrawn_note = models.TextField(_("bemærkning om udgåelse"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("erstattet af"),
    )

    pdf = models.FileField(_("original PDF"), upload_to="bilag/original/%Y/%m/", max_length=300)
    archive_pdf = models.FileField(
        _("søgbar PDF"),
        upload_to="bilag/archive/%Y/%m/",
        blank=True,
        max_length=300,
        help_text=_("Kopi med tekstlag, lavet når dokumentet blev OCR-behandlet."),
    )
    original_filename = models.CharField(_("filnavn ved upload"), max_length=300, blank=True)
    page_count = models.PositiveIntegerField(_("sider"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    # A web browser made the PDF (pipeline.extract.made_by_browser); null: not read yet.
    made_by_browser = models.BooleanField(_("lavet af en browser"), null=True, blank=True)
    cleaned_text = models.TextField(_("renset tekst"), blank=True)

    progress = models.CharField(_("fremskridt"), max_length=200, blank=True)
    failure_reason = models.TextField(_("fejlårsag"), blank=True)
    cover_warnings = models.JSONField(_("afvigelser fra forsiden"), default=list, blank=True)

    # Full-text index, kept by bilag.search.index_bilag(); the GIN index on search_vector
    # (PostgreSQL) and the FTS5 table (SQLite) are made in migration 0003.
    search_config = models.CharField(
        _("søgekonfiguration"), max_length=40, default="bilag_simple", editable=False
    )
    search_vector = SearchVectorField(null=True, editable=False)
    # Title and source only: small enough to rank very broad queries cheaply.
    search_head = SearchVectorField(null=True, editable=False)

    corrected_at = models.DateTimeField(
        _("rettet"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Sidste gang metadata blev rettet, efter at bilaget var offentliggjort."),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = BilagQuerySet.as_manager()

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["country__name_da", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["country", "number"], name="bilag_number_per_country"),
            models.UniqueConstraint(
                fields=["sha256"], condition=~Q(sha256=""), name="bilag_sha256_unique"
            ),
            models.CheckConstraint(
                condition=~Q(status="published")
                | (Q(country__isnull=False) & Q(number__isnull=False)),
                name="bilag_published_has_permalink",
            ),
        ]
        indexes = [
            models.Index(fields=["country", "status", "-added"], name="bilag_country_added"),
            models.Index(
                fields=["country", "status", "-published"], name="bilag_country_published"
            ),
            models.Index(fields=["status", "-added"], name="bilag_status_added"),
            # Newest first without the status in front: a broad search walks these in order
            # (bilag.search.SearchResults), which `status IN (…)` in front would prevent.
            models.Index(fields=["-added", "-id"], name="bilag_added_id"),
            models.Index(fields=["-published", "-id"], name="bilag_published_id"),
            models.Index(fields=["title", "-id"], name="bilag_title_id"),
        ]

    def __str__(self) -> str:
        if self.country_id and self.number:
            return f"{self.country} {self.number}: {self.title}"
        return self.title or self.original_filename or f"#{self.pk}"

    def save(self, *args, search_index: bool = True, **kwargs) -> None:
        """Save, audit and index. search_index=False leaves indexing to the caller, which
        then calls bilag.search.index_bilag() itself (processing, after writing the pages)."""
        with transaction.atomic():
            before = self._stored_values()
            self._record_permalink_change(before)
            # Numbered when it becomes public, so that a cover sheet read during processing
            # can still supply the number.
            if self.country_id and self.number is None and self.is_public:
                self.number = next_free_number(self.country_id)
            changes = self._changes_since(before)
            was_public = before is not None and before["status"] in PUBLIC_STATUSES
            if was_public and CITED_FIELDS & changes.keys():
                self.corrected_at = timezone.now()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "corrected_at"}
            if was_public and "pdf" in changes and before["pdf"]:
                self.file_versions.create(
                    file=before["pdf"],
                    sha256=before["sha256"],
                    version=self.file_versions.count() + 1,
                )
            super().save(*args, **kwargs)
            if changes:
                BilagEvent.objects.create(
                    bilag=self,
                    user=acting_user.get(),
                    changes=changes,
                    action=BilagEvent.Action.CREATED
                    if before is None
                    else BilagEvent.Action.CHANGED,
                )
            if search_index:
                self._update_search_index(kwargs.get("update_fields"))

    def get_absolute_url(self) -> str:
        return reverse("bilag:detail", kwargs={"country": self.country.slug, "number": self.number})

    def _stored_values(self) -> dict | None:
        if not self.pk:
            return None
        return Bilag.objects.filter(pk=self.pk).values(*AUDITED_FIELDS).first()

    def _changes_since(self, before: dict | None) -> dict[str, list]:
        changes = {}
        for field in AUDITED_FIELDS:
            new = getattr(self, self._meta.get_field(field).attname)
            if isinstance(new, models.fields.files.FieldFile):
                new = new.name
            old = before[field] if before is not None else None
            if old != new and (before is not None or new not in (None, "")):
                changes[field] = [audit_value(old), audit_value(new)]
        return changes

    @property
    def has_permalink(self) -> bool:
        return bool(self.country_id and self.number)

    @property
    def is_public(self) -> bool:
        return self.status in {self.Status.PUBLISHED, self.Status.WITHDRAWN}

    @property
    def published_display(self) -> str:
        return format_fuzzy_date(self.published, self.published_precision)

    @property
    def download_name(self) -> str:
        return f"{self.country.slug}-{self.number}.pdf"

    @property
    def citation(self) -> str:
        details = [self.source.name] if self.source_id else []
        if self.title:
            details.append(f'"{self.title}"')
        if self.published:
            details.append(self.published_display)
        details.append(f"optaget {format_fuzzy_date(self.added, DatePrecision.DAY)}")
        return (
            f"Flygtningenævnets baggrundsmateriale, {self.country.name_da}, "
            f"bilag nr. {self.number}: {', '.join(details)}"
        )

    def served_pdf(self):
        """The searchable copy when OCR made one, else the original."""
        return self.archive_pdf or self.pdf

    def _update_search_index(self, update_fields) -> None:
        """Metadata edits (title, source, text) reach the search index in the same transaction."""
        from .search import INDEXED_FIELDS, index_bilag

        if update_fields is None or INDEXED_FIELDS & set(update_fields):
            index_bilag(self, pages=False)

    def _record_permalink_change(self, before: dict | None) -> None:
        """A corrected number or country leaves the old permalink as a redirect."""
        if not before or before["country"] is None or before["number"] is None:
            return
        if (before["country"], before["number"]) != (self.country_id, self.number):
            PermalinkAlias.objects.update_or_create(
                country_id=before["country"], number=before["number"], defaults={"bilag": self}
            )

    def withdraw(
        self,
        *,
        on: datetime.date | None = None,
        note: str = "",
        superseded_by: "Bilag | None" = None,
    ) -> None:
        self.status = self.Status.WITHDRAWN
        self.withdrawn_on = on or timezone.localdate()
        self.withdrawn_note = note
        self.superseded_by = superseded_by
        self.save(
            update_fields=[
                "status",
                "withdrawn_on",
                "withdrawn_note",
                "superseded_by",
                "updated_at",
            ]
        )


def next_free_number(country_id: int) -> int:
    """The next number for a country, safe against two staff saving at once.

    The country row is locked (PostgreSQL) or the write transaction is exclusive (SQLite in
    IMMEDIATE mode), so the max-plus-one is read and used by one transaction at a time.
    Numbers that only live on as redirects are never handed out again.
    """
    Country.objects.select_for_update().filter(pk=country_id).values_list("pk").first()
    used = Bilag.objects.filter(country_id=country_id).aggregate(m=models.Max("number"))["m"] or 0
    aliased = (
        PermalinkAlias.objects.filter(country_id=country_id).aggregate(m=models.Max("number"))["m"]
        or 0
    )
    return max(used, aliased) + 1


class PermalinkAlias(models.Model):
    """An earlier country/number of a bilag: its old permalink redirects for good."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    bilag = models.ForeignKey(Bilag, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        verbose_name = _("tidligere permalink")
        verbose_name_plural = _("tidligere permalinks")
        constraints = [
            models.UniqueConstraint(fields=["country", "number"], name="alias_number_per_country"),
        ]

    def __str__(self) -> str:
        return f"{self.country.slug}/{self.number} → {self.bilag}"


class Page(models.Model):
    """One page of a bilag's PDF: the raw extracted or OCR'd text and its cleaned form."""

    class Method(models.TextChoices):
        TEXT = "text", _("tekstlag")
        OCR = "ocr", _("OCR")

    bilag = models.ForeignKey(Bilag, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(_("side"))
    method = models.CharField(max_length=4, choices=Method.choices, default=Method.TEXT)
    raw_text = models.TextField(_("rå tekst"), blank=True)
    # The numbers of raw_text's lines (from 0) that the PDF prints as web links' text; the
    # cleaner reads menus and teaser lists by them, so re-cleaning needs them too. None: not
    # read yet (a page stored before they were), re-cleaning reads them from the PDF.
    link_lines = models.JSONField(_("linjer med links"), null=True, blank=True)
    text = models.TextField(_("renset tekst"), blank=True)
    # Only read for the few results shown, to find the page of a hit (PostgreSQL).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("side")
        verbose_name_plural = _("sider")
        ordering = ["bilag", "number"]
        constraints = [
            models.UniqueConstraint(fields=["bilag", "number"], name="page_number_per_bilag"),
        ]

    def __str__(self) -> str:
        return f"{self.bilag} s. {self.number}"


class BilagEvent(models.Model):
    """One entry of a bilag's audit trail: who changed what, and when."""

    class Action(models.TextChoices):
        CREATED = "created", _("oprettet")
        CHANGED = "changed", _("ændret")

    bilag = models.ForeignKey(Bilag, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("bruger"),
    )
    action = models.CharField(_("handling"), max_length=10, choices=Action.choices)
    changes = models.JSONField(_("ændringer"), default=dict)

    class Meta:
        verbose_name = _("hændelse")
        verbose_name_plural = _("hændelser")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        fields = ", ".join(self.changes)
        return f"{self.at:%Y-%m-%d %H:%M} {self.user or 'system'}: {fields}"


class BilagFile(models.Model):
    """An earlier PDF of a bilag, replaced after publication; it keeps its own URL."""

    bilag = models.ForeignKey(Bilag, on_delete=models.CASCADE, related_name="file_versions")
    version = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("fil"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    replaced_at = models.DateTimeField(_("erstattet"), auto_now_add=True)

    class Meta:
        verbose_name = _("tidligere fil")
        verbose_name_plural = _("tidligere filer")
        ordering = ["bilag", "version"]
        constraints = [
            models.UniqueConstraint(fields=["bilag", "version"], name="bilag_file_version"),
        ]

    def __str__(self) -> str:
        return f"{self.bilag} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse(
            "bilag:pdf_version",
            kwargs={
                "country": self.bilag.country.slug,
                "number": self.bilag.number,
                "version": self.version,
            },
        )


class DecisionCitation(models.Model):
    """A decision of the board that cites a bilag, e.g. «Syri/2021/152»."""

    bilag = models.ForeignKey(Bilag, on_delete=models.CASCADE, related_name="decisions")
    reference = models.CharField(_("afgørelse"), max_length=100, db_index=True)
    url = models.URLField(_("adresse"), blank=True)
    decided_on = models.DateField(_("afgjort"), null=True, blank=True)

    class Meta:
        verbose_name = _("henvisning i afgørelse")
        verbose_name_plural = _("henvisninger i afgørelser")
        ordering = ["-decided_on", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["bilag", "reference"], name="decision_once_per_bilag"),
        ]

    def __str__(self) -> str:
        return self.reference
