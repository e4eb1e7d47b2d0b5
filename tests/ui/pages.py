#!/usr/bin/python3
"""The table pages and a budget made from nothing, driven through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. It:

- starts yusuan without a file, makes a new budget with the New Budget
  dialog and the save dialog, and adds its unit with the Units form;
- types a procurement item on the 政府采购 page with the keyboard, its
  catalogue code chosen by name from the completion list, and checks the
  footer;
- starts a second item, kills the window (SIGKILL) while a cell is being
  typed, and checks with `yusuan-cli dump` that everything but that cell is
  in the file;
- opens the 山海关 sample and checks, on the 收入, 政府采购, 政府购买服务,
  资产 and 上年数 pages, the row count and totals of the footer against the
  file, and the search of the 上年数 page.

Exits 0 when all pass, 1 on the first failure (with the accessible tree
dumped), 77 when it cannot run here.
"""

import csv
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402  (exits 77 without dogtail)
from common import (Failure, _, add_unit, check, check_log, click, dump, find, find_first, keys, money,  # noqa: E402
                    ngettext, focused_cell, screenshot, show_page, start, stop, type_text, wait_for)

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(SOURCE_ROOT, "resources", "samples", "shanhaiguan-2023")
DEPT_NAME = "测试局"
DEPT_CODE = "901"
UNIT_CODE = "901001"
UNIT_NAME = "Test Office"


def fen_of(text):
    text = text.replace(",", "")
    if not text:
        return 0
    sign = -1 if text.startswith("-") else 1
    whole, _dot, frac = text.lstrip("-").partition(".")
    return sign * (int(whole or "0") * 100 + int((frac + "00")[:2]))


def read_csv(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def dump_file(args, budget, workdir, name):
    out = os.path.join(workdir, name)
    subprocess.run([args.cli, "dump", budget, out], check=True)
    return out


def frame_titled(app, prefix, timeout=20):
    def look():
        for node in app.children:
            try:
                if node.roleName == "frame" and node.name.startswith(prefix):
                    return node
            except Exception:  # a window may vanish while searched
                pass
        return None
    return wait_for(look, timeout=timeout)


def footer_checks(frame, count, totals, what):
    label = ngettext("%u row", "%u rows", count) % count
    check(find(frame, "label", label) is not None, f"{what}: the footer says “{label}”")
    # GTK 4.8 names a label by its text and then the caption it is
    # labelled by.
    for caption, fen in totals:
        check(find(frame, "label", f"{money(fen)} {caption}") is not None,
              f"{what}: the footer’s {caption} is {money(fen)}")


# A new budget, typed into.

def create_budget(app, start, workdir):
    click(find(start, "push button", _("New Budget")))
    dialog = wait_for(lambda: next((w for w in app.children if w.name == _("New Budget")), None))
    check(dialog is not None, "New Budget opens its dialog")
    click(find(dialog, "text", _("Department Name")))
    type_text(DEPT_NAME)
    click(find(dialog, "text", _("Department Code")))
    type_text(DEPT_CODE)
    keys("Return")

    chooser = wait_for(lambda: next((w for w in app.children if w.name == _("Save New Budget")), None))
    check(chooser is not None, "creating asks where to save the budget")
    path = os.path.join(workdir, "new.yusuan")
    # GTK's own name field, the first text field of the dialog.
    name = common.find_first(chooser, lambda n: n.roleName == "text", retry=True, timeout=20)
    check(name is not None, "the save dialog has a name field")
    click(name)
    keys("<Control>a")
    type_text(path)
    keys("Return")
    check(wait_for(lambda: os.path.exists(path)), f"the budget is created at {path}")
    return path


# Columns of the procurement table, in order (ys-grid-page-kinds.c).
QUANTITY = 6


def type_procurement(frame, args):
    show_page(frame, _("Government Procurement"))
    check(find(frame, "label", _("No Procurement Yet")) is not None,
          "a budget without procurement says so")
    click(find(frame, "push button", _("Add First Procurement Item")))
    table = find(frame, "tree table", _("Government Procurement"))
    check(table is not None, "the procurement table is shown")
    time.sleep(0.5)

    # The unit is the only one, the source the usual one.
    keys("Tab", "Tab")
    type_text("台式计算机采购")
    keys("Tab")
    type_text("台式计算机")
    suggestions = find(frame, "list", _("Suggestions"))
    check(suggestions is not None, "typing a name shows catalogue suggestions")
    # The list follows the typing; on a loaded machine it may still show an
    # earlier prefix's suggestions.
    check(wait_for(lambda: "台式计算机" in (getattr(find_first(suggestions, lambda n: n.roleName == "label"),
                                                  "name", None) or "")),
          "the first suggestion is the item typed")
    keys("Down", "Tab", "Tab")
    type_text("台")
    keys("Tab")
    type_text("10")
    keys("Tab")
    type_text("6000")
    keys("Tab")
    type_text("60000")
    keys("Return")
    time.sleep(0.3)  # the checks below wait for the item
    check(find(table, "label", "A02010105 台式计算机") is not None,
          "the catalogue code chosen by its name shows with its name")
    footer_checks(frame, 1, [(_("Total (yuan)"), 6000000)], "one typed item")
    screenshot(args, "procurement-typed.png")


def kill_while_typing(frame, proc, args):
    # Return left the cursor on the empty row under the item. Ctrl+Enter on
    # the item starts a second one like it: the unit and the source are
    # copied, the name is not, and the cursor waits there. Then a code half
    # typed when the window dies.
    table = find(frame, "tree table", _("Government Procurement"))
    keys("Up")
    keys("<Control>Return")

    def on_new_item():
        focus = focused_cell(table)
        return focus if focus and focus[0] == 1 and focus[1] == _("Item") else None
    focus = wait_for(on_new_item, timeout=5)
    check(focus is not None, "Ctrl+Enter on a saved item goes to the name of a new item below it")
    check(focus[2][0].startswith(UNIT_CODE) and focus[2][QUANTITY] == "",
          f"the new item has the unit copied and no quantity yet: {focus[2]}")
    type_text("打印机采购")
    keys("Tab")
    time.sleep(1.0)
    type_text("A0202")
    time.sleep(0.5)
    screenshot(args, "procurement-killed.png")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


def check_killed_file(args, budget, workdir):
    out = dump_file(args, budget, workdir, "after-kill")
    rows = read_csv(out, "procurement.csv")
    check(len(rows) == 2, f"after the kill the file has both procurement items ({len(rows)})")
    first, second = rows
    check(first["item_name"] == "台式计算机采购" and first["catalog_code"] == "A02010105"
          and fen_of(first["amount"]) == 6000000 and first["quantity"] == "10",
          "the typed item is in the file with its code, quantity and amount")
    check(second["item_name"] == "打印机采购" and second["unit_code"] == UNIT_CODE
          and second["source"] == "一般公共预算拨款",
          "the second item’s saved cells survived the kill")
    check(second["catalog_code"] == "", "only the cell being typed when killed is lost")
    units = read_csv(out, "units.csv")
    check([u["code"] for u in units] == [UNIT_CODE], "the unit added with the form is in the file")


def test_new_budget(args, env, workdir):
    proc = start(args, env)
    try:
        app = common.find_app(proc)
        start_page = common.find_window(app)
        try:
            budget = create_budget(app, start_page, workdir)
            frame = frame_titled(app, DEPT_NAME)
            check(frame is not None, "the window shows the new budget")
            add_unit(frame, UNIT_CODE, UNIT_NAME)
            type_procurement(frame, args)
            check_log(proc, "after typing a procurement item")
            kill_while_typing(frame, proc, args)
        except Failure:
            dump(app)
            raise
    finally:
        stop(proc)
    check_killed_file(args, budget, workdir)


# The sample's pages.

def money_sum(rows, field, keep=lambda row: True):
    return sum(fen_of(row[field]) for row in rows if keep(row))


def is_fiscal(row):
    return row["source"] in ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款")


def check_sample_pages(frame, dumped, args):
    income = read_csv(dumped, "income.csv")
    procurement = read_csv(dumped, "procurement.csv")
    services = read_csv(dumped, "services.csv")
    assets = read_csv(dumped, "assets.csv")
    prior = read_csv(dumped, "prior_year.csv")
    check(procurement and assets and prior and not services,
          "the sample has procurement, assets and prior-year figures and no purchased services")

    pages = [
        (_("Income"), "income.png", income,
         [(_("Carried Over"), money_sum(income, "amount", lambda r: r["carry_over"] == "是")),
          (_("Total (yuan)"), money_sum(income, "amount"))]),
        (_("Government Procurement"), "procurement.png", procurement,
         [(_("Reserved for SMEs"), money_sum(procurement, "sme_reserved")),
          (_("Total (yuan)"), money_sum(procurement, "amount"))]),
        (_("Assets"), "assets.png", assets,
         [(_("Purchase Amount"), money_sum(assets, "planned_amount")),
          (_("Value Held"), money_sum(assets, "value"))]),
        (_("Prior Year"), "prior-year.png", prior,
         [(_("Prior-Year Income"), money_sum(prior, "amount", lambda r: r["kind"] == "收入")),
          (_("Prior-Year Expenditure"), money_sum(prior, "amount", lambda r: r["kind"] != "收入"))]),
    ]
    fiscal = money_sum(income, "amount", is_fiscal)
    for title, shot, rows, totals in pages:
        show_page(frame, title)
        check(find(frame, "tree table", title) is not None, f"the {title} page shows its table")
        if title == _("Income"):
            totals = totals + [(_("Fiscal Appropriations"), fiscal)]
        footer_checks(frame, len(rows), totals, title)
        screenshot(args, shot)

    show_page(frame, _("Purchased Services"))
    check(find(frame, "label", _("No Purchased Services Yet")) is not None,
          "the purchased services page says there are none yet")
    check(find(frame, "push button", _("Add First Purchased Service")) is not None,
          "and offers to add the first")
    screenshot(args, "services.png")

    # Searching the prior-year figures by a word of their reasons.
    show_page(frame, _("Prior Year"))
    word = "国控"
    shown = [r for r in prior if word in r["reason"] or word in r["item"]]
    check(len(shown) == 1, f"one prior-year row speaks of {word} (the sample as bundled)")
    click(find(frame, "entry", _("Search Prior-Year Figures")))
    type_text(word)
    time.sleep(0.3)  # the check below waits for the search
    label = ngettext("%u of %u row", "%u of %u rows", len(prior)) % (len(shown), len(prior))
    check(find(frame, "label", label) is not None, f"searching “{word}” shows “{label}”")
    expense = money_sum(shown, "amount", lambda r: r["kind"] != "收入")
    check(find(frame, "label", f"{money(expense)} {_('Prior-Year Expenditure')}") is not None,
          "the footer adds up the rows found")


def test_sample_pages(args, env, workdir):
    budget = os.path.join(workdir, "shanhaiguan.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, stdout=subprocess.DEVNULL)
    dumped = dump_file(args, budget, workdir, "sample")
    proc = start(args, env, budget)
    try:
        app = common.find_app(proc)
        frame = common.find_window(app)
        try:
            check_sample_pages(frame, dumped, args)
            check_log(proc, "after visiting the table pages")
        except Failure:
            dump(app)
            raise
        keys("<Control>q")
        proc.wait(timeout=20)
    finally:
        stop(proc)


def test_pages(args, env, workdir):
    test_new_budget(args, env, workdir)
    test_sample_pages(args, env, workdir)


if __name__ == "__main__":
    sys.exit(common.main(__doc__.splitlines()[0], test_pages, "all UI page checks passed"))
