#!/usr/bin/env bash
# Builds the core, its unit tests and the fuzz targets with clang-14 under
# AddressSanitizer and UndefinedBehaviorSanitizer, runs the unit tests once,
# then runs each libFuzzer target for a bounded time from its seed corpus.
#
#   bash scripts/sanitize.sh
#
# REPORTFACTS_SANITIZE_BUILD_DIR  build folder (default build-sanitize)
# REPORTFACTS_FUZZ_SECONDS        time per fuzz target (default 20)
# The gRPC server is not built here: only what the tests and fuzzers link.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir=${REPORTFACTS_SANITIZE_BUILD_DIR:-build-sanitize}
fuzz_seconds=${REPORTFACTS_FUZZ_SECONDS:-20}
sanitize_flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
sanitize_flags+=" -fno-omit-frame-pointer -fsanitize=fuzzer-no-link"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# fontconfig's process-wide cache (loaded by poppler) is never freed.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/fuzz/lsan.supp}

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS="$sanitize_flags" \
  -DREPORTFACTS_BUILD_FUZZ=ON -DREPORTFACTS_BUILD_BENCH=OFF >/dev/null

# The core's unit tests, as tests/unit/CMakeLists.txt lists them.
mapfile -t unit_tests < <(
  sed -n '/^set(REPORTFACTS_UNIT_TESTS/,/^)/p' tests/unit/CMakeLists.txt |
    sed '1d;$d' | tr -d ' '
)
((${#unit_tests[@]} > 0)) || {
  echo "sanitize: no unit tests found" >&2
  exit 1
}
fuzz_targets=(extract_fuzzer request_fuzzer ingest_fuzzer docx_fuzzer
  pdf_fuzzer)

echo "sanitize: building ${unit_tests[*]} ${fuzz_targets[*]}"
nice cmake --build "$build_dir" -j"$(nproc)" \
  --target "${unit_tests[@]}" "${fuzz_targets[@]}"

echo "sanitize: unit tests under ASan+UBSan"
regex=$(printf '%s|' "${unit_tests[@]}")
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" \
  -R "^(${regex%|})\$"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for fuzzer in "${fuzz_targets[@]}"; do
  name=${fuzzer%_fuzzer}
  seeds=tests/fuzz/corpus/$name
  # New inputs go to a scratch folder; the committed seeds stay as they are.
  mkdir -p "$work/$name"
  echo "sanitize: fuzzing $fuzzer for ${fuzz_seconds}s"
  "$build_dir/bin/$fuzzer" -max_total_time="$fuzz_seconds" -max_len=8192 \
    -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/$name" "$seeds" \
    >"$work/$name.log" 2>&1 || {
    tail -n 60 "$work/$name.log" >&2
    echo "sanitize: $fuzzer found a problem (artifact in the log above)" >&2
    exit 1
  }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
  echo "sanitize: $fuzzer ran ${runs:-?} inputs without a finding"
done
echo "sanitize: all clean"
