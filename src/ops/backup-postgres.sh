#!/usr/bin/env bash
# Backs up AI Programme Office on PostgreSQL while it runs: first the database (pg_dump -Fc, one consistent
# snapshot of the engine's and the domain's tables), THEN the attachment directory (tar), so that every file a
# dumped row names is in the tar (files are written before their row commits and deleted only after the row's
# deletion commits: docs/adr/0021-attachment-store.md). A file without a row in the dump is harmless.
#
# usage: src/ops/backup-postgres.sh TARGET_DIR
#   TARGET_DIR must not exist or be empty; it receives
#     database.dump      pg_dump custom format of the whole database
#     attachments.tar    the files of aipo.storage.dir (without tmp/, the uploads in flight)
#     MANIFEST           what was backed up, when, and the SHA-256 of both files (checked by restore-postgres.sh)
# environment:
#   PGHOST PGPORT PGUSER PGPASSWORD   libpq's own (or ~/.pgpass); PGUSER must be able to read every table (the owner)
#   AIPO_DB_NAME                      the database (default: PGDATABASE, else aipo)
#   AIPO_STORAGE_DIR                  the server's aipo.storage.dir (required; on several nodes the shared directory)
#   PGBIN                             folder of pg_dump (default: the newest /usr/lib/postgresql/*/bin, else PATH);
#                                     pg_dump must be as new as the server
# Exit status 0 only when both parts and the manifest are written.
set -euo pipefail

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -eq 1 ] || usage
TARGET=$1
DB=${AIPO_DB_NAME:-${PGDATABASE:-aipo}}
STORAGE=${AIPO_STORAGE_DIR:?AIPO_STORAGE_DIR is required (aipo.storage.dir of the server)}
BIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)}
PG_DUMP=$([ -n "$BIN" ] && [ -x "$BIN/pg_dump" ] && echo "$BIN/pg_dump" || command -v pg_dump || true)
[ -n "$PG_DUMP" ] || { echo "backup-postgres.sh: pg_dump not found (set PGBIN)" >&2; exit 1; }
[ -d "$STORAGE" ] || { echo "backup-postgres.sh: storage dir $STORAGE does not exist" >&2; exit 1; }
if [ -e "$TARGET" ] && [ -n "$(ls -A "$TARGET")" ]; then
  echo "backup-postgres.sh: $TARGET is not empty" >&2; exit 1
fi
mkdir -p "$TARGET"

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# 1. the database: one snapshot (pg_dump reads in a single repeatable-read transaction)
"$PG_DUMP" --format=custom --compress=6 --dbname="$DB" --file="$TARGET/database.dump"
dumped=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# 2. the files, after the dump: every file named by a dumped row already exists and is never rewritten.
#    Files added or removed meanwhile make tar warn (exit 1): harmless here, anything worse fails.
rc=0
tar --create --file="$TARGET/attachments.tar" --directory="$STORAGE" --exclude=./tmp \
  --warning=no-file-changed --warning=no-file-removed --warning=no-file-shrank . || rc=$?
[ "$rc" -le 1 ] || { echo "backup-postgres.sh: tar of $STORAGE failed ($rc)" >&2; exit 1; }
files=$(tar --list --file="$TARGET/attachments.tar" | grep -vc '/$' || true)

{
  echo "# AI Programme Office backup (PostgreSQL)"
  echo "# database=$DB host=${PGHOST:-local} port=${PGPORT:-5432}"
  echo "# storage=$STORAGE files=$files"
  echo "# started=$started dumped=$dumped finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# pg_dump=$("$PG_DUMP" --version)"
  (cd "$TARGET" && sha256sum database.dump attachments.tar)
} > "$TARGET/MANIFEST"
echo "backup-postgres.sh: $DB and $files files backed up to $TARGET"
