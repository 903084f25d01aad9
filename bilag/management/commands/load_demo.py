"""Load the demo material: PDFs with the board's cover page, processed like real uploads."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand

from bilag.demo import DEMO_DOCUMENTS, demo_pdf
from bilag.models import Bilag, Country, Source
from bilag.processing import DuplicateUpload, accept_upload

DEMO_SOURCES = {
    "Demo Nyhedsbureau": Source.Kind.NEWS,
    "Demo Human Rights Monitor": Source.Kind.NGO,
    "Demo FN-kontor": Source.Kind.UN,
    "Demo Udlændingestyrelse": Source.Kind.GOVERNMENT,
}


class Command(BaseCommand):
    help = "Load demo bilag for a few countries and «Diverse emner» (safe to run again)."

    def handle(self, *args, **options):
        settings.BAGGRUND_PROCESSING = "inline"
        for name, kind in DEMO_SOURCES.items():
            Source.objects.get_or_create(
                name=name,
                defaults={"kind": kind, "description": "Demo-kilde, opdigtet til Baggrund."},
            )
        for document in DEMO_DOCUMENTS:
            country = Country.objects.lookup(document.country)
            if Bilag.objects.filter(country=country, number=document.number).exists():
                continue
            upload = ContentFile(
                demo_pdf(document), name=f"{country.slug}-{document.number}-demo.pdf"
            )
            try:
                bilag = accept_upload(upload)
            except DuplicateUpload:
                continue
            bilag.refresh_from_db()
            reason = f" – {bilag.failure_reason}" if bilag.failure_reason else ""
            self.stdout.write(f"{bilag.get_status_display()}: {bilag}{reason}")
        for document in DEMO_DOCUMENTS:
            if document.withdrawn_note:
                country = Country.objects.lookup(document.country)
                bilag = Bilag.objects.get(country=country, number=document.number)
                if bilag.status == Bilag.Status.PUBLISHED:
                    successor = Bilag.objects.filter(
                        country=country, number=document.superseded_by
                    ).first()
                    bilag.withdraw(
                        on=document.added, note=document.withdrawn_note, superseded_by=successor
                    )
