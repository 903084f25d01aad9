"""The read-only JSON API under /api/v1/: bilag, countries and sources.

The bilag list takes the same filters, search and sorting as the HTML lists (SearchFilter).
Field names are part of the contract: add fields, never rename or remove them.
"""

from csp.decorators import csp_update
from django.conf import settings
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle

from .filters import SearchFilter
from .models import PUBLIC_STATUSES, Bilag, Country, Source
from .search import SearchPaginator


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous clients, per address; the rate is read per request so settings can change."""

    def get_rate(self) -> str:
        return settings.BAGGRUND_API_ANON_RATE


class Pagination(PageNumberPagination):
    """Page numbers; a search counts its matches only up to a limit (`count_is_capped`)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    django_paginator_class = SearchPaginator

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["count_is_capped"] = self.page.paginator.count_is_capped
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count_is_capped"] = {
            "type": "boolean",
            "description": "True when a search matched more bilag than `count` says.",
        }
        return schema


class APIMixin:
    """What every view of the API shares (set here, not in settings: they import this module)."""

    throttle_classes = [AnonymousThrottle]
    pagination_class = Pagination


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["slug", "name_da", "name_en", "iso3"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["slug", "name", "kind"]


class BilagSerializer(serializers.ModelSerializer):
    country = CountrySerializer()
    source = SourceSerializer(allow_null=True)
    superseded_by = serializers.SerializerMethodField()
    permalink = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    text_url = serializers.SerializerMethodField()

    class Meta:
        model = Bilag
        fields = [
            "id",
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
            "superseded_by",
            "page_count",
            "sha256",
            "permalink",
            "pdf_url",
            "text_url",
            "corrected_at",
        ]

    def _absolute(self, url: str) -> str:
        return self.context["request"].build_absolute_uri(url)

    def _bilag_url(self, bilag: Bilag, view_name: str) -> str:
        kwargs = {"country": bilag.country.slug, "number": bilag.number}
        return self._absolute(reverse(view_name, kwargs=kwargs))

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_superseded_by(self, bilag: Bilag) -> str | None:
        successor = bilag.superseded_by
        if successor is None or not successor.is_public or not successor.has_permalink:
            return None
        return self._bilag_url(successor, "bilag:detail")

    def get_permalink(self, bilag: Bilag) -> str:
        return self._bilag_url(bilag, "bilag:detail")

    def get_pdf_url(self, bilag: Bilag) -> str:
        return self._bilag_url(bilag, "bilag:pdf")

    def get_text_url(self, bilag: Bilag) -> str:
        return self._bilag_url(bilag, "bilag:text")


class CountryListSerializer(CountrySerializer):
    bilag_count = serializers.IntegerField(read_only=True, help_text="Published bilag.")
    portal_url = serializers.SerializerMethodField(help_text="The country's page on the portal.")

    class Meta(CountrySerializer.Meta):
        fields = [*CountrySerializer.Meta.fields, "group", "bilag_count", "portal_url"]

    def get_portal_url(self, country: Country) -> str:
        return self.context["request"].build_absolute_uri(country.get_absolute_url())


class SourceListSerializer(SourceSerializer):
    bilag_count = serializers.IntegerField(read_only=True, help_text="Public bilag.")
    portal_url = serializers.SerializerMethodField(help_text="The source's page on the portal.")

    class Meta(SourceSerializer.Meta):
        fields = [
            *SourceSerializer.Meta.fields,
            "url",
            "description",
            "bilag_count",
            "portal_url",
        ]

    def get_portal_url(self, source: Source) -> str:
        url = reverse("bilag:source", kwargs={"slug": source.slug})
        return self.context["request"].build_absolute_uri(url)


def bilag_queryset(request):
    return (
        Bilag.objects.visible_to(request.user)
        .select_related("country", "source", "superseded_by__country")
        .defer("cleaned_text", "search_vector", "search_head", "superseded_by__cleaned_text")
        .filter(country__isnull=False, number__isnull=False)
    )


class BilagList(APIMixin, generics.ListAPIView):
    """Bilag, filtered, searched and sorted like the lists on the portal.

    Withdrawn bilag only with `udgaaede=true`. Searching (`q`) sorts by relevance unless
    `sortering` says otherwise.
    """

    serializer_class = BilagSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SearchFilter

    def get_queryset(self):
        return bilag_queryset(self.request)


class BilagDetail(APIMixin, generics.RetrieveAPIView):
    """One bilag by its permalink's country and number (withdrawn ones too)."""

    serializer_class = BilagSerializer

    def get_object(self):
        return get_object_or_404(
            bilag_queryset(self.request),
            country__slug=self.kwargs["country"],
            number=self.kwargs["number"],
        )


class CountryList(APIMixin, generics.ListAPIView):
    """Every country and collection, with its number of published bilag (not paginated)."""

    serializer_class = CountryListSerializer
    pagination_class = None
    queryset = Country.objects.annotate(
        bilag_count=Count("bilag", filter=Q(bilag__status=Bilag.Status.PUBLISHED))
    ).order_by("name_da")


class SourceList(APIMixin, generics.ListAPIView):
    """Sources with at least one public bilag."""

    serializer_class = SourceListSerializer
    queryset = (
        Source.objects.annotate(
            bilag_count=Count("bilag", filter=Q(bilag__status__in=PUBLIC_STATUSES))
        )
        .filter(bilag_count__gt=0)
        .order_by("slug")
    )


class Schema(APIMixin, SpectacularAPIView):
    """The OpenAPI 3 description of this API."""


class Docs(APIMixin, SpectacularSwaggerSplitView):
    """Browsable documentation (Swagger UI) of the schema; its script is a separate file."""

    url_name = "api:schema"
    title = "Baggrund API"


app_name = "api"

urlpatterns = [
    path("bilag/", BilagList.as_view(), name="bilag-list"),
    path("bilag/<slug:country>/<int:number>/", BilagDetail.as_view(), name="bilag-detail"),
    path("countries/", CountryList.as_view(), name="country-list"),
    path("sources/", SourceList.as_view(), name="source-list"),
    path("schema/", Schema.as_view(), name="schema"),
    # Swagger UI sets a few inline styles; scripts stay 'self' only.
    path(
        "docs/",
        csp_update({"style-src": ["'self'", "'unsafe-inline'"]})(Docs.as_view()),
        name="docs",
    ),
]
