from django.core.management.base import BaseCommand

from bilag.tasks import sweep_stuck_bilag


class Command(BaseCommand):
    help = "Queue bilag again that are stuck in processing (also run every 5 minutes by beat)."

    def handle(self, *args, **options):
        requeued = sweep_stuck_bilag()
        self.stdout.write(f"Requeued {len(requeued)} bilag.")
