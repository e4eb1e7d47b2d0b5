#!/bin/bash
# Every goal of docs/performance.md ("Goals at 100,000 and 1,000,000 lines")
# measured beside its anchor in the same run, the two alternated run by run:
#
#   export      yusuan-cli export --no-review   vs  bench-xlsx-twin (libxlsxwriter alone
#               writing the same workbook, read from the export's own shape)
#   import      yusuan-cli import of a dump     vs  sqlite3 .import of the same CSV files
#   open        yusuan-cli info                 vs  bench-select (select * of every table)
#   validation  bench-validate (full check; edit → findings, write included)
#   memory      validate --json vs validate (text); export's peak
#   window      bench-grid (search and sort blocks), when an X server can be started
#
#   tests/bench/bench-goals.sh BUILD DIR [RUNS] [LINES…]     (NO_WINDOW=1: without bench-grid,
#                                                             NO_VALIDATE=1: without bench-validate)
#
# RUNS defaults to 5, LINES to "100000 1000000". Medians of the runs are
# printed with their ratios; every run is kept in DIR/runs.tsv. Not a test.
# The anchors need sqlite3 (the command-line shell) and python3.
set -euo pipefail

build=$(realpath "$1")
dir=$2
runs=${3:-5}
shift $(( $# < 3 ? $# : 3 ))
sizes=${*:-100000 1000000}
here=$(dirname "$(realpath "$0")")
cli=${CLI:-$build/app/cli/yusuan-cli}   # CLI=…: another build's, for figures before a change
twin=$build/tests/bench/bench-xlsx-twin
select=$build/tests/bench/bench-select

mkdir -p "$dir"
dir=$(realpath "$dir")
tsv=$dir/runs.tsv
: > "$tsv"

# One measured command: "wall cpu peak_kb" of the process appended to $tsv
# under the name given.
measure () {
  local name=$1; shift
  local t
  t=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" > /dev/null 2>&1 || true
  # The last line: GNU time puts "Command exited with non-zero status" before it.
  tail -n 1 "$t" | awk -v n="$name" '{ printf "%s\t%.0f\t%.0f\t%d\n", n, $1 * 1000, ($2 + $3) * 1000, $4 }' >> "$tsv"
  rm -f "$t"
}

# A line "…: … N ms elapsed, M ms CPU…" printed by an anchor program itself.
inner () {
  local name=$1; shift
  "$@" | sed -n 's/.* \([0-9]*\) ms elapsed, \([0-9]*\) ms CPU.*/\1 \2/p' \
    | awk -v n="$name" '{ printf "%s\t%d\t%d\t0\n", n, $1, $2 }' >> "$tsv"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ { print $2 }') GiB"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

for n in $sizes; do
  doc=$dir/g$n.yusuan
  csv=$dir/csv$n
  if [ ! -e "$doc" ]; then
    "$cli" generate "$doc" --lines "$n" > /dev/null
  fi
  # Opened once, so that a file from an older build is migrated before timing.
  "$cli" info "$doc" > /dev/null
  rm -rf "$csv"
  "$cli" dump "$doc" "$csv" > /dev/null
  # --allow-errors: an older build still validated under --no-review and refused.
  "$cli" export "$doc" -o "$dir/e$n.xlsx" --no-review --allow-errors 2> /dev/null
  python3 "$here/xlsx-shape.py" "$dir/e$n.xlsx" "$dir/e$n.shape"
  # sqlite3's own CSV import of the same files, each into a table it creates
  # from the header: no types, no checks.
  imports=(".mode csv")
  for f in "$csv"/*.csv; do
    imports+=(".import '$f' $(basename "$f" .csv)")
  done

  for r in $(seq "$runs"); do
    measure "export $n" "$cli" export "$doc" -o "$dir/out.xlsx" --no-review --allow-errors
    measure "twin process $n" "$twin" "$dir/e$n.shape" "$dir/twin.xlsx"
    inner "twin write $n" "$twin" "$dir/e$n.shape" "$dir/twin.xlsx"
    rm -f "$dir/imp.yusuan"
    measure "import $n" "$cli" import "$dir/imp.yusuan" "$csv"
    rm -f "$dir/imp.db"
    measure "sqlite3 .import $n" sqlite3 "$dir/imp.db" "${imports[@]}"
    measure "open $n" "$cli" info "$doc"
    measure "select * process $n" "$select" "$doc"
    inner "select * $n" "$select" "$doc"
    inner "count(*) $n" "$select" --count "$doc"
    measure "validate text $n" "$cli" validate "$doc"
    measure "validate --json $n" "$cli" validate --json "$doc"
  done
  echo "load average after $n lines: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -z "${NO_VALIDATE:-}" ]; then
    "$build/tests/bench-validate" --runs "$runs" --edits 100 --open "$doc" "$dir" | tee "$dir/validate$n.txt"
  fi
done

if [ -z "${NO_WINDOW:-}" ] && command -v Xvfb > /dev/null && [ -x "$build/tests/bench/bench-grid" ]; then
  Xvfb :93 -screen 0 1920x1080x24 -nolisten tcp > /dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=:93 GDK_BACKEND=x11 GSK_RENDERER=cairo "$build/tests/bench/bench-grid" --runs "$runs" "$dir/grid" \
    | tee "$dir/grid.txt" | grep -E "search|sort|STALL|no stall" || true
  kill "$xvfb"
fi

python3 - "$tsv" <<'EOF'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, wall, cpu, kb = line.rstrip("\n").split("\t")
    rows[name].append((int(wall), int(cpu), int(kb)))
def med(name, i):
    return statistics.median(v[i] for v in rows[name])
sizes = sorted({name.rsplit(" ", 1)[1] for name in rows}, key=int)
print("\n%-28s %10s %10s %10s   (medians of %d runs)" % ("measurement", "wall ms", "CPU ms", "peak MB",
                                                          len(next(iter(rows.values())))))
for n in sizes:
    for name in sorted(k for k in rows if k.endswith(" " + n)):
        print("%-28s %10.0f %10.0f %10.1f" % (name, med(name, 0), med(name, 1), med(name, 2) / 1024))
    print()
    for goal, a, b in (("export / twin write", "export", "twin write"),
                       ("export / twin process", "export", "twin process"),
                       ("import / sqlite3 .import", "import", "sqlite3 .import"),
                       ("open / select *", "open", "select *"),
                       ("open / select * process", "open", "select * process")):
        print("%-28s wall %5.2f×   CPU %5.2f×" % (goal + " " + n, med(a + " " + n, 0) / med(b + " " + n, 0),
                                                   med(a + " " + n, 1) / med(b + " " + n, 1)))
    print("%-28s peak %5.2f×" % ("validate json/text " + n, med("validate --json " + n, 2) / med("validate text " + n, 2)))
    print()
EOF
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
