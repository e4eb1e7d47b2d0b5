#!/bin/sh
# Runs a test program of the window's widgets (no accessibility bus needed)
# in a private X server, so that it neither needs nor touches a desktop.
# Exits 77 (skipped) when Xvfb is not installed.
#
#   run-display-test.sh PROGRAM [ARGS…]
set -eu

command -v Xvfb >/dev/null || { echo "skipped: Xvfb is not installed (xvfb)"; exit 77; }

# A private X server on a free display (sets tmp, DISPLAY; stopped on exit).
# shellcheck source=tests/ui/xvfb.sh
. "$(dirname "$0")/xvfb.sh"
unset WAYLAND_DISPLAY
# The cairo renderer: Xvfb has no GL.
export GDK_BACKEND=x11 GSK_RENDERER=cairo
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# Not exec: the trap must still stop Xvfb afterwards.
status=0
"$@" || status=$?
exit $status
