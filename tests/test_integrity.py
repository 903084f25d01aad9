"""What decisions cite stays verifiable: audit trail, corrections, file versions, ranges."""

import pytest
from django.core.files.base import ContentFile

from bilag.audit import acting_user
from bilag.demo import render_pdf
from bilag.files import requested_range
from bilag.models import Bilag, BilagEvent

from .factories import BilagFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_every_change_is_in_the_audit_trail_with_who_and_what(django_user_model):
    editor = django_user_model.objects.create_user("editor")
    bilag = BilagFactory(number=1, title="Før")
    token = acting_user.set(editor)
    try:
        bilag.title = "Efter"
        bilag.save()
    finally:
        acting_user.reset(token)
    created, changed = bilag.events.order_by("at", "pk")
    assert created.action == BilagEvent.Action.CREATED and created.user is None
    assert changed.user == editor
    assert changed.changes == {"title": ["Før", "Efter"]}


def test_correcting_published_metadata_marks_the_permalink(client):
    bilag = BilagFactory(number=1)
    assert bilag.corrected_at is None
    bilag.source = SourceFactory(name="Rettet kilde")
    bilag.save()
    assert bilag.corrected_at is not None
    body = client.get("/syrien/1/").content.decode()
    assert "Rettet den" in body


def test_publishing_and_withdrawing_are_not_corrections():
    bilag = BilagFactory(number=None, status=Bilag.Status.PROCESSING)
    bilag.status = Bilag.Status.PUBLISHED
    bilag.save()
    bilag.withdraw(note="Forældet")
    bilag.refresh_from_db()
    assert bilag.corrected_at is None
    statuses = [e.changes["status"] for e in bilag.events.order_by("pk") if "status" in e.changes]
    assert statuses == [
        [None, "processing"],
        ["processing", "published"],
        ["published", "withdrawn"],
    ]


def test_permalink_shows_the_sha256(client):
    BilagFactory(number=1, sha256="ab" * 32)
    assert "ab" * 32 in client.get("/syrien/1/").content.decode()


def test_replacing_the_file_keeps_the_earlier_version_at_its_own_url(client):
    bilag = BilagFactory(number=1, sha256="1" * 64)
    first = bilag.pdf.open("rb").read()
    bilag.pdf.save(
        "new.pdf", ContentFile(render_pdf(None, [["Ny version"]], notice="")), save=False
    )
    bilag.sha256 = "2" * 64
    bilag.save()
    version = bilag.file_versions.get()
    assert (version.version, version.sha256) == (1, "1" * 64)
    response = client.get("/syrien/1/pdf/v1")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == first
    assert response["Content-Disposition"] == 'inline; filename="syrien-1-v1.pdf"'
    assert 'href="/syrien/1/pdf/v1"' in client.get("/syrien/1/").content.decode()
    assert client.get("/syrien/1/pdf/v2").status_code == 404


def test_pdf_conditional_get_answers_304():
    from django.test import Client

    BilagFactory(number=1, sha256="c" * 64)
    client = Client()
    first = client.get("/syrien/1/pdf")
    assert first["ETag"] == '"' + "c" * 64 + '"' and first["Accept-Ranges"] == "bytes"
    again = client.get("/syrien/1/pdf", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_pdf_byte_ranges(client):
    bilag = BilagFactory(number=1)
    data = bilag.pdf.open("rb").read()
    response = client.get("/syrien/1/pdf", headers={"Range": "bytes=10-19"})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 10-19/{len(data)}"
    assert b"".join(response.streaming_content) == data[10:20]
    tail = client.get("/syrien/1/pdf", headers={"Range": "bytes=-5"})
    assert b"".join(tail.streaming_content) == data[-5:]
    beyond = client.get("/syrien/1/pdf", headers={"Range": f"bytes={len(data) + 10}-"})
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{len(data)}"
    stale = client.get("/syrien/1/pdf", headers={"Range": "bytes=0-1", "If-Range": '"old"'})
    assert stale.status_code == 200


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", (0, 99)),
        ("bytes=90-", (90, 99)),
        ("bytes=-10", (90, 99)),
        ("bytes=50-500", (50, 99)),
        ("bytes=100-", False),
        ("bytes=5-2", False),
        ("bytes=0-1,5-6", None),
        ("items=0-1", None),
        ("", None),
    ],
)
def test_requested_range(header, expected):
    assert requested_range(header, 100) == expected
