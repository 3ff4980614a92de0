#!/usr/bin/env bash
# Prepares a Debian host (as root) to build and run Strata's images with podman, following
# shared/containers.md: the packages, a containers.conf drop-in that this kind of sandbox needs
# (runc instead of crun, and ulimits the OCI runtime is allowed to set), nothing else.
# Idempotent: installs only what is missing and rewrites only its own drop-in file.
set -euo pipefail

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for tool in podman:podman runc:runc debootstrap:debootstrap podman-compose:podman-compose; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup-podman-host: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -qq
  sudo_if_needed apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A drop-in rather than /etc/containers/containers.conf itself, so a host's own settings stay.
# nofile 4096: an extent node holds a file per open extent plus sockets; it must stay at or
# below the host's hard limit, which the runtime cannot raise here.
hard_nofile="$(ulimit -Hn)"
nofile=4096
if [ "$hard_nofile" != unlimited ] && [ "$hard_nofile" -lt "$nofile" ]; then nofile="$hard_nofile"; fi
conf_dir=/etc/containers/containers.conf.d
sudo_if_needed mkdir -p "$conf_dir"
sudo_if_needed tee "$conf_dir/50-strata.conf" >/dev/null <<CONF
# Written by strata deploy/scripts/setup-podman-host.sh (see shared/containers.md).
[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
echo "setup-podman-host: $(podman --version), runtime $(podman info --format '{{.Host.OCIRuntime.Name}}')"
