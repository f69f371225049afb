#!/usr/bin/env bash
# Installs what reportfacts needs on Debian 12 and builds it.
#
#   bash scripts/setup.sh              # packages, npm packages, build
#   bash scripts/setup.sh --no-build   # packages and npm packages only
#
# Idempotent: apt runs only when a package is missing, and the build is
# incremental. REPORTFACTS_BUILD_DIR picks the build folder (default build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=1
case ${1:-} in
--no-build) build=0 ;;
"") ;;
*)
  echo "usage: bash scripts/setup.sh [--no-build]" >&2
  exit 2
  ;;
esac

packages=(
  build-essential cmake pkg-config git
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libabsl-dev libspdlog-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libre2-dev libopencc-dev libcpp-httplib-dev libmicrohttpd-dev
  libuchardet-dev libxml2-dev libzip-dev libpoppler-cpp-dev poppler-data
  libcairo2-dev libpango1.0-dev qpdf
  python3-jieba ccache
  python3-grpcio python3-protobuf python3-yaml
  clang-14 libclang-rt-14-dev clang-format openssl valgrind
  chromium fonts-wqy-microhei
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${packages[@]}"
else
  echo "setup: all ${#packages[@]} packages are installed"
fi

# npm packages of the deploy tests (the Kubernetes schema validator), from
# tests/deploy/package-lock.json. Debian's npm only when the machine has no
# npm at all: it conflicts with other Node.js packagings.
if ! command -v npm >/dev/null; then
  echo "setup: installing npm"
  sudo_npm=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo_npm=(sudo)
  fi
  "${sudo_npm[@]}" apt-get update
  "${sudo_npm[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends npm
fi
if [[ ! tests/deploy/node_modules/.package-lock.json -nt \
  tests/deploy/package-lock.json ]]; then
  (cd tests/deploy && npm ci --no-audit --no-fund)
fi
if [[ ! tests/web/node_modules/.package-lock.json -nt \
  tests/web/package-lock.json ]]; then
  (cd tests/web && npm ci --no-audit --no-fund)
fi

((build)) || exit 0

build_dir=${REPORTFACTS_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j"$(nproc)"
