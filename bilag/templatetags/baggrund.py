"""Template filters for the public pages: names in the language the page is shown in."""

from babel import Locale
from django import template
from django.utils import formats
from django.utils.translation import get_language

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """«en» as «engelsk» on a Danish page and «English» on an English one."""
    if not code:
        return ""
    try:
        name = Locale.parse(get_language() or "da", sep="-").languages.get(code)
    except (ValueError, TypeError):
        name = None
    return name or code


@register.filter
def by_display_name(countries):
    """Countries in the alphabetical order of the names shown (the database sorts by Danish)."""
    countries = list(countries)
    if (get_language() or "").startswith("en"):
        countries.sort(key=lambda country: country.display_name.casefold())
    return countries


@register.filter
def published_date(bilag) -> str:
    """The publication date as precise as it is known, in the page's date format."""
    value = bilag.published
    if value is None:
        return ""
    if bilag.published_precision == "year":
        return str(value.year)
    if bilag.published_precision == "month":
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")
