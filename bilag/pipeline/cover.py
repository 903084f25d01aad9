"""The Refugee Appeals Board's cover sheet (page 1 of every bilag).

The cover is a short list of ``Label: value`` lines::

    Flygtningenævnets baggrundsmateriale
    Bilagsnr.: 863
    Land: Syrien
    Kilde: BBC News
    Titel: US-backed force attacks IS pocket in eastern Syria
    Udgivet: 11. september 2018
    Optaget på baggrundsmaterialet: 11. oktober 2018

The text comes from a PDF text layer or from OCR, so labels may be misspelt ("Bi1agsnr,:",
"0ptaget"), lose their colon or wrap over two lines, and values (typically the title) may
continue over several lines. Labels are matched fuzzily and a value runs until the next label.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to a given precision (month precision -> day 1, year -> 1 January)."""

    date: datetime.date
    precision: DatePrecision


@dataclass
class Cover:
    number: int | None = None
    country: str | None = None
    source: str | None = None
    title: str | None = None
    published: FuzzyDate | None = None
    added: FuzzyDate | None = None


# --------------------------------------------------------------------------- dates

_MONTH_NAMES: dict[str, int] = {
    # Danish
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "october": 10,
    # German
    "märz": 3, "maerz": 3, "mai": 5, "dezember": 12,
}  # fmt: skip

_MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "mrz": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip

# Characters OCR confuses with digits; only applied inside tokens that hold a real digit.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "i": "1"})

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})\s?[.,/-]\s?(\d{1,2})\s?[.,/-]\s?(\d{4}|\d{2})\b")
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_YEAR_RE = re.compile(r"^(\d{1,2})\s?[./-]\s?(\d{4})$")  # "09.2018", "9/2018"
_ORDINAL_RE = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.IGNORECASE)  # "11th September 2018"
# Words that place a date within its year without naming a month ("medio 2018", "foråret
# 2018", "early 2018"): the year is all that is known.
_WITHIN_YEAR_TEXT = """
    primo medio ultimo start starten midt midten slut slutningen begyndelsen af i
    foråret sommeren efteråret vinteren forår sommer efterår vinter
    early mid late spring summer autumn fall winter of the in
    anfang mitte ende frühjahr herbst
    """
_WITHIN_YEAR = frozenset(_WITHIN_YEAR_TEXT.split())


def _fix_digits(text: str) -> str:
    """Turn OCR look-alikes into digits in tokens that already contain a digit ("2O18")."""

    def fix(match: re.Match[str]) -> str:
        token = match.group(0)
        if any(c.isdigit() for c in token):
            fixed = token.translate(_DIGIT_LOOKALIKES)
            if fixed.isdigit():
                return fixed
        return token

    return re.sub(r"[0-9OolIi|]+", fix, text)


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in _MONTH_NAMES:
        return _MONTH_NAMES[word]
    if word in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[word]
    if len(word) >= 5:  # OCR-damaged full month name ("septernber", "okt0ber")
        best, best_ratio = None, 0.0
        for name, number in _MONTH_NAMES.items():
            ratio = SequenceMatcher(None, word, name).ratio()
            if ratio > best_ratio:
                best, best_ratio = number, ratio
        if best_ratio >= 0.8:
            return best
    return None


def _year(value: str) -> int | None:
    year = int(value)
    if len(value) == 2:
        year += 2000 if year < 70 else 1900
    return year if 1900 <= year <= 2100 else None


def _make(year: int | None, month: int, day: int, precision: DatePrecision) -> FuzzyDate | None:
    if year is None:
        return None
    try:
        return FuzzyDate(datetime.date(year, month, day), precision)
    except ValueError:
        return None


def parse_danish_date(text: str) -> FuzzyDate | None:
    """Parse a Danish (or English/German) date as written on a cover sheet.

    Accepts "11. september 2018", "11. sept. 2018", "11 sep 2018", "september 2018", "2018",
    "11-09-2018", "11.09.2018", "11/9/2018", "2018-09-11", "September 11, 2018", "11th
    September 2018", "09.2018" (a month), "medio 2018" or "foråret 2018" (a year) and mild
    OCR noise ("l1. september 2O18"). Returns None for text that is not a valid date.
    """
    if not text:
        return None
    text = _ORDINAL_RE.sub("", _fix_digits(unicodedata.normalize("NFKC", text)).strip())

    if match := _ISO_DATE_RE.search(text):
        year, month, day = (int(g) for g in match.groups())
        return _make(_year(str(year)), month, day, DatePrecision.DAY)
    if match := _NUMERIC_DATE_RE.search(text):
        day, month = int(match.group(1)), int(match.group(2))
        return _make(_year(match.group(3)), month, day, DatePrecision.DAY)
    if match := _MONTH_YEAR_RE.match(text):
        return _make(_year(match.group(2)), int(match.group(1)), 1, DatePrecision.MONTH)

    tokens = _TOKEN_RE.findall(text)
    month_index = next(
        (i for i, tok in enumerate(tokens) if not tok.isdigit() and _month_number(tok)), None
    )
    years = [i for i, tok in enumerate(tokens) if tok.isdigit() and len(tok) == 4]
    if not years:
        return None
    year = _year(tokens[years[0]])
    if month_index is None:
        if len(years) == 1 and all(
            i in years or tok.lower() in _WITHIN_YEAR for i, tok in enumerate(tokens)
        ):
            return _make(year, 1, 1, DatePrecision.YEAR)
        return None
    month = _month_number(tokens[month_index])
    assert month is not None
    day_tokens = [
        tokens[i]
        for i in (month_index - 1, month_index + 1)
        if 0 <= i < len(tokens) and tokens[i].isdigit() and len(tokens[i]) <= 2
    ]
    if day_tokens:
        return _make(year, month, int(day_tokens[0]), DatePrecision.DAY)
    return _make(year, month, 1, DatePrecision.MONTH)


# --------------------------------------------------------------------------- cover

_HEADER = "flygtningenævnets baggrundsmateriale"

# Canonical label spellings per field. Several spellings are in use over the years.
_LABELS: dict[str, tuple[str, ...]] = {
    "number": ("bilagsnr", "bilagsnummer", "bilag nr"),
    "country": ("land",),
    "source": ("kilde",),
    "title": ("titel",),
    "published": ("udgivet",),
    "added": ("optaget på baggrundsmaterialet", "optaget på baggrundsmateriale", "optaget på"),
}
# The second half of the wrapped "Optaget på / baggrundsmaterialet:" label, which OCR may
# put on the line after the value.
_LABEL_TAIL = "baggrundsmaterialet"
_WRAPPED_LABEL_START = "optaget på"  # the long label that wraps over two lines

# OCR confusions inside label words.
_LABEL_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s"})


def _normalise_label(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(_LABEL_LOOKALIKES)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def _match_label(candidate: str, strict: bool) -> str | None:
    """The field whose label best matches candidate, if close enough."""
    candidate = _normalise_label(candidate)
    if not candidate:
        return None
    best_field, best_ratio = None, 0.0
    for field, spellings in _LABELS.items():
        for spelling in spellings:
            ratio = _similarity(candidate, spelling)
            if ratio > best_ratio:
                best_field, best_ratio = field, ratio
    # Short labels ("land") tolerate less noise in absolute terms; strict when no colon.
    threshold = 0.86 if strict else (0.74 if len(candidate) > 5 else 0.7)
    return best_field if best_ratio >= threshold else None


_COLON_RE = re.compile(r"^(?P<label>[^:;]{1,40}?)\s*[:;]\s*(?P<value>.*)$")


def _split_label(line: str) -> tuple[str, str] | None:
    """(field, value) when line starts with a cover label, else None."""
    if match := _COLON_RE.match(line):
        field = _match_label(match.group("label"), strict=False)
        if field:
            return field, match.group("value").lstrip(":; ").strip()  # "Bilagsnr::"
    # No colon (lost to OCR): try the first one to four words as the label.
    words = line.split()
    for n in range(min(4, len(words)), 0, -1):
        if not re.search(r"[^\W\d_]", words[n - 1]):  # a label never ends in a number
            continue
        field = _match_label(" ".join(words[:n]), strict=True)
        if field:
            return field, " ".join(words[n:]).lstrip(".,:; ")
    return None


def _is_header(line: str) -> bool:
    return _similarity(_normalise_label(line), _HEADER) >= 0.8


def _join_wrapped_labels(lines: list[str]) -> list[str]:
    """Merge "Optaget på" + "baggrundsmaterialet: 3. december 2019" into one line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            i + 1 < len(lines)
            and _similarity(_normalise_label(line), _WRAPPED_LABEL_START) >= 0.8
            and ":" not in line
        ):
            line = f"{line} {lines[i + 1]}"
            i += 1
        out.append(line)
        i += 1
    return out


def _parse_number(value: str) -> int | None:
    match = re.search(r"\d+", _fix_digits(value.replace(" ", "")))
    return int(match.group(0)) if match else None


# The values that show whether lines were given to the right labels.
CHECKED_FIELDS = {"number", "published", "added"}


def _assign_column_values(values: dict[str, list[str]], before_labels: list[str]) -> None:
    """Give the values back to their labels when OCR read the cover's two columns one after
    the other: all labels first, then all values (or the values first).

    Then several labels stand without a value, and the value lines follow the last label (or
    precede the first). Each field takes one line, in label order, except the title, which
    takes what is left in the middle, as it is the one value that wraps. The result is kept
    only if it fills the number or a date and these read as such, so that a cover with a few
    blank fields keeps its values where they are (a wrapped title is not spread over them).
    """
    fields = list(values)
    empty = [field for field in fields[:-1] if not values[field]]
    if len(empty) < 2:
        return
    last = fields[-1]
    column = values[last] or before_labels
    to_fill = [*empty, last]
    if len(column) < len(to_fill):
        return
    wrapping = "title" if "title" in to_fill else last
    split = to_fill.index(wrapping)
    head, tail = to_fill[:split], to_fill[split + 1 :]
    assigned = dict(zip(head, column, strict=False))
    assigned.update(zip(tail, column[len(column) - len(tail) :], strict=True))
    assigned[wrapping] = " ".join(column[len(head) : len(column) - len(tail)])
    if not CHECKED_FIELDS & assigned.keys():
        return
    if "number" in assigned and _parse_number(assigned["number"]) is None:
        return
    if any(parse_danish_date(assigned[f]) is None for f in ("published", "added") if f in assigned):
        return
    for field, value in assigned.items():
        values[field] = [value]


def parse_cover(text: str) -> Cover | None:
    """Parse the cover sheet's fields; None when text is not a cover sheet."""
    if not text:
        return None
    text = unicodedata.normalize("NFKC", text).replace("\x00", "")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = _join_wrapped_labels([line for line in lines if line])

    values: dict[str, list[str]] = {}
    before_labels: list[str] = []
    header_seen = False
    current: str | None = None
    for line in lines:
        if _is_header(line):
            header_seen = True
            current = None
            continue
        if _similarity(_normalise_label(line), _LABEL_TAIL) >= 0.8:
            continue
        split = _split_label(line)
        if split and split[0] not in values:
            current, value = split
            values[current] = [value] if value else []
        elif current is not None:
            values[current].append(line)
        elif not values:
            before_labels.append(line)

    if len(values) < 3 and not (header_seen and len(values) >= 2):
        return None
    _assign_column_values(values, before_labels)

    def text_of(field: str) -> str | None:
        joined = " ".join(values.get(field, [])).strip()
        return joined or None

    number = text_of("number")
    published = text_of("published")
    added = text_of("added")
    return Cover(
        number=_parse_number(number) if number else None,
        country=text_of("country"),
        source=text_of("source"),
        title=text_of("title"),
        published=parse_danish_date(published) if published else None,
        added=parse_danish_date(added) if added else None,
    )


# How close an OCR-damaged name must be to a known one: countries are few and far apart;
# sources are many, and some differ by one letter ("BBC News", "CBS News").
COUNTRY_CUTOFF = 0.8
SOURCE_CUTOFF = 0.9


def closest_name(text: str, names: Mapping[str, T], cutoff: float = COUNTRY_CUTOFF) -> T | None:
    """What an OCR-damaged name ("Cocosgerne") most likely names: the value of the closest key
    of `names`, ignoring case. None when no key is that close, or when the two closest name
    different things (no guessing between them)."""
    by_key = {name.casefold(): value for name, value in names.items()}
    matches = get_close_matches(text.casefold(), list(by_key), n=2, cutoff=cutoff)
    values = {by_key[match] for match in matches}
    return values.pop() if len(values) == 1 else None


def is_cover_page(text: str) -> bool:
    """True when text looks like the board's cover sheet."""
    return parse_cover(text) is not None
