"""Benchmark full-text search on PostgreSQL.

    python bench/search.py [--n 100000] [--db baggrund_bench] [--reseed] [--runs 40]

Seeds N bilag (a few pages each of Danish and English text) into their own database,
indexed by the portal's own bilag.search.reindex(), then times a fixed set of queries through
the portal's search code (filter + count + first page + snippets, as the /soeg/ view does
minus template rendering) and as bare hand-written SQL doing the same work over the same
indexes (the count, capped as the portal caps it; the 20 ids in the same order; one headline
each), and prints p50/p95 of both and their ratio. "matches" is the exact number of matches.
Target at 100,000 bilag: p95 <= 150 ms per query class and within 2x of the bare SQL.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DANISH = [
    "Ifølge rapporten har myndighederne anholdt flere flygtninge ved grænsen til {place}.",
    "Situationen for kvinder og børn i {place} er fortsat vanskelig, oplyser kilden.",
    "Flygtningene fortæller om vilkårlige anholdelser og tortur i fængslerne.",
    "Sikkerhedssituationen i {place} er forværret siden {year}, og mange er flygtet.",
    "Der er rapporter om, at militsen rekrutterer unge mænd med tvang.",
    "Menneskerettighedsorganisationer har dokumenteret overgreb mod journalister.",
    "Regeringen har ikke offentliggjort tal for antallet af tilbagevendte flygtninge.",
    "Kurdiske grupper i {place} oplever diskrimination i adgangen til arbejde og bolig.",
    "Kilden vurderer, at personer med en profil som aktivist risikerer forfølgelse.",
    "Udlændingestyrelsen har foretaget en faktaindsamling i {place} i {year}.",
    "Det er muligt at rejse ind i landet via lufthavnen, men kontrollen er skærpet.",
    "Kvinder uden mandligt netværk har vanskeligt ved at få beskyttelse fra politiet.",
    "Antallet af internt fordrevne er steget markant i de seneste måneder.",
    "Myndighederne udsteder pas og identitetskort mod betaling af gebyrer.",
    "Der forekommer afpresning ved kontrolposterne langs hovedvejene.",
    "Retssystemet er ifølge flere kilder præget af korruption og politisk indblanding.",
    "Personer, der har unddraget sig militærtjeneste, kan blive straffet ved indrejse.",
    "Religiøse minoriteter som kristne og yazidier er udsat for chikane.",
    "FN's flygtningehøjkommissariat har registreret nye flygtninge i nabolandene.",
    "Konflikten mellem de væbnede grupper har ramt civilbefolkningen hårdt.",
]
ENGLISH = [
    "According to the report, the authorities detained several refugees at the border near "
    "{place}.",
    "The situation for women and children in {place} remains difficult, the source says.",
    "Refugees describe arbitrary arrests and torture in the prisons.",
    "The security situation in {place} has deteriorated since {year}, and many have fled.",
    "There are reports that the militia forcibly recruits young men.",
    "Human rights organisations have documented abuses against journalists.",
    "The government has not published figures on the number of returned refugees.",
    "Kurdish groups in {place} face discrimination in access to employment and housing.",
    "The source assesses that persons with an activist profile risk persecution.",
    "The Danish Immigration Service conducted a fact-finding mission to {place} in {year}.",
    "It is possible to enter the country through the airport, but checks have been tightened.",
    "Women without a male network find it hard to obtain protection from the police.",
    "The number of internally displaced persons has risen sharply in recent months.",
    "The authorities issue passports and identity cards for a fee.",
    "Extortion occurs at checkpoints along the main roads.",
    "Several sources describe the judiciary as marked by corruption and political interference.",
    "Persons who evaded military service may be punished upon return.",
    "Religious minorities such as Christians and Yazidis face harassment.",
    "UNHCR has registered new refugees in the neighbouring countries.",
    "The conflict between the armed groups has hit the civilian population hard.",
]
PLACES = [
    "Aleppo", "Damaskus", "Homs", "Idlib", "Raqqa", "Deir ez-Zor", "Kabul", "Herat", "Mazar",
    "Mogadishu", "Kismayo", "Baidoa", "Teheran", "Mashhad", "Tabriz", "Asmara", "Massawa",
    "Bagdad", "Mosul", "Erbil", "Kirkuk", "Basra", "Khartoum", "Darfur", "Kobani",
]  # fmt: skip
RARE_WORD = "Qamishlo"
SYLLABLES = ["ka", "ri", "mo", "tal", "ven", "sor", "bel", "an", "dur", "li", "us", "ek", "ham"]
COUNTRIES = [
    "syrien", "afghanistan", "somalia", "iran", "eritrea", "irak", "sudan", "etiopien",
    "rusland", "tyrkiet", "libyen", "yemen", "pakistan", "nigeria", "marokko", "algeriet",
    "ukraine", "georgien", "armenien", "aserbajdsjan",
]  # fmt: skip

QUERIES = [
    ("rare word", {"q": RARE_WORD.lower()}),
    ("common word", {"q": "flygtninge"}),
    ("phrase", {"q": '"human rights"'}),
    ("country filter", {"q": "tortur", "land": "syrien"}),
    ("sorted by date", {"q": "refugees", "sortering": "-udgivet"}),
    ("websearch mix", {"q": 'kurdish or kurdiske -"fact-finding"'}),
]


def setup_django(db: str) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db]).fetchone():
            c.execute(f'CREATE DATABASE "{db}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def pseudo_words(rng: random.Random, n: int) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def page_text(rng: random.Random, danish: bool, tail: list[str], rare: bool) -> str:
    bank = DANISH if danish else ENGLISH
    sentences = []
    for _ in range(rng.randint(10, 16)):
        sentence = rng.choice(bank).format(place=rng.choice(PLACES), year=rng.randint(2011, 2024))
        # A long tail of names and terms, as real reports have.
        extra = " ".join(rng.choices(tail, cum_weights=TAIL_WEIGHTS, k=rng.randint(0, 4)))
        sentences.append(f"{sentence} {extra.capitalize()}." if extra else sentence)
    if rare:
        sentences.insert(rng.randint(0, len(sentences)), f"Kilder i {RARE_WORD} bekræfter dette.")
    return " ".join(sentences)


TAIL_WEIGHTS: list[float] = []


def seed(n: int) -> None:
    from django.db import connection

    from bilag.models import Bilag, Country, Page, Source
    from bilag.search import config_for, reindex

    rng = random.Random(5)
    tail = pseudo_words(rng, 30_000)
    TAIL_WEIGHTS[:] = []
    total = 0.0
    for rank in range(1, len(tail) + 1):
        total += 1 / rank
        TAIL_WEIGHTS.append(total)
    countries = list(Country.objects.filter(slug__in=COUNTRIES).values_list("pk", flat=True))
    sources = [Source.get_or_create_by_name(f"Bench kilde {i}").pk for i in range(200)]
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE bilag_page, bilag_permalinkalias, bilag_bilag CASCADE")
        cursor.execute("DROP INDEX IF EXISTS bilag_search_vector")  # built once at the end
        cursor.execute("SET synchronous_commit = off")
    now = datetime.datetime.now(datetime.UTC).isoformat()
    bilag_columns = [
        "id", "country_id", "number", "title", "source_id", "published", "published_precision",
        "added", "language", "status", "withdrawn_note", "pdf", "archive_pdf",
        "original_filename", "page_count", "sha256", "cleaned_text", "progress",
        "failure_reason", "cover_warnings", "created_at", "updated_at", "search_config",
    ]  # fmt: skip
    page_columns = ["bilag_id", "number", "method", "raw_text", "text"]
    numbers: dict[int, int] = {}
    batch = 5000
    start = time.perf_counter()
    for first in range(1, n + 1, batch):
        ids = range(first, min(first + batch, n + 1))
        bilag_rows, page_rows = io.StringIO(), io.StringIO()
        for pk in ids:
            danish = rng.random() < 0.6
            country = rng.choice(countries)
            numbers[country] = numbers.get(country, 0) + 1
            rare = rng.random() < 0.0003
            texts = [""] + [
                page_text(rng, danish, tail, rare and i == 0) for i in range(rng.randint(1, 5))
            ]
            place = rng.choice(PLACES)
            title = (
                f"{place}: {rng.choice(DANISH if danish else ENGLISH).split(',')[0]}"
                if rng.random() < 0.7
                else f"Rapport om {place} {rng.randint(2011, 2024)}"
            )
            published = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 5400))
            language = "da" if danish else "en"
            row = [
                pk, country, numbers[country], title, rng.choice(sources), published, "day",
                published + datetime.timedelta(days=30), language, Bilag.Status.PUBLISHED, "",
                f"bench/{pk}.pdf", "", f"bench-{pk}.pdf", len(texts), "",
                "\n\n".join(texts[1:]), "", "", "[]", now, now, config_for(language),
            ]  # fmt: skip
            bilag_rows.write("\t".join(_copy(v) for v in row) + "\n")
            for number, text in enumerate(texts, start=1):
                page_rows.write("\t".join(_copy(v) for v in [pk, number, "text", text, text]))
                page_rows.write("\n")
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY bilag_bilag ({', '.join(bilag_columns)}) FROM STDIN") as cp:
                cp.write(bilag_rows.getvalue())
            with cursor.copy(f"COPY bilag_page ({', '.join(page_columns)}) FROM STDIN") as cp:
                cp.write(page_rows.getvalue())
        reindex(Bilag.objects.filter(pk__in=list(ids)))
        print(f"  seeded {ids[-1]:,} in {time.perf_counter() - start:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval('bilag_bilag_id_seq', %s)", [n])
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute("CREATE INDEX bilag_search_vector ON bilag_bilag USING gin (search_vector)")
    connection.close()
    with connection.cursor() as cursor:
        for table in ("bilag_bilag", "bilag_page"):
            cursor.execute(f"VACUUM FULL ANALYZE {table}")
            # VACUUM FULL leaves the visibility map empty; a plain VACUUM fills it, as
            # autovacuum does on a settled table, so that counts can be index-only scans.
            cursor.execute(f"VACUUM {table}")
    print(f"  seeded {n:,} bilag in {time.perf_counter() - start:.0f} s; pages: "
          f"{Page.objects.count():,}", flush=True)  # fmt: skip


def _copy(value) -> str:
    if value is None:
        return "\\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", "\\n").replace("\r", " ")


def portal_search(params: dict) -> list:
    """What the /soeg/ view does for a request, without rendering the template."""
    from django.contrib.auth.models import AnonymousUser

    from bilag.filters import SearchFilter
    from bilag.models import Bilag
    from bilag.search import SearchPaginator, attach_hits

    filterset = SearchFilter(params, queryset=Bilag.objects.visible_to(AnonymousUser()).listing())
    page = SearchPaginator(filterset.qs, 20).page(1)
    rows = list(page.object_list)
    attach_hits(rows, params["q"])
    return rows


def bare_sql(params: dict) -> list:
    """The same page as hand-written SQL over the same indexes: the count (capped at
    RANK_LIMIT + 1, as the portal counts), the 20 ids in the portal's order, one headline each.
    """
    from django.db import connection

    from bilag.search import (
        HEADLINE_OPTIONS,
        RANK_LIMIT,
        RANK_WEIGHTS,
        Query,
        active_configs,
        tsquery_sql,
    )

    query = Query.parse(params["q"])
    configs = active_configs()
    vector_match, vector_args = _per_config(query, configs, "b.search_vector")
    head_match, head_args = _per_config(query, configs, "b.search_head")
    rank_query, rank_args = tsquery_sql(query, "b.search_config::regconfig")
    where, extra = "b.status = 'published'", []
    if "land" in params:
        where += " AND b.country_id = (SELECT id FROM bilag_country WHERE slug = %s)"
        extra = [params["land"]]
    weights = ",".join(map(str, RANK_WEIGHTS))
    rank = f"ts_rank_cd('{{{weights}}}'::float4[], b.VECTOR, {rank_query}, 1)".replace
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM bilag_bilag b WHERE {where} AND {vector_match}"
            " LIMIT %s) s",
            [*extra, *vector_args, RANK_LIMIT + 1],
        )
        broad = cursor.fetchone()[0] > RANK_LIMIT
        if params.get("sortering") == "-udgivet":
            sql = (
                f"SELECT b.id FROM bilag_bilag b WHERE {where} AND {vector_match} "
                "ORDER BY b.published DESC, b.id DESC LIMIT 20"
            )
            args = [*extra, *vector_args]
        elif not broad:
            sql = (
                f"SELECT b.id FROM bilag_bilag b WHERE {where} AND {vector_match} ORDER BY "
                f"{rank('VECTOR', 'search_head')} DESC, {rank('VECTOR', 'search_vector')} DESC, "
                "b.added DESC, b.id DESC LIMIT 20"
            )
            args = [*extra, *vector_args, *rank_args, *rank_args]
        else:  # as SearchResults: title/source matches, then the rest newest first
            whole = f"COALESCE({vector_match}, false)"
            head_test, head_test_args = ("", [])
            if query.excluded:
                head_test, head_test_args = f"AND {whole}", vector_args
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM bilag_bilag b WHERE {where} AND {head_match} "
                f"{head_test} LIMIT %s) s",
                [*extra, *head_args, *head_test_args, RANK_LIMIT + 1],
            )
            if cursor.fetchone()[0] > RANK_LIMIT:  # they fill the pages shown, newest first
                sql = (
                    f"SELECT b.id FROM bilag_bilag b WHERE {where} AND "
                    f"COALESCE({head_match}, false) {head_test} "
                    "ORDER BY b.added DESC, b.id DESC LIMIT 20"
                )
                args = [*extra, *head_args, *head_test_args]
            else:
                sql = (
                    f"(SELECT b.id FROM bilag_bilag b WHERE {where} AND {head_match} {head_test} "
                    f"ORDER BY {rank('VECTOR', 'search_head')} DESC, b.added DESC, b.id DESC "
                    f"LIMIT 20) UNION ALL (SELECT b.id FROM bilag_bilag b WHERE {where} AND "
                    f"{whole} AND NOT COALESCE({head_match}, false) "
                    "ORDER BY b.added DESC, b.id DESC LIMIT 20) LIMIT 20"
                )
                args = [*extra, *head_args, *head_test_args, *rank_args]
                args += [*extra, *vector_args, *head_args]
        cursor.execute(sql, args)
        ids = [row[0] for row in cursor.fetchall()]
        any_sql, any_args = tsquery_sql(query, "b.search_config::regconfig", terms_only=True)
        cursor.execute(
            "SELECT DISTINCT ON (p.bilag_id) p.bilag_id, p.number, "
            f"ts_headline(b.search_config::regconfig, p.text, {any_sql}, %s) "
            "FROM bilag_page p JOIN bilag_bilag b ON b.id = p.bilag_id "
            f"WHERE p.bilag_id = ANY(%s) AND p.search_vector @@ {any_sql} "
            "ORDER BY p.bilag_id, p.number",
            [*any_args, HEADLINE_OPTIONS, ids, *any_args],
        )
        cursor.fetchall()
    return ids


def _per_config(query, configs: list[str], vector: str) -> tuple[str, list]:
    """`vector` matches the query in the bilag's own configuration."""
    from bilag.search import tsquery_sql

    parts, args = [], []
    for config in configs:
        sql, params = tsquery_sql(query, f"'{config}'::regconfig")
        parts.append(f"(b.search_config = '{config}' AND {vector} @@ {sql})")
        args += params
    return "(" + " OR ".join(parts) + ")", args


def timed(func, params: dict, runs: int) -> list[float]:
    func(params)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(params)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of bilag to seed")
    parser.add_argument("--db", default="baggrund_bench", help="PostgreSQL database to use")
    parser.add_argument("--reseed", action="store_true", help="seed even if N bilag are there")
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    setup_django(args.db)
    from bilag.models import Bilag

    if args.reseed or Bilag.objects.count() != args.n:
        print(f"Seeding {args.n:,} bilag into {args.db} …", flush=True)
        seed(args.n)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('bilag_bilag'))")
        size = cursor.fetchone()[0]
    print(f"\n{Bilag.objects.count():,} bilag, bilag table with TOAST and indexes: {size}")
    print(f"{'query':16} {'matches':>8} {'portal p50':>11} {'p95':>7} {'bare p50':>9} "
          f"{'p95':>7} {'p95 ratio':>9}")  # fmt: skip
    failed = False
    for name, params in QUERIES:
        from bilag.filters import SearchFilter

        count = SearchFilter(params, queryset=Bilag.objects.public()).qs.count()
        portal = timed(portal_search, params, args.runs)
        bare = timed(bare_sql, params, args.runs)
        ratio = p(portal, 95) / p(bare, 95)
        failed |= p(portal, 95) > 150 or ratio > 2
        print(
            f"{name:16} {count:>8,} {p(portal, 50):>9.1f}ms {p(portal, 95):>5.1f}ms "
            f"{p(bare, 50):>7.1f}ms {p(bare, 95):>5.1f}ms {ratio:>8.2f}x",
            flush=True,
        )
    print("\nTarget: portal p95 <= 150 ms and <= 2x bare SQL:", "MISSED" if failed else "met")


if __name__ == "__main__":
    main()
