#!/usr/bin/env bash
# Prints the bin directory of the Node.js release named in .nvmrc (the LTS the whole suite runs
# on in CI), installing it first from the npm registry (npm's `node` package ships the official
# binary for this platform) into a cache outside the repository, so a clean clone reuses it:
#   PATH="$(bash scripts/fetch-node.sh):$PATH" npm test
# Quick when cached; STRATA_NODE_CACHE moves the cache (default ~/.cache/strata/node).
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(tr -d '[:space:]' <.nvmrc)"
version="${version#v}"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "fetch-node: .nvmrc must name an exact release (e.g. 22.23.3), found '$version'" >&2
  exit 1
fi
cache="${STRATA_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/strata/node}"
dir="$cache/$version"
bin="$dir/node_modules/node/bin"

if [ "$("$bin/node" --version 2>/dev/null)" != "v$version" ]; then
  mkdir -p "$cache"
  # Install beside the final place and rename, so a run cut short never leaves a cache entry
  # that looks complete. The package's preinstall script fetches the platform's binary.
  staging="$(mktemp -d "$cache/.install-$version.XXXXXX")" && chmod 755 "$staging"
  trap 'rm -rf "$staging"' EXIT
  echo "fetch-node: installing node@$version into $dir" >&2
  # allowScripts lets npm 11 run that script and no other (older npm runs it regardless).
  printf '{ "private": true, "dependencies": { "node": "%s" }, "allowScripts": { "node@%s": true } }\n' \
    "$version" "$version" >"$staging/package.json"
  npm install --prefix "$staging" --no-package-lock --no-audit --no-fund --loglevel=error >&2
  if [ "$("$staging/node_modules/node/bin/node" --version)" != "v$version" ]; then
    echo "fetch-node: node@$version did not install a working node binary" >&2
    exit 1
  fi
  rm -rf "$dir"
  mv "$staging" "$dir"
  trap - EXIT
fi
echo "$bin"
