#!/usr/bin/env bash
# Builds reportfacts and runs every test (unit, service, end-to-end), the
# container image built and run with podman, and the sanitizer builds.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Each phase's wall time, so a slow CI run shows where it went.
phase_start=$SECONDS
phase_done() {
  echo "test: $1 took $((SECONDS - phase_start)) s (total $SECONDS s)"
  phase_start=$SECONDS
}

bash scripts/setup.sh --no-build
# The image's Debian bases wait mostly on the mirror and dpkg: they are made
# beside the host compile, which waits on the CPU.
logs=$(mktemp -d)
bash scripts/image_test.sh --bases >"$logs/bases" 2>&1 &
background=$!
trap 'kill "$background" 2>/dev/null || true; rm -rf "$logs"' EXIT

phase_done "setup without build"

bash scripts/setup.sh
phase_done "build"
ctest --test-dir "${REPORTFACTS_BUILD_DIR:-build}" --output-on-failure -j2
phase_done "ctest"
status=0
wait "$background" || status=$?
cat "$logs/bases"
phase_done "waiting for the image bases"
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
phase_done "sanitizers and image"
((sanitize_status == 0)) || exit "$sanitize_status"
exit "$image_status"
