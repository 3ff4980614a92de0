#!/usr/bin/env bash
# Runs a command (the container tests) with podman's Docker-compatible API socket, as
# testcontainers needs it: starts `podman system service` on a socket of its own, points
# DOCKER_HOST at it, runs the command, then stops the service it started — also when the
# command fails. The reaper (Ryuk) image cannot be pulled here; the tests remove their own
# containers. A DOCKER_HOST that is already set (a real Docker engine) is used as it is.
set -euo pipefail

if [ -n "${DOCKER_HOST:-}" ]; then exec "$@"; fi

runtime_dir="$(mktemp -d /tmp/strata-podman-api.XXXXXX)"
socket="$runtime_dir/podman.sock"
podman system service --time=0 "unix://$socket" >"$runtime_dir/service.log" 2>&1 &
service_pid=$!
stop_service() {
  kill "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
  rm -rf "$runtime_dir"
}
trap stop_service EXIT

for _ in $(seq 1 100); do [ -S "$socket" ] && break; sleep 0.1; done
if [ ! -S "$socket" ]; then echo "with-podman-socket: the podman API socket did not appear" >&2; cat "$runtime_dir/service.log" >&2; exit 1; fi

export DOCKER_HOST="unix://$socket" TESTCONTAINERS_RYUK_DISABLED=true
set +e
"$@"
status=$?
set -e
exit "$status"
