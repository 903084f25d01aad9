"""The read-only JSON API under /api/v1/."""

import datetime

import pytest
import yaml
from django.core.cache import cache

from bilag.models import Bilag, DecisionCitation

from .factories import BilagFactory, SourceFactory, bilag_to_sort, country

pytestmark = pytest.mark.django_db

BILAG_FIELDS = {
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
}


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Throttling counts requests in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [b["title"] for b in response.json()["results"]]


def test_bilag_fields(client):
    bbc = SourceFactory(name="BBC News")
    bilag = BilagFactory(
        number=7,
        title="Rapport",
        source=bbc,
        published=datetime.date(2018, 9, 1),
        published_precision="month",
        page_count=12,
        sha256="ab" * 32,
    )
    response = client.get("/api/v1/bilag/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["count"] == 1
    item = body["results"][0]
    assert set(item) == BILAG_FIELDS
    assert item["id"] == bilag.pk
    assert item["country"] == {
        "slug": "syrien",
        "name_da": "Syrien",
        "name_en": "Syria",
        "iso3": "SYR",
    }
    assert item["source"] == {"slug": bbc.slug, "name": "BBC News", "kind": "news"}
    assert item["number"] == 7
    assert item["published"] == "2018-09-01"
    assert item["published_precision"] == "month"
    assert item["added"] == "2018-10-11"
    assert item["status"] == "published"
    assert item["withdrawn_on"] is None
    assert item["superseded_by"] is None
    assert item["page_count"] == 12
    assert item["sha256"] == "ab" * 32
    assert item["permalink"] == "http://testserver/syrien/7/"
    assert item["pdf_url"] == "http://testserver/syrien/7/pdf"
    assert item["text_url"] == "http://testserver/syrien/7/txt"
    assert item["corrected_at"] is None


def test_detail_by_country_and_number_with_successor(client):
    new = BilagFactory(number=2, title="Ny")
    old = BilagFactory(number=1, title="Gammel")
    old.withdraw(on=datetime.date(2024, 1, 1), superseded_by=new)
    response = client.get("/api/v1/bilag/syrien/1/")
    assert response.status_code == 200
    item = response.json()
    assert set(item) == BILAG_FIELDS
    assert item["status"] == "withdrawn"
    assert item["withdrawn_on"] == "2024-01-01"
    assert item["superseded_by"] == "http://testserver/syrien/2/"


def test_detail_404(client):
    BilagFactory(number=1)
    BilagFactory(number=2, status=Bilag.Status.PROCESSING)
    assert client.get("/api/v1/bilag/syrien/99/").status_code == 404
    assert client.get("/api/v1/bilag/findes-ikke/1/").status_code == 404
    response = client.get("/api/v1/bilag/syrien/2/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_withdrawn_only_when_asked_unpublished_never_for_anonymous(client, staff_client):
    BilagFactory(number=1, title="Offentlig")
    BilagFactory(number=2, title="Udgået", status=Bilag.Status.WITHDRAWN)
    BilagFactory(number=3, title="Behandles", status=Bilag.Status.PROCESSING)
    BilagFactory(number=4, title="Fejlet", status=Bilag.Status.FAILED)
    assert titles(client.get("/api/v1/bilag/")) == ["Offentlig"]
    assert titles(client.get("/api/v1/bilag/?udgaaede=true&sortering=nummer")) == [
        "Offentlig",
        "Udgået",
    ]
    assert titles(staff_client.get("/api/v1/bilag/?sortering=nummer")) == [
        "Offentlig",
        "Behandles",
        "Fejlet",
    ]


def test_filters_like_the_html_lists(client):
    bbc = SourceFactory(name="BBC News")
    BilagFactory(title="Match", source=bbc, language="en", added=datetime.date(2020, 6, 1))
    BilagFactory(title="Forkert sprog", source=bbc, language="da", added=datetime.date(2020, 6, 1))
    BilagFactory(title="For gammel", source=bbc, language="en", added=datetime.date(2019, 6, 1))
    BilagFactory(title="Andet land", source=bbc, country=country("iran"), language="en")
    query = f"kilde={bbc.slug}&sprog=en&optaget_fra=2020-01-01&land=syrien"
    assert titles(client.get(f"/api/v1/bilag/?{query}")) == ["Match"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [("nummer", ["A", "B", "C"]), ("-udgivet", ["A", "C", "B"]), ("optaget", ["C", "B", "A"])],
)
def test_sorting(client, order, expected):
    bilag_to_sort()
    assert titles(client.get(f"/api/v1/bilag/?sortering={order}")) == expected


def test_default_order_is_newest_added_first(client):
    BilagFactory(title="Gammel", added=datetime.date(2020, 1, 1))
    BilagFactory(title="Ny", added=datetime.date(2024, 1, 1))
    assert titles(client.get("/api/v1/bilag/")) == ["Ny", "Gammel"]


def test_search(client):
    BilagFactory(title="Kurdere i Aleppo", cleaned_text="Om kurdere.")
    BilagFactory(title="Økonomi", cleaned_text="Inflation og priser.")
    BilagFactory(title="Yazidier", cleaned_text="Om kurdere og yazidier.")
    assert titles(client.get("/api/v1/bilag/?q=kurdere")) == ["Kurdere i Aleppo", "Yazidier"]
    assert titles(client.get("/api/v1/bilag/?q=kurdere -yazidier")) == ["Kurdere i Aleppo"]
    assert titles(client.get("/api/v1/bilag/?q=findesikkeord")) == []


def test_decision_filter(client):
    cited = BilagFactory(title="Citeret")
    BilagFactory(title="Ikke citeret")
    DecisionCitation.objects.create(bilag=cited, reference="Syri/2021/152")
    assert titles(client.get("/api/v1/bilag/?afgoerelse=Syri/2021/152")) == ["Citeret"]
    assert titles(client.get("/api/v1/bilag/?afgoerelse=syri/2021")) == ["Citeret"]
    assert titles(client.get("/api/v1/bilag/?afgoerelse=Iran")) == []


def test_pagination_with_page_size_and_a_maximum(client):
    BilagFactory.create_batch(25, source=SourceFactory())
    first = client.get("/api/v1/bilag/").json()
    assert first["count"] == 25
    assert len(first["results"]) == 20
    assert first["next"].startswith("http://testserver/api/v1/bilag/?page=2")
    second = client.get("/api/v1/bilag/?page=2").json()
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert len(client.get("/api/v1/bilag/?page_size=10").json()["results"]) == 10
    ids = {b["id"] for b in first["results"]} | {b["id"] for b in second["results"]}
    assert len(ids) == 25
    assert client.get("/api/v1/bilag/?page=9").status_code == 404


def test_page_size_is_capped(client, monkeypatch):
    monkeypatch.setattr("bilag.api.Pagination.max_page_size", 3)
    BilagFactory.create_batch(5, source=SourceFactory())
    assert len(client.get("/api/v1/bilag/?page_size=1000").json()["results"]) == 3


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("udgivet_fra=igår", "udgivet_fra"),
        ("optaget_til=2024-13-01", "optaget_til"),
        ("kilde=findes-ikke", "kilde"),
        ("land=atlantis", "land"),
        ("sortering=hemmelig", "sortering"),
        ("sprog=xx", "sprog"),
    ],
)
def test_bad_filter_values_are_a_400_with_field_errors(client, query, field):
    BilagFactory()
    response = client.get(f"/api/v1/bilag/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    assert list(errors) == [field]
    assert isinstance(errors[field], list) and errors[field]


@pytest.mark.parametrize("q", ['"', "-", "OR", "a" * 2000, "((", "\x00"])
def test_odd_queries_never_fail(client, q):
    BilagFactory()
    response = client.get("/api/v1/bilag/", {"q": q})
    assert response.status_code in (200, 400)


def test_countries(client):
    BilagFactory.create_batch(2, source=SourceFactory())
    BilagFactory(status=Bilag.Status.PROCESSING)
    response = client.get("/api/v1/countries/")
    assert response.status_code == 200
    countries = {c["slug"]: c for c in response.json()}
    assert countries["syrien"] == {
        "slug": "syrien",
        "name_da": "Syrien",
        "name_en": "Syria",
        "iso3": "SYR",
        "group": countries["syrien"]["group"],
        "bilag_count": 2,
        "portal_url": "http://testserver/syrien/",
    }
    assert countries["iran"]["bilag_count"] == 0


def test_sources(client):
    bbc = SourceFactory(name="BBC News", url="https://www.bbc.com/", description="Britisk.")
    hidden = SourceFactory(name="Kun upubliceret")
    BilagFactory(source=bbc)
    BilagFactory(source=bbc, status=Bilag.Status.WITHDRAWN)
    BilagFactory(source=hidden, status=Bilag.Status.PROCESSING)
    body = client.get("/api/v1/sources/").json()
    assert body["count"] == 1
    assert body["results"] == [
        {
            "slug": bbc.slug,
            "name": "BBC News",
            "kind": "news",
            "url": "https://www.bbc.com/",
            "description": "Britisk.",
            "bilag_count": 2,
            "portal_url": f"http://testserver/kilder/{bbc.slug}/",
        }
    ]


def test_anonymous_clients_are_throttled_with_retry_after(client, settings):
    settings.BAGGRUND_API_ANON_RATE = "3/min"
    for _ in range(3):
        assert client.get("/api/v1/countries/").status_code == 200
    response = client.get("/api/v1/bilag/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "detail" in response.json()
    # Another address has its own allowance.
    assert client.get("/api/v1/countries/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_staff_are_not_throttled_as_anonymous(staff_client, settings):
    settings.BAGGRUND_API_ANON_RATE = "1/min"
    for _ in range(3):
        assert staff_client.get("/api/v1/countries/").status_code == 200


def test_openapi_schema(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert {
        "/api/v1/bilag/",
        "/api/v1/bilag/{country}/{number}/",
        "/api/v1/countries/",
        "/api/v1/sources/",
    } <= set(paths)
    parameters = {p["name"] for p in paths["/api/v1/bilag/"]["get"]["parameters"]}
    assert {"q", "kilde", "land", "sortering", "udgaaede", "afgoerelse", "page", "page_size"} <= (
        parameters
    )
    bilag_schema = schema["components"]["schemas"]["Bilag"]
    assert set(bilag_schema["properties"]) == BILAG_FIELDS
    json_schema = client.get("/api/v1/schema/?format=json")
    assert json_schema.status_code == 200
    assert json_schema.json()["info"]["title"] == "Baggrund API"


def test_docs_page_serves_swagger_ui_from_our_own_static_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn." not in html
    assert "<script>" not in html  # the init script is a separate file, allowed by the CSP
    assert "script-src 'self'" in response["Content-Security-Policy"]
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()
