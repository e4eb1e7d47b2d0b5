#!/usr/bin/python3
"""Smoke test of the window, driven through AT-SPI as a screen reader sees it.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. It makes a small budget with yusuan-cli,
starts yusuan on it, and checks by accessible name, in the language the
window runs in:

- the window title (department name and year) and the header totals,
  against `yusuan-cli summary --json`;
- every unit of the file on the Units page, and the selected unit's totals;
- the Expenditure Lines page: its table, a formatted amount, the count, and
  a row with an error marked;
- undo and redo are disabled on a file with nothing to undo;
- a file that is not a budget gives an error dialog naming it.

Exits 0 when all pass, 1 on the first failure (with the accessible tree
dumped), 77 when it cannot run here.
"""

import csv
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (Failure, C_, _, c_format, check, check_log, click, dump, find, find_app,  # noqa: E402
                    find_first, find_window, is_enabled, main, money, ngettext, open_in, screenshot, start, stop,
                    table_rows, wait_for)


def test_document(args, env, workdir, proc, app):
    budget = os.path.join(workdir, "smoke.yusuan")
    subprocess.run([args.cli, "generate", "--units", "3", "--lines", "50",
                    "--projects", "2", "--indicators", "4", budget], check=True)
    summary = json.loads(subprocess.run([args.cli, "summary", "--json", budget], check=True,
                                        capture_output=True, text=True).stdout)
    dump_dir = os.path.join(workdir, "dump")
    subprocess.run([args.cli, "dump", budget, dump_dir], check=True)
    with open(os.path.join(dump_dir, "units.csv"), encoding="utf-8-sig") as f:
        units = list(csv.DictReader(f))
    with open(os.path.join(dump_dir, "document.csv"), encoding="utf-8-sig") as f:
        meta = {row[0]: row[1] for row in csv.reader(f) if len(row) >= 2}

    # Into the window of the start page, through the running application.
    open_in(args, env, budget)
    title = c_format(_("%1$s %2$d Budget"), meta["dept_name"], int(meta["year"]))
    frame = find_window(app, title)
    try:
        check(frame is not None, f"the window is titled “{title}”")

        income = summary["income_total"]
        expense = summary["expenditure_total"]
        for caption, fen in ((_("Total Income (yuan)"), income),
                             (_("Total Expenditure (yuan)"), expense),
                             (_("Difference (yuan)"), income - expense)):
            check(find(frame, "label", caption) is not None, f"the header shows “{caption}”")
            check(find(frame, "label", money(fen)) is not None,
                  f"the header shows {money(fen)} for “{caption}”")

        undo = find(frame, "push button", _("Undo"))
        redo = find(frame, "push button", _("Redo"))
        check(undo is not None and redo is not None, "undo and redo buttons are labelled")
        check(not is_enabled(undo) and not is_enabled(redo),
              "undo and redo are disabled on a freshly opened file")

        table = find(frame, "tree table", _("Units"))
        check(table is not None, "the Units page has a table named “%s”" % _("Units"))
        for column in (_("Unit Code"), _("Unit Name"), _("Unit Type"),
                       _("Budget Level"), _("Authorised Staff")):
            check(find(table, "label", column) is not None, f"the units table has a column “{column}”")
        for unit in units:
            check(find(table, "label", unit["code"]) is not None, f"unit {unit['code']} is listed")
            check(find(table, "label", unit["name"]) is not None, f"unit “{unit['name']}” is listed")
        check(find(frame, "label", f"{units[0]['code']} {units[0]['name']}") is not None,
              "the footer names the selected unit")
        check(find(frame, "label", _("Basic Expenditure")) is not None,
              "the footer shows the unit's basic expenditure")
        screenshot(args, "units.png")

        sidebar = find(frame, "list", _("Pages"))
        check(sidebar is not None, "the sidebar is labelled")
        click(find(sidebar, "label", _("Expenditure Lines")))
        lines = wait_for(lambda: find(frame, "tree table", _("Expenditure Lines"), retry=False))
        check(lines is not None, "the Expenditure Lines page shows its table")
        for column in (_("Unit"), _("Function Classification"), _("Economic Classification"),
                       _("Expenditure Type"), _("Project"), _("Fund Source"), _("Amount (yuan)")):
            check(find(lines, "label", column) is not None, f"the lines table has a column “{column}”")
        count = ngettext("%u line item", "%u line items", 50) % 50
        check(find(frame, "label", count) is not None, f"the footer says “{count}”")
        check(find(frame, "label", money(expense)) is not None, "the lines footer shows the total")
        rows = table_rows(lines)
        check(len(rows) > 1, "the lines table shows rows")
        # The generated budget has 项目支出 under 行政运行 items (R07).
        error = C_("finding level", "Error")

        def marked():
            # The cell's own widget, inside the table cell, carries it.
            return find_first(lines, lambda c: (c.description or "").startswith(error))
        check(wait_for(marked), f"a row with an error is marked, its cells described as “{error}: …”")
        screenshot(args, "lines.png")

        click(find(sidebar, "label", _("Review")))
        check(find(frame, "list", _("Findings")) is not None
              or find(frame, "label", _("No Problems Found")) is not None,
              "the Review page lists the findings")
        check_log(proc, "a budget shown page by page")
    except Failure:
        dump(app)
        raise


def test_many_lines(args, env, workdir, app):
    """A big budget opens and its table holds only the rows around the
    view, not one widget per line item."""
    n = 20000
    budget = os.path.join(workdir, "big.yusuan")
    subprocess.run([args.cli, "generate", "--units", "30", "--lines", str(n),
                    "--projects", "50", "--indicators", "100", budget], check=True)

    count = window_count(app)
    # A second window of the running application: the first shows a budget.
    open_in(args, env, budget)
    frame = wait_for(lambda: new_window(app, count), timeout=90)
    check(frame is not None, "the big budget opens in a window of its own")
    sidebar = find(frame, "list", _("Pages"))
    click(find(sidebar, "label", _("Expenditure Lines")))
    count = ngettext("%u line item", "%u line items", n) % n
    check(find(frame, "label", count) is not None, f"the footer says “{count}”")
    lines = find(frame, "tree table", _("Expenditure Lines"))
    rows = table_rows(lines)
    check(1 < len(rows) < 500, f"{len(rows)} row widgets for {n} line items")


def test_bad_file(args, env, workdir, app):
    bad = os.path.join(workdir, "not-a-budget.yusuan")
    with open(bad, "w") as f:
        f.write("this is not a budget\n")

    open_in(args, env, bad)
    heading = _("Could not open “%s”") % os.path.basename(bad)
    alert = wait_for(lambda: find(app, "label", heading, retry=False))
    if alert is None:
        dump(app)
    check(alert is not None, f"opening a file that is not a budget says “{heading}”")
    screenshot(args, "open-error.png")
    # A response button is named by its label, mnemonic and all.
    close = find(app, "label", _("_Close").replace("_", ""))
    check(close is not None and close.parent.roleName == "push button",
          "the error dialog has a Close button")


def test_start_page(args, env, app):
    frame = find_window(app, _("Yusuan"))
    check(frame is not None, "without a file the window is titled “%s”" % _("Yusuan"))
    check(find(frame, "label", _("Department Budget")) is not None, "the start page is shown")
    check(find(frame, "push button", _("New Budget")) is not None, "the start page offers “%s”" % _("New Budget"))
    check(find(frame, "push button", _("Open Budget")) is not None, "the start page offers “%s”" % _("Open Budget"))
    screenshot(args, "start.png")


def window_count(app):
    return len([f for f in app.children if f.roleName == "frame"])


def new_window(app, count):
    """The window @app opened after the @count it had, once it shows a budget
    (titled after it, not “Yusuan”); two generated budgets share a title."""
    try:
        frames = [f for f in app.children if f.roleName == "frame"]
        if len(frames) > count and frames[-1].name != _("Yusuan"):
            return frames[-1]
    except Exception:  # busy opening the budget, the window may not answer
        pass
    return None


def test_all(args, env, workdir):
    # One running application for all: started once, given each file as a
    # second `yusuan FILE` would give it.
    proc = start(args, env)
    try:
        app = find_app(proc)
        test_start_page(args, env, app)
        test_document(args, env, workdir, proc, app)
        test_many_lines(args, env, workdir, app)
        test_bad_file(args, env, workdir, app)
    finally:
        stop(proc)


if __name__ == "__main__":
    sys.exit(main(__doc__.splitlines()[0], test_all, "all UI smoke checks passed"))
