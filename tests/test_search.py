"""Full-text search; the database tests run on SQLite (FTS5) and PostgreSQL (tsvector)."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory

from bilag.models import Bilag
from bilag.search import (
    MAX_QUERY_CHARS,
    FullTextAdminSearchMixin,
    Query,
    SearchPaginator,
    SearchResults,
    Term,
    attach_hits,
    highlight,
    index_bilag,
    page_hits,
)

from .factories import BilagFactory, PageFactory, SourceFactory, country

COVER = ""  # page 1 is the cover sheet, whose cleaned text is empty


def make(title: str = "Rapport", pages: tuple[str, ...] = (), language: str = "da", **kwargs):
    """A bilag as processing leaves it: pages written, then indexed."""
    pages = (COVER, *pages)
    bilag = BilagFactory(title=title, language=language, cleaned_text="\n\n".join(pages), **kwargs)
    for number, text in enumerate(pages, start=1):
        PageFactory(bilag=bilag, number=number, text=text)
    index_bilag(bilag)
    return bilag


def found(q: str, queryset=None) -> list[str]:
    queryset = Bilag.objects.all() if queryset is None else queryset
    return [b.title for b in queryset.search(q).by_relevance()]


def titles(response) -> list[str]:
    return [b.title for b in response.context["object_list"]]


# -- The query parser (no database) -----------------------------------------------------------


def test_parse_words_phrases_or_and_exclusion():
    query = Query.parse('kurdere "human rights" OR menneskerettigheder -tyrkiet -"fact finding"')
    assert query.groups == [
        [Term(("kurdere",))],
        [Term(("human", "rights")), Term(("menneskerettigheder",))],
    ]
    assert query.excluded == [Term(("tyrkiet",)), Term(("fact", "finding"))]
    assert query.websearch() == (
        'kurdere "human rights" or menneskerettigheder -tyrkiet -"fact finding"'
    )


@pytest.mark.parametrize(
    "raw, websearch",
    [
        ('"unbalanced quote', '"unbalanced quote"'),
        ('a "b c', 'a "b c"'),
        ("'; DROP TABLE bilag_bilag; --", "drop table bilag_bilag"),
        ("ok\x00\x01\x1b[31m done", "ok 31m done"),
        ("OR or OR", ""),
        ("or flygtninge", "flygtninge"),
        ("COVID-19", '"covid 19"'),
        ("Kobanî ÆRØ", "kobanî ærø"),
        ('"""', ""),
        ("-alene", "-alene"),
        ("a & b | !c <-> d:*", "a b c d"),
    ],
)
def test_parse_is_tolerant(raw, websearch):
    assert Query.parse(raw).websearch() == websearch


def test_parse_cuts_long_queries_with_a_note():
    query = Query.parse("flygtninge " * 1000)
    assert len(query.terms) == 16
    assert query.notes
    assert len(Query.parse("x" * 10_000).terms[0].words[0]) == MAX_QUERY_CHARS


def test_empty_queries_have_no_terms():
    for raw in ["", "   ", "-kun", '""', "!!!", "\x00"]:
        assert Query.parse(raw).is_empty


def test_highlight_escapes_and_marks():
    html = highlight("<b>Flygtninge</b> & flygtningenes", Query.parse("flygtning"), "bilag_danish")
    assert html == "&lt;b&gt;<mark>Flygtninge</mark>&lt;/b&gt; &amp; <mark>flygtningenes</mark>"


# -- Matching ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_danish_stemming():
    make("Om flygtningene", pages=("Mange flygtninge kom til lejrene.",))
    make("Andet", pages=("Intet om emnet.",))
    assert found("flygtning") == ["Om flygtningene"]
    assert found("Flygtninge") == ["Om flygtningene"]
    assert found("lejr") == ["Om flygtningene"]


@pytest.mark.django_db
def test_english_stemming():
    make("Refugee camps", pages=("Refugees were detained.",), language="en")
    make("Other", pages=("Nothing here.",), language="en")
    assert found("refugee") == ["Refugee camps"]
    assert found("detaining") == ["Refugee camps"]


@pytest.mark.django_db
def test_stemming_follows_each_bilags_language():
    make("Dansk", pages=("Flygtningene bor i lejre.",), language="da")
    make("English", pages=("The refugees live in camps.",), language="en")
    assert found("flygtninge") == ["Dansk"]
    assert found("refugee") == ["English"]
    assert sorted(found("flygtninge OR refugee")) == ["Dansk", "English"]


@pytest.mark.django_db
def test_case_and_accents_fold():
    make("Kobanî", pages=("Kampene i KOBANÎ og Café Ümit.",))
    assert found("kobani") == ["Kobanî"]
    assert found("KOBANI cafe umit") == ["Kobanî"]


@pytest.mark.django_db
def test_phrase():
    make("Rettigheder", pages=("Human rights are respected.",), language="en")
    make("Omvendt", pages=("The rights of every human.",), language="en")
    assert found('"human rights"') == ["Rettigheder"]
    assert sorted(found("human rights")) == ["Omvendt", "Rettigheder"]


@pytest.mark.django_db
def test_or_and_exclusion():
    make("Kurdere", pages=("Kurdere i Tyrkiet.",))
    make("Yazidier", pages=("Yazidier i Irak.",))
    make("Begge", pages=("Kurdere og yazidier i Tyrkiet.",))
    assert sorted(found("kurdere OR yazidier")) == ["Begge", "Kurdere", "Yazidier"]
    assert sorted(found("kurdere -yazidier")) == ["Kurdere"]
    assert sorted(found("kurdere OR yazidier -tyrkiet")) == ["Yazidier"]
    assert found('kurdere -"yazidier i tyrkiet"') == ["Kurdere"]


@pytest.mark.django_db
def test_title_and_source_rank_above_body():
    make("Vejledning", pages=("Afsnit om Mogadishu og meget andet, Mogadishu igen.",))
    make("Mogadishu i 2020", pages=("Byen er stor.",))
    make("Tredje", pages=("Intet",), source=SourceFactory(name="Mogadishu Monitor"))
    assert found("mogadishu") == ["Mogadishu i 2020", "Tredje", "Vejledning"]


@pytest.mark.django_db
def test_metadata_edits_reindex():
    bilag = make("Gammel titel", pages=("Tekst.",))
    bilag.title = "Ny titel om Herat"
    bilag.save()
    assert found("herat") == ["Ny titel om Herat"]
    bilag.source.name = "Herat Post"
    bilag.source.save()
    bilag.title = "Uden by"
    bilag.save(update_fields=["title"])
    assert found("herat") == ["Uden by"]
    bilag.withdraw(note="Forældet")  # not an indexed field: nothing breaks
    assert found("herat") == ["Uden by"]


# -- Hits: page numbers and snippets ----------------------------------------------------------


@pytest.mark.django_db
def test_snippet_and_page_of_first_hit():
    bilag = make(
        "Rapport om Syrien",
        pages=(
            "Indledning uden ordet.",
            "Her nævnes tortur én gang <script>alert(1)</script>.",
            "Tortur i fængslerne i Damaskus er udbredt.",
        ),
    )
    attach_hits([bilag], Query.parse("tortur damaskus"))
    hit = bilag.search_hit
    assert hit.page == 4  # the first page with all the words
    assert "<mark>Tortur</mark>" in hit.snippet and "<mark>Damaskus</mark>" in hit.snippet
    attach_hits([bilag], Query.parse("tortur"))
    assert bilag.search_hit.page == 3
    assert "<script" not in bilag.search_hit.snippet  # escaped (SQLite) or dropped (ts_headline)
    assert [hit.page for hit in page_hits(bilag, "tortur")] == [3, 4]


@pytest.mark.django_db
def test_title_only_match_has_no_page():
    bilag = make("Herat", pages=("Intet her.",))
    attach_hits([bilag], Query.parse("herat"))
    assert bilag.search_hit is None
    assert bilag.title_html == "<mark>Herat</mark>"


@pytest.mark.django_db
def test_search_page_shows_snippet_and_links(client):
    bilag = make("Rapport", pages=("Om flygtninge.", "Flygtningene <i>i</i> lejrene."))
    response = client.get("/soeg/?q=flygtning")
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["Rapport"]
    assert f"/syrien/{bilag.number}/pdf#page=2" in html
    assert f"/syrien/{bilag.number}/?q=flygtning" in html
    assert "<mark>flygtninge</mark>" in html
    assert "<i>i</i>" not in html


@pytest.mark.django_db
def test_permalink_highlights_the_words(client):
    bilag = make("Rapport", pages=("Første side.", "Om flygtninge.", "Flygtningene igen."))
    response = client.get(f"/syrien/{bilag.number}/?q=flygtning")
    html = response.content.decode()
    assert [hit.page for hit in response.context["search_hits"]] == [3, 4]
    assert f"/syrien/{bilag.number}/pdf#page=4" in html
    assert "<mark>Flygtningene</mark>" in html


@pytest.mark.django_db
def test_country_list_search_within_country(client):
    make("Syrisk", pages=("Om tortur.",))
    make("Iransk", pages=("Om tortur.",), country=country("iran"))
    response = client.get("/syrien/?q=tortur")
    assert titles(response) == ["Syrisk"]
    assert "<mark>tortur</mark>" in response.content.decode()
    assert response.context["filter"].form["sortering"].value() == ["relevans"]


# -- Filters, ordering and visibility ---------------------------------------------------------


@pytest.mark.django_db
def test_search_across_countries_with_filters(client):
    bbc = SourceFactory(name="BBC News")
    make("Syrien BBC", pages=("Om tortur.",), source=bbc, added=datetime.date(2020, 1, 1))
    make("Iran BBC", pages=("Om tortur.",), source=bbc, country=country("iran"))
    make("Iran andet", pages=("Om tortur.",), country=country("iran"), language="en")
    assert sorted(titles(client.get("/soeg/?q=tortur"))) == ["Iran BBC", "Iran andet", "Syrien BBC"]
    assert titles(client.get("/soeg/?q=tortur&land=iran&kilde=bbc-news")) == ["Iran BBC"]
    assert titles(client.get("/soeg/?q=tortur&sprog=en")) == ["Iran andet"]
    assert titles(client.get("/soeg/?q=tortur&optaget_fra=2019-06-01")) == ["Syrien BBC"]


@pytest.mark.django_db
def test_relevance_by_default_or_dates_or_number(client):
    make("Tortur", pages=("Lidt.",), number=1, published=datetime.date(2010, 1, 1))
    make("Nyere", pages=("Om tortur.",), number=2, published=datetime.date(2020, 1, 1))
    assert titles(client.get("/syrien/?q=tortur")) == ["Tortur", "Nyere"]
    assert titles(client.get("/syrien/?q=tortur&sortering=relevans")) == ["Tortur", "Nyere"]
    assert titles(client.get("/syrien/?q=tortur&sortering=-udgivet")) == ["Nyere", "Tortur"]
    assert titles(client.get("/syrien/?q=tortur&sortering=-nummer")) == ["Nyere", "Tortur"]
    assert titles(client.get("/soeg/?q=tortur&sortering=udgivet")) == ["Tortur", "Nyere"]
    assert titles(client.get("/syrien/?sortering=relevans")) == ["Nyere", "Tortur"]


@pytest.mark.django_db
def test_withdrawn_only_when_asked_unpublished_only_for_staff(client, staff_client):
    make("Aktuel", pages=("Om tortur.",))
    make("Udgået", pages=("Om tortur.",), status=Bilag.Status.WITHDRAWN)
    make("Under behandling", pages=("Om tortur.",), status=Bilag.Status.PROCESSING)
    make("Fejlet", pages=("Om tortur.",), status=Bilag.Status.FAILED, country=None)
    assert titles(client.get("/soeg/?q=tortur")) == ["Aktuel"]
    assert sorted(titles(client.get("/soeg/?q=tortur&udgaaede=on"))) == ["Aktuel", "Udgået"]
    staff = staff_client.get("/soeg/?q=tortur")
    assert staff.status_code == 200
    assert sorted(titles(staff)) == ["Aktuel", "Fejlet", "Under behandling"]
    assert sorted(titles(client.get("/syrien/?q=tortur"))) == ["Aktuel"]


# -- Bad queries ------------------------------------------------------------------------------

BAD_QUERIES = [
    '"flygtninge',
    'tortur "',
    "og i det",
    "the and of",
    "tortur " * 2000,
    "x" * 10_000,
    "'; DROP TABLE bilag_bilag; --",
    "1' OR '1'='1",
    "tortur\x00\x07\x1b",
    "\x00",
    "-",
    "-tortur",
    "OR",
    "a & b | !c <-> d:*",
    "(((",
    "\\",
    "%_%",
]


@pytest.mark.django_db
@pytest.mark.parametrize("q", BAD_QUERIES)
def test_bad_queries_never_fail(client, q):
    make("Tortur", pages=("Om tortur i fængslerne.",))
    for url in ["/soeg/", "/syrien/"]:
        response = client.get(url, {"q": q})
        assert response.status_code == 200, (url, q)
    assert Bilag.objects.exists()


@pytest.mark.django_db
def test_bad_queries_explain_themselves(client):
    make("Tortur", pages=("Om tortur.",))
    response = client.get("/soeg/", {"q": "-tortur"})
    assert "Skriv mindst ét ord" in response.content.decode()
    response = client.get("/soeg/", {"q": "tortur " * 200})
    assert titles(response) == ["Tortur"]
    assert "for lang" in response.content.decode() or "for mange ord" in response.content.decode()
    response = client.get("/soeg/", {"q": '"tortur'})
    assert titles(response) == ["Tortur"]


@pytest.mark.django_db
def test_only_stop_words(client, settings):
    make("Tortur", pages=("Om tortur og det hele.",))
    response = client.get("/soeg/", {"q": "og det"})
    assert response.status_code == 200
    # PostgreSQL drops stop words and says so; SQLite searches them (a best-effort result).
    notes = response.context["search_notes"]
    assert titles(response) == ["Tortur"] or any("almindelige ord" in n for n in notes)


@pytest.mark.django_db
def test_search_page_without_query(client):
    response = client.get("/soeg/")
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


@pytest.mark.django_db
def test_search_box_on_every_page(client):
    bilag = make("Rapport", pages=("Tekst.",))
    for url in ["/", "/syrien/", bilag.get_absolute_url(), "/soeg/"]:
        assert 'action="/soeg/"' in client.get(url).content.decode(), url


# -- Admin ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_mixin_uses_full_text_search():
    make("Om flygtningene", pages=("Tekst.",), original_filename="a.pdf")
    make("Andet", pages=("Tekst.",), original_filename="flygtning.pdf")
    make("Tredje", pages=("Tekst.",))

    class SearchingAdmin(FullTextAdminSearchMixin, admin.ModelAdmin):
        search_fields = ["title", "original_filename"]

    model_admin = SearchingAdmin(Bilag, admin.site)
    request = RequestFactory().get("/admin/bilag/bilag/")
    results, duplicates = model_admin.get_search_results(request, Bilag.objects.all(), "flygtninge")
    assert sorted(b.title for b in results) == ["Om flygtningene"]
    results, _ = model_admin.get_search_results(request, Bilag.objects.all(), "flygtning.pdf")
    assert sorted(b.title for b in results) == ["Andet"]


@pytest.mark.django_db
def test_source_rename_is_searchable():
    source = SourceFactory(name="Gammel kilde")
    make("Rapport", pages=("Tekst.",), source=source)
    source.name = "Amnesty International"
    source.save()
    assert found("amnesty") == ["Rapport"]


@pytest.mark.django_db
def test_title_and_source_matches_rank_above_body_matches_then_newest():
    make("Gammel", pages=("Om tortur og tortur og tortur.",), added=datetime.date(2010, 1, 1))
    make("Ny", pages=("Om tortur.",), added=datetime.date(2020, 1, 1))
    make("Tortur i titlen", pages=("Tekst.",), added=datetime.date(2000, 1, 1))
    assert found("tortur")[0] == "Tortur i titlen"


def paged(q: str, per_page: int, **filters) -> tuple[list[list[str]], SearchPaginator]:
    queryset = Bilag.objects.filter(**filters).search(q).by_relevance()
    paginator = SearchPaginator(queryset, per_page)
    return [[b.title for b in paginator.page(n)] for n in paginator.page_range], paginator


@pytest.mark.django_db
def test_broad_search_is_counted_to_the_limit_and_paged_title_matches_first(monkeypatch):
    monkeypatch.setattr("bilag.search.RANK_LIMIT", 4)
    for year, title in [(2001, "Tortur i titlen"), (2002, "Om tortur"), (2003, "Rapport")]:
        make(title, pages=("Om tortur i fængslerne.",), added=datetime.date(year, 1, 1))
    for year in range(2010, 2014):
        make(f"Notat {year}", pages=("Tortur forekommer.",), added=datetime.date(year, 1, 1))
    pages, paginator = paged("tortur", per_page=3)
    assert paginator.count == 4 and paginator.count_is_capped
    # Title matches first (by their rank, then newest), then body matches newest first; the
    # pages join without gaps or repeats, up to the limit.
    assert pages == [["Om tortur", "Tortur i titlen", "Notat 2013"], ["Notat 2012"]]


@pytest.mark.django_db
def test_title_matches_beyond_the_limit_fill_the_pages_newest_first(monkeypatch):
    monkeypatch.setattr("bilag.search.RANK_LIMIT", 2)
    for year in (2001, 2003, 2002):
        make("Tortur", pages=("Tekst.",), added=datetime.date(year, 1, 1))
    make("Notat", pages=("Om tortur.",), added=datetime.date(2020, 1, 1))
    queryset = Bilag.objects.search("tortur").by_relevance()
    paginator = SearchPaginator(queryset, 2)
    shown = [b.added.year for b in paginator.page(1)]
    assert paginator.count_is_capped and shown == [2003, 2002]


@pytest.mark.django_db
def test_narrow_search_is_counted_exactly(monkeypatch):
    monkeypatch.setattr("bilag.search.RANK_LIMIT", 4)
    make("Tortur", pages=("Tekst.",))
    make("Rapport", pages=("Om tortur.",))
    pages, paginator = paged("tortur", per_page=1)
    assert (paginator.count, paginator.count_is_capped) == (2, False)
    assert pages == [["Tortur"], ["Rapport"]]


@pytest.mark.django_db
def test_broad_search_still_excludes_words_found_only_in_the_body(monkeypatch):
    monkeypatch.setattr("bilag.search.RANK_LIMIT", 1)
    make("Tortur i Syrien", pages=("Om Tyrkiet.",), added=datetime.date(2020, 1, 1))
    make("Tortur i Irak", pages=("Tekst.",), added=datetime.date(2019, 1, 1))
    make("Notat", pages=("Tortur i Iran.",), added=datetime.date(2021, 1, 1))
    make("Notat om Tyrkiet", pages=("Tortur.",), added=datetime.date(2022, 1, 1))
    results = SearchResults(Bilag.objects.search("tortur -tyrkiet").by_relevance())
    assert results.count_is_capped
    assert [b.title for b in results[0:5]] == ["Tortur i Irak", "Notat"]


@pytest.mark.django_db
def test_capped_count_is_shown_as_more_than(client, monkeypatch):
    monkeypatch.setattr("bilag.search.RANK_LIMIT", 1)
    make("Tortur", pages=("Tekst.",))
    make("Rapport", pages=("Om tortur.",))
    response = client.get("/soeg/", {"q": "tortur"})
    assert "Mere end 1 bilag" in response.content.decode()
    assert client.get("/api/v1/bilag/", {"q": "tortur"}).json()["count_is_capped"] is True


@pytest.mark.django_db
def test_sorting_by_date_breaks_ties_by_newest_id(client):
    same_day = datetime.date(2020, 1, 1)
    make("Først", pages=("Om tortur.",), published=same_day)
    make("Senere", pages=("Om tortur.",), published=same_day)
    response = client.get("/soeg/", {"q": "tortur", "sortering": "-udgivet"})
    assert titles(response) == ["Senere", "Først"]
