"""Danish by default, English on request: UI strings and country names, the same URLs."""

import datetime
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bilag.models import DecisionCitation
from tests.factories import BilagFactory, SourceFactory

PO_FILE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def compile_translations() -> None:
    """Compile the English catalogue when the .mo is missing or older than the .po.

    scripts/setup compiles it; this keeps a bare `pytest` after editing the .po honest.
    """
    mo_file = PO_FILE.with_suffix(".mo")
    if mo_file.exists() and mo_file.stat().st_mtime >= PO_FILE.stat().st_mtime:
        return
    if shutil.which("msgfmt") is None:
        pytest.skip("gettext (msgfmt) is not installed; cannot compile the translations")
    call_command(
        "compilemessages",
        locale=["en"],
        ignore_patterns=[".venv", "node_modules", "var", "artifacts"],
        verbosity=0,
    )
    from django.utils.translation import trans_real

    trans_real._translations = {}
    trans_real._default = None
    trans_real._active = trans_real.Local()


@pytest.fixture(autouse=True)
def translations():
    compile_translations()


def switch_to_english(client, next_url: str = "/"):
    response = client.post(reverse("set_language"), {"language": "en", "next": next_url})
    assert response.status_code == 302
    return response


@pytest.mark.nodb
def test_every_string_has_an_english_translation():
    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    untranslated = [
        message.id
        for message in catalog
        if message.id
        and (
            message.fuzzy
            or not (message.string if isinstance(message.string, str) else all(message.string))
        )
    ]
    assert untranslated == []


@pytest.mark.django_db
def test_danish_is_the_default(client):
    BilagFactory(number=1, title="Rapport om Syrien")
    body = client.get("/").content.decode()
    assert '<html lang="da">' in body
    assert "Spring til indholdet" in body
    assert ">Syrien</a>" in body
    assert ">Syria</a>" not in body
    assert 'lang="en">English' in body  # the switch offers the other language


@pytest.mark.django_db
def test_a_danish_browser_gets_danish(client):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="da-DK,da;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="da">' in body and "Spring til indholdet" in body


@pytest.mark.django_db
def test_switching_to_english_translates_the_interface_and_country_names(client):
    bilag = BilagFactory(number=7, title="Rapport", language="da")
    DecisionCitation.objects.create(bilag=bilag, reference="Syri/2021/152")
    response = switch_to_english(client, "/syrien/7/")
    assert response["Location"] == "/syrien/7/"  # the same address in both languages

    home = client.get("/").content.decode()
    assert '<html lang="en">' in home
    assert "Skip to content" in home
    assert "Countries" in home and "Recently added" in home
    assert ">Syria</a>" in home
    assert 'lang="da">Dansk' in home

    detail = client.get("/syrien/7/").content.decode()
    assert "Syria, bilag no. 7" in detail
    assert ">Syria</a>" in detail
    assert "Copy citation" in detail and "Cited in decisions" in detail
    assert "<dd>Danish</dd>" in detail  # the bilag's language, named in English
    # The citation is the board's formal reference and stays Danish, dates included.
    assert 'lang="da">Flygtningenævnets baggrundsmateriale, Syrien, bilag nr. 7' in detail
    assert "optaget 11. oktober 2018" in detail

    search = client.get("/soeg/", {"q": "rapport"}).content.decode()
    assert "Search the background material" in search and "Search tips" in search


@pytest.mark.django_db
def test_switching_back_to_danish(client):
    switch_to_english(client)
    client.post(reverse("set_language"), {"language": "da", "next": "/"})
    body = client.get("/").content.decode()
    assert "Spring til indholdet" in body and "Skip to content" not in body


@pytest.mark.django_db
def test_urls_are_the_same_in_both_languages(client):
    bilag = BilagFactory(number=3, source=SourceFactory(name="Amnesty"))
    names = [
        ("bilag:home", {}),
        ("bilag:search", {}),
        ("bilag:country", {"country": "syrien"}),
        ("bilag:detail", {"country": "syrien", "number": 3}),
        ("bilag:pdf", {"country": "syrien", "number": 3}),
    ]
    danish = [reverse(name, kwargs=kwargs) for name, kwargs in names]
    with translation.override("en"):
        english = [reverse(name, kwargs=kwargs) for name, kwargs in names]
        assert bilag.get_absolute_url() == "/syrien/3/"
    assert danish == english
    switch_to_english(client)
    for url in danish:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_dates_follow_the_language(client):
    BilagFactory(number=5, added=datetime.date(2021, 3, 4))
    assert "4. marts 2021" in client.get("/syrien/5/").content.decode()
    switch_to_english(client)
    assert "March 4, 2021" in client.get("/syrien/5/").content.decode()


@pytest.mark.django_db
def test_country_display_name():
    from bilag.models import Country

    syria = Country.objects.get(slug="syrien")
    with translation.override("da"):
        assert syria.display_name == "Syrien"
    with translation.override("en"):
        assert syria.display_name == "Syria"
    no_english = Country(name_da="Testland", name_en="")
    with translation.override("en"):
        assert no_english.display_name == "Testland"


@pytest.mark.django_db
def test_the_page_cache_keeps_the_languages_apart(client, settings):
    BilagFactory(number=1)
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    client.get("/syrien/1/")  # cached in Danish
    switch_to_english(client, "/syrien/1/")
    english = client.get("/syrien/1/").content.decode()
    assert "Skip to content" in english and ">Syria</a>" in english
    danish = Client().get("/syrien/1/").content.decode()
    assert "Spring til indholdet" in danish and ">Syrien</a>" in danish


@pytest.mark.django_db
def test_search_country_menu_follows_the_language(client):
    BilagFactory()
    switch_to_english(client)
    html = client.get("/soeg/?q=x").content.decode()
    assert '<option value="syrien">Syria</option>' in html
