#!/bin/bash
# check-po.sh — check the translation setup of Korak.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: tests/check-po.sh SRCDIR
#
# Fails when
#  (a) a file under src/ or data/ has translatable strings but is not listed
#      in po/POTFILES.in, or po/POTFILES.in lists a file that does not exist;
#  (b) po/sl.po, po/hr.po or po/pl.po lacks a translation (untranslated or
#      fuzzy) for a message of a template generated now, exactly as meson's
#      i18n "glib" preset does, so a new string fails until all three have it;
#  (c) `msgfmt -c` rejects any po file listed in po/LINGUAS.
# Exits 77 (skipped) when the gettext tools are not installed.

set -uo pipefail

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SRCDIR" >&2
  exit 2
fi
SRCDIR=$(cd "$1" && pwd)
PODIR="$SRCDIR/po"
COMPLETE_LANGS=(sl hr pl)    # languages that must be 100% translated
# sq, ar and fa translate the printed documents' fixed text only: the
# bilingual documents offer a language only when that text is complete, and
# tests/test-bilingual.c checks the documents the issue names.
PACKAGE=korak

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (install gettext)"
    exit 77
  fi
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The arguments of meson's i18n.gettext(preset: 'glib') in meson 1.0
# (mesonbuild/modules/i18n.py PRESET_ARGS and scripts/gettext.py run_potgen).
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

status=0
fail() { printf 'FAIL: %s\n' "$*"; status=1; }

# Print the references, context and msgid of every entry of a po file but
# its header.
list_messages() {
  awk 'BEGIN { RS = "" }
       /(^|\n)msgid ""\nmsgstr/ && !/msgctxt/ { next }
       {
         n = split($0, line, "\n"); inid = 0
         for (i = 1; i <= n; i++) {
           if (line[i] ~ /^#: |^msgctxt /) { print "  " line[i] }
           else if (line[i] ~ /^msgid /) { inid = 1; print "  " line[i] }
           else if (line[i] ~ /^msgstr|^msgid_plural/) { inid = (line[i] ~ /^msgid_plural/); if (inid) print "  " line[i] }
           else if (inid && line[i] ~ /^"/) { print "  " line[i] }
         }
         print ""
       }' "$1"
}

# ------------------------------------------------------------ (a) POTFILES.in

if [ ! -f "$PODIR/POTFILES.in" ]; then
  fail "po/POTFILES.in is missing"
  exit 1
fi

# Listed files, without comments and blank lines.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$PODIR/POTFILES.in" \
  | grep -v '^$' | LC_ALL=C sort -u > "$TMP/listed"

while IFS= read -r f; do
  [ -f "$SRCDIR/$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done < "$TMP/listed"

# Which files really have translatable strings: ask xgettext itself about
# every source, UI and data file (comments that merely mention _() do not count).
(cd "$SRCDIR" && find src data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
   -o -name '*.desktop.in' -o -name '*.desktop.in.in' \
   -o -name '*.metainfo.xml.in' -o -name '*.metainfo.xml.in.in' \
   -o -name '*.appdata.xml.in' -o -name '*.appdata.xml.in.in' \
   -o -name '*.gschema.xml' -o -name '*.gschema.xml.in' \) 2>/dev/null \
  | LC_ALL=C sort) > "$TMP/candidates"

if [ -s "$TMP/candidates" ]; then
  if ! xgettext "${XGETTEXT_ARGS[@]}" -D "$SRCDIR" -f "$TMP/candidates" \
       --no-wrap -o "$TMP/all.pot" 2> "$TMP/all.err"; then
    cat "$TMP/all.err"
    fail "xgettext could not read the sources"
  fi
  if [ -f "$TMP/all.pot" ]; then
    grep '^#: ' "$TMP/all.pot" | sed 's/^#: //' | tr ' ' '\n' \
      | sed 's/:[0-9]*$//' | grep -v '^$' | LC_ALL=C sort -u > "$TMP/translatable"
  else
    : > "$TMP/translatable"
  fi
  unlisted=$(LC_ALL=C comm -23 "$TMP/translatable" "$TMP/listed")
  if [ -n "$unlisted" ]; then
    fail "files with translatable strings missing from po/POTFILES.in:"
    while IFS= read -r f; do printf '  %s\n' "$f"; done <<<"$unlisted"
  fi
fi

# --------------------------------------------- (b) complete languages are 100%

if ! xgettext "${XGETTEXT_ARGS[@]}" -p "$TMP" -f "$PODIR/POTFILES.in" -D "$SRCDIR" \
     -o "$PACKAGE.pot" 2> "$TMP/pot.err"; then
  cat "$TMP/pot.err"
  fail "xgettext could not generate the template from po/POTFILES.in"
fi

if [ -f "$TMP/$PACKAGE.pot" ]; then
  total=$(msgattrib --no-obsolete "$TMP/$PACKAGE.pot" 2>/dev/null | grep -c '^msgid ' || true)
  echo "Template: $((total > 0 ? total - 1 : 0)) messages"
  for lang in "${COMPLETE_LANGS[@]}"; do
    po="$PODIR/$lang.po"
    if [ ! -f "$po" ]; then
      fail "po/$lang.po is missing"
      continue
    fi
    # Merge without fuzzy matching: a changed source string must show up as
    # untranslated, not as a guessed translation.
    if ! msgmerge --quiet --no-fuzzy-matching -o "$TMP/$lang.po" "$po" "$TMP/$PACKAGE.pot"; then
      fail "msgmerge failed for po/$lang.po"
      continue
    fi
    msgattrib --untranslated --no-obsolete --no-wrap -o "$TMP/$lang.untranslated" "$TMP/$lang.po"
    msgattrib --only-fuzzy --no-obsolete --no-wrap -o "$TMP/$lang.fuzzy" "$TMP/$lang.po"
    stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$TMP/$lang.po" 2>&1)
    echo "po/$lang.po against a fresh template: $stats"
    n_untr=$(sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p; s/^\([0-9][0-9]*\) untranslated message.*/\1/p' <<<"$stats")
    n_fuzzy=$(sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p; s/^\([0-9][0-9]*\) fuzzy translation.*/\1/p' <<<"$stats")
    if [ "${n_untr:-0}" -gt 0 ]; then
      fail "po/$lang.po: $n_untr untranslated messages:"
      list_messages "$TMP/$lang.untranslated"
    fi
    if [ "${n_fuzzy:-0}" -gt 0 ]; then
      fail "po/$lang.po: $n_fuzzy fuzzy messages (check each translation, then delete its '#, fuzzy' flag):"
      list_messages "$TMP/$lang.fuzzy"
    fi
  done
fi

# ---------------------------------------------------- (c) msgfmt -c passes

if [ -f "$PODIR/LINGUAS" ]; then
  langs=$(sed 's/#.*//' "$PODIR/LINGUAS")
  for lang in $langs; do
    po="$PODIR/$lang.po"
    if [ ! -f "$po" ]; then
      fail "po/LINGUAS lists $lang, but po/$lang.po does not exist"
      continue
    fi
    if ! out=$(msgfmt -c --statistics -o /dev/null "$po" 2>&1); then
      printf '%s\n' "$out"
      fail "msgfmt -c rejects po/$lang.po"
    else
      echo "po/$lang.po: $out"
    fi
  done
else
  fail "po/LINGUAS is missing"
fi

for po in "$PODIR"/*.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$po" .po)
  grep -qx "[[:space:]]*${lang}[[:space:]]*" "$PODIR/LINGUAS" 2>/dev/null \
    || fail "po/$lang.po exists but $lang is not in po/LINGUAS"
done

if [ "$status" -eq 0 ]; then
  echo "PASS: translations are in order"
fi
exit "$status"
