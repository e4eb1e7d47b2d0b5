#!/bin/sh
# Runs a UI test (tests/ui/*.py, dogtail) in a private X server, D-Bus session
# and accessibility bus, with a throw-away home, so that it neither needs nor
# touches a desktop. Exits 77 (skipped) when a tool for that is missing.
#
#   run-ui-test.sh TEST.py YUSUAN YUSUAN-CLI SCHEMA-DIR PO-DIR [SCREENSHOT-DIR]
#
# The window runs in Chinese when the zh_CN.UTF-8 locale exists: the po files
# are compiled for it here, and the test translates the names it looks for
# with the same catalog.
set -eu

test_py=$1 yusuan=$2 cli=$3 schema_dir=$4 po_dir=$5 shots=${6:-}

skip () { echo "skipped: $*"; exit 77; }

command -v Xvfb >/dev/null || skip "Xvfb is not installed (xvfb)"
command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed (dbus-daemon)"
launcher=
for l in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
  [ -x "$l" ] && launcher=$l && break
done
[ -n "$launcher" ] || skip "at-spi-bus-launcher is not installed (at-spi2-core)"
/usr/bin/python3 -c 'import dogtail' 2>/dev/null || skip "dogtail is not installed (python3-dogtail)"

# A private X server on a free display (sets tmp, DISPLAY; stopped on exit).
# shellcheck source=tests/ui/xvfb.sh
. "$(dirname "$0")/xvfb.sh"

# Nothing from the user's session: settings, recent files, caches.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
# The cairo renderer: Xvfb has no GL, and screenshots must show the window.
export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=0
export GSETTINGS_SCHEMA_DIR="$schema_dir"
# dogtail refuses to run unless accessibility looks enabled; GTK 4 always
# talks to the accessibility bus and ignores this variable.
export GTK_MODULES=gail:atk-bridge

localedir=
if locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8' && command -v msgfmt >/dev/null; then
  localedir="$tmp/locale"
  mkdir -p "$localedir/zh_CN/LC_MESSAGES"
  # The fragments not merged yet, and the merged catalog.
  pos=
  for po in "$po_dir"/zh_CN-*.po "$po_dir/zh_CN.po"; do
    [ -f "$po" ] && pos="$pos $po"
  done
  if [ -n "$pos" ]; then
    # shellcheck disable=SC2086 # a list of paths without spaces
    msgcat --use-first $pos -o "$tmp/zh_CN.po" 2>"$tmp/msgcat.log" || cp ${pos##* } "$tmp/zh_CN.po"
    msgfmt -o "$localedir/zh_CN/LC_MESSAGES/yusuan.mo" "$tmp/zh_CN.po"
  fi
  export LANG=zh_CN.UTF-8 LANGUAGE=zh_CN
  unset LC_ALL || true
else
  export LANG=C.UTF-8
fi

# The tests import common.py from the source tree: nothing is written there.
export PYTHONDONTWRITEBYTECODE=1

# Not exec: the trap must still stop Xvfb afterwards.
status=0
# shellcheck disable=SC2016 # expanded by the inner shell
dbus-run-session -- sh -c '
  gsettings set org.gnome.desktop.interface toolkit-accessibility true 2>/dev/null || true
  "$0" --launch-immediately &
  # Until the launcher owns its name (a client asking it for the bus then
  # waits for the bus itself), at most 5 s.
  i=0
  until [ $i -ge 50 ] || dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
      org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus 2>/dev/null | grep -q "boolean true"; do
    i=$((i + 1))
    sleep 0.1
  done
  exec /usr/bin/python3 "$@"
' "$launcher" "$test_py" --yusuan "$yusuan" --cli "$cli" \
  ${localedir:+--localedir "$localedir"} ${shots:+--screenshots "$shots"} || status=$?
exit $status
