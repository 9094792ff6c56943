#!/bin/bash
# update-po.sh — refresh Korak's translation template and po files.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: ./build-aux/update-po.sh [--scan]
#
#   --scan   first rewrite po/POTFILES.in from the files under data/ and src/
#            that really contain translatable strings (as xgettext sees them)
#
# Then regenerates po/korak.pot with exactly the xgettext arguments of meson's
# i18n.gettext(preset: 'glib') (the same as `meson compile -C build
# korak-pot`, without needing a build directory), merges it into every po
# file of po/LINGUAS (msgmerge --previous, so a changed string keeps its old
# msgid beside the fuzzy guess), and lists what po/sl.po still lacks.
# Finish by translating those entries in po/sl.po, removing "#, fuzzy" and
# "#| msgid" lines once checked, and run tests/check-po.sh .

set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$ROOT"
PACKAGE=korak

for tool in xgettext msgmerge msgfmt msgattrib; do
  command -v "$tool" >/dev/null 2>&1 || { echo "update-po.sh: $tool not found (apt-get install gettext)" >&2; exit 1; }
done

# shellcheck disable=SC2054  # the commas belong to xgettext's syntax
XGETTEXT_ARGS=(
  --package-name="$PACKAGE" -k_
  --from-code=UTF-8 --add-comments
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --keyword=tr_plural:2,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
)

if [ "${1:-}" = --scan ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  find data src -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
      -o -name '*.desktop.in.in' -o -name '*.desktop.in' \
      -o -name '*.metainfo.xml.in.in' -o -name '*.metainfo.xml.in' \
      -o -name '*.gschema.xml' \) | LC_ALL=C sort > "$tmp/candidates"
  xgettext "${XGETTEXT_ARGS[@]}" -f "$tmp/candidates" --no-wrap -o "$tmp/all.pot"
  {
    echo "# List of source files containing translatable strings."
    echo "# Keep sorted; tests/check-po.sh fails when a file is missing here."
    echo "# Regenerate with ./build-aux/update-po.sh --scan"
    if [ -f "$tmp/all.pot" ]; then
      grep '^#: ' "$tmp/all.pot" | sed 's/^#: //' | tr ' ' '\n' \
        | sed 's/:[0-9]*$//' | grep -v '^$' | LC_ALL=C sort -u
    fi
  } > po/POTFILES.in
  echo "==> Wrote po/POTFILES.in ($(grep -vc '^#' po/POTFILES.in) files)"
fi

echo "==> Generating po/$PACKAGE.pot"
xgettext "${XGETTEXT_ARGS[@]}" -p po -f po/POTFILES.in -D "$ROOT" -o "$PACKAGE.pot"

# shellcheck disable=SC2013  # LINGUAS may hold several codes a line
for lang in $(sed 's/#.*//' po/LINGUAS); do
  po="po/$lang.po"
  if [ -f "$po" ]; then
    msgmerge --quiet --update --backup=none --previous "$po" "po/$PACKAGE.pot"
  else
    msginit --no-translator --locale="$lang" -i "po/$PACKAGE.pot" -o "$po"
  fi
  printf '==> %s: ' "$po"
  LC_ALL=C msgfmt -c --statistics -o /dev/null "$po"
done

echo
echo "==> Checking with tests/check-po.sh (lists what po/sl.po still lacks)"
bash tests/check-po.sh "$ROOT" || true
