#!/usr/bin/env bash
# End-to-end tests of the real binaries: starts reportfacts-server on a free
# port, waits until its health check answers, and drives it with the
# reportfacts client.
#
# Usage: e2e_test.sh CASE SERVER_BIN CLIENT_BIN DATA_DIR SAMPLE SHARED_DIR
# CASE is one of: extract, port_clash, bad_data, unreachable, eval, bench,
# reflection.
# Exits 0 on success, 77 when the case is skipped, 1 on failure.
set -euo pipefail

test_case=$1
server_bin=$2
client_bin=$3
data_dir=$4
sample=$5
shared_dir=$6

# shellcheck source=../lib/server_harness.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/server_harness.sh"

# check_json FILE DOC_ID: one ExtractResponse with every top-level key.
check_json() {
  python3 - "$1" "$2" <<'PY'
import json, sys
path, doc_id = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    response = json.load(f)
keys = {"document_id", "reports", "metrics", "dates", "people",
        "error_code", "error_message"}
missing = keys - set(response)
assert not missing, f"missing keys {missing}"
assert response["document_id"] == doc_id, response["document_id"]
for key in ("reports", "metrics", "dates", "people"):
    assert isinstance(response[key], list), key
for metric in response["metrics"]:
    for field in ("begin", "end", "text", "unit_text", "value", "unit",
                  "qualifier", "object", "action", "indicator", "sentence",
                  "sentence_span", "report"):
        assert field in metric, f"metric lacks {field}"
PY
}

case $test_case in
extract)
  start_server main
  wait_healthy
  addr="127.0.0.1:$port"

  expect_exit 0 "$client_bin" extract --server "$addr" --format json "$sample"
  cp "$work/last.out" "$work/sample.json"
  check_json "$work/sample.json" "$sample" || fail "bad JSON for the sample"

  corpus_file=$(find "$shared_dir/corpus" -maxdepth 1 -name '*.txt' \
    2>/dev/null | sort | head -n 1 || true)
  if [[ -n $corpus_file ]]; then
    expect_exit 0 "$client_bin" extract --server "$addr" --format json \
      "$corpus_file"
    cp "$work/last.out" "$work/corpus.json"
    check_json "$work/corpus.json" "$corpus_file" ||
      fail "bad JSON for $corpus_file"
  else
    echo "note: no corpus under $shared_dir; skipped that file"
  fi

  # Several files: one JSON line each.
  expect_exit 0 "$client_bin" extract --server "$addr" "$sample" "$sample"
  [[ $(wc -l <"$work/last.out") -eq 2 ]] || fail "jsonl: expected 2 lines"
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' \
    "$work/last.out" || fail "jsonl lines do not parse"

  # stdin.
  expect_exit 0 "$client_bin" extract --server "$addr" --format jsonl - \
    <"$sample"
  grep -q '"document_id":"stdin"' "$work/last.out" || fail "stdin id"

  expect_exit 0 "$client_bin" extract --server "$addr" --format table \
    "$sample"
  grep -q 'Metrics (' "$work/last.out" || fail "table has no metrics"

  expect_exit 0 "$client_bin" indicators --server "$addr"
  [[ -s $work/last.out ]] || fail "no indicators"

  expect_exit 0 "$client_bin" health --server "$addr"
  grep -qx SERVING "$work/last.out" || fail "health did not say SERVING"
  expect_exit 0 "$client_bin" health --server "$addr" \
    --service reportfacts.v1.FactExtractor
  expect_exit 1 "$client_bin" health --server "$addr" --service no.such.Service

  # Bytes that are neither UTF-8 nor surely another encoding (too short to
  # tell) are refused with the byte offset of the first non-UTF-8 byte.
  printf '\xd6\xd0\xce\xc4' >"$work/gbk.txt"
  expect_exit 1 "$client_bin" extract --server "$addr" "$work/gbk.txt"
  grep -q 'INVALID_ARGUMENT' "$work/last.err" || fail "no INVALID_ARGUMENT"
  grep -q 'byte offset 0 ' "$work/last.err" || fail "no byte offset"

  # Usage errors.
  expect_exit 2 "$client_bin" extract --server "$addr"
  expect_exit 2 "$client_bin" extract --server "$addr" --format xml "$sample"
  expect_exit 2 "$client_bin" extract --server "$addr" "$work/missing.txt"
  expect_exit 2 "$client_bin" no-such-command
  expect_exit 0 "$client_bin" extract --help
  grep -q -- '--reference_date' "$work/last.out" || fail "help lacks flags"

  stop_server
  grep -q 'stopped' "$work/main.err" || fail "no stop line in the log"
  ;;

port_clash)
  start_server first
  wait_healthy
  first_pid=$server_pid
  code=0
  timeout 30 "$server_bin" --listen="127.0.0.1:$port" --workers=1 \
    --data_dir="$data_dir" >"$work/second.out" 2>"$work/second.err" ||
    code=$?
  [[ $code -ne 0 && $code -ne 124 ]] ||
    fail "second server on port $port exited $code"
  ! grep -q '^listening on' "$work/second.out" ||
    fail "second server claims to listen"
  # The first one is unharmed.
  expect_exit 0 "$client_bin" health --server "127.0.0.1:$port"
  server_pid=$first_pid
  stop_server
  ;;

bad_data)
  mkdir -p "$work/empty"
  code=0
  timeout 30 "$server_bin" --listen=127.0.0.1:0 --data_dir="$work/empty" \
    >"$work/bad.out" 2>"$work/bad.err" || code=$?
  [[ $code -ne 0 && $code -ne 124 ]] || fail "bad data: exit $code"
  ! grep -q '^listening on' "$work/bad.out" || fail "bound despite bad data"
  grep -q "$work/empty" "$work/bad.err" || fail "error does not name the path"
  ;;

bench)
  # The load generator sends exactly --count documents, unary and over
  # streams, and reports every one of them with its latency.
  start_server main
  wait_healthy
  printf '%s\n' "全年共收到提案412件，立案386件，办复率100%。" >"$work/doc.txt"
  check_load() {  # check_load FILE COUNT
    python3 - "$1" "$2" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
count = int(sys.argv[2])
assert report["documents"] == count, report
assert report["ok"] == count and report["failed"] == 0, report
assert report["docs_per_second"] > 0 and report["mb_per_second"] > 0, report
assert 0 < report["p50_ms"] <= report["p95_ms"] <= report["p99_ms"] \
    <= report["max_ms"], report
PY
  }
  expect_exit 0 "$client_bin" bench --server "127.0.0.1:$port" \
    --concurrency 3 --count 40 --format json "$work/doc.txt" "$sample"
  check_load "$work/last.out" 40 || fail "unary bench report"
  expect_exit 0 "$client_bin" bench --server "127.0.0.1:$port" \
    --rpc stream --concurrency 2 --count 30 --doc_bytes 2000 --format json \
    "$sample"
  check_load "$work/last.out" 30 || fail "stream bench report"
  # An open-loop rate is held: 20 documents at 100/s take about 0.2 s.
  expect_exit 0 "$client_bin" bench --server "127.0.0.1:$port" \
    --concurrency 2 --count 20 --rate 100 --format json "$work/doc.txt"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["seconds"] >= 0.18, r' \
    "$work/last.out" || fail "rate not held"
  # Failures are counted and make the exit code 1; bad flags are usage.
  printf 'bad \xff\xfe bytes' >"$work/bad.txt"
  expect_exit 1 "$client_bin" bench --server "127.0.0.1:$port" --count 5 \
    --format json "$work/bad.txt"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["errors"] == {"INVALID_ARGUMENT": 5}, r' \
    "$work/last.out" || fail "errors not counted by code"
  expect_exit 2 "$client_bin" bench --server "127.0.0.1:$port" --rpc carrier \
    "$sample"
  expect_exit 2 "$client_bin" bench --server "127.0.0.1:$port"
  stop_server
  ;;

unreachable)
  # Nothing listens on port 1.
  expect_exit 3 "$client_bin" health --server 127.0.0.1:1
  grep -q 'cannot reach server' "$work/last.err" || fail "no hint"
  expect_exit 3 "$client_bin" extract --server 127.0.0.1:1 "$sample"
  ;;

eval)
  if [[ ! -f $shared_dir/gold/metrics.jsonl ]]; then
    echo "no gold files under $shared_dir; skipping"
    exit 77
  fi
  start_server main
  wait_healthy
  expect_exit 0 "$client_bin" eval --corpus "$shared_dir/corpus" \
    --gold "$shared_dir/gold" --server "127.0.0.1:$port"
  cp "$work/last.out" "$work/remote.txt"
  expect_exit 0 "$client_bin" eval --corpus "$shared_dir/corpus" \
    --gold "$shared_dir/gold" --data_dir "$data_dir"
  # Through the server or in-process, the scores are the same.
  diff "$work/remote.txt" "$work/last.out" >&2 ||
    fail "eval differs between --server and in-process"
  stop_server
  ;;

reflection)
  # Needs a Python with grpcio (python3-grpcio); skipped without one.
  py=""
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import grpc' 2>/dev/null; then
      py=$candidate
      break
    fi
  done
  if [[ -z $py ]]; then
    echo "no python3 with grpcio; skipping"
    exit 77
  fi
  # list_services (field 7 of ServerReflectionRequest) as raw bytes.
  # An optional argument is the bearer token to send.
  list_services() {
    "$py" - "127.0.0.1:$port" "${1:-}" <<'PY'
import sys, grpc
channel = grpc.insecure_channel(sys.argv[1])
call = channel.stream_stream(
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
    request_serializer=lambda b: b, response_deserializer=lambda b: b)
metadata = [("authorization", "Bearer " + sys.argv[2])] if sys.argv[2] else []
try:
    for response in call(iter([b"\x3a\x00"]), timeout=10,
                         metadata=metadata):
        print("reportfacts.v1.FactExtractor" in response.decode("latin-1"))
        break
except grpc.RpcError as e:
    print(e.code().name)
PY
  }
  start_server on
  wait_healthy
  [[ $(list_services) == True ]] || fail "reflection does not list the service"
  stop_server
  start_server off --enable_reflection=false
  wait_healthy
  [[ $(list_services) == UNIMPLEMENTED ]] || fail "reflection not disabled"
  stop_server
  # With tokens configured, reflection is behind them too.
  REPORTFACTS_AUTH_TOKENS=reflection-token start_server tokens
  wait_healthy
  [[ $(list_services) == CANCELLED ]] || fail "reflection open without a token"
  [[ $(list_services wrong-token) == CANCELLED ]] ||
    fail "reflection open with a wrong token"
  [[ $(list_services reflection-token) == True ]] ||
    fail "reflection refused with the token"
  grep -q "tokens are checked on a plaintext port" "$work/tokens.err" ||
    fail "no warning about tokens over plaintext"
  stop_server
  ;;

*)
  fail "unknown case $test_case"
  ;;
esac
echo "PASS: $test_case"
