"""Files in an S3-compatible object store (django-storages), as several machines share them.

A local moto server stands in for the object store; nothing leaves this machine.
"""

import socket
import subprocess
import sys
import time

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from bilag.demo import render_pdf
from bilag.models import Bilag
from bilag.processing import accept_upload

from .factories import BilagFactory
from .test_processing import BODY, COVER

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def object_store():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
    for _ in range(100):
        try:
            client.create_bucket(Bucket="baggrund")
            break
        except Exception:  # noqa: BLE001 - the server is still starting
            time.sleep(0.1)
    yield endpoint, client
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def s3_storage(object_store, settings, monkeypatch):
    endpoint, client = object_store
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "baggrund",
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "file_overwrite": False,
            },
        },
    }
    storages._storages = {}  # the storage handler caches backends; start afresh
    field = Bilag._meta.get_field("pdf")
    monkeypatch.setattr(field, "storage", storages["default"])
    yield client
    storages._storages = {}


def test_pdf_is_stored_in_the_object_store_and_served_with_ranges(s3_storage, client):
    bilag = BilagFactory(number=1)
    keys = [o["Key"] for o in s3_storage.list_objects_v2(Bucket="baggrund")["Contents"]]
    assert bilag.pdf.name in keys
    data = s3_storage.get_object(Bucket="baggrund", Key=bilag.pdf.name)["Body"].read()
    assert data.startswith(b"%PDF-")
    response = client.get("/syrien/1/pdf")
    assert b"".join(response.streaming_content) == data
    partial = client.get("/syrien/1/pdf", headers={"Range": "bytes=0-4"})
    assert partial.status_code == 206 and b"".join(partial.streaming_content) == b"%PDF-"


def test_an_upload_is_processed_from_the_object_store(
    s3_storage, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bilag = accept_upload(ContentFile(render_pdf(COVER, BODY, notice=""), name="a.pdf"))
    bilag.refresh_from_db()
    assert bilag.status == Bilag.Status.PUBLISHED, bilag.failure_reason
    assert (bilag.country.slug, bilag.number) == ("syrien", 863)
    assert "Thousands of civilians" in bilag.cleaned_text
