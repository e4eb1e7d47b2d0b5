#!/usr/bin/python3
"""Exports a sample budget with yusuan-cli and compares the workbook with the
figures its seed publishes (tests/golden/<sample>-tables.tsv).

    check-xlsx-golden.py CLI SAMPLE_DIR GOLDEN.tsv

The golden file is tab-separated with the header `table row column value note`:
  table   the table's title as printed, without year and department, or the
          name of its sheet without a leading 表N (the name the narrative
          uses, for a seed that does not print the table); "#TEXT" after it
          asks for the sheet that contains TEXT (a form about one project)
  row     the row's 科目编码, else its printed label; "LABEL@N" is the N-th
          cell with that text (rows printed twice); "注" means a note line
  column  the printed leaf header, "parent/leaf" where leaves repeat; empty:
          the first filled cell right of the row's label (forms)
  value   the printed figure, without thousands separators, or printed text
  note    empty, or "published-inconsistent: reason"; such a figure is listed,
          not failed, and "Yusuan: X" in the reason is checked against the sheet
Lines starting with "#" are comments; "# export-args: ..." adds arguments to
the export (e.g. --unit 434001). Text is compared after NFKC and without
spaces, so 收 入 matches 收入 and （） match (). Exits 1 on any difference,
also when openpyxl warns while reading the workbook.

The workbook is the one for publication: it must have no 审核结果 sheet, and
every sheet must print on A4 with its 10-point text no smaller than 9 points
across (a print scale of at least 90 %, or fit to a page width that its
columns fill at 90 % or more, and never fitted to a number of pages tall).

The same budget exported with --no-review (its line items read from the file
row by row instead of loaded) must give a workbook with the same sheets and
cells.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
import warnings

import openpyxl

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def norm(text):
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def read_golden(path):
    rows, args = [], []
    with open(path, encoding="utf-8") as f:
        header = None
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("# export-args:"):
                args += shlex.split(line.split(":", 1)[1])
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != ["table", "row", "column", "value", "note"]:
                    sys.exit(f"{path}:{number}: header must be table, row, column, value, note")
                continue
            cells += [""] * (5 - len(cells))
            rows.append((number, *cells[:5]))
    return rows, args


class Sheet:
    def __init__(self, ws, department):
        self.ws = ws
        self.title = ws.cell(1, 1).value or ""
        name = re.sub(r"\d{4}\s*年", "", self.title)
        name = re.sub(r"^\s*\d{4}\s*", "", name)
        if department:
            name = name.replace(department, "")
        self.name = norm(name)
        self.tab = norm(re.sub(r"^表\s*\d+\s*", "", ws.title))
        self.merged = {}
        for rng in ws.merged_cells.ranges:
            top = ws.cell(rng.min_row, rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self.merged[(r, c)] = (top, rng.min_row, rng.min_col)
        self.header_rows = []
        if ws.print_title_rows:
            first, last = re.findall(r"\d+", ws.print_title_rows)
            self.header_rows = list(range(int(first), int(last) + 1))
        self.body_top = self.header_rows[-1] + 1 if self.header_rows else 2
        self.columns = self._columns()

    def value(self, r, c):
        if (r, c) in self.merged:
            return self.merged[(r, c)][0]
        return self.ws.cell(r, c).value

    def _columns(self):
        """Leaf header of each column, and parent/leaf."""
        rows = [r for r in self.header_rows
                if not (norm(self.value(r, 1)) == "栏次"
                        or all(NUMBER.match(norm(self.value(r, c)) or "0")
                               for c in range(1, self.ws.max_column + 1)))]
        keys = {}
        for c in range(1, self.ws.max_column + 1):
            leaf, parent = None, None
            for i in range(len(rows) - 1, -1, -1):
                text = norm(self.value(rows[i], c))
                if text and leaf is None:
                    leaf = text
                    leaf_origin = self.merged.get((rows[i], c), (None, rows[i], c))[1:]
                elif text and leaf is not None:
                    origin = self.merged.get((rows[i], c), (None, rows[i], c))[1:]
                    if origin != leaf_origin:
                        parent = text
                        break
            if leaf:
                keys.setdefault(leaf, []).append(c)
                if parent:
                    keys.setdefault(parent + "/" + leaf, []).append(c)
        return keys

    def find_row(self, key):
        """(row, col) of the N-th cell below the header whose text is key."""
        n = 1
        m = re.match(r"^(.*)@(\d+)$", key)
        if m:
            key, n = m.group(1), int(m.group(2))
        want = norm(key)
        seen = 0
        for r in range(self.body_top, self.ws.max_row + 1):
            for c in range(1, self.ws.max_column + 1):
                if (r, c) in self.merged and self.merged[(r, c)][1:] != (r, c):
                    continue
                if norm(self.ws.cell(r, c).value) == want:
                    seen += 1
                    if seen == n:
                        return r, c
        return None

    def form_column(self, r, name):
        """A form has no header rows: the nearest row above @r naming @name."""
        want = norm(name)
        for above in range(r - 1, 0, -1):
            cols = [c for c in range(1, self.ws.max_column + 1) if norm(self.ws.cell(above, c).value) == want]
            if cols:
                return cols
        return []

    def contains(self, text):
        want = norm(text)
        return any(norm(cell.value) == want for row in self.ws.iter_rows() for cell in row)


def same(expected, actual):
    if NUMBER.match(expected):
        if isinstance(actual, (int, float)):
            return abs(float(actual) - float(expected)) < 0.005
        return norm(actual) == expected
    return norm(actual) == norm(expected)


def show(actual):
    if isinstance(actual, float):
        return f"{actual:.2f}"
    return "(blank)" if actual is None else str(actual)


MIN_SCALE = 0.9
# A4 less the left and right margins (0.5 inch each), in points; Excel prints
# a character of column width at about 5.3 points.
PAGE_POINTS = {"portrait": 595 - 72, "landscape": 842 - 72}


def print_scale(ws):
    """The scale the sheet prints at across: its own, or the one that fits its columns to the page width."""
    setup = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    if not fit:
        return (setup.scale or 100) / 100
    width = sum((d.width or 0) * (d.max - d.min + 1) for d in ws.column_dimensions.values())
    return min(1.0, PAGE_POINTS[setup.orientation or "portrait"] / (width * 5.3))


def compare_cells(wb, other):
    """Where two workbooks differ: sheet names, merges, every cell's value."""
    if wb.sheetnames != other.sheetnames:
        return [f"export --no-review gives other sheets: {other.sheetnames} against {wb.sheetnames}"]
    for a, b in zip(wb.worksheets, other.worksheets):
        if sorted(map(str, a.merged_cells.ranges)) != sorted(map(str, b.merged_cells.ranges)):
            return [f"export --no-review merges other cells in “{a.title}”"]
        rows_a = list(a.iter_rows(values_only=True))
        rows_b = list(b.iter_rows(values_only=True))
        if rows_a != rows_b:
            return [f"export --no-review gives other cells in “{a.title}”"]
    return []


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    cli, sample_dir, golden_path = sys.argv[1:]
    golden, args = read_golden(golden_path)
    with tempfile.TemporaryDirectory(prefix="yusuan-golden-") as tmp:
        doc = os.path.join(tmp, "sample.yusuan")
        out = os.path.join(tmp, "tables.xlsx")
        streamed = os.path.join(tmp, "streamed.xlsx")
        for command in ([cli, "import", doc, sample_dir], [cli, "export", doc, "-o", out, "--allow-errors"] + args,
                        [cli, "export", doc, "-o", streamed, "--no-review", "--allow-errors"] + args):
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wb = openpyxl.load_workbook(out)
        failures = [f"openpyxl warned: {w.message}" for w in caught]
        failures += compare_cells(wb, openpyxl.load_workbook(streamed))
        department = wb.properties.creator
        sheets = [Sheet(ws, department) for ws in wb.worksheets]

        names = [ws.title for ws in wb.worksheets]
        if len(set(n.casefold() for n in names)) != len(names) or any(len(n) > 31 for n in names):
            failures.append(f"sheet names not unique or too long: {names}")

        if "审核结果" in names:
            failures.append("the workbook for publication has a 审核结果 sheet")
        for ws in wb.worksheets:
            pr = ws.sheet_properties.pageSetUpPr
            tall = ws.page_setup.fitToHeight
            if pr is not None and pr.fitToPage and (tall is None or int(tall) != 0):
                failures.append(f"sheet “{ws.title}” is fitted to {tall or 1} page(s) tall: "
                                "its scale would follow the reader's row heights")
            scale = print_scale(ws)
            if scale < MIN_SCALE:
                failures.append(f"sheet “{ws.title}” prints at {scale:.0%} of its size (text below 9 pt)")

        checked, inconsistent = 0, []
        for number, table, row, column, value, note in golden:
            where = f"{os.path.basename(golden_path)}:{number}: {table} / {row} / {column or '→'}"
            base, _, must_contain = table.partition("#")
            candidates = [s for s in sheets if (s.name == norm(base) or s.tab == norm(base))
                          and (not must_contain or s.contains(must_contain))]
            if len(candidates) != 1:
                failures.append(f"{where}: {len(candidates)} sheets titled “{table}” "
                                f"(titles: {sorted(set(s.name for s in sheets))})")
                continue
            sheet = candidates[0]
            inconsistent_note = note.startswith("published-inconsistent")

            if row == "注":
                checked += 1
                if not sheet.contains(value):
                    failures.append(f"{where}: no note “{value}”")
                continue

            found = sheet.find_row(row)
            if found is None and inconsistent_note and "@" in row:
                found = sheet.find_row(row.rsplit("@", 1)[0])
            if found is None:
                if inconsistent_note:
                    inconsistent.append(f"{where}: published {value}, no such row exported — {note}")
                else:
                    failures.append(f"{where}: no row “{row}”")
                continue
            r, label_col = found
            if column:
                cols = (sheet.columns.get(norm(column), []) if sheet.header_rows
                        else sheet.form_column(r, column))
                if len(cols) != 1:
                    failures.append(f"{where}: {len(cols)} columns headed “{column}” "
                                    f"(headers: {sorted(sheet.columns)})")
                    continue
                actual = sheet.ws.cell(r, cols[0]).value
            else:
                actual = None
                for c in range(label_col + 1, sheet.ws.max_column + 1):
                    if (r, c) in sheet.merged and sheet.merged[(r, c)][1:] != (r, c):
                        continue
                    if sheet.ws.cell(r, c).value is not None:
                        actual = sheet.ws.cell(r, c).value
                        break
            checked += 1
            if inconsistent_note:
                m = re.search(r"Yusuan:\s*([^\s;)）]+)", note)
                if m and not same(m.group(1), actual):
                    failures.append(f"{where}: exported {show(actual)}, the golden file says Yusuan gives {m.group(1)}")
                inconsistent.append(f"{where}: published {value}, exported {show(actual)} — {note}")
            elif not same(value, actual):
                failures.append(f"{where}: published {value}, exported {show(actual)}")

        print(f"{os.path.basename(golden_path)}: {checked} printed figures and notes checked "
              f"in {len(sheets)} sheets; {len(inconsistent)} published figures are inconsistent:")
        for line in inconsistent:
            print("  " + line)
        for line in failures:
            print("FAIL " + line)
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
