#!/usr/bin/env bash
# Builds Strata's images with podman, without any registry (shared/containers.md):
#   localhost/debian-base:bookworm  debootstrapped Debian 12 minbase (skipped when it exists)
#   localhost/strata-node:MAJOR     the base plus this host's Node.js (22 or 20) and npm (build stage)
#   localhost/strata:dev            deploy/Containerfile: one image for every Strata role
#   localhost/strata-etcd:dev       deploy/etcd.Containerfile: etcd from Debian's package
# Idempotent and cached: each image is rebuilt only when missing (the base, the node image) or
# through podman's layer cache (the rest). STRATA_IMAGE / STRATA_ETCD_IMAGE rename the outputs;
# STRATA_REBUILD_BASE=1 forces a fresh debootstrap. Run as root (debootstrap needs it).
set -euo pipefail
cd "$(dirname "$0")/../.."

BASE_IMAGE=localhost/debian-base:bookworm
STRATA_IMAGE="${STRATA_IMAGE:-localhost/strata:dev}"
STRATA_ETCD_IMAGE="${STRATA_ETCD_IMAGE:-localhost/strata-etcd:dev}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# RUN steps use the host's network: the build stage fetches npm packages, the etcd image Debian's.
BUILD_FLAGS=(--network host --layers)

elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

if [ "${STRATA_REBUILD_BASE:-0}" = 1 ] || ! podman image exists "$BASE_IMAGE"; then
  started=$(date +%s)
  rootfs="$(mktemp -d /tmp/strata-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  echo "build-images: debootstrap bookworm minbase into $rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$rootfs.log" 2>&1 || { tail -20 "$rootfs.log"; exit 1; }
  rm -f "$rootfs.log"
  # Downloaded .debs and package lists are dead weight in every image built on the base.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import --quiet - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"; trap - EXIT
  echo "build-images: $BASE_IMAGE imported in $(elapsed "$started")"
else
  echo "build-images: $BASE_IMAGE exists; skipping debootstrap"
fi

# The node image carries the host's Node, the one the suite runs on (22 in CI, 20 still
# supported), one image per major. It is rebuilt when the host's Node changes or this recipe
# does (bump org.strata.node-image when editing the Containerfile below).
node_version="$(node --version)"
node_major="${node_version%%.*}"
case "$node_major" in
  v22 | v20) ;;
  *) echo "build-images: need Node.js 22 or 20 on the host, found $node_version" >&2; exit 1 ;;
esac
NODE_IMAGE="localhost/strata-node:${node_major#v}"
if ! podman image exists "$NODE_IMAGE" || [ "$(podman image inspect --format '{{index .Labels "org.strata.node-version"}}' "$NODE_IMAGE")" != "$node_version" ] \
  || [ "$(podman image inspect --format '{{index .Labels "org.strata.node-image"}}' "$NODE_IMAGE")" != 2 ]; then
  started=$(date +%s)
  context="$(mktemp -d /tmp/strata-node-context.XXXXXX)"
  cp "$(command -v node)" "$context/node"
  cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$context/npm"
  # This host may reach the npm registry through a TLS proxy whose CA only its own bundle
  # trusts; the build stage gets the same bundle (it never reaches the runtime image).
  cp "${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}" "$context/ca-certificates.crt" 2>/dev/null || : >"$context/ca-certificates.crt"
  cat >"$context/Containerfile" <<CONTAINERFILE
FROM $BASE_IMAGE
LABEL org.strata.node-version=$node_version org.strata.node-image=2
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY ca-certificates.crt /etc/ssl/certs/host-ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
CONTAINERFILE
  podman build "${BUILD_FLAGS[@]}" --quiet -t "$NODE_IMAGE" "$context" >/dev/null
  rm -rf "$context"
  echo "build-images: $NODE_IMAGE ($node_version) built in $(elapsed "$started")"
fi

build_log="$(mktemp /tmp/strata-image-build.XXXXXX)"
trap 'rm -f "$build_log"' EXIT
started=$(date +%s)
podman build "${BUILD_FLAGS[@]}" -f deploy/Containerfile \
  --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg NODE_IMAGE="$NODE_IMAGE" -t "$STRATA_IMAGE" . >"$build_log" 2>&1 \
  || { tail -40 "$build_log"; exit 1; }
echo "build-images: $STRATA_IMAGE built in $(elapsed "$started")"

started=$(date +%s)
podman build "${BUILD_FLAGS[@]}" -f deploy/etcd.Containerfile \
  --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$STRATA_ETCD_IMAGE" deploy >"$build_log" 2>&1 \
  || { tail -40 "$build_log"; exit 1; }
echo "build-images: $STRATA_ETCD_IMAGE built in $(elapsed "$started")"
podman image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^(${BASE_IMAGE}|${STRATA_IMAGE}|${STRATA_ETCD_IMAGE})( |$)" | sed 's/^/build-images: size /'
