"""Make test PDFs at run time, so the suite needs no binary fixtures.

Born-digital pages are drawn with reportlab; "scanned" pages are text rendered to an image with
Pillow and embedded without any text layer, like a flatbed scan. A web page is printed by
headless Chromium, as staff print one.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pikepdf
import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

# Bitstream Vera ships with reportlab and covers Latin-1 (æøå), so no system font is needed.
VERA_TTF = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"

ENGLISH = (
    "The government announced new measures to protect civilians in the eastern region. "
    "Human rights organisations reported that several journalists were detained without "
    "charge during the protests last spring."
)
DANISH = (
    "Flygtningenævnet har modtaget nye oplysninger om forholdene for kvinder i landet. "
    "Rapporten beskriver, hvordan myndighederne behandler personer, der vender tilbage "
    "efter et ophold i udlandet, og hvilke rettigheder de får på grænsen."
)
GERMAN = (
    "Die Lage der Flüchtlinge in den Grenzgebieten hat sich nach Angaben der Vereinten "
    "Nationen im vergangenen Jahr deutlich verschlechtert, vor allem für Familien mit Kindern."
)
SCAN_LINES = [
    "Flygtningenævnet og Udlændingestyrelsen",
    "Rapport om sikkerhedssituationen",
    "The security situation remains fragile",
    "Journalists were detained in March",
]


def _wrap(text: str, width: int = 85) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


def _draw_text_page(c: canvas.Canvas, text: str) -> None:
    y = A4[1] - 72
    c.setFont("Helvetica", 11)
    for line in _wrap(text):
        c.drawString(72, y, line)
        y -= 15
        if y < 72:
            break


def born_digital_pdf(path: Path, pages: Sequence[str]) -> Path:
    """One page per string, real text objects."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        _draw_text_page(c, text)
        c.showPage()
    c.save()
    return path


# A line of a linked page: its text, where it links to ("" for nowhere, "https://…" for a web
# address, "#name" for a place in the document) and the part of it that is the link (all of
# it when "").
LinkedLine = tuple[str, str, str]


def linked_pdf(path: Path, pages: Sequence[Sequence[LinkedLine]]) -> Path:
    """One page per list of lines, each line drawn with its link over it, as a browser prints
    a page's anchors."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.bookmarkPage("top")
    for lines in pages:
        y = A4[1] - 72
        c.setFont("Helvetica", 11)
        for text, target, part in lines:
            c.drawString(72, y, text)
            if target:
                linked = part or text
                left = 72 + c.stringWidth(text[: text.index(linked)], "Helvetica", 11)
                area = (left, y - 3, left + c.stringWidth(linked, "Helvetica", 11), y + 10)
                if target.startswith("#"):
                    c.linkRect("", target[1:], area, relative=0, thickness=0)
                else:
                    c.linkURL(target, area, relative=0, thickness=0)
            y -= 15
        c.showPage()
    c.save()
    return path


def with_producer(path: Path, producer: str) -> Path:
    """PATH rewritten in place with PRODUCER as the program that made it."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Producer"] = producer
        pdf.save(path)
    return path


def text_image(lines: Sequence[str], *, width: int = 1240, font_size: int = 42) -> Image.Image:
    """Lines of black text on white, grayscale, as a 150 dpi scan would look."""
    font = ImageFont.truetype(str(VERA_TTF), font_size)
    line_height = int(font_size * 1.6)
    img = Image.new("L", (width, line_height * (len(lines) + 2)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((60, line_height * (i + 1)), line, font=font, fill=0)
    return img


def _draw_image_page(c: canvas.Canvas, img: Image.Image) -> None:
    page_w, page_h = A4
    w = page_w - 72
    h = w * img.height / img.width
    c.drawImage(ImageReader(img), 36, page_h - 36 - h, width=w, height=h)


def scanned_pdf(path: Path, pages: Sequence[Sequence[str]] = (SCAN_LINES,)) -> Path:
    """Each page is one image of text; there is no text layer at all."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        _draw_image_page(c, text_image(lines))
        c.showPage()
    c.save()
    return path


def mixed_pdf(path: Path) -> Path:
    """Page 1 born-digital, page 2 scanned."""
    c = canvas.Canvas(str(path), pagesize=A4)
    _draw_text_page(c, ENGLISH)
    c.showPage()
    _draw_image_page(c, text_image(SCAN_LINES))
    c.showPage()
    c.save()
    return path


def _sheet_image(lines: Sequence[str]) -> Image.Image:
    """A whole A4 sheet at 150 dpi with the lines near the top, as a scanner delivers a page."""
    sheet = Image.new("L", (1240, 1754), 255)
    sheet.paste(text_image(lines), (0, 60))
    return sheet


def scan_with_text_layer_pdf(
    path: Path, pages: Sequence[Sequence[str]], *, under_image: bool = False
) -> Path:
    """Scanned sheets with the scanner's own OCR layer: invisible text (render mode 3) over the
    image, or, with `under_image`, ordinary text that the image is then painted over."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        sheet = ImageReader(_sheet_image(lines))
        if not under_image:
            c.drawImage(sheet, 0, 0, width=A4[0], height=A4[1])
        text = c.beginText(36, A4[1] - 72)
        text.setFont("Helvetica", 14)
        if not under_image:
            text.setTextRenderMode(3)
        for line in lines:
            text.textLine(line)
        c.drawText(text)
        if under_image:
            c.drawImage(sheet, 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return path


def scan_in_form_pdf(path: Path, lines: Sequence[str], *, scale: float) -> Path:
    """A scanned sheet and its invisible OCR text inside a Form XObject, drawn at `scale`."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.beginForm("scan")
    c.drawImage(ImageReader(_sheet_image(lines)), 0, 0, width=A4[0], height=A4[1])
    text = c.beginText(36, A4[1] - 72)
    text.setTextRenderMode(3)
    for line in lines:
        text.textLine(line)
    c.drawText(text)
    c.endForm()
    c.scale(scale, scale)
    c.doForm("scan")
    c.showPage()
    c.save()
    return path


def _backdrop() -> Image.Image:
    """A page-sized colour gradient, like a designed report cover's photo."""
    gradient = Image.linear_gradient("L").resize((620, 877))
    return Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_180), gradient))


def designed_cover_pdf(path: Path, text: str) -> Path:
    """A full-page background picture with visible text printed over it."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(_backdrop()), 0, 0, width=A4[0], height=A4[1])
    _draw_text_page(c, text)
    c.showPage()
    c.save()
    return path


def watermarked_pdf(path: Path, text: str) -> Path:
    """Visible text with a translucent full-page image painted over it."""
    c = canvas.Canvas(str(path), pagesize=A4)
    _draw_text_page(c, text)
    c.setFillAlpha(0.2)
    c.drawImage(ImageReader(_backdrop()), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return path


def logo_pdf(path: Path, text: str) -> Path:
    """A born-digital page with a small logo in the corner."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(_backdrop()), A4[0] - 136, A4[1] - 100, width=100, height=64)
    c.saveState()
    c.translate(0, -40)  # the text starts below the logo
    _draw_text_page(c, text)
    c.restoreState()
    c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path, *, user: str = "", owner: str = "owner-secret") -> Path:
    """AES-256 encrypted copy of a text PDF; user="" opens without a password."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    _draw_text_page(c, DANISH)
    c.showPage()
    c.save()
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner=owner, user=user, R=6))
    return path


def zero_page_pdf(path: Path) -> Path:
    with pikepdf.new() as pdf:
        pdf.save(path)
    return path


def truncated_pdf(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def corrupt_pdf(path: Path) -> Path:
    """A PDF header followed by noise."""
    noise = bytes((i * 7919 + 13) % 251 for i in range(20_000))
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + noise)
    return path


def html_file(path: Path) -> Path:
    path.write_bytes(b"<html><head><title>Error 404</title></head><body>Not found</body></html>")
    return path


CHROMIUM = Path("/usr/bin/chromium")


def printed_page(path: Path, html: str) -> Path:
    """HTML printed to PDF by headless Chromium, without its print header and footer."""
    page = path.with_suffix(".html")
    page.write_text(html, encoding="utf-8")
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={path.parent / 'chromium-profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={path}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=60,
        check=True,
    )
    return path
