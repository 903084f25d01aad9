"""Danish-aware slugs: æ→ae, ø→oe, å→aa before Django's slugify drops them."""

from django.utils.text import slugify

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})

# Top-level URL segments the portal uses itself; no country may take them.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "static",
        "media",
        "kilder",
        "soeg",
        "search",
        "i18n",
        "feed",
        "feeds",
        "healthz",
        "readyz",
        "om",
        "about",
        "robots.txt",
        "favicon.ico",
    }
)


def danish_slugify(value: str) -> str:
    return slugify(value.translate(DANISH_LETTERS))
