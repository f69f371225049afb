#!/usr/bin/env bash
# Builds the container image from deploy/Dockerfile with podman and runs it
# the way the Deployment does, then checks it from outside with the
# host-built client (build/bin/reportfacts, from scripts/setup.sh):
#
#   bash scripts/image_test.sh            # everything below
#   bash scripts/image_test.sh --bases    # steps 1 and 2 only
#
# --bases needs no build: scripts/test.sh runs it beside the host compile,
# since making the bases waits mostly on the mirror and on dpkg.
#
# 1. podman, runc, the CNI plugins, iptables and mmdebstrap from apt, when
#    missing; /etc/containers/containers.conf gets what this kind of sandbox
#    needs (runc, ulimits under the hard limits).
# 2. debian:bookworm and debian:bookworm-slim made by mmdebstrap from the
#    machine's Debian mirror (no image registry), imported under their
#    docker.io/library names; kept while the mirror and the recipe stay the
#    same.
# 3. podman build of deploy/Dockerfile (layer cache and a ccache cache mount
#    kept between runs).
# 4. The container: read-only root, user 10001, no capabilities, no
#    privilege escalation, the dev overlay's flagfiles and taxonomy mounted
#    read-only at /etc/reportfacts, ports published on 127.0.0.1. Checked:
#    health SERVING (both service names), an extract equal to the host
#    build's, /metrics, uid, read-only root, CapEff 0, SIGTERM drain with
#    exit 0, image size under REPORTFACTS_MAX_IMAGE_MB.
#
# Runs as root (or through sudo): podman here is rootful. Fails, never
# skips, when podman cannot build or run. Containers and the host server
# are removed on exit, whatever happens.
#
# Environment: REPORTFACTS_BUILD_DIR (default build), REPORTFACTS_APT_SOURCES
# (the deb822 sources file for mmdebstrap; default the machine's),
# REPORTFACTS_REFRESH_BASES=1 (remake the base images),
# REPORTFACTS_MAX_IMAGE_MB (default 300).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD
bases_only=0
case ${1:-} in
--bases) bases_only=1 ;;
"") ;;
*)
  echo "usage: bash scripts/image_test.sh [--bases]" >&2
  exit 2
  ;;
esac

build_dir=${REPORTFACTS_BUILD_DIR:-build}
[[ $build_dir == /* ]] || build_dir=$repo/$build_dir
client_bin=$build_dir/bin/reportfacts
server_bin=$build_dir/bin/reportfacts-server
sources=${REPORTFACTS_APT_SOURCES:-/etc/apt/sources.list.d/debian.sources}
max_image_mb=${REPORTFACTS_MAX_IMAGE_MB:-300}
image=localhost/reportfacts:image-test
container=reportfacts-image-test-$$
started=$SECONDS

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo)
  # shellcheck disable=SC2032,SC2033  # sudo runs the real podman
  podman() { sudo podman "$@"; }
fi

work=$(mktemp -d "${TMPDIR:-/var/tmp}/reportfacts-image.XXXXXX")
host_server_pid=
cleanup() {
  local job
  for job in $(jobs -p); do # mmdebstrap runs, when interrupted
    kill "$job" 2>/dev/null || true
  done
  podman rm --force --ignore --time 0 "$container" >/dev/null 2>&1 || true
  if [[ -n $host_server_pid ]]; then
    kill -KILL "$host_server_pid" 2>/dev/null || true
    wait "$host_server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "image: FAIL: $*" >&2
  exit 1
}
# ok MESSAGE: one line per finished step, with the seconds it took.
step_started=$SECONDS
ok() {
  echo "image: $* ok ($((SECONDS - step_started)) s)"
  step_started=$SECONDS
}

((bases_only)) || [[ -x $client_bin && -x $server_bin ]] ||
  fail "no $client_bin or $server_bin: run scripts/setup.sh first"
[[ -r $sources ]] || fail "no apt sources file $sources"

# --- 1. Tools and the container engine's settings.
packages=(podman runc containernetworking-plugins iptables mmdebstrap)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "image: installing ${missing[*]}"
  "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "${missing[@]}" >"$work/apt.log" ||
    { tail -n 20 "$work/apt.log" >&2; fail "apt-get install"; }
fi

# set_containers_conf SECTION KEY VALUE: sets KEY in [SECTION] of
# containers.conf unless it is there already (with any value: a machine's
# own choice wins).
conf=/etc/containers/containers.conf
set_containers_conf() {
  local section=$1 key=$2 value=$3
  if [[ -f $conf ]] && awk -v s="[$section]" -v k="$key" '
      /^\[/ { in_section = ($1 == s) }
      in_section && $1 == k { found = 1 }
      END { exit !found }' "$conf"; then
    return 0
  fi
  echo "image: $conf: [$section] $key = $value"
  "${as_root[@]}" mkdir -p "$(dirname "$conf")"
  "${as_root[@]}" touch "$conf"
  local updated
  updated=$(awk -v s="[$section]" -v line="$key = $value" '
      { print }
      $1 == s && !done { print line; done = 1 }
      END { if (!done) { print ""; print s; print line } }' "$conf")
  printf '%s\n' "$updated" | "${as_root[@]}" tee "$conf" >/dev/null
}
# crun 1.8 refuses cgroup v1 hierarchies mixed with a v2 one carrying
# controllers ("hybrid mode"), which some sandboxes have; runc copes.
set_containers_conf engine runtime '"runc"'
# podman asks nofile=1048576 for root's containers; where the hard limit is
# lower and root lacks CAP_SYS_RESOURCE, setrlimit fails. nproc: podman
# lowers its own hard limit to 32768, so ask no more.
if (($(ulimit -Hn) < 1048576)); then
  nofile=$(ulimit -Hn)
  set_containers_conf containers default_ulimits \
    "[\"nofile=$nofile:$nofile\", \"nproc=32768:32768\"]"
fi
podman info >"$work/podman-info.txt" 2>&1 ||
  { cat "$work/podman-info.txt" >&2; fail "podman does not work here"; }
ok "podman $(podman version --format '{{.Client.Version}}')," \
  "storage $(podman info --format '{{.Store.GraphDriverName}}')"

# --- 2. Base images from the Debian mirror, kept while the mirror and the
# recipe stay the same (their hash is a label of the image).
declare -A mmdebstrap_options=(
  [bookworm]=""
  # As the official slim image: no man pages, docs or locales.
  [bookworm-slim]="--dpkgopt=path-exclude=/usr/share/man/*
    --dpkgopt=path-exclude=/usr/share/doc/*
    --dpkgopt=path-include=/usr/share/doc/*/copyright
    --dpkgopt=path-exclude=/usr/share/info/*
    --dpkgopt=path-exclude=/usr/share/locale/*
    --dpkgopt=path-include=/usr/share/locale/locale.alias"
)
# As the official images: apt keeps no .deb files after installing.
# shellcheck disable=SC2089,SC2090  # text for a file, never a command
docker_clean='DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";'
# Run in the new root ($1) at the end: apt's package caches (74 MB) would
# stay in the base layer for good.
# shellcheck disable=SC2016,SC2089
drop_apt_caches='rm -f "$1"/var/cache/apt/*.bin'
# The label: the mirror and this recipe, so that a change of either remakes
# the bases.
# shellcheck disable=SC2090
base_key=$( (cat "$sources"
  declare -p mmdebstrap_options docker_clean drop_apt_caches) |
  sha256sum | cut -c1-16)
bases=()
for base in bookworm bookworm-slim; do
  have=$(podman image inspect --format \
    '{{index .Config.Labels "org.reportfacts.base.key"}}' \
    "docker.io/library/debian:$base" 2>/dev/null || true)
  if [[ $have != "$base_key" || ${REPORTFACTS_REFRESH_BASES:-0} == 1 ]]; then
    bases+=("$base")
  fi
done
if ((${#bases[@]} > 0)); then
  printf '%s\n' "$docker_clean" >"$work/docker-clean"
  pids=()
  for base in "${bases[@]}"; do
    # shellcheck disable=SC2086  # the options are words
    nice "${as_root[@]}" mmdebstrap --variant=minbase --quiet \
      ${mmdebstrap_options[$base]} \
      --customize-hook="upload $work/docker-clean /etc/apt/apt.conf.d/docker-clean" \
      --customize-hook="$drop_apt_caches" \
      bookworm "$work/$base.tar" "$sources" >"$work/$base.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!bases[@]}"; do
    base=${bases[$i]}
    wait "${pids[$i]}" ||
      { tail -n 20 "$work/$base.log" >&2; fail "mmdebstrap $base (mirror in $sources)"; }
    podman import --quiet \
      --change 'CMD ["bash"]' \
      --change "LABEL org.reportfacts.base.key=$base_key" \
      --change "LABEL org.reportfacts.base.date=$(date -u +%F)" \
      "$work/$base.tar" "docker.io/library/debian:$base" >/dev/null
    rm -f "$work/$base.tar"
  done
  ok "base images ${bases[*]} made from $sources"
else
  ok "base images kept (mirror and recipe unchanged)"
fi

((bases_only)) && exit 0

# --- 3. The image. The build stage gets a tag too, so that pruning the
# images this script left behind (dangling, from the bases above) keeps its
# layers as the cache of the next run.
for target in build runtime; do
  tag=$image
  [[ $target == runtime ]] || tag=localhost/reportfacts-build:image-test
  nice "${as_root[@]}" podman build --pull=never --network=host \
    --format docker --target "$target" -f deploy/Dockerfile -t "$tag" . \
    >>"$work/build.log" 2>&1 ||
    { tail -n 40 "$work/build.log" >&2; fail "podman build"; }
done
podman image prune --force --filter label=org.reportfacts.base.key >/dev/null
size=$(podman image inspect --format '{{.Size}}' "$image")
size_mb=$((size / 1000000))
# The compile step's ccache summary, when it ran (not on a layer cache hit).
compiled=$(awk '$1 == "Hits:" && !done { print "ccache hits " $2 "/" $4; done = 1 }' \
  "$work/build.log")
ok "build $image, $size_mb MB${compiled:+, $compiled}"
((size_mb <= max_image_mb)) ||
  fail "image is $size_mb MB, more than $max_image_mb MB"

# --- 4. Run it as the Deployment does: the config folder holds the
# ConfigMaps' files (the dev overlay's overlay.flags replaces the base's).
config=$work/config
mkdir -p "$config"
cp deploy/base/server.flags deploy/base/taxonomy.tsv \
  deploy/overlays/dev/overlay.flags "$config/"
chmod 755 "$work" "$config"
chmod 644 "$config"/*
run_started=$(date +%s.%N)
podman run --detach --name "$container" \
  --read-only --read-only-tmpfs=false --cap-drop=ALL \
  --security-opt=no-new-privileges --no-healthcheck \
  --volume "$config:/etc/reportfacts:ro" --workdir /etc/reportfacts \
  --publish 127.0.0.1::50051 --publish 127.0.0.1::8080 \
  "$image" --flagfile=server.flags --flagfile=overlay.flags >/dev/null ||
  fail "podman run"
grpc=$(podman port "$container" 50051/tcp)
http=$(podman port "$container" 8080/tcp)
logs() { podman logs "$container" 2>&1 | tail -n 20 >&2; }
for ((i = 0; i < 300; i++)); do
  if "$client_bin" health --server "$grpc" --timeout_ms 1000 \
    >/dev/null 2>&1; then
    break
  fi
  [[ $(podman inspect --format '{{.State.Running}}' "$container") == true ]] ||
    { logs; fail "the container exited"; }
  sleep 0.1
done
serving=$(awk -v t0="$run_started" -v t1="$(date +%s.%N)" \
  'BEGIN { printf "%.2f", t1 - t0 }')
for service in "" reportfacts.v1.FactExtractor; do
  state=$("$client_bin" health --server "$grpc" --service "$service" \
    --timeout_ms 2000 2>&1) || true
  [[ $state == SERVING ]] ||
    { logs; fail "health of '$service' on $grpc: $state"; }
done
ok "SERVING on $grpc (both service names) ${serving} s after podman run"

# The same document through the host build's server, with the same flags.
document=$(find "$repo/../shared/corpus" -maxdepth 1 -name '*.txt' \
  2>/dev/null | sort | head -n 1 || true)
[[ -n $document ]] || fail "no development document in ../shared/corpus"
# Created before the fork: the loop below may read it before the
# background subshell has opened its redirect.
: >"$work/host.out"
(cd "$config" && exec "$server_bin" --flagfile=server.flags \
  --flagfile=overlay.flags --listen=127.0.0.1:0 --http_listen= \
  --log_level=warn) >"$work/host.out" 2>"$work/host.err" &
host_server_pid=$!
for ((i = 0; i < 300; i++)); do
  host=$(sed -n 's/^listening on \(.*\)$/\1/p' "$work/host.out")
  [[ -z $host ]] || break
  kill -0 "$host_server_pid" 2>/dev/null ||
    { cat "$work/host.err" >&2; fail "the host server exited"; }
  sleep 0.1
done
[[ -n $host ]] || fail "the host server printed no address"
"$client_bin" extract --server "$grpc" --format json "$document" \
  >"$work/image.json" || fail "extract from the image"
"$client_bin" extract --server "$host" --format json "$document" \
  >"$work/host.json" || fail "extract from the host server"
kill -TERM "$host_server_pid"
wait "$host_server_pid" || fail "the host server exited $?"
host_server_pid=
metrics=$(grep -c '"indicator"' "$work/image.json" || true)
cmp -s "$work/image.json" "$work/host.json" ||
  { diff "$work/image.json" "$work/host.json" | head -n 20 >&2
    fail "the image's extract of $(basename "$document") differs from the host build's"; }
ok "extract of $(basename "$document") ($metrics metrics) equals the host build's"

curl --silent --show-error --fail --max-time 5 "http://$http/metrics" \
  >"$work/metrics.txt" || fail "GET /metrics on $http"
[[ -s $work/metrics.txt ]] || fail "/metrics is empty"
ok "/metrics on $http ($(wc -l <"$work/metrics.txt") lines)"

uid=$(podman exec "$container" id -u)
[[ $uid == 10001 ]] || fail "the container runs as uid $uid, not 10001"
for path in /probe /tmp/probe /opt/reportfacts/probe /etc/reportfacts/probe; do
  if podman exec "$container" touch "$path" 2>/dev/null; then
    fail "$path is writable in the container"
  fi
done
status=$(podman exec "$container" cat /proc/1/status)
cap_eff=$(awk '$1 == "CapEff:" { print $2 }' <<<"$status")
no_new_privs=$(awk '$1 == "NoNewPrivs:" { print $2 }' <<<"$status")
[[ $cap_eff == 0000000000000000 ]] || fail "CapEff is $cap_eff"
[[ $no_new_privs == 1 ]] || fail "NoNewPrivs is $no_new_privs"
ok "uid 10001, read-only root, CapEff 0, NoNewPrivs 1"

# SIGTERM (podman stop), within the pod's 30 s grace period: the server
# drains and exits 0.
podman stop --time 30 "$container" >/dev/null
exit_code=$(podman inspect --format '{{.State.ExitCode}}' "$container")
[[ $exit_code == 0 ]] || { logs; fail "exit code $exit_code after SIGTERM"; }
podman logs "$container" >"$work/container.log" 2>&1
grep -q 'draining' "$work/container.log" ||
  { logs; fail "no drain in the log after SIGTERM"; }
ok "SIGTERM: drained, exit code 0"

echo "image: all checks ok in $((SECONDS - started)) s" \
  "(image $size_mb MB, SERVING ${serving} s after run)"
