#!/usr/bin/env bash
# Builds CloudStack's own UI with VR Scale's patch applied, OUTSIDE this repository, as README "The UI patch" tells
# an operator to: copy CloudStack's ui/ source, `git apply` ui/patch/vr-scaling-ui.patch, `npm ci`, build. Nothing of
# CloudStack is kept in this repository; this script only copies, patches and runs npm.
#
#   ui/cloudstack-ui/build.sh            -> $VRSCALE_UI_BUILD/ui/dist (default ~/cloudstack/ui-build/ui/dist)
#
# Needs: the CloudStack 4.22 source at $CLOUDSTACK_HOME/src (default ~/cloudstack/src), git, node (20) and npm with
# the npm registry reachable. `npm install` (as CloudStack's own packaging does: its package-lock.json is not in step
# with its package.json, so `npm ci` refuses it) runs again only when CloudStack's package files change.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
patch_file="$(cd "$here/.." && pwd)/patch/vr-scaling-ui.patch"
CLOUDSTACK_HOME="${CLOUDSTACK_HOME:-$HOME/cloudstack}"
source_ui="$CLOUDSTACK_HOME/src/ui"
build="${VRSCALE_UI_BUILD:-$CLOUDSTACK_HOME/ui-build}"

if [ ! -f "$source_ui/package-lock.json" ] || [ ! -f "$source_ui/src/config/section/infra/routers.js" ]; then
    echo "cloudstack-ui: no CloudStack UI source at $source_ui (need package-lock.json, src/config/section/infra/routers.js); set CLOUDSTACK_HOME" >&2
    exit 1
fi
for tool in git node npm rsync; do
    command -v "$tool" >/dev/null 2>&1 || { echo "cloudstack-ui: $tool is missing" >&2; exit 1; }
done

started=$(date +%s)
mkdir -p "$build/ui"
# A fresh copy of the sources each time (so the patch always applies to pristine files); node_modules is kept.
rsync -a --delete --exclude /node_modules --exclude /dist "$source_ui/" "$build/ui/"
cd "$build"
git apply --check "$patch_file"
git apply "$patch_file"
echo "cloudstack-ui: patch applied to a copy of $source_ui"

cd "$build/ui"
lock_sum="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ ! -f node_modules/.vrscale-lock.sha256 ] || [ "$(cat node_modules/.vrscale-lock.sha256)" != "$lock_sum" ]; then
    echo "cloudstack-ui: npm install (CloudStack's package.json and package-lock.json)"
    npm install --no-audit --no-fund --loglevel=error
    echo "$lock_sum" >node_modules/.vrscale-lock.sha256
fi

# webpack 4 needs the legacy OpenSSL hashes under Node 17+. The build lints every source file (eslint-loader with
# errors as errors), so the patch's component must follow CloudStack's lint rules.
export NODE_OPTIONS="${NODE_OPTIONS:-} --openssl-legacy-provider"
npm run build
test -f dist/index.html || { echo "cloudstack-ui: the build wrote no dist/index.html" >&2; exit 1; }
echo "cloudstack-ui: built $build/ui/dist in $(( $(date +%s) - started )) s"
