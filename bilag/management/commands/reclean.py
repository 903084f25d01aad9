"""Clean the stored raw text of bilag again, after the cleaner has improved: no OCR, and the
PDF only read for the link lines of pages stored before they were."""

import logging

from django.core.management.base import BaseCommand, CommandError

from bilag.admin import PERMALINK_PATH
from bilag.models import Bilag
from bilag.processing import reclean_bilag

PROGRESS_EVERY = 100
logger = logging.getLogger(__name__)


def named_bilag(permalinks: list[str]) -> list[int]:
    """The primary keys of the bilag at `LAND/NR`; an error naming every one not found."""
    pks, unknown = [], []
    for permalink in permalinks:
        match = PERMALINK_PATH.fullmatch(permalink.lstrip("/"))
        pk = (
            Bilag.objects.at_permalink(match["country"], int(match["number"]))
            .values_list("pk", flat=True)
            .first()
            if match
            else None
        )
        if pk is None:
            unknown.append(permalink)
        else:
            pks.append(pk)
    if unknown:
        raise CommandError(
            f"No bilag at {', '.join(unknown)} (give LAND/NR as in the permalink, e.g. "
            "syrien/863); nothing was cleaned"
        )
    return pks


class Command(BaseCommand):
    help = (
        "Clean the text of bilag again from their stored raw text, with today's cleaner "
        "(pages, text, language, search index; no PDF, OCR or cover sheet)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "permalinks", nargs="*", metavar="LAND/NR", help="a bilag by its permalink: syrien/863"
        )
        parser.add_argument(
            "--all", action="store_true", dest="everything", help="every public bilag"
        )

    def handle(self, *args, permalinks: list[str], everything: bool, **options) -> None:
        if bool(permalinks) == everything:
            raise CommandError("Name bilag as LAND/NR, or give --all")
        chosen = (
            Bilag.objects.public()
            if everything
            else Bilag.objects.filter(pk__in=named_bilag(permalinks))
        )
        total = chosen.count()
        # Only what the progress lines need; each re-clean reads its own row and pages.
        rows = chosen.select_related("country").only("pk", "number", "country", "country__slug")
        done = changed = 0
        failed = []
        for bilag in rows.order_by("pk").iterator(chunk_size=500):
            done += 1
            where = bilag.get_absolute_url() if bilag.has_permalink else f"#{bilag.pk}"
            try:
                renewed = reclean_bilag(bilag)
            except Exception as error:  # one bad bilag must not stop a run over the archive
                logger.exception("re-cleaning bilag %s failed", bilag.pk)
                failed.append(f"{where} ({error.__class__.__name__}: {error})")
                continue
            if renewed:
                changed += 1
                if options["verbosity"] >= 2:
                    self.stdout.write(f"{where}: new text")
            if done % PROGRESS_EVERY == 0:
                self.stdout.write(f"{done} of {total} bilag, {changed} with new text so far")
        self.stdout.write(f"{done} bilag, {changed} with new text")
        if failed:
            raise CommandError(
                f"{len(failed)} bilag failed and kept their text: {'; '.join(failed)}"
            )
