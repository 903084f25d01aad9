"""Turn an uploaded PDF into a published bilag, and clean its stored text again later.

Work happens in a scratch directory; only at the end one short transaction writes the pages,
the metadata and the archive copy. A failure leaves the bilag marked failed with its reason
and touches nothing else.
"""

import hashlib
import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pypdfium2
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models import Bilag, Country, DatePrecision, Page, Source
from .pipeline.clean import clean_pages
from .pipeline.cover import Cover, is_cover_page, parse_cover
from .pipeline.errors import PipelineError
from .pipeline.extract import (
    PdfInfo,
    inspect_pdf,
    page_has_scan_text_layer,
    page_texts,
    text_needs_ocr,
)
from .pipeline.language import detect_language
from .pipeline.ocr import check_ocr, make_searchable_pdf, ocr_page

logger = logging.getLogger(__name__)


class ProcessingError(Exception):
    """A reason to fail the bilag that staff can act on."""


# What staff read when the pipeline gives up, by its reason (PipelineError.code); the
# pipeline's own messages are English, for the logs.
PIPELINE_FAILURES = {
    "empty": _("Filen er tom."),
    "too_big": _("Filen fylder %(size)s; grænsen er %(limit)s."),
    "not_pdf": _("Filen er ikke en PDF (den begynder med %(start)s)."),
    "password": _("PDF'en er beskyttet med en adgangskode."),
    "damaged": _("PDF'en er beskadiget og kan ikke læses: %(detail)s"),
    "undecryptable": _("PDF'en er krypteret og kunne ikke dekrypteres: %(detail)s"),
    "no_pages": _("PDF'en har ingen sider."),
    "too_many_pages": _("PDF'en har %(pages)s sider; grænsen er %(limit)s."),
    "page_no_size": _("En side har ingen størrelse og kan ikke læses."),
    "page_too_large": _("En side er for stor til at blive læst (%(width)s × %(height)s cm)."),
    "tesseract_missing": _(
        "Tesseract (OCR) er ikke installeret på serveren (apt-get install tesseract-ocr)."
    ),
    "language_missing": _(
        "Tesseracts sprogdata «%(language)s» mangler på serveren (apt-get install %(package)s)."
    ),
    "timeout": _("Tesseract svarede ikke inden for %(seconds)s sekunder."),
    "page_timeout": _("OCR af side %(page)s tog mere end %(seconds)s sekunder og blev stoppet."),
    "archive_timeout": _(
        "Den søgbare kopi tog mere end %(seconds)s sekunder at lave og blev stoppet."
    ),
    "tesseract_failed": _("Tesseract fejlede på side %(page)s: %(detail)s"),
    "ocrmypdf_failed": _("OCRmyPDF kunne ikke lave den søgbare kopi (%(reason)s): %(detail)s"),
}


def failure_reason(error: Exception) -> str:
    """The reason staff read, stored in the portal's language like its own reasons."""
    if isinstance(error, PipelineError) and error.code in PIPELINE_FAILURES:
        with translation.override(settings.LANGUAGE_CODE):
            return str(PIPELINE_FAILURES[error.code]) % error.params
    return str(error)


class DuplicateUpload(Exception):
    """The very same file is already in the collection."""

    def __init__(self, existing: Bilag):
        self.existing = existing
        where = existing.get_absolute_url() if existing.has_permalink else f"#{existing.pk}"
        super().__init__(f"Den samme fil findes allerede som {where}")


def file_sha256(handle) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


def accept_upload(upload: File, **fields) -> Bilag:
    """Store an uploaded PDF as a new bilag awaiting processing, and queue it.

    The SHA-256 is taken here so that the database's unique constraint refuses a second copy
    of the same file, even from two uploads at the same moment.
    """
    from .tasks import enqueue_processing

    sha256 = file_sha256(upload)
    existing = Bilag.objects.filter(sha256=sha256).first()
    if existing is not None:
        raise DuplicateUpload(existing)
    name = Path(upload.name or "upload.pdf").name
    try:
        with transaction.atomic():
            bilag = Bilag(
                sha256=sha256,
                original_filename=name,
                status=Bilag.Status.PROCESSING,
                progress="I kø",
                **fields,
            )
            bilag.pdf.save(name, upload, save=False)
            bilag.save()
            enqueue_processing(bilag)
    except IntegrityError:
        existing = Bilag.objects.filter(sha256=sha256).first()
        if existing is None:
            raise
        raise DuplicateUpload(existing) from None
    return bilag


def quick_page_count(bilag: Bilag) -> int | None:
    """The page count for sizing the task's time limit; None when it cannot be read cheaply."""
    try:
        document = pypdfium2.PdfDocument(bilag.pdf.path)
    except (pypdfium2.PdfiumError, NotImplementedError, ValueError, OSError):
        return None
    try:
        return len(document)
    finally:
        document.close()


@dataclass
class ExtractedPage:
    number: int
    raw_text: str
    method: str
    link_lines: tuple[int, ...] = ()


def set_progress(bilag: Bilag, text: str) -> None:
    Bilag.objects.filter(pk=bilag.pk).update(progress=text, updated_at=timezone.now())


# The stored pages of a bilag, or the pages just read from its PDF.
AnyPage = TypeVar("AnyPage", ExtractedPage, Page)


def split_cover(pages: list[AnyPage]) -> tuple[Cover | None, list[AnyPage]]:
    """The cover sheet read from page 1, if any, and the body: the pages that make the text."""
    cover = parse_cover(pages[0].raw_text) if pages else None
    if cover is not None or (pages and is_cover_page(pages[0].raw_text)):
        return cover, pages[1:]
    return cover, pages


def clean_body(body: list[AnyPage], browser_made: bool) -> tuple[dict[int, str], str]:
    """The cleaned text of each body page by its number, and the bilag's whole cleaned text."""
    cleaned = clean_pages(
        [page.raw_text for page in body], [page.link_lines or () for page in body], browser_made
    )
    by_number = {page.number: text for page, text in zip(body, cleaned, strict=True)}
    return by_number, "\n\n".join(text for text in cleaned if text.strip())


def process_bilag(pk: int) -> Bilag:
    """Process one bilag; safe to run again (a retry or a reprocess gives the same result)."""
    bilag = Bilag.objects.select_related("country", "source").get(pk=pk)
    if bilag.status == Bilag.Status.WITHDRAWN:
        return bilag
    Bilag.objects.filter(pk=pk).update(
        status=Bilag.Status.PROCESSING, failure_reason="", progress="Starter"
    )
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="baggrund-") as scratch:
            process_in(bilag, Path(scratch))
    except (PipelineError, ProcessingError, DuplicateUpload) as error:
        logger.warning("bilag %s failed: %s", pk, error)
        fail(bilag, failure_reason(error))
    except SoftTimeLimitExceeded:
        fail(bilag, "Behandlingen tog længere end tidsgrænsen og blev afbrudt")
    except Exception as error:
        logger.exception("processing bilag %s failed", pk)
        fail(bilag, f"Uventet fejl under behandlingen: {error.__class__.__name__}: {error}")
        raise
    bilag.refresh_from_db()
    logger.info(
        "bilag %s %s in %.1f s (%s pages)",
        pk, bilag.status, time.monotonic() - started, bilag.page_count,
    )  # fmt: skip
    return bilag


def fail(bilag: Bilag, reason: str) -> None:
    Bilag.objects.filter(pk=bilag.pk).update(
        status=Bilag.Status.FAILED, failure_reason=reason, progress="", updated_at=timezone.now()
    )


def copy_original(bilag: Bilag, scratch: Path) -> Path:
    """The bilag's original PDF copied from storage into SCRATCH."""
    original = scratch / "original.pdf"
    with bilag.pdf.open("rb") as source, original.open("wb") as target:
        for chunk in iter(lambda: source.read(1024 * 1024), b""):
            target.write(chunk)
    return original


def inspect_original(bilag: Bilag, scratch: Path) -> PdfInfo:
    return inspect_pdf(
        copy_original(bilag, scratch),
        scratch,
        max_bytes=settings.BAGGRUND_MAX_UPLOAD_BYTES,
        max_pages=settings.BAGGRUND_MAX_PAGES,
    )


def process_in(bilag: Bilag, scratch: Path) -> None:
    set_progress(bilag, "Kontrollerer filen")
    info = inspect_original(bilag, scratch)
    duplicate = Bilag.objects.filter(sha256=info.sha256).exclude(pk=bilag.pk).first()
    if duplicate is not None:
        raise DuplicateUpload(duplicate)

    pages = extract_pages(bilag, info.path, info.page_count)
    ocr_pages = [page.number for page in pages if page.method == Page.Method.OCR]
    archive = None
    if ocr_pages:
        set_progress(bilag, "Laver søgbar PDF")
        archive = scratch / "archive.pdf"
        make_searchable_pdf(
            info.path,
            archive,
            languages=settings.BAGGRUND_OCR_LANGUAGES,
            pages=[n - 1 for n in ocr_pages],
            timeout=60 + 20 * len(ocr_pages),
        )

    set_progress(bilag, "Renser teksten")
    cover, body = split_cover(pages)
    # A scan's own text layer (scanner software, OCRmyPDF elsewhere) has OCR's misreadings too.
    cover_scanned = cover is not None and (
        pages[0].method == Page.Method.OCR or page_has_scan_text_layer(info.path, 0)
    )
    cleaned_by_number, cleaned_text = clean_body(body, info.made_by_browser)

    save_result(bilag, info, pages, cleaned_by_number, cleaned_text, cover, cover_scanned, archive)


def extract_pages(bilag: Bilag, path: Path, page_count: int) -> list[ExtractedPage]:
    languages = settings.BAGGRUND_OCR_LANGUAGES
    pages = []
    for index, page in enumerate(page_texts(path)):
        number = index + 1
        if text_needs_ocr(page.text):
            check_ocr(languages)
            set_progress(bilag, f"OCR, side {number} af {page_count}")
            text = ocr_page(
                path,
                index,
                languages=languages,
                dpi=settings.BAGGRUND_OCR_DPI,
                timeout=settings.BAGGRUND_TASK_SECONDS_PER_PAGE * 4,
            )
            pages.append(ExtractedPage(number, text, Page.Method.OCR))
        else:
            if number % 25 == 0:
                set_progress(bilag, f"Tekst, side {number} af {page_count}")
            pages.append(ExtractedPage(number, page.text, Page.Method.TEXT, page.link_lines))
    return pages


def apply_cover(bilag: Bilag, cover: Cover, *, scanned: bool) -> list[str]:
    """Fill the fields staff left empty; return warnings where staff's values disagree, and
    where a name read by OCR was taken as the known name it is closest to."""
    warnings = []

    def disagree(label: str, typed, read) -> None:
        warnings.append(f"{label}: indtastet «{typed}», forsiden siger «{read}»")

    def read_as(label: str, read, known) -> None:
        warnings.append(f"{label}: forsiden siger «{read}», læst som «{known}»")

    if cover.country:
        country = Country.objects.lookup(cover.country)
        guessed = country is None and scanned
        if guessed:
            country = Country.objects.closest(cover.country)
        if bilag.country_id is None:
            if country is None:
                raise ProcessingError(f"Forsidens land «{cover.country}» er ukendt")
            bilag.country = country
            if guessed:
                read_as("Land", cover.country, country)
        elif country is not None and country.pk != bilag.country_id:
            disagree("Land", bilag.country, cover.country)
    if cover.number:
        if bilag.number is None:
            bilag.number = cover.number
        elif bilag.number != cover.number:
            disagree("Bilagsnr.", bilag.number, cover.number)
    if cover.source:
        known = Source.closest(cover.source) if scanned else None
        source_name = known.name if known else cover.source
        if bilag.source_id is None:
            bilag.source = Source.get_or_create_by_name(source_name)
            if known and known.name.casefold() != cover.source.casefold():
                read_as("Kilde", cover.source, known)
        elif bilag.source.name.casefold() != source_name.casefold():
            disagree("Kilde", bilag.source, cover.source)
    if cover.title:
        if not bilag.title:
            bilag.title = cover.title
        elif " ".join(bilag.title.split()) != " ".join(cover.title.split()):
            disagree("Titel", bilag.title, cover.title)
    if cover.published:
        if bilag.published is None:
            bilag.published = cover.published.date
            bilag.published_precision = DatePrecision(cover.published.precision.value)
        elif bilag.published != cover.published.date:
            disagree("Udgivet", bilag.published, cover.published.date)
    if cover.added:
        # The model defaults "added" to the upload day; the cover is the board's record.
        if bilag.added in (None, timezone.localdate(bilag.created_at)):
            bilag.added = cover.added.date
        elif bilag.added != cover.added.date:
            disagree("Optaget", bilag.added, cover.added.date)
    return warnings


def save_result(
    bilag: Bilag,
    info,
    pages: list[ExtractedPage],
    cleaned_by_number: dict[int, str],
    cleaned_text: str,
    cover: Cover | None,
    cover_scanned: bool,
    archive: Path | None,
) -> None:
    from .search import index_bilag

    with transaction.atomic():
        bilag = Bilag.objects.select_for_update().get(pk=bilag.pk)
        bilag.cover_warnings = apply_cover(bilag, cover, scanned=cover_scanned) if cover else []
        if cover_scanned:
            # OCR misreads about one scanned cover number in a hundred (bench/cover_report.py),
            # and a wrong number is a wrong permalink.
            number = f"bilagsnr. {bilag.number}" if bilag.number else "bilagsnr."
            bilag.cover_warnings.append(
                f"Forsiden er scannet og læst med OCR: kontrollér {number}, "
                "land, kilde, titel og datoer"
            )
        if bilag.country_id is None:
            raise ProcessingError("Landet mangler: ingen forside fundet. Udfyld land og kør igen")
        if bilag.number is not None:
            taken = Bilag.objects.filter(country=bilag.country, number=bilag.number).exclude(
                pk=bilag.pk
            )
            if taken.exists():
                raise ProcessingError(f"{bilag.country} har allerede et bilag nr. {bilag.number}")
        bilag.page_count = info.page_count
        bilag.sha256 = info.sha256
        bilag.made_by_browser = info.made_by_browser
        bilag.cleaned_text = cleaned_text
        bilag.language = detect_language(cleaned_text)
        bilag.status = Bilag.Status.PUBLISHED
        bilag.progress = ""
        bilag.failure_reason = ""
        previous_archive = bilag.archive_pdf.name
        if archive is not None:
            with archive.open("rb") as handle:
                bilag.archive_pdf.save(f"{bilag.pk}.pdf", File(handle), save=False)
        else:
            bilag.archive_pdf = ""
        if previous_archive and previous_archive != bilag.archive_pdf.name:
            # Only once the new state is committed may the old copy go.
            storage = bilag.archive_pdf.storage
            transaction.on_commit(lambda: storage.delete(previous_archive))
        bilag.save(search_index=False)  # indexed below, with its new pages
        bilag.pages.all().delete()
        Page.objects.bulk_create(
            Page(
                bilag=bilag,
                number=page.number,
                method=page.method,
                raw_text=page.raw_text,
                link_lines=list(page.link_lines),
                text=cleaned_by_number.get(page.number, ""),
            )
            for page in pages
        )
        index_bilag(bilag)


def read_from_pdf(
    bilag: Bilag, pages: list[Page], *, maker: bool
) -> tuple[list[Page], bool | None]:
    """What was stored without being read from the bilag's PDF, read from it once: the link
    lines of PAGES (the pages filled in; a page whose PDF text is not its stored raw text, an
    OCR'd one, has none) and, when MAKER, whether a browser made it (else None).

    When the PDF cannot be read, all is left for a later try: no pages, None.
    """
    if not (pages or maker):
        return [], None
    by_number = {page.number: page for page in pages}
    try:
        with tempfile.TemporaryDirectory(prefix="baggrund-") as scratch:
            info = inspect_original(bilag, Path(scratch))
            for number, text in enumerate(page_texts(info.path) if pages else (), start=1):
                page = by_number.get(number)
                if page is not None:
                    same = page.method == Page.Method.TEXT and text.text == page.raw_text
                    page.link_lines = list(text.link_lines) if same else []
            browser = info.made_by_browser if maker else None
    except (OSError, ValueError, pypdfium2.PdfiumError, PipelineError):
        unread = [what for what, wanted in (("links", pages), ("producer", maker)) if wanted]
        logger.warning(
            "bilag %s: %s not read, its PDF cannot be opened", bilag.pk, " and ".join(unread)
        )
        for page in pages:
            page.link_lines = None
        return [], None
    return [page for page in pages if page.link_lines is not None], browser


def reclean_bilag(bilag: Bilag) -> bool:
    """Clean the bilag's stored raw text again with today's cleaner; True when its text changed.

    Only what is derived from the raw text is written (the pages' cleaned text, the cleaned
    text, the language, the search index): no PDF, OCR or cover sheet, and no correction.
    Pages stored before link lines were read get them from the PDF, and so does a bilag
    stored before its PDF's maker was (``read_from_pdf``).
    A bilag that is not public (processing, failed) is left alone.
    """
    from .search import index_bilag

    current = (
        Bilag.objects.filter(pk=bilag.pk)
        .only("status", "cleaned_text", "language", "pdf", "made_by_browser")
        .first()
    )
    if current is None or not current.is_public:
        return False
    # Cleaned outside the transaction, which then only holds the row for the writes.
    pages = list(
        current.pages.order_by("number").only("number", "method", "raw_text", "link_lines", "text")
    )
    relinked, read = read_from_pdf(
        current,
        [page for page in pages if page.link_lines is None],
        maker=current.made_by_browser is None,
    )
    browser = current.made_by_browser if read is None else read
    _cover, body = split_cover(pages)
    cleaned_by_number, cleaned_text = clean_body(body, bool(browser))
    language = detect_language(cleaned_text)
    changed = []
    for page in pages:
        text = cleaned_by_number.get(page.number, "")
        if page.text != text:
            page.text = text
            changed.append(page)
    if not changed and (current.cleaned_text, current.language) == (cleaned_text, language):
        if relinked:
            Page.objects.bulk_update(relinked, ["link_lines"])
        if read is not None:
            Bilag.objects.filter(pk=bilag.pk, made_by_browser=None).update(made_by_browser=read)
        return False

    with transaction.atomic():
        # Processing takes the same lock to write its pages; a bilag it started or finished
        # since the pages were read is skipped, as processing cleans with today's cleaner too.
        locked = Bilag.objects.select_for_update().get(pk=bilag.pk)
        pks = list(locked.pages.order_by("number").values_list("pk", flat=True))
        if not locked.is_public or pks != [page.pk for page in pages]:
            return False
        Page.objects.bulk_update(changed, ["text"])
        Page.objects.bulk_update(relinked, ["link_lines"])
        locked.cleaned_text, locked.language = cleaned_text, language
        locked.made_by_browser = browser
        # No cited field changes, so no "rettet den"; updated_at stays, as it dates the files
        # served (Last-Modified), which a re-clean leaves as they are.
        locked.save(
            update_fields=["cleaned_text", "language", "made_by_browser"], search_index=False
        )
        index_bilag(locked)  # with its pages
    return True
