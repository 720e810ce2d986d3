#!/usr/bin/env bash
# Restores a backup made by backup-h2.sh: the H2 file to a new path and the attachments into an empty directory;
# then start the server with db.h2.path (DB_H2_PATH) and aipo.storage.dir (AIPO_STORAGE_DIR) pointing at them.
#
# usage: src/ops/restore-h2.sh BACKUP_DIR
#   BACKUP_DIR holds database.mv.db, attachments.tar and MANIFEST; the SHA-256 of both are checked first.
# environment:
#   AIPO_H2_PATH       where the H2 file goes, WITHOUT .mv.db (required); <path>.mv.db must not exist yet
#   AIPO_STORAGE_DIR   the new aipo.storage.dir (required; must not exist or be empty)
# Never overwrites: to restore over an installation, stop its server and move its file and directory aside first.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -eq 1 ] || usage
BACKUP=$1
H2=${AIPO_H2_PATH:?AIPO_H2_PATH is required (db.h2.path, without .mv.db)}
H2=$(realpath -m -- "${H2%.mv.db}")   # H2 takes absolute paths only
STORAGE=$(realpath -m -- "${AIPO_STORAGE_DIR:?AIPO_STORAGE_DIR is required (aipo.storage.dir)}")
for part in database.mv.db attachments.tar MANIFEST; do
  [ -f "$BACKUP/$part" ] || { echo "restore-h2.sh: $BACKUP/$part missing" >&2; exit 1; }
done
(cd "$BACKUP" && grep -v '^#' MANIFEST | sha256sum --check --strict --quiet -) \
  || { echo "restore-h2.sh: checksums of $BACKUP do not match its MANIFEST" >&2; exit 1; }
[ ! -e "$H2.mv.db" ] || { echo "restore-h2.sh: $H2.mv.db exists; move it aside first" >&2; exit 1; }
if [ -e "$STORAGE" ] && [ -n "$(ls -A "$STORAGE")" ]; then
  echo "restore-h2.sh: storage dir $STORAGE is not empty" >&2; exit 1
fi
mkdir -p "$(dirname "$H2")" "$STORAGE"
cp -- "$BACKUP/database.mv.db" "$H2.mv.db"
tar --extract --file="$BACKUP/attachments.tar" --directory="$STORAGE"
echo "restore-h2.sh: $BACKUP restored to $H2.mv.db and $STORAGE; start the server with DB_H2_PATH=$H2 AIPO_STORAGE_DIR=$STORAGE"
