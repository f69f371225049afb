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
logs=$(mktemp -d)
bash scripts/image_test.sh --bases >"$logs/bases" 2>&1 &
background=$!
trap 'kill "$background" 2>/dev/null || true; rm -rf "$logs"' EXIT

bash scripts/setup.sh
ctest --test-dir "${REPORTFACTS_BUILD_DIR:-build}" --output-on-failure -j2
status=0
wait "$background" || status=$?
cat "$logs/bases"
((status == 0)) || exit "$status"

# The image beside the sanitizers: each fuzzer keeps one core busy, the
# image build takes what is left (and waits on the mirror for its apt
# layers). Neither measures time.
bash scripts/image_test.sh >"$logs/image" 2>&1 &
background=$!
sanitize_status=0
bash scripts/sanitize.sh || sanitize_status=$?
image_status=0
wait "$background" || image_status=$?
cat "$logs/image"
((sanitize_status == 0)) || exit "$sanitize_status"
exit "$image_status"
