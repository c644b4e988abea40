#!/usr/bin/env bash
# Installs what tests/browser/run.sh needs on a clean machine: Debian's Chromium
# (never a browser download), a font, Java for the Nu Html Checker, and the pinned npm
# packages. Idempotent, quiet.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

sudo_() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q 'ok installed' || need+=(fonts-dejavu-core)
# Java for the W3C Nu Html Checker (npm vnu-jar), from Debian, before npm ci: vnu-jar's
# install step then finds it and downloads nothing
dpkg-query -W -f='${Status}' default-jre-headless 2>/dev/null | grep -q 'ok installed' || need+=(default-jre-headless)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  sudo_ apt-get update -qq >/dev/null
  sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  sudo_ apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
source "$here/node-env.sh"
if ! node_ok; then
  npm install --no-audit --no-fund --loglevel=error --prefix "$local_node" node@20 >/dev/null
  source "$here/node-env.sh"
fi

cd "$here"
# npm ci only when the packages are missing or older than the lock file
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
