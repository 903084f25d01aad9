"""Cleaning a bilag's stored raw text again: no PDF, no OCR, no cover sheet, no correction."""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from kombu.exceptions import OperationalError as BrokerError

from bilag import processing, tasks
from bilag.demo import render_pdf
from bilag.management.commands import reclean
from bilag.models import Bilag, Page
from bilag.pipeline.clean import clean_pages
from bilag.processing import accept_upload, reclean_bilag
from bilag.search import index_bilag

from . import pdfs
from .factories import BilagFactory, PageFactory

pytestmark = pytest.mark.django_db


def cover(number: int) -> list[str]:
    return [
        "Flygtningenævnets baggrundsmateriale",
        f"Bilagsnr.: {number}",
        "Land: Syrien",
        "Kilde: BBC News",
        f"Titel: Report number {number} on eastern Syria",
        "Udgivet: 11. september 2018",
        "Optaget på baggrundsmaterialet: 11. oktober 2018",
    ]


BODY = [
    [pdfs.ENGLISH],
    ["Aid agencies warned that the camps receiving the displaced were already overcrowded."],
]
# What an older cleaner let through: the cover sheet and a cookie banner.
KEPT_BANNER = "We use cookies zebrastripe. Accept all cookies"


@pytest.fixture
def processed(django_capture_on_commit_callbacks):
    """A bilag uploaded and processed from a born-digital PDF with the board's cover sheet."""

    def processed(number: int = 863) -> Bilag:
        pdf = ContentFile(render_pdf(cover(number), BODY, notice=""), name=f"{number}.pdf")
        with django_capture_on_commit_callbacks(execute=True):
            bilag = accept_upload(pdf)
        bilag.refresh_from_db()
        assert (bilag.status, bilag.number) == (Bilag.Status.PUBLISHED, number)
        return bilag

    return processed


def make_stale(bilag: Bilag) -> None:
    """Store (and index) the text an older cleaner made of the same raw text."""
    pages = list(bilag.pages.order_by("number"))
    for page in pages:
        page.text = f"{page.raw_text}\n\n{KEPT_BANNER}"
    Page.objects.bulk_update(pages, ["text"])
    Bilag.objects.filter(pk=bilag.pk).update(
        cleaned_text="\n\n".join(page.text for page in pages), language="da"
    )
    bilag.refresh_from_db()
    index_bilag(bilag)
    assert bilag in Bilag.objects.search("zebrastripe")


def page_texts(bilag: Bilag) -> list[str]:
    return list(bilag.pages.order_by("number").values_list("text", flat=True))


def state(bilag: Bilag) -> dict:
    """Everything a re-clean must leave as it is."""
    fields = [
        "status", "country", "number", "title", "source", "published", "published_precision",
        "added", "withdrawn_on", "withdrawn_note", "superseded_by", "cover_warnings", "pdf",
        "archive_pdf", "sha256", "page_count", "original_filename", "corrected_at", "updated_at",
    ]  # fmt: skip
    return Bilag.objects.filter(pk=bilag.pk).values(*fields).get()


def is_stale(bilag: Bilag) -> bool:
    return KEPT_BANNER in Bilag.objects.get(pk=bilag.pk).cleaned_text


def test_stale_text_is_cleaned_again_from_the_raw_text(processed):
    bilag = processed()
    make_stale(bilag)
    raw = list(bilag.pages.order_by("number").values_list("raw_text", flat=True))

    assert reclean_bilag(bilag) is True

    bilag.refresh_from_db()
    body = clean_pages(raw[1:])  # page 1 is the cover sheet
    assert page_texts(bilag) == ["", *body]
    assert bilag.cleaned_text == "\n\n".join(text for text in body if text.strip())
    assert "overcrowded" in bilag.cleaned_text
    assert "Flygtningenævnets baggrundsmateriale" not in bilag.cleaned_text
    assert "zebrastripe" not in bilag.cleaned_text
    assert bilag.language == "en"
    assert list(Bilag.objects.search("overcrowded")) == [bilag]
    assert list(Bilag.objects.search("zebrastripe")) == []


def test_a_bilag_whose_text_is_current_is_not_written(processed):
    bilag = processed()
    before, texts, events = state(bilag), page_texts(bilag), bilag.events.count()

    with CaptureQueriesContext(connection) as queries:
        assert reclean_bilag(bilag) is False

    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert (state(bilag), page_texts(bilag), bilag.events.count()) == (before, texts, events)


def test_metadata_files_and_warnings_stay_and_no_correction_is_shown(processed, client):
    bilag = processed()
    Bilag.objects.filter(pk=bilag.pk).update(cover_warnings=["Kilde: kontrollér"])
    make_stale(bilag)
    before = state(bilag)
    events = set(bilag.events.values_list("pk", flat=True))

    assert reclean_bilag(bilag) is True

    assert state(bilag) == before
    assert before["corrected_at"] is None
    # The language is derived, not cited; its audit entry says what changed, and nothing else.
    new_events = bilag.events.exclude(pk__in=events)
    assert [event.changes for event in new_events] == [{"language": ["da", "en"]}]
    page = client.get("/syrien/863/").content.decode()
    assert "Rettet den" not in page and 'class="corrected"' not in page
    text = client.get("/syrien/863/txt").content.decode()
    assert "overcrowded" in text and "zebrastripe" not in text


def test_a_withdrawn_bilag_is_cleaned_again(processed, client):
    bilag = processed()
    bilag.withdraw(note="Erstattet af en nyere rapport")
    make_stale(bilag)

    assert reclean_bilag(bilag) is True

    bilag.refresh_from_db()
    assert bilag.status == Bilag.Status.WITHDRAWN
    assert bilag.withdrawn_note == "Erstattet af en nyere rapport"
    assert "zebrastripe" not in client.get("/syrien/863/txt").content.decode()


@pytest.mark.parametrize("status", [Bilag.Status.PROCESSING, Bilag.Status.FAILED])
def test_a_bilag_that_is_not_public_is_skipped(status):
    bilag = BilagFactory(status=status, number=None, cleaned_text="old")
    PageFactory(bilag=bilag, number=1, raw_text="\n".join(BODY[0]), text="old")

    assert reclean_bilag(bilag) is False

    assert page_texts(bilag) == ["old"]
    assert Bilag.objects.get(pk=bilag.pk).cleaned_text == "old"


def start_processing(bilag: Bilag) -> None:
    Bilag.objects.filter(pk=bilag.pk).update(status=Bilag.Status.PROCESSING)


def finish_processing(bilag: Bilag) -> None:
    """Processing writes the pages anew (new rows), cleaned with today's cleaner."""
    pages = list(bilag.pages.all())
    bilag.pages.all().delete()
    Page.objects.bulk_create(Page(bilag=bilag, number=p.number, raw_text=p.raw_text) for p in pages)


@pytest.mark.parametrize("meanwhile", [start_processing, finish_processing])
def test_a_bilag_processed_while_it_was_being_cleaned_is_left_to_processing(
    processed, monkeypatch, meanwhile
):
    bilag = processed()
    make_stale(bilag)
    clean_body = processing.clean_body

    def clean_while_processing_runs(body, browser_made):
        meanwhile(bilag)
        return clean_body(body, browser_made)

    monkeypatch.setattr(processing, "clean_body", clean_while_processing_runs)
    events = bilag.events.count()

    assert reclean_bilag(bilag) is False

    assert is_stale(bilag) and bilag.events.count() == events


def test_the_task_cleans_by_primary_key(processed):
    bilag = processed()
    make_stale(bilag)
    assert tasks.reclean_bilag(bilag.pk) is True
    assert not is_stale(bilag)
    assert tasks.reclean_bilag(bilag.pk) is False  # nothing left to change
    assert tasks.reclean_bilag(0) is False  # deleted since it was queued


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def run_action(staff_client, *selected: Bilag):
    return staff_client.post(
        "/admin/bilag/bilag/",
        {"action": "reclean", "_selected_action": [b.pk for b in selected]},
        follow=True,
    )


def test_admin_action_queues_the_public_bilag_and_says_how_many(processed, staff_client):
    stale = processed()
    make_stale(stale)
    failed = BilagFactory(status=Bilag.Status.FAILED, number=None)

    response = run_action(staff_client, stale, failed)

    assert response.status_code == 200
    assert messages_of(response) == [
        "1 bilag er lagt i kø til at få teksten renset igen.",
        "1 bilag er ikke offentliggjort og blev sprunget over.",
    ]
    assert not is_stale(stale)  # run at once here (BAGGRUND_PROCESSING=inline)
    assert Bilag.objects.get(pk=failed.pk).status == Bilag.Status.FAILED
    assert b"Rens teksten igen" in staff_client.get("/admin/bilag/bilag/").content


def test_admin_action_goes_to_celery_when_a_broker_is_configured(
    processed, staff_client, settings, monkeypatch
):
    settings.BAGGRUND_PROCESSING = "celery"
    bilag = processed()
    sent = []
    monkeypatch.setattr(tasks.reclean_bilag, "apply_async", lambda **kw: sent.append(kw))

    messages = messages_of(run_action(staff_client, bilag))

    assert [call["args"] for call in sent] == [[bilag.pk]]
    assert sent[0]["time_limit"] > sent[0]["soft_time_limit"] > 0
    assert messages == ["1 bilag er lagt i kø til at få teksten renset igen."]


def test_admin_action_says_so_when_the_broker_is_down(
    processed, staff_client, settings, monkeypatch
):
    settings.BAGGRUND_PROCESSING = "celery"
    bilag, other = processed(863), processed(864)
    tries = []

    def unreachable(**kwargs):
        tries.append(kwargs)
        raise BrokerError("connection refused")

    monkeypatch.setattr(tasks.reclean_bilag, "apply_async", unreachable)

    messages = messages_of(run_action(staff_client, bilag, other))

    # Each try waits for the broker's timeout: one is enough to know it is down.
    assert len(tries) == 1

    assert messages == [
        "0 bilag er lagt i kø til at få teksten renset igen.",
        "Køen svarer ikke; prøv igen om lidt.",
    ]
    assert Bilag.objects.get(pk=bilag.pk).progress == ""  # not left waiting for the sweeper


def command(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("reclean", *args, stdout=out)
    return out.getvalue().splitlines()


def test_command_all_cleans_every_public_bilag_and_reports(processed, monkeypatch):
    first, second = processed(863), processed(864)
    make_stale(first)
    make_stale(second)
    BilagFactory(status=Bilag.Status.FAILED, number=None)
    monkeypatch.setattr(reclean, "PROGRESS_EVERY", 1)

    assert command("--all") == [
        "1 of 2 bilag, 1 with new text so far",
        "2 of 2 bilag, 2 with new text so far",
        "2 bilag, 2 with new text",
    ]
    assert not is_stale(first) and not is_stale(second)
    assert command("--all")[-1] == "2 bilag, 0 with new text"


def test_command_cleans_the_named_bilag_only(processed):
    named, other = processed(863), processed(864)
    make_stale(named)
    make_stale(other)

    assert command("syrien/863", "--verbosity", "2") == [
        "/syrien/863/: new text",
        "1 bilag, 1 with new text",
    ]
    assert not is_stale(named) and is_stale(other)


def test_command_refuses_an_unknown_bilag_and_writes_nothing(processed):
    bilag = processed()
    make_stale(bilag)

    with pytest.raises(CommandError, match="No bilag at atlantis/1, syrien") as error:
        command("syrien/863", "atlantis/1", "syrien")
    assert error.value.returncode != 0
    assert is_stale(bilag)
    with pytest.raises(CommandError, match="or give --all"):
        command()


def test_a_bilag_of_only_its_cover_sheet_is_cleaned_to_no_text():
    bilag = BilagFactory(status=Bilag.Status.PUBLISHED, cleaned_text="old text")
    PageFactory(bilag=bilag, number=1, raw_text="\n".join(cover(863)), text="old text")

    assert reclean_bilag(bilag)
    bilag.refresh_from_db()
    assert bilag.cleaned_text == "" and page_texts(bilag) == [""]


def test_command_goes_on_past_a_bilag_that_fails_and_says_which(processed, monkeypatch):
    first, second = processed(863), processed(864)
    make_stale(first)
    make_stale(second)
    clean_again = processing.reclean_bilag

    def failing_on_863(bilag):
        if bilag.pk == first.pk:
            raise RuntimeError("disk full")
        return clean_again(bilag)

    monkeypatch.setattr(reclean, "reclean_bilag", failing_on_863)

    with pytest.raises(CommandError, match=r"1 bilag failed.*/syrien/863/ \(RuntimeError: disk"):
        command("--all")
    assert is_stale(first) and not is_stale(second)


TEASER = "Floods in the south: farmers return to their fields"


def web_print_with_a_linked_teaser(path) -> bytes:
    """The board's cover sheet, then a browser's print of an article whose last line, before
    the share bar, is a link to another article."""
    header = ("11/10/2018, 14:32 Border crossing reopens - Example News", "", "")
    footer = "https://news.example.org/world/border-crossing-reopens {}/2"

    def plain(text: str) -> list[pdfs.LinkedLine]:
        return [(line, "", "") for line in text.split("\n")]

    pages = [
        plain("\n".join(cover(863))),
        [header, *plain(PARAGRAPHS[0]), ("", "", ""), *plain(footer.format(1))],
        [
            header,
            *plain(PARAGRAPHS[1]),
            (TEASER, "https://news.example.org/floods", ""),
            ("Share this story", "", ""),
            *plain(footer.format(2)),
        ],
    ]
    return pdfs.linked_pdf(path, pages).read_bytes()


PARAGRAPHS = [
    "The regional authorities announced on Monday that the border crossing would reopen\n"
    "for civilians after three weeks of closure, according to several local officials who\n"
    "spoke to the press in the capital. Aid organisations said that families had waited.",
    "Human rights groups have documented arbitrary arrests of returnees in the area during\n"
    "the past year, and they warn that the security situation remains unpredictable for\n"
    "people who are perceived to be opponents of the government\nor its armed forces.",
]


def test_link_lines_are_stored_and_cleaning_again_reads_them(
    django_capture_on_commit_callbacks, tmp_path
):
    pdf = ContentFile(web_print_with_a_linked_teaser(tmp_path / "print.pdf"), name="p.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        bilag = accept_upload(pdf)
    bilag.refresh_from_db()
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    last = bilag.pages.get(number=3)
    assert [last.raw_text.split("\n")[i] for i in last.link_lines] == [TEASER]
    assert "arbitrary arrests" in bilag.cleaned_text and TEASER not in bilag.cleaned_text

    assert reclean_bilag(bilag) is False  # the same links, the same text
    Page.objects.filter(pk=last.pk).update(link_lines=[])
    assert reclean_bilag(bilag) is True
    assert TEASER in Bilag.objects.get(pk=bilag.pk).cleaned_text


@pytest.fixture
def printed(django_capture_on_commit_callbacks, tmp_path):
    """A bilag processed from the web print with a linked teaser."""
    pdf = ContentFile(web_print_with_a_linked_teaser(tmp_path / "print.pdf"), name="p.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        bilag = accept_upload(pdf)
    assert TEASER not in Bilag.objects.get(pk=bilag.pk).cleaned_text
    return bilag


def stored_before_links(bilag: Bilag) -> None:
    """As a page stored before link lines were read is: none, and the text cleaned without."""
    pages = list(bilag.pages.order_by("number"))
    cleaned = clean_pages([page.raw_text for page in pages[1:]])
    for page, text in zip(pages, ["", *cleaned], strict=True):
        page.link_lines, page.text = None, text
    Page.objects.bulk_update(pages, ["link_lines", "text"])
    Bilag.objects.filter(pk=bilag.pk).update(cleaned_text="\n\n".join(filter(None, cleaned)))
    assert TEASER in Bilag.objects.get(pk=bilag.pk).cleaned_text


def test_cleaning_again_reads_the_link_lines_of_older_pages_from_the_pdf(printed):
    stored_before_links(printed)

    assert reclean_bilag(printed) is True

    assert TEASER not in Bilag.objects.get(pk=printed.pk).cleaned_text
    last = printed.pages.get(number=3)
    assert [last.raw_text.split("\n")[i] for i in last.link_lines] == [TEASER]
    assert printed.pages.get(number=1).link_lines == []  # read: the cover has no links


def test_a_page_whose_pdf_text_is_not_its_raw_text_gets_no_link_lines(printed):
    stored_before_links(printed)
    Page.objects.filter(bilag=printed, number=3).update(method=Page.Method.OCR)

    reclean_bilag(printed)

    assert printed.pages.get(number=3).link_lines == []
    assert TEASER in Bilag.objects.get(pk=printed.pk).cleaned_text


def test_without_a_readable_pdf_the_link_lines_are_left_for_later(printed, caplog):
    stored_before_links(printed)
    printed.pdf.storage.delete(printed.pdf.name)

    assert reclean_bilag(printed) is False  # the same text as before

    assert list(printed.pages.values_list("link_lines", flat=True)) == [None, None, None]
    assert "links not read" in caplog.text


def headerless_print_with_a_linked_teaser(path, producer: str) -> ContentFile:
    """The cover sheet, then an article saved as PDF without the browser's header and footer,
    its last line before the share bar a link to another article; made by PRODUCER."""

    def plain(text: str) -> list[pdfs.LinkedLine]:
        return [(line, "", "") for line in text.split("\n")]

    pages = [
        plain("\n".join(cover(863))),
        plain(PARAGRAPHS[0]),
        [
            *plain(PARAGRAPHS[1]),
            (TEASER, "https://news.example.org/floods", ""),
            ("Share this story", "", ""),
        ],
    ]
    pdf = pdfs.with_producer(pdfs.linked_pdf(path, pages), producer)
    return ContentFile(pdf.read_bytes(), name="saved.pdf")


@pytest.mark.parametrize(
    ("producer", "browser"), [("Skia/PDF m120", True), ("ReportLab PDF Library", False)]
)
def test_a_pdf_a_browser_saved_without_its_print_header_has_its_links_read(
    django_capture_on_commit_callbacks, tmp_path, producer, browser
):
    pdf = headerless_print_with_a_linked_teaser(tmp_path / "saved.pdf", producer)
    with django_capture_on_commit_callbacks(execute=True):
        bilag = accept_upload(pdf)
    bilag.refresh_from_db()
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert bilag.made_by_browser is browser
    assert "arbitrary arrests" in bilag.cleaned_text
    assert (TEASER in bilag.cleaned_text) is not browser


@pytest.fixture
def saved(django_capture_on_commit_callbacks, tmp_path):
    """A bilag from a browser's PDF without print header, stored as before its maker was
    read: made_by_browser unknown, its text cleaned without."""
    pdf = headerless_print_with_a_linked_teaser(tmp_path / "saved.pdf", "Skia/PDF m120")
    with django_capture_on_commit_callbacks(execute=True):
        bilag = accept_upload(pdf)
    pages = list(bilag.pages.order_by("number"))
    cleaned = clean_pages(
        [page.raw_text for page in pages[1:]], [page.link_lines for page in pages[1:]]
    )
    for page, text in zip(pages, ["", *cleaned], strict=True):
        page.text = text
    Page.objects.bulk_update(pages, ["text"])
    Bilag.objects.filter(pk=bilag.pk).update(
        made_by_browser=None, cleaned_text="\n\n".join(filter(None, cleaned))
    )
    assert TEASER in Bilag.objects.get(pk=bilag.pk).cleaned_text
    return bilag


def test_cleaning_again_reads_from_the_pdf_whether_a_browser_made_it(saved):
    assert reclean_bilag(saved) is True

    saved.refresh_from_db()
    assert saved.made_by_browser is True
    assert TEASER not in saved.cleaned_text and "arbitrary arrests" in saved.cleaned_text


def test_without_a_readable_pdf_its_maker_is_left_for_later(saved, caplog):
    saved.pdf.storage.delete(saved.pdf.name)

    assert reclean_bilag(saved) is False

    saved.refresh_from_db()
    assert saved.made_by_browser is None
    assert "producer not read" in caplog.text


def test_the_admin_shows_whether_a_browser_made_the_pdf(
    django_capture_on_commit_callbacks, tmp_path, staff_client
):
    pdf = headerless_print_with_a_linked_teaser(tmp_path / "saved.pdf", "Skia/PDF m120")
    with django_capture_on_commit_callbacks(execute=True):
        bilag = accept_upload(pdf)

    page = staff_client.get(f"/admin/bilag/bilag/{bilag.pk}/change/").content.decode()

    assert "Lavet af en browser" in page
