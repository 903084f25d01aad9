"""Accuracy report for ``bilag.pipeline.cover`` on generated cover sheets, typed and scanned.

Usage (from the repository root)::

    .venv/bin/python bench/cover_report.py [--n 60] [--seed 1] [--jobs 2] [--show-misses]

The corpus has three real covers; this report makes many more, in the shapes real ones take,
so that the parser is measured on covers it was not written against. Each cover gets a random
number, country (Danish CLDR names of all countries, from Babel), source, title (one to three
lines), and publication and addition dates in each form covers use ("11. september
2018", "11. sept. 2018", "september 2018", "2018", "11-09-2018", "11.09.2018"). It is laid out
as the board lays it out (labels in a left column, values beside them, "Optaget på
baggrundsmaterialet:" over two lines) or as "Label: value" lines, in one of three fonts, and
then:

* typed: a PDF with a text layer (reportlab), read as processing reads it (``page_texts``);
* scanned: the page as an image at 150, 200 or 300 dpi, turned up to 1.5 degrees, with
  speckle noise and blur, in an image-only PDF, OCR'd as processing does (``ocr_page``).

Per field it prints the share parsed exactly right (text fields after whitespace
normalisation; dates with their precision), and the share of covers with every field right.
"country resolved" counts the covers whose country processing would still find: the name as
read, or the one name it is closest to (``closest_name``, for OCR-damaged names); "source
resolved" likewise for a scanned cover's source among the known sources.
Nothing is cached; a scanned cover takes one to two seconds of Tesseract.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bilag.pipeline.cover import (  # noqa: E402
    SOURCE_CUTOFF,
    Cover,
    DatePrecision,
    FuzzyDate,
    closest_name,
    parse_cover,
)
from bilag.pipeline.extract import page_texts  # noqa: E402
from bilag.pipeline.ocr import ocr_page  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ["DejaVuSerif", "DejaVuSans", "DejaVuSansCondensed"]
HEADER = "Flygtningenævnets baggrundsmateriale"
LABELS = {
    "number": "Bilagsnr.:",
    "country": "Land:",
    "source": "Kilde:",
    "title": "Titel:",
    "published": "Udgivet:",
    "added": "Optaget på baggrundsmaterialet:",
}
FIELDS = list(LABELS)
MONTHS = "januar februar marts april maj juni juli august september oktober november december"
ABBREVIATED = "jan. feb. mar. apr. maj jun. jul. aug. sept. okt. nov. dec."
# Written for this report: the kinds of sources and words real bilag carry.
SOURCES = [
    "BBC News",
    "Human Rights Watch",
    "Amnesty International",
    "Udlændingestyrelsen",
    "UNHCR",
    "Landinfo",
    "EUAA",
    "US Department of State",
    "Al Jazeera",
    "The Guardian",
    "Reuters",
    "ACCORD",
    "Norwegian Refugee Council",
    "Danish Refugee Council",
    "International Crisis Group",
    "Freedom House",
    "Der Spiegel",
    "Le Monde",
    "DR Nyheder",
    "Immigration and Refugee Board of Canada",
    "Home Office",
    "OCHA",
    "ACLED",
    "IOM",
]
WORDS = (
    "security situation report update country of origin information returnees women children "
    "minorities conscription military service detention torture prisons police checkpoints "
    "militia clashes province district capital elections protests journalists activists "
    "sikkerhedssituationen rapport kvinder børn mindretal militærtjeneste fængsler politiet "
    "kontrolposter hovedstaden valg demonstrationer journalister flygtninge tilbagevenden "
    "Kabul Mogadishu Damaskus Asmara Teheran Bagdad Kharkiv Herat Aleppo Hargeisa Mosul"
)


@dataclass
class Sample:
    cover: Cover
    published_form: str
    added_form: str
    layout: str
    font: str
    scanned: bool
    dpi: int


def date_text(rng: random.Random, day: datetime.date) -> tuple[str, FuzzyDate, str]:
    month = MONTHS.split()[day.month - 1]
    abbreviated = ABBREVIATED.split()[day.month - 1]
    forms = {
        "day": (f"{day.day}. {month} {day.year}", DatePrecision.DAY),
        "abbreviated": (f"{day.day}. {abbreviated} {day.year}", DatePrecision.DAY),
        "month": (f"{month} {day.year}", DatePrecision.MONTH),
        "year": (str(day.year), DatePrecision.YEAR),
        "dashes": (f"{day.day:02}-{day.month:02}-{day.year}", DatePrecision.DAY),
        "dots": (f"{day.day:02}.{day.month:02}.{day.year}", DatePrecision.DAY),
    }
    form = rng.choice(list(forms))
    text, precision = forms[form]
    if precision == DatePrecision.MONTH:
        day = day.replace(day=1)
    elif precision == DatePrecision.YEAR:
        day = day.replace(month=1, day=1)
    return text, FuzzyDate(day, precision), form


def make_sample(rng: random.Random, countries: list[str], scanned: bool) -> tuple[Sample, dict]:
    published_day = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randrange(7000))
    added_day = published_day + datetime.timedelta(days=rng.randrange(1, 400))
    published_text, published, published_form = date_text(rng, published_day)
    added_text, added, added_form = date_text(rng, added_day)
    title_words = rng.choices(WORDS.split(), k=rng.randrange(3, 22))
    if rng.random() < 0.3:
        title_words.insert(rng.randrange(1, len(title_words)), f"{rng.randrange(1990, 2025)}:")
    title = " ".join(title_words)
    title = title[0].upper() + title[1:]
    cover = Cover(
        number=rng.randrange(1, 6000),
        country=rng.choice(countries),
        source=rng.choice(SOURCES),
        title=title,
        published=published,
        added=added,
    )
    values = {
        "number": str(cover.number),
        "country": cover.country,
        "source": cover.source,
        "title": title,
        "published": published_text,
        "added": added_text,
    }
    sample = Sample(
        cover=cover,
        published_form=published_form,
        added_form=added_form,
        layout=rng.choice(["table", "table", "inline"]),
        font=rng.choice(FONTS),
        scanned=scanned,
        dpi=rng.choice([150, 200, 300]),
    )
    return sample, values


def wrap(text: str, width_of, limit: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and width_of(candidate) > limit:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def layout_lines(sample: Sample, values: dict, width_of, page_width: float) -> list[tuple]:
    """(x, y, text, bold) in points from the top-left, for either layout."""
    left, value_x, size = 72, 0.41 * page_width, 11
    rows: list[tuple] = [(left, 90, HEADER, True)]
    y = 140.0
    for field in FIELDS:
        label, value = LABELS[field], values[field]
        if sample.layout == "table":
            label_lines = ["Optaget på", "baggrundsmaterialet:"] if field == "added" else [label]
            value_lines = wrap(value, width_of, page_width - value_x - 72)
            for i, text in enumerate(label_lines):
                rows.append((left, y + i * 1.25 * size, text, False))
            for i, text in enumerate(value_lines):
                rows.append((value_x, y + i * 1.25 * size, text, False))
            y += max(len(label_lines), len(value_lines)) * 1.25 * size + 10
        else:
            for text in wrap(f"{label} {value}", width_of, page_width - 2 * left):
                rows.append((left, y, text, False))
                y += 1.25 * size
            y += 6
    return rows


def typed_pdf(sample: Sample, values: dict, path: Path) -> None:
    regular = sample.font
    pdfmetrics.registerFont(TTFont(regular, str(FONT_DIR / f"{regular}.ttf")))
    bold = "DejaVuSerif-Bold"
    pdfmetrics.registerFont(TTFont(bold, str(FONT_DIR / f"{bold}.ttf")))
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    rows = layout_lines(sample, values, lambda s: pdfmetrics.stringWidth(s, regular, 11), width)
    for x, y, text, is_bold in rows:
        c.setFont(bold if is_bold else regular, 14 if is_bold else 11)
        c.drawString(x, height - y, text)
    c.showPage()
    c.save()


def scanned_pdf(sample: Sample, values: dict, path: Path, rng: random.Random) -> None:
    scale = sample.dpi / 72
    width, height = (round(side * scale) for side in A4)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    regular = ImageFont.truetype(str(FONT_DIR / f"{sample.font}.ttf"), round(11 * scale))
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif-Bold.ttf"), round(14 * scale))
    rows = layout_lines(sample, values, lambda s: regular.getlength(s) / scale, A4[0])
    for x, y, text, is_bold in rows:
        draw.text((x * scale, (y - 11) * scale), text, font=bold if is_bold else regular, fill=0)
    image = image.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.9) * scale / 4))
    speckle = Image.effect_noise(image.size, rng.uniform(10, 35))
    image = Image.blend(image, speckle, 0.12).point(lambda v: 0 if v < 150 else 255)
    image.save(path, "PDF", resolution=sample.dpi)


def parsed_text(sample: Sample, values: dict, seed: int) -> str:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="cover-report-") as tmp:
        path = Path(tmp) / "cover.pdf"
        if sample.scanned:
            scanned_pdf(sample, values, path, rng)
            return ocr_page(path, 0, languages=["dan", "eng"], timeout=120)
        typed_pdf(sample, values, path)
        return next(page_texts(path)).text


def normalise(value) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def field_results(expected: Cover, found: Cover | None) -> dict[str, bool]:
    if found is None:
        return dict.fromkeys(FIELDS, False)
    return {
        field: normalise(getattr(expected, field)) == normalise(getattr(found, field))
        if field not in ("published", "added")
        else getattr(expected, field) == getattr(found, field)
        for field in FIELDS
    }


def run_one(job: tuple[Sample, dict, int]) -> tuple[Sample, str, Cover | None]:
    sample, values, seed = job
    text = parsed_text(sample, values, seed)
    return sample, text, parse_cover(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=60, help="covers of each kind (60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    countries = sorted(
        name for code, name in Locale("da").territories.items() if code.isalpha() and len(code) == 2
    )
    jobs = []
    for scanned in (False, True):
        for _ in range(args.n):
            sample, values = make_sample(rng, countries, scanned)
            jobs.append((sample, values, rng.randrange(1 << 30)))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(run_one, jobs))

    for kind, scanned in (("typed", False), ("scanned", True)):
        rows = [(s, text, found) for s, text, found in results if s.scanned == scanned]
        per_field = {field: 0 for field in FIELDS}
        all_right = recognised = resolved = sources_resolved = 0
        for sample, text, found in rows:
            checks = field_results(sample.cover, found)
            recognised += found is not None
            if found is not None and found.country:
                read = closest_name(found.country, {name: name for name in countries})
                resolved += sample.cover.country in (found.country, read)
            if found is not None and found.source and scanned:
                sources = {name: name for name in SOURCES}
                read = closest_name(found.source, sources, cutoff=SOURCE_CUTOFF)
                sources_resolved += sample.cover.source in (found.source, read)
            elif found is not None:
                sources_resolved += sample.cover.source == found.source
            all_right += all(checks.values())
            for field, ok in checks.items():
                per_field[field] += ok
            if args.show_misses and not all(checks.values()):
                wrong = [f for f, ok in checks.items() if not ok]
                print(f"--- {kind} {sample.layout} {sample.font} {sample.dpi} dpi; wrong: {wrong}")
                print(f"expected: {sample.cover}\nfound:    {found}\ntext:\n{text.strip()}\n")
        n = len(rows)
        fields = ", ".join(f"{field} {per_field[field] / n:.0%}" for field in FIELDS)
        print(
            f"{kind} ({n}): recognised {recognised / n:.0%}, every field right "
            f"{all_right}/{n} = {all_right / n:.1%}; {fields}; "
            f"country resolved {resolved / n:.0%}, source resolved {sources_resolved / n:.0%}"
        )


if __name__ == "__main__":
    main()
