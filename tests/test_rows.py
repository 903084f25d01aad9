"""The bilag rows of the list pages (`{% bilag_rows %}`): links, labels, badges, escaping."""

import datetime
import re

import pytest
from django.urls import reverse

from bilag.models import Bilag, DatePrecision
from bilag.search import index_bilag

from .factories import BilagFactory, PageFactory, SourceFactory

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    return re.findall(r'<li class="bilag-item[^"]*">.*?</li>', html, flags=re.S)


def test_row_links_title_and_source_and_shows_both_dates(client):
    source = SourceFactory(name="Amnesty International")
    BilagFactory(
        number=12,
        title="Årsrapport",
        source=source,
        published=datetime.date(2018, 9, 1),
        published_precision=DatePrecision.MONTH,
        added=datetime.date(2018, 10, 11),
    )
    [row] = rows(client.get("/syrien/").content.decode())
    assert '<a class="bilag-title" href="/syrien/12/">bilag nr. 12: Årsrapport</a>' in row
    assert f'<a class="source" href="/kilder/{source.slug}/">Amnesty International</a>' in row
    assert "<span>Udgivet september 2018</span><span>Optaget 11. oktober 2018</span>" in row
    assert "badge" not in row


def test_rows_and_menus_escape_title_and_source_name(client):
    source = SourceFactory(name="<b>Kilde</b>")
    BilagFactory(title="<script>alert(1)</script> & mere", source=source)
    html = client.get("/syrien/").content.decode()
    assert "<script>alert" not in html and "<b>Kilde" not in html  # rows and the source menu
    assert f'<option value="{source.slug}">&lt;b&gt;Kilde&lt;/b&gt;</option>' in html
    [row] = rows(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mere" in row
    assert "&lt;b&gt;Kilde&lt;/b&gt;" in row


def test_withdrawn_row_is_marked_and_untitled_row_says_so(client):
    BilagFactory(number=3, title="", status=Bilag.Status.WITHDRAWN)
    [row] = rows(client.get("/syrien/?udgaaede=on").content.decode())
    assert row.startswith('<li class="bilag-item withdrawn">')
    assert "bilag nr. 3: (uden titel)</a>" in row
    assert '<span class="badge">Udgået</span>' in row


def test_search_row_carries_the_query_and_links_the_page_of_the_hit(client):
    text = ("Intet her.", "Om tortur i fængslerne.")
    bilag = BilagFactory(number=5, title="Rapport", language="da", cleaned_text="\n\n".join(text))
    for number, page_text in enumerate(text, start=1):
        PageFactory(bilag=bilag, number=number, text=page_text)
    index_bilag(bilag)
    [row] = rows(client.get("/soeg/?q=tortur+fængslerne").content.decode())
    assert 'href="/syrien/5/?q=tortur%20f%C3%A6ngslerne">Syrien, bilag nr. 5: Rapport</a>' in row
    assert '<a class="hit-page" href="/syrien/5/pdf#page=2">side 2</a>: ' in row
    assert "<mark>" in row


def test_staff_see_unpublished_rows_with_their_status_and_admin_link(staff_client):
    draft = BilagFactory(number=None, title="Kladde", status=Bilag.Status.PROCESSING)
    [row] = rows(staff_client.get("/soeg/?q=kladde").content.decode())
    assert f'href="/admin/bilag/bilag/{draft.pk}/change/"' in row
    assert '<span class="badge">Behandles</span>' in row


def test_rows_on_english_pages_use_english_labels(client):
    BilagFactory(number=7, title="Report", added=datetime.date(2018, 10, 11))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    [row] = rows(client.get("/syrien/").content.decode())
    assert "bilag no. 7: Report" in row
    assert "Added Oct. 11, 2018" in row


@pytest.mark.parametrize("language", ["da", "en"])
def test_row_and_permalink_page_write_dates_alike(client, language):
    BilagFactory(number=7, published=datetime.date(2018, 9, 11), added=datetime.date(2018, 10, 1))
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    [row] = rows(client.get("/syrien/").content.decode())
    page = client.get("/syrien/7/").content.decode()
    published, added = re.findall(r"<span>\w+ ([^<]+)</span>", row)
    assert f"<dd>{published}</dd>" in page and f"<dd>{added}</dd>" in page
    assert published == {"da": "11. september 2018", "en": "Sept. 11, 2018"}[language]
