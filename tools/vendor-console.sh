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
  "vue@3.5.47 dist/vue.runtime.esm-browser.prod.js LICENSE"
  "element-plus@2.14.8 dist/index.full.min.mjs dist/index.css dist/locale/zh-cn.min.mjs LICENSE"
)

# Element Plus imports Vue by its bare name ("vue"); a browser resolves that only through an import
# map, an inline script the console's Content-Security-Policy refuses. The one import is rewritten
# to the vendored file's relative path (and checked: exactly one bare import before, none after).
# The runtime build of Vue suffices: the islands are render functions, so no template is compiled
# in the browser (which would need 'unsafe-eval').
rewrite_vue_import() {
  local file="$VENDOR/element-plus/2.14.8/dist/index.full.min.mjs"
  [[ $(grep -o 'from"vue"' "$file" | wc -l) -eq 1 ]] || { echo "vendor: expected one bare import of vue in $file" >&2; exit 1; }
  sed -i 's#from"vue"#from"../../../vue/3.5.47/dist/vue.runtime.esm-browser.prod.js"#' "$file"
  ! grep -q 'from"vue"' "$file"
}

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
rewrite_vue_import
(cd "$VENDOR" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "vendor: written to $VENDOR"
cat "$VENDOR/SHA256SUMS"
