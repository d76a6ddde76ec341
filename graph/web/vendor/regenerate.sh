#!/usr/bin/env bash
# Refreshes the vendored graph-drawing library of the HTML map (graph/web/, `parley export
# --format html`) from the npm registry: cytoscape.js (MIT), pinned to VERSION with the
# registry's sha512 integrity. The minified browser build and the licence are copied into
# graph/web/vendor/cytoscape/; the build embeds them into the parley binary.
#
# To upgrade: set VERSION and INTEGRITY (`npm view cytoscape@X.Y.Z dist.integrity`), run this,
# then run the browser test (ctest -R Browser) and look at build/map-browser/map.png.
set -euo pipefail
VERSION=3.35.0
INTEGRITY=sha512-sMvBIXiGMnhkCaWz2R06FwF/27MNlS+Tqvi17foO9UhnUg3XGZccKjxsvEqQFAQYMSSZmN5SxYzUYlQ0DOJJ3g==

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cytoscape@$VERSION" >/dev/null)
tarball="$work/cytoscape-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "regenerate.sh: cytoscape-$VERSION.tgz has integrity $actual, expected $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
mkdir -p "$here/cytoscape"
cp "$work/package/dist/cytoscape.min.js" "$work/package/LICENSE" "$here/cytoscape/"
echo "$VERSION" >"$here/cytoscape/VERSION"
echo "graph/web/vendor/cytoscape: cytoscape $VERSION"
