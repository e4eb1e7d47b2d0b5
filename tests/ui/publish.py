#!/usr/bin/python3
"""The published document in the window, driven through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session. On the
埇桥区 sample it checks that:

- the 概览 page shows the four charts, each an image whose accessible
  description gives its figures: shares adding up to 100.00 %, the 功能分类
  chart adding up to the budget's expenditure (yusuan-cli summary);
- text typed at the end of 主要职责 on the 概况 page is saved in the budget
  as one undo step, Ctrl+Z takes it out again and Ctrl+Shift+Z puts it
  back, and the file holds it afterwards;
- 导出公开文件 (Ctrl+Shift+E) asks first while 错误 findings remain and
  writes a PDF holding the four parts and the typed text;
- Ctrl+P on the 报表 page prints the table shown, and only it. Printing goes
  to a PDF file through GtkPrintOperation's export (YUSUAN_PRINT_TO_FILE),
  as GTK's print dialog has no printer to offer in a private X server.
"""

import csv
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
from common import (_, c_format, check, check_log, click, find, find_app, find_notice,  # noqa: E402
                    find_window, is_enabled, main, screenshot, show_page, start, stop, wait_for)

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "resources", "samples", "yongqiao-2023")
TYPED = "（十三）完成测试交办事项。"


def key(*names):
    common.forget()
    subprocess.run(["xdotool", "key", "--delay", "60", *names], check=True)
    time.sleep(0.3)


def type_text(text):
    # A character the keyboard map lacks is typed through a remapped key: slowly.
    common.forget()
    subprocess.run(["xdotool", "type", "--delay", "150", text], check=True)
    time.sleep(0.2)


def meta(args, budget, workdir, name):
    """A setting of the budget file; only once the window has let it go."""
    out = os.path.join(workdir, "dump")
    subprocess.run([args.cli, "dump", budget, out], check=True, capture_output=True)
    with open(os.path.join(out, "document.csv"), encoding="utf-8-sig") as f:
        return {row[0]: row[1] for row in csv.reader(f) if len(row) >= 2}.get(name)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True,
                          text=True).stdout


def check_charts(args, summary, frame):
    show_page(frame, _("Charts"))
    box = find(frame, "panel", _("Charts"))
    check(box is not None, "the Charts page is there")
    # The charts are the images described by their own title and figures.
    charts = wait_for(lambda: [n for n in box.findChildren(lambda n: n.roleName == "image")
                               if n.name and n.description.startswith(n.name + "：")] or None)
    check(charts is not None and len(charts) == 4, f"the Charts page shows four charts ({len(charts or [])})")
    described = {c.name: c.description for c in charts}
    for title, text in described.items():
        check(text.startswith(title + "："), f"“{title}” is described by its figures: {text}")
    shares = [text for text in described.values() if "占" in text]
    check(len(shares) == 3, "three charts give shares")
    for text in shares:
        total = sum(float(s) for s in re.findall(r"占([0-9.]+)%", text))
        check(abs(total - 100.0) < 0.001, f"the shares add up to 100.00 %: {total:.2f} in {text}")
    function = next(t for t in described.values() if "功能分类" in t)
    items = re.findall(r"([0-9,]+\.[0-9]{2})万元", function)
    fen = sum(round(float(x.replace(",", "")) * 1000000) for x in items)
    # Each item is rounded to 0.01 万元, 100 元: half of it, 5,000 分, at most.
    check(abs(fen - summary["expenditure_total"]) <= 5000 * len(items),
          f"the 功能分类 chart adds up to the expenditure {summary['expenditure_total']} 分: {fen}")
    check(any("上年" in t for t in described.values()), "one chart compares with last year")
    screenshot(args, "charts.png")


def check_overview(args, frame, duties):
    # The window holds the file exclusively: the document's undo step shows
    # that the text is saved, the PDF and the file afterwards what.
    show_page(frame, _("Overview"))
    check(find(frame, "text", _("Other Important Matters")) is not None,
          "the Overview page has a text labelled “%s”" % _("Other Important Matters"))
    text = find(frame, "text", _("Main Duties"))
    check(text is not None, "and one labelled “%s”" % _("Main Duties"))
    check(text.text == duties, "主要职责 shows the budget's text")
    undo = find(frame, "push button", _("Undo"))
    check(not is_enabled(undo), "nothing to undo in the budget just opened")
    click(text)
    key("ctrl+End", "Return")
    type_text(TYPED)
    check(wait_for(lambda: is_enabled(undo) or None) is not None,
          "the typed text is saved as a change of the budget once typing pauses")
    check(text.text == duties + "\n" + TYPED, "the text is typed as a paragraph of its own at its end")
    screenshot(args, "overview.png")
    key("ctrl+z")
    check(wait_for(lambda: text.text == duties or None) is not None, "Ctrl+Z takes the typed text out")
    check(not is_enabled(undo), "and the budget has nothing left to undo")
    key("ctrl+shift+z")
    check(wait_for(lambda: text.text == duties + "\n" + TYPED or None) is not None, "Ctrl+Shift+Z puts it back")


def check_export(args, workdir, app, frame):
    out = os.path.join(workdir, "公开.pdf")
    windows = len(app.children)
    key("ctrl+shift+e")
    # The question is a window of its own beside the budget's; its mnemonic
    # answers it.
    check(wait_for(lambda: len(app.children) > windows or None) is not None,
          "exporting asks first while error findings remain")
    key("alt+a")
    chooser = wait_for(lambda: next((w for w in app.children if w.name == _("Export Published Document")), None))
    check(chooser is not None, "then asks where to write the document")
    key("ctrl+a")
    subprocess.run(["xdotool", "type", "--delay", "150", out], check=True)
    key("Return")
    name = os.path.basename(out)
    toasts = (c_format(_("Exported “%s”"), name), c_format(_("Exported “%s”; some sections say a fact is missing"), name))
    check(find_notice(frame, toasts, timeout=90) is not None, f"a notice says “{toasts[0]}”")
    check(os.path.getsize(out) > 0, "the PDF is written")
    text = pdf_text(out)
    for part in ("第一部分", "第二部分", "第三部分", "第四部分", TYPED):
        check(part in text, f"the PDF holds “{part}”")


def check_print(args, workdir, frame, printed):
    show_page(frame, _("Reports"))
    title = "2023年部门财政拨款收支预算总表"
    check(wait_for(lambda: find(frame, "label", title, retry=False)) is not None,
          "the Reports page shows the first table")
    key("ctrl+p")
    check(wait_for(lambda: os.path.exists(printed) and os.path.getsize(printed) > 0 or None, timeout=60)
          is not None, "Ctrl+P prints the table to the PDF file")
    time.sleep(1.0)
    text = pdf_text(printed)
    check("部门财政拨款收支预算总表" in text, "the printed pages hold the table's title")
    check("第一部分" not in text and "一般公共预算支出预算表" not in text,
          "and nothing but the table shown")


def test_publish(args, env, workdir):
    budget = os.path.join(workdir, "yongqiao.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, capture_output=True)
    duties = meta(args, budget, workdir, "overview_duties")
    check(duties, "the sample has its 主要职责")
    summary = json.loads(subprocess.run([args.cli, "summary", "--json", budget], check=True,
                                        capture_output=True, text=True).stdout)
    printed = os.path.join(workdir, "printed.pdf")
    env = dict(env, YUSUAN_PRINT_TO_FILE=printed)
    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        frame = find_window(app)
        check(frame is not None, "the window opens on the sample")
        try:
            check_charts(args, summary, frame)
            check_overview(args, frame, duties)
            check_export(args, workdir, app, frame)
            check_print(args, workdir, frame, printed)
        except Exception:
            # The tree is not dumped: with the sample's findings it takes minutes.
            screenshot(args, "failure.png")
            raise
        check_log(proc, "the published document")
    finally:
        stop(proc)
    check(meta(args, budget, workdir, "overview_duties") == duties + "\n" + TYPED, "the typed text is in the budget file")


if __name__ == "__main__":
    sys.exit(main(__doc__, test_publish,
                  "ok - charts, the overview typed and undone, the document exported and printed"))
