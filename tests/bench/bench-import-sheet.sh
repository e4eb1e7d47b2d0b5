#!/bin/sh
# Times `yusuan-cli import-sheet` of a 100,000-row xlsx against `yusuan-cli
# import` of the same rows as interchange CSV, each into a copy of one budget
# that already holds the units and projects the rows refer to. Prints every
# run (wall seconds, CPU seconds user+system, peak RSS) and the medians;
# docs/performance.md quotes it. On a machine shared with other work the CPU
# seconds are the steadier figure.
#
#   tests/bench/bench-import-sheet.sh BUILD_DIR WORK_DIR [RUNS]
set -eu
build=$1
work=$2
runs=${3:-5}
cli="$build/app/cli/yusuan-cli"

mkdir -p "$work"
rm -rf "$work/dump" "$work/base" "$work/lines" "$work"/*.yusuan
"$cli" generate "$work/big.yusuan"
"$cli" dump "$work/big.yusuan" "$work/dump"
mkdir "$work/base" "$work/lines"
cp "$work/dump/document.csv" "$work/dump/units.csv" "$work/dump/projects.csv" "$work/base/"
cp "$work/dump/document.csv" "$work/dump/lines.csv" "$work/lines/"
"$cli" import "$work/base.yusuan" "$work/base"
"$build/tests/bench/bench-sheet-xlsx" "$work/big.yusuan" "$work/lines.xlsx"

measure () {
  # GNU time: elapsed seconds, CPU seconds and peak resident set in KB.
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

: >"$work/csv.txt"
: >"$work/xlsx.txt"
i=0
while [ $i -lt "$runs" ]; do
  cp "$work/base.yusuan" "$work/a.yusuan"
  measure "$cli" import --append "$work/a.yusuan" "$work/lines" >>"$work/csv.txt"
  cp "$work/base.yusuan" "$work/b.yusuan"
  measure "$cli" import-sheet "$work/b.yusuan" "$work/lines.xlsx" --kind lines >>"$work/xlsx.txt"
  i=$((i + 1))
done
for name in csv xlsx; do
  echo "$name: wall s, CPU s, peak KB per run:"; cat "$work/$name.txt"
  echo "$name median: $(cut -d' ' -f1 "$work/$name.txt" | median) s wall, $(cut -d' ' -f2 "$work/$name.txt" | median) s CPU, $(cut -d' ' -f3 "$work/$name.txt" | median) KB"
done
"$cli" summary "$work/a.yusuan" | sed -n 3p
"$cli" summary "$work/b.yusuan" | sed -n 3p
