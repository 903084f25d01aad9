"""Every ISO 3166-1 country with its Danish and English name from CLDR (Babel)."""

import pycountry
from babel import Locale
from django.db import migrations

from bilag.slugs import danish_slugify

COLLECTIONS = [("Diverse emner", "Miscellaneous topics")]


def create_countries(apps, schema_editor):
    Country = apps.get_model("bilag", "Country")
    danish, english = Locale("da").territories, Locale("en").territories
    existing = set(Country.objects.values_list("iso3", flat=True))
    rows = [
        Country(
            name_da=danish.get(c.alpha_2, c.name),
            name_en=english.get(c.alpha_2, c.name),
            iso3=c.alpha_3,
            slug=danish_slugify(danish.get(c.alpha_2, c.name)),
        )
        for c in pycountry.countries
        if c.alpha_3 not in existing
    ]
    rows += [
        Country(name_da=da, name_en=en, iso3="", slug=danish_slugify(da))
        for da, en in COLLECTIONS
        if not Country.objects.filter(name_da=da).exists()
    ]
    Country.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("bilag", "0001_initial")]

    operations = [migrations.RunPython(create_countries, migrations.RunPython.noop)]
