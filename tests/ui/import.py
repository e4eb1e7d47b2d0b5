"""Importing a workbook and a paste with a header in the window, driven
through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session. On a
budget holding the 埇桥区 sample's settings and unit, it:

- opens 从工作簿导入 on the 支出明细 page and chooses a CSV workbook (a title
  line, 单位：元, a 类 row and a 合计 row, the amounts under a header no
  synonym knows, one amount mistyped);
- maps that column to 金额 in the preview, mends the bad cell there and
  imports: four lines, the subtotal rows skipped;
- undoes the import, imports the file again (the mapping is remembered)
  leaving the bad row out;
- pastes a block with a header row and a bad cell: the preview opens, the
  cell is mended there and the rows are added.
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (_, c_format, check, check_log, click, find, find_app, find_notice, find_window,  # noqa: E402
                    is_focused, keys, main, money, ngettext, screenshot, show_page, start, stop, type_text,
                    wait_for)
from editing import Clipboard, footer_checks  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "resources", "samples", "yongqiao-2023")

WORKBOOK = """2023年部门支出预算明细表
单位：元
功能分类科目编码,经济分类科目编码,支出类型,资金来源,本年安排
201,,,,
2010301,30101,基本支出,一般公共预算拨款,120000
2010301,30102,基本支出,一般公共预算拨款,3500O
2010301,30201,基本支出,一般公共预算拨款,8000.50
2010301,30202,基本支出,一般公共预算拨款,2000
合计,,,,165000.50
"""

PASTE = ("功能分类科目编码\t经济分类科目编码\t支出类型\t资金来源\t金额\n"
         "2010301\t30205\t基本支出\t一般公共预算拨款\t1,000.00\n"
         "2010301\t30206\t基本支出\t一般公共预算拨款\tabc\n")


def make_budget(args, workdir):
    source = os.path.join(workdir, "sample")
    os.makedirs(source)
    for name in ("document.csv", "units.csv"):
        with open(os.path.join(SAMPLE, name), "rb") as f, open(os.path.join(source, name), "wb") as out:
            out.write(f.read())
    budget = os.path.join(workdir, "budget.yusuan")
    subprocess.run([args.cli, "import", budget, source], check=True, capture_output=True)
    book = os.path.join(workdir, "lines.csv")
    with open(book, "w", encoding="utf-8") as f:
        f.write(WORKBOOK)
    return budget, book


def import_dialog(app):
    return wait_for(lambda: next((w for w in app.children if w.name == _("Import from Workbook")), None))


def page_button(frame, name):
    """The button @name of the 支出明细 page: every table page has one."""
    node = find(frame, "tree table", _("Expenditure Lines"))
    while node is not None and find(node, "push button", name, retry=False) is None:
        node = node.parent
    return find(node, "push button", name) if node is not None else None


def choose_workbook(app, frame, book, expected):
    click(page_button(frame, _("Import from Workbook")))
    chooser = wait_for(lambda: next((w for w in app.children if w.name == _("Choose Workbook")), None))
    check(chooser is not None, "the import asks for a workbook")
    keys("<Control>l")
    type_text(book)
    keys("Return")
    dialog = import_dialog(app)
    check(dialog is not None, "the import dialog shows")
    rows = ngettext("%u row to import", "%u rows to import", expected) % expected
    check(wait_for(lambda: find(dialog, "label", None, retry=False) and
                   any(rows in (n.name or "") for n in dialog.findChildren(lambda n: n.roleName == "label")),
                   timeout=30), f"the preview counts “{rows}”")
    return dialog


def counts_say(dialog, text):
    return any(text in (n.name or "") for n in dialog.findChildren(lambda n: n.roleName == "label"))


def mend_cell(dialog, row, title, text):
    cell = find(dialog, "text", c_format(_("Row %u, %s"), row, title))
    check(cell is not None, f"row {row}'s bad cell “{title}” can be mended in the preview")
    click(cell)
    keys("<Control>a")
    type_text(text)
    keys("Return")
    time.sleep(1.0)


def press_import(dialog, frame, rows=None):
    button = find(dialog, "push button", _("Import"))
    check(button is not None and button.sensitive, "Import is enabled once no row has a problem")
    click(button, pause=0.1)
    if rows is not None:
        # Looked for at once: the notice goes after a few seconds.
        toast = ngettext("%u row imported", "%u rows imported", rows) % rows
        check(find_notice(frame, toast, timeout=30) is not None,
              f"a notice says “{toast}”")
    time.sleep(1.0)


def choose_in_dropdown(app, dropdown, label):
    """Opens @dropdown and moves down its list to @label: a long list has
    only the rows in view on the accessibility bus."""
    click(dropdown)
    for _step in range(30):
        keys("Down")
        item = find(app, "label", label, retry=False)
        if item is not None and (is_focused(item) or is_focused(item.parent)):
            keys("Return")
            time.sleep(1.0)
            return
    check(False, f"“{label}” is offered in the drop-down")


def import_workbook(app, frame, book, args):
    dialog = choose_workbook(app, frame, book, 4)
    amount = _("amount")
    mapping = find(dialog, "combo box", c_format(_("Field for column %s “%s”"), "E", "本年安排"))
    check(mapping is not None, "the column 本年安排 has a drop-down choosing its field")
    choose_in_dropdown(app, mapping, amount)
    check(wait_for(lambda: counts_say(dialog, ngettext("%u row with problems", "%u rows with problems", 1) % 1)),
          "mapped to the amount, the mistyped 3500O is a problem")
    skipped = ngettext("%u subtotal or total row skipped", "%u subtotal or total rows skipped", 2) % 2
    check(counts_say(dialog, skipped), f"the preview says “{skipped}”")
    screenshot(args, "import-preview.png")
    mend_cell(dialog, 6, "本年安排", "35000")
    press_import(dialog, frame, 4)
    footer_checks(frame, 4, 16500050, "four imported lines")


def import_again(app, frame, book, args):
    # The mapping is remembered: the mistyped amount is a problem at once.
    dialog = choose_workbook(app, frame, book, 3)
    mapping = find(dialog, "combo box", c_format(_("Field for column %s “%s”"), "E", "本年安排"))
    check(mapping is not None and find(mapping, "label", _("amount")) is not None,
          "the mapping chosen before is remembered for this header")
    left_out = find(dialog, "check box", c_format(_("Import row %u"), 6))
    check(left_out is not None, "row 6 has a check box")
    click(left_out)
    check(wait_for(lambda: counts_say(dialog, ngettext("%u row left out", "%u rows left out", 1) % 1)),
          "row 6 is left out")
    press_import(dialog, frame)
    footer_checks(frame, 3, 13000050, "imported again without row 6")


def paste_with_header(app, frame, clipboard, args):
    clipboard.set(PASTE)
    table = find(frame, "tree table", _("Expenditure Lines"))
    click(find(table, "label", money(12000000)))
    keys("<Control>v")
    dialog = import_dialog(app)
    check(dialog is not None, "a pasted block with a bad cell opens the import preview")
    check(wait_for(lambda: counts_say(dialog, ngettext("%u row with problems", "%u rows with problems", 1) % 1)),
          "the preview shows the pasted row with a problem")
    mend_cell(dialog, 3, "金额", "500")
    screenshot(args, "import-paste.png")
    press_import(dialog, frame)
    footer_checks(frame, 5, 13000050 + 150000, "two pasted lines added")


def test_import(args, env, workdir):
    budget, book = make_budget(args, workdir)
    clipboard = Clipboard()
    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        frame = find_window(app)
        check(frame is not None, "the window opens on the budget")
        show_page(frame, _("Expenditure Lines"))
        import_workbook(app, frame, book, args)
        keys("<Control>z")
        time.sleep(1.5)
        check(find(frame, "label", money(16500050), retry=False) is None, "Ctrl+Z takes the whole import back")
        import_again(app, frame, book, args)
        paste_with_header(app, frame, clipboard, args)
        check_log(proc, "importing")
    finally:
        clipboard.clear()
        stop(proc)


if __name__ == "__main__":
    sys.exit(main(__doc__, test_import, "ok - a workbook and a pasted block are imported through the preview"))
