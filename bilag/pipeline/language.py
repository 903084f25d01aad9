"""Language of a bilag's text, as an ISO 639-1 code.

The board's material is mostly Danish and English, with German, French and the other languages
of sources and of the countries people flee. Identification is restricted to those: an
unrestricted model readily mistakes short or noisy text (a list of place names) for rare
languages (Latin, Welsh, Igbo), so those are left out. A text in a language outside the set
gets the closest one in it. Norwegian and Swedish (Landinfo's and Lifos' reports) are told
from Danish only in a text long enough: nine of 115 short Danish lines (a source and a date)
look Norwegian or Swedish to the model, no Danish paragraph of 200 letters; Faroese is
left out.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

LANGUAGES = (
    # The board's, its sources' and Western Europe's.
    "da", "en", "de", "fr", "es", "it", "nl", "pt", "fi", "ca", "eu", "gl",
    # Central and Eastern Europe, the Balkans and the Caucasus.
    "pl", "cs", "sk", "sl", "hr", "sr", "mk", "bg", "ro", "hu", "el", "sq", "lt", "lv",
    "et", "ru", "uk", "be", "hy", "ka", "az",
    # The Middle East, Central and South Asia.
    "ar", "fa", "ps", "ku", "tr", "he", "ur", "hi", "bn", "pa", "ne", "ta", "si", "kk", "ky",
    "uz", "tg", "tk", "mn", "ug",
    # Africa.
    "am", "so", "sw", "om", "ln", "rw", "mg",
    # East and South-East Asia.
    "zh", "ja", "ko", "vi", "th", "km", "lo", "my", "id", "ms",
)  # fmt: skip
SCANDINAVIAN = ("no", "sv")
MIN_LETTERS = 20  # below this there is too little text to tell
MIN_SCANDINAVIAN_LETTERS = 200  # a paragraph: enough to tell them from Danish


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    languages = LANGUAGES + SCANDINAVIAN
    identifier.set_languages([lang for lang in languages if lang in identifier.nb_classes])
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of text's language, or "" when there is too little text."""
    head = text[:20000]
    letters = sum(c.isalpha() for c in head)
    if letters < MIN_LETTERS:
        return ""
    # Numbers, URLs and punctuation carry no language but do sway the model.
    sample = re.sub(r"https?://\S+|www\.\S+|[\d_]+", " ", head)
    ranked = _identifier().rank(sample)
    if letters < MIN_SCANDINAVIAN_LETTERS:
        ranked = [(lang, p) for lang, p in ranked if lang not in SCANDINAVIAN]
    return str(ranked[0][0])
