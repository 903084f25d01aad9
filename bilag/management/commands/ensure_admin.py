"""Create a local admin account for the embedded demo setup, once."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the superuser 'admin' with a random password if no superuser exists."

    def handle(self, *args, **options):
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin: an administrator already exists (manage.py changepassword admin)."
            )
            return
        password = secrets.token_urlsafe(12)
        users.create_superuser("admin", "", password)
        address = os.environ.get("BAGGRUND_ADDR", "127.0.0.1:8000")
        self.stdout.write(f"Admin: http://{address}/admin/  user: admin  password: {password}")
