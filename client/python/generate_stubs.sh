#!/usr/bin/env bash
# Generates the Python gRPC stubs of reportfacts.v1 from proto/ into OUT_DIR
# (never into the source tree), for reportfacts_client.py:
#
#   bash client/python/generate_stubs.sh build/python
#   PYTHONPATH=build/python /usr/bin/python3 client/python/reportfacts_client.py FILE
#
# Needs protoc (protobuf-compiler) and grpc_python_plugin
# (protobuf-compiler-grpc); PROTOC and GRPC_PYTHON_PLUGIN override where
# they are found.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
out_dir=$1
proto_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../proto" && pwd)"
protoc=${PROTOC:-protoc}
plugin=${GRPC_PYTHON_PLUGIN:-$(command -v grpc_python_plugin || true)}
if [[ -z $plugin ]]; then
  echo "$0: grpc_python_plugin not found; install protobuf-compiler-grpc" >&2
  exit 1
fi

mkdir -p "$out_dir"
# Only reportfacts/v1: generating grpc/health/v1 here would make a "grpc"
# folder that shadows the grpcio package.
"$protoc" --proto_path="$proto_dir" \
  --python_out="$out_dir" \
  --grpc_out="$out_dir" \
  --plugin=protoc-gen-grpc="$plugin" \
  "$proto_dir/reportfacts/v1/facts.proto" \
  "$proto_dir/reportfacts/v1/fact_extractor.proto"
