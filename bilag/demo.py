"""Demo material: PDFs with the board's cover page and text written for this project.

Every demo document says on each page that it is demonstration material; no third-party
text is used.
"""

import datetime
import io
from dataclasses import dataclass, field

import pypdfium2
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

DEMO_NOTICE = "DEMO – opdigtet demonstrationsmateriale til Baggrund-portalen, ikke en rigtig kilde."

DANISH_MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def danish_date(value: datetime.date, precision: str = "day") -> str:
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{DANISH_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day}. {DANISH_MONTHS[value.month - 1]} {value.year}"


@dataclass
class DemoDocument:
    country: str
    number: int
    source: str
    title: str
    published: datetime.date
    added: datetime.date
    pages: list[list[str]]
    published_precision: str = "day"
    scanned: bool = False
    withdrawn_note: str = ""
    superseded_by: int | None = None
    extra: dict = field(default_factory=dict)

    def cover_lines(self) -> list[str]:
        return [
            "Flygtningenævnets baggrundsmateriale",
            f"Bilagsnr.: {self.number}",
            f"Land: {self.country}",
            f"Kilde: {self.source}",
            f"Titel: {self.title}",
            f"Udgivet: {danish_date(self.published, self.published_precision)}",
            f"Optaget på baggrundsmaterialet: {danish_date(self.added)}",
        ]


def render_pdf(
    cover: list[str] | None, pages: list[list[str]], *, notice: str = DEMO_NOTICE
) -> bytes:
    """A born-digital PDF: an optional cover page, then one page per list of paragraphs."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()

    def footer(pdf_canvas, doc):
        if notice:
            pdf_canvas.setFont("Helvetica-Oblique", 8)
            pdf_canvas.drawString(2 * cm, 1.2 * cm, notice)

    doc = SimpleDocTemplate(buffer, pagesize=A4, topMargin=2 * cm, bottomMargin=2 * cm)
    story = []
    if cover:
        story.append(Paragraph(cover[0], styles["Heading1"]))
        story += [Paragraph(line, styles["Normal"]) for line in cover[1:]]
        story.append(PageBreak())
    for index, paragraphs in enumerate(pages):
        if index:
            story.append(PageBreak())
        for text in paragraphs:
            story.append(Paragraph(text, styles["BodyText"]))
            story.append(Spacer(1, 0.3 * cm))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def rasterize_pdf(pdf: bytes, *, dpi: int = 150) -> bytes:
    """The same pages as images only, like a scan: no text layer survives."""
    document = pypdfium2.PdfDocument(pdf)
    buffer = io.BytesIO()
    out = canvas.Canvas(buffer, pagesize=A4)
    try:
        for page in document:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            out.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
            out.showPage()
            page.close()
    finally:
        document.close()
    out.save()
    return buffer.getvalue()


def demo_pdf(document: DemoDocument) -> bytes:
    pdf = render_pdf(document.cover_lines(), document.pages)
    return rasterize_pdf(pdf) if document.scanned else pdf


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


DEMO_DOCUMENTS = [
    DemoDocument(
        country="Syrien",
        number=1,
        source="Demo Nyhedsbureau",
        title="Demo: Fordrevne familier vender tilbage til landsbyer i nord",
        published=d("2024-03-11"),
        added=d("2024-04-02"),
        pages=[
            [
                "Flere hundrede fordrevne familier er ifølge lokale myndigheder vendt tilbage til "
                "landsbyerne nord for byen. Familierne fortæller om ødelagte huse og manglende "
                "adgang til rent vand.",
                "Flygtninge, der vendte hjem i foråret, beskriver kontrolposter langs vejene, hvor "
                "unge mænd bliver udspurgt om militærtjeneste.",
            ],
            [
                "En nødhjælpsorganisation oplyser, at skoler i området er genåbnet, men at mange "
                "lærere er flygtet. Situationen beskrives som skrøbelig.",
            ],
        ],
    ),
    DemoDocument(
        country="Syrien",
        number=2,
        source="Demo Human Rights Monitor",
        title="Demo: Conscription and checkpoints in the north-eastern provinces",
        published=d("2024-05-01"),
        published_precision="month",
        added=d("2024-06-10"),
        pages=[
            [
                "Young men returning to the north-eastern provinces report that military "
                "conscription is enforced at checkpoints. Several refugees interviewed for this "
                "demo report described detention of relatives.",
                "The authorities did not respond to requests for comment.",
            ],
        ],
    ),
    DemoDocument(
        country="Syrien",
        number=3,
        source="Demo Nyhedsbureau",
        title="Demo: Ældre rapport om vandforsyningen",
        published=d("2023-01-01"),
        published_precision="year",
        added=d("2023-02-15"),
        pages=[
            ["Rapporten beskriver vandforsyningen i byerne i 2022. Den er erstattet af en nyere."]
        ],
        withdrawn_note="Erstattet af en opdateret rapport.",
        superseded_by=1,
    ),
    DemoDocument(
        country="Afghanistan",
        number=1,
        source="Demo FN-kontor",
        title="Demo: Kvinders adgang til uddannelse og arbejde",
        published=d("2024-09-20"),
        added=d("2024-10-01"),
        pages=[
            [
                "Kvinder og piger har fortsat begrænset adgang til uddannelse efter sjette klasse. "
                "Kvindelige ansatte i nødhjælpsorganisationer oplever restriktioner på rejser "
                "uden mandlig ledsager.",
            ],
            [
                "Rapporten anbefaler, at donorer støtter lokale initiativer for undervisning "
                "i hjemmet.",
            ],
        ],
    ),
    DemoDocument(
        country="Afghanistan",
        number=2,
        source="Demo Human Rights Monitor",
        title="Demo: Returnees from neighbouring countries",
        published=d("2024-11-05"),
        added=d("2024-11-20"),
        pages=[
            [
                "Large numbers of Afghan returnees crossed the border from neighbouring countries "
                "during the autumn. Humanitarian organisations warn about shelter shortages "
                "before winter.",
            ],
        ],
    ),
    DemoDocument(
        country="Iran",
        number=1,
        source="Demo Nyhedsbureau",
        title="Demo: Konvertitter og husmenigheder",
        published=d("2024-02-14"),
        added=d("2024-03-01"),
        scanned=True,
        pages=[
            [
                "Denne side er scannet. Myndighederne har ifølge kilder anholdt medlemmer af "
                "husmenigheder. Konvertitter risikerer forfølgelse, hvis de er kendt af "
                "myndighederne.",
            ],
        ],
    ),
    DemoDocument(
        country="Diverse emner",
        number=1,
        source="Demo Udlændingestyrelse",
        title="Demo: Vejledning om brug af baggrundsmaterialet",
        published=d("2024-01-10"),
        added=d("2024-01-10"),
        pages=[
            [
                "Baggrundsmaterialet ordnes efter land. Hvert bilag har et fast nummer, og "
                "afgørelser henviser til bilaget med dets permanente adresse.",
            ],
        ],
    ),
]
