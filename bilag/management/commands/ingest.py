"""Import PDFs in bulk through the same pipeline as uploads in the admin."""

import time
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from bilag.models import Bilag, Country
from bilag.processing import DuplicateUpload, accept_upload


def pdf_paths(paths: list[str]) -> list[Path]:
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"
            )
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{name}: no such file or folder")
    return found


class Command(BaseCommand):
    help = "Import PDF files (or folders of them) as bilag; --wait processes them and reports."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="PDF files or folders")
        parser.add_argument("--wait", action="store_true", help="wait for each file's result")
        parser.add_argument("--country", help="country for files without the board's cover page")
        parser.add_argument("--timeout", type=int, default=3600, help="seconds to wait in all")

    def handle(self, *args, paths, wait, country, timeout, **options):
        country_obj = None
        if country:
            country_obj = Country.objects.lookup(country)
            if country_obj is None:
                raise CommandError(f"Unknown country: {country}")
        if wait and settings.BAGGRUND_PROCESSING == "thread":
            # Nothing outlives this command, so process here instead of in a thread.
            settings.BAGGRUND_PROCESSING = "inline"

        accepted: list[tuple[Path, Bilag]] = []
        failures = 0
        files = pdf_paths(paths)
        for path in files:
            try:
                with path.open("rb") as handle:
                    bilag = accept_upload(File(handle, name=path.name), country=country_obj)
            except DuplicateUpload as duplicate:
                self.stdout.write(f"{path}: {duplicate}")
                failures += 1
                continue
            if not wait:
                self.stdout.write(f"{path}: queued as #{bilag.pk}")
            accepted.append((path, bilag))

        if wait:
            deadline = time.monotonic() + timeout
            for path, bilag in accepted:
                bilag = self.wait_for(bilag, deadline)
                if bilag.status == Bilag.Status.PUBLISHED:
                    self.stdout.write(bilag.get_absolute_url())
                else:
                    failures += 1
                    reason = bilag.failure_reason or f"still {bilag.status} after {timeout} s"
                    self.stdout.write(f"{path}: {reason}")
        if failures:
            raise CommandError(f"{failures} of {len(files)} files failed")

    def wait_for(self, bilag: Bilag, deadline: float) -> Bilag:
        while True:
            bilag.refresh_from_db()
            if bilag.status != Bilag.Status.PROCESSING or time.monotonic() > deadline:
                return bilag
            time.sleep(0.5)
