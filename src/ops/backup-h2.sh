#!/usr/bin/env bash
# Backs up the embedded H2 installation: the H2 file and the attachment directory, with a manifest of their SHA-256.
# The server must be STOPPED: H2 keeps its file open and locked while the server runs, and a copy of an open file
# is not a backup. The script checks this by opening the file with H2 itself (refused while the server holds it).
#
# usage: src/ops/backup-h2.sh TARGET_DIR
#   TARGET_DIR must not exist or be empty; it receives
#     database.mv.db     a copy of the H2 file (checked afterwards by opening it read-only)
#     attachments.tar    the files of aipo.storage.dir (without tmp/)
#     MANIFEST           what was backed up, when, and the SHA-256 of both files (checked by restore-h2.sh)
# environment:
#   AIPO_H2_PATH       the server's db.h2.path: the H2 file WITHOUT .mv.db (required; the dev server's is
#                      target/liberty/wlp/usr/servers/programmeOffice/data/h2/programme-office)
#   AIPO_STORAGE_DIR   the server's aipo.storage.dir (required; default in server.xml: <server dir>/attachments)
#   AIPO_H2_USER AIPO_H2_PASSWORD   the database's user (default sa, empty password: liberty/db/h2.xml)
#   H2_JAR             H2's jar, the version the server uses (default: the server's jdbc/h2.jar next to the file's
#                      server, else the newest in ~/.m2); JAVA: the java command (default: java)
set -euo pipefail

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -eq 1 ] || usage
TARGET=$1
H2=${AIPO_H2_PATH:?AIPO_H2_PATH is required (db.h2.path, without .mv.db)}
H2=$(realpath -m -- "${H2%.mv.db}")   # H2 takes absolute paths only
STORAGE=$(realpath -m -- "${AIPO_STORAGE_DIR:?AIPO_STORAGE_DIR is required (aipo.storage.dir)}")
H2_JAR=${H2_JAR:-$(ls "$(dirname "$H2")"/../../jdbc/h2.jar 2>/dev/null || ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar 2>/dev/null | sort -V | tail -1 || true)}
[ -f "$H2_JAR" ] || { echo "backup-h2.sh: H2's jar not found (set H2_JAR)" >&2; exit 1; }
[ -f "$H2.mv.db" ] || { echo "backup-h2.sh: $H2.mv.db does not exist" >&2; exit 1; }
[ -d "$STORAGE" ] || { echo "backup-h2.sh: storage dir $STORAGE does not exist" >&2; exit 1; }
if [ -e "$TARGET" ] && [ -n "$(ls -A "$TARGET")" ]; then
  echo "backup-h2.sh: $TARGET is not empty" >&2; exit 1
fi

# opens an H2 file read-only and counts its tables; fails if another process (the server) has it open
h2_tables() {
  "${JAVA:-java}" -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$1;IFEXISTS=TRUE;ACCESS_MODE_DATA=r" \
    -user "${AIPO_H2_USER:-sa}" -password "${AIPO_H2_PASSWORD:-}" \
    -sql "select 'tables=' || count(*) from information_schema.tables where table_schema = 'PUBLIC'" 2>&1 \
    | { out=$(cat); echo "$out" | grep -Eo '^tables=[0-9]+' || { echo "$out"; exit 1; }; }
}
if ! before=$(h2_tables "$H2"); then
  echo "backup-h2.sh: H2 cannot open $H2.mv.db — if the server is still running, stop it first. H2 said:" >&2
  echo "$before" | head -5 >&2
  exit 1
fi
mkdir -p "$TARGET"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cp -- "$H2.mv.db" "$TARGET/database.mv.db"
tar --create --file="$TARGET/attachments.tar" --directory="$STORAGE" --exclude=./tmp .
files=$(tar --list --file="$TARGET/attachments.tar" | grep -vc '/$' || true)
after=$(h2_tables "$TARGET/database") || { echo "backup-h2.sh: the copy does not open: $after" >&2; exit 1; }
[ "$before" = "$after" ] || { echo "backup-h2.sh: the copy differs from the original ($before / $after)" >&2; exit 1; }
{
  echo "# AI Programme Office backup (embedded H2, server stopped)"
  echo "# h2=$H2.mv.db $after"
  echo "# storage=$STORAGE files=$files"
  echo "# started=$started finished=$(date -u +%Y-%m-%dT%H:%M:%SZ) h2jar=$(basename "$H2_JAR")"
  (cd "$TARGET" && sha256sum database.mv.db attachments.tar)
} > "$TARGET/MANIFEST"
echo "backup-h2.sh: $H2.mv.db and $files files backed up to $TARGET"
