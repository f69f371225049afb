#!/usr/bin/env bash
# Builds reportfacts and runs every test (unit, service, end-to-end), the
# container image built and run with podman, and the sanitizer builds.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
ctest --test-dir "${REPORTFACTS_BUILD_DIR:-build}" --output-on-failure -j2
bash scripts/image_test.sh
bash scripts/sanitize.sh
