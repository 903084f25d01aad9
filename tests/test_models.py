import datetime
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from bilag.models import Bilag, Country, PermalinkAlias, Source, format_fuzzy_date

from .factories import BilagFactory, SourceFactory, country

pytestmark = pytest.mark.django_db


def test_data_migration_creates_every_iso_country_with_danish_and_english_names():
    assert Country.objects.exclude(iso3="").count() == 249
    syria = Country.objects.get(iso3="SYR")
    assert (syria.name_da, syria.name_en, syria.slug) == ("Syrien", "Syria", "syrien")
    assert Country.objects.get(iso3="CIV").slug == "elfenbenskysten"
    collection = Country.objects.get(slug="diverse-emner")
    assert collection.iso3 == "" and collection.is_collection


def test_slug_folds_danish_letters():
    assert Country.objects.get(iso3="DNK").slug == "danmark"
    assert Country.objects.get(iso3="AUT").slug == "oestrig"
    sample = Country.objects.create(name_da="Ærø Åland", iso3="")
    assert sample.slug == "aeroe-aaland"


def test_country_lookup_by_danish_english_iso_and_case():
    syria = country("syrien")
    assert Country.objects.lookup("Syrien") == syria
    assert Country.objects.lookup("syria") == syria
    assert Country.objects.lookup("SYR") == syria
    assert Country.objects.lookup("Atlantis") is None


def test_renaming_a_country_records_its_former_slug():
    syria = country("syrien")
    syria.name_da, syria.slug = "Den Syriske Arabiske Republik", ""
    syria.save()
    assert syria.slug == "den-syriske-arabiske-republik"
    assert list(syria.former_slugs.values_list("slug", flat=True)) == ["syrien"]


def test_source_names_are_unique_ignoring_case():
    SourceFactory(name="BBC News")
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(name="bbc news", slug="other")
    assert Source.get_or_create_by_name("bbc  NEWS").name == "BBC News"
    assert Source.objects.count() == 1


def test_number_is_next_free_per_country():
    first = BilagFactory(number=None)
    second = BilagFactory(number=None)
    other = BilagFactory(number=None, country=country("iran"))
    assert (first.number, second.number, other.number) == (1, 2, 1)
    BilagFactory(number=40)
    assert BilagFactory(number=None).number == 41


def test_number_is_unique_per_country():
    BilagFactory(number=7)
    BilagFactory(number=7, country=country("iran"))
    with pytest.raises(IntegrityError), transaction.atomic():
        BilagFactory(number=7)


def test_number_left_by_a_correction_is_not_handed_out_again():
    bilag = BilagFactory(number=5)
    bilag.number = 3
    bilag.save()
    assert PermalinkAlias.objects.get(number=5).bilag == bilag
    assert BilagFactory(number=None).number == 6


def test_same_file_twice_is_refused_by_the_database():
    BilagFactory(sha256="a" * 64)
    BilagFactory(sha256="")
    BilagFactory(sha256="")
    with pytest.raises(IntegrityError), transaction.atomic():
        BilagFactory(sha256="a" * 64)


def test_published_bilag_needs_country_and_number():
    with pytest.raises(IntegrityError), transaction.atomic():
        BilagFactory(country=None, number=None, status=Bilag.Status.PUBLISHED)
    assert BilagFactory(country=None, number=None, status=Bilag.Status.PROCESSING).number is None


def test_citation_line():
    bilag = BilagFactory(
        number=863,
        source=SourceFactory(name="BBC News"),
        title="US-backed force attacks IS pocket in eastern Syria",
        published=datetime.date(2018, 9, 11),
        added=datetime.date(2018, 10, 11),
    )
    assert bilag.citation == (
        "Flygtningenævnets baggrundsmateriale, Syrien, bilag nr. 863: BBC News, "
        '"US-backed force attacks IS pocket in eastern Syria", 11. september 2018, '
        "optaget 11. oktober 2018"
    )


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("day", "11. september 2018"), ("month", "september 2018"), ("year", "2018")],
)
def test_fuzzy_date_display(precision, expected):
    assert format_fuzzy_date(datetime.date(2018, 9, 11), precision) == expected


def test_withdraw_keeps_the_bilag_and_records_why():
    successor = BilagFactory()
    bilag = BilagFactory()
    bilag.withdraw(on=datetime.date(2020, 1, 2), note="Forældet", superseded_by=successor)
    bilag.refresh_from_db()
    assert bilag.status == Bilag.Status.WITHDRAWN
    assert (bilag.withdrawn_on, bilag.withdrawn_note, bilag.superseded_by) == (
        datetime.date(2020, 1, 2),
        "Forældet",
        successor,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_concurrent_saves_never_get_the_same_number():
    syria = country("syrien")
    source = SourceFactory()
    barrier = threading.Barrier(8)
    numbers, errors = [], []

    def save_one():
        try:
            barrier.wait()
            numbers.append(BilagFactory(country=syria, source=source, number=None).number)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save_one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, 9))
