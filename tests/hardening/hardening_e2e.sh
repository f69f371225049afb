#!/usr/bin/env bash
# Hardening tests of the real binaries: TLS and token flags, drain on
# SIGTERM, what the log may hold, and a bounded soak.
#
# Usage: hardening_e2e.sh CASE SERVER_BIN CLIENT_BIN DRIVER_BIN DATA_DIR SAMPLE
# CASE is one of: tls, auth, drain, log_text, double_signal, soak, leaks,
# large_document.
# REPORTFACTS_SOAK_SECONDS sets the soak's length (default 60).
set -euo pipefail

test_case=$1
server_bin=$2
client_bin=$3
driver_bin=$4
data_dir=$5
sample=$6
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# shellcheck source=../lib/server_harness.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/server_harness.sh"

case $test_case in
tls)
  bash "$here/make_certs.sh" "$work/certs" || fail "openssl failed"
  c=$work/certs
  start_server mtls --tls_cert="$c/server.pem" --tls_key="$c/server.key" \
    --tls_client_ca="$c/ca.pem" --health_listen=127.0.0.1:0
  addr="127.0.0.1:$port"
  health_port=$(sed -n 's/.*health checks also on plaintext port \([0-9]*\).*/\1/p' \
    "$work/mtls.err")
  [[ -n $health_port ]] || fail "no health port in the log"
  expect_exit 0 "$client_bin" health --server "127.0.0.1:$health_port"
  expect_exit 0 "$client_bin" extract --server "$addr" --tls_ca "$c/ca.pem" \
    --tls_cert "$c/client.pem" --tls_key "$c/client.key" "$sample"
  grep -q '"metrics"' "$work/last.out" || fail "no metrics over mTLS"
  # Without a client certificate, with a foreign one, or in plaintext.
  expect_exit 3 "$client_bin" extract --server "$addr" --tls_ca "$c/ca.pem" \
    --timeout_ms 5000 "$sample"
  expect_exit 3 "$client_bin" extract --server "$addr" --tls_ca "$c/ca.pem" \
    --tls_cert "$c/foreign_client.pem" --tls_key "$c/foreign_client.key" \
    --timeout_ms 5000 "$sample"
  expect_exit 3 "$client_bin" extract --server "$addr" --timeout_ms 5000 \
    "$sample"
  expect_exit 2 "$client_bin" extract --server "$addr" --tls_cert \
    "$c/client.pem" "$sample"
  # Still serving after the refused handshakes.
  expect_exit 0 "$client_bin" indicators --server "$addr" --tls_ca \
    "$c/ca.pem" --tls_cert "$c/client.pem" --tls_key "$c/client.key"
  stop_server
  # A key without a certificate is a start-up error, not plaintext.
  code=0
  timeout 30 "$server_bin" --listen=127.0.0.1:0 --data_dir="$data_dir" \
    --tls_key="$c/server.key" >"$work/half.out" 2>"$work/half.err" || code=$?
  [[ $code -ne 0 && $code -ne 124 ]] || fail "half TLS config: exit $code"
  ! grep -q '^listening on' "$work/half.out" || fail "bound with half TLS"
  ;;

auth)
  printf '# tokens\nfile-token-1\n' >"$work/server_tokens"
  printf 'file-token-1\n' >"$work/client_token"
  REPORTFACTS_AUTH_TOKENS=env-token-2 start_server auth \
    --auth_token_file="$work/server_tokens"
  addr="127.0.0.1:$port"
  expect_exit 0 "$client_bin" health --server "$addr"
  expect_exit 1 "$client_bin" extract --server "$addr" "$sample"
  grep -q UNAUTHENTICATED "$work/last.err" || fail "no UNAUTHENTICATED"
  REPORTFACTS_AUTH_TOKEN=wrong expect_exit 1 "$client_bin" indicators \
    --server "$addr"
  grep -q UNAUTHENTICATED "$work/last.err" || fail "wrong token accepted?"
  expect_exit 0 "$client_bin" extract --server "$addr" \
    --auth_token_file "$work/client_token" "$sample"
  REPORTFACTS_AUTH_TOKEN=env-token-2 expect_exit 0 "$client_bin" indicators \
    --server "$addr"
  ! grep -q -e file-token-1 -e env-token-2 "$work/auth.err" ||
    fail "a token reached the log"
  stop_server
  # A token file with no token refuses to start.
  printf '# none\n' >"$work/empty_tokens"
  expect_exit 2 "$server_bin" --listen=127.0.0.1:0 --data_dir="$data_dir" \
    --auth_token_file="$work/empty_tokens"
  ;;

drain)
  start_server drain --workers=1 --queue_capacity=16 --drain_seconds=60 \
    --log_level=debug
  "$driver_bin" drain "127.0.0.1:$port" "$server_pid" "$sample" 8 \
    "$work/drain.err" || fail "drain driver failed"
  code=0
  wait "$server_pid" || code=$?
  [[ $code -eq 0 ]] || fail "server exited $code after draining"
  grep -q 'stopped' "$work/drain.err" || fail "no stop line in the log"
  ;;

log_text)
  marker="MARKER$RANDOM$RANDOM"
  printf '%s\n本会提交提案%s共356件。\n' "$(cat "$sample")" "$marker" \
    >"$work/marked.txt"
  printf '%s提案\xd6\xd0' "$marker" >"$work/marked_bad.txt"
  for mode in quiet verbose; do
    flags=(--log_level=debug)
    [[ $mode == verbose ]] && flags+=(--log_text)
    start_server "$mode" "${flags[@]}"
    addr="127.0.0.1:$port"
    expect_exit 0 "$client_bin" extract --server "$addr" "$work/marked.txt"
    expect_exit 1 "$client_bin" extract --server "$addr" "$work/marked_bad.txt"
    stop_server
    grep -q 'Extract' "$work/$mode.err" || fail "$mode: no debug request log"
  done
  ! grep -q "$marker" "$work/quiet.err" ||
    fail "document text reached the log without --log_text"
  grep -q "$marker" "$work/verbose.err" ||
    fail "--log_text did not log the text (the check above proves nothing)"
  ;;

double_signal)
  # SIGTERM then SIGINT during the drain, again and again: the process
  # exits 0 (drain already done) or 128 + the second signal seen (130 or
  # 143: both may be pending at once), never aborts or hangs.
  rounds=${REPORTFACTS_SIGNAL_ROUNDS:-50}
  for ((round = 0; round < rounds; round++)); do
    start_server "signal$round" --workers=1
    "$client_bin" extract --server "127.0.0.1:$port" "$sample" \
      >/dev/null 2>&1 &
    kill -TERM "$server_pid"
    kill -INT "$server_pid" 2>/dev/null || true
    # wait cannot time out: poll for up to 20 s first.
    for ((i = 0; i < 400; i++)); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -0 "$server_pid" 2>/dev/null &&
      fail "round $round: hung after SIGTERM+SIGINT"
    code=0
    wait "$server_pid" || code=$?
    [[ $code -eq 0 || $code -eq 130 || $code -eq 143 ]] ||
      fail "round $round: exit $code after SIGTERM+SIGINT"
    rm -f "$work/signal$round".*
  done
  wait
  ;;

soak)
  seconds=${REPORTFACTS_SOAK_SECONDS:-60}
  max_doc_bytes=$((256 << 10))
  # The queue holds everything 4 clients can have in flight (a stream adds
  # up to 2 x workers documents), so good requests are never shed: the soak
  # checks errors and leaks, not load shedding, which OverloadTest covers.
  start_server soak --workers=2 --queue_capacity=64 \
    --max_doc_bytes=$max_doc_bytes --max_message_bytes=$((4 * max_doc_bytes))
  "$driver_bin" soak "127.0.0.1:$port" "$server_pid" "$sample" "$seconds" 4 \
    "$max_doc_bytes" || fail "soak failed"
  stop_server
  lines=$(wc -l <"$work/soak.err")
  # Thousands of bad requests, yet only start and stop lines at info level.
  [[ $lines -lt 20 ]] || fail "soak wrote $lines log lines"
  ;;

leaks)
  # The real server under valgrind's memcheck through a short mixed load
  # (good, malformed, over-size, cancelled and timed-out calls), then a
  # drain: any block definitely lost makes valgrind exit 99. Memcheck, not
  # LeakSanitizer, so that CI needs no second, instrumented gRPC build.
  command -v valgrind >/dev/null || fail "no valgrind (scripts/setup.sh)"
  max_doc_bytes=$((256 << 10))
  valgrind --quiet --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --error-exitcode=99 \
    "$server_bin" --listen=127.0.0.1:0 --workers=2 --data_dir="$data_dir" \
    --max_doc_bytes=$max_doc_bytes --max_message_bytes=$((4 * max_doc_bytes)) \
    >"$work/leaks.out" 2>"$work/leaks.err" &
  server_pid=$!
  pids+=("$server_pid")
  for ((i = 0; i < 1200; i++)); do
    grep -q '^listening on ' "$work/leaks.out" && break
    kill -0 "$server_pid" 2>/dev/null || fail "server under valgrind exited"
    sleep 0.1
  done
  port=$(sed -n 's/^listening on .*:\([0-9][0-9]*\)$/\1/p' "$work/leaks.out")
  [[ -n $port ]] || fail "server under valgrind did not print its port"
  # PID 0: valgrind's own RSS is not the server's.
  "$driver_bin" soak "127.0.0.1:$port" 0 "$sample" 10 2 \
    "$max_doc_bytes" >"$work/leaks.load" 2>&1 ||
    fail "load under valgrind failed: $(tail -3 "$work/leaks.load")"
  grep -q 'good:OK=' "$work/leaks.load" || fail "no good call got through"
  kill -TERM "$server_pid"
  code=0
  wait "$server_pid" || code=$?
  if [[ $code -ne 0 ]]; then
    cat "$work/leaks.err" >&2
    fail "server under valgrind exited $code (99: memory definitely lost)"
  fi
  ;;

large_document)
  # One 4 MiB document raises the resident set by tens of MB while it is
  # extracted; once it is answered the server hands that memory back.
  start_server large --max_doc_bytes=$((8 << 20)) \
    --max_message_bytes=$((16 << 20))
  wait_healthy
  rss_kib() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$server_pid/status"; }
  expect_exit 0 "$client_bin" extract --server "127.0.0.1:$port" --format csv \
    "$sample"
  before=$(rss_kib)
  : >"$work/large.txt"
  while (($(stat -c %s "$work/large.txt") < (4 << 20))); do
    cat "$sample" >>"$work/large.txt"
  done
  expect_exit 0 "$client_bin" extract --server "127.0.0.1:$port" --format csv \
    "$work/large.txt"
  peak=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$server_pid/status")
  sleep 1
  after=$(rss_kib)
  echo "figures: rss before ${before} KiB, peak ${peak} KiB, after ${after} KiB"
  ((peak > before + 8192)) || fail "the document did not raise the peak: is it extracted?"
  ((after <= before + before / 10 + 8192)) ||
    fail "RSS stayed at ${after} KiB after the document (before: ${before} KiB)"
  stop_server
  ;;

*)
  fail "unknown case $test_case"
  ;;
esac
echo "PASS: $test_case"
