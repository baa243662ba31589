"""A sorl-thumbnail key-value store kept in Django's cache, so showing an image never writes SQL.

sorl's default store reads the database for every image shown and writes to it the first time
a thumbnail is made. Losing a record here costs little: sorl finds the thumbnail file in
storage and records it again.
"""

from django.core.cache import caches
from sorl.thumbnail.conf import settings
from sorl.thumbnail.kvstores.base import KVStoreBase


class CacheKVStore(KVStoreBase):
    """Keep thumbnail records in the cache named by ``THUMBNAIL_CACHE``.

    A cache cannot list its keys, so the store keeps the list of keys it wrote under one more
    key; sorl's ``thumbnail cleanup`` and ``thumbnail clear`` commands read it.
    """

    @property
    def cache(self):
        return caches[settings.THUMBNAIL_CACHE]

    @property
    def index_key(self) -> str:
        return f"{settings.THUMBNAIL_KEY_PREFIX}||index"

    def _get_raw(self, key: str) -> str | None:
        return self.cache.get(key)

    def _set_raw(self, key: str, value: str) -> None:
        self.cache.set(key, value, settings.THUMBNAIL_CACHE_TIMEOUT)
        keys = self.cache.get(self.index_key, set())
        if key not in keys:
            self.cache.set(self.index_key, keys | {key}, settings.THUMBNAIL_CACHE_TIMEOUT)

    def _delete_raw(self, *keys: str) -> None:
        self.cache.delete_many(keys)
        remaining = self.cache.get(self.index_key, set()) - set(keys)
        self.cache.set(self.index_key, remaining, settings.THUMBNAIL_CACHE_TIMEOUT)

    def _find_keys_raw(self, prefix: str) -> list[str]:
        return [key for key in self.cache.get(self.index_key, set()) if key.startswith(prefix)]
