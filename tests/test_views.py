import datetime
import re
from unittest import mock

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from bilag.filters import BilagFilter
from bilag.models import Bilag, Country, DecisionCitation

from .factories import BilagFactory, SourceFactory, bilag_to_sort, country

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [b.title for b in response.context["object_list"]]


def test_home_lists_countries_with_material_and_latest_additions(client):
    BilagFactory(title="Nyeste", added=datetime.date(2024, 1, 2))
    BilagFactory(country=country("diverse-emner"), title="Samling")
    BilagFactory(country=country("iran"), status=Bilag.Status.PROCESSING, title="Skjult")
    response = client.get("/")
    assert response.status_code == 200
    assert [c.slug for c in response.context["countries"]] == ["syrien"]
    assert response.context["countries"][0].bilag_count == 1
    assert [c.slug for c in response.context["collections"]] == ["diverse-emner"]
    assert [b.title for b in response.context["latest"]] == ["Nyeste", "Samling"]
    assert "Skjult" not in response.content.decode()


def test_country_list_shows_public_current_bilag_newest_number_first(client):
    BilagFactory(number=1, title="En")
    BilagFactory(number=2, title="To")
    BilagFactory(number=3, title="Udgået", status=Bilag.Status.WITHDRAWN)
    BilagFactory(number=4, title="Fejlet", status=Bilag.Status.FAILED)
    BilagFactory(country=country("iran"), title="Andet land")
    response = client.get("/syrien/")
    assert response.status_code == 200
    assert titles(response) == ["To", "En"]


def test_include_withdrawn(client):
    BilagFactory(number=1, title="En")
    BilagFactory(number=3, title="Udgået", status=Bilag.Status.WITHDRAWN)
    assert titles(client.get("/syrien/?udgaaede=on")) == ["Udgået", "En"]


def test_filter_by_source(client):
    bbc = SourceFactory(name="BBC News")
    BilagFactory(title="BBC", source=bbc)
    BilagFactory(title="Andet")
    assert titles(client.get(f"/syrien/?kilde={bbc.slug}")) == ["BBC"]


def test_source_menu_lists_the_country_sources_by_name_and_keeps_the_choice(client):
    bbc, amnesty = SourceFactory(name="BBC News"), SourceFactory(name="amnesty International")
    BilagFactory(source=bbc)
    BilagFactory(source=amnesty)
    BilagFactory(country=country("iran"), source=SourceFactory(name="Iransk kilde"))
    html = client.get(f"/syrien/?kilde={bbc.slug}").content.decode()
    menu = html[html.index('<select name="kilde"') :]
    menu = menu[: menu.index("</select>")]
    assert menu.index("amnesty International") < menu.index("BBC News")
    assert "Iransk kilde" not in menu
    assert f'<option value="{bbc.slug}" selected>BBC News</option>' in menu


def test_search_country_menu_lists_countries_with_material(client):
    BilagFactory()
    BilagFactory(country=country("iran"), status=Bilag.Status.PROCESSING)
    html = client.get("/soeg/?q=x").content.decode()
    menu = html[html.index('<select name="land"') :]
    menu = menu[: menu.index("</select>")]
    assert '<option value="syrien">Syrien</option>' in menu
    assert "iran" not in menu


def test_filter_by_language(client):
    BilagFactory(title="Dansk", language="da")
    BilagFactory(title="Engelsk", language="en")
    assert titles(client.get("/syrien/?sprog=da")) == ["Dansk"]


def test_filter_by_added_range(client):
    BilagFactory(title="Før", added=datetime.date(2020, 1, 1))
    BilagFactory(title="Inde", added=datetime.date(2020, 6, 1))
    BilagFactory(title="Efter", added=datetime.date(2021, 1, 1))
    response = client.get("/syrien/?optaget_fra=2020-02-01&optaget_til=2020-12-31")
    assert titles(response) == ["Inde"]


def test_published_range_respects_precision(client):
    BilagFactory(title="Dag", published=datetime.date(2018, 9, 11), published_precision="day")
    BilagFactory(title="Måned", published=datetime.date(2018, 9, 1), published_precision="month")
    BilagFactory(title="År", published=datetime.date(2018, 1, 1), published_precision="year")
    BilagFactory(title="Gammel", published=datetime.date(2017, 5, 1))
    response = client.get("/syrien/?udgivet_fra=2018-09-10&udgivet_til=2018-12-31&sortering=titel")
    assert titles(response) == ["Dag", "Måned", "År"]
    response = client.get("/syrien/?udgivet_fra=2018-09-12&sortering=titel")
    assert titles(response) == ["Måned", "År"]


def test_filters_combine(client):
    bbc = SourceFactory(name="BBC News")
    BilagFactory(title="Match", source=bbc, language="en", added=datetime.date(2020, 6, 1))
    BilagFactory(title="Forkert sprog", source=bbc, language="da", added=datetime.date(2020, 6, 1))
    BilagFactory(title="For gammel", source=bbc, language="en", added=datetime.date(2019, 6, 1))
    BilagFactory(title="Anden kilde", language="en", added=datetime.date(2020, 6, 1))
    response = client.get(f"/syrien/?kilde={bbc.slug}&sprog=en&optaget_fra=2020-01-01")
    assert titles(response) == ["Match"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("nummer", ["A", "B", "C"]),
        ("-nummer", ["C", "B", "A"]),
        ("udgivet", ["B", "C", "A"]),
        ("-optaget", ["A", "B", "C"]),
        ("titel", ["A", "B", "C"]),
    ],
)
def test_sorting(client, order, expected):
    bilag_to_sort()
    assert titles(client.get(f"/syrien/?sortering={order}")) == expected


def test_pagination_keeps_filters(client):
    source = SourceFactory()
    BilagFactory.create_batch(55, source=source)
    response = client.get(f"/syrien/?kilde={source.slug}")
    assert len(response.context["object_list"]) == 50
    assert f"kilde={source.slug}&amp;side=2" in response.content.decode()
    second = client.get(f"/syrien/?kilde={source.slug}&side=2")
    assert len(second.context["object_list"]) == 5


@pytest.mark.parametrize(
    "query", ["kilde=findes-ikke", "udgivet_fra=igår", "sortering=hemmelig", "sprog=xx", "side=99"]
)
def test_bad_filter_values_give_a_clear_message_not_a_500(client, query):
    BilagFactory()
    response = client.get(f"/syrien/?{query}")
    if query == "side=99":
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert "Filteret kunne ikke bruges" in response.content.decode()


def test_unknown_country_is_a_404_with_a_message(client):
    response = client.get("/atlantis/")
    assert response.status_code == 404


def test_renamed_country_redirects_permanently_with_query(client):
    BilagFactory(number=863)
    syria = country("syrien")
    syria.slug = "syrien-ny"
    syria.save()
    response = client.get("/syrien/?sprog=en")
    assert response.status_code == 301 and response["Location"] == "/syrien-ny/?sprog=en"
    response = client.get("/syrien/863/")
    assert response.status_code == 301 and response["Location"] == "/syrien-ny/863/"
    assert client.get("/syrien/863/pdf")["Location"] == "/syrien-ny/863/pdf"
    assert client.get("/syrien-ny/863/").status_code == 200


def test_permalink_shows_metadata_and_citation(client):
    bilag = BilagFactory(number=863, source=SourceFactory(name="BBC News"), title="Titlen")
    response = client.get("/syrien/863/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Titlen" in body and "BBC News" in body and "11. september 2018" in body
    assert escape(bilag.citation) in body


def test_corrected_number_redirects(client):
    bilag = BilagFactory(number=863)
    bilag.number = 864
    bilag.save()
    response = client.get("/syrien/863/txt")
    assert response.status_code == 301 and response["Location"] == "/syrien/864/txt"


def test_moved_to_another_country_redirects(client):
    bilag = BilagFactory(number=12)
    bilag.country = country("iran")
    bilag.number = None
    bilag.save()
    assert client.get("/syrien/12/")["Location"] == f"/iran/{bilag.number}/"


@pytest.mark.parametrize("status", [Bilag.Status.PROCESSING, Bilag.Status.FAILED])
def test_unpublished_bilag_is_404_for_the_public_and_visible_to_staff(client, staff_client, status):
    BilagFactory(number=5, status=status)
    for path in ["/syrien/5/", "/syrien/5/pdf", "/syrien/5/txt"]:
        assert client.get(path).status_code == 404
    response = staff_client.get("/syrien/5/")
    assert response.status_code == 200
    assert "Kun synlig for personale" in response.content.decode()


def test_withdrawn_bilag_stays_with_a_banner_and_successor_link(client):
    successor = BilagFactory(number=2, title="Efterfølger")
    bilag = BilagFactory(number=1)
    bilag.withdraw(
        on=datetime.date(2021, 3, 4), note="Erstattet af ny rapport", superseded_by=successor
    )
    response = client.get("/syrien/1/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bilaget er udgået den 4. marts 2021" in body
    assert "Erstattet af ny rapport" in body
    assert 'href="/syrien/2/"' in body


def test_pdf_is_served_inline_with_a_permalink_filename(client):
    bilag = BilagFactory(number=863)
    response = client.get("/syrien/863/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="syrien-863.pdf"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-") and body == bilag.pdf.open("rb").read()


def test_text_is_utf8_plain_text(client):
    BilagFactory(number=863, cleaned_text="Flygtninge i Ærø – «citat»")
    response = client.get("/syrien/863/txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode("utf-8") == "Flygtninge i Ærø – «citat»"


def test_visible_to_hides_unpublished_from_anonymous():
    BilagFactory(status=Bilag.Status.PROCESSING)
    BilagFactory(status=Bilag.Status.WITHDRAWN)
    assert Bilag.objects.visible_to(AnonymousUser()).count() == 1
    assert Country.objects.count() > 0


def test_public_pages_are_cached_for_anonymous_visitors_but_not_for_staff(
    client, staff_client, settings
):
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    bilag = BilagFactory(number=1, title="Første titel")
    assert "Første titel" in client.get("/syrien/1/").content.decode()
    Bilag.objects.filter(pk=bilag.pk).update(title="Ny titel")
    assert "Første titel" in client.get("/syrien/1/").content.decode()  # served from the cache
    assert "Ny titel" in staff_client.get("/syrien/1/").content.decode()


@pytest.mark.parametrize(
    ("value", "included"),
    [("on", True), ("true", True), ("1", True), ("0", False), ("false", False), ("nej", False)],
)
def test_include_withdrawn_reads_yes_and_no(client, value, included):
    BilagFactory(number=1, title="En")
    BilagFactory(number=3, title="Udgået", status=Bilag.Status.WITHDRAWN)
    expected = ["Udgået", "En"] if included else ["En"]
    assert titles(client.get(f"/syrien/?udgaaede={value}")) == expected


def test_permalink_page_costs_one_query_and_lists_citations_only_when_cited(
    client, django_assert_num_queries
):
    bilag = BilagFactory(number=9)
    with django_assert_num_queries(1):
        assert client.get("/syrien/9/").status_code == 200
    DecisionCitation.objects.create(bilag=bilag, reference="Syri/2024/1")
    with django_assert_num_queries(2):
        assert "Syri/2024/1" in client.get("/syrien/9/").content.decode()


FILLED_IN = {
    "q": "tortur",
    "udgivet_fra": "2020-01-02",
    "udgaaede": "on",
    "afgoerelse": '"<x>',
    "sprog": "da",
    "sortering": "-udgivet",
}


@pytest.mark.parametrize("data", [{}, FILLED_IN])
def test_filter_widgets_render_as_django_renders_them(data):
    SourceFactory(name="<b>BBC</b>")
    BilagFactory(language="da")
    form = BilagFilter(data).form
    form.is_valid()
    for field in form:
        fast_html = str(field)
        with mock.patch.object(type(field.field.widget), "render", forms.Widget.render):
            django_html = str(field)
        assert fast_html == re.sub(r">\s+<", "><", django_html), field.name


@pytest.mark.parametrize("rows", [1, 12])
def test_country_list_costs_the_same_queries_however_many_rows(
    client, django_assert_num_queries, rows
):
    for number in range(1, rows + 1):
        BilagFactory(number=number, source=SourceFactory())
    client.get("/syrien/")  # the filter menus' choices are cached after the first request
    with django_assert_num_queries(3):  # the country, the count and the page of rows
        response = client.get("/syrien/")
    assert len(response.context["object_list"]) == rows


def test_pdf_of_a_permalink_costs_one_query_without_the_page_lists(client):
    BilagFactory(number=9)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/syrien/9/pdf").status_code == 200
    assert len(queries) == 1 and "EXISTS" not in queries[0]["sql"]
