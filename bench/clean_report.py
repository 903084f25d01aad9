"""Accuracy report for ``bilag.pipeline.clean`` on the shared corpus.

Usage (from the repository root)::

    .venv/bin/python bench/clean_report.py [CORPUS_DIR] [--limit N] [--all] [--jobs J]
                                           [--no-trafilatura] [--no-own] [--no-readability]
                                           [--no-newspaper] [--no-links]
                                           [--no-print-header] [--no-browser]
                                           [--show NAME]

CORPUS_DIR defaults to ``../shared/corpus``. Inputs:

* ``bilag/*/bilag.pdf``: text per page from the PDF text layer (pypdfium2); a page whose
  text layer needs OCR (``extract.text_needs_ocr``) is read by the portal's own
  ``ocr.ocr_page`` (Danish and English, 300 dpi or the scan's own resolution), as processing
  reads it. Page 1 (the board's cover sheet) is dropped. Gold: ``expected.json`` key
  ``gold_text``.
* ``web/articles/*.html.gz``: printed to PDF with headless Chromium, keeping its default
  print header (date, title) and footer (URL, page x/y) as real bilag have them. Gold:
  ``ground-truth.json`` key ``articleBody``. ``--limit`` (default 20) caps how many; ``--all``
  runs all of them. ``--no-print-header`` prints them (and the Readability and newspaper4k
  pages) without the header and footer, as "Save as PDF" with them turned off does.
* ``bench/pages/*.html`` (the "own" set, skipped with ``--no-own``): pages written for this
  report in the shape of real sites (a Danish news article with cookie banner, menus, share
  bar and related list; an English NGO report page with breadcrumbs and a long sidebar; a
  German news page with comments; a live blog; a page with a data table and lists; a long
  article over several printed pages; a Danish government page with a big footer; an
  English news page whose menus, breadcrumb, teaser cards, "read more" line and footer are
  real links, and whose list of sources between two paragraphs is links too; a Danish
  news page with a read-aloud and save bar, a "Læs også" box, a fact box, tags, a most-read
  list and a news ticker with clock times; an English document page of a COI portal with
  its metadata, numbered sections, footnote marks, a numbered list of sources, a sidebar of
  related documents and a subscribe box; an NGO's news release with a "Share this via …" bar,
  a captioned picture, tag lines, related cards, donate and sign-up boxes), printed
  with Chromium like the web articles. Gold: ``NAME.txt`` next to ``NAME.html``, the text
  as it should come out (title, headings and paragraphs), paragraphs separated by blank
  lines. The cache key holds a hash of the page and of the Chromium flags, so an edited
  page is printed again.
* ``bench/pages/report_*.html`` (the "own reports", skipped with ``--no-own`` too):
  documents in the shape of PDF reports (a Danish COI report, an English country policy
  note, a two-column NGO briefing, a German Länderreport) with a cover, a table of contents
  with leader dots, numbered headings and paragraphs, tables, lists, block quotes,
  footnotes at the foot of each page, paragraphs running on over a page break past them,
  and a list of sources, with running headers and footers ("Side 4 af 7") from CSS
  ``@page`` margin boxes. A real report has no browser header, so they are printed with
  ``--no-pdf-header-footer`` and reported as a group of their own, not in "own" but in
  "all tuned". Their gold holds everything a lawyer reads, footnotes and sources included,
  but not the running headers/footers, the table of contents (it repeats the headings:
  keeping it costs only removal) or the footnote marks in the text (superscripts, which
  pdfium puts on lines of their own); a table row is one line, its cells separated by
  spaces.
* the "scanned web" set (skipped with ``--no-scans``): the first ``SCANNED`` English pages
  of the web articles' even half, each printed page made an image as a scanner makes it
  (200 dpi gray, turned by up to 1.5 degrees, speckle noise, JPEG) and read by the portal's
  own OCR like the bilag's scans. Gold: the web article's. A sentence that OCR misreads is
  not in the raw text, so ``recall/raw`` is the cleaner's share.
* ``web/readability-testpages/*/`` (skipped with ``--no-readability``): Mozilla
  Readability's test pages, ``source.html`` printed with Chromium like the web articles.
  Gold: the paragraphs (p, headings, list items, quotes, table cells …) of Readability's
  ``expected.html``. A few of them have been analysed to find what the cleaner loses on
  shapes of documents the other sets lack (an RFC in plain text, an encyclopedia article);
  they are reported as "readability analysed". No rule is tuned on the others, the held-out
  set: they check that the rules carry over to sites never looked at, so don't read their
  cleaned output.
* ``web/trafilatura-eval``: pages with "must keep" (``with``) and "must remove"
  (``without``) snippets; reported as snippet hit rates.
* newspaper4k's test pages (skipped with ``--no-newspaper``): the HTML pages with their
  expected article text (``tests/data/html/NAME.html`` and ``tests/data/txt/NAME.txt``,
  MIT) from the sdist of ``newspaper4k==0.9.6``, which the report fetches from PyPI with
  ``pip download`` into the cache; printed with Chromium like the web articles. A second
  set of real sites (CNN, Time, Wired, Fox, cleveland.com, Arabic, Spanish, Asian news
  sites …). Its even half (in sorted order) may be analysed when writing rules; the odd half
  is held out like the held-out Readability pages: read only its figures, never its
  cleaned output. Skipped with a note when PyPI cannot be reached.

The cleaner is told which PDFs a browser made (``extract.made_by_browser``, by the PDF's
Producer), as processing tells it; ``--no-browser`` leaves that out.

PDFs and OCR text are cached in ``/tmp/baggrund-clean-cache`` (outside the repository), so
only the first run is slow. Metrics per document and overall:

* recall: share of gold sentences found intact in the cleaned text (after NFKC, quote, dash
  and whitespace normalisation). ``in raw`` is the same share for the raw text with lines
  naively joined, or with only the lines of the sentence's own gold paragraph joined (a
  report's paragraph runs on past the page's footnotes and the next page's header):
  sentences missing there were never printed, so no cleaner can find them. ``recall/raw``
  is recall relative to the sentences that are in the raw text.
* mended: gold sentences that are not in the raw text but are in the cleaned text, which
  mends it (OCR's bar for "I", "| think"; a word hyphenated where the naive join of the raw
  lines keeps the hyphen); a line so mended no longer matches its raw line, so
  if the gold lacks it (OCR misread another word of it) it counts as removed junk.
* removal: share of junk lines (raw lines that are not part of the gold text) that are gone
  from the cleaned text.
* rm-text: the same share without the junk lines that are headings of the article itself.
  The gold texts hold the article's paragraphs only, so its title, its subheadings and its
  picture captions count as junk, although a reader of a bilag wants them and the cleaner
  is meant to keep headings. A junk line counts as such a heading when it reads like one
  (at most 12 words, no closing punctuation) and either stands between the first and the
  last line of the gold text in the raw text, or is part of the page title that Chromium
  prints in its header. ``removal`` stays the figure of record; ``rm-text`` shows how much
  of what is left is headings rather than boilerplate. Boilerplate inside the article's
  span (an inline "Related" box, share buttons) is excluded too, so read it as an upper
  bound.
* paragraphs kept whole and apart: share of the gold's paragraphs (of more than 12 words)
  that are one paragraph of the cleaned text, neither cut in two nor run together with the
  next one or with a heading or caption.
* kept junk stands before / inside / after: for each group, where the junk lines left in the
  cleaned text stand, before the first gold sentence found, between it and the last, or
  after the last. A figure that may be read for the held-out sets too: it tells whether the
  cleaner misses the start of unseen articles, their end, or boilerplate inside them.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bilag.pipeline.clean import clean_pages  # noqa: E402
from bilag.pipeline.extract import (  # noqa: E402
    PageText,
    made_by_browser,
    page_texts,
    text_needs_ocr,
)
from bilag.pipeline.language import LANGUAGES, SCANDINAVIAN, detect_language  # noqa: E402
from bilag.pipeline.ocr import ocr_page  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "baggrund-clean-cache"
NEWSPAPER_SDIST = "newspaper4k==0.9.6"
OCR_LANGUAGES = ["dan", "eng"]  # as processing (BAGGRUND_OCR_LANGUAGES)
SCAN_DPI = 200  # as the board scans (ukraine-1207)
SCANNED = 24  # web articles scanned for the "scanned web" set
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@dataclass
class Document:
    pages: list[PageText]
    browser_made: bool = False  # ``extract.made_by_browser``
    declared_language: str = ""  # the printed page's ``<html lang>``, when it has one


# The language a web page declares: ``<html lang="en-GB">``.
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)


def declared_language(html: bytes) -> str:
    match = _HTML_LANG.search(html)
    return match.group(1).decode().lower() if match else ""


Input = tuple[str, Document, str]  # name, document, gold text
OWN_PAGES = Path(__file__).resolve().parent / "pages"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_TIMEOUT = 30
# Readability test pages whose cleaned output has been read while writing rules.
READABILITY_ANALYSED = frozenset({"ietf-1", "wikipedia", "heise", "cnn"})
# Give the cleaner the lines that the PDFs print as links' text (off with --no-links: as
# for a PDF printed by a tool that drops links).
USE_LINKS = True
# Tell the cleaner which PDFs a browser made (off with --no-browser).
USE_BROWSER = True

_QUOTES = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
        "\u00ad": None, "\ufffe": None, "\u200b": None,
    }
)  # fmt: skip
# Chromium's print header: "11/25/26, 2:41 PM <title>".
_PRINT_TITLE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d{2}\s?[AP]M (.+)$")
_CLOSING = re.compile(r"[.!?:;…][\"')\]]*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]*[A-ZÆØÅÄÖÜ0-9])")


def dehyphenated(text: str) -> str:
    return re.sub(r"(\w)- (\w)", r"\1\2", text)


def rehyphenated(text: str) -> str:
    """The words broken at their own hyphen joined again ("al- Baghdadi": "al-Baghdadi")."""
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


# An icon font's glyphs (the private use area), which the cleaner drops as no text.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(_PRIVATE_USE.sub(" ", text).split())


def gold_sentences(gold: str) -> list[str]:
    sentences = []
    for paragraph in gold.split("\n"):
        for sentence in _SENTENCE_END.split(norm(paragraph)):
            if len(sentence) >= 3:
                sentences.append(sentence)
    return sentences


PLACES = ("before", "inside", "after")
HEADING_WORDS = 12  # a gold paragraph of more words is prose, not a heading


@dataclass
class Result:
    name: str
    sentences: int
    in_raw: int
    found: int
    junk: int
    removed: int
    headings: int  # junk lines that are headings of the article (see rm-text)
    headings_removed: int
    # Kept junk lines by where they stand in the cleaned text: before the first gold sentence
    # found, between it and the last, after the last (see ``kept_places``).
    kept_before: int = 0
    kept_inside: int = 0
    kept_after: int = 0
    declared_language: str = ""
    detected_language: str = ""  # ``detect_language`` of the cleaned text, as processing does
    mended: int = 0  # gold sentences not in the raw text but in the cleaned text (see below)
    paragraphs: int = 0  # gold paragraphs of more than a heading's words (see "whole")
    whole: int = 0  # of them, those that are one paragraph of the cleaned text, no more

    @property
    def recall(self) -> float:
        return self.found / self.sentences if self.sentences else 1.0

    @property
    def recall_raw(self) -> float:
        return self.found / self.in_raw if self.in_raw else 1.0

    @property
    def removal(self) -> float:
        return self.removed / self.junk if self.junk else 1.0

    @property
    def removal_text(self) -> float:
        junk = self.junk - self.headings
        return (self.removed - self.headings_removed) / junk if junk else 1.0


def kept_places(out: str, found: list[str], kept: list[str]) -> tuple[int, int, int]:
    """How many kept junk lines stand before the first found gold sentence in the cleaned
    text, between it and the last, and after the last: where the cleaner misses the
    article's start or end, or boilerplate inside it."""
    if not found:
        return 0, len(kept), 0
    first = min(out.find(s) for s in found)
    last = max(out.find(s) + len(s) for s in found)
    places = [out.find(line) for line in kept]
    before = sum(0 <= at < first for at in places)
    after = sum(at >= last for at in places)
    return before, len(kept) - before - after, after


def article_headings(raw_lines: list[str], gold_norm: str) -> set[int]:
    """Indices of raw lines that read as headings of the article (see ``rm-text``)."""
    in_gold = [i for i, line in enumerate(raw_lines) if len(line) >= 25 and line in gold_norm]
    titles = [m.group(1) for line in raw_lines if (m := _PRINT_TITLE.match(line))]
    headings = set()
    for i, line in enumerate(raw_lines):
        if not line or line in gold_norm or len(line.split()) > 12 or _CLOSING.search(line):
            continue
        inside = bool(in_gold) and in_gold[0] < i < in_gold[-1]
        if inside or any(line in title for title in titles):
            headings.add(i)
    return headings


def clean(document: Document) -> list[str]:
    pages = document.pages
    links = [page.link_lines for page in pages] if USE_LINKS else []
    return clean_pages([page.text for page in pages], links, document.browser_made and USE_BROWSER)


def evaluate(name: str, document: Document, gold: str, show: bool = False) -> Result:
    cleaned = clean(document)
    pages = document.pages
    out = norm(" ".join(cleaned))
    out_lines = {norm(line) for page in cleaned for line in page.splitlines()}
    # pdfium joins the two lines of a word broken at a hyphen ("al\ufffeBaghdadi"): the
    # lines as printed.
    raw_lines = [
        norm(line) for page in pages for line in page.text.replace("\ufffe", "-\n").splitlines()
    ]
    raw_joined = " ".join(line for line in raw_lines if line)
    raw_variants = (raw_joined, dehyphenated(raw_joined), rehyphenated(raw_joined))
    sentences = gold_sentences(gold)
    gold_norm = norm(gold)
    paragraphs = [norm(paragraph) for paragraph in gold.split("\n")]

    def printed(sentence: str) -> bool:
        # In the raw text, or in its lines that belong to the sentence's paragraph: a
        # paragraph runs on past a page's footnotes and the next page's running header.
        if any(sentence in raw for raw in raw_variants):
            return True
        paragraph = next((p for p in paragraphs if sentence in p), "")
        own = " ".join(line for line in raw_lines if len(line) >= 3 and line in paragraph)
        return any(sentence in raw for raw in (own, dehyphenated(own), rehyphenated(own)))

    in_raw = [s for s in sentences if printed(s)]
    found = [s for s in in_raw if s in out]

    junk = [line for line in raw_lines if line and line not in gold_norm]

    def survives(line: str) -> bool:
        # A short line "survives" only as a line of its own; longer ones anywhere in the text.
        return line in out_lines or (len(line) >= 25 and line in out)

    kept = [line for line in junk if survives(line)]
    out_paragraphs = {norm(part) for page in cleaned for part in page.split("\n\n")}
    long_paragraphs = [p for p in paragraphs if len(p.split()) > HEADING_WORDS]
    headings = [raw_lines[i] for i in article_headings(raw_lines, gold_norm)]
    headings_kept = sum(survives(line) for line in headings)
    if show:
        print("\n".join(cleaned))
        print("---- MISSED SENTENCES")
        for s in in_raw:
            if s not in out:
                print("  -", s)
        print("---- KEPT JUNK")
        for line in kept:
            print("  +", line)
    return Result(
        name,
        len(sentences),
        len(in_raw),
        len(found),
        len(junk),
        len(junk) - len(kept),
        len(headings),
        len(headings) - headings_kept,
        *kept_places(out, found, kept),
        document.declared_language,
        detect_language("\n\n".join(page for page in cleaned if page)),
        sum(s in out for s in sentences if s not in in_raw),
        len(long_paragraphs),
        sum(p in out_paragraphs for p in long_paragraphs),
    )


# --------------------------------------------------------------------------- inputs


def pdf_document(path: Path) -> Document:
    return Document(list(page_texts(path)), made_by_browser(path))


def ocr_text(path: Path, index: int) -> str:
    """The page's text as processing OCRs it, cached per page."""
    key = hashlib.sha1(f"{path.resolve()}:{index}:{OCR_LANGUAGES}".encode()).hexdigest()
    cached = CACHE / "ocr-page" / f"{key}.txt"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        text = ocr_page(path, index, languages=OCR_LANGUAGES, timeout=600)
        cached.write_text(text)
    return cached.read_text()


def bilag_document(path: Path) -> Document:
    pages = [
        PageText(ocr_text(path, index)) if text_needs_ocr(page.text) else page
        for index, page in enumerate(page_texts(path))
    ]
    return Document(pages, made_by_browser(path))


def print_to_pdf(html_gz: Path, flags: tuple[str, ...] = ()) -> Path | None:
    key = html_gz.name.removesuffix(".html.gz") + ("-bare" if flags else "")
    return print_html(gzip.decompress(html_gz.read_bytes()), key, flags)


def print_html(content: bytes, key: str, flags: tuple[str, ...] = ()) -> Path | None:
    """The page printed to PDF by headless Chromium with extra FLAGS, cached as KEY.pdf;
    None if it fails."""
    target = CACHE / "pdf" / (key + ".pdf")
    failed = target.with_suffix(".failed")
    if target.exists():
        return target
    if failed.exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    # A Chromium killed at the timeout may leave helpers still writing to its profile.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        html = Path(tmp) / "page.html"
        html.write_bytes(content)
        command = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            f"--user-data-dir={tmp}/profile", f"--timeout={CHROMIUM_TIMEOUT * 1000 // 2}",
            f"--print-to-pdf={target}", *flags, html.as_uri(),
        ]  # fmt: skip
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.run(command, capture_output=True, timeout=CHROMIUM_TIMEOUT, check=False)
    if target.exists() and target.stat().st_size > 0:
        return target
    target.unlink(missing_ok=True)
    failed.touch()
    return None


def bilag_inputs(corpus: Path) -> list[Input]:
    out = []
    for folder in sorted((corpus / "bilag").glob("*/")):
        pdf = folder / "bilag.pdf"
        expected = json.loads((folder / "expected.json").read_text())
        document = bilag_document(pdf)
        document.pages = document.pages[1:]  # the cover sheet
        out.append((f"bilag/{folder.name}", document, expected["gold_text"]))
    return out


def article_inputs(
    corpus: Path, limit: int | None, jobs: int, flags: tuple[str, ...] = ()
) -> list[Input]:
    folder = corpus / "web" / "articles"
    truth = json.loads((folder / "ground-truth.json").read_text())
    files = sorted(folder.glob("*.html.gz"))[:limit]
    with ThreadPoolExecutor(jobs) as pool:
        pdfs = list(pool.map(print_to_pdf, files, [flags] * len(files)))
    out = []
    for html_gz, pdf in zip(files, pdfs, strict=True):
        key = html_gz.name.removesuffix(".html.gz")
        if pdf is None:
            print(f"note: chromium failed for {key}, skipped", file=sys.stderr)
            continue
        if key in truth:
            document = pdf_document(pdf)
            document.declared_language = declared_language(gzip.decompress(html_gz.read_bytes()))
            out.append((f"web/{key[:12]}", document, truth[key]["articleBody"]))
    return out


def scan(pdf: Path, seed: str) -> Path:
    """The printed PDF as a scanner makes it, cached: each page an image at SCAN_DPI in
    gray, turned by up to 1.5 degrees, with speckle noise and JPEG compression."""
    target = CACHE / "scan" / f"{pdf.stem}.pdf"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    images = []
    document = pdfium.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(rng.uniform(-1.5, 1.5), expand=False, fillcolor=255)
        noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height))
        images.append(Image.blend(image, noise, 0.12))
    document.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=SCAN_DPI, quality=60)
    return target


def scanned_inputs(corpus: Path, count: int, jobs: int) -> list[Input]:
    """The first COUNT web articles of the even half in English (or no declared language),
    printed, scanned and OCR'd: the OCR reads Danish and English, and a page in another
    script comes out as gibberish, which is the OCR's failure, not the cleaner's."""
    folder = corpus / "web" / "articles"
    truth = json.loads((folder / "ground-truth.json").read_text())
    files = [f for f in sorted(folder.glob("*.html.gz")) if f.name.split(".")[0] in truth]
    languages = {f: declared_language(gzip.decompress(f.read_bytes())) for f in files[::2]}
    files = [f for f, language in languages.items() if language in {"", "en", "da"}][:count]
    with ThreadPoolExecutor(jobs) as pool:
        pdfs = list(pool.map(print_to_pdf, files))
        printed = [(f, pdf) for f, pdf in zip(files, pdfs, strict=True) if pdf is not None]
        scans = [scan(pdf, f.name) for f, pdf in printed]
    # pdfium is not thread-safe: the pages are read and OCR'd in processes.
    with ProcessPoolExecutor(jobs) as processes:
        documents = list(processes.map(bilag_document, scans))
    out = []
    for (html_gz, _), document in zip(printed, documents, strict=True):
        key = html_gz.name.removesuffix(".html.gz")
        document.declared_language = languages[html_gz]
        out.append((f"scan/{key[:12]}", document, truth[key]["articleBody"]))
    return out


def printed_pages(
    pages: dict[str, bytes], prefix: str, jobs: int, flags: tuple[str, ...] = ()
) -> dict[str, list[PageText]]:
    """Each named HTML page printed with Chromium and its extra FLAGS (cached under
    PREFIX-NAME-<hash of the page and the flags>, so an edited page is printed again), as
    text per printed page. A page that Chromium fails on is left out with a note."""
    names = list(pages)
    salt = " ".join(flags).encode()
    keys = [
        f"{prefix}-{name}-{hashlib.sha1(pages[name] + salt).hexdigest()[:12]}" for name in names
    ]
    with ThreadPoolExecutor(jobs) as pool:
        pdfs = list(pool.map(print_html, pages.values(), keys, [flags] * len(names)))
    out = {}
    for name, pdf in zip(names, pdfs, strict=True):
        if pdf is None:
            print(f"note: chromium failed for {name}, skipped", file=sys.stderr)
            continue
        out[name] = pdf_document(pdf)
        out[name].declared_language = declared_language(pages[name])
    return out


def own_inputs(jobs: int) -> list[Input]:
    """The pages in bench/pages/, each NAME.html with its gold text NAME.txt; reports
    (report_*) are printed without Chromium's header and footer."""
    pages = sorted(OWN_PAGES.glob("*.html"))
    printed = {}
    for reports, flags in ((False, ()), (True, ("--no-pdf-header-footer",))):
        chosen = {p.stem: p.read_bytes() for p in pages if is_report(f"own/{p.stem}") == reports}
        printed |= printed_pages(chosen, "own", jobs, flags)
    return [
        (f"own/{page.stem}", printed[page.stem], page.with_suffix(".txt").read_text())
        for page in pages
        if page.stem in printed
    ]


_BLOCK_TAGS_TEXT = """
    p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre td th tr table ul ol dl div section article
    header footer aside figure figcaption caption br hr main nav
    """


class _ParagraphText(HTMLParser):
    """The text of an HTML fragment, one paragraph a line: every block element, ``br``
    included, starts a new one."""

    _BLOCKS = frozenset(_BLOCK_TAGS_TEXT.split())
    _SKIPPED = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_paragraphs(html: str) -> str:
    parser = _ParagraphText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.paragraphs)


def readability_inputs(corpus: Path, jobs: int, flags: tuple[str, ...] = ()) -> list[Input]:
    """Readability's test pages: source.html printed, the paragraphs of expected.html."""
    folders = sorted((corpus / "web" / "readability-testpages").glob("*/"))
    sources = {folder.name: (folder / "source.html").read_bytes() for folder in folders}
    printed = printed_pages(sources, "readability", jobs, flags)
    return [
        (
            f"readability/{folder.name}",
            printed[folder.name],
            html_paragraphs((folder / "expected.html").read_text()),
        )
        for folder in folders
        if folder.name in printed
    ]


def newspaper_inputs(jobs: int, flags: tuple[str, ...] = ()) -> list[Input]:
    """newspaper4k's test pages (HTML with expected text), printed; [] if PyPI can't be reached."""
    folder = CACHE / "newspaper4k"
    data = next(folder.glob("*/tests/data"), None)
    if data is None:
        folder.mkdir(parents=True, exist_ok=True)
        download = subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
             "-d", str(folder), NEWSPAPER_SDIST],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        sdist = next(folder.glob("*.tar.gz"), None)
        if download.returncode or sdist is None:
            print(f"note: {NEWSPAPER_SDIST} not downloaded, its pages skipped", file=sys.stderr)
            return []
        with tarfile.open(sdist) as archive:
            members = [m for m in archive.getmembers() if "/tests/data/" in m.name]
            archive.extractall(folder, members=members, filter="data")
        data = next(folder.glob("*/tests/data"))
    golds = {
        html.stem: gold
        for html in sorted((data / "html").glob("*.html"))
        if (gold := data / "txt" / f"{html.stem}.txt").exists()
    }
    printed = printed_pages(
        {name: (data / "html" / f"{name}.html").read_bytes() for name in golds},
        "newspaper",
        jobs,
        flags,
    )
    return [(f"newspaper/{name}", printed[name], golds[name].read_text()) for name in printed]


def trafilatura_report(corpus: Path, jobs: int) -> None:
    folder = corpus / "web" / "trafilatura-eval"
    meta_file = folder / "evaldata_subset.json"
    if not meta_file.exists():
        return
    meta = json.loads(meta_file.read_text())
    entries = [m for m in meta.values() if (folder / m["file"]).exists()]
    gz_dir = CACHE / "trafilatura-html"
    gz_dir.mkdir(parents=True, exist_ok=True)
    sources = []
    for m in entries:
        gz = gz_dir / (m["file"] + ".gz")
        if not gz.exists():
            gz.write_bytes(gzip.compress((folder / m["file"]).read_bytes()))
        sources.append(gz)
    with ThreadPoolExecutor(jobs) as pool:
        pdfs = list(pool.map(print_to_pdf, sources))
    keep_hit = keep_total = remove_hit = remove_total = 0
    for m, pdf in zip(entries, pdfs, strict=True):
        if pdf is None:
            continue
        document = pdf_document(pdf)
        raw = norm(" ".join(page.text for page in document.pages))
        out = norm(" ".join(clean(document)))
        for snippet in m.get("with", []):
            if norm(snippet) in raw:
                keep_total += 1
                keep_hit += norm(snippet) in out
        for snippet in m.get("without", []):
            if norm(snippet) in raw:
                remove_total += 1
                remove_hit += norm(snippet) not in out
    print(
        f"\ntrafilatura-eval ({len(entries)} pages, snippets present in the printed PDF): "
        f"kept {keep_hit}/{keep_total} must-keep, removed {remove_hit}/{remove_total} must-remove"
    )


def is_report(name: str) -> bool:
    """Whether the document is one of the own reports (``own/report_*``)."""
    return name.startswith("own/report_")


def shown(name: str, show: str | None) -> bool:
    """Whether ``--show`` names this document, in full ("web/0e014df693f1") or without its
    set ("ietf-1")."""
    return show is not None and (name == show or name.split("/", 1)[1] == show)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=20, help="web articles to use (20)")
    parser.add_argument("--all", action="store_true", help="use all web articles")
    parser.add_argument("--jobs", type=int, default=4, help="parallel Chromium processes")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--no-own", action="store_true", help="skip the pages in bench/pages")
    parser.add_argument(
        "--no-readability", action="store_true", help="skip the Readability test pages"
    )
    parser.add_argument("--no-newspaper", action="store_true", help="skip newspaper4k's test pages")
    parser.add_argument(
        "--no-scans", action="store_true", help="skip the scanned web articles (OCR is slow)"
    )
    parser.add_argument(
        "--no-links", action="store_true", help="clean without the PDFs' link areas"
    )
    parser.add_argument(
        "--no-print-header",
        action="store_true",
        help="print the web pages without the browser's header and footer",
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="clean as if no PDF told that a browser made it",
    )
    parser.add_argument(
        "--show",
        help="print cleaned text, misses and kept junk for NAME (web/… or without the set)",
    )
    args = parser.parse_args()
    global USE_LINKS, USE_BROWSER
    USE_LINKS = not args.no_links
    USE_BROWSER = not args.no_browser
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")

    inputs = bilag_inputs(args.corpus)
    # As "Save as PDF" with the browser's header and footer turned off.
    flags = ("--no-pdf-header-footer",) if args.no_print_header else ()
    inputs += article_inputs(args.corpus, None if args.all else args.limit, args.jobs, flags)
    if not args.no_own:
        inputs += own_inputs(args.jobs)
    if not args.no_readability:
        inputs += readability_inputs(args.corpus, args.jobs, flags)
    if not args.no_newspaper:
        inputs += newspaper_inputs(args.jobs, flags)
    if not args.no_scans:
        inputs += scanned_inputs(args.corpus, SCANNED, args.jobs)
    results = [
        evaluate(name, document, gold, show=shown(name, args.show))
        for name, document, gold in inputs
    ]

    print(f"{'document':26} {'sent':>5} {'in raw':>6} {'recall':>7} {'rec/raw':>7} {'junk':>5} "
          f"{'removal':>7} {'rm-text':>7}")  # fmt: skip
    for r in results:
        print(
            f"{r.name:26} {r.sentences:5} {r.in_raw:6} {r.recall:7.1%} {r.recall_raw:7.1%} "
            f"{r.junk:5} {r.removal:7.1%} {r.removal_text:7.1%}"
        )
    web = [r for r in results if r.name.startswith("web/")]
    readability = [r for r in results if r.name.startswith("readability/")]
    analysed = [
        r for r in readability if r.name.removeprefix("readability/") in READABILITY_ANALYSED
    ]
    held_out = [r for r in readability if r not in analysed]
    newspaper = [r for r in results if r.name.startswith("newspaper/")]
    for label, group in (
        ("bilag", [r for r in results if r.name.startswith("bilag/")]),
        ("web", web),
        # Rules are written looking at the even half; the odd half shows whether they carry.
        ("web even", web[::2]),
        ("web odd", web[1::2]),
        ("own", [r for r in results if r.name.startswith("own/") and not is_report(r.name)]),
        ("own reports", [r for r in results if is_report(r.name)]),
        ("scanned web", [r for r in results if r.name.startswith("scan/")]),
        ("all tuned", [r for r in results if r not in held_out and r not in newspaper]),
        ("readability analysed", analysed),
        ("readability (held out)", held_out),
        ("readability (all)", readability),
        # The even half (in sorted order) is analysed when writing rules; the odd half is not.
        ("newspaper4k analysed (even)", newspaper[::2]),
        ("newspaper4k held out (odd)", newspaper[1::2]),
    ):
        if not group:
            continue
        sentences = sum(r.sentences for r in group)
        in_raw = sum(r.in_raw for r in group)
        found = sum(r.found for r in group)
        junk = sum(r.junk for r in group)
        removed = sum(r.removed for r in group)
        macro_recall = sum(r.recall_raw for r in group) / len(group)
        macro_removal = sum(r.removal for r in group) / len(group)
        headings = sum(r.headings for r in group)
        text_junk = junk - headings
        text_removed = removed - sum(r.headings_removed for r in group)
        print(
            f"\n{label} ({len(group)} docs): recall {found}/{sentences} = {found / sentences:.1%} "
            f"(of sentences in raw text: {found}/{in_raw} = {found / max(in_raw, 1):.2%}, "
            f"macro {macro_recall:.2%}); removal {removed}/{junk} = {removed / max(junk, 1):.1%} "
            f"(macro {macro_removal:.1%}); rm-text, without {headings} heading lines of the "
            f"article: {text_removed}/{text_junk} = {text_removed / max(text_junk, 1):.1%}"
        )
        paragraphs = sum(r.paragraphs for r in group)
        if paragraphs:
            whole = sum(r.whole for r in group)
            print(
                f"  paragraphs kept whole and apart: {whole}/{paragraphs} = "
                f"{whole / paragraphs:.1%}"
            )
        mended = sum(r.mended for r in group)
        if mended:
            print(
                f"  {mended} more gold sentences are found only as the cleaner mends the raw text"
            )
        kept = junk - removed
        if kept:
            shares = [sum(getattr(r, f"kept_{place}") for r in group) / kept for place in PLACES]
            where = ", ".join(
                f"{place} {share:.0%}" for place, share in zip(PLACES, shares, strict=True)
            )
            print(f"  kept junk stands {where} the article's text")
    language_report(results)
    if not args.no_trafilatura:
        trafilatura_report(args.corpus, args.jobs)


def listed(results: Iterable[Result]) -> str:
    """The documents with their declared and detected language: "web/… en→de"."""
    return ", ".join(
        f"{r.name} {r.declared_language}→{r.detected_language or '-'}" for r in results
    )


def language_report(results: list[Result]) -> None:
    """Detected language of the cleaned text against the language the page declares, per
    set; pages in languages that detection does not know (not in ``LANGUAGES`` or
    ``SCANDINAVIAN``) apart."""
    declared = [r for r in results if r.declared_language]
    if not declared:
        return
    print("\nlanguage of the cleaned text against the page's <html lang>:")
    for label in sorted({r.name.split("/")[0] for r in declared}):
        group = [r for r in declared if r.name.split("/")[0] == label]
        known = [r for r in group if r.declared_language in LANGUAGES + SCANDINAVIAN]
        right = [r for r in known if r.detected_language == r.declared_language]
        wrong = listed(r for r in known if r not in right)
        others = listed(r for r in group if r not in known)
        print(
            f"  {label} ({len(group)} docs declare one): {len(right)}/{len(known)} right "
            f"= {len(right) / max(len(known), 1):.1%} of those in detection's languages"
            + (f"; wrong: {wrong}" if wrong else "")
            + (f"; not in its languages: {others}" if others else "")
        )


if __name__ == "__main__":
    main()
