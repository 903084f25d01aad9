import hashlib
import re
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from bilag.pipeline import ocr
from bilag.pipeline.extract import PdfError, page_texts, text_needs_ocr
from bilag.pipeline.ocr import (
    IMAGE_DPI_FLOOR,
    MAX_PIXELS,
    OcrError,
    OcrUnavailable,
    check_ocr,
    make_searchable_pdf,
    ocr_page,
    render_page,
    render_scale,
)
from tests import pdfs

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LANGS = ["dan", "eng"]

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return pdfs.scanned_pdf(tmp_path_factory.mktemp("scan") / "scan.pdf")


# --- check_ocr -----------------------------------------------------------------------------


def test_check_ocr_accepts_installed_languages():
    check_ocr(LANGS)


def test_missing_language_names_the_package():
    with pytest.raises(
        OcrUnavailable, match=r"'xyz' is missing \(apt-get install tesseract-ocr-xyz\)"
    ):
        check_ocr(["eng", "xyz"])


def test_missing_tesseract_names_the_package(monkeypatch):
    ocr._installed_languages.cache_clear()
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    try:
        with pytest.raises(OcrUnavailable, match=r"apt-get install tesseract-ocr\)"):
            check_ocr(LANGS)
    finally:
        ocr._installed_languages.cache_clear()


def test_language_codes_are_validated():
    with pytest.raises(ValueError):
        check_ocr(["eng; rm -rf /"])


# --- ocr_page ------------------------------------------------------------------------------


def test_scanned_page_is_read(scanned):
    assert text_needs_ocr(next(page_texts(scanned)).text)
    text = ocr_page(scanned, 0, languages=LANGS, timeout=60)
    found = set(words(text))
    assert {"flygtningenævnet", "udlændingestyrelsen", "sikkerhedssituationen"} <= found
    assert {"security", "journalists", "detained"} <= found
    assert not text_needs_ocr(text)


def test_page_rotate_is_applied(tmp_path):
    # A scan stored sideways and put upright with /Rotate, as scanner software does.
    img = pdfs.text_image(pdfs.SCAN_LINES[2:]).rotate(90, expand=True)
    path = tmp_path / "rotated.pdf"
    img.save(path, resolution=150)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = 90
        pdf.save(path)
    assert {"security", "journalists"} <= set(words(ocr_page(path, 0, languages=LANGS, timeout=60)))


def test_upside_down_scan_is_read(tmp_path):
    # Tesseract's default layout analysis copes with sideways lines but not upside-down ones;
    # the low confidence triggers a second pass with orientation detection.
    img = pdfs.text_image(pdfs.SCAN_LINES * 3).rotate(180)
    path = tmp_path / "upside-down.pdf"
    img.save(path, resolution=150)
    found = set(words(ocr_page(path, 0, languages=LANGS, timeout=60)))
    assert {"security", "journalists", "flygtningenævnet"} <= found


def test_page_index_out_of_range(scanned):
    with pytest.raises(IndexError):
        ocr_page(scanned, 5, languages=LANGS, timeout=60)


def test_ocr_timeout(scanned):
    with pytest.raises(OcrError, match="took longer than"):
        ocr_page(scanned, 0, languages=LANGS, timeout=0.01)


def test_render_scale_limits_pixels():
    assert render_scale(595, 842, 300) == pytest.approx(300 / 72)
    scale = render_scale(8400, 8400, 300)  # a 35000 px square page at 300 dpi
    assert (8400 * scale) ** 2 <= MAX_PIXELS
    with pytest.raises(PdfError, match="too large"):
        render_scale(200_000, 200_000, 300)
    with pytest.raises(PdfError):
        render_scale(0, 842, 300)


# --- render resolution ---------------------------------------------------------------------


def image_scan(path: Path, dpi: int) -> Path:
    """One page that is one image of text at `dpi` (the page is the image's size)."""
    pdfs.text_image(pdfs.SCAN_LINES).save(path, resolution=dpi)
    return path


def rendered(path: Path, tmp_path: Path, dpi: int = 300) -> tuple[int, tuple[int, int]]:
    out = tmp_path / "page.pgm"
    used = render_page(path, 0, out, dpi=dpi)
    with Image.open(out) as image:
        return used, image.size


@pytest.mark.parametrize("dpi", [150, 200, 240])
def test_scan_is_rendered_at_its_own_resolution(tmp_path, dpi):
    # Not upsampled to 300 dpi: the page image has the scan's own pixels.
    width, height = pdfs.text_image(pdfs.SCAN_LINES).size
    used, size = rendered(image_scan(tmp_path / "scan.pdf", dpi), tmp_path)
    assert used == dpi
    assert abs(size[0] - width) <= 1 and abs(size[1] - height) <= 1


@pytest.mark.parametrize("dpi", [300, 400, 600])
def test_fine_scan_is_rendered_at_the_asked_dpi(tmp_path, dpi):
    used, size = rendered(image_scan(tmp_path / "scan.pdf", dpi), tmp_path)
    assert used == 300
    width = pdfs.text_image(pdfs.SCAN_LINES).width
    assert abs(size[0] - width * 300 / dpi) <= 1
    # A lower asked dpi still wins over the image's.
    assert rendered(tmp_path / "scan.pdf", tmp_path, dpi=200)[0] == 200


@pytest.mark.parametrize("dpi", [60, 100])
def test_coarse_scan_is_upsampled_to_the_floor(tmp_path, dpi):
    used, _ = rendered(image_scan(tmp_path / "scan.pdf", dpi), tmp_path)
    assert used == IMAGE_DPI_FLOOR == 150


def test_page_without_images_keeps_the_asked_dpi(tmp_path):
    path = pdfs.born_digital_pdf(tmp_path / "born.pdf", [pdfs.ENGLISH])
    assert rendered(path, tmp_path)[0] == 300
    # Text drawn as vector paths only (no text objects, no images).
    c = canvas.Canvas(str(tmp_path / "paths.pdf"), pagesize=A4)
    c.setLineWidth(2)
    for y in range(100, 700, 20):
        c.line(72, y, 500, y + 5)
    c.save()
    assert rendered(tmp_path / "paths.pdf", tmp_path)[0] == 300


def _image_page(path: Path, dpi: int, draw) -> Path:
    """A 150 dpi-ish image of text placed at `dpi`, plus whatever `draw(canvas)` adds."""
    img = pdfs.text_image(pdfs.SCAN_LINES)
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = img.width * 72 / dpi, img.height * 72 / dpi
    c.drawImage(ImageReader(img), 36, A4[1] - 36 - h, width=w, height=h)
    draw(c)
    c.save()
    return path


def test_image_with_visible_vector_content_keeps_the_asked_dpi(tmp_path):
    # Printed text or lines next to a coarse image need the full resolution.
    def text(c):
        c.setFont("Helvetica", 10)
        c.drawString(72, 72, "Flygtningenævnet, printed text below a pasted image")

    def line(c):
        c.line(72, 72, 500, 72)

    assert rendered(_image_page(tmp_path / "text.pdf", 150, text), tmp_path)[0] == 300
    assert rendered(_image_page(tmp_path / "line.pdf", 150, line), tmp_path)[0] == 300
    assert rendered(_image_page(tmp_path / "bare.pdf", 150, lambda c: None), tmp_path)[0] == 150


def test_invisible_ocr_layer_does_not_raise_the_dpi(tmp_path):
    def ocr_layer(c):
        t = c.beginText(72, 72)
        t.setTextRenderMode(3)  # invisible, as OCRmyPDF writes it
        t.setFont("Helvetica", 10)
        t.textLine("security journalists detained")
        c.drawText(t)

    assert rendered(_image_page(tmp_path / "ocred.pdf", 200, ocr_layer), tmp_path)[0] == 200


def test_highest_image_resolution_counts(tmp_path):
    img = pdfs.text_image(pdfs.SCAN_LINES)
    c = canvas.Canvas(str(tmp_path / "two.pdf"), pagesize=A4)
    c.drawImage(ImageReader(img), 36, 400, width=img.width * 72 / 160, height=img.height * 72 / 160)
    c.drawImage(ImageReader(img), 36, 36, width=img.width * 72 / 220, height=img.height * 72 / 220)
    c.save()
    assert rendered(tmp_path / "two.pdf", tmp_path)[0] == 220


def test_image_in_form_xobject_is_measured_on_the_page(tmp_path):
    # 600 px wide, drawn 200 units wide in a form scaled by 0.5 inside, placed scaled by 2 on
    # the page: 200 pt on the page, so 216 dpi (the form's inner size alone would say 432).
    pdf = pikepdf.new()
    image = pikepdf.Stream(
        pdf, bytes(600 * 400), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
        Width=600, Height=400, ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8,
    )  # fmt: skip
    form = pikepdf.Stream(
        pdf, b"q 200 0 0 133.33 0 0 cm /Im0 Do Q", Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form, BBox=[0, 0, 1000, 1000], Matrix=[0.5, 0, 0, 0.5, 0, 0],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
    )  # fmt: skip
    page = pdf.add_blank_page(page_size=(612, 792))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
    page.Contents = pdf.make_stream(b"q 2 0 0 2 10 10 cm /Fm0 Do Q")
    pdf.save(tmp_path / "form.pdf")
    assert rendered(tmp_path / "form.pdf", tmp_path)[0] == 216


def test_low_resolution_scan_is_read_with_its_dpi(tmp_path, monkeypatch):
    # Tesseract is told the dpi the page was rendered at, and the text is still read.
    seen = []
    real = ocr._tesseract

    def spy(image, **kwargs):
        seen.append(kwargs["dpi"])
        return real(image, **kwargs)

    monkeypatch.setattr(ocr, "_tesseract", spy)
    found = set(
        words(ocr_page(image_scan(tmp_path / "scan.pdf", 200), 0, languages=LANGS, timeout=60))
    )
    assert {"flygtningenævnet", "sikkerhedssituationen", "security", "journalists"} <= found
    assert seen and set(seen) == {200}


# --- make_searchable_pdf -------------------------------------------------------------------


def test_searchable_copy_has_text_layer(tmp_path):
    src = pdfs.mixed_pdf(tmp_path / "mixed.pdf")
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    dst = tmp_path / "out" / "searchable.pdf"
    dst.parent.mkdir()

    make_searchable_pdf(src, dst, languages=LANGS, pages=[1], timeout=120)

    texts = [page.text for page in page_texts(dst)]
    assert len(texts) == 2
    assert "journalists were detained" in " ".join(texts[0].split())  # kept, not re-OCR'd
    assert {"flygtningenævnet", "sikkerhedssituationen", "security"} <= set(words(texts[1]))
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest
    assert [p.name for p in dst.parent.iterdir()] == ["searchable.pdf"]


def test_searchable_copy_failure_is_clear_and_leaves_nothing(tmp_path):
    src = pdfs.corrupt_pdf(tmp_path / "bad.pdf")
    dst = tmp_path / "out.pdf"
    with pytest.raises(OcrError, match="OCRmyPDF failed"):
        make_searchable_pdf(src, dst, languages=LANGS, pages=None, timeout=120)
    assert not dst.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.pdf"]


def test_searchable_copy_timeout(tmp_path, scanned):
    dst = tmp_path / "out.pdf"
    with pytest.raises(OcrError, match="took longer than"):
        make_searchable_pdf(scanned, dst, languages=LANGS, pages=None, timeout=0.5)
    assert not dst.exists()


# --- corpus (read-only, skipped on a fresh clone) ------------------------------------------


def word_recall(gold: str, text: str) -> float:
    gold_words, found = Counter(words(gold)), Counter(words(text))
    return sum((gold_words & found).values()) / sum(gold_words.values())


@pytest.mark.corpus
@needs_corpus
def test_corpus_linn_accuracy():
    text = ocr_page(CORPUS / "ocr" / "linn.pdf", 0, languages=LANGS, timeout=120)
    assert word_recall((CORPUS / "ocr" / "linn.txt").read_text(), text) >= 0.9


@pytest.mark.corpus
@needs_corpus
def test_corpus_blank_page():
    assert words(ocr_page(CORPUS / "ocr" / "blank.pdf", 0, languages=LANGS, timeout=60)) == []


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("name", ["hugemono", "enormous"])
def test_corpus_huge_pages_are_scaled_not_fatal(name):
    # hugemono is a 35000x35000 px JBIG2 image: rendered scaled down to MAX_PIXELS.
    try:
        text = ocr_page(CORPUS / "ocr" / f"{name}.pdf", 0, languages=LANGS, timeout=120)
    except PdfError as exc:
        assert "too large" in str(exc)
    else:
        assert isinstance(text, str)


@pytest.mark.corpus
@needs_corpus
def test_corpus_scanned_bilag_is_read():
    path = CORPUS / "bilag" / "ukraine-1207" / "bilag.pdf"
    assert text_needs_ocr(next(page_texts(path)).text)
    found = set(words(ocr_page(path, 1, languages=LANGS, timeout=120)))
    assert {"sondland", "trump", "ukraine", "impeachment"} <= found


@pytest.mark.corpus
@needs_corpus
def test_corpus_scanned_bilag_is_not_upsampled(tmp_path):
    # Its pages are images of 96 dpi relative to their (oversized) page: rendered at the floor
    # of 150 dpi rather than at 300 dpi (37 MP a page).
    path = CORPUS / "bilag" / "ukraine-1207" / "bilag.pdf"
    assert render_page(path, 1, tmp_path / "page.pgm") == IMAGE_DPI_FLOOR
