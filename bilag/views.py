"""Public pages: the country index, country lists, search, permalinks and their files."""

import functools

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from .exports import csv_response
from .files import serve_pdf
from .filters import BilagFilter, DateInput, SearchFilter
from .models import (
    PUBLIC_STATUSES,
    Bilag,
    BilagQuerySet,
    Country,
    FormerSlug,
    PermalinkAlias,
    Source,
)
from .search import Query, SearchPaginator, attach_hits, page_hits

LATEST_ADDITIONS = 10


def country_counts() -> dict[int, int]:
    """Published bilag per country; one index-only scan, cached briefly."""

    def count() -> dict[int, int]:
        rows = (
            Bilag.objects.filter(status=Bilag.Status.PUBLISHED)
            .order_by()
            .values_list("country")
            .annotate(n=Count("pk"))
        )
        return dict(rows)

    return cache.get_or_set("bilag:country-counts", count, settings.BAGGRUND_LOOKUP_CACHE_SECONDS)


def home(request):
    counts = country_counts()
    countries = list(Country.objects.filter(pk__in=counts).order_by("name_da"))
    for country in countries:
        country.bilag_count = counts[country.pk]
    latest = (
        Bilag.objects.filter(status=Bilag.Status.PUBLISHED)
        .listing()
        .order_by("-added", "-pk")[:LATEST_ADDITIONS]
    )
    return render(
        request,
        "bilag/home.html",
        {
            "countries": [c for c in countries if not c.is_collection],
            "collections": [c for c in countries if c.is_collection],
            "latest": latest,
        },
    )


def redirect_with_query(request, url: str) -> HttpResponsePermanentRedirect:
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class CountryRedirect(Exception):
    """The slug is a country's former slug; the page has moved for good."""

    def __init__(self, country: Country):
        self.country = country


def get_country(slug: str) -> Country:
    country = Country.objects.filter(slug=slug).first()
    if country is not None:
        return country
    former = FormerSlug.objects.select_related("country").filter(slug=slug).first()
    if former is not None:
        raise CountryRedirect(former.country)
    raise Http404(_("Der findes intet land med adressen «%(slug)s».") % {"slug": slug})


class SearchResultsMixin:
    """List context for a FilterView that may be searching: snippets for the page shown."""

    paginator_class = SearchPaginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["query_without_page"] = query.urlencode()
        page = context.get("page_obj")
        found = page.paginator.count if page else len(context["object_list"])
        context["search_notes"] = filterset.search_notes(found)
        context["search_query"] = filterset.search_query
        if filterset.search_query is not None:
            rows = list(context["object_list"])
            attach_hits(rows, filterset.search_query)
            context["object_list"] = rows
            if page:
                page.object_list = rows
        return context


class SearchView(SearchResultsMixin, FilterView):
    """Search across all countries: /soeg/?q=…, with all the list filters and `land`."""

    filterset_class = SearchFilter
    template_name = "bilag/search.html"
    paginate_by = 20
    page_kwarg = "side"

    def get_queryset(self):
        if not self.request.GET:  # the bare search page lists nothing
            return Bilag.objects.none()
        return Bilag.objects.visible_to(self.request.user).listing()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["data"] = self.request.GET
        return kwargs


class CountryBilagList(SearchResultsMixin, FilterView):
    filterset_class = BilagFilter
    template_name = "bilag/country.html"
    paginate_by = 50
    page_kwarg = "side"

    def get(self, request, *args, **kwargs):
        try:
            self.country = get_country(kwargs["country"])
        except CountryRedirect as moved:
            return redirect_with_query(request, moved.country.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Bilag.objects.public().for_country(self.country).listing()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        # Always bound, so that the defaults (no withdrawn, newest first) apply to a bare URL.
        kwargs["data"] = self.request.GET
        kwargs["country"] = self.country
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["country"] = self.country
        return context


def resolve_bilag(request, country_slug: str, number: int, queryset=None) -> Bilag:
    """The bilag at a permalink, following renamed slugs and corrected numbers.

    Raises PermalinkMoved when the permalink now lives elsewhere.
    """
    queryset = Bilag.objects.all() if queryset is None else queryset
    bilag = queryset.visible_to(request.user).at_permalink(country_slug, number).first()
    if bilag is not None:
        return bilag
    try:
        country = get_country(country_slug)
    except CountryRedirect as moved:
        raise PermalinkMoved(moved.country.slug, number) from None
    alias = (
        PermalinkAlias.objects.select_related("bilag__country")
        .filter(country=country, number=number)
        .first()
    )
    if alias is not None and alias.bilag.has_permalink:
        raise PermalinkMoved(alias.bilag.country.slug, alias.bilag.number)
    raise Http404(
        _("%(country)s har intet offentligt bilag nr. %(number)s.")
        % {"country": country.display_name, "number": number}
    )


class PermalinkMoved(Exception):
    def __init__(self, country_slug: str, number: int):
        self.country_slug = country_slug
        self.number = number

    def response(self, request, view_name: str) -> HttpResponsePermanentRedirect:
        url = reverse(view_name, kwargs={"country": self.country_slug, "number": self.number})
        return redirect_with_query(request, url)


def permalink_view(view_name: str):
    """Decorate a view of one bilag: resolve it, or redirect to where it lives now."""

    def decorator(func):
        def wrapper(request, country: str, number: int, **kwargs):
            try:
                bilag = resolve_bilag(request, country, number)
            except PermalinkMoved as moved:
                return moved.response(request, view_name)
            return func(request, bilag, **kwargs)

        wrapper.__name__ = func.__name__
        wrapper.__doc__ = func.__doc__
        return wrapper

    return decorator


class BilagDetail(DetailView):
    template_name = "bilag/detail.html"
    context_object_name = "bilag"

    def get(self, request, *args, **kwargs):
        try:
            self.object = resolve_bilag(
                request, kwargs["country"], kwargs["number"], Bilag.objects.with_page_lists()
            )
        except PermalinkMoved as moved:
            return moved.response(request, "bilag:detail")
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.request.GET.get("q", "")
        if q.strip():  # arrived from a search: show where the words are
            query = Query.parse(q)
            context["search_query"] = query
            context["search_hits"] = page_hits(self.object, query)
        return context


def pdf_response(request, bilag: Bilag, file_field, filename: str, sha256: str = ""):
    try:
        version = sha256 or f"{file_field.size}-{bilag.updated_at.timestamp():.0f}"
    except FileNotFoundError:
        raise Http404(_("Bilagets fil mangler på serveren.")) from None
    return serve_pdf(
        request, file_field, filename=filename, etag=version, last_modified=bilag.updated_at
    )


@permalink_view("bilag:pdf")
def bilag_pdf(request, bilag: Bilag):
    sha256 = "" if bilag.archive_pdf else bilag.sha256
    return pdf_response(request, bilag, bilag.served_pdf(), bilag.download_name, sha256)


@permalink_view("bilag:original")
def bilag_original_pdf(request, bilag: Bilag):
    filename = bilag.download_name.replace(".pdf", "-original.pdf")
    return pdf_response(request, bilag, bilag.pdf, filename, bilag.sha256)


@permalink_view("bilag:pdf_version")
def bilag_pdf_version(request, bilag: Bilag, version: int):
    earlier = get_object_or_404(bilag.file_versions, version=version)
    filename = bilag.download_name.replace(".pdf", f"-v{version}.pdf")
    return pdf_response(request, bilag, earlier.file, filename, earlier.sha256)


@permalink_view("bilag:text")
def bilag_text(request, bilag: Bilag):
    return HttpResponse(bilag.cleaned_text, content_type="text/plain; charset=utf-8")


def country_view(view_name: str):
    """Decorate a view of one country: resolve its slug, or redirect from a former one."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(request, country: str, **kwargs):
            try:
                found = get_country(country)
            except CountryRedirect as moved:
                url = reverse(view_name, kwargs={"country": moved.country.slug, **kwargs})
                return redirect_with_query(request, url)
            return func(request, found, **kwargs)

        return wrapper

    return decorator


class SinceForm(forms.Form):
    siden = forms.DateField(
        label=_lazy("Optaget den eller senere"),
        widget=DateInput(),
        error_messages={
            "required": _lazy("Angiv en dato."),
            "invalid": _lazy("Datoen skal skrives som ÅÅÅÅ-MM-DD, fx 2024-01-01."),
        },
    )


def new_since_queryset(country: Country, since) -> BilagQuerySet:
    return (
        Bilag.objects.public()
        .current()
        .for_country(country)
        .filter(added__gte=since)
        .listing()
        .order_by("number")
    )


@country_view("bilag:new_since")
def new_since(request, country: Country):
    """The bilag added to a country since a date: what a general dispatch sends lawyers."""
    form = SinceForm(request.GET or None)
    context = {"country": country, "form": form, "bilags": None}
    if form.is_valid():
        context["since"] = form.cleaned_data["siden"]
        context["bilags"] = list(new_since_queryset(country, context["since"]))
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "bilag/new_since.html", context, status=status)


@country_view("bilag:new_since_csv")
def new_since_csv(request, country: Country):
    form = SinceForm(request.GET)
    if not form.is_valid():
        message = _("Angiv datoen som siden=ÅÅÅÅ-MM-DD, fx siden=2024-01-01.")
        return HttpResponseBadRequest(message + "\n", content_type="text/plain; charset=utf-8")
    since = form.cleaned_data["siden"]
    filename = f"{country.slug}-nye-siden-{since.isoformat()}.csv"
    return csv_response(request, new_since_queryset(country, since), filename)


def annex_list_queryset(country: Country) -> BilagQuerySet:
    """The bilagsfortegnelse: every public bilag, withdrawn ones too, by number."""
    return Bilag.objects.public().for_country(country).listing().order_by("number")


@country_view("bilag:annex_list")
def annex_list(request, country: Country):
    return render(
        request,
        "bilag/annex_list.html",
        {"country": country, "bilags": annex_list_queryset(country)},
    )


@country_view("bilag:annex_list_csv")
def annex_list_csv(request, country: Country):
    filename = f"{country.slug}-bilagsfortegnelse.csv"
    return csv_response(request, annex_list_queryset(country), filename)


def public_sources():
    """Sources with at least one public bilag, and how many; others stay unlisted."""
    # Filtering before annotating makes the count cover only the public bilag.
    return Source.objects.filter(bilag__status__in=PUBLIC_STATUSES).annotate(
        bilag_count=Count("bilag")
    )


def source_list(request):
    return render(request, "bilag/source_list.html", {"sources": public_sources()})


class SourceBilagList(ListView):
    """A source: its description and all its public bilag, newest first."""

    template_name = "bilag/source.html"
    paginate_by = 50
    page_kwarg = "side"

    def get(self, request, *args, **kwargs):
        self.source = get_object_or_404(public_sources(), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Bilag.objects.public().filter(source=self.source).listing().order_by("-added", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["source"] = self.source
        return context
