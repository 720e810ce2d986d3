#!/usr/bin/env bash
# Start-up and idle memory of the server, as docs/benchmarks.md reports them.
#   src/bench/startup.sh cold   # the README run command with an empty Maven repository and no target/:
#                               # downloads, build, Liberty install, first start, until /health/ready
#   src/bench/startup.sh warm   # the README run command again (everything cached), until ready
#   src/bench/startup.sh server # the built server alone (bin/server start), until ready; 3 runs,
#                               # with resident memory of the idle server 20 s after ready
# Run from anywhere; uses port 8080 (HTTP_PORT to change what is polled). Prints one line per run.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${HTTP_PORT:-8080}
server_name=programmeOffice
ms() { echo $(( $(date +%s%N) / 1000000 )); }
ready() { curl -sf -o /dev/null "http://localhost:$port/health/ready"; }
# waits for /health/ready; gives up when the optional process $1 (the Maven build) has ended
wait_ready() {
  local limit=$(( $(ms) + 600000 )) watched=${1:-}
  until ready; do
    [ "$(ms)" -lt "$limit" ] || { echo "not ready after 600 s" >&2; return 1; }
    if [ -n "$watched" ] && ! kill -0 "$watched" 2>/dev/null; then
      echo "the build ended before the server was ready" >&2; return 1
    fi
    sleep 0.1
  done
}
server_pid() { cat "target/liberty/wlp/usr/servers/.pid/$server_name.pid"; }
stop_server() {
  target/liberty/wlp/bin/server stop "$server_name" >/dev/null 2>&1 || true
}
if ready; then echo "something already answers on port $port: stop it first" >&2; exit 1; fi

case "${1:-server}" in
  cold|warm)
    extra=()
    if [ "$1" = cold ]; then
      repo=$(mktemp -d)
      extra=(-Dmaven.repo.local="$repo")
      rm -rf target
    fi
    log=$(mktemp)
    start=$(ms)
    mvn "${extra[@]}" -DskipTests package liberty:run >"$log" 2>&1 &
    mvn_pid=$!
    wait_ready "$mvn_pid" || { tail -20 "$log" >&2; exit 1; }
    echo "$1: README run command to ready in $(( $(ms) - start )) ms (log: $log)"
    stop_server
    wait "$mvn_pid" 2>/dev/null || true
    [ "$1" = cold ] && echo "downloaded: $(du -sh "$repo" | cut -f1) into a fresh Maven repository" && rm -rf "$repo"
    ;;
  server)
    for run in 1 2 3; do
      stop_server
      start=$(ms)
      target/liberty/wlp/bin/server start "$server_name" >/dev/null
      wait_ready
      took=$(( $(ms) - start ))
      sleep 20
      rss=$(ps -o rss= -p "$(server_pid)" | tr -d ' ')
      echo "server run $run: start to ready ${took} ms, idle RSS ${rss} KB"
    done
    stop_server
    ;;
  *) echo "usage: $0 cold|warm|server" >&2; exit 2 ;;
esac
