# The shop's production image: gunicorn serving store.wsgi with store.settings.production.
#
#   docker build -t magnesium-store .
#   docker run --rm -p 8000:8000 -e DJANGO_SECRET_KEY=... -e DATABASE_URL=postgres://... magnesium-store
#
# Debian bookworm matches the PostgreSQL 15 client library (libpq 15) to the postgres:15 service.
# For fully reproducible builds, pin the digest: --build-arg PYTHON_IMAGE=python:3.11-slim-bookworm@sha256:...
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---------------------------------------------------------------------------------------------
# Build stage: compilers and headers, and a virtualenv with every requirement installed.
# ---------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev \
    && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

# requirements.txt pins psycopg2-binary; --no-binary makes pip build that same pinned version
# from its source distribution against Debian's libpq-dev instead of using the wheel with its
# own bundled libpq, so the runtime stage links the system libpq5.
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-binary psycopg2-binary -r /tmp/requirements.txt \
    && python -c "import psycopg2; print('psycopg2', psycopg2.__version__, 'libpq', psycopg2.__libpq_version__)"

# ---------------------------------------------------------------------------------------------
# Runtime stage: only the shared libraries the virtualenv needs, the code, and the static files.
# ---------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=store.settings.production \
    DJANGO_STATIC_ROOT=/app/var/static \
    DJANGO_MEDIA_ROOT=/app/var/media \
    WEB_CONCURRENCY=3

# libpq for PostgreSQL; pango and a font for WeasyPrint's PDF receipts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 libpango-1.0-0 libpangoft2-1.0-0 \
        libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app \
        --shell /usr/sbin/nologin app

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
# The code stays owned by root, so the app user cannot change it; only var/media is writable.
COPY . /app

# The secret below exists only for this RUN step (production settings refuse to load without
# one); it is not an ENV, so it is not in the image's configuration. collectstatic reads no
# database. The media folder is created owned by the app user so that a named volume mounted
# there starts with that owner.
RUN DJANGO_SECRET_KEY=collectstatic-at-build-time-only-not-a-secret \
        python manage.py collectstatic --noinput \
    && python -m compileall -q /app \
    && mkdir -p /app/var/media \
    && chown app:app /app/var/media \
    && chmod 0755 /app/docker/entrypoint.sh /app/docker/healthcheck.py

USER 10001:10001

EXPOSE 8000

# Migrations on first start can take a while, hence the long start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

# The entrypoint applies migrations, then runs the command. Gunicorn takes its worker count
# from WEB_CONCURRENCY (3 above: 2 x CPUs + 1 for a one-CPU host); override it at run time.
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "store.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--worker-tmp-dir", "/dev/shm", \
     "--max-requests", "1000", "--max-requests-jitter", "100", \
     "--access-logfile", "-", \
     "--no-control-socket"]
