#!/usr/bin/env bash
# Makes sure the system tools the test suite runs for real are here, so that `npm test` is the
# one command that runs the whole suite on a fresh Debian/Ubuntu machine: etcd (the cluster
# tests start real etcd servers), dig (the DNS tests) and podman with its settings (the
# container tests). Installs
# what is missing with apt when it can (root, or passwordless sudo); otherwise it says in one
# line what to install and stops. Quick when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

can_install() { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if ! command -v etcd >/dev/null 2>&1; then
  if ! can_install; then
    echo "strata tests: etcd not found; install it: sudo apt-get install etcd-server (macOS: brew install etcd)" >&2
    exit 1
  fi
  echo "strata tests: installing etcd-server"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq etcd-server >/dev/null
  # The package may start a system etcd on the default ports; the suite runs its own.
  as_root systemctl disable --now etcd >/dev/null 2>&1 || true
fi

# dnsutils brings `dig`: the location-service tests query its DNS responder with it.
if ! command -v dig >/dev/null 2>&1; then
  if ! can_install; then
    echo "strata tests: dig not found; install it: sudo apt-get install dnsutils" >&2
    exit 1
  fi
  echo "strata tests: installing dnsutils"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq dnsutils >/dev/null
fi

if ! command -v podman >/dev/null 2>&1 || [ ! -f /etc/containers/containers.conf.d/50-strata.conf ]; then
  if ! can_install; then
    echo "strata tests: podman not set up; run: sudo bash deploy/scripts/setup-podman-host.sh" >&2
    exit 1
  fi
  bash deploy/scripts/setup-podman-host.sh
fi
