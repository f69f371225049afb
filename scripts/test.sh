#!/usr/bin/env bash
# Builds reportfacts and runs every test (unit, service, end-to-end), the
# container image built and run with podman, and the sanitizer builds.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh --no-build
# The image's Debian bases wait mostly on the mirror and dpkg: they are made
# beside the host compile, which waits on the CPU.
bases_log=$(mktemp)
bash scripts/image_test.sh --bases >"$bases_log" 2>&1 &
bases_pid=$!
trap 'kill "$bases_pid" 2>/dev/null || true; rm -f "$bases_log"' EXIT

bash scripts/setup.sh
ctest --test-dir "${REPORTFACTS_BUILD_DIR:-build}" --output-on-failure -j2
bases_status=0
wait "$bases_pid" || bases_status=$?
cat "$bases_log"
((bases_status == 0)) || exit "$bases_status"
bash scripts/image_test.sh
bash scripts/sanitize.sh
