#!/usr/bin/env bash
# Makes throw-away certificates for the TLS tests in DIR:
#   ca.{pem,key}          test CA
#   server.{pem,key}      signed by ca, valid for 127.0.0.1 and localhost
#   client.{pem,key}      signed by ca, for client authentication
#   foreign_ca.{pem,key}  an unrelated CA
#   foreign_client.{pem,key} signed by foreign_ca
#
# Usage: make_certs.sh DIR
set -euo pipefail

dir=$1
mkdir -p "$dir"
cd "$dir"

quiet() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

make_ca() {
  quiet openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$1" \
    -keyout "$1.key" -out "$1.pem"
}

# make_leaf NAME CA EXTENSION
make_leaf() {
  quiet openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" \
    -keyout "$1.key" -out "$1.csr"
  printf '%s\n' "$3" >"$1.ext"
  quiet openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" \
    -CAcreateserial -days 2 -extfile "$1.ext" -out "$1.pem"
}

make_ca ca
make_ca foreign_ca
make_leaf server ca "subjectAltName=IP:127.0.0.1,DNS:localhost"
make_leaf client ca "extendedKeyUsage=clientAuth"
make_leaf foreign_client foreign_ca "extendedKeyUsage=clientAuth"
