"""New since, the bilagsfortegnelse, CSV exports, Atom feeds, source pages, decision filter."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest

from bilag.exports import safe_cell
from bilag.models import Bilag, Country, DecisionCitation, Source

from .factories import BilagFactory, SourceFactory, country

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def titles(response) -> list[str]:
    return [b.title for b in response.context["bilags"]]


# New since


def test_new_since_lists_current_bilag_added_on_or_after_the_date_by_number(client):
    BilagFactory(number=1, title="Gammel", added=datetime.date(2023, 12, 31))
    BilagFactory(number=3, title="Tre", added=datetime.date(2024, 3, 1))
    BilagFactory(number=2, title="To", added=datetime.date(2024, 1, 1))
    BilagFactory(number=4, title="Udgået", added=datetime.date(2024, 2, 1), status="withdrawn")
    BilagFactory(number=5, title="Behandles", added=datetime.date(2024, 2, 1), status="processing")
    BilagFactory(country=country("iran"), title="Iran", added=datetime.date(2024, 2, 1))
    response = client.get("/syrien/nye/?siden=2024-01-01")
    assert response.status_code == 200
    assert titles(response) == ["To", "Tre"]
    html = response.content.decode()
    assert "2 nye bilag" in html
    assert 'href="/syrien/nye.csv?siden=2024-01-01"' in html
    assert "Behandles" not in html


def test_new_since_without_a_date_asks_for_one(client):
    response = client.get("/syrien/nye/")
    assert response.status_code == 200
    assert response.context["bilags"] is None
    html = response.content.decode()
    assert '<label for="id_siden">' in html
    assert 'type="date"' in html


@pytest.mark.parametrize("query", ["siden=igår", "siden=2024-13-01", "siden="])
def test_new_since_bad_date_is_a_clear_message(client, query):
    response = client.get(f"/syrien/nye/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Datoen kunne ikke bruges" in html
    assert 'role="alert"' in html


def test_new_since_csv(client):
    BilagFactory(number=1, title="Gammel", added=datetime.date(2023, 1, 1))
    BilagFactory(number=2, title="Ny", added=datetime.date(2024, 5, 1))
    response = client.get("/syrien/nye.csv?siden=2024-01-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="syrien-nye-siden-2024-01-01.csv"'
    )
    rows = csv_rows(response)
    assert [row[:2] for row in rows[1:]] == [["2", "Ny"]]


@pytest.mark.parametrize("query", ["", "?siden=igår"])
def test_new_since_csv_bad_date_is_a_400_with_a_message(client, query):
    response = client.get(f"/syrien/nye.csv{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "siden=ÅÅÅÅ-MM-DD" in response.content.decode()


def test_new_since_follows_a_renamed_country(client):
    syrien = country("syrien")
    syrien.slug = "den-syriske-arabiske-republik"
    syrien.save()
    response = client.get("/syrien/nye.csv?siden=2024-01-01")
    assert response.status_code == 301
    assert response["Location"] == "/den-syriske-arabiske-republik/nye.csv?siden=2024-01-01"


# The bilagsfortegnelse


def test_annex_list_csv(client):
    bbc = SourceFactory(name="BBC News")
    BilagFactory(
        number=2,
        title="Rapport om Ærø og Østerbro",
        source=bbc,
        published=datetime.date(2018, 9, 1),
        published_precision="month",
        added=datetime.date(2019, 1, 2),
    )
    BilagFactory(number=1, title="Udgået rapport", status=Bilag.Status.WITHDRAWN)
    BilagFactory(number=3, title="Behandles", status=Bilag.Status.PROCESSING)
    BilagFactory(title="Fejlet", status=Bilag.Status.FAILED)
    BilagFactory(country=country("iran"), title="Iran")
    response = client.get("/syrien/bilagsfortegnelse.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="syrien-bilagsfortegnelse.csv"'
    rows = csv_rows(response)
    assert rows[0] == ["Nummer", "Titel", "Kilde", "Udgivet", "Optaget", "Status", "Permalink"]
    assert rows[1][0] == "1"
    assert rows[1][5] == "Udgået"
    assert rows[2] == [
        "2",
        "Rapport om Ærø og Østerbro",
        "BBC News",
        "2018-09",
        "2019-01-02",
        "Offentliggjort",
        "http://testserver/syrien/2/",
    ]
    assert len(rows) == 3


def test_csv_guards_against_formula_injection(client):
    evil = SourceFactory(name="@SUM(1+1)")
    BilagFactory(number=1, title='=HYPERLINK("http://x";"klik")', source=evil)
    BilagFactory(number=2, title="+45 rapport")
    BilagFactory(number=3, title="-1 rapport")
    BilagFactory(number=4, title="Almindelig - titel")
    rows = csv_rows(client.get("/syrien/bilagsfortegnelse.csv"))
    assert rows[1][1] == '\'=HYPERLINK("http://x";"klik")'
    assert rows[1][2] == "'@SUM(1+1)"
    assert rows[2][1] == "'+45 rapport"
    assert rows[3][1] == "'-1 rapport"
    assert rows[4][1] == "Almindelig - titel"


def test_safe_cell():
    assert safe_cell(12) == 12
    assert safe_cell(None) == ""
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("ok=") == "ok="


def test_annex_list_page_is_a_table_with_withdrawn_status(client):
    BilagFactory(number=1, title="Første")
    BilagFactory(number=2, title="Udgået", status=Bilag.Status.WITHDRAWN)
    BilagFactory(number=3, title="Skjult", status=Bilag.Status.FAILED)
    response = client.get("/syrien/bilagsfortegnelse/")
    assert response.status_code == 200
    assert [b.title for b in response.context["bilags"]] == ["Første", "Udgået"]
    html = response.content.decode()
    assert "<table" in html and '<th scope="col">' in html
    assert "<h1>Bilagsfortegnelse: Syrien</h1>" in html
    assert 'href="/syrien/bilagsfortegnelse.csv"' in html
    assert "Skjult" not in html


def test_unknown_country_is_a_404(client):
    assert client.get("/findes-ikke/bilagsfortegnelse.csv").status_code == 404
    assert client.get("/findes-ikke/nye/?siden=2024-01-01").status_code == 404
    assert client.get("/findes-ikke/feed/").status_code == 404


def test_country_page_links_to_exports_and_announces_its_feed(client):
    BilagFactory()
    html = client.get("/syrien/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/syrien/feed/"' in html
    assert 'href="/syrien/bilagsfortegnelse/"' in html
    assert 'href="/syrien/nye/"' in html


# Atom feeds


def feed_entries(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_country_feed_lists_latest_current_bilag_linking_to_permalinks(client):
    BilagFactory(number=1, title="Ældst", added=datetime.date(2020, 1, 1))
    BilagFactory(number=2, title="Nyest", added=datetime.date(2024, 1, 1))
    BilagFactory(number=3, title="Udgået", added=datetime.date(2024, 2, 1), status="withdrawn")
    BilagFactory(number=4, title="Behandles", added=datetime.date(2024, 2, 1), status="failed")
    BilagFactory(country=country("iran"), title="Iran")
    entries = feed_entries(client.get("/syrien/feed/"))
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Syrien, bilag nr. 2: Nyest",
        "Syrien, bilag nr. 1: Ældst",
    ]
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/syrien/2/"
    assert entries[0].find(f"{ATOM}id").text == "http://testserver/syrien/2/"
    assert entries[0].find(f"{ATOM}published").text.startswith("2024-01-01")


def test_feed_of_everything_has_the_latest_fifty(client):
    source = SourceFactory()
    BilagFactory(country=country("iran"), title="Iran", added=datetime.date(2025, 1, 1))
    BilagFactory.create_batch(55, source=source, added=datetime.date(2020, 1, 1))
    entries = feed_entries(client.get("/feed/"))
    assert len(entries) == 50
    assert entries[0].find(f"{ATOM}title").text == "Iran, bilag nr. 1: Iran"


# Source pages


def test_source_list_has_counts_of_public_bilag_only(client):
    bbc = SourceFactory(name="BBC News")
    hidden = SourceFactory(name="Kun upubliceret")
    BilagFactory.create_batch(2, source=bbc)
    BilagFactory(source=bbc, status=Bilag.Status.WITHDRAWN)
    BilagFactory(source=bbc, status=Bilag.Status.PROCESSING)
    BilagFactory(source=hidden, status=Bilag.Status.FAILED)
    response = client.get("/kilder/")
    assert response.status_code == 200
    assert [(s.name, s.bilag_count) for s in response.context["sources"]] == [("BBC News", 3)]
    html = response.content.decode()
    assert f'href="/kilder/{bbc.slug}/"' in html
    assert "Kun upubliceret" not in html
    assert client.get(f"/kilder/{hidden.slug}/").status_code == 404
    assert client.get("/kilder/findes-ikke/").status_code == 404


def test_source_page_lists_its_public_bilag_newest_first_paginated(client):
    source = SourceFactory(
        name="Amnesty International",
        kind=Source.Kind.NGO,
        url="https://www.amnesty.org/",
        description="Menneskerettighedsorganisation.",
    )
    BilagFactory.create_batch(50, source=source, added=datetime.date(2019, 1, 1))
    BilagFactory(source=source, title="Nyest", added=datetime.date(2024, 1, 1))
    BilagFactory(source=source, title="Skjult", status=Bilag.Status.PROCESSING)
    BilagFactory(title="Anden kilde")
    response = client.get(f"/kilder/{source.slug}/")
    assert response.status_code == 200
    assert response.context["object_list"][0].title == "Nyest"
    assert response.context["paginator"].count == 51
    html = response.content.decode()
    assert "Menneskerettighedsorganisation." in html
    assert 'href="https://www.amnesty.org/"' in html
    assert "NGO" in html
    assert "side=2" in html
    assert len(client.get(f"/kilder/{source.slug}/?side=2").context["object_list"]) == 1


def test_bilag_rows_link_to_the_source_page(client):
    bbc = SourceFactory(name="BBC News")
    BilagFactory(source=bbc)
    html = client.get("/syrien/").content.decode()
    assert f'href="/kilder/{bbc.slug}/">BBC News</a>' in html


# Cited in decisions


def cite(bilag: Bilag, reference: str) -> DecisionCitation:
    return DecisionCitation.objects.create(bilag=bilag, reference=reference)


def test_decision_filter_exact_or_prefix_case_insensitive(client):
    one = BilagFactory(number=1, title="En")
    two = BilagFactory(number=2, title="To")
    BilagFactory(number=3, title="Ikke citeret")
    cite(one, "Syri/2021/152")
    cite(one, "Syri/2022/7")  # two citations must not list the bilag twice
    cite(two, "Syri/2021/153")
    listed = [
        b.title for b in client.get("/syrien/?afgoerelse=syri/2021/152").context["object_list"]
    ]
    assert listed == ["En"]
    listed = [b.title for b in client.get("/syrien/?afgoerelse=Syri/20").context["object_list"]]
    assert listed == ["To", "En"]
    assert not client.get("/syrien/?afgoerelse=Iran/2021").context["object_list"]


def listed(response) -> list[str]:
    return [b.title for b in response.context["object_list"]]


def test_decision_filter_in_search(client):
    bilag = BilagFactory(title="Rapport om Aleppo")
    BilagFactory(title="Rapport om Damaskus")
    BilagFactory(country=country("iran"), title="Rapport om Teheran")
    cite(bilag, "Syri/2021/152")
    response = client.get("/soeg/?q=rapport&afgoerelse=Syri/2021/152")
    assert listed(response) == ["Rapport om Aleppo"]
    assert 'name="afgoerelse"' in response.content.decode()


def test_countries_come_from_the_data_migration():
    assert Country.objects.filter(slug="syrien").exists()
