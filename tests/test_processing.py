"""Uploads through processing to a published bilag, run in-process on the test database."""

import datetime
import re
import textwrap
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from bilag.demo import rasterize_pdf, render_pdf
from bilag.models import Bilag, Page
from bilag.pipeline.cover import Cover, DatePrecision, FuzzyDate
from bilag.pipeline.extract import PdfError
from bilag.processing import (
    PIPELINE_FAILURES,
    DuplicateUpload,
    ProcessingError,
    accept_upload,
    apply_cover,
    failure_reason,
    process_bilag,
)

from . import pdfs
from .factories import BilagFactory, SourceFactory, country

pytestmark = pytest.mark.django_db

COVER = [
    "Flygtningenævnets baggrundsmateriale",
    "Bilagsnr.: 863",
    "Land: Syrien",
    "Kilde: BBC News",
    "Titel: US-backed force attacks IS pocket in eastern Syria",
    "Udgivet: 11. september 2018",
    "Optaget på baggrundsmaterialet: 11. oktober 2018",
]
BODY = [
    [
        "Government forces and their allies launched an offensive against the last pocket held "
        "by the group in the eastern province, residents and monitors said on Tuesday.",
        "Thousands of civilians fled the villages along the river during the fighting.",
    ],
    ["Aid agencies warned that the camps receiving the displaced were already overcrowded."],
]


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """Upload bytes or a file and process it, running the on_commit queueing in the test."""

    def upload(data: bytes | Path, name: str = "bilag.pdf", **fields) -> Bilag:
        if isinstance(data, Path):
            data, name = data.read_bytes(), data.name
        with django_capture_on_commit_callbacks(execute=True):
            bilag = accept_upload(ContentFile(data, name=name), **fields)
        bilag.refresh_from_db()
        return bilag

    return upload


def test_born_digital_bilag_with_cover_is_published_with_its_metadata(upload):
    bilag = upload(render_pdf(COVER, BODY, notice=""))
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert (bilag.country.slug, bilag.number) == ("syrien", 863)
    assert bilag.source.name == "BBC News"
    assert bilag.title == "US-backed force attacks IS pocket in eastern Syria"
    assert (bilag.published, bilag.published_precision) == (datetime.date(2018, 9, 11), "day")
    assert bilag.added == datetime.date(2018, 10, 11)
    assert bilag.page_count == 3 and bilag.language == "en"
    assert "Flygtningenævnets baggrundsmateriale" not in bilag.cleaned_text
    assert "Thousands of civilians fled the villages" in bilag.cleaned_text
    pages = list(bilag.pages.values_list("number", "method"))
    assert pages == [(1, "text"), (2, "text"), (3, "text")]
    assert bilag.pages.get(number=1).text == ""
    assert "overcrowded" in bilag.pages.get(number=3).raw_text
    assert "overcrowded" in bilag.cleaned_text
    assert not bilag.archive_pdf and len(bilag.sha256) == 64


def test_processing_indexes_the_bilag_once_with_its_pages(upload, monkeypatch):
    import bilag.search

    published = upload(render_pdf(COVER, BODY, notice=""))
    calls = []
    index_bilag = bilag.search.index_bilag
    monkeypatch.setattr(
        bilag.search, "index_bilag", lambda b, **kw: calls.append(kw) or index_bilag(b, **kw)
    )
    process_bilag(published.pk)
    assert calls == [{}]  # with its pages, not once more from the save
    assert list(Bilag.objects.search("overcrowded")) == [published]


def test_month_precision_and_existing_source_matched_case_insensitively(upload):
    SourceFactory(name="BBC NEWS")
    cover = [*COVER[:5], "Udgivet: september 2018", COVER[6]]
    bilag = upload(render_pdf(cover, BODY, notice=""))
    assert bilag.source.name == "BBC NEWS"
    assert (bilag.published, bilag.published_precision) == (datetime.date(2018, 9, 1), "month")


def test_values_typed_by_staff_win_and_disagreements_are_flagged(upload):
    source = SourceFactory(name="Reuters")
    bilag = upload(render_pdf(COVER, BODY, notice=""), country=country("syrien"), source=source)
    assert bilag.status == Bilag.Status.PUBLISHED
    assert bilag.source == source and bilag.number == 863
    assert bilag.cover_warnings == ["Kilde: indtastet «Reuters», forsiden siger «BBC News»"]


def test_without_a_cover_the_country_given_by_staff_is_used_and_a_number_assigned(upload):
    BilagFactory(number=4)
    bilag = upload(render_pdf(None, BODY, notice=""), country=country("syrien"))
    assert bilag.status == Bilag.Status.PUBLISHED
    assert bilag.number == 5


def test_without_a_cover_or_country_it_fails_with_a_reason(upload):
    bilag = upload(render_pdf(None, BODY, notice=""))
    assert bilag.status == Bilag.Status.FAILED
    assert "Landet mangler" in bilag.failure_reason


def test_unknown_country_on_the_cover_fails_clearly(upload):
    cover = [COVER[0], COVER[1], "Land: Atlantis", *COVER[3:]]
    bilag = upload(render_pdf(cover, BODY, notice=""))
    assert bilag.status == Bilag.Status.FAILED
    assert "Atlantis" in bilag.failure_reason


def test_ocr_damaged_country_on_a_scanned_cover_is_read_as_the_closest_name_with_a_warning():
    bilag = BilagFactory(country=None, number=None, status=Bilag.Status.PROCESSING)
    warnings = apply_cover(bilag, Cover(country="Syrlen"), scanned=True)
    assert bilag.country.slug == "syrien"
    assert warnings == ["Land: forsiden siger «Syrlen», læst som «Syrien»"]


def test_the_covers_added_date_replaces_the_upload_day_also_late_in_the_evening():
    # 23:30 UTC on 1 December is 2 December in Copenhagen, the day "added" defaults to.
    uploaded = datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC)
    bilag = BilagFactory(added=datetime.date(2026, 12, 2))
    Bilag.objects.filter(pk=bilag.pk).update(created_at=uploaded)
    bilag.refresh_from_db()
    cover = Cover(added=FuzzyDate(datetime.date(2018, 10, 11), DatePrecision.DAY))

    assert apply_cover(bilag, cover, scanned=False) == []
    assert bilag.added == datetime.date(2018, 10, 11)


def test_unknown_country_on_a_typed_cover_is_not_guessed():
    bilag = BilagFactory(country=None, number=None, status=Bilag.Status.PROCESSING)
    with pytest.raises(ProcessingError, match="Syrlen"):
        apply_cover(bilag, Cover(country="Syrlen"), scanned=False)


def test_names_read_as_what_staff_typed_raise_no_warning():
    bilag = BilagFactory(source=SourceFactory(name="Udlændingestyrelsen"))
    cover = Cover(country="Syrlen", source="Udleendingestyrelsen")
    assert apply_cover(bilag, cover, scanned=True) == []


def test_a_number_already_taken_fails_and_leaves_the_other_bilag_alone(upload):
    existing = BilagFactory(number=863, title="Den første")
    bilag = upload(render_pdf(COVER, BODY, notice=""))
    assert bilag.status == Bilag.Status.FAILED
    assert "allerede et bilag nr. 863" in bilag.failure_reason
    existing.refresh_from_db()
    assert existing.title == "Den første" and existing.status == Bilag.Status.PUBLISHED


def test_scanned_bilag_is_ocrd_and_gets_a_searchable_copy(upload):
    scan = rasterize_pdf(render_pdf(COVER, [BODY[0]], notice=""), dpi=200)
    bilag = upload(scan)
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert bilag.number == 863 and bilag.country.slug == "syrien"
    assert bilag.cover_warnings == [
        "Forsiden er scannet og læst med OCR: "
        "kontrollér bilagsnr. 863, land, kilde, titel og datoer"
    ]
    assert set(bilag.pages.values_list("method", flat=True)) == {"ocr"}
    assert "civilians" in bilag.cleaned_text
    assert bilag.archive_pdf and bilag.archive_pdf.open("rb").read(5) == b"%PDF-"
    assert bilag.pdf.open("rb").read() == scan  # the original is kept unchanged
    assert bilag.served_pdf() == bilag.archive_pdf


def test_a_cover_in_a_scans_own_text_layer_is_read_as_scanned(upload, tmp_path):
    cover = [*COVER[:2], "Land: Syrlen", *COVER[3:]]  # the scanner's OCR misread "i"
    body = textwrap.wrap(" ".join(BODY[0]), 80)
    bilag = upload(pdfs.scan_with_text_layer_pdf(tmp_path / "scan.pdf", [cover, body]))
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert (bilag.country.slug, bilag.number) == ("syrien", 863)
    assert bilag.cover_warnings == [
        "Land: forsiden siger «Syrlen», læst som «Syrien»",
        "Forsiden er scannet og læst med OCR: "
        "kontrollér bilagsnr. 863, land, kilde, titel og datoer",
    ]
    # The layer's text is used as it is: not OCR'd again, no searchable copy made.
    assert list(bilag.pages.values_list("method", flat=True)) == ["text", "text"]
    assert "civilians" in bilag.cleaned_text and not bilag.archive_pdf


def test_a_typed_cover_is_not_guessed_or_flagged(upload):
    misspelt = upload(render_pdf([*COVER[:2], "Land: Syrlen", *COVER[3:]], BODY, notice=""))
    assert misspelt.status == Bilag.Status.FAILED and "Syrlen" in misspelt.failure_reason
    typed = upload(render_pdf(COVER, BODY, notice=""))
    assert typed.status == Bilag.Status.PUBLISHED and typed.cover_warnings == []


def test_mixed_pdf_is_decided_page_by_page(upload, tmp_path):
    bilag = upload(pdfs.mixed_pdf(tmp_path / "mixed.pdf"), country=country("iran"))
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert list(bilag.pages.values_list("method", flat=True)) == ["text", "ocr"]
    assert "journalists" in bilag.pages.get(number=2).raw_text.lower()


def test_encrypted_with_empty_user_password_is_decrypted(upload, tmp_path):
    bilag = upload(pdfs.encrypted_pdf(tmp_path / "open.pdf"), country=country("iran"))
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert "Flygtningenævnet" in bilag.cleaned_text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: pdfs.encrypted_pdf(p, user="hemmeligt"), "beskyttet med en adgangskode"),
        (pdfs.corrupt_pdf, "beskadiget"),
        (pdfs.html_file, "ikke en PDF (den begynder med '<html>"),
        (pdfs.zero_page_pdf, "ingen sider"),
        (lambda p: (p.write_bytes(b""), p)[1], "Filen er tom"),
    ],
)
def test_bad_files_fail_clearly_and_touch_nothing_else(upload, tmp_path, make, reason):
    existing = BilagFactory(number=1, cleaned_text="Uændret")
    bilag = upload(make(tmp_path / "bad.pdf"), country=country("syrien"))
    assert bilag.status == Bilag.Status.FAILED
    assert reason.lower() in bilag.failure_reason.lower()
    assert bilag.pages.count() == 0
    existing.refresh_from_db()
    assert (existing.status, existing.cleaned_text) == (Bilag.Status.PUBLISHED, "Uændret")


def test_the_same_file_twice_is_refused_with_a_link_to_the_first(upload):
    data = render_pdf(COVER, BODY, notice="")
    first = upload(data)
    with pytest.raises(DuplicateUpload) as refused:
        upload(data, name="again.pdf")
    assert "/syrien/863/" in str(refused.value) and refused.value.existing == first
    assert Bilag.objects.count() == 1


def test_processing_twice_gives_the_same_bilag_and_no_extra_rows_or_files(
    upload, media_root, django_capture_on_commit_callbacks
):
    scan = rasterize_pdf(render_pdf(COVER, [BODY[0]], notice=""), dpi=150)
    bilag = upload(scan)
    first = (bilag.cleaned_text, bilag.number, bilag.archive_pdf.name)
    with django_capture_on_commit_callbacks(execute=True):
        again = process_bilag(bilag.pk)
    assert (again.cleaned_text, again.number) == first[:2]
    assert Page.objects.filter(bilag=bilag).count() == 2
    assert Bilag.objects.count() == 1
    archive_files = list((media_root / "bilag" / "archive").rglob("*.pdf"))
    assert len(archive_files) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ingest_command_reports_permalinks_and_errors(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(render_pdf(COVER, BODY, notice=""))
    pdfs.html_file(folder / "bad.pdf")
    with pytest.raises(CommandError, match="1 of 2 files failed"):
        call_command("ingest", str(folder), "--wait", "--timeout", "120")
    lines = capsys.readouterr().out.splitlines()
    assert "/syrien/863/" in lines
    assert any("bad.pdf: " in line and "ikke en PDF" in line for line in lines)


def test_ingest_unknown_path_is_an_error():
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", "/nonexistent/file.pdf")


def test_admin_upload_of_several_files_and_status_polling(
    staff_client, django_capture_on_commit_callbacks
):
    files = [
        ContentFile(render_pdf(COVER, BODY, notice=""), name="a.pdf"),
        ContentFile(render_pdf(None, BODY, notice=""), name="b.pdf"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/bilag/bilag/upload/",
            {"files": files, "country": country("iran").pk},
        )
    assert response.status_code == 302
    assert Bilag.objects.count() == 2
    ids = ",".join(str(pk) for pk in Bilag.objects.values_list("pk", flat=True))
    status = staff_client.get(f"/admin/bilag/bilag/status/?ids={ids}").json()
    assert {row["status"] for row in status.values()} == {"published"}
    assert all(row["done"] for row in status.values())
    changelist = staff_client.get("/admin/bilag/bilag/")
    assert changelist.status_code == 200 and b"live-status.js" in changelist.content


def test_admin_reprocess_action_runs_a_failed_bilag_again(
    upload, staff_client, django_capture_on_commit_callbacks
):
    bilag = upload(render_pdf(None, BODY, notice=""))
    assert bilag.status == Bilag.Status.FAILED
    Bilag.objects.filter(pk=bilag.pk).update(country=country("iran"))
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            "/admin/bilag/bilag/", {"action": "reprocess", "_selected_action": [bilag.pk]}
        )
    bilag.refresh_from_db()
    assert bilag.status == Bilag.Status.PUBLISHED and bilag.number == 1


def test_public_cannot_reach_the_upload_or_status_views(client):
    assert client.get("/admin/bilag/bilag/upload/").status_code == 302
    assert client.get("/admin/bilag/bilag/status/?ids=1").status_code == 302


@pytest.mark.nodb
def test_every_reason_the_pipeline_gives_has_a_message_for_staff():
    pipeline = Path(__file__).resolve().parents[1] / "bilag" / "pipeline"
    source = "\n".join(p.read_text() for p in pipeline.glob("*.py"))
    codes = set(re.findall(r'(?:Error|Unavailable)\(\s*(?:f?"[^"]*"|\w+),\s*"(\w+)"', source))
    codes |= set(re.findall(r'\bcode="(\w+)"', source))
    assert {"empty", "password", "page_timeout", "ocrmypdf_failed"} <= codes
    assert codes <= PIPELINE_FAILURES.keys()


def test_a_pipeline_reason_reaches_staff_in_danish_with_its_details():
    error = PdfError(
        "The PDF has 2,001 pages; the limit is 2,000", "too_many_pages", pages=2001, limit=2000
    )
    assert failure_reason(error) == "PDF'en har 2001 sider; grænsen er 2000."
    assert failure_reason(ProcessingError("Landet mangler")) == "Landet mangler"


def test_admin_lists_the_bilag_whose_cover_needs_checking(staff_client):
    BilagFactory(title="Afviger", cover_warnings=["Kilde: indtastet «A», forsiden siger «B»"])
    BilagFactory(title="I orden")
    to_check = staff_client.get("/admin/bilag/bilag/?forside=kontroller")
    assert [b.title for b in to_check.context["cl"].result_list] == ["Afviger"]
    fine = staff_client.get("/admin/bilag/bilag/?forside=ok")
    assert [b.title for b in fine.context["cl"].result_list] == ["I orden"]


@pytest.mark.parametrize(
    ("read", "scanned", "expected", "warned"),
    [
        ("Udleendingestyrelsen", True, "Udlændingestyrelsen", True),  # æ read as "ee"
        ("udlændingestyrelsen", True, "Udlændingestyrelsen", False),  # the same name
        ("Udleendingestyrelsen", False, "Udleendingestyrelsen", False),  # typed: as written
        ("CBS News", True, "CBS News", False),  # one letter from BBC News: another source
    ],
)
def test_source_read_by_ocr_is_taken_as_the_known_source_it_is_closest_to(
    read, scanned, expected, warned
):
    SourceFactory(name="Udlændingestyrelsen")
    SourceFactory(name="BBC News")
    bilag = BilagFactory(source=None, number=7)
    warnings = apply_cover(bilag, Cover(source=read), scanned=scanned)
    assert bilag.source.name == expected
    warning = f"Kilde: forsiden siger «{read}», læst som «{expected}»"
    assert warnings == ([warning] if warned else [])


def test_admin_action_marks_covers_checked_and_they_leave_the_list(staff_client):
    checked = BilagFactory(title="Kontrolleret", cover_warnings=["Forsiden er scannet …"])
    BilagFactory(title="Afventer", cover_warnings=["Forsiden er scannet …"])
    response = staff_client.post(
        "/admin/bilag/bilag/",
        {"action": "cover_checked", "_selected_action": [checked.pk]},
        follow=True,
    )
    assert "1 bilag er markeret som kontrolleret." in response.content.decode()
    checked.refresh_from_db()
    assert checked.cover_warnings == []
    to_check = staff_client.get("/admin/bilag/bilag/?forside=kontroller")
    assert [b.title for b in to_check.context["cl"].result_list] == ["Afventer"]


def test_an_address_typed_in_the_admin_without_its_scheme_is_a_secure_one(rf, admin_user):
    from django.contrib import admin

    from bilag.admin import DecisionCitationInline, SourceAdmin
    from bilag.models import Source

    request = rf.get("/admin/")
    request.user = admin_user
    source_form = SourceAdmin(Source, admin.site).get_form(request)
    citation_form = DecisionCitationInline(Bilag, admin.site).get_formset(request).form
    for form in (source_form, citation_form):
        assert form.base_fields["url"].clean("www.unhcr.org") == "https://www.unhcr.org"
