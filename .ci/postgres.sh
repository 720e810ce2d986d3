#!/usr/bin/env bash
# A throw-away PostgreSQL for the test suite: its own cluster in $AIPO_PG_DIR (default /tmp/aipo-pg),
# listening on 127.0.0.1:$AIPO_PG_PORT (default 55433) only, run as the non-root OS user 'postgres'
# (PostgreSQL refuses to run as root). Database aipo_it, user aipo, password aipo.
#   .ci/postgres.sh start   create the cluster if needed and start it (idempotent)
#   .ci/postgres.sh reset   drop and create the test database (the build does this before its PostgreSQL run)
#   .ci/postgres.sh stop    stop it        .ci/postgres.sh status
# Then `AIPO_TEST_PG_PORT=55433 mvn verify` runs the Arquillian tests on H2 and again on PostgreSQL.
set -euo pipefail
DIR=${AIPO_PG_DIR:-/tmp/aipo-pg}
PORT=${AIPO_PG_PORT:-55433}
BIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$BIN/initdb" ] || { echo "postgres.sh: no PostgreSQL server found (Debian: apt-get install postgresql)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/bash postgres
    su postgres -c "$1"
  else
    bash -c "$1"
  fi
}
psql_as_pg() { as_pg "$BIN/psql -h 127.0.0.1 -p $PORT -U postgres -v ON_ERROR_STOP=1 -q $*"; }

case "${1:-}" in
  start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" -eq 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/bash postgres; chown postgres: "$DIR"; }
      chmod 700 "$DIR"
      as_pg "$BIN/initdb -D '$DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$DIR/initdb.log'"
      cat >> "$DIR/data/postgresql.conf" <<CONF
# --- AI Programme Office test instance ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 100
max_prepared_transactions = 20
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    fi
    if ! as_pg "$BIN/pg_ctl -D '$DIR/data' status" >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl -D '$DIR/data' -l '$DIR/server.log' -w -t 60 start" >/dev/null
    fi
    psql_as_pg "-tAc \"select 1 from pg_roles where rolname='aipo'\"" | grep -q 1 \
      || psql_as_pg "-c \"create user aipo password 'aipo'\""
    echo "PostgreSQL for tests on 127.0.0.1:$PORT (data in $DIR/data)"
    ;;
  reset)
    psql_as_pg "-c 'drop database if exists aipo_it with (force)' -c 'create database aipo_it owner aipo encoding UTF8'"
    ;;
  stop)
    as_pg "$BIN/pg_ctl -D '$DIR/data' -m fast -w stop" >/dev/null 2>&1 || true
    ;;
  status)
    as_pg "$BIN/pg_ctl -D '$DIR/data' status"
    ;;
  *)
    echo "usage: $0 start|reset|stop|status" >&2; exit 2 ;;
esac
