#!/usr/bin/env python3
"""Regenerate the bundled classification catalogs from the shared reference data.

Usage: python3 build.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ../shared/reference/catalogs next to the source tree.
The CSVs are written next to this script and committed; the build itself never
runs Python.  See README.md for what the rows mean and which are partial.
"""

import csv
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REF = HERE.parents[1].parent / "shared" / "reference" / "catalogs"

BASE_YEAR = 2023
YEARS = (2023, 2024, 2025)
COLUMNS = ["code", "name", "level", "parent_code", "provenance"]
MAPPING_COLUMNS = ["dept_code", "gov_code_admin", "gov_code_institution", "provenance"]

# Confirmed changes after 2023, from CATALOGS.md "Changes after 2023".  Each
# year inherits the previous year's catalog plus its own changes.  Only add a
# row here when the 财政部 document that makes the change is known.
CHANGES = {
    2024: {
        "document": "财预〔2024〕22号 (2024-03-29)",
        "function": [
            ("22006", "耕地保护考核奖惩基金支出"),
            ("2300412", "自然资源海洋气象等"),
        ],
    },
    2025: {
        "document": "财预〔2025〕41号 (2025-05-23)",
        "function": [
            ("2170404", "中央金融机构注资特别国债支出"),
            ("22911", "中央金融机构注资特别国债财务基金支出"),
            ("23107", "中央金融机构注资特别国债还本支出"),
        ],
    },
}


def fail(msg):
    sys.exit(f"build.py: {msg}")


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def write_csv(path, columns, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([r[c] for c in columns])
    data = buf.getvalue().encode("utf-8")
    # Only touch files whose content changes, so git and the resource compiler
    # do not see spurious modifications.
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
        print(f"wrote {path.name} ({len(rows)} rows)")


def derive_numeric(code):
    """Level and parent of a 3/5/7-digit budget classification code."""
    level = {3: 1, 5: 2, 7: 3}.get(len(code))
    if level is None or not code.isdigit():
        fail(f"unexpected code {code!r}")
    return level, (code[:-2] if level > 1 else "")


def check_tree(name, rows):
    codes = {}
    for r in rows:
        if r["code"] in codes:
            fail(f"{name}: duplicate code {r['code']}")
        codes[r["code"]] = r
    for r in rows:
        if r["parent_code"] and r["parent_code"] not in codes:
            fail(f"{name}: parent {r['parent_code']} of {r['code']} missing")


def budget_catalog(ref, kind):
    rows = read_csv(ref / f"{kind}_{BASE_YEAR}.csv")
    out = []
    for r in rows:
        level, parent = derive_numeric(r["code"])
        if int(r["level"]) != level or r["parent_code"] != parent:
            fail(f"{kind}: level/parent of {r['code']} disagree with its code")
        out.append({c: r[c] for c in COLUMNS})
    return out


def apply_changes(kind, rows, year):
    rows = [dict(r) for r in rows]
    known = {r["code"] for r in rows}
    for code, name in CHANGES.get(year, {}).get(kind, []):
        if code in known:
            fail(f"{kind} {year}: change {code} already present")
        level, parent = derive_numeric(code)
        rows.append({"code": code, "name": name, "level": str(level),
                     "parent_code": parent, "provenance": f"change-{year}"})
        known.add(code)
    return rows


def main():
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REF
    if not (ref / "CATALOGS.md").exists():
        fail(f"{ref} does not look like the reference catalogs directory")

    for kind in ("function", "economic_dept", "economic_gov"):
        rows = budget_catalog(ref, kind)
        for year in YEARS:
            rows = apply_changes(kind, rows, year)
            rows.sort(key=lambda r: r["code"])
            check_tree(f"{kind}_{year}", rows)
            write_csv(HERE / f"{kind}_{year}.csv", COLUMNS, rows)

    mapping = read_csv(ref / f"economic_mapping_{BASE_YEAR}.csv")
    mapping.sort(key=lambda r: r["dept_code"])
    for year in YEARS:
        write_csv(HERE / f"economic_mapping_{year}.csv", MAPPING_COLUMNS, mapping)

    # 政府采购品目: one edition (2022).  The category and name_source columns
    # are dropped (the category is the code's first letter; name_source is
    # documented in SOURCES.md).  Names are kept as printed; the loader
    # normalises () to （）.
    proc = []
    for r in read_csv(ref / "procurement_catalog_2022.csv"):
        proc.append({"code": r["code"], "name": r["name"], "level": r["level"],
                     "parent_code": r["parent_code"], "provenance": "reference"})
    proc.sort(key=lambda r: r["code"])
    check_tree("procurement_2022", proc)
    if len(proc) != 4304:
        fail(f"procurement: expected 4304 rows, got {len(proc)}")
    write_csv(HERE / "procurement_2022.csv", COLUMNS, proc)


if __name__ == "__main__":
    main()
