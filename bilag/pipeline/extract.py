"""Validate an uploaded PDF and read its text layer, page by page.

Plain functions on paths and strings; nothing here imports Django.
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .errors import PipelineError

MAGIC_WINDOW = 1024  # readers accept the header anywhere in the first KiB
_CHUNK = 1024 * 1024


class PdfError(PipelineError):
    """The file cannot be used."""


@dataclass
class PdfInfo:
    page_count: int
    sha256: str
    was_encrypted: bool
    path: Path  # the readable (possibly decrypted or repaired) copy to use from here on
    made_by_browser: bool  # see made_by_browser()


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:,.0f} MB"
    if n >= 1000:
        return f"{n / 1000:,.0f} kB"
    return f"{n:,} bytes"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _describe_start(head: bytes) -> str:
    start = head.lstrip()[:16].decode("latin-1")
    start = "".join(ch if ch.isprintable() else "·" for ch in start)
    return repr(start)


def damaged(detail: str) -> PdfError:
    return PdfError(f"The PDF is damaged and cannot be read: {detail}", "damaged", detail=detail)


def _pikepdf_reason(exc: Exception, path: Path) -> str:
    # qpdf prefixes its messages with the file name, which means nothing to staff.
    return str(exc).replace(f"{path}: ", "").strip() or type(exc).__name__


def _open_pdfium(path: Path) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(path)


def inspect_pdf(path: Path, workdir: Path, *, max_bytes: int, max_pages: int) -> PdfInfo:
    """Check that `path` is a readable PDF within the limits; never modifies it.

    An encrypted PDF that opens with an empty user password is decrypted into `workdir`, and a
    damaged PDF that qpdf can repair is rewritten there, so later stages (OCRmyPDF in
    particular) get a plain file.
    """
    path = Path(path)
    workdir = Path(workdir)
    size = path.stat().st_size
    if size == 0:
        raise PdfError("The file is empty", "empty")
    if size > max_bytes:
        raise PdfError(
            f"The file is {_size(size)}; the limit is {_size(max_bytes)}",
            "too_big",
            size=_size(size),
            limit=_size(max_bytes),
        )
    with path.open("rb") as f:
        head = f.read(MAGIC_WINDOW)
    if b"%PDF-" not in head:
        start = _describe_start(head)
        raise PdfError(f"The file is not a PDF (it starts with {start})", "not_pdf", start=start)

    sha256 = _sha256(path)
    usable = path
    was_encrypted = False
    try:
        doc = _open_pdfium(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, 5):  # 5: security
            raise PdfError("The PDF is protected by a password", "password") from exc
        # PDFium gives up on some files that qpdf can still recover (and on page-less ones).
        doc = None
        usable, was_encrypted = _repair(path, workdir)
    try:
        if doc is None:
            try:
                doc = _open_pdfium(usable)
            except pdfium.PdfiumError as exc:
                raise damaged(str(exc)) from exc
        else:
            was_encrypted = pdfium_c.FPDF_GetSecurityHandlerRevision(doc.raw) != -1
        page_count = len(doc)
        browser = _made_by_browser(doc)
    finally:
        if doc is not None:
            doc.close()

    if page_count == 0:
        raise PdfError("The PDF has no pages", "no_pages")
    if page_count > max_pages:
        raise PdfError(
            f"The PDF has {page_count:,} pages; the limit is {max_pages:,}",
            "too_many_pages",
            pages=page_count,
            limit=max_pages,
        )
    if was_encrypted and usable == path:
        usable = _decrypt(path, workdir)
    return PdfInfo(
        page_count=page_count,
        sha256=sha256,
        was_encrypted=was_encrypted,
        path=usable,
        made_by_browser=browser,
    )


def _repair(path: Path, workdir: Path) -> tuple[Path, bool]:
    """Rewrite a file PDFium rejects with qpdf; returns the copy and whether it was encrypted."""
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) == 0:
                raise PdfError("The PDF has no pages", "no_pages")
            out = workdir / "repaired.pdf"
            pdf.save(out)  # also drops encryption with an empty user password
            return out, pdf.is_encrypted
    except pikepdf.PasswordError as exc:
        raise PdfError("The PDF is protected by a password", "password") from exc
    except pikepdf.PdfError as exc:
        raise damaged(_pikepdf_reason(exc, path)) from exc


def _decrypt(path: Path, workdir: Path) -> Path:
    try:
        with pikepdf.open(path) as pdf:  # empty user password
            out = workdir / "decrypted.pdf"
            pdf.save(out)  # saving without `encryption=` drops the encryption
            return out
    except pikepdf.PasswordError as exc:
        raise PdfError("The PDF is protected by a password", "password") from exc
    except pikepdf.PdfError as exc:
        detail = _pikepdf_reason(exc, path)
        raise PdfError(
            f"The PDF is encrypted and could not be decrypted: {detail}",
            "undecryptable",
            detail=detail,
        ) from exc


@dataclass(frozen=True)
class PageText:
    text: str
    # The numbers of the text's lines (counted from 0, split at "\n") that the page prints as
    # the text of a web link: menus, teaser lists and share bars are made of them.
    link_lines: tuple[int, ...] = ()


LINK_SHARE = 0.9  # of a line's letters inside a link's area that make it a link's text
_LINK_SLACK = 1.0  # points around a link's area that a glyph's centre may stand in
_LINE_PITCH = 9.0  # points from one line to the next in the smallest print
_BAND = 20.0  # points of the page's height in one band of link areas
# Paragraphs: a margin of this much of the type's size more than the paragraph's own pitch
# starts one, and so does a change of this share in the type's size, or a line that stands
# higher than the one before (a new column).
_MARGIN = 0.35
_SIZE_CHANGE = 0.15
_SAME_LINE = 0.3  # pdfium splits a line at a wide space; its pieces share a baseline
_MAX_PITCH = 3.0  # of the type's size: lines further apart are no paragraph's
# A footnote's mark: a digit set this much smaller than the line's type, its foot raised by
# this share of the type's size above the line's baseline.
_MARK_SIZE = 0.8
_MARK_RISE = 0.2
_SAMPLE_GLYPHS = 8  # glyphs of a line that tell its baseline and size of type
_LONE_PITCH = 1.6  # a line's pitch to the next, of the type's size, when no paragraph tells


def page_texts(path: Path) -> Iterator[PageText]:
    """Yield the text layer of each page in order, loading one page at a time."""
    doc = _open_pdfium(Path(path))
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                    if _RIGHT_TO_LEFT.search(text):
                        text = _right_to_left_repaired(textpage, text)
                    shapes = _line_shapes(textpage, _web_link_areas(page, textpage))
                finally:
                    textpage.close()
            finally:
                page.close()
            text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
            yield _with_paragraphs(text, shapes)
    finally:
        doc.close()


def _with_paragraphs(text: str, shapes: list[_LineShape]) -> PageText:
    """The page's text with a blank line where a paragraph starts, and its link lines."""
    lines = text.split("\n")
    if len(lines) != len(shapes):
        # The characters don't tell the text's lines: no marks rather than wrong ones.
        return PageText(text)
    starts = _paragraph_starts(shapes)
    out: list[str] = []
    link_lines = []
    for i, (line, shape) in enumerate(zip(lines, shapes, strict=True)):
        if i in starts and out and out[-1].strip():
            out.append("")
        if shape.is_link:
            link_lines.append(len(out))
        marks = shape.footnote_marks()
        if marks and "".join(shape.chars) == line:
            line = "".join(c for at, c in enumerate(shape.chars) if at not in marks)
        out.append(line)
    return PageText("\n".join(out), tuple(link_lines))


# --- right-to-left script ---------------------------------------------------------------------

# Letters of Arabic, Hebrew and the other scripts written from the right (their presentation
# forms included), which a PDF may hold in the order they stand on the page.
_RTL_LETTER = r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"
_RIGHT_TO_LEFT = re.compile(_RTL_LETTER)
# A sentence's closing marks, which an RTL line printed from the left puts at its start.
_LEADING_CLOSE = re.compile(
    rf"^(?P<close>[\"'”“»«)\]]*[.!?…:،؛؟]+)(?P<rest>{_RTL_LETTER}[^\r\n]*)", re.MULTILINE
)


def _is_mark(char: str) -> bool:
    """A combining mark, such as a vowel sign."""
    return unicodedata.bidirectional(char) == "NSM"


def _is_rtl_letter(char: str, in_run: bool) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL") or (in_run and _is_mark(char))


_BEFORE_A_MARK = frozenset(" .,:;!?،؛؟")


def logical_order(chars: list[str], lefts: list[float]) -> str:
    """CHARS (with the left edge of each on the page) read as written.

    Chromium prints some right-to-left words glyph by glyph from the left, and pdfium then
    reads their letters backwards ("ةيروس" for "سورية"): a run of such letters whose
    positions go rightwards is turned round. A space or stop that pdfium put before a word's
    last vowel sign ("تصفح ًا", "جيدا.ً": a combining mark begins no word) goes after it. A line of
    right-to-left text that opens with a sentence's closing marks (".السوري") has them at
    its end.
    """

    def run_from(i: int) -> tuple[list[str], int]:
        j = i + 1
        while j < len(chars) and _is_rtl_letter(chars[j], True):
            j += 1
        steps = list(zip(lefts[i : j - 1], lefts[i + 1 : j], strict=True))
        rightwards = sum(b > a for a, b in steps) > sum(b < a for a, b in steps)
        return (chars[i:j][::-1] if rightwards else chars[i:j]), j

    out: list[str] = []
    i = 0
    while i < len(chars):
        if not _is_rtl_letter(chars[i], False):
            out.append(chars[i])
            i += 1
            continue
        run, i = run_from(i)
        out += run
        # A space or a stop between a word and its vowel sign: the sign goes on the word.
        while i + 1 < len(chars) and chars[i] in _BEFORE_A_MARK and _is_mark(chars[i + 1]):
            tail, j = run_from(i + 1)
            out += [*tail, chars[i]]
            i = j
    return _LEADING_CLOSE.sub(lambda m: m["rest"] + m["close"][::-1], "".join(out))


def _right_to_left_repaired(textpage: pdfium.PdfTextPage, text: str) -> str:
    """The page's TEXT with its right-to-left words in reading order (see ``logical_order``);
    TEXT itself when its characters one by one don't spell it."""
    count = textpage.count_chars()
    chars = [chr(pdfium_c.FPDFText_GetUnicode(textpage, index)) for index in range(count)]
    if "".join(chars).replace("\x00", "") != text.replace("\x00", ""):
        return text
    lefts = [textpage.get_charbox(index)[0] for index in range(count)]
    return logical_order(chars, lefts)


# The Producer that Chromium's PDF backend writes: Chrome, Edge, Opera and Brave print with it.
_BROWSER_PRODUCER = re.compile(r"^Skia/PDF\b")


def made_by_browser(path: Path) -> bool:
    """Whether a web browser made the PDF (by its Producer): a printed web page, also when it
    was printed without the browser's header and footer. False for a file that cannot be
    opened. (``inspect_pdf`` tells it too, in ``PdfInfo``.)"""
    try:
        doc = _open_pdfium(Path(path))
    except (pdfium.PdfiumError, OSError):
        return False
    try:
        return _made_by_browser(doc)
    finally:
        doc.close()


def _made_by_browser(doc: pdfium.PdfDocument) -> bool:
    return bool(_BROWSER_PRODUCER.match(doc.get_metadata_value("Producer") or ""))


def _web_link_areas(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[Bounds]:
    """The areas of the page's links to web addresses (not those within the document: a
    table of contents is made of those).

    An area that holds more lines of text than it is high enough for is left out: a site's
    fixed footer printed over the article, whose links then lie on the article's lines.
    """
    areas = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        rect = pdfium_c.FS_RECTF()
        if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            left, right = sorted((rect.left, rect.right))
            bottom, top = sorted((rect.bottom, rect.top))
            lines = textpage.get_text_bounded(left, bottom, right, top).strip().splitlines()
            if len(lines) <= max(1, (top - bottom) // _LINE_PITCH):
                areas.append((left, bottom, right, top))
    return areas


@dataclass
class _LineShape:
    """A text line's glyphs as the text page places them."""

    letters: int = 0  # glyphs that are not space
    in_links: int = 0  # of them inside a link's area
    bottoms: list[float] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    chars: list[str] = field(default_factory=list)  # the line as its glyphs spell it
    digits: list[tuple[int, float, float]] = field(default_factory=list)  # (at, bottom, size)

    @property
    def baseline(self) -> float:
        return statistics.median(self.bottoms)

    @property
    def size(self) -> float:
        return statistics.median(self.sizes)

    @property
    def is_link(self) -> bool:
        """Whether the line is a link's text: its glyphs lie inside links' areas."""
        return bool(self.letters) and self.in_links >= LINK_SHARE * self.letters

    def footnote_marks(self) -> set[int]:
        """The places in the line of the digits set small and raised after a word: a
        footnote's mark ("… in 2024.³"), not the footnote's own number at the line's start."""
        if not self.bottoms:
            return set()
        size, baseline = self.size, self.baseline
        raised = {
            at
            for at, bottom, glyph in self.digits
            if glyph < _MARK_SIZE * size and bottom > baseline + _MARK_RISE * size
        }
        marks = set()
        for at in sorted(raised):
            start = at
            while start - 1 in raised:
                start -= 1
            if start > 0 and not self.chars[start - 1].isspace():
                marks.add(at)
        return marks


def _line_shapes(textpage: pdfium.PdfTextPage, areas: list[Bounds]) -> list[_LineShape]:
    """Each text line's glyphs, and how many of them lie inside one of the AREAS."""
    # The areas by the bands of the page they reach into: a glyph is checked against the
    # few in its band, not against every link of the page.
    bands: dict[int, list[Bounds]] = {}
    for area in areas:
        grown = (
            area[0] - _LINK_SLACK,
            area[1] - _LINK_SLACK,
            area[2] + _LINK_SLACK,
            area[3] + _LINK_SLACK,
        )
        for band in range(int(grown[1] // _BAND), int(grown[3] // _BAND) + 1):
            bands.setdefault(band, []).append(grown)
    # The text page's characters one by one: the text read at once leaves out NUL
    # characters (Chromium prints some), but its line breaks are the same.
    shapes = [_LineShape()]
    previous = ""
    raw = textpage.raw
    box = [ctypes.c_double() for _ in range(4)]
    refs = [ctypes.byref(side) for side in box]
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        char = chr(pdfium_c.FPDFText_GetUnicode(raw, index))
        after_return, previous = previous == "\r", char
        if char in "\r\n":
            if not (char == "\n" and after_return):  # "\r\n" is one line break
                shapes.append(_LineShape())
            continue
        if char == "\x00":
            continue
        shape = shapes[-1]
        shape.chars.append(char)
        # A line's first glyphs tell its place and size, its digits whether they are
        # footnote marks; links need every glyph.
        sample = len(shape.bottoms) < _SAMPLE_GLYPHS
        if char.isspace() or not char.isprintable():
            continue
        shape.letters += 1
        if not (sample or bands or char.isdigit()):
            continue
        pdfium_c.FPDFText_GetCharBox(raw, index, *refs)
        left, right, bottom, top = (side.value for side in box)
        if sample or char.isdigit():
            size = pdfium_c.FPDFText_GetFontSize(raw, index)
            if sample:
                shape.bottoms.append(bottom)
                shape.sizes.append(size)
            if char.isdigit():
                shape.digits.append((len(shape.chars) - 1, bottom, size))
        x, y = (left + right) / 2, (bottom + top) / 2
        if any(a[0] <= x <= a[2] and a[1] <= y <= a[3] for a in bands.get(int(y // _BAND), ())):
            shape.in_links += 1
    return shapes


def _paragraph_starts(shapes: list[_LineShape]) -> set[int]:
    """The lines that stand apart from the line above: after more space than the lines of
    a paragraph keep (a paragraph's margin), in another size of type (a heading), or above
    it (the next column). A browser's print and a word processor's PDF mark paragraphs so;
    the text page does not."""
    lines = [(i, shape) for i, shape in enumerate(shapes) if shape.letters]
    pitches: dict[int, list[float]] = {}  # by size of type: from a baseline to the next
    for (_, a), (_, b) in itertools.pairwise(lines):
        if round(a.size) == round(b.size) and 0 < a.baseline - b.baseline < _MAX_PITCH * a.size:
            pitches.setdefault(round(a.size), []).append(a.baseline - b.baseline)
    # A paragraph's own pitch is the most common one; its margin only comes between two.
    usual = {
        size: min(statistics.multimode(round(p, 1) for p in found))
        for size, found in pitches.items()
    }
    starts = set()
    for (_, a), (k, b) in itertools.pairwise(lines):
        pitch = a.baseline - b.baseline
        size = max(a.size, b.size)
        if (
            abs(a.size - b.size) > _SIZE_CHANGE * size
            or pitch < -_SAME_LINE * size
            or pitch > usual.get(round(a.size), _LONE_PITCH * size) + _MARGIN * size
        ):
            starts.add(k)
    return starts


# --- does a page need OCR? -------------------------------------------------------------------

_CID = re.compile(r"\(cid:\d+\)")
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’«»„()[]{}<>.,;:!?¿¡…–—-*•·/\\|#%&@+=_~^`$€£§°"
_NUMBERISH = re.compile(r"^[\d.,:/%+\-–()]+$")
_LATIN_VOWELS = set("aeiouyæøåäöüéèêëáàâíìîïóòôúùûœ")

MIN_LETTERS = 20  # fewer letters than a heading and a line: treat the page as having no text


def _is_bad_char(ch: str) -> bool:
    if ch == "\ufffd":
        return True
    cat = unicodedata.category(ch)
    # Co: private use (unmapped symbol fonts); Cc/Cs: control chars and lone surrogates.
    return cat in ("Co", "Cs") or (cat == "Cc" and ch not in "\n\t\r\f")


def _looks_like_word(token: str) -> bool:
    if not token.isalpha():
        # Allow words joined by hyphens or apostrophes ("Nord-Irak", "don't").
        parts = re.split(r"[-'’]", token)
        if not all(p.isalpha() for p in parts if p) or not any(parts):
            return False
        token = "".join(parts)
    if len(token) > 30:
        return False
    lower = token.lower()
    latin = [ch for ch in lower if "a" <= ch <= "z" or ch in _LATIN_VOWELS]
    if len(latin) == len(lower) and len(lower) >= 4 and not any(c in _LATIN_VOWELS for c in lower):
        return False  # a long Latin "word" without a vowel; acronyms are usually shorter
    # "McDonald", "iPhone" have one lower→upper switch; glyph soup has many.
    switches = sum(1 for a, b in zip(token, token[1:], strict=False) if a.islower() and b.isupper())
    return switches <= 1


def text_needs_ocr(text: str) -> bool:
    """True when a page's text layer holds no usable text, so the page should be OCR'd."""
    cid_chars = sum(len(m) for m in _CID.findall(text))
    visible = sum(1 for ch in text if not ch.isspace())
    if visible and cid_chars / visible > 0.3:
        return True
    text = _CID.sub(" ", text)
    visible = [ch for ch in text if not ch.isspace()]
    letters = [ch for ch in visible if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return True
    if sum(map(_is_bad_char, visible)) / len(visible) > 0.1:
        return True

    tokens = _TOKEN.findall(text)
    words = [t.strip(_EDGE_PUNCT) for t in tokens]
    words = [w for w in words if w and not _NUMBERISH.match(w)]
    numbers = len(tokens) - len(words)
    alpha = [w for w in words if w.isalpha()]
    # Letter-spaced text ("T h i s  i s") extracts as a run of one-letter tokens.
    if alpha and sum(1 for w in alpha if len(w) == 1) / len(alpha) > 0.4 and len(alpha) >= 10:
        return True
    good = sum(1 for w in words if _looks_like_word(w)) + numbers
    if good / max(len(tokens), 1) < 0.5:
        return True

    latin_letters = [ch for ch in "".join(letters).lower() if "a" <= ch <= "z" or ch in "æøåäöü"]
    if len(latin_letters) >= 200:
        # Prose in Latin-script languages is roughly 30-45 % vowels; mis-mapped fonts are not.
        vowel_share = sum(1 for ch in latin_letters if ch in _LATIN_VOWELS) / len(latin_letters)
        if not 0.2 <= vowel_share <= 0.6:
            return True
    return False


# --- is a page's text layer a scan's own OCR? ------------------------------------------------

SCAN_IMAGE_SHARE = 0.8  # of the page a scanned sheet's image covers, allowing for cropped margins

_INVISIBLE = pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE

Bounds = tuple[float, float, float, float]  # left, bottom, right, top in page space


def page_has_scan_text_layer(path: Path, index: int) -> bool:
    """True when the page is a scan whose text layer is OCR made elsewhere (scanner software,
    OCRmyPDF): one opaque image covers most of the page and none of the text is seen, because
    it is invisible (render mode 3) or painted over by that image.

    Such text has OCR's misreadings although it came from the text layer. A page that cannot
    be read (encrypted, damaged) counts as not a scan.
    """
    try:
        doc = _open_pdfium(Path(path))
    except (pdfium.PdfiumError, OSError):
        return False
    try:
        page = doc[index]
        try:
            return _is_scan_text_layer(page)
        finally:
            page.close()
    except pdfium.PdfiumError:
        return False
    finally:
        doc.close()


def _is_scan_text_layer(page: pdfium.PdfPage) -> bool:
    crop = page.get_cropbox()
    page_area = _overlap(crop, crop)
    if page_area <= 0:
        return False
    sheet: tuple[int, Bounds] | None = None  # paint order and bounds of the last sheet image
    has_text = False
    painted: list[tuple[int, pdfium.PdfObject]] = []  # text that is not invisible
    kinds = [pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE]
    for order, obj in enumerate(page.get_objects(filter=kinds)):  # in paint order
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            has_text = True
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) != _INVISIBLE:
                painted.append((order, obj))
            continue
        bounds = _page_bounds(obj)
        # A translucent image (alpha, soft mask or blend mode in its graphics state) hides
        # nothing; pdfium does not report an image's own /SMask, so that case is not seen.
        if _overlap(bounds, crop) / page_area >= SCAN_IMAGE_SHARE and not (
            pdfium_c.FPDFPageObj_HasTransparency(obj)
        ):
            sheet = (order, bounds)
    if sheet is None or not has_text:
        return False
    sheet_order, sheet_bounds = sheet
    return all(
        order < sheet_order and _inside(_page_bounds(obj), sheet_bounds) for order, obj in painted
    )


def _page_bounds(obj: pdfium.PdfObject) -> Bounds:
    # Objects inside a Form XObject report their bounds in the form's own space.
    bounds = obj.get_bounds()
    form = obj.container
    while form is not None:
        bounds = form.get_matrix().on_rect(*bounds)
        form = form.container
    return bounds


def _overlap(a: Bounds, b: Bounds) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0) * max(height, 0)


def _inside(inner: Bounds, outer: Bounds, slack: float = 1.0) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )
