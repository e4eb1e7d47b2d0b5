#!/bin/sh
# A budget that cannot be written, in a folder that cannot be written, opens
# read-only: info, dump, summary, tables, validate and export work on it, it
# is left byte for byte as it was and nothing appears beside it (no WAL, no
# journal). Root ignores file permissions, so as root the commands run as
# the unprivileged user nobody (setpriv); that is a real read-only file, not
# a simulation.
#   test-read-only.sh YUSUAN-CLI SAMPLE.yusuan
set -eu
cli="$1"
sample="$2"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
mkdir "$tmp/ro" "$tmp/out" "$tmp/bin"
# The build may lie where nobody cannot reach it (under /root): run a copy.
cp "$cli" "$tmp/bin/yusuan-cli"
chmod 755 "$tmp/bin" "$tmp/bin/yusuan-cli"
cli="$tmp/bin/yusuan-cli"
cp "$sample" "$tmp/ro/budget.yusuan"
chmod 444 "$tmp/ro/budget.yusuan"
chmod 555 "$tmp/ro"
chmod 777 "$tmp/out"

if [ "$(id -u)" = 0 ]; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$tmp/out" XDG_DATA_HOME="$tmp/out/data" "$@"; }
  # The user must really be unable to write: otherwise this test proves nothing.
  if as_user sh -c "touch '$tmp/ro/probe'" 2>/dev/null; then
    echo "nobody can write in the read-only folder; cannot test"; exit 1
  fi
else
  as_user() { env XDG_DATA_HOME="$tmp/out/data" "$@"; }
fi

before=$(sha256sum "$tmp/ro/budget.yusuan" | cut -d' ' -f1)
file="$tmp/ro/budget.yusuan"
fail=0

check() {
  what="$1"; expected="$2"; shift 2
  if as_user "$@" >"$tmp/out/stdout" 2>"$tmp/out/stderr"; then status=0; else status=$?; fi
  if [ "$status" != "$expected" ]; then
    echo "not ok - $what: exit $status, expected $expected"; sed 's/^/#   /' "$tmp/out/stderr"; fail=1
  elif ! grep -q "read-only\|只读" "$tmp/out/stderr"; then
    echo "not ok - $what: no word that the file was opened read-only"; fail=1
  else
    echo "ok - $what"
  fi
}

check "info" 0 "$cli" info "$file"
grep -q "^lines.csv: [1-9]" "$tmp/out/stdout" || { echo "not ok - info shows no lines"; fail=1; }
check "dump" 0 "$cli" dump "$file" "$tmp/out/dump"
[ -s "$tmp/out/dump/lines.csv" ] || { echo "not ok - dump wrote no lines.csv"; fail=1; }
check "summary" 0 "$cli" summary "$file"
check "tables" 0 "$cli" tables "$file"
# validate exits 1 when the sample's findings include errors: it still ran.
check "validate" 1 "$cli" validate "$file"
check "export" 0 "$cli" export --allow-errors -o "$tmp/out/tables.xlsx" "$file"
[ -s "$tmp/out/tables.xlsx" ] || { echo "not ok - export wrote no workbook"; fail=1; }
check "check" 0 "$cli" check "$file"

# A change is refused, and says why.
mkdir "$tmp/out/extra"
printf 'key,value\ndept_name,改名\n' > "$tmp/out/extra/document.csv"
if as_user "$cli" import --append "$file" "$tmp/out/extra" >/dev/null 2>"$tmp/out/stderr"; then
  echo "not ok - import into a read-only file succeeded"; fail=1
elif ! grep -q "read-only\|只读" "$tmp/out/stderr"; then
  echo "not ok - import refused without saying the file is read-only:"; sed 's/^/#   /' "$tmp/out/stderr"; fail=1
else
  echo "ok - a change is refused"
fi

after=$(sha256sum "$file" | cut -d' ' -f1)
if [ "$before" != "$after" ]; then echo "not ok - the file changed"; fail=1; else echo "ok - the file is unchanged"; fi
extra=$(ls -A "$tmp/ro" | grep -v '^budget.yusuan$' || true)
if [ -n "$extra" ]; then echo "not ok - files appeared beside it: $extra"; fail=1; else echo "ok - nothing appeared beside it"; fi
exit $fail
