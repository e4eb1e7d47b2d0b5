#!/usr/bin/python3
"""Editing test of the window, driven through AT-SPI and the keyboard.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. On a budget made with `yusuan-cli new`, it:

- adds a unit with the form of the Units page;
- types three line items with the keyboard, one code by its completion
  list, and checks the count and totals of the footer, and that Tab goes
  on within a new line once it has saved it;
- pastes a block of twenty tab-separated rows (with a header row) through
  the clipboard, and checks the footer again;
- pastes a block with a bad cell and checks that nothing was pasted and
  the problem is listed;
- undoes the paste with Ctrl+Z and redoes it with Ctrl+Shift+Z;
- checks that yusuan logged no critical warning meanwhile;
- quits, and checks with `yusuan-cli dump` that the unit and the 23 line
  items, with their amounts, are in the file.

Exits 0 when all pass, 1 on the first failure (with the accessible tree
dumped), 77 when it cannot run here.
"""

import csv
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (Failure, _, add_unit, check, check_log, click, dump, find, find_app, find_window,  # noqa: E402
                    focused_cell, keys, main, matches, money, ngettext, screenshot, show_page, start, stop,
                    type_text, wait_for)
from dogtail import tree  # noqa: E402

UNIT_CODE = "901001"
UNIT_NAME = "Test Office"


def fen_of(text):
    # dump writes an amount of 0 as an empty cell
    whole, _point, frac = text.replace(",", "").partition(".")
    return int(whole or "0") * 100 + int((frac + "00")[:2])


class Clipboard:
    """Owns the X clipboard with some text, as a spreadsheet would after a
    copy: through xsel or xclip, else through GTK in a helper process."""

    def __init__(self):
        self.proc = None

    def set(self, text):
        self.clear()
        for tool in (["xsel", "--clipboard", "--input", "--nodetach"],
                     ["xclip", "-selection", "clipboard", "-loops", "0", "-quiet"]):
            if shutil.which(tool[0]):
                self.proc = subprocess.Popen(tool, stdin=subprocess.PIPE)
                self.proc.stdin.write(text.encode("utf-8"))
                self.proc.stdin.close()
                break
        else:
            helper = ("import sys, gi\n"
                      "gi.require_version('Gtk', '4.0')\n"
                      "from gi.repository import Gtk, Gdk, GLib\n"
                      "Gtk.init()\n"
                      "text = sys.stdin.read()\n"
                      "Gdk.Display.get_default().get_clipboard().set(text)\n"
                      "GLib.MainLoop().run()\n")
            self.proc = subprocess.Popen(["/usr/bin/python3", "-c", helper], stdin=subprocess.PIPE)
            self.proc.stdin.write(text.encode("utf-8"))
            self.proc.stdin.close()
        time.sleep(1.0)

    def clear(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None


def footer_checks(frame, count, total_fen, what):
    label = ngettext("%u line item", "%u line items", count) % count
    check(find(frame, "label", label) is not None, f"{what}: the footer says “{label}”")
    check(find(frame, "label", money(total_fen)) is not None, f"{what}: the footer total is {money(total_fen)}")


def type_lines(frame, args):
    show_page(frame, _("Expenditure Lines"))
    click(find(frame, "push button", _("Add First Line")))
    table = find(frame, "tree table", _("Expenditure Lines"))
    check(table is not None, "the line item table is shown")
    time.sleep(0.5)

    # Line 1, cell by cell: the unit is there already (the only one), the
    # type by its number in the list, the source is the usual one.
    keys("Tab")
    type_text("2010301")
    keys("Tab")
    type_text("30101")
    keys("Tab")
    type_text("1")
    # The type was the last thing the line needed: Tab saves it, and the
    # typing goes on in the next cell of that same line.
    keys("Tab")
    saved = ngettext("%u line item", "%u line items", 1) % 1
    check(find(frame, "label", saved) is not None, f"Tab past the type saves the line: “{saved}”")

    def on_project():
        focus = focused_cell(table)
        return focus if focus and focus[1] == _("Project") else None
    focus = wait_for(on_project, timeout=5)
    check(focus is not None and "2010301 行政运行" in focus[2],
          f"the saved line keeps the focus, in its “{_('Project')}” cell"
          + ("" if focus else f" (the focus is on {focused_cell(table)})"))
    keys("Tab", "Tab")
    type_text("1000")
    keys("Return")
    time.sleep(0.5)

    # Line 2: Ctrl+Enter copies the line; the economic code is chosen from
    # its completion list (30102 津贴补贴, the second under "3010").
    keys("Up", "<Control>Return", "Left", "Left", "Left", "Left")
    type_text("3010")
    check(find(frame, "list", _("Suggestions")) is not None, "typing a code prefix shows suggestions")
    keys("Down", "Down", "Return")
    keys("Right", "Right", "Right", "Right")
    type_text("2000")
    keys("Return")
    time.sleep(0.5)

    # Line 3: 302 → 30201 办公费, the first 款 under it, as 公用经费.
    keys("Up", "<Control>Return", "Left", "Left", "Left", "Left")
    type_text("302")
    keys("Down", "Tab")
    type_text("2")
    keys("Tab", "Tab", "Tab")
    type_text("300.5")
    keys("Return")
    time.sleep(0.3)  # the checks below wait for the line
    check(find(table, "label", "2010301 行政运行") is not None, "the function code shows with its name")
    check(find(table, "label", "30102 津贴补贴") is not None, "the completed economic code is in the table")
    check(find(table, "label", "30201 办公费") is not None, "the code chosen from the list is in the table")
    footer_checks(frame, 3, 330050, "three typed lines")


PASTED = [f"{UNIT_CODE}\t2010301\t30201\t公用经费\t\t一般公共预算拨款\t{100 * (i + 1)}.00" for i in range(20)]
PASTED_FEN = sum(100 * (i + 1) * 100 for i in range(20))


def paste_lines(frame, clipboard, args):
    table = find(frame, "tree table", _("Expenditure Lines"))
    header = "\t".join([_("Unit"), _("Function Classification"), _("Economic Classification"),
                        _("Expenditure Type"), _("Project"), _("Fund Source"), _("Amount (yuan)")])

    # A bad block first: nothing of it may be pasted.
    bad = PASTED[:3] + [f"{UNIT_CODE}\t2010301\t30201\t公用经费\t\t一般公共预算拨款\tabc"]
    clipboard.set("\n".join(bad) + "\n")
    keys("<Control>End", "Home", "<Control>v")
    alert = find(frame.parent if frame.parent else frame, "label", _("Nothing Was Pasted"))
    if alert is None:
        alert = wait_for(lambda: [n for n in tree.root.findChildren(
            lambda n: matches(n, "label", _("Nothing Was Pasted")))])
    check(alert is not None, "a block with a bad amount is refused with a list of problems")
    screenshot(args, "paste-refused.png")
    keys("Escape")
    time.sleep(0.5)
    footer_checks(frame, 3, 330050, "after the refused paste")

    clipboard.set(header + "\n" + "\n".join(PASTED) + "\n")
    keys("<Control>End", "Home", "<Control>v")
    time.sleep(0.3)  # the checks below wait for the rows
    footer_checks(frame, 23, 330050 + PASTED_FEN, "twenty pasted rows (the header row skipped)")
    check(find(table, "label", money(2000 * 100)) is not None, "a pasted amount is in the table")
    screenshot(args, "lines-pasted.png")

    keys("<Control>z")
    time.sleep(0.3)
    footer_checks(frame, 3, 330050, "Ctrl+Z undoes the whole paste")
    keys("<Control><Shift>z")
    time.sleep(0.3)
    footer_checks(frame, 23, 330050 + PASTED_FEN, "Ctrl+Shift+Z redoes it")


def check_file(args, budget, workdir):
    out = os.path.join(workdir, "dump")
    subprocess.run([args.cli, "dump", budget, out], check=True)
    with open(os.path.join(out, "units.csv"), encoding="utf-8-sig") as f:
        units = list(csv.DictReader(f))
    with open(os.path.join(out, "lines.csv"), encoding="utf-8-sig") as f:
        lines = list(csv.DictReader(f))
    check([u["code"] for u in units] == [UNIT_CODE] and units[0]["name"] == UNIT_NAME,
          "the file has the unit added with the form")
    check(len(lines) == 23, f"the file has 23 line items ({len(lines)})")
    total = sum(fen_of(line["amount"]) for line in lines)
    check(total == 330050 + PASTED_FEN, f"the file's line items add up to {money(total)}")
    econ = sorted(line["econ_code"] for line in lines[:3])
    check(econ == ["30101", "30102", "30201"], f"the typed economic codes are in the file ({econ})")
    kinds = {line["kind"] for line in lines}
    check(kinds == {"人员经费", "公用经费"}, "the types typed as 1 and 2 are 人员经费 and 公用经费")


def test_editing(args, env, workdir):
    budget = os.path.join(workdir, "editing.yusuan")
    subprocess.run([args.cli, "new", budget, "--dept-code", "901", "--dept-name", "测试局",
                    "--year", "2023", "--region", "anhui"], check=True)
    clipboard = Clipboard()
    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        frame = find_window(app)
        try:
            add_unit(frame, UNIT_CODE, UNIT_NAME)
            screenshot(args, "units-form.png")
            type_lines(frame, args)
            screenshot(args, "lines-typed.png")
            paste_lines(frame, clipboard, args)
            check_log(proc, "after typing and pasting")
        except Failure:
            dump(app)
            raise
        # Every edit is saved as it is made: quitting saves nothing more.
        keys("<Control>q")
        proc.wait(timeout=20)
    finally:
        clipboard.clear()
        stop(proc)
    check_file(args, budget, workdir)


if __name__ == "__main__":
    sys.exit(main(__doc__.splitlines()[0], test_editing, "all UI editing checks passed"))
