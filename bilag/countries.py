"""The list of countries: every ISO 3166-1 country, named in Danish and English by CLDR."""

import pycountry
from babel import Locale

from .slugs import danish_slugify

COLLECTIONS = [("Diverse emner", "Miscellaneous topics")]


def seed_countries(country_model) -> int:
    """Create the countries that are missing; returns how many. Works on a historical model."""
    danish, english = Locale("da").territories, Locale("en").territories
    existing_codes = set(country_model.objects.values_list("iso3", flat=True))
    existing_names = set(country_model.objects.values_list("name_da", flat=True))
    rows = [
        country_model(
            name_da=danish.get(c.alpha_2, c.name),
            name_en=english.get(c.alpha_2, c.name),
            iso3=c.alpha_3,
            slug=danish_slugify(danish.get(c.alpha_2, c.name)),
        )
        for c in pycountry.countries
        if c.alpha_3 not in existing_codes
    ]
    rows += [
        country_model(name_da=da, name_en=en, iso3="", slug=danish_slugify(da))
        for da, en in COLLECTIONS
        if da not in existing_names
    ]
    country_model.objects.bulk_create(rows)
    return len(rows)
