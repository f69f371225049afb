#!/usr/bin/env bash
# Builds reportfacts, starts the server on a free local port, extracts the
# bundled sample report as a table, and stops the server.
#
#   bash scripts/run_sample.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
build_dir=${REPORTFACTS_BUILD_DIR:-build}
server_bin=$build_dir/bin/reportfacts-server
client_bin=$build_dir/bin/reportfacts

tmp=$(mktemp -d)
# Created before the fork: the loop below may read it before the
# background server has opened its redirect.
: >"$tmp/server.out"
"$server_bin" --listen=127.0.0.1:0 >"$tmp/server.out" 2>"$tmp/server.log" &
server_pid=$!
cleanup() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# Wait for the "listening on HOST:PORT" line, then for the health check.
port=""
for ((i = 0; i < 300; i++)); do
  port=$(sed -n 's/^listening on .*:\([0-9][0-9]*\)$/\1/p' "$tmp/server.out")
  [[ -n $port ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$tmp/server.log" >&2
    echo "run_sample: the server did not start" >&2
    exit 1
  fi
  sleep 0.05
done
[[ -n $port ]] || { echo "run_sample: no port from the server" >&2; exit 1; }
for ((i = 0; i < 100; i++)); do
  "$client_bin" health --server "127.0.0.1:$port" >/dev/null 2>&1 && break
  sleep 0.1
done

echo "run_sample: server on 127.0.0.1:$port"
"$client_bin" extract --server "127.0.0.1:$port" --format table \
  client/samples/sample_report.txt

kill -TERM "$server_pid"
code=0
wait "$server_pid" || code=$?
trap 'rm -rf "$tmp"' EXIT
if [[ $code -ne 0 ]]; then
  cat "$tmp/server.log" >&2
  echo "run_sample: the server exited $code" >&2
  exit 1
fi
echo "run_sample: server stopped cleanly"
