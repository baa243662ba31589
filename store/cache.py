"""Redis as a help to the shop, never a single point of failure.

With ``REDIS_URL`` set, Redis keeps the cache (pages, thumbnail records, tax rates, content) and
a copy of each session for speed, while the database keeps the record of every session
(``cached_db``). A Redis that is stopped, hung or unreachable must cost speed, never a page:

- each call to Redis waits a fraction of a second at most (short connect and read timeouts;
  the connection pool makes no retries);
- django-redis's ``IGNORE_EXCEPTIONS`` answers a call that failed as a miss;
- a page makes many cache calls (one per picture shown), and even short waits add up, so after
  a failure the client stops calling Redis for a few seconds and fails every call at once
  instead (a circuit breaker), which django-redis answers as misses too. The breaker plugs into
  django-redis's documented ``REDIS_CLIENT_CLASS`` option: a redis-py client whose commands and
  pipelines pass through it. Each failure that reaches Redis is logged once, as a warning.

django-redis answers every ``get_many`` it could not serve with one and the same dict, so a
caller that adds to the answer (as a read-through cache does) would spoil it for every caller
after it; the backend here hands each caller a dict of its own.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

import redis
from django_redis.cache import RedisCache
from redis.client import Pipeline

logger = logging.getLogger(__name__)

#: Seconds to wait for Redis to accept a connection, and then to answer a command.
CONNECT_TIMEOUT = 0.25
READ_TIMEOUT = 0.25
#: Seconds the cache answers "miss" without calling Redis, after Redis failed to answer.
SECONDS_WITHOUT_REDIS = 5.0
#: The sessions' engine with Redis: kept in the database, copied to the cache for speed.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def redis_caches(url: str) -> dict[str, dict[str, Any]]:
    """Return the ``CACHES`` setting that keeps the shop's cache in the Redis at ``url``."""
    return {
        "default": {
            "BACKEND": "store.cache.CopyingRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "store",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": CONNECT_TIMEOUT,
                "SOCKET_TIMEOUT": READ_TIMEOUT,
                "IGNORE_EXCEPTIONS": True,
                "REDIS_CLIENT_CLASS": "store.cache.CircuitBreakingRedis",
                "REDIS_CLIENT_KWARGS": {"seconds_without_redis": SECONDS_WITHOUT_REDIS},
            },
        }
    }


class CopyingRedisCache(RedisCache):
    """django-redis's cache, handing each ``get_many`` caller a dict of its own."""

    def get_many(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return dict(super().get_many(*args, **kwargs))


class CircuitBreaker:
    """Stop calling a server for a few seconds after it failed to answer."""

    def __init__(self, seconds_open: float) -> None:
        self.seconds_open = seconds_open
        self.open_until = 0.0

    def call(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``command``, unless the server failed moments ago: then fail at once."""
        if time.monotonic() < self.open_until:
            raise redis.ConnectionError("Redis failed moments ago: not calling it for now.")
        try:
            return command(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            self.open_until = time.monotonic() + self.seconds_open
            logger.warning(
                "Redis failed (%s): the cache answers misses for %s s.", error, self.seconds_open
            )
            raise
        except redis.RedisError as error:
            logger.warning("Redis refused a command: %s", error)
            raise


class CircuitBreakingRedis(redis.Redis):
    """A Redis client that gives up on the server for a while after it failed to answer.

    django-redis keeps one client per cache per thread for the life of the process, so each
    web process (each thread of one) learns of an outage once, then serves from the database.
    """

    def __init__(self, *, seconds_without_redis: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.breaker = CircuitBreaker(seconds_without_redis)

    def execute_command(self, *args: Any, **options: Any) -> Any:
        return self.breaker.call(super().execute_command, *args, **options)

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> Pipeline:
        return CircuitBreakingPipeline(
            self.breaker, self.connection_pool, self.response_callbacks, transaction, shard_hint
        )


class CircuitBreakingPipeline(Pipeline):
    """A pipeline that sends its commands through its client's circuit breaker."""

    def __init__(self, breaker: CircuitBreaker, *args: Any) -> None:
        super().__init__(*args)
        self.breaker = breaker

    def execute(self, raise_on_error: bool = True) -> list[Any]:
        return self.breaker.call(super().execute, raise_on_error)
