"""Full-text search over bilag: one interface, two backends.

`Bilag.objects.search(q)` filters a queryset to the matches of a websearch-style query
(words, "exact phrase", OR, -exclude) and adds a `search_rank` alias; `attach_hits()` adds a
highlighted snippet and the page of the hit to the few bilag shown.

PostgreSQL: a stored weighted tsvector on each bilag (title A, source B, text C) in the text
search configuration of its language, with a GIN index. Every configuration is a copy of
PostgreSQL's own with `unaccent` in front of the stemmer, so case and accents fold. Bilag differ
in language, so a query is matched per configuration: (config = danish AND vector @@
danish query) OR (config = english AND …), which keeps stemming and exclusion exact for each
bilag. Ranking reads only the stored vector; headlines come from the page vectors and
ts_headline of the rows shown.

SQLite: an FTS5 table holding Snowball-stemmed tokens (stemmed here in Python, in the bilag's
language), folded by the unicode61 tokenizer, ranked by bm25 with column weights. Snippets are
made here in Python with the same stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, reduce
from operator import and_, or_

import snowballstemmer
from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVector,
)
from django.core.cache import cache as django_cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Left
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Bilag, Page, Source

# ISO 639-1 code → PostgreSQL's (and Snowball's) name for the language.
LANGUAGES = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
CONFIG_PREFIX = "bilag_"
SIMPLE = "simple"
INDEXED_FIELDS = frozenset({"title", "source", "source_id", "cleaned_text", "language"})

MAX_QUERY_CHARS = 300
MAX_TERMS = 16
FTS_TABLE = "bilag_fts"
# bm25 column weights (title, source, body, lang) and ts_rank weights {D, C, B, A}: a match in
# the title or source counts for much more than one in the body.
BM25_WEIGHTS = (10.0, 5.0, 1.0, 0.0)
RANK_WEIGHTS = [0.01, 0.1, 0.5, 1.0]
RANK_NORMALIZATION = 1  # divide by 1 + log(length): long reports don't win by length alone
# Body text beyond this is left out of the bilag-level vector if the whole would exceed
# PostgreSQL's 1 MB tsvector limit (the page vectors still cover every page).
FALLBACK_BODY_CHARS = 300_000
# A title/source match ranks above a body match; then the better body match; then the newest.
RELEVANCE_ORDER = ("-search_head_rank", "-search_rank", "-added", "-pk")
# Ranking reads each match's stored vector. A search that matches more bilag than this (after
# the filters) is counted only this far and paged without the body rank (SearchResults): a
# common word must not read 100,000 vectors.
RANK_LIMIT = 1000
# Attributes on a searched queryset's Query (copied along with it by every clone).
SEARCH_ATTR = "bilag_search"
MATCH_MODE_ATTR = "bilag_search_match"
# Orderings with a B-tree index (models.Bilag.Meta) that a broad search's page can walk.
INDEXED_ORDERINGS = frozenset({"added", "published", "title"})
INDEXED, ROW_TEST, IMPLIED = "indexed", "row test", "implied"

HEADLINE_START, HEADLINE_STOP = "\x02", "\x03"
HEADLINE_OPTIONS = (
    f"StartSel={HEADLINE_START}, StopSel={HEADLINE_STOP}, MaxWords=35, MinWords=15, "
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)
CONFIGS_CACHE_KEY = "bilag:search-configs"

WORD = re.compile(r"\w+")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def config_for(language: str) -> str:
    """The text search configuration for a bilag's language ("" and unknown → simple)."""
    return CONFIG_PREFIX + LANGUAGES.get((language or "")[:2].lower(), SIMPLE)


def config_case() -> Case:
    """config_for() in SQL, for bulk updates."""
    return Case(
        *(
            When(language__istartswith=code, then=Value(CONFIG_PREFIX + name))
            for code, name in LANGUAGES.items()
        ),
        default=Value(CONFIG_PREFIX + SIMPLE),
    )


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# -- Query parsing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word, or a phrase of words that must follow each other."""

    words: tuple[str, ...]

    def websearch(self) -> str:
        return f'"{" ".join(self.words)}"' if len(self.words) > 1 else self.words[0]


@dataclass
class Query:
    """A parsed websearch-style query: all groups must match, any term within a group.

    Parsing never fails: stray quotes close at the end, control characters become spaces,
    punctuation and SQL are just words or nothing, and an over-long query is cut short
    with a note.
    """

    raw: str
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, raw: str) -> Query:
        query = cls(raw=raw)
        text = unicodedata.normalize("NFC", CONTROL.sub(" ", raw or ""))
        if len(text) > MAX_QUERY_CHARS:
            text = text[:MAX_QUERY_CHARS]
            query.notes.append(
                _("Søgningen var for lang; kun de første %(n)d tegn er brugt.")
                % {"n": MAX_QUERY_CHARS}
            )
        either = negate = False
        count = 0
        for match in re.finditer(r'(-?)(?:"([^"]*)"?|([^\s"]+))', text):
            minus, phrase, bare = match.groups()
            chunk = phrase if phrase is not None else bare
            if bare is not None and bare.lower() == "or" and not minus:
                either = bool(query.groups)
                continue
            words = tuple(w.casefold() for w in WORD.findall(chunk))
            if not words:
                continue
            negate = bool(minus)
            if count == MAX_TERMS:
                query.notes.append(
                    _("Søgningen havde for mange ord; kun de første %(n)d er brugt.")
                    % {"n": MAX_TERMS}
                )
                break
            count += 1
            term = Term(words[:MAX_TERMS])
            if negate:
                query.excluded.append(term)
            elif either:
                query.groups[-1].append(term)
            else:
                query.groups.append([term])
            either = False
        return query

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def terms(self) -> list[Term]:
        """The terms to look for and highlight (not the excluded ones)."""
        return [term for group in self.groups for term in group]

    def websearch(self) -> str:
        """The query rewritten in clean websearch syntax, for PostgreSQL."""
        parts = [" or ".join(term.websearch() for term in group) for group in self.groups]
        parts += [f"-{term.websearch()}" for term in self.excluded]
        return " ".join(parts)

    def __str__(self) -> str:
        return self.raw


def as_query(query: str | Query) -> Query:
    return query if isinstance(query, Query) else Query.parse(query)


# -- Stemming (SQLite index and Python snippets) ----------------------------------------------


@cache
def _stemmer(config: str):
    name = config.removeprefix(CONFIG_PREFIX)
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem_words(words: list[str], config: str) -> list[str]:
    # Fold accents before stemming, as unaccent does in front of PostgreSQL's stemmers.
    stemmer = _stemmer(config)
    words = [fold(w.casefold()) for w in words]
    return stemmer.stemWords(words) if stemmer is not None else words


def stemmed_text(text: str, config: str) -> str:
    return " ".join(stem_words(WORD.findall(text or ""), config))


# -- Indexing --------------------------------------------------------------------------------


def index_bilag(bilag: Bilag, *, pages: bool = True) -> None:
    """Bring one bilag's search index up to date with what is saved (call after its pages)."""
    bilag.search_config = config_for(bilag.language)
    reindex(Bilag.objects.filter(pk=bilag.pk), pages=pages)


def reindex(queryset: QuerySet, *, pages: bool = True) -> None:
    """Rebuild the search index of many bilag, e.g. after a source is renamed."""
    ids = list(queryset.order_by().values_list("pk", flat=True))
    if not ids:
        return
    configs = set(active_configs())
    with transaction.atomic():
        Bilag.objects.filter(pk__in=ids).update(search_config=config_case())
        if is_postgresql():
            _pg_index(ids, pages)
        else:
            _sqlite_index(ids)
    new = set(Bilag.objects.filter(pk__in=ids).values_list("search_config", flat=True))
    if not new <= configs:
        django_cache.delete(CONFIGS_CACHE_KEY)


def head_vector():
    config = F("search_config")
    source = Subquery(Source.objects.filter(pk=OuterRef("source_id")).values("name")[:1])
    return SearchVector("title", config=config, weight="A") + SearchVector(
        source, config=config, weight="B"
    )


def bilag_vector(body=None):
    body = F("cleaned_text") if body is None else body
    return head_vector() + SearchVector(body, config=F("search_config"), weight="C")


def _pg_index(ids: list[int], pages: bool) -> None:
    Bilag.objects.filter(pk__in=ids).update(search_head=head_vector())
    try:
        with transaction.atomic():
            Bilag.objects.filter(pk__in=ids).update(search_vector=bilag_vector())
    except DatabaseError:  # a text too large for one tsvector: index its beginning
        for pk in ids:
            try:
                with transaction.atomic():
                    Bilag.objects.filter(pk=pk).update(search_vector=bilag_vector())
            except DatabaseError:
                Bilag.objects.filter(pk=pk).update(
                    search_vector=bilag_vector(Left("cleaned_text", FALLBACK_BODY_CHARS))
                )
    if pages:
        configs = Bilag.objects.filter(pk__in=ids).values_list("search_config", flat=True)
        for config in set(configs):
            Page.objects.filter(bilag_id__in=ids, bilag__search_config=config).update(
                search_vector=SearchVector("text", config=config)
            )


def fts_row(title: str, source: str, body: str, config: str) -> list[str]:
    return [
        stemmed_text(title, config),
        stemmed_text(source, config),
        stemmed_text(body, config),
        config.removeprefix(CONFIG_PREFIX),
    ]


def _sqlite_index(ids: list[int]) -> None:
    rows = Bilag.objects.filter(pk__in=ids).values_list(
        "pk", "title", "source__name", "cleaned_text", "search_config"
    )
    with connection.cursor() as cursor:
        for pk, title, source, body, config in rows.iterator():
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, source, body, lang) "
                "VALUES (%s, %s, %s, %s, %s)",
                [pk, *fts_row(title, source or "", body, config)],
            )


def active_configs() -> list[str]:
    """The text search configurations in use; a query is matched in each of them."""
    configs = django_cache.get(CONFIGS_CACHE_KEY)
    if configs is None:
        configs = sorted(
            set(Bilag.objects.order_by().values_list("search_config", flat=True).distinct())
        )
        django_cache.set(CONFIGS_CACHE_KEY, configs, 300)
    return configs or [CONFIG_PREFIX + SIMPLE]


# -- Searching -------------------------------------------------------------------------------


def search_queryset(queryset: QuerySet, query: str | Query) -> QuerySet:
    """The matches of `query` in `queryset`, with a `search_rank` alias (higher is better)."""
    query = as_query(query)
    if query.is_empty:
        return queryset.none()
    configs = active_configs()
    if is_postgresql():
        return _pg_search(queryset, query, configs)
    return _sqlite_search(queryset, query, configs)


def pg_tsquery(query: Query, config) -> SearchQuery:
    """The query as a tsquery in one configuration, with the same precedence as the parser.

    (PostgreSQL's websearch_to_tsquery binds AND tighter than OR; the portal's syntax, like
    web search engines, binds OR tighter: `a OR b -c` is (a | b) & !c.)
    """

    def term(t: Term) -> SearchQuery:
        return SearchQuery(" ".join(t.words), config=config, search_type="phrase")

    tsquery = reduce(and_, (reduce(or_, map(term, group)) for group in query.groups))
    for excluded in query.excluded:
        tsquery &= ~term(excluded)
    return tsquery


def _pg_search(queryset: QuerySet, query: Query, configs: list[str]) -> QuerySet:
    tsqueries = {c: pg_tsquery(query, c) for c in configs}
    if len(configs) == 1:
        rank_query = tsqueries[configs[0]]
    else:
        rank_query = Case(
            *(When(search_config=c, then=q) for c, q in tsqueries.items()),
            output_field=SearchQueryField(),
        )

    def rank(vector: str) -> SearchRank:
        return SearchRank(
            F(vector),
            rank_query,
            weights=RANK_WEIGHTS,
            normalization=Value(RANK_NORMALIZATION),
            cover_density=True,
        )

    searched = queryset.filter(SearchMatch(_pg_match("search_vector", tsqueries))).alias(
        search_rank=rank("search_vector"), search_head_rank=rank("search_head")
    )
    setattr(searched.query, SEARCH_ATTR, query)
    return searched


def _pg_match(vector: str, tsqueries: dict[str, SearchQuery]) -> Q:
    return reduce(or_, (Q(search_config=c, **{vector: q}) for c, q in tsqueries.items()))


class SearchMatch(ExpressionWrapper):
    """The full-text condition of a search, as a WHERE clause.

    Normally (INDEXED) the GIN index on search_vector answers it. A broad search's page
    (SearchResults) finds its rows another way, through the title/source index or by walking
    the date index and stopping after one page, and marks its query (MATCH_MODE_ATTR):
    ROW_TEST wraps the condition in COALESCE, which no index serves, so it is tested only on
    those rows; IMPLIED leaves it out where another condition implies it.
    """

    def __init__(self, condition: Q):
        super().__init__(condition, output_field=BooleanField())

    def as_sql(self, compiler, connection):
        mode = getattr(compiler.query, MATCH_MODE_ATTR, INDEXED)
        if mode == IMPLIED:
            return "true", []
        sql, params = super().as_sql(compiler, connection)
        return (f"COALESCE({sql}, false)", params) if mode == ROW_TEST else (sql, params)


def order_by_relevance(queryset: QuerySet) -> QuerySet:
    """Best match first (after search_queryset): title/source matches, then body, then newest."""
    return queryset.order_by(*RELEVANCE_ORDER)


def search_of(queryset) -> Query | None:
    """The query a queryset was searched with (search_queryset()), if any."""
    query = getattr(queryset, "query", None)
    return getattr(query, SEARCH_ATTR, None)


class SearchResults:
    """The matches of a search as a Paginator reads them: counted up to RANK_LIMIT, sliced cheaply.

    Counting stops after RANK_LIMIT + 1 matches (`count_is_capped` says so): an exact count
    of 60,000 matches costs more than the whole page, and nobody reads past the first
    thousand; they narrow the search.

    A broad search shown best first on PostgreSQL is paged from cheap parts instead of
    ranking every match: first the bilag whose title or source matches, ranked (found
    through the GIN index on the title/source vector), then the others newest first, found
    by walking the date index (SearchMatch) and stopping after the page. That is the order
    RELEVANCE_ORDER gives, minus the body rank, which would mean reading every match's whole
    vector. When the title/source matches alone exceed RANK_LIMIT they fill every page
    shown, newest first. A broad search sorted by a date or the title walks that column's
    index the same way.
    """

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset
        self.ordered = True  # for Paginator's unordered-pagination warning

    @cached_property
    def _capped_count(self) -> int:
        return self.queryset.order_by()[: RANK_LIMIT + 1].count()

    def count(self) -> int:
        return min(self._capped_count, RANK_LIMIT)

    @property
    def count_is_capped(self) -> bool:
        return self._capped_count > RANK_LIMIT

    def __getitem__(self, index: slice) -> list[Bilag]:
        if not (self.count_is_capped and is_postgresql()):
            return list(self.queryset[index])
        ordering = list(self.queryset.query.order_by)
        if ordering == list(RELEVANCE_ORDER):
            return self._broad_page(index.start or 0, index.stop)
        if ordering and ordering[0].lstrip("-") in INDEXED_ORDERINGS:
            walk = self.queryset.all()
            setattr(walk.query, MATCH_MODE_ATTR, ROW_TEST)
            return list(walk[index])
        # Sorting every match: sort ids alone, then join the country and source to the page.
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        rows = self.queryset.order_by().filter(pk__in=ids).in_bulk()
        return [rows[pk] for pk in ids]

    def _broad_page(self, start: int, stop: int) -> list[Bilag]:
        query = search_of(self.queryset)
        tsqueries = {c: pg_tsquery(query, c) for c in active_configs()}
        in_head = _pg_match("search_head", tsqueries)
        # A title/source match is a whole-text match, unless the query excludes words: the
        # body may hold one.
        head_mode = ROW_TEST if query.excluded else IMPLIED
        head = self.queryset.filter(in_head)
        setattr(head.query, MATCH_MODE_ATTR, head_mode)
        head_count = head.order_by()[: RANK_LIMIT + 1].count()
        head_test = Coalesce(ExpressionWrapper(in_head, output_field=BooleanField()), False)
        if head_count > RANK_LIMIT:
            # Title/source matches fill every page shown: newest first, along the date index,
            # rather than ranking thousands of them.
            newest = self.queryset.alias(in_head=head_test).filter(in_head=True)
            newest = newest.order_by("-added", "-pk")
            setattr(newest.query, MATCH_MODE_ATTR, head_mode)
            return list(newest[start:stop])
        head = head.order_by("-search_head_rank", "-added", "-pk")
        rows = list(head[start:stop])
        if len(rows) == stop - start:
            return rows
        body = self.queryset.alias(in_head=head_test).filter(in_head=False)
        body = body.order_by("-added", "-pk")
        setattr(body.query, MATCH_MODE_ATTR, ROW_TEST)
        return rows + list(body[max(start - head_count, 0) : stop - head_count])


class SearchPaginator(Paginator):
    """A Paginator that reads a searched queryset through SearchResults."""

    def __init__(self, object_list, *args, **kwargs):
        if search_of(object_list) is not None:
            object_list = SearchResults(object_list)
        super().__init__(object_list, *args, **kwargs)

    @property
    def count_is_capped(self) -> bool:
        return getattr(self.object_list, "count_is_capped", False)


def fts_expression(query: Query, configs: list[str]) -> str:
    """An FTS5 MATCH expression: per language, its stems of the query, in that language's rows."""

    def phrase(term: Term, config: str) -> str:
        return '"' + " ".join(stem_words(list(term.words), config)) + '"'

    branches = []
    for config in configs:
        positive = " AND ".join(
            "(" + " OR ".join(phrase(t, config) for t in group) + ")" for group in query.groups
        )
        if query.excluded:
            negative = " OR ".join(phrase(t, config) for t in query.excluded)
            positive = f"({positive}) NOT ({negative})"
        lang = config.removeprefix(CONFIG_PREFIX)
        branches.append(f'(lang : "{lang}" AND {{title source body}} : ({positive}))')
    return " OR ".join(branches)


def _sqlite_search(queryset: QuerySet, query: Query, configs: list[str]) -> QuerySet:
    expression = fts_expression(query, configs)
    table = Bilag._meta.db_table

    def rank(weights: tuple[float, ...]) -> RawSQL:
        return RawSQL(
            f"(SELECT -bm25({FTS_TABLE}, {', '.join(map(str, weights))}) FROM {FTS_TABLE} "
            f'WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = "{table}"."id")',
            [expression],
            output_field=FloatField(),
        )

    matches = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])
    searched = queryset.filter(pk__in=matches).alias(
        search_rank=rank(BM25_WEIGHTS), search_head_rank=rank((*BM25_WEIGHTS[:2], 0, 0))
    )
    setattr(searched.query, SEARCH_ATTR, query)
    return searched


def no_results_hint(query: str | Query) -> str | None:
    """Why a query can find nothing, if it is the query's fault."""
    query = as_query(query)
    if query.is_empty:
        return _("Skriv mindst ét ord at søge efter (et ord med minus foran udelukker kun).")
    if is_postgresql():
        # Stop words ("og", "the") are not indexed in their language; a group of only stop
        # words matches no bilag in that language.
        languages = [c for c in active_configs() if c != CONFIG_PREFIX + SIMPLE]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t FROM unnest(%s::text[]) AS t WHERE EXISTS (SELECT FROM unnest(%s::text[])"
                " AS c WHERE numnode(phraseto_tsquery(c::regconfig, t)) = 0)",
                [[" ".join(t.words) for t in query.terms], languages],
            )
            stop = {row[0] for row in cursor.fetchall()}
        if any(all(" ".join(t.words) in stop for t in group) for group in query.groups):
            return _(
                "Meget almindelige ord (som «og», «det», «the») søges der ikke på. "
                "Tilføj et mere sigende ord."
            )
    return None


# -- Hits: the page and a highlighted snippet, for the bilag shown ----------------------------


@dataclass
class Hit:
    page: int | None
    snippet: SafeString


def attach_hits(bilags, query: str | Query) -> None:
    """Give each bilag shown `.search_hit` (first matching page and snippet) and `.title_html`."""
    query = as_query(query)
    bilags = list(bilags)
    if query.is_empty or not bilags:
        return
    if is_postgresql():
        hits = _pg_first_hits([b.pk for b in bilags], query)
    else:
        hits = {b.pk: _python_hits(b, query, limit=1) for b in bilags}
        hits = {pk: found[0] for pk, found in hits.items() if found}
    for bilag in bilags:
        bilag.search_hit = hits.get(bilag.pk)
        bilag.title_html = highlight(bilag.title, query, config_for(bilag.language))


def page_hits(bilag: Bilag, query: str | Query, limit: int = 50) -> list[Hit]:
    """Every page of one bilag that mentions a term of the query, with its snippet."""
    query = as_query(query)
    if query.is_empty:
        return []
    if not is_postgresql():
        return _python_hits(bilag, query, limit=limit)
    config = "b.search_config::regconfig"
    any_sql, any_params = tsquery_sql(query, config, terms_only=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.number, ts_headline({config}, p.text, {any_sql}, %s) "
            "FROM bilag_page p JOIN bilag_bilag b ON b.id = p.bilag_id "
            f"WHERE p.bilag_id = %s AND p.search_vector @@ {any_sql} "
            "ORDER BY p.number LIMIT %s",
            [*any_params, HEADLINE_OPTIONS, bilag.pk, *any_params, limit],
        )
        return [Hit(number, _marked(headline)) for number, headline in cursor.fetchall()]


def tsquery_sql(query: Query, config_sql: str, terms_only: bool = False) -> tuple[str, list]:
    """pg_tsquery() as SQL for a configuration given as SQL (e.g. a column)."""

    def term(t: Term) -> str:
        params.append(" ".join(t.words))
        return f"phraseto_tsquery({config_sql}, %s)"

    params: list[str] = []
    if terms_only:  # any of the terms: what to mark on a page
        return "(" + " || ".join(term(t) for t in query.terms) + ")", params
    sql = " && ".join("(" + " || ".join(map(term, group)) + ")" for group in query.groups)
    sql += "".join(f" && !!{term(t)}" for t in query.excluded)
    return f"({sql})", params


def _pg_first_hits(ids: list[int], query: Query) -> dict[int, Hit]:
    # The first page that matches the whole query, else the first with any of its terms.
    # Only the pages of the bilag shown are read, and only one headline per bilag is made.
    config = "b.search_config::regconfig"
    any_sql, any_params = tsquery_sql(query, config, terms_only=True)
    all_sql, all_params = tsquery_sql(query, config)
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH hit AS ("
            "  SELECT DISTINCT ON (p.bilag_id) p.id FROM bilag_page p"
            "  JOIN bilag_bilag b ON b.id = p.bilag_id"
            f"  WHERE p.bilag_id = ANY(%s) AND p.search_vector @@ {any_sql}"
            f"  ORDER BY p.bilag_id, p.search_vector @@ {all_sql} DESC, p.number"
            ") "
            f"SELECT p.bilag_id, p.number, ts_headline({config}, p.text, {any_sql}, %s) "
            "FROM hit JOIN bilag_page p ON p.id = hit.id JOIN bilag_bilag b ON b.id = p.bilag_id",
            [ids, *any_params, *all_params, *any_params, HEADLINE_OPTIONS],
        )
        return {pk: Hit(number, _marked(headline)) for pk, number, headline in cursor.fetchall()}


def _marked(headline: str) -> SafeString:
    """ts_headline marks with control characters; everything else is escaped text."""
    html = escape(headline).replace(HEADLINE_START, "<mark>").replace(HEADLINE_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above, only our own tags added


def _term_spans(tokens: list[str], terms: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Token index ranges [start, end) where any of the (stemmed) terms occurs."""
    spans = []
    for i in range(len(tokens)):
        for words in terms:
            if tuple(tokens[i : i + len(words)]) == words:
                spans.append((i, i + len(words)))
    return spans


def _page_tokens(text: str, config: str) -> tuple[list[re.Match], list[str]]:
    matches = list(WORD.finditer(text))
    return matches, stem_words([m.group() for m in matches], config)


def _stemmed_terms(terms: list[Term], config: str) -> list[tuple[str, ...]]:
    return [tuple(stem_words(list(term.words), config)) for term in terms]


def _matches_all(tokens: list[str], query: Query, config: str) -> bool:
    if any(_term_spans(tokens, _stemmed_terms(g, config)) == [] for g in query.groups):
        return False
    return not _term_spans(tokens, _stemmed_terms(query.excluded, config))


def _python_hits(bilag: Bilag, query: Query, limit: int) -> list[Hit]:
    config = config_for(bilag.language)
    terms = _stemmed_terms(query.terms, config)
    pages = Page.objects.filter(bilag=bilag).exclude(text="").order_by("number")
    hits: list[Hit] = []
    for number, text in pages.values_list("number", "text").iterator():
        matches, tokens = _page_tokens(text, config)
        spans = _term_spans(tokens, terms)
        if not spans:
            continue
        hit = Hit(number, _snippet(text, matches, spans))
        if limit == 1 and _matches_all(tokens, query, config):
            return [hit]
        hits.append(hit)
        if limit > 1 and len(hits) >= limit:
            break
    return hits[:limit]


def _render(text: str, matches: list[re.Match], spans: list[tuple[int, int]], lo: int, hi: int):
    """Escaped text[lo:hi] with the spans (token ranges) in <mark>."""
    out, pos = [], lo
    for start, end in spans:
        a, b = matches[start].start(), matches[end - 1].end()
        if a < pos or b > hi:
            continue
        out += [escape(text[pos:a]), "<mark>", escape(text[a:b]), "</mark>"]
        pos = b
    out.append(escape(text[pos:hi]))
    return "".join(out)


def _snippet(
    text: str, matches: list[re.Match], spans: list[tuple[int, int]], before=12, after=25
) -> SafeString:
    first = spans[0][0]
    lo_token, hi_token = max(0, first - before), min(len(matches), spans[0][1] + after)
    lo = matches[lo_token].start() if lo_token else 0
    hi = matches[hi_token - 1].end() if hi_token < len(matches) else len(text)
    html = _render(text, matches, spans, lo, hi).strip()
    html = ("… " if lo else "") + " ".join(html.split()) + (" …" if hi < len(text) else "")
    return mark_safe(html)  # noqa: S308 - every piece of text is escaped in _render


def highlight(text: str, query: str | Query, config: str) -> SafeString:
    """The whole (short) text, escaped, with the query's words in <mark>."""
    query = as_query(query)
    matches, tokens = _page_tokens(text or "", config)
    spans = _term_spans(tokens, _stemmed_terms(query.terms, config))
    return mark_safe(_render(text or "", matches, spans, 0, len(text or "")))  # noqa: S308


# -- Admin -----------------------------------------------------------------------------------


class FullTextAdminSearchMixin:
    """ModelAdmin.get_search_results with the portal's full-text search, for Bilag.

    Exact hits on the admin's search_fields (a file name, a SHA-256) are kept alongside.
    """

    def get_search_results(self, request, queryset, search_term):
        default, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        query = Query.parse(search_term)
        if query.is_empty:
            return default, may_have_duplicates
        found = search_queryset(queryset.model.objects.all(), query).values("pk")
        return queryset.filter(Q(pk__in=found) | Q(pk__in=default.values("pk"))), False
