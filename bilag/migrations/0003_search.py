"""Full-text search: the index columns, and per database what searches them.

PostgreSQL: `unaccent`, a text search configuration per language (PostgreSQL's own, with
unaccent in front of the stemmer so accents fold) and a GIN index on Bilag.search_vector.
SQLite: an FTS5 table of stemmed tokens. The GIN index lives here rather than in
Bilag.Meta.indexes because SQLite cannot create it (and rebuilds tables from Meta).
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

from bilag.search import CONFIG_PREFIX, FTS_TABLE, LANGUAGES, SIMPLE, config_for, fts_row

GIN_INDEX = "bilag_search_vector"


def create_search_backend(apps, schema_editor):
    connection = schema_editor.connection
    Bilag = apps.get_model("bilag", "Bilag")
    if connection.vendor == "postgresql":
        for name in [SIMPLE, *LANGUAGES.values()]:
            dictionary = SIMPLE if name == SIMPLE else f"{name}_stem"
            schema_editor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION {CONFIG_PREFIX}{name} (COPY = pg_catalog.{name})"
            )
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG_PREFIX}{name} "
                f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
            )
        for bilag in Bilag.objects.only("pk", "language").iterator():
            Bilag.objects.filter(pk=bilag.pk).update(search_config=config_for(bilag.language))
        schema_editor.execute(
            "UPDATE bilag_bilag b SET search_vector ="
            " setweight(to_tsvector(b.search_config::regconfig, coalesce(b.title, '')), 'A')"
            " || setweight(to_tsvector(b.search_config::regconfig, coalesce(s.name, '')), 'B')"
            " || setweight(to_tsvector(b.search_config::regconfig, coalesce(b.cleaned_text, '')), 'C')"
            " FROM bilag_bilag b2 LEFT JOIN bilag_source s ON s.id = b2.source_id WHERE b2.id = b.id"
        )
        schema_editor.execute(
            "UPDATE bilag_bilag b SET search_head ="
            " setweight(to_tsvector(b.search_config::regconfig, coalesce(b.title, '')), 'A')"
            " || setweight(to_tsvector(b.search_config::regconfig, coalesce(s.name, '')), 'B')"
            " FROM bilag_bilag b2 LEFT JOIN bilag_source s ON s.id = b2.source_id WHERE b2.id = b.id"
        )
        schema_editor.execute(
            "UPDATE bilag_page p SET search_vector = to_tsvector(b.search_config::regconfig, p.text)"
            " FROM bilag_bilag b WHERE b.id = p.bilag_id"
        )
        schema_editor.execute(
            f"CREATE INDEX {GIN_INDEX} ON bilag_bilag USING gin (search_vector)"
        )
        # Without statistics the planner assumes a query matches few rows and always uses the
        # GIN index. With them, a common word tips it into a sequential scan that decompresses
        # every stored vector to test it: ten times slower than the index.
        schema_editor.execute(
            "ALTER TABLE bilag_bilag ALTER COLUMN search_vector SET STATISTICS 0"
        )
        # Keep the rows that searches and lists scan narrow: long text goes to TOAST.
        # …except the small title/source vector that broad queries rank by, which stays inline.
        schema_editor.execute("ALTER TABLE bilag_bilag SET (toast_tuple_target = 256)")
        schema_editor.execute("ALTER TABLE bilag_bilag ALTER COLUMN search_head SET STORAGE MAIN")
    elif connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            "title, source, body, lang, tokenize = 'unicode61 remove_diacritics 2')"
        )
        for bilag in Bilag.objects.select_related("source").iterator():
            config = config_for(bilag.language)
            Bilag.objects.filter(pk=bilag.pk).update(search_config=config)
            row = fts_row(bilag.title, bilag.source.name if bilag.source else "", bilag.cleaned_text, config)
            schema_editor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, source, body, lang) VALUES (%s, %s, %s, %s, %s)",
                [bilag.pk, *row],
            )


def drop_search_backend(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        for name in [SIMPLE, *LANGUAGES.values()]:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG_PREFIX}{name}")
    elif connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("bilag", "0002_countries")]

    operations = [
        UnaccentExtension(),
        migrations.AddField(
            model_name="bilag",
            name="search_config",
            field=models.CharField(
                default="bilag_simple",
                editable=False,
                max_length=40,
                verbose_name="søgekonfiguration",
            ),
        ),
        migrations.AddField(
            model_name="bilag",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="bilag",
            name="search_head",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="page",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_search_backend, drop_search_backend),
    ]
