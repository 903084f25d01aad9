"""Filters for bilag lists; every filter lives in the query string so lists can be shared."""

import datetime

import django_filters
from babel import Locale
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import (
    PUBLIC_STATUSES,
    Bilag,
    Country,
    DatePrecision,
    DecisionCitation,
    Source,
    localized_name,
)
from .search import Query, no_results_hint

RELEVANCE = "relevans"


def language_name(code: str) -> str:
    try:
        return Locale(get_language() or "da").languages.get(code, code)
    except (ValueError, TypeError):
        return code


def language_choices() -> list[tuple[str, str]]:
    def languages() -> list[str]:
        codes = (
            Bilag.objects.public()
            .exclude(language="")
            .order_by()
            .values_list("language", flat=True)
            .distinct()
        )
        return sorted(set(codes))

    # A scan over every bilag: cached, as the set of languages rarely changes.
    codes = cache.get_or_set("bilag:languages", languages, settings.BAGGRUND_LOOKUP_CACHE_SECONDS)
    return sorted(((c, language_name(c)) for c in codes), key=lambda choice: choice[1])


def lookup(key: str, build):
    # Choices that change only when bilag are added: cached, as they cost a scan each.
    return cache.get_or_set(key, build, settings.BAGGRUND_LOOKUP_CACHE_SECONDS)


def source_choices(country_id: int | None = None) -> list[tuple[str, str]]:
    """(slug, name) of the sources of a country's bilag (of all bilag without one), by name."""

    def build() -> list[tuple[str, str]]:
        sources = Source.objects.all()
        if country_id is not None:
            sources = sources.filter(bilag__country_id=country_id)
        return list(sources.order_by(Lower("name"), "slug").distinct().values_list("slug", "name"))

    return lookup(f"bilag:source-choices:{country_id}", build)


def country_choices() -> list[tuple[str, str]]:
    """(slug, name in the active language) of the countries with public bilag, by that name."""

    def build() -> list[tuple[str, str, str]]:
        countries = Country.objects.filter(bilag__status__in=PUBLIC_STATUSES).order_by()
        return list(countries.distinct().values_list("slug", "name_da", "name_en"))

    rows = lookup("bilag:country-choices", build)
    names = [(slug, localized_name(name_da, name_en)) for slug, name_da, name_en in rows]
    return sorted(names, key=lambda choice: choice[1].casefold())


def html_attrs(attrs: dict) -> str:
    """Attributes as Django's widget template writes them: in order, True bare, False left out."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class FastSelect(forms.Select):
    """A <select> rendered in Python rather than one template per <option>: with a few
    hundred sources or countries, the template engine spent more on them than on the page.
    Flat choices only (no option groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(choice)}"{" selected" if str(choice) in selected else ""}>'
            f"{escape(label)}</option>"
            for choice, label in self.choices
        )
        attrs = html_attrs(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>{options}</select>')


class FastInput:
    """An <input> rendered in Python, as FastSelect: Django renders each widget through two
    templates, which cost more than the rest of the filter form."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
        attrs = html_attrs(widget["attrs"])
        return mark_safe(
            f'<input type="{escape(widget["type"])}" name="{escape(name)}"{value}{attrs}>'
        )


class FastTextInput(FastInput, forms.TextInput):
    pass


class FastSearchInput(FastInput, forms.TextInput):
    input_type = "search"


class IncludeCheckbox(FastInput, forms.CheckboxInput):
    """A checkbox that also reads the spelled-out answers of API clients ("0", "false", "nej")."""

    NO = {"0", "false", "off", "no", "nej"}

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if isinstance(value, str) and value.strip().lower() in self.NO:
            return False
        return super().value_from_datadict(data, files, name)


class DateInput(FastInput, forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class RelevanceOrderingFilter(django_filters.OrderingFilter):
    """The list orderings plus "relevans", which BilagFilter applies when searching."""

    def build_choices(self, fields, labels):
        return [*super().build_choices(fields, labels), (RELEVANCE, _("Relevans"))]

    def filter(self, qs, value):
        orderings = [self.get_ordering_value(v) for v in value or [] if v and v != RELEVANCE]
        if not orderings:
            return qs
        # The id breaks ties (many bilag share a date), so that pages neither repeat nor skip.
        return qs.order_by(*orderings, "-pk")


class BilagFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Søg"),
        method="filter_search",
        widget=FastSearchInput,
    )
    kilde = django_filters.ModelChoiceFilter(
        label=_("Kilde"),
        field_name="source",
        to_field_name="slug",
        queryset=Source.objects.all(),
        empty_label=_("Alle kilder"),
        widget=FastSelect,
    )
    udgivet_fra = django_filters.DateFilter(
        label=_("Udgivet fra"), method="filter_published_from", widget=DateInput()
    )
    udgivet_til = django_filters.DateFilter(
        label=_("Udgivet til"), field_name="published", lookup_expr="lte", widget=DateInput()
    )
    optaget_fra = django_filters.DateFilter(
        label=_("Optaget fra"), field_name="added", lookup_expr="gte", widget=DateInput()
    )
    optaget_til = django_filters.DateFilter(
        label=_("Optaget til"), field_name="added", lookup_expr="lte", widget=DateInput()
    )
    sprog = django_filters.ChoiceFilter(
        label=_("Sprog"),
        field_name="language",
        choices=language_choices,
        empty_label=_("Alle sprog"),
        widget=FastSelect,
    )
    afgoerelse = django_filters.CharFilter(
        label=_("Citeret i afgørelse"),
        method="filter_decision",
        help_text=_("Afgørelsens nummer, fx «Syri/2021/152», eller begyndelsen af det."),
        max_length=100,
        widget=FastTextInput,
    )
    udgaaede = django_filters.BooleanFilter(
        label=_("Medtag udgåede bilag"),
        method="filter_include_withdrawn",
        widget=IncludeCheckbox,
    )
    sortering = RelevanceOrderingFilter(
        label=_("Sortering"),
        widget=FastSelect,
        fields=(
            ("number", "nummer"),
            ("published", "udgivet"),
            ("added", "optaget"),
            ("title", "titel"),
        ),
        field_labels={
            "number": _("Nummer"),
            "published": _("Udgivelsesdato"),
            "added": _("Optagelsesdato"),
            "title": _("Titel"),
        },
        empty_label=None,
    )

    class Meta:
        model = Bilag
        fields: list[str] = []

    def __init__(self, data=None, *args, country=None, **kwargs):
        if data is not None and data.get("q", "").strip() and not data.get("sortering"):
            data = data.copy()
            data["sortering"] = RELEVANCE  # searching sorts by relevance unless told otherwise
        super().__init__(data, *args, **kwargs)
        self.country = country
        self.search_query: Query | None = None
        self.source_choices = source_choices(country.pk if country else None)
        if country is not None:
            self.filters["kilde"].queryset = Source.objects.filter(
                slug__in=[slug for slug, _name in self.source_choices]
            )

    @property
    def form(self):
        form = super().form
        # Options from the cached choices, not from a model instance per source and country.
        self.set_choices(form, "kilde", self.source_choices)
        return form

    @staticmethod
    def set_choices(form, name: str, choices: list[tuple[str, str]]) -> None:
        field = form.fields.get(name)
        if field is not None and not getattr(field, "cached_choices", False):
            field.widget.choices = [("", field.empty_label), *choices]
            field.cached_choices = True

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not [o for o in self.form.cleaned_data.get("sortering") or [] if o != RELEVANCE]:
            if self.search_query is not None and not self.search_query.is_empty:
                queryset = queryset.by_relevance()
            else:
                queryset = queryset.order_by("-number" if self.country else "-added", "-pk")
        return queryset

    def filter_search(self, queryset, name, value: str):
        self.search_query = Query.parse(value)
        return queryset.search(self.search_query)

    def search_notes(self, found: int) -> list[str]:
        """What to tell the user about the query: cut short, or why it finds nothing."""
        if self.search_query is None:
            return []
        notes = list(self.search_query.notes)
        if not found:
            hint = no_results_hint(self.search_query)
            if hint:
                notes.append(hint)
        return notes

    def filter_published_from(self, queryset, name, value: datetime.date):
        # A bilag dated only "september 2018" or "2018" overlaps any range that reaches into
        # that month or year, so compare against the start of its period.
        return queryset.filter(
            Q(published_precision=DatePrecision.DAY, published__gte=value)
            | Q(published_precision=DatePrecision.MONTH, published__gte=value.replace(day=1))
            | Q(
                published_precision=DatePrecision.YEAR, published__gte=value.replace(month=1, day=1)
            )
        )

    def filter_decision(self, queryset, name, value: str):
        # A subquery, not a join: no duplicate rows, and no DISTINCT to clash with ranking.
        reference = value.strip()
        if not reference:
            return queryset
        cited = DecisionCitation.objects.filter(reference__istartswith=reference)
        return queryset.filter(pk__in=cited.values("bilag_id"))

    def filter_include_withdrawn(self, queryset, name, value: bool):
        return queryset if value else queryset.current()


class SearchFilter(BilagFilter):
    """The list filters across all countries, plus the country."""

    land = django_filters.ModelChoiceFilter(
        label=_("Land"),
        field_name="country",
        to_field_name="slug",
        queryset=Country.objects.all(),
        empty_label=_("Alle lande"),
        widget=FastSelect,
    )

    @property
    def form(self):
        form = super().form
        self.set_choices(form, "land", country_choices())
        return form
