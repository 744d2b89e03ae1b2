#!/usr/bin/env bash
# The console's browser libraries, taken from npm at pinned versions and committed under
# minsheng-app/src/main/resources/static/vendor/, so that running and testing need only a JDK
# (docs/adr/0006-console-components.md).
#
#   tools/vendor-console.sh          fetch the pinned packages with `npm pack`, copy the files the
#                                    console loads and their licences, write SHA256SUMS
#   tools/vendor-console.sh --check  verify the committed files against SHA256SUMS (no network)
#
# An upgrade is one reviewed commit: change a version below, run the script, run the tests.
set -euo pipefail

cd "$(dirname "$0")/.."
VENDOR=minsheng-app/src/main/resources/static/vendor

# package@version  then the files taken from its npm tarball (paths inside package/)
PACKAGES=(
  "echarts@6.1.0 dist/echarts.esm.min.js LICENSE"
)

if [[ "${1:-}" == "--check" ]]; then
  (cd "$VENDOR" && sha256sum --quiet -c SHA256SUMS)
  echo "vendor: all files match SHA256SUMS"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$VENDOR"
mkdir -p "$VENDOR"
for entry in "${PACKAGES[@]}"; do
  read -r spec files <<<"$entry"
  name=${spec%@*}
  version=${spec##*@}
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  tarball=$(ls "$work"/"${name//\//-}"-"$version".tgz)
  mkdir -p "$work/$name"
  tar xzf "$tarball" -C "$work/$name"
  for f in $files; do
    mkdir -p "$VENDOR/$name/$version/$(dirname "$f")"
    cp "$work/$name/package/$f" "$VENDOR/$name/$version/$f"
  done
done
(cd "$VENDOR" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "vendor: written to $VENDOR"
cat "$VENDOR/SHA256SUMS"
