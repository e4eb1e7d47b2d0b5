#!/usr/bin/python3
"""Smoke test of the window, driven through AT-SPI as a screen reader sees it.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. It makes a small budget with yusuan-cli,
starts yusuan on it, and checks by accessible name, in the language the
window runs in:

- the window title (department name and year) and the header totals,
  against `yusuan-cli summary --json`;
- every unit of the file on the Units page, and the selected unit's totals;
- the Expenditure Lines page: its table, a formatted amount, the count;
- undo and redo are disabled on a file with nothing to undo;
- a file that is not a budget gives an error dialog naming it.

Exits 0 when all pass, 1 on the first failure (with the accessible tree
dumped), 77 when it cannot run here.
"""

import argparse
import csv
import gettext
import json
import os
import re
import subprocess
import sys
import tempfile
import time

try:
    from dogtail import config as dogtail_config
    from dogtail import tree
except ImportError:
    print("dogtail is not installed; skipping")
    sys.exit(77)

# GTK 4 does not report "showing" reliably over AT-SPI: search everything.
dogtail_config.config.searchShowingOnly = False
dogtail_config.config.searchCutoffCount = 10
dogtail_config.config.searchBackoffDuration = 0.5
dogtail_config.config.defaultDelay = 0.3
dogtail_config.config.logDebugToFile = False

T = gettext.NullTranslations()


def _(msgid):
    return T.gettext(msgid)


def ngettext(singular, plural, n):
    return T.ngettext(singular, plural, n)


def c_format(fmt, *args):
    """Applies a C format with %1$s-style positions, as the window does."""
    if "$" in fmt:
        return re.sub(r"%(\d+)\$[sd]", lambda m: str(args[int(m.group(1)) - 1]), fmt)
    return fmt % args


def money(fen):
    """ys_money_format (fen, YS_MONEY_YUAN, TRUE)."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    print(f"ok - {message}")


def matches(node, role, name):
    try:
        if role is not None and node.roleName != role:
            return False
        if name is None:
            return True
        # GTK 4.8 appends the text of a button's mnemonic label to its
        # accessible name: "新建预算 新建预算(N)…".
        return node.name == name or (role == "push button" and node.name.startswith(name + " "))
    except Exception:  # a node may vanish while searched
        return False


def find(node, role=None, name=None, retry=True):
    """The first descendant with this role and accessible name, or None."""
    def look():
        found = node.findChildren(lambda n: matches(n, role, name))
        return found[0] if found else None
    return wait_for(look, timeout=10) if retry else look()


def find_all(node, role=None, name=None):
    return node.findChildren(lambda n: matches(n, role, name))


def wait_for(what, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        result = what()
        if result:
            return result
        time.sleep(0.3)
    return None


def is_enabled(node):
    from gi.repository import Atspi
    return node.getState().contains(Atspi.StateType.SENSITIVE)


def dump(node, depth=0, out=sys.stderr):
    try:
        print("  " * depth + f"[{node.roleName}] {node.name!r}", file=out)
        for child in node.children:
            dump(child, depth + 1, out)
    except Exception as e:  # a node may vanish while walked
        print("  " * depth + f"({e})", file=out)


def start(args, path, env):
    return subprocess.Popen([args.yusuan, path], env=env)


def find_app(proc):
    def lookup():
        for app in tree.root.applications():
            try:
                if app.get_process_id() == proc.pid:
                    return app
            except Exception:
                pass
        return None
    app = wait_for(lookup)
    if app is None:
        raise Failure(f"yusuan (pid {proc.pid}) did not appear on the accessibility bus")
    return app


def screenshot(args, name):
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
        time.sleep(1.0)  # let the last frame be drawn
        subprocess.run(["import", "-window", "root", os.path.join(args.screenshots, name)],
                       check=False)


def click(node):
    """Clicks with the pointer, as a person would; GTK 4.8 list rows have
    no AT-SPI action to do it otherwise. GTK 4 reports positions relative
    to the window, which is right only because Xvfb without a window
    manager puts the window at 0,0."""
    node.click()
    time.sleep(0.5)


def test_document(args, env, workdir):
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

    proc = start(args, budget, env)
    try:
        app = find_app(proc)
        title = c_format(_("%1$s %2$d Budget"), meta["dept_name"], int(meta["year"]))
        frame = wait_for(lambda: find(app, "frame", title, retry=False))
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
            rows = find_all(lines, "table row")
            check(len(rows) > 1, "the lines table shows rows")
            screenshot(args, "lines.png")

            click(find(sidebar, "label", _("Review")))
            check(find(frame, "list", _("Findings")) is not None
                  or find(frame, "label", _("No Problems Found")) is not None,
                  "the Review page lists the findings")
        except Failure:
            dump(app)
            raise
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_many_lines(args, env, workdir):
    """A big budget opens and its table holds only the rows around the
    view, not one widget per line item."""
    n = 20000
    budget = os.path.join(workdir, "big.yusuan")
    subprocess.run([args.cli, "generate", "--units", "30", "--lines", str(n),
                    "--projects", "50", "--indicators", "100", budget], check=True)

    proc = start(args, budget, env)
    try:
        app = find_app(proc)
        frame = wait_for(lambda: find(app, "frame", None, retry=False))
        sidebar = find(frame, "list", _("Pages"))
        click(find(sidebar, "label", _("Expenditure Lines")))
        count = ngettext("%u line item", "%u line items", n) % n
        check(find(frame, "label", count) is not None, f"the footer says “{count}”")
        lines = find(frame, "tree table", _("Expenditure Lines"))
        rows = find_all(lines, "table row")
        check(1 < len(rows) < 500, f"{len(rows)} row widgets for {n} line items")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_bad_file(args, env, workdir):
    bad = os.path.join(workdir, "not-a-budget.yusuan")
    with open(bad, "w") as f:
        f.write("this is not a budget\n")

    proc = start(args, bad, env)
    try:
        app = find_app(proc)
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
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_start_page(args, env):
    proc = subprocess.Popen([args.yusuan], env=env)
    try:
        app = find_app(proc)
        frame = wait_for(lambda: find(app, "frame", _("Yusuan"), retry=False))
        check(frame is not None, "without a file the window is titled “%s”" % _("Yusuan"))
        check(find(frame, "label", _("Department Budget")) is not None, "the start page is shown")
        check(find(frame, "push button", _("New Budget")) is not None, "the start page offers “%s”" % _("New Budget"))
        check(find(frame, "push button", _("Open Budget")) is not None, "the start page offers “%s”" % _("Open Budget"))
        screenshot(args, "start.png")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    global T

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--yusuan", required=True, help="the built yusuan")
    parser.add_argument("--cli", required=True, help="the built yusuan-cli")
    parser.add_argument("--localedir", help="where yusuan.mo is, when not installed")
    parser.add_argument("--screenshots", help="save screenshots in this directory")
    args = parser.parse_args()

    T = gettext.translation("yusuan", localedir=args.localedir, fallback=True)

    env = dict(os.environ)
    env["GSETTINGS_BACKEND"] = "memory"
    env.pop("GTK_MODULES", None)
    if args.localedir:
        env["YUSUAN_LOCALEDIR"] = args.localedir

    with tempfile.TemporaryDirectory() as workdir:
        try:
            test_start_page(args, env)
            test_document(args, env, workdir)
            test_many_lines(args, env, workdir)
            test_bad_file(args, env, workdir)
        except Failure as e:
            print(f"not ok - {e}")
            return 1
    print("all UI smoke checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
