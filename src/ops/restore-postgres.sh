#!/usr/bin/env bash
# Restores a backup made by backup-postgres.sh into a FRESH, EMPTY database and an empty attachment directory;
# then start the server on both (db.name / DB_NAME, aipo.storage.dir / AIPO_STORAGE_DIR). Running instances resume:
# their jobs and timers are rows of the dump, and the job executor takes them up when the server starts.
#
# usage: src/ops/restore-postgres.sh BACKUP_DIR
#   BACKUP_DIR holds database.dump, attachments.tar and MANIFEST; the SHA-256 of both are checked first.
# environment:
#   PGHOST PGPORT PGUSER PGPASSWORD   libpq's own; PGUSER becomes the owner of what is restored (the server's db.user)
#   AIPO_DB_NAME                      the target database (default: PGDATABASE, else aipo). It must exist and hold no
#                                     table, e.g. as superuser: createdb -O aipo -E UTF8 aipo_restored
#   AIPO_STORAGE_DIR                  the new aipo.storage.dir (required; must not exist or be empty)
#   PGBIN                             folder of pg_restore/psql (default: the newest /usr/lib/postgresql/*/bin, else PATH)
# Refuses a database that has tables or a storage dir that has files: it never overwrites.
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -eq 1 ] || usage
BACKUP=$1
DB=${AIPO_DB_NAME:-${PGDATABASE:-aipo}}
STORAGE=${AIPO_STORAGE_DIR:?AIPO_STORAGE_DIR (the new aipo.storage.dir) is required}
BIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)}
tool() { if [ -n "$BIN" ] && [ -x "$BIN/$1" ]; then echo "$BIN/$1"; else command -v "$1" || { echo "restore-postgres.sh: $1 not found (set PGBIN)" >&2; exit 1; }; fi; }
PG_RESTORE=$(tool pg_restore)
PSQL=$(tool psql)

for part in database.dump attachments.tar MANIFEST; do
  [ -f "$BACKUP/$part" ] || { echo "restore-postgres.sh: $BACKUP/$part missing" >&2; exit 1; }
done
(cd "$BACKUP" && grep -v '^#' MANIFEST | sha256sum --check --strict --quiet -) \
  || { echo "restore-postgres.sh: checksums of $BACKUP do not match its MANIFEST" >&2; exit 1; }

tables=$("$PSQL" --dbname="$DB" -X -tA -v ON_ERROR_STOP=1 -c "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r','p') and n.nspname not in ('pg_catalog','information_schema') and n.nspname not like 'pg_toast%'")
[ "$tables" = "0" ] || { echo "restore-postgres.sh: database $DB is not empty ($tables tables); restore into a new one" >&2; exit 1; }
if [ -e "$STORAGE" ] && [ -n "$(ls -A "$STORAGE")" ]; then
  echo "restore-postgres.sh: storage dir $STORAGE is not empty" >&2; exit 1
fi

# the database in one transaction: all or nothing; objects owned by PGUSER
"$PG_RESTORE" --dbname="$DB" --exit-on-error --single-transaction --no-owner --no-privileges "$BACKUP/database.dump"
# fresh planner statistics for what was restored (the tables PGUSER owns)
echo "select format('analyze %I.%I', schemaname, tablename) from pg_tables where tableowner = current_user \\gexec" \
  | "$PSQL" --dbname="$DB" -X -q -v ON_ERROR_STOP=1 >/dev/null
mkdir -p "$STORAGE"
tar --extract --file="$BACKUP/attachments.tar" --directory="$STORAGE"
echo "restore-postgres.sh: $BACKUP restored into database $DB and $STORAGE; start the server with them"
