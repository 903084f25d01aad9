import hashlib
import re
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from bilag.pipeline import ocr
from bilag.pipeline.extract import PdfError, page_texts, text_needs_ocr
from bilag.pipeline.ocr import (
    MAX_PIXELS,
    OcrError,
    OcrUnavailable,
    check_ocr,
    make_searchable_pdf,
    ocr_page,
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
    assert text_needs_ocr(next(page_texts(scanned)))
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


# --- make_searchable_pdf -------------------------------------------------------------------


def test_searchable_copy_has_text_layer(tmp_path):
    src = pdfs.mixed_pdf(tmp_path / "mixed.pdf")
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    dst = tmp_path / "out" / "searchable.pdf"
    dst.parent.mkdir()

    make_searchable_pdf(src, dst, languages=LANGS, pages=[1], timeout=120)

    texts = list(page_texts(dst))
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
    assert text_needs_ocr(next(page_texts(path)))
    found = set(words(ocr_page(path, 1, languages=LANGS, timeout=120)))
    assert {"sondland", "trump", "ukraine", "impeachment"} <= found
