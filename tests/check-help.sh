#!/bin/bash
# check-help.sh — check the Mallard user help of Korak and its translations.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: tests/check-help.sh validate SRCDIR
#        tests/check-help.sh po SRCDIR
#
# validate  fails when
#   - `yelp-check validate` rejects a page in help/C/, or `yelp-check links`
#     finds a link to a page or section that does not exist;
#   - a page's id is not its file name (help:korak/ID opens ID.page), or a
#     page the application opens by id is missing;
#   - help/C/ holds a page that help/meson.build does not install, or
#     help/meson.build lists a file that does not exist;
#   - a translation cannot be merged into a page (itstool drops it and keeps
#     the English), or a merged page of a language in help/LINGUAS does not
#     validate.
#   Exits 77 (skipped) when yelp-check is not installed.
#
# po  fails when a language in help/LINGUAS lacks a translation (untranslated
#   or fuzzy) for a message of a template generated now, exactly as meson's
#   gnome.yelp() "help-korak-pot" target does (itstool over the pages that
#   help/meson.build lists), or when `msgfmt -c` rejects its po file.
#   Exits 77 (skipped) when itstool or the gettext tools are not installed.

set -uo pipefail

if [ $# -lt 2 ] || [ ! -d "$2" ]; then
  echo "usage: $0 validate|po SRCDIR" >&2
  exit 2
fi
MODE=$1
SRCDIR=$(cd "$2" && pwd)
HELPDIR="$SRCDIR/help"
PROJECT=korak

# Pages the application opens with help:korak/ID (one per view; F1 opens the
# page of the view shown).
REQUIRED_IDS=(index today participants schedule cohorts attendance plans progress notes printing backups exchange)

export LC_ALL=C.UTF-8 LANGUAGE=C

status=0
fail() { printf 'FAIL: %s\n' "$*"; status=1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The files of help_pages in help/meson.build, one a line.
listed_sources() {
  sed -n '/^help_pages[[:space:]]*=[[:space:]]*\[/,/\]/p' "$HELPDIR/meson.build" \
    | sed -e 's/#.*//' | grep -o "'[^']*'" | tr -d "'"
}

# The languages of help/LINGUAS.
languages() {
  [ -f "$HELPDIR/LINGUAS" ] && sed 's/#.*//' "$HELPDIR/LINGUAS" | tr -s ' \t' '\n\n' | grep -v '^$'
}

# ------------------------------------------------------------------ validate

if [ "$MODE" = validate ]; then
  if ! command -v yelp-check >/dev/null 2>&1; then
    echo "SKIP: yelp-check not found (install yelp-tools)"
    exit 77
  fi

  (cd "$HELPDIR/C" && ls -1 ./*.page) | sed 's|^\./||' | LC_ALL=C sort > "$TMP/pages"
  if [ ! -s "$TMP/pages" ]; then
    fail "help/C holds no pages"
    exit 1
  fi

  # Mallard validity of every English page.
  if (cd "$HELPDIR/C" && yelp-check validate ./*.page > "$TMP/validate.out" 2>&1); then
    echo "help/C: $(wc -l < "$TMP/pages") pages validate"
  else
    cat "$TMP/validate.out"
    fail "yelp-check validate rejects pages in help/C"
  fi

  # Every xref (page or page#section) leads somewhere.
  if ! (cd "$HELPDIR/C" && yelp-check links . > "$TMP/links.out" 2>&1); then
    cat "$TMP/links.out"
    fail "help/C has links to pages or sections that do not exist"
  fi

  # Page ids are the file names, and every page the app opens exists.
  while IFS= read -r page; do
    # The attributes of <page> may span lines.
    id=$(tr '\n' ' ' < "$HELPDIR/C/$page" | sed -n 's/.*<page[[:space:]][^>]*[[:space:]]id="\([^"]*\)".*/\1/p')
    [ "$id" = "${page%.page}" ] || fail "help/C/$page has id \"$id\"; help:$PROJECT/${page%.page} needs id=\"${page%.page}\""
  done < "$TMP/pages"
  for id in "${REQUIRED_IDS[@]}"; do
    [ -f "$HELPDIR/C/$id.page" ] || fail "help/C/$id.page is missing; the application opens help:$PROJECT/$id"
  done

  # help/meson.build installs every page, and lists only files that exist.
  listed_sources | LC_ALL=C sort > "$TMP/listed"
  while IFS= read -r f; do
    [ -f "$HELPDIR/C/$f" ] || fail "help/meson.build lists $f, which is not in help/C"
  done < "$TMP/listed"
  unlisted=$(LC_ALL=C comm -23 "$TMP/pages" "$TMP/listed")
  [ -z "$unlisted" ] || fail "pages missing from help_pages in help/meson.build:" $unlisted

  # Every language: merge its translation as gnome.yelp() does, then validate.
  if command -v itstool >/dev/null 2>&1 && command -v msgfmt >/dev/null 2>&1; then
    for lang in $(languages); do
      po="$HELPDIR/$lang/$lang.po"
      if [ ! -f "$po" ]; then
        fail "help/LINGUAS lists $lang, but help/$lang/$lang.po does not exist"
        continue
      fi
      mkdir -p "$TMP/$lang"
      if ! msgfmt -o "$TMP/$lang/$lang.gmo" "$po"; then
        fail "msgfmt cannot compile help/$lang/$lang.po"
        continue
      fi
      mapfile -t sources < <(listed_sources)
      if ! (cd "$HELPDIR/C" && itstool -m "$TMP/$lang/$lang.gmo" --lang "$lang" -o "$TMP/$lang/" \
              "${sources[@]}") > "$TMP/$lang/merge.out" 2>&1; then
        cat "$TMP/$lang/merge.out"
        fail "itstool cannot merge help/$lang/$lang.po"
        continue
      fi
      if grep -qi 'could not merge\|warning\|error' "$TMP/$lang/merge.out"; then
        cat "$TMP/$lang/merge.out"
        fail "help/$lang/$lang.po has translations itstool cannot merge (check their markup against the msgid)"
      fi
      if (cd "$TMP/$lang" && yelp-check validate ./*.page > validate.out 2>&1); then
        echo "help/$lang: merged pages validate"
      else
        cat "$TMP/$lang/validate.out"
        fail "the $lang pages merged from help/$lang/$lang.po do not validate"
      fi
    done
  else
    echo "note: itstool or msgfmt not found; translated pages not checked"
  fi

  [ "$status" -eq 0 ] && echo "PASS: the help validates"
  exit "$status"
fi

# ------------------------------------------------------------------------ po

if [ "$MODE" != po ]; then
  echo "usage: $0 validate|po SRCDIR" >&2
  exit 2
fi

for tool in itstool msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (install itstool and gettext)"
    exit 77
  fi
done

# Print the references and msgid of every entry of a po file but its header.
list_messages() {
  awk 'BEGIN { RS = "" }
       /(^|\n)msgid ""\nmsgstr/ && !/msgctxt/ { next }
       {
         n = split($0, line, "\n"); inid = 0
         for (i = 1; i <= n; i++) {
           if (line[i] ~ /^#: |^#\. \(itstool\)|^msgctxt /) { print "  " line[i] }
           else if (line[i] ~ /^msgid /) { inid = 1; print "  " line[i] }
           else if (line[i] ~ /^msgstr/) { inid = 0 }
           else if (inid && line[i] ~ /^"/) { print "  " line[i] }
         }
         print ""
       }' "$1"
}

# The template, as help-korak-pot makes it: itstool over help_pages.
mapfile -t sources < <(listed_sources)
if [ "${#sources[@]}" -eq 0 ]; then
  fail "help/meson.build lists no help_pages"
  exit 1
fi
if ! (cd "$HELPDIR/C" && itstool -o "$TMP/$PROJECT.pot" "${sources[@]}") 2> "$TMP/pot.err"; then
  cat "$TMP/pot.err"
  fail "itstool could not generate the help template"
  exit 1
fi
total=$(grep -c '^msgid ' "$TMP/$PROJECT.pot" || true)
echo "Help template: $((total > 0 ? total - 1 : 0)) messages from ${#sources[@]} files"

langs=$(languages)
[ -n "$langs" ] || echo "note: help/LINGUAS lists no languages"

for lang in $langs; do
  po="$HELPDIR/$lang/$lang.po"
  if [ ! -f "$po" ]; then
    fail "help/LINGUAS lists $lang, but help/$lang/$lang.po does not exist"
    continue
  fi
  if ! out=$(msgfmt -c -o /dev/null "$po" 2>&1); then
    printf '%s\n' "$out"
    fail "msgfmt -c rejects help/$lang/$lang.po"
    continue
  fi
  # No fuzzy matching: a changed paragraph must show up as untranslated.
  if ! msgmerge --quiet --no-fuzzy-matching -o "$TMP/$lang.po" "$po" "$TMP/$PROJECT.pot"; then
    fail "msgmerge failed for help/$lang/$lang.po"
    continue
  fi
  msgattrib --untranslated --no-obsolete --no-wrap -o "$TMP/$lang.untranslated" "$TMP/$lang.po"
  msgattrib --only-fuzzy --no-obsolete --no-wrap -o "$TMP/$lang.fuzzy" "$TMP/$lang.po"
  stats=$(msgfmt --statistics -o /dev/null "$TMP/$lang.po" 2>&1)
  echo "help/$lang/$lang.po against a fresh template: $stats"
  n_untr=$(sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p; s/^\([0-9][0-9]*\) untranslated message.*/\1/p' <<<"$stats")
  n_fuzzy=$(sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p; s/^\([0-9][0-9]*\) fuzzy translation.*/\1/p' <<<"$stats")
  if [ "${n_untr:-0}" -gt 0 ]; then
    fail "help/$lang/$lang.po: $n_untr untranslated messages (update it with ninja help-$PROJECT-update-po, then translate):"
    list_messages "$TMP/$lang.untranslated"
  fi
  if [ "${n_fuzzy:-0}" -gt 0 ]; then
    fail "help/$lang/$lang.po: $n_fuzzy fuzzy messages (check each translation, then delete its '#, fuzzy' flag):"
    list_messages "$TMP/$lang.fuzzy"
  fi
done

for dir in "$HELPDIR"/*/; do
  lang=$(basename "$dir")
  [ "$lang" = C ] && continue
  [ -f "$dir/$lang.po" ] || continue
  grep -qx "[[:space:]]*${lang}[[:space:]]*" "$HELPDIR/LINGUAS" 2>/dev/null \
    || fail "help/$lang/$lang.po exists but $lang is not in help/LINGUAS"
done

[ "$status" -eq 0 ] && echo "PASS: the help translations are complete"
exit "$status"
