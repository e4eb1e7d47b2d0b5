#!/usr/bin/python3
"""Imports a sample budget with yusuan-cli and checks its generated 情况说明
(`yusuan-cli explain --json`) against the figures its seed's own 第三部分
prints (tests/golden/<sample>-explain.tsv).

    check-explain-golden.py CLI SAMPLE_DIR GOLDEN.tsv

The golden file is tab-separated with the header
`line section figure seed right table row column note`:
  line     where the figure stands in the seed (shared/seeds/NNN_*.txt)
  section  the id of the generated section that must state it
  figure   what the figure is, in words
  seed     the figure as the seed prints it (万元, a percentage or a count)
  right    the figure the text must state: a number, or "text:…" for words
           the section must contain; it differs from seed only where the
           seed printed a wrong figure, and then note says why
  table, row, column
           optional: the cell of `yusuan-cli tables --json` (table id, row
           key, column key) that holds the same figure; the test asserts the
           text and the table agree
  note     empty, or "seed wrong: …" / "seed rounding: …" explaining a
           difference between seed and right
Lines starting with "#" are comments.

Besides the rows it asserts, for every section, that each paragraph with two
or more shares (占X%) adds up to exactly 100.00 (河北 prints no shares), that no section is left with
an unfilled placeholder, and that every 功能分类 类 and 项 named in the text
with an amount states the amount of the same row of the built tables.
Exits 1 on any difference.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal, ROUND_HALF_UP

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
SHARE = re.compile(r"占(\d+(?:\.\d+)?)%")


def wan(fen):
    """分 as printed in 万元: half up to 0.01."""
    return (Decimal(fen) / Decimal(1000000)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def numbers(text):
    return {Decimal(m.replace(",", "")) for m in NUMBER.findall(text)}


def run(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{cli} {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def cell(tables, table, row, column):
    for t in tables["tables"]:
        if t["id"] != table:
            continue
        keys = [c["key"] for c in t["columns"]]
        for r in t["rows"]:
            if r["key"] == row and column in keys:
                value = r["cells"][keys.index(column)]
                return Decimal(0) if value is None else wan(value)
    return None


def main():
    cli, sample, golden = sys.argv[1:4]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sample.yusuan")
        run(cli, "import", path, sample)
        explain = json.loads(run(cli, "explain", "--json", path))
        tables = json.loads(run(cli, "tables", "--json", path))

    sections = {s["id"]: s for s in explain["sections"]}
    text = {i: "\n".join(s["paragraphs"]) for i, s in sections.items()}

    rows = 0
    with open(golden, encoding="utf-8") as f:
        header = None
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            rec = dict(zip(header, fields + [""] * (len(header) - len(fields))))
            rows += 1
            where = f"{os.path.basename(golden)}:{n} (seed line {rec['line']}, {rec['figure']})"
            body = text.get(rec["section"])
            if body is None:
                failures.append(f"{where}: no section {rec['section']}")
                continue
            right = rec["right"]
            if right.startswith("text:"):
                if right[5:] not in body:
                    failures.append(f"{where}: “{right[5:]}” not in section {rec['section']}")
                continue
            if rec["seed"] != right and not rec["note"]:
                failures.append(f"{where}: seed {rec['seed']} and right {right} differ without a note")
            value = Decimal(right)
            if value not in numbers(body):
                failures.append(f"{where}: {right} not stated in section {rec['section']}:\n{body}")
            if rec["table"]:
                in_table = cell(tables, rec["table"], rec["row"], rec["column"])
                if in_table is None:
                    failures.append(f"{where}: no cell {rec['table']}/{rec['row']}/{rec['column']}")
                elif in_table != value:
                    failures.append(f"{where}: the table prints {in_table}, the text {value}")
    if rows == 0:
        failures.append("the golden file lists no figure")

    # Shares add up to exactly 100.00 in every paragraph that lists them.
    groups = 0
    for s in explain["sections"]:
        for p in s["paragraphs"]:
            shares = [Decimal(x) for x in SHARE.findall(p)]
            if len(shares) >= 2:
                groups += 1
                if sum(shares) != Decimal("100.00"):
                    failures.append(f"shares in {s['id']} add up to {sum(shares)}: {p}")
            if "{" in p or "}" in p:
                failures.append(f"unfilled placeholder in {s['id']}: {p}")

    # Every 类 and 项 named with an amount states the figure of its table row.
    general = next((t for t in tables["tables"] if t["id"] == "general_public"), None)
    checked = 0
    if general:
        keys = [c["key"] for c in general["columns"]]
        for r in general["rows"]:
            code = r["key"]
            if not code.isdigit() or len(code) not in (3, 7) or r["cells"][keys.index("total")] is None:
                continue
            name = r["cells"][keys.index("name")]
            amount = wan(r["cells"][keys.index("total")])
            if len(code) == 3:
                pattern = re.compile(re.escape(name) + r"(\d[\d,]*\.\d\d)万元")
            else:
                pattern = re.compile("（款）" + re.escape(name) + r"（项）\d{4}年预算(?:数为)?(\d[\d,]*\.\d\d)万元")
            for body in text.values():
                for m in pattern.findall(body):
                    checked += 1
                    if Decimal(m.replace(",", "")) != amount:
                        failures.append(f"{code} {name}: the text says {m}, the table {amount}")

    for f in failures:
        print(f)
    print(f"{rows} figures, {groups} share lists, {checked} class and item amounts checked; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
