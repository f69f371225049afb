#!/usr/bin/env bash
# End-to-end speed of `reportfacts extract --format json` on a large
# document: the real client against a real server on loopback, wall clock
# from the client's start to its last byte written to a file, in MB of
# document per second.
#
#   bench/extract_e2e.sh build-dir [runs] [extra client flags...]
#   bench/extract_e2e.sh build-output 7 --no_sentences
#
# The document is the sample corpus (../shared/corpus, or
# $REPORTFACTS_SHARED_DIR/corpus) repeated to 4 MB, as bench/output_bench
# builds it. Prints one line per run, then the best and the median: the
# development VM switches between speed phases, so the best run is the one
# least disturbed. Each run's output is compared with the first one's.
# CPU per run, which other load on the machine disturbs far less than the
# wall clock, closes the line: the server's (all its threads, from
# /proc) and the client's (user + system).
set -euo pipefail
build=${1:?usage: bench/extract_e2e.sh build-dir [runs] [client flags...]}
runs=${2:-5}
shift $(($# >= 2 ? 2 : 1))
corpus=${REPORTFACTS_SHARED_DIR:-$(dirname "$0")/../../shared}/corpus
[[ -d $corpus ]] || { echo "extract_e2e: no corpus at $corpus" >&2; exit 2; }
bin=$build/bin
work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

/usr/bin/python3 - "$corpus" "$work/archive.txt" <<'PY'
import pathlib, sys
corpus = b"".join(p.read_bytes()
                  for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")))
archive = bytearray()
while len(archive) < 4 << 20:
    archive += corpus
pathlib.Path(sys.argv[2]).write_bytes(archive)
PY
bytes=$(stat -c %s "$work/archive.txt")

: >"$work/server.out" # read below, maybe before the server opens it
"$bin/reportfacts-server" --listen=127.0.0.1:0 --log_level=warn \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
port=
for _ in $(seq 300); do
  port=$(sed -n 's/^listening on .*:\([0-9][0-9]*\)$/\1/p' "$work/server.out")
  [[ -n $port ]] && break
  sleep 0.05
done
[[ -n $port ]] || { echo "extract_e2e: server did not start" >&2; exit 1; }

# One warm-up call: the server's first document pays for page faults in
# its data.
"$bin/reportfacts" extract --server "127.0.0.1:$port" --format json "$@" \
  "$work/archive.txt" >"$work/first.json"
# server_cpu_ms: CPU time of every thread of the server so far.
server_cpu_ms() {
  cat "/proc/$server_pid/task/"*/schedstat 2>/dev/null |
    awk '{ns += $1} END {printf "%d", ns / 1000000}'
}
TIMEFORMAT='%U %S'
for ((i = 0; i < runs; i++)); do
  server_before=$(server_cpu_ms)
  start=$(date +%s%N)
  { time "$bin/reportfacts" extract --server "127.0.0.1:$port" --format json \
    "$@" "$work/archive.txt" >"$work/out.json" 2>"$work/client.err"; } \
    2>"$work/client.cpu" || { cat "$work/client.err" >&2; exit 1; }
  end=$(date +%s%N)
  server_ms=$(($(server_cpu_ms) - server_before))
  client_ms=$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/client.cpu")
  cmp -s "$work/first.json" "$work/out.json" ||
    { echo "extract_e2e: run $i printed other output" >&2; exit 1; }
  echo "$(((end - start) / 1000000)) $server_ms $client_ms" >>"$work/times"
  echo "run $i: $(((end - start) / 1000000)) ms (CPU: server $server_ms ms," \
    "client $client_ms ms)" >&2
done
/usr/bin/python3 - "$work/times" "$bytes" "$(stat -c %s "$work/out.json")" <<'PY'
import statistics, sys
runs = [[int(x) for x in line.split()] for line in open(sys.argv[1])]
ms = [r[0] for r in runs]
doc, out = int(sys.argv[2]), int(sys.argv[3])
best, median = min(ms), statistics.median(ms)
server = statistics.median(r[1] for r in runs)
client = statistics.median(r[2] for r in runs)
print(f"extract --format json, {doc / 1e6:.2f} MB document, "
      f"{out / 1e6:.2f} MB output: best {best} ms ({doc / 1e3 / best:.1f} MB/s), "
      f"median {median:.0f} ms ({doc / 1e3 / median:.1f} MB/s); "
      f"CPU per run (median): server {server:.0f} ms, client {client:.0f} ms")
PY
