"""Every ISO 3166-1 country with its Danish and English name from CLDR (Babel)."""

from django.db import migrations

from bilag.countries import seed_countries


def create_countries(apps, schema_editor):
    seed_countries(apps.get_model("bilag", "Country"))


class Migration(migrations.Migration):
    dependencies = [("bilag", "0001_initial")]

    operations = [migrations.RunPython(create_countries, migrations.RunPython.noop)]
