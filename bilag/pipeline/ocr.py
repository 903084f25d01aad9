"""OCR with Tesseract: the text of one page, and a searchable archive copy via OCRmyPDF.

Every external tool runs as a subprocess with a time limit, in its own process group so that a
timeout also kills its children. Nothing here imports Django.
"""

from __future__ import annotations

import ctypes
import functools
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from bilag.pipeline.errors import PipelineError
from bilag.pipeline.extract import PdfError

# One page image at a time, never larger than this: 50 MP of 8-bit gray is 50 MB, which also
# bounds Tesseract's memory (roughly 10x the image). A 300 dpi A3 page is about 17 MP.
MAX_PIXELS = 50_000_000
# Below this resolution text is unreadable anyway; a page that would need it is not a document.
MIN_DPI = 50
# A page that is only images (a scan) is rendered at its images' own resolution, as OCRmyPDF
# does: upsampling a 200 dpi scan to 300 dpi adds no detail, only pixels (2.25x) for pdfium and
# Tesseract. Coarser images are still upsampled to this floor: measured on OCRmyPDF's linn scan
# resampled to 75 and 100 dpi, word recall went from 62 % and 94.6 % at the image's own
# resolution to 94.7 % and 96.2 % at 150 dpi, and no higher at 200 or 300 dpi.
IMAGE_DPI_FLOOR = 150
OCR_ENV = {"OMP_THREAD_LIMIT": "1"}  # Tesseract's OpenMP threads fight each other on workers
_LANG = re.compile(r"^[A-Za-z0-9_]+$")


class OcrUnavailable(PipelineError):
    """Tesseract or one of its languages is not installed; names the Debian package."""


class OcrError(PipelineError):
    """OCR ran but failed or took too long."""


def _env() -> dict[str, str]:
    return {**os.environ, **OCR_ENV}


def _run(
    args: list[str], *, timeout: float, what: str, code: str, **params
) -> subprocess.CompletedProcess[bytes]:
    """Run `args` with a time limit; on timeout kill the whole process group and raise an
    OcrError with `code` and `params` (and the seconds)."""
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        start_new_session=True,  # its own process group, so killpg reaches Tesseract children
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise OcrError(
            f"{what} took longer than {timeout:g} seconds and was stopped",
            code,
            seconds=f"{timeout:g}",
            **params,
        ) from None
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


@functools.cache
def _installed_languages() -> frozenset[str]:
    if shutil.which("tesseract") is None:
        raise OcrUnavailable(
            "Tesseract is not installed (apt-get install tesseract-ocr)", "tesseract_missing"
        )
    proc = _run(
        ["tesseract", "--list-langs"], timeout=30, what="tesseract --list-langs", code="timeout"
    )
    # The first line is a header ("List of available languages in ...").
    lines = proc.stdout.decode("utf-8", "replace").splitlines()[1:]
    return frozenset(line.strip() for line in lines if line.strip())


def _debian_package(lang: str) -> str:
    return "tesseract-ocr-" + lang.lower().replace("_", "-")


def check_ocr(languages: list[str]) -> None:
    """Raise OcrUnavailable unless Tesseract and every language in `languages` are installed."""
    if not languages:
        raise ValueError("at least one OCR language is needed")
    installed = _installed_languages()
    for lang in languages:
        if not _LANG.match(lang):
            raise ValueError(f"not a Tesseract language code: {lang!r}")
        if lang not in installed:
            package = _debian_package(lang)
            raise OcrUnavailable(
                f"Tesseract language data {lang!r} is missing (apt-get install {package})",
                "language_missing",
                language=lang,
                package=package,
            )


def render_scale(width_pt: float, height_pt: float, dpi: int) -> float:
    """Scale (pixels per point) for rendering at `dpi`, reduced to stay within MAX_PIXELS."""
    if width_pt <= 0 or height_pt <= 0:
        raise PdfError("The page has no size and cannot be rendered", "page_no_size")
    scale = dpi / 72
    if width_pt * height_pt * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (width_pt * height_pt))
    if scale * 72 < MIN_DPI:
        width, height = f"{width_pt / 72 * 2.54:.0f}", f"{height_pt / 72 * 2.54:.0f}"
        raise PdfError(
            f"A page is too large to read ({width} × {height} cm)",
            "page_too_large",
            width=width,
            height=height,
        )
    return scale


_INVISIBLE_TEXT = {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP}


def _draws_vectors(obj: pdfium.PdfObject) -> bool:
    """Whether a page object paints anything other than an image."""
    if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:  # an OCR layer (render mode 3) paints nothing
        return pdfium_c.FPDFTextObj_GetTextRenderMode(obj) not in _INVISIBLE_TEXT
    if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        if pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
            return bool(fill.value or stroke.value)
        return True
    return obj.type == pdfium_c.FPDF_PAGEOBJ_SHADING  # images and forms (their kids follow) not


def image_dpi(page: pdfium.PdfPage) -> float | None:
    """The highest resolution of the images on a page that paints nothing but images.

    None when the page has no images, or also has vector graphics or visible text, which need
    the full resolution. An image's resolution is its pixel size over its placed size on the
    page, along each of its axes (the larger of the two counts); images in Form XObjects count.
    """
    best = None
    for obj in page.get_objects():
        if _draws_vectors(obj):
            return None
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        matrix, container = obj.get_matrix(), obj.container
        while container is not None:  # from the Form XObject's space to the page's
            matrix = matrix.multiply(container.get_matrix())
            container = container.container
        a, b, c, d, _, _ = matrix.get()
        width_pt, height_pt = math.hypot(a, b), math.hypot(c, d)
        if width_pt <= 0 or height_pt <= 0:
            continue  # placed with no size: paints nothing
        width_px, height_px = obj.get_px_size()
        dpi = max(width_px * 72 / width_pt, height_px * 72 / height_pt)
        best = dpi if best is None else max(best, dpi)
    return best


def render_dpi(page: pdfium.PdfPage, dpi: int) -> int:
    """The dpi to render `page` at: `dpi`, capped at its images' own (see IMAGE_DPI_FLOOR)."""
    try:
        images = image_dpi(page)
    except pdfium.PdfiumError:  # an image pdfium cannot size: render as asked
        return dpi
    if images is None:
        return dpi
    # ceil, less a rounding margin: 199.9997 dpi is a 200 dpi scan and must not lose a pixel.
    return min(dpi, max(IMAGE_DPI_FLOOR, math.ceil(images - 0.01)))


def render_page(path: Path, page_index: int, out: Path, *, dpi: int = 300) -> int:
    """Render one page (with its /Rotate applied) to a grayscale image file; returns its dpi.

    The dpi is lower than asked for when the page is only images of a lower resolution (a scan
    at 200 dpi is rendered at 200 dpi; see render_dpi), or when the page is so large that it
    had to be scaled down.
    """
    doc = pdfium.PdfDocument(path)
    try:
        if not 0 <= page_index < len(doc):
            raise IndexError(f"page {page_index} out of range (the PDF has {len(doc)} pages)")
        page = doc[page_index]
        try:
            scale = render_scale(*page.get_size(), render_dpi(page, dpi))
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                image = bitmap.to_pil()
                # Uncompressed PGM: Tesseract reads it directly and we skip PNG compression.
                image.save(out, format="PPM")
                image.close()
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        doc.close()
    return round(scale * 72)


def tesseract_args(image: Path, *, languages: list[str], dpi: int) -> list[str]:
    """The bare Tesseract command line for a page image (the benchmark's baseline)."""
    return ["tesseract", str(image), "stdout", "-l", "+".join(languages), "--dpi", str(dpi)]


# Below this mean word confidence (0-100) the page is probably turned sideways or upside down:
# upright print scores 80-95, a page read at the wrong orientation about 40.
LOW_CONFIDENCE = 60
_MIN_WORDS_FOR_CONFIDENCE = 10


def _tesseract(
    image: Path, *, languages: list[str], dpi: int, psm: int, timeout: float, page: int
) -> tuple[str, float]:
    """Run Tesseract once, writing text and word confidences; returns (text, mean confidence)."""
    outbase = image.with_name(f"{image.stem}-psm{psm}")
    args = [
        "tesseract", str(image), str(outbase), "-l", "+".join(languages), "--dpi", str(dpi),
        "--psm", str(psm), "txt", "tsv",
    ]  # fmt: skip
    proc = _run(args, timeout=timeout, what=f"OCR of page {page}", code="page_timeout", page=page)
    if proc.returncode != 0:
        detail = _last_line(proc.stderr)
        message = f"Tesseract failed on page {page}: {detail}"
        raise OcrError(message, "tesseract_failed", page=page, detail=detail)
    text = outbase.with_suffix(".txt").read_text("utf-8", "replace")
    confidences = []
    for row in outbase.with_suffix(".tsv").read_text("utf-8", "replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[0] == "5" and cols[11].strip():  # level 5 = word
            confidences.append(float(cols[10]))
    if len(confidences) < _MIN_WORDS_FOR_CONFIDENCE:
        return text, 100.0  # too few words to judge; blank pages end up here
    return text, sum(confidences) / len(confidences)


def ocr_page(
    path: Path, page_index: int, *, languages: list[str], dpi: int = 300, timeout: float
) -> str:
    """OCR one page (0-based index) of the PDF at `path` and return its text.

    The page's /Rotate is applied when rendering. When Tesseract's confidence is low the page
    is read again with orientation detection (--psm 1), which only costs time on such pages.
    """
    check_ocr(languages)
    with tempfile.TemporaryDirectory(prefix="bilag-ocr-") as tmp:
        image = Path(tmp) / "page.pgm"
        used_dpi = render_page(Path(path), page_index, image, dpi=dpi)
        opts = {"languages": languages, "dpi": used_dpi, "timeout": timeout, "page": page_index + 1}
        text, confidence = _tesseract(image, psm=3, **opts)
        if confidence < LOW_CONFIDENCE:
            rotated_text, rotated_confidence = _tesseract(image, psm=1, **opts)
            if rotated_confidence > confidence:
                text = rotated_text
    return text.replace("\x00", "").replace("\f", "")


def _last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1] if lines else "no error message"


# OCRmyPDF's documented exit codes, in words for staff.
_OCRMYPDF_EXIT = {
    2: "invalid options",
    3: "the input file could not be read as a PDF",
    4: "the output file is not a valid PDF",
    5: "a file could not be accessed",
    6: "the PDF already has text",
    7: "a helper program is missing",
    8: "the PDF is encrypted",
    9: "the configuration is invalid",
    10: "the output is not valid PDF/A",
    15: "an unexpected error",
    130: "it was interrupted",
}


def make_searchable_pdf(
    src: Path, dst: Path, *, languages: list[str], pages: list[int] | None, timeout: float
) -> None:
    """Write `dst`: a copy of `src` with an OCR text layer on its image-only pages.

    `pages` are 0-based page indexes to OCR (None: every page). Pages that already have text are
    kept as they are (OCRmyPDF's skip-text mode). `src` is never modified. Raises OcrError on
    failure or when `timeout` (seconds, for the whole file) runs out.
    """
    check_ocr(languages)
    src, dst = Path(src), Path(dst)
    # Write next to dst and rename, so a failed run never leaves half a file behind.
    fd, tmp_name = tempfile.mkstemp(prefix=".ocr-", suffix=".pdf", dir=dst.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    args = [
        sys.executable,
        "-m",
        "ocrmypdf",
        "--mode",
        "skip",
        "--output-type",
        "pdf",  # PDF/A would need Ghostscript and is slower; the original is archived anyway
        "--optimize",
        "0",
        "--jobs",
        "1",
        "--quiet",
        "--language",
        "+".join(languages),
        "--tesseract-timeout",
        str(max(1, int(timeout))),
        "--skip-big",
        str(MAX_PIXELS // 1_000_000),
    ]
    if pages is not None:
        if not pages:
            shutil.copyfile(src, tmp)
            tmp.chmod(0o644)
            tmp.replace(dst)
            return
        args += ["--pages", ",".join(str(i + 1) for i in sorted(set(pages)))]
    args += [str(src), str(tmp)]
    try:
        proc = _run(args, timeout=timeout, what="Making the searchable PDF", code="archive_timeout")
        if proc.returncode != 0:
            reason = _OCRMYPDF_EXIT.get(proc.returncode, f"exit code {proc.returncode}")
            detail = _last_line(proc.stderr)
            raise OcrError(
                f"OCRmyPDF failed ({reason}): {detail}",
                "ocrmypdf_failed",
                reason=reason,
                detail=detail,
            )
        tmp.chmod(0o644)  # mkstemp makes it private; the archive copy is served to readers
        tmp.replace(dst)
    finally:
        tmp.unlink(missing_ok=True)
