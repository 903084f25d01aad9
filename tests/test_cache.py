"""The anonymous page cache shared through Redis (CACHE_URL), as several web machines use it."""

import pytest
import redis
from django.test import Client

from bilag.models import Bilag

from .factories import BilagFactory
from .test_worker import redis_available

CACHE_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture
def shared_cache(settings):
    if not redis_available():
        pytest.skip("Redis is not reachable")
    store = redis.Redis.from_url(CACHE_URL)
    store.flushdb()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    yield store
    store.flushdb()


@pytest.mark.django_db
def test_pages_are_cached_in_redis_for_every_web_process(shared_cache):
    BilagFactory(title="Første udgave")
    assert "Første udgave" in Client().get("/").content.decode()
    assert any(b"page" in key for key in shared_cache.scan_iter())
    Bilag.objects.update(title="Rettet udgave")
    # The page comes from Redis, where every web process finds it: emptying Redis is what
    # brings the correction out before the page expires.
    assert "Første udgave" in Client().get("/").content.decode()
    shared_cache.flushdb()
    assert "Rettet udgave" in Client().get("/").content.decode()
