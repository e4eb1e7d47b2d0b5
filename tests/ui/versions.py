#!/usr/bin/python3
"""Versions and control figures in the window, driven through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session. It builds
the 埇桥区 sample with yusuan-cli and gives it a control figure equal to its
基本支出 from 一般公共预算拨款 (import-sheet --kind controls). In the window:

- the header shows 待分配 0.00;
- the version 一上 is kept with 保存版本 and listed;
- the first line item is raised by 1,000.00 元 in the grid: the header shows
  待分配 -1,000.00 and the 审核 page the error 超出控制数 1,000.00 元;
- 一上 compared with the budget now shows that change by unit and the
  changed line under 变动明细.
"""

import csv
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
from common import (_, c_format, check, check_log, click, find, find_app, find_window,  # noqa: E402
                    grid_cell, keys, label_containing, main, money, press, show_page, start, stop, wait_for)

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "resources", "samples", "yongqiao-2023")


def type_chinese(text):
    # xdotool types what the keyboard map lacks through a key code it remaps.
    common.forget()
    subprocess.run(["xdotool", "type", "--delay", "150", text], check=True)
    time.sleep(0.3)


def basic_fiscal_fen():
    """The sample's 基本支出 from 一般公共预算拨款, in 分."""
    total = 0
    with open(os.path.join(SAMPLE, "lines.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kind"] in ("人员经费", "公用经费") and row["source"] == "一般公共预算拨款" and row["carry_over"] != "是":
                yuan, _, cents = row["amount"].partition(".")
                total += int(yuan) * 100 + int((cents + "00")[:2])
    return total


def test_versions(args, env, workdir):
    budget = os.path.join(workdir, "yongqiao.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, capture_output=True)
    basic = basic_fiscal_fen()
    sheet = os.path.join(workdir, "控制数.csv")
    with open(sheet, "w", encoding="utf-8") as f:
        f.write("单位编码,资金来源,支出类型,控制数\n")
        f.write(f"003001,一般公共预算拨款,基本支出,{basic // 100}.{basic % 100:02d}\n")
    subprocess.run([args.cli, "import-sheet", budget, sheet, "--kind", "controls"], check=True, capture_output=True)

    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        frame = find_window(app)
        check(frame is not None, "the window opens on the sample with its control figure")
        check(find(frame, "label", _("To Allocate (yuan)")) is not None, "the header shows what is left to allocate")
        check(find(frame, "label", money(0)) is not None, "nothing is left: the figure equals the 基本支出")

        # 保存版本: the version 一上.
        show_page(frame, _("Versions"))
        press(find(frame, "push button", _("Keep Version")))
        dialog = wait_for(lambda: next((w for w in app.children if w.name == _("Keep a Version")), None))
        check(dialog is not None, "Keep Version asks for a name")
        entry = find(dialog, "text")
        check(entry is not None, "the dialog has a name field")
        click(entry)
        type_chinese("一上")
        keep = _("_Keep").replace("_", "").split("(")[0]
        button = wait_for(lambda: next(iter(dialog.findChildren(
            lambda n: n.roleName == "push button" and (n.name or "").startswith(keep))), None), timeout=10)
        check(button is not None, "the dialog has its Keep button")
        press(button)
        versions = find(frame, "list", _("Versions"))
        listed = versions is not None and label_containing(versions, "一上", timeout=10) is not None
        if not listed:
            common.screenshot(args, "keep-version.png")
        check(listed, "一上 is listed among the versions")

        # One line item raised by 1,000.00 元 in the grid.
        show_page(frame, _("Expenditure Lines"))
        table = find(frame, "tree table", _("Expenditure Lines"))
        check(table is not None, "the line items are shown")
        amount = wait_for(lambda: grid_cell(table, 0, _("Amount (yuan)")))
        check(amount is not None, "the first line's amount cell is found")
        click(amount)
        common.type_text("2492900")
        keys("Return")
        check(label_containing(frame, money(-100000)) is not None,
              "the header shows 待分配 -1,000.00: the control figure is exceeded")
        show_page(frame, _("Review"))
        excess = label_containing(frame, "超出控制数 1,000.00 元")
        check(excess is not None, "the review lists the error 超出控制数 1,000.00 元"
              + (f": {excess.name}" if excess else ""))

        # 一上 against the budget now.
        show_page(frame, _("Versions"))
        press(find(frame, "push button", _("Compare Versions")))
        summary = label_containing(frame, "一上 → " + _("now"))
        check(summary is not None, "the comparison is shown: " + (summary.name if summary else "nothing"))
        check(summary is not None and money(100000) in summary.name and "1 " in summary.name,
              "its summary gives the change of 1,000.00 and one changed record")
        check(find(frame, "label", "003001") is not None and find(frame, "label", money(100000)) is not None,
              "by unit: 003001 changed by 1,000.00")
        common.screenshot(args, "versions.png")
        tab = wait_for(lambda: next(iter(frame.findChildren(
            lambda n: n.name == _("Changed Records") and n.roleName != "label")), None), timeout=10)
        check(tab is not None, "the report has its Changed Records tab")
        press(tab)
        field = c_format("%s: %s → %s", _("amount"), "2491900.00", "2492900.00")
        check(label_containing(frame, field, timeout=10) is not None, f"the changed line is listed: “{field}”")
        check_log(proc, "versions and control figures")
    finally:
        stop(proc)


if __name__ == "__main__":
    sys.exit(main(__doc__, test_versions, "ok - a version kept, compared, and a control figure exceeded"))
