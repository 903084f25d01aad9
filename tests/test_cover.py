import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bilag.pipeline.cover import (
    Cover,
    DatePrecision,
    FuzzyDate,
    closest_name,
    is_cover_page,
    parse_cover,
    parse_danish_date,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


def fuzzy(year: int, month: int, day: int, precision: DatePrecision) -> FuzzyDate:
    return FuzzyDate(datetime.date(year, month, day), precision)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11. september 2018", fuzzy(2018, 9, 11, DAY)),
        ("11. sept. 2018", fuzzy(2018, 9, 11, DAY)),
        ("11 sep 2018", fuzzy(2018, 9, 11, DAY)),
        ("1. maj 2020", fuzzy(2020, 5, 1, DAY)),
        ("3. December 2019", fuzzy(2019, 12, 3, DAY)),
        ("september 2018", fuzzy(2018, 9, 1, MONTH)),
        ("sept. 2018", fuzzy(2018, 9, 1, MONTH)),
        ("Marts 2017", fuzzy(2017, 3, 1, MONTH)),
        ("2018", fuzzy(2018, 1, 1, YEAR)),
        ("11-09-2018", fuzzy(2018, 9, 11, DAY)),
        ("11.09.2018", fuzzy(2018, 9, 11, DAY)),
        ("11/9/2018", fuzzy(2018, 9, 11, DAY)),
        ("2018-09-11", fuzzy(2018, 9, 11, DAY)),
        ("11 September 2018", fuzzy(2018, 9, 11, DAY)),
        ("September 11, 2018", fuzzy(2018, 9, 11, DAY)),
        ("October 2019", fuzzy(2019, 10, 1, MONTH)),
        ("4. März 2021", fuzzy(2021, 3, 4, DAY)),
        # OCR noise
        ("l1. september 2018", fuzzy(2018, 9, 11, DAY)),
        ("11. september 2O18", fuzzy(2018, 9, 11, DAY)),
        ("11. septernber 2018", fuzzy(2018, 9, 11, DAY)),
        ("  11.  oktober   2018 ", fuzzy(2018, 10, 11, DAY)),
        ("19,01.2011", fuzzy(2011, 1, 19, DAY)),  # a dot read as a comma
        ("11th September 2018", fuzzy(2018, 9, 11, DAY)),
        ("September 1st, 2018", fuzzy(2018, 9, 1, DAY)),
        ("09.2018", fuzzy(2018, 9, 1, MONTH)),
        ("9/2018", fuzzy(2018, 9, 1, MONTH)),
        # A part of the year: only the year is known.
        ("medio 2018", fuzzy(2018, 1, 1, YEAR)),
        ("foråret 2018", fuzzy(2018, 1, 1, YEAR)),
        ("i slutningen af 2018", fuzzy(2018, 1, 1, YEAR)),
        ("late 2018", fuzzy(2018, 1, 1, YEAR)),
    ],
)
def test_parse_danish_date(text: str, expected: FuzzyDate) -> None:
    assert parse_danish_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31. februar 2018",
        "30/2/2019",
        "2019-13-01",
        "32. januar 2020",
        "",
        "ukendt",
        "maj",
        "12",
        "13.2018",
        "2018-2019",
        "ca. 2018 eller 2019",
        "side 2018",
    ],
)
def test_parse_danish_date_invalid(text: str) -> None:
    assert parse_danish_date(text) is None


def test_month_and_year_precision_use_first_day() -> None:
    month = parse_danish_date("november 2019")
    year = parse_danish_date("2019")
    assert month is not None and month.date == datetime.date(2019, 11, 1)
    assert month.precision == "month"
    assert year is not None and year.date == datetime.date(2019, 1, 1)
    assert year.precision == "year"


# --------------------------------------------------------------------------- covers

CLEAN_COVER = """Flygtningenævnets baggrundsmateriale
Bilagsnr.: 863
Land: Syrien
Kilde: BBC News
Titel: US-backed force attacks IS pocket in eastern Syria
Udgivet: 11. september 2018
Optaget på baggrundsmaterialet: 11. oktober 2018
"""

EXPECTED = Cover(
    number=863,
    country="Syrien",
    source="BBC News",
    title="US-backed force attacks IS pocket in eastern Syria",
    published=fuzzy(2018, 9, 11, DAY),
    added=fuzzy(2018, 10, 11, DAY),
)


def test_parse_cover() -> None:
    assert parse_cover(CLEAN_COVER) == EXPECTED
    assert is_cover_page(CLEAN_COVER)


def test_wrapped_title_and_label() -> None:
    text = """Flygtningenævnets baggrundsmateriale
Bilagsnr.: 863
Land: Syrien
Kilde: BBC News
Titel: US-backed force attacks
IS pocket in eastern
Syria
Udgivet: 11. september 2018
Optaget på
baggrundsmaterialet:
11. oktober 2018
"""
    assert parse_cover(text) == EXPECTED


def test_value_on_line_after_label() -> None:
    text = CLEAN_COVER.replace("Titel: US-backed", "Titel:\nUS-backed")
    assert parse_cover(text) == EXPECTED


def test_ocr_noise_in_labels() -> None:
    text = """Flygtningenævnets baggrundsmateria1e
Bi1agsnr,: 863
Land; Syrien
Ki1de: BBC News
Tite1 US-backed force attacks IS pocket in eastern Syria
Udgivet : 11. september 2018
0ptaget  på baggrundsmaterialet: l1. oktober 2O18
"""
    assert parse_cover(text) == EXPECTED


def test_ocr_puts_label_tail_after_value() -> None:
    # Tesseract reads the two-line label and its value row by row.
    text = CLEAN_COVER.replace(
        "Optaget på baggrundsmaterialet: 11. oktober 2018",
        "Optaget på 11. oktober 2018\nbaggrundsmaterialet:",
    )
    assert parse_cover(text) == EXPECTED


LABEL_COLUMN = """Bilagsnr.:
Land:
Kilde:
Titel:

Udgivet:
Optaget på

baggrundsmaterialet:
"""
VALUE_COLUMN = """863
Syrien
BBC News

US-backed force attacks
IS pocket in eastern Syria

11. september 2018
11,10.2018
"""


def test_ocr_reads_the_label_column_before_the_value_column() -> None:
    # Tesseract takes the cover's two columns for two blocks when a scan leaves wide gaps.
    text = f"Flygtningenævnets baggrundsmateriale\n\n{LABEL_COLUMN}\n{VALUE_COLUMN}"
    assert parse_cover(text) == EXPECTED


def test_a_doubled_colon_leaves_the_label_without_a_value() -> None:
    labels = LABEL_COLUMN.replace("Bilagsnr.:", "Bilagsnr::")
    text = f"Flygtningenævnets baggrundsmateriale\n\n{labels}\n{VALUE_COLUMN}"
    assert parse_cover(text) == EXPECTED


def test_a_wrapped_title_after_blank_labels_is_not_spread_over_them() -> None:
    text = """Flygtningenævnets baggrundsmateriale
Bilagsnr.: 863
Udgivet: 11. september 2018
Optaget på baggrundsmaterialet: 11. oktober 2018
Land:
Kilde:
Titel: US-backed force attacks
IS pocket in eastern
Syria
"""
    cover = parse_cover(text)
    assert cover.country is None and cover.source is None
    assert cover.title == EXPECTED.title


def test_ocr_reads_the_value_column_first() -> None:
    text = f"Flygtningenævnets baggrundsmateriale\n\n{VALUE_COLUMN}\n{LABEL_COLUMN}"
    assert parse_cover(text) == EXPECTED


def test_blank_fields_on_a_cover_read_row_by_row_keep_their_neighbours_values() -> None:
    # Two labels without values, but what follows the last one is no number and dates.
    text = """Flygtningenævnets baggrundsmateriale
Bilagsnr.: 863
Land:
Kilde:
Titel: US-backed force attacks IS pocket in eastern Syria
Udgivet: 11. september 2018
Optaget på baggrundsmaterialet: 11. oktober 2018
Kopi til sagen
Side 1 af 3
"""
    cover = parse_cover(text)
    assert cover.country is None and cover.source is None
    assert cover.title == EXPECTED.title and cover.number == 863
    assert cover.added == EXPECTED.added


def test_labels_in_any_order_and_blank_lines() -> None:
    text = """Titel: US-backed force attacks IS pocket in eastern Syria

Kilde: BBC News

Optaget på baggrundsmaterialet: 11. oktober 2018
Land: Syrien
Udgivet: 11. september 2018
Bilagsnr.: 863
"""
    assert parse_cover(text) == EXPECTED


def test_missing_fields_are_none() -> None:
    cover = parse_cover("Bilagsnr.: 12\nLand: Iran\nTitel: Country report\n")
    assert cover == Cover(number=12, country="Iran", title="Country report")


def test_title_with_colon_and_date_like_words() -> None:
    text = CLEAN_COVER.replace(
        "US-backed force attacks IS pocket in eastern Syria",
        "Syria: Events of 2018 - Land and Property: Kilde to conflict",
    )
    cover = parse_cover(text)
    assert cover is not None
    assert cover.title == "Syria: Events of 2018 - Land and Property: Kilde to conflict"


def test_published_month_or_year_precision() -> None:
    cover = parse_cover(CLEAN_COVER.replace("Udgivet: 11. september 2018", "Udgivet: 2018"))
    assert cover is not None and cover.published == fuzzy(2018, 1, 1, YEAR)
    cover = parse_cover(CLEAN_COVER.replace("Udgivet: 11. september 2018", "Udgivet: sep 2018"))
    assert cover is not None and cover.published == fuzzy(2018, 9, 1, MONTH)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hong Kong chaos: China deploys troops and warns surrender is only option",
        "Land: Danmark\nThe article continues here with ordinary prose about many things.",
        "Skip to main content\nNews\nSport\nWeather\n",
    ],
)
def test_not_a_cover(text: str) -> None:
    assert parse_cover(text) is None
    assert not is_cover_page(text)


# --------------------------------------------------------------------------- corpus


def _corpus_cases() -> list[str]:
    folder = CORPUS / "bilag"
    return sorted(p.name for p in folder.glob("*/")) if folder.is_dir() else []


def _as_fuzzy(value: dict[str, str]) -> FuzzyDate:
    return FuzzyDate(
        datetime.date.fromisoformat(value["date"]), DatePrecision(value.get("precision", "day"))
    )


def _cover_text(pdf: Path, tmp_path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    document.close()
    if len(text.strip()) > 20:
        return text
    if not (shutil.which("pdftoppm") and shutil.which("tesseract")):
        pytest.skip("pdftoppm/tesseract not installed")
    subprocess.run(
        ["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "c")],
        check=True,
    )
    image = next(tmp_path.glob("c*.png"))
    result = subprocess.run(
        ["tesseract", str(image), "-", "-l", "dan+eng"], check=True, capture_output=True, text=True
    )
    return result.stdout


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "bilag").is_dir(), reason="../shared/corpus not present")
@pytest.mark.parametrize("name", _corpus_cases() or ["none"])
def test_corpus_cover(name: str, tmp_path: Path) -> None:
    folder = CORPUS / "bilag" / name
    expected = json.loads((folder / "expected.json").read_text())["cover"]
    cover = parse_cover(_cover_text(folder / "bilag.pdf", tmp_path))
    assert cover == Cover(
        number=expected["number"],
        country=expected["country"],
        source=expected["source"],
        title=expected["title"],
        published=_as_fuzzy(expected["published"]),
        added=_as_fuzzy(expected["added"]),
    )


def test_closest_name_reads_an_ocr_damaged_name_but_never_guesses_between_two() -> None:
    names = {"Syrien": 1, "Syria": 1, "Irak": 2, "Iran": 3, "Niger": 4, "Nigeria": 5}
    assert closest_name("Syrlen", names) == 1
    assert closest_name("SYRIA", names) == 1
    assert closest_name("Irac", names) is None  # too far from Irak and Iran (ratio 0.75)
    assert closest_name("Nigera", names) is None  # close to two countries
    assert closest_name("Atlantis", names) is None
