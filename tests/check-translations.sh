#!/bin/sh
# Fails when a user-visible string has no zh_CN translation, when a source
# file with translatable strings is missing from POTFILES.in, or when the
# translation is not a valid catalog.
set -eu
src="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

for f in $(cd "$src" && grep -rlE '(^|[^a-zA-Z_])(N|C|NC)?_ ?\(|translatable="yes"' app ui resources 2>/dev/null | grep -E '\.(c|ui|in|xml)$' | sort); do
  if ! grep -qx "$f" "$src/po/POTFILES.in"; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

(cd "$src" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 -o "$tmp/yusuan.pot" -f po/POTFILES.in)
if ! msgcmp --use-untranslated "$src/po/zh_CN.po" "$tmp/yusuan.pot" 2>"$tmp/cmp"; then
  cat "$tmp/cmp"
  status=1
fi
stats=$(msgfmt -c --statistics -o /dev/null "$src/po/zh_CN.po" 2>&1) || { echo "$stats"; status=1; }
case "$stats" in
  *untranslated*|*fuzzy*) echo "$stats"; status=1 ;;
esac
echo "$stats"
exit $status
