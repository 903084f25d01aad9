from pathlib import Path

import pytest
from django.test import Client

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def staff_client(django_user_model):
    client = Client()
    user = django_user_model.objects.create_user(
        "staff", password="pw", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "staff_client"}


def pytest_collection_modifyitems(items):
    # Tests that never touch the database run once, not once per database backend.
    for item in items:
        if not item.get_closest_marker("django_db") and not DATABASE_FIXTURES & set(
            item.fixturenames
        ):
            item.add_marker(pytest.mark.nodb)


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """No page or lookup cached by one test may answer another."""
    from django.core.cache import cache

    settings.CACHE_MIDDLEWARE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def process_inline(settings):
    """Uploads are processed in the test's own process unless a test starts a worker."""
    settings.BAGGRUND_PROCESSING = "inline"


@pytest.fixture(autouse=True)
def default_language():
    """A page shown in English leaves English active in the thread; the next test starts over."""
    from django.utils import translation

    yield
    translation.deactivate()
