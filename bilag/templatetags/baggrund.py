"""Template tags for the public pages: names in the language the page is shown in, and the
bilag rows of every list."""

from babel import Locale
from django import template
from django.template.defaultfilters import urlencode
from django.urls import reverse
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bilag.models import DatePrecision, format_fuzzy_date, page_is_english

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
    if page_is_english():
        countries.sort(key=lambda country: country.display_name.casefold())
    return countries


@register.simple_tag(takes_context=True)
def bilag_rows(
    context, rows, *, show_country: bool = False, hide_source: bool = False
) -> SafeString:
    """The <li> of each bilag of a list: title link, source, dates, status and, in a search,
    its snippet."""
    return BilagRows(context.get("search_query"), show_country, hide_source).render(rows)


class BilagRows:
    """Rows built in Python with their labels translated once per list: as an included
    template per row they cost most of a list page's time (0.3 ms a row)."""

    def __init__(self, search_query, show_country: bool, hide_source: bool):
        self.query_string = "?q=" + urlencode(search_query.websearch()) if search_query else ""
        self.show_country = show_country
        self.hide_source = hide_source
        self.number_label = escape(_("bilag nr."))
        self.published_label = escape(_("Udgivet"))
        self.added_label = escape(_("Optaget"))
        self.untitled = _("(uden titel)")
        self.withdrawn_label = escape(_("Udgået"))
        self.source_links: dict[int, str] = {}  # a list shows few sources, many times

    def render(self, rows) -> SafeString:
        return mark_safe("".join(self.row(bilag) for bilag in rows))

    def row(self, bilag) -> str:
        withdrawn = bilag.status == bilag.Status.WITHDRAWN
        meta = []
        if bilag.source_id and not self.hide_source:
            meta.append(self.source_link(bilag.source))
        if bilag.published:
            meta.append(f"{self.published_label} {escape(bilag.published_display)}")
        meta.append(
            f"{self.added_label} {escape(format_fuzzy_date(bilag.added, DatePrecision.DAY))}"
        )
        spans = "".join(f"<span>{part}</span>" for part in meta)
        if withdrawn:
            spans += f'<span class="badge">{self.withdrawn_label}</span>'
        elif not bilag.is_public:
            spans += f'<span class="badge">{escape(bilag.get_status_display())}</span>'
        return (
            f'<li class="bilag-item{" withdrawn" if withdrawn else ""}">\n'
            f"  {self.title_link(bilag)}\n"
            f'  <p class="bilag-meta">{spans}</p>{self.snippet(bilag)}\n</li>\n'
        )

    def title_link(self, bilag) -> str:
        if not bilag.has_permalink:
            url = reverse("admin:bilag_bilag_change", args=[bilag.pk])
            return f'<a class="bilag-title" href="{escape(url)}">{escape(bilag)}</a>'
        url = bilag.get_absolute_url() + self.query_string
        country = f"{escape(bilag.country.display_name)}, " if self.show_country else ""
        title = getattr(bilag, "title_html", None) or bilag.title or self.untitled
        return (
            f'<a class="bilag-title" href="{escape(url)}">{country}'
            f"{self.number_label} {bilag.number}: {conditional_escape(title)}</a>"
        )

    def source_link(self, source) -> str:
        if source.pk not in self.source_links:
            url = reverse("bilag:source", args=[source.slug])
            self.source_links[source.pk] = (
                f'<a class="source" href="{escape(url)}">{escape(source.name)}</a>'
            )
        return self.source_links[source.pk]

    def snippet(self, bilag) -> str:
        hit = getattr(bilag, "search_hit", None)
        if not hit:
            return ""
        page_link = ""
        if hit.page and bilag.has_permalink:
            url = reverse("bilag:pdf", args=[bilag.country.slug, bilag.number])
            label = _("side %(page)s") % {"page": hit.page}
            page_link = (
                f'<a class="hit-page" href="{escape(url)}#page={hit.page}">{escape(label)}</a>: '
            )
        return f'\n  <p class="snippet">{page_link}{conditional_escape(hit.snippet)}</p>'
