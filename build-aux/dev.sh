#!/bin/bash
# dev.sh — set up, build, run and test Korak on Debian 12.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Works on a fresh Debian 12 (minbase + git + ca-certificates), as root or as
# a user with sudo: missing Debian packages are installed first.
#
#   ./build-aux/dev.sh run         install deps, build, create build/sample.db
#                                  if missing, run the app (headless: save a
#                                  screenshot under Xvfb and print its path)
#   ./build-aux/dev.sh screenshot  like run, but always headless under Xvfb
#   ./build-aux/dev.sh test        install deps, build, run the test suite
#                                  under Xvfb; ends with "tests: N passed, N failed"
#   ./build-aux/dev.sh build       install deps and build only
#   ./build-aux/dev.sh deps        install deps only

set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$ROOT"

BUILDDIR=build
XVFB_ARGS=(-a -s "-screen 0 1280x800x24")

DEPS=(
  build-essential pkg-config meson ninja-build
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev sqlite3 libcairo2-dev libpango1.0-dev
  libical-dev       # iCalendar export of the timetable
  libxlsxwriter-dev # Excel (.xlsx) export of participants, attendance and outcomes
  libsodium-dev     # change bundles between desks: Argon2id key, XChaCha20-Poly1305 secretstream
  unzip             # tests read the exported .xlsx back
  gettext yelp-tools itstool
  xvfb xauth dbus dbus-x11
  desktop-file-utils appstream-util
  fonts-dejavu-core fonts-noto-core poppler-utils
  hicolor-icon-theme adwaita-icon-theme ca-certificates
  librsvg2-common   # SVG icons (only recommended by GTK and the icon theme)
  at-spi2-core      # the accessibility bus GTK talks to; without it GTK warns at start
)

say() { printf '==> %s\n' "$*"; }
die() { printf 'dev.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
usage: ./build-aux/dev.sh COMMAND

  run         install missing packages, build, create build/sample.db if
              missing and start Korak on it (without a display: run it under
              Xvfb, save build/screenshot.png and print its path)
  screenshot  like run, but always headless: save build/screenshot.png
  test        install missing packages, build and run the test suite under
              Xvfb; prints "tests: N passed, N failed" last
  build       install missing packages and build
  deps        install missing packages only
EOF
}

# GTK needs a UTF-8 locale; a fresh chroot has none but C.UTF-8.
setup_locale() {
  if [ -z "${LANG:-}" ]; then
    export LANG=C.UTF-8
  elif [ -z "${LC_ALL:-}" ]; then
    local complaint
    complaint=$(locale 2>&1 >/dev/null || true)
    if [[ "$complaint" == *"Cannot set"* ]]; then
      say "Locale $LANG is not installed; using C.UTF-8"
      export LANG=C.UTF-8
    fi
  fi
}

# ---------------------------------------------------------------- packages

SUDO=()

need_root() {
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    die "packages must be installed ($*) but you are not root and sudo is not available; run this script as root or install sudo"
  fi
}

is_installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [ "$status" = "install ok installed" ] || [ "$status" = "hold ok installed" ]
}

install_deps() {
  command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script supports Debian 12 only"
  local missing=() pkg
  for pkg in "${DEPS[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "All ${#DEPS[@]} required packages are installed"
    return 0
  fi
  need_root "${missing[*]}"
  say "Installing: ${missing[*]}"
  say "Running apt-get update"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update \
    || die "apt-get update failed"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed"
}

# ------------------------------------------------------------------- build

is_configured() {
  [ -f "$BUILDDIR/meson-private/coredata.dat" ] && [ -f "$BUILDDIR/build.ninja" ]
}

configure_and_build() {
  if is_configured; then
    say "Build directory $BUILDDIR is configured"
  else
    say "Configuring: meson setup $BUILDDIR"
    meson setup "$BUILDDIR" || return 1
  fi
  say "Building: meson compile -C $BUILDDIR"
  meson compile -C "$BUILDDIR" || return 1
}

# --------------------------------------------------------------------- run

have_display() {
  [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

ensure_sample_db() {
  local db="$BUILDDIR/sample.db"
  if [ -e "$db" ]; then
    say "Using existing $db"
    return 0
  fi
  local cli="$BUILDDIR/src/cli/korak-cli"
  [ -x "$cli" ] || die "$cli was not built"
  say "Creating $db: korak-cli demo --participants 300 --seed 1"
  if ! "$cli" demo --database "$db" --participants 300 --seed 1; then
    rm -f "$db" "$db-wal" "$db-shm"
    die "korak-cli demo failed"
  fi
}

# Xvfb has no GPU: GTK 4.8 would still load Mesa's software GL (LLVM) at
# start-up, about 0.15 s, only to draw slower than Cairo. Draw with Cairo and
# leave GL unloaded; a real display keeps GTK's own choice.
headless_env () {
  export NO_AT_BRIDGE=1
  export GSK_RENDERER="${GSK_RENDERER:-cairo}"
  export GDK_DEBUG="${GDK_DEBUG:-gl-disable}"
}


run_app() {
  local headless=$1
  local app="$BUILDDIR/src/korak"
  [ -x "$app" ] || die "$app was not built"
  ensure_sample_db
  export GSETTINGS_SCHEMA_DIR="$ROOT/$BUILDDIR/data"
  # Translations built into build/po, so LANGUAGE=sl works uninstalled.
  export KORAK_LOCALEDIR="$ROOT/$BUILDDIR/po"

  if [ "$headless" = no ] && have_display; then
    say "Running: $app --database $BUILDDIR/sample.db"
    exec "$app" --database "$BUILDDIR/sample.db"
  fi

  local shot="$ROOT/$BUILDDIR/screenshot.png"
  rm -f "$shot"
  say "No display: running under Xvfb to save a screenshot"
  headless_env
  xvfb-run "${XVFB_ARGS[@]}" dbus-run-session -- \
    "$app" --database "$BUILDDIR/sample.db" --screenshot "$shot" \
    || die "korak exited with an error"
  [ -s "$shot" ] || die "korak did not write $shot"
  printf 'Screenshot: %s\n' "$shot"
}

# -------------------------------------------------------------------- test

# Prints "PASSED FAILED SKIPPED" counted from meson's testlog.json (one JSON
# object per test and line).
count_results() {
  local log=$1
  if [ ! -s "$log" ]; then
    echo "0 0 0"
    return 0
  fi
  if command -v python3 >/dev/null 2>&1 && python3 - "$log" <<'EOF' 2>/dev/null
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line:
            continue
        result = json.loads(line).get("result", "ERROR")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:  # FAIL, TIMEOUT, UNEXPECTEDPASS, ERROR, anything new
            failed += 1
print(passed, failed, skipped)
EOF
  then
    return 0
  fi
  # Fallback without python3: meson writes "result": "OK" on each line.
  local results passed failed skipped
  results=$(grep -o '"result": *"[A-Z]*"' "$log" | sed 's/.*"\([A-Z]*\)"$/\1/' || true)
  passed=$(grep -c -x -E 'OK|EXPECTEDFAIL' <<<"$results" || true)
  skipped=$(grep -c -x 'SKIP' <<<"$results" || true)
  failed=$(grep -c -v -x -E 'OK|EXPECTEDFAIL|SKIP|' <<<"$results" || true)
  echo "${passed:-0} ${failed:-0} ${skipped:-0}"
}

summary() {
  local passed=$1 failed=$2 skipped=$3
  local line="tests: $passed passed, $failed failed"
  [ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
  printf '%s\n' "$line"
}

run_tests() {
  local testlog="$BUILDDIR/meson-logs/testlog.json"
  local outlog="$BUILDDIR/meson-logs/dev-test.log"

  if ! configure_and_build; then
    printf 'dev.sh: the build failed; no tests were run\n' >&2
    summary 0 1 0
    exit 1
  fi

  rm -f "$testlog"
  mkdir -p "$BUILDDIR/meson-logs"
  say "Testing: meson test -C $BUILDDIR --print-errorlogs (under Xvfb; output also in $outlog)"
  local rc=0
  headless_env
  xvfb-run "${XVFB_ARGS[@]}" dbus-run-session -- \
    meson test -C "$BUILDDIR" --print-errorlogs 2>&1 | tee "$outlog" || rc=$?

  local passed failed skipped
  read -r passed failed skipped < <(count_results "$testlog")
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    printf 'dev.sh: meson test exited with status %s\n' "$rc" >&2
    failed=1
  fi
  summary "$passed" "$failed" "$skipped"
  [ "$failed" -eq 0 ] || exit 1
}

# -------------------------------------------------------------------- main

main() {
  local cmd=${1:-}
  case "$cmd" in
    run|screenshot|test|build|deps) ;;
    -h|--help|help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac

  setup_locale
  install_deps
  [ "$cmd" = deps ] && exit 0

  case "$cmd" in
    build)
      configure_and_build || die "the build failed"
      ;;
    run|screenshot)
      configure_and_build || die "the build failed"
      if [ "$cmd" = screenshot ]; then run_app yes; else run_app no; fi
      ;;
    test)
      run_tests
      ;;
  esac
}

main "$@"
