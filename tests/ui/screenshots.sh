#!/bin/sh
# Runs every UI test with screenshots on, into DIR (docs/screenshots for the
# pictures of the documentation), against the programs of a build directory.
#
#   tests/ui/screenshots.sh BUILD-DIR DIR
#
# The same runs as `meson test --suite ui`, so a failing test says so here
# too; the window is in Chinese when the zh_CN.UTF-8 locale exists.
set -eu

build=$(cd "$1" && pwd) shots=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
schemas=$(dirname "$(find "$build" -name gschemas.compiled | head -n 1)")

mkdir -p "$shots"
shots=$(cd "$shots" && pwd)
status=0
for test in smoke editing pages journey publish goals; do
  echo "== $test"
  sh "$here/run-ui-test.sh" "$here/$test.py" "$build/app/gui/yusuan" "$build/app/cli/yusuan-cli" \
     "$schemas" "$root/po" "$shots" || status=1
done
# What a test saves only when it fails is not documentation.
rm -f "$shots/failure.png"
exit $status
