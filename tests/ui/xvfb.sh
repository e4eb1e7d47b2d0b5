# Sourced by run-ui-test.sh and run-display-test.sh: starts Xvfb on a display
# it chooses itself, exports DISPLAY, and stops it and removes $tmp (a
# folder for the caller's own files too) when the caller exits.
# shellcheck shell=sh

tmp=$(mktemp -d)
xvfb_pid=
# shellcheck disable=SC2317 # called by the trap
cleanup () {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# A free display, chosen by the server itself.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
i=0
while [ ! -s "$tmp/display" ]; do
  i=$((i + 1))
  if [ $i -gt 100 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
    cat "$tmp/xvfb.log" >&2
    echo "Xvfb did not start" >&2
    exit 1
  fi
  sleep 0.1
done
DISPLAY=":$(cat "$tmp/display")"
export DISPLAY
