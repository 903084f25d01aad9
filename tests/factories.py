import datetime

import factory
from django.core.files.base import ContentFile

from bilag.demo import render_pdf
from bilag.models import Bilag, Country, Page, Source


def country(slug: str) -> Country:
    """Countries come from the data migration; tests look them up rather than make them."""
    return Country.objects.get(slug=slug)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Kilde {n}")
    kind = Source.Kind.NEWS


def pdf_file(text: str = "Test") -> ContentFile:
    return ContentFile(render_pdf(None, [[text]], notice=""), name="test.pdf")


class BilagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bilag

    country = factory.LazyFunction(lambda: country("syrien"))
    title = factory.Sequence(lambda n: f"Rapport nummer {n}")
    source = factory.SubFactory(SourceFactory)
    published = datetime.date(2018, 9, 11)
    added = datetime.date(2018, 10, 11)
    language = "en"
    status = Bilag.Status.PUBLISHED
    pdf = factory.LazyAttribute(lambda o: pdf_file(o.title))
    cleaned_text = factory.LazyAttribute(lambda o: f"Body of {o.title}.")


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    bilag = factory.SubFactory(BilagFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = ""


def bilag_to_sort() -> None:
    """Bilag A, B and C, whose number, publication date and addition date order them apart."""
    for number, title, published, added in [
        (1, "A", datetime.date(2020, 1, 1), datetime.date(2022, 3, 1)),
        (2, "B", datetime.date(2018, 1, 1), datetime.date(2022, 2, 1)),
        (3, "C", datetime.date(2019, 1, 1), datetime.date(2022, 1, 1)),
    ]:
        BilagFactory(number=number, title=title, published=published, added=added)
