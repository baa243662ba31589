#!/bin/sh
# Container entrypoint: apply the database migrations, then run the command given
# (gunicorn by default, see the Dockerfile's CMD). Set DJANGO_MIGRATE_ON_START=false to skip
# the migrations, for instance when several web containers start at once and a release job
# migrates instead.
set -eu

cd "$(dirname "$0")/.."

case "${DJANGO_MIGRATE_ON_START:-true}" in
    0 | false | False | FALSE | no | off)
        echo "entrypoint: DJANGO_MIGRATE_ON_START is off; not migrating" >&2
        ;;
    *)
        python manage.py migrate --noinput
        ;;
esac

exec "$@"
