#!/usr/bin/env bash
# Issue 29: a database written by the Camunda 7.24 build is taken over by the Operaton build, and its running
# instances go on (org.aipo.platform.EngineUpgradeCheck, docs/adr/0002-stay-on-camunda-7-ce.md).
#   1. Camunda build: a fresh H2 file; five instances, three waiting at a user task, two at a one-hour timer.
#   2. Operaton build (-Poperaton) on the same file: the schema is left as it is; a task completes, the
#      timers fire, the instances end; a new deployment and instance work.
# usage: src/operaton/upgrade-check.sh   (from the project root; cleans target/ before each build)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d /tmp/aipo-upgrade.XXXXXX)
db="$dir/engine"
run() {
  local status=0
  mvn -B -o "$@" -Dtest=EngineUpgradeCheck -Dsurefire.failIfNoSpecifiedTests=false -Daipo.upgrade.db="$db" \
    > "$dir/mvn.log" 2>&1 || status=$?
  grep -E 'upgrade-check|Tests run:|BUILD|ERROR|FAIL' "$dir/mvn.log" || true
  return $status
}
echo "== Camunda 7.24 build: $db"
run clean test -Daipo.upgrade.step=start
echo "== Operaton build on the same file"
run -Poperaton clean test -Daipo.upgrade.step=continue
echo "== upgrade check passed ($dir)"
