"""Filters for bilag lists; every filter lives in the query string so lists can be shared."""

import datetime

import django_filters
from babel import Locale
from django import forms
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Bilag, DatePrecision, Source


def language_name(code: str) -> str:
    try:
        return Locale(get_language() or "da").languages.get(code, code)
    except (ValueError, TypeError):
        return code


def language_choices() -> list[tuple[str, str]]:
    codes = (
        Bilag.objects.public().exclude(language="").order_by().values_list("language", flat=True)
    )
    return sorted(((c, language_name(c)) for c in set(codes)), key=lambda choice: choice[1])


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class BilagFilter(django_filters.FilterSet):
    kilde = django_filters.ModelChoiceFilter(
        label=_("Kilde"),
        field_name="source",
        to_field_name="slug",
        queryset=Source.objects.all(),
        empty_label=_("Alle kilder"),
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
    )
    udgaaede = django_filters.BooleanFilter(
        label=_("Medtag udgåede bilag"),
        method="filter_include_withdrawn",
        widget=forms.CheckboxInput,
    )
    sortering = django_filters.OrderingFilter(
        label=_("Sortering"),
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

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.country = country
        if country is not None:
            self.filters["kilde"].queryset = Source.objects.filter(
                bilag__country=country
            ).distinct()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sortering"):
            queryset = queryset.order_by("-number" if self.country else "-added", "-pk")
        return queryset

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

    def filter_include_withdrawn(self, queryset, name, value: bool):
        return queryset if value else queryset.current()
