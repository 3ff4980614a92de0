#!/usr/bin/env bash
# Makes sure the system tools the test suite runs for real are here, so that `npm test` is the
# one command that runs the whole suite on a fresh Debian/Ubuntu machine. Installs what is
# missing with apt when it can (root, or passwordless sudo); otherwise it says in one line what
# to install and stops. Quick when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

can_install() { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

missing=()
# need CHECK PACKAGE: PACKAGE is missing when the shell command CHECK fails.
need() { if ! eval "$1" >/dev/null 2>&1; then missing+=("$2"); fi; }

# etcd: the cluster tests start real etcd servers.
need 'command -v etcd' etcd-server
# dig: the location-service tests query its DNS responder.
need 'command -v dig' dnsutils
# The S3 clients users run, tested at their defaults by their Debian paths (the suite must not
# pick up a pip-installed aws or boto3 of some other version).
need 'test -x /usr/bin/aws' awscli
need 'test -x /usr/bin/s3cmd' s3cmd
need 'test -x /usr/bin/rclone' rclone
need '/usr/bin/python3 -c "import boto3"' python3-boto3

if [ "${#missing[@]}" -gt 0 ]; then
  if ! can_install; then
    echo "strata tests: missing ${missing[*]}; install them: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "strata tests: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  # Packages may start system services on default ports; the suite runs its own.
  as_root systemctl disable --now etcd >/dev/null 2>&1 || true
fi

if ! command -v podman >/dev/null 2>&1 || [ ! -f /etc/containers/containers.conf.d/50-strata.conf ]; then
  if ! can_install; then
    echo "strata tests: podman not set up; run: sudo bash deploy/scripts/setup-podman-host.sh" >&2
    exit 1
  fi
  bash deploy/scripts/setup-podman-host.sh
fi
