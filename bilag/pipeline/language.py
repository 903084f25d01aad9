"""Language of a bilag's text, as an ISO 639-1 code.

The board's material is mostly Danish and English, with German, French and other languages of
sources and countries of origin. Identification is restricted to a set of languages that occur
in the material: an unrestricted model readily mistakes short Danish text for Norwegian or
Swedish, which the board does not use, so those are left out.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

LANGUAGES = (
    "da", "en", "de", "fr", "es", "it", "nl", "pt", "ru", "uk", "ar", "fa", "tr", "pl",
    "ro", "hu", "el", "sr", "hr", "sq", "so", "sw", "zh", "vi", "ur", "hi", "am", "ku",
)  # fmt: skip
MIN_LETTERS = 20  # below this there is too little text to tell


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([lang for lang in LANGUAGES if lang in identifier.nb_classes])
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of text's language, or "" when there is too little text."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return ""
    # Numbers, URLs and punctuation carry no language but do sway the model.
    sample = re.sub(r"https?://\S+|www\.\S+|[\d_]+", " ", text[:20000])
    language, _probability = _identifier().classify(sample)
    return str(language)
