# Shared by the end-to-end test scripts: a scratch folder removed on exit,
# servers started on free ports and killed on exit, and checks that print
# the servers' logs when they fail.
#
# Source it after setting server_bin, client_bin and data_dir:
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib/server_harness.sh"
# shellcheck shell=bash

work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  local f
  for f in "$work"/*.err; do
    [[ -e $f ]] || continue
    echo "--- $f" >&2
    tail -n 20 "$f" >&2
  done
  exit 1
}

# start_server NAME [FLAGS...]: starts a server in the background, waits for
# its "listening on" line and sets $port and $server_pid.
start_server() {
  local name=$1
  shift
  "$server_bin" --listen=127.0.0.1:0 --workers=2 --data_dir="$data_dir" "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  server_pid=$!
  pids+=("$server_pid")
  local i
  for ((i = 0; i < 600; i++)); do
    if grep -q '^listening on ' "$work/$name.out"; then
      port=$(sed -n 's/^listening on .*:\([0-9][0-9]*\)$/\1/p' \
        "$work/$name.out")
      [[ -n $port ]] || fail "no port in: $(cat "$work/$name.out")"
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || fail "server $name exited early"
    sleep 0.05
  done
  fail "server $name did not print its port"
}

# wait_healthy: polls the health check until SERVING.
wait_healthy() {
  local i
  for ((i = 0; i < 150; i++)); do
    if "$client_bin" health --server "127.0.0.1:$port" --timeout_ms 1000 \
      >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  fail "server on port $port never became healthy"
}

# stop_server: SIGTERM, then the exit code must be 0.
stop_server() {
  kill -TERM "$server_pid"
  local code=0
  wait "$server_pid" || code=$?
  [[ $code -eq 0 ]] || fail "server exited $code after SIGTERM"
}

# expect_exit CODE CMD...: runs CMD with output in $work/last.{out,err}.
expect_exit() {
  local want=$1
  shift
  local code=0
  "$@" >"$work/last.out" 2>"$work/last.err" || code=$?
  if [[ $code -ne $want ]]; then
    cat "$work/last.err" >&2
    fail "expected exit $want, got $code: $*"
  fi
}
