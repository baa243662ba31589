"""A cache backend for tests that counts how often a page reads the cache."""

from django.core.cache.backends.locmem import LocMemCache


class CountingCache(LocMemCache):
    """The in-memory cache, counting the calls that read it as a networked cache would make
    them: one for each ``get``, one for each ``get_many`` whatever it asks for.

    Use it with ``override_settings(CACHES=COUNTING_CACHES)``.
    """

    reads = 0

    def get(self, key, default=None, version=None):
        CountingCache.reads += 1
        return super().get(key, default, version)

    def get_many(self, keys, version=None):
        CountingCache.reads += 1
        missing = object()
        found = {key: LocMemCache.get(self, key, missing, version) for key in keys}
        return {key: value for key, value in found.items() if value is not missing}


COUNTING_CACHES = {"default": {"BACKEND": f"{__name__}.CountingCache", "LOCATION": "counting"}}
