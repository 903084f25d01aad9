import hashlib
import random
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from bilag.pipeline.extract import (
    PdfError,
    PdfInfo,
    inspect_pdf,
    logical_order,
    made_by_browser,
    page_has_scan_text_layer,
    page_texts,
    text_needs_ocr,
)
from tests import pdfs

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LIMITS = {"max_bytes": 200_000_000, "max_pages": 2000}

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def inspect(path: Path, workdir: Path, **limits: int) -> PdfInfo:
    return inspect_pdf(path, workdir, **{**LIMITS, **limits})


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    d = tmp_path / "work"
    d.mkdir()
    return d


# --- inspect_pdf ---------------------------------------------------------------------------


def test_born_digital_pages_and_text(tmp_path, workdir):
    path = pdfs.born_digital_pdf(tmp_path / "a.pdf", [pdfs.ENGLISH, pdfs.DANISH, pdfs.GERMAN])
    before = path.read_bytes()

    info = inspect(path, workdir)

    assert info.page_count == 3
    assert info.was_encrypted is False
    assert info.path == path
    assert info.sha256 == hashlib.sha256(before).hexdigest()
    texts = [page.text for page in page_texts(info.path)]
    assert len(texts) == 3
    assert "journalists were detained" in " ".join(texts[0].split())
    assert "Flygtningenævnet" in texts[1] and "rettigheder de får på grænsen" in texts[1]
    assert "Flüchtlinge" in texts[2]
    assert "\x00" not in "".join(texts)
    assert [text_needs_ocr(t) for t in texts] == [False, False, False]
    assert path.read_bytes() == before


def test_mixed_pdf_routes_per_page(tmp_path):
    texts = [page.text for page in page_texts(pdfs.mixed_pdf(tmp_path / "m.pdf"))]
    assert [text_needs_ocr(t) for t in texts] == [False, True]


def test_encrypted_with_empty_user_password_is_decrypted(tmp_path, workdir):
    path = pdfs.encrypted_pdf(tmp_path / "enc.pdf")
    before = path.read_bytes()

    info = inspect(path, workdir)

    assert info.was_encrypted is True
    assert info.path.parent == workdir
    assert info.sha256 == hashlib.sha256(before).hexdigest()
    assert "Flygtningenævnet" in next(page_texts(info.path)).text
    with pikepdf.open(info.path) as pdf:
        assert not pdf.is_encrypted
    assert path.read_bytes() == before


def test_real_password_is_refused(tmp_path, workdir):
    path = pdfs.encrypted_pdf(tmp_path / "enc.pdf", user="hemmelig")
    with pytest.raises(PdfError, match="protected by a password"):
        inspect(path, workdir)


def _empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: pdfs.html_file(d / "page.pdf"), r"not a PDF \(it starts with '<html"),
        (lambda d: pdfs.corrupt_pdf(d / "c.pdf"), "damaged and cannot be read"),
        (
            lambda d: pdfs.truncated_pdf(d / "t.pdf", pdfs.born_digital_pdf(d / "s.pdf", ["x"])),
            "damaged and cannot be read",
        ),
        (lambda d: pdfs.zero_page_pdf(d / "z.pdf"), "has no pages"),
        (lambda d: _empty_file(d / "e.pdf"), "The file is empty"),
    ],
    ids=["html", "corrupt", "truncated", "zero-pages", "empty"],
)
def test_unusable_files_raise_clear_errors(tmp_path, workdir, make, message):
    with pytest.raises(PdfError, match=message):
        inspect(make(tmp_path), workdir)


def test_size_limit(tmp_path, workdir):
    path = pdfs.born_digital_pdf(tmp_path / "a.pdf", [pdfs.ENGLISH])
    with pytest.raises(PdfError, match=r"The file is .*; the limit is 100 bytes"):
        inspect(path, workdir, max_bytes=100)


def test_page_limit(tmp_path, workdir):
    path = pdfs.born_digital_pdf(tmp_path / "a.pdf", [pdfs.ENGLISH] * 3)
    with pytest.raises(PdfError, match="The PDF has 3 pages; the limit is 2"):
        inspect(path, workdir, max_pages=2)
    assert inspect(path, workdir, max_pages=3).page_count == 3


def test_header_may_follow_junk(tmp_path, workdir):
    # Some mail gateways prepend a few bytes; readers accept %PDF- within the first KiB.
    src = pdfs.born_digital_pdf(tmp_path / "a.pdf", [pdfs.ENGLISH])
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"\r\n \r\n" + src.read_bytes())
    assert inspect(path, workdir).page_count == 1


# --- text_needs_ocr ------------------------------------------------------------------------

SHORT_PAGE = "Bilag 1207\nUkraine\nFlygtningenævnet, 14. januar 2020\nSide 1 af 5"
NUMBERS_TABLE = (
    "Tabel 3. Asylansøgninger fordelt på nationalitet\n"
    "Land 2019 2020 2021\nSyrien 1.234 987 654\nEritrea 402 311 298\n"
    "Afghanistan 1.020 850 1.310\nIran 215 190 201\nI alt 2.871 2.338 2.463\n"
)


@pytest.mark.parametrize(
    "text",
    [pdfs.ENGLISH, pdfs.DANISH, pdfs.GERMAN, SHORT_PAGE, NUMBERS_TABLE, pdfs.ENGLISH * 20],
    ids=["english", "danish", "german", "short", "table", "long"],
)
def test_real_text_needs_no_ocr(text):
    assert text_needs_ocr(text) is False


def _symbols(n: int) -> str:
    rng = random.Random(1207)
    alphabet = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~0123456789§½¤"
    return " ".join(
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(n)
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n \f ",
        "3\n",
        "Side 2 af 14",
        "(cid:36)(cid:79)(cid:79) (cid:83)(cid:72)(cid:85)(cid:86)(cid:82)(cid:81)(cid:86) " * 30,
        "T h e  g o v e r n m e n t  a n n o u n c e d  n e w  m e a s u r e s  t o  p r o t e c t",
        _symbols(200),
        "\ue000\ue001\ue002 \ue003\ue004 \ue005\ue006\ue007\ue008 " * 40,
        "\ufffd\ufffd\ufffd \ufffd\ufffd \ufffd\ufffd\ufffd\ufffd " * 40,
        "3HQČåQtSURVWĜHGN\\QD~þWHFK xKqPzVb LmNwQrT bKdFgHj " * 10,
    ],
    ids=[
        "empty",
        "whitespace",
        "page-number",
        "footer-only",
        "cid",
        "letter-spaced",
        "symbols",
        "private-use",
        "replacement-chars",
        "mis-mapped-font",
    ],
)
def test_garbage_needs_ocr(text):
    assert text_needs_ocr(text) is True


# --- page_has_scan_text_layer --------------------------------------------------------------


@pytest.mark.parametrize("under_image", [False, True], ids=["invisible-text", "text-under-image"])
def test_a_scans_own_ocr_layer_is_recognised(tmp_path, under_image):
    path = pdfs.scan_with_text_layer_pdf(
        tmp_path / "scan.pdf", [pdfs.SCAN_LINES], under_image=under_image
    )
    assert page_has_scan_text_layer(path, 0) is True
    assert "Rapport om sikkerhedssituationen" in next(page_texts(path)).text  # the layer is read


@pytest.mark.parametrize(
    "make",
    [
        lambda p: pdfs.born_digital_pdf(p, [pdfs.DANISH]),
        lambda p: pdfs.logo_pdf(p, pdfs.DANISH),
        lambda p: pdfs.designed_cover_pdf(p, pdfs.DANISH),
        lambda p: pdfs.watermarked_pdf(p, pdfs.DANISH),
        pdfs.scanned_pdf,  # no text layer at all: that is for OCR to read
    ],
    ids=["born-digital", "logo", "text-over-background", "translucent-image-over-text", "scan"],
)
def test_pages_whose_text_is_seen_or_absent_are_not_a_scan_layer(tmp_path, make):
    assert page_has_scan_text_layer(make(tmp_path / "page.pdf"), 0) is False


def test_mixed_scan_and_typed_pages_are_told_apart(tmp_path):
    scan = pdfs.scan_with_text_layer_pdf(tmp_path / "scan.pdf", [pdfs.SCAN_LINES])
    typed = pdfs.born_digital_pdf(tmp_path / "typed.pdf", [pdfs.ENGLISH])
    with pikepdf.open(typed) as pdf, pikepdf.open(scan) as other:
        pdf.pages.extend(other.pages)
        pdf.save(tmp_path / "both.pdf")
    assert [page_has_scan_text_layer(tmp_path / "both.pdf", i) for i in (0, 1)] == [False, True]


@pytest.mark.parametrize(("scale", "expected"), [(1.0, True), (0.5, False)])
def test_a_scan_layer_inside_a_form_xobject_is_measured_on_the_page(tmp_path, scale, expected):
    # OCRmyPDF grafts its text layer into a Form XObject; the form's own matrix places it.
    path = pdfs.scan_in_form_pdf(tmp_path / "form.pdf", pdfs.SCAN_LINES, scale=scale)
    assert page_has_scan_text_layer(path, 0) is expected


def test_unreadable_files_are_not_a_scan_layer(tmp_path):
    locked = pdfs.encrypted_pdf(tmp_path / "locked.pdf", user="hemmelig")
    assert page_has_scan_text_layer(locked, 0) is False
    assert page_has_scan_text_layer(pdfs.corrupt_pdf(tmp_path / "corrupt.pdf"), 0) is False
    assert page_has_scan_text_layer(tmp_path / "missing.pdf", 0) is False


# --- corpus (read-only, skipped on a fresh clone) ------------------------------------------


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize(
    "name", ["rc4-40", "rc4-128", "aes-128", "aes-128-m", "aes-256", "aes-256-r6"]
)
def test_corpus_password_protected(workdir, name):
    # cpdf -encrypt <method> foo baz: the user password is "baz", so we cannot open them.
    with pytest.raises(PdfError, match="password"):
        inspect(CORPUS / "pdf" / "pdfminer" / f"{name}.pdf", workdir)


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("name", ["encrypted_doc_no_id", "dmca", "issue-625-identity-cmap"])
def test_corpus_empty_user_password(workdir, name):
    info = inspect(CORPUS / "pdf" / "pdfminer" / f"{name}.pdf", workdir)
    assert info.was_encrypted is True
    assert info.path.parent == workdir
    assert len(list(page_texts(info.path))) == info.page_count


@pytest.mark.corpus
@needs_corpus
def test_corpus_every_file_is_read_or_refused_clearly(workdir):
    files = sorted((CORPUS / "pdf").rglob("*.pdf")) + sorted((CORPUS / "ocr").glob("*.pdf"))
    assert files
    for path in files:
        try:
            info = inspect(path, workdir)
        except PdfError as exc:
            assert str(exc)
            continue
        assert sum(1 for _ in page_texts(info.path)) == info.page_count


@pytest.mark.corpus
@needs_corpus
def test_corpus_scanned_bilag_needs_ocr(workdir):
    info = inspect(CORPUS / "bilag" / "ukraine-1207" / "bilag.pdf", workdir)
    assert all(text_needs_ocr(page.text) for page in page_texts(info.path))


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("name", ["kina-412", "usa-95"])
def test_corpus_born_digital_bilag_needs_no_ocr(workdir, name):
    info = inspect(CORPUS / "bilag" / name / "bilag.pdf", workdir)
    flags = [text_needs_ocr(page.text) for page in page_texts(info.path)]
    # The last page of a printed web page is sometimes just a footer line.
    assert sum(flags) <= 1, flags


@pytest.mark.corpus
@needs_corpus
def test_corpus_ocrmypdf_output_is_a_scan_layer():
    # graph_ocred.pdf: OCRmyPDF's invisible text, then the scanned image painted over it.
    assert page_has_scan_text_layer(CORPUS / "ocr" / "graph_ocred.pdf", 0) is True
    assert page_has_scan_text_layer(CORPUS / "ocr" / "linn.pdf", 0) is False  # not yet OCR'd


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("name", ["kina-412", "usa-95", "ukraine-1207"])
def test_corpus_bilag_have_no_scan_layer(workdir, name):
    info = inspect(CORPUS / "bilag" / name / "bilag.pdf", workdir)
    assert not any(page_has_scan_text_layer(info.path, i) for i in range(info.page_count))


def test_lines_printed_as_web_links_are_numbered_by_the_texts_lines(tmp_path):
    path = pdfs.linked_pdf(
        tmp_path / "links.pdf",
        [
            [
                ("Home News Sport Weather", "https://example.org/", ""),
                ("The report describes arrests of returnees in the north.", "", ""),
                ("Read the full report here", "https://example.org/report", "here"),
                ("Contents", "#top", ""),  # a link within the document
                ("Floods in the south: farmers return", "https://example.org/floods", ""),
            ],
            [("Second page without links.", "", "")],
        ],
    )
    first, second = page_texts(path)
    lines = first.text.split("\n")
    assert [lines[i] for i in first.link_lines] == [
        "Home News Sport Weather",
        "Floods in the south: farmers return",
    ]
    assert second.link_lines == ()


def test_a_page_whose_characters_do_not_match_its_texts_lines_has_no_link_lines(
    tmp_path, monkeypatch
):
    path = pdfs.linked_pdf(tmp_path / "links.pdf", [[("Home News", "https://example.org/", "")]])
    assert next(page_texts(path)).link_lines == (0,)
    # Wrong line numbers would take the article's lines for links.
    read = pypdfium2.PdfTextPage.get_text_range
    monkeypatch.setattr(pypdfium2.PdfTextPage, "get_text_range", lambda tp: "\n" + read(tp))
    assert next(page_texts(path)).link_lines == ()


def test_a_link_printed_over_other_text_does_not_make_that_text_a_link(tmp_path):
    # A site's fixed footer, printed over the article: its link lies on the article's line.
    path = tmp_path / "overlay.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "The camps that receive the displaced are already overcrowded.")
    c.drawString(72, 709, "About us")
    c.linkURL("https://example.org/about", (72, 698, 400, 715), relative=0, thickness=0)
    c.drawString(72, 600, "Contact")
    c.linkURL("https://example.org/contact", (72, 597, 120, 611), relative=0, thickness=0)
    c.save()
    page = next(page_texts(path))
    assert [page.text.split("\n")[i] for i in page.link_lines] == ["Contact"]


def test_a_blank_line_marks_where_the_page_starts_a_paragraph(tmp_path):
    # A paragraph's lines keep their pitch; a margin, a heading's size or the next column
    # (a line higher up than the one before) starts a paragraph.
    path = tmp_path / "paragraphs.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(72, 780, "Returns to the north")
    c.setFont("Helvetica", 11)
    for y, text in [
        (750, "The ministry said that the first flights"),
        (736, "would leave in the spring."),
        (722, "Aid groups asked for more time."),
        (700, "Observers expect delays at the border"),
        (686, "crossings throughout the summer."),
        (664, "Read more news"),
        (750, "Most read"),
    ]:
        c.drawString(400 if text == "Most read" else 72, y, text)
    c.linkURL("https://example.org/news", (72, 661, 160, 675), relative=0, thickness=0)
    c.save()
    page = next(page_texts(path))
    assert page.text.split("\n\n") == [
        "Returns to the north",
        "The ministry said that the first flights\nwould leave in the spring.\n"
        "Aid groups asked for more time.",
        "Observers expect delays at the border\ncrossings throughout the summer.",
        "Read more news",
        "Most read",
    ]
    assert [page.text.split("\n")[i] for i in page.link_lines] == ["Read more news"]


def test_footnote_marks_set_small_and_raised_after_a_word_go(tmp_path):
    # "… in 2024.¹² The …": the mark goes; the footnote's own number at the line's start
    # and the digits of the line's own size stay.
    path = tmp_path / "footnotes.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)

    def write(x: float, y: float, text: str, size: float = 11) -> float:
        c.setFont("Helvetica", size)
        c.drawString(x, y, text)
        return x + c.stringWidth(text, "Helvetica", size)

    x = write(72, 700, "Arrests rose sharply in 2024.")
    x = write(x, 704, "12", 7)
    write(x, 700, " Returnees were questioned.")
    write(72, 686, "Emissions fell in 2023 by 4 per cent.")
    x = write(72, 100, "12", 7)
    write(x + 2, 97, "UN agency, Return monitoring, 2025.", 9)
    c.save()
    lines = [line for line in next(page_texts(path)).text.split("\n") if line]
    assert lines == [
        "Arrests rose sharply in 2024. Returnees were questioned.",
        "Emissions fell in 2023 by 4 per cent.",
        "12 UN agency, Return monitoring, 2025.",
    ]


def test_a_pdf_made_by_a_browser_is_told_by_its_producer(tmp_path):
    pdf = pdfs.born_digital_pdf(tmp_path / "report.pdf", ["The report's text."])
    assert not made_by_browser(pdf)  # ReportLab's
    assert made_by_browser(pdfs.with_producer(pdf, "Skia/PDF m120"))
    assert not made_by_browser(pdfs.with_producer(pdf, "Microsoft® Word for Microsoft 365"))
    assert not made_by_browser(pdfs.corrupt_pdf(tmp_path / "corrupt.pdf"))


# --- right-to-left script ------------------------------------------------------------------

SYRIA_AR = "أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق."


@pytest.mark.skipif(not pdfs.CHROMIUM.exists(), reason=f"{pdfs.CHROMIUM} is not installed")
def test_arabic_printed_by_chromium_reads_as_written(tmp_path):
    # Chromium prints some Arabic words glyph by glyph from the left; pdfium alone reads
    # them backwards ("ةيروس" for "سورية").
    html = (
        f'<html lang="ar" dir="rtl"><meta charset="utf-8"><p>{SYRIA_AR}</p><p dir="ltr">Floods.</p>'
    )
    page = next(page_texts(pdfs.printed_page(tmp_path / "ar.pdf", html)))
    assert " ".join(page.text.split()) == SYRIA_AR + " Floods."


def _laid_out(words: list[tuple[str, bool]]) -> tuple[list[str], list[float]]:
    """Characters as a PDF may hold them for a line set from the right: each word a run of
    characters, its letters either in reading order (going leftwards) or, when the flag
    says so, glyph by glyph from the left."""
    chars: list[str] = []
    lefts: list[float] = []
    right = 500.0
    for word, from_the_left in words:
        right -= 5 * len(word)
        positions = [right + 5 * (len(word) - 1 - k) for k in range(len(word))]
        if from_the_left:
            word, positions = word[::-1], positions[::-1]
        chars += [*word, " "]
        lefts += [*positions, right - 5]
        right -= 5
    return chars[:-1], lefts[:-1]


def test_right_to_left_words_held_from_the_left_are_turned_round():
    chars, lefts = _laid_out([("جهات", False), ("سورية", True), ("معارضة", True)])
    assert logical_order(chars, lefts) == "جهات سورية معارضة"


def test_a_vowel_sign_printed_after_a_space_or_stop_goes_on_its_word():
    # "تصفحًا" as pdfium reads Chromium's print: the word backwards, then the word space
    # (at the word's left), then the sign and the alef.
    chars = [*"حفصت", " ", "\u064b", "ا"]
    lefts = [273.0, 281.7, 290.3, 302.1, 267.7, 270.7, 269.0]
    assert logical_order(chars, lefts) == "تصفح\u064bا "
    chars = [*"جيدا", ".", "\u064b"]
    assert logical_order(chars, [30.0, 25.0, 20.0, 15.0, 10.0, 12.0]) == "جيدا\u064b."


def test_a_sentences_closing_marks_printed_before_the_line_go_to_its_end():
    chars, lefts = _laid_out([('".السوري', False), ("المعارض", False)])
    assert logical_order(chars, lefts) == 'السوري المعارض."'


def test_text_from_the_left_is_left_as_it_is():
    text = "Floods in al-Hasakah, 2019.\n.NET release"
    chars = list(text)
    assert logical_order(chars, [5.0 * k for k in range(len(chars))]) == text
