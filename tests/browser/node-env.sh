# Sourced by install.sh and run.sh: the test packages need Node 20.19 or later,
# and Debian 12's own nodejs is 18. Then Node 20 comes from the npm registry's
# `node` package into tests/browser/.node/, and goes first on PATH.
node_ok() {
  command -v node >/dev/null || return 1
  local v; v=$(node -p 'process.versions.node' 2>/dev/null) || return 1
  local major=${v%%.*} rest=${v#*.}; local minor=${rest%%.*}
  (( major > 20 || (major == 20 && minor >= 19) ))
}
local_node="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.node"
if ! node_ok && [[ -x "$local_node/node_modules/.bin/node" ]]; then
  export PATH="$local_node/node_modules/.bin:$PATH"
fi
