#!/usr/bin/python3
"""A budget from start to export, driven through AT-SPI as a person would.

Run by run-ui-test.sh inside a private X server and D-Bus session, with
the helpers of common.py. It:

- creates a budget with `yusuan-cli new` and imports a unit, its income and
  a project with its goals (the unit and project forms are not in the
  window yet), then opens the budget in yusuan;
- types three expenditure line items into the grid of the Expenditure
  Lines page, and checks the header totals;
- moves a 项目支出 line under 2010301 行政运行: the error appears in the
  findings panel and in the header count as it is typed;
- writes an explanation (说明) on a warning on the Review page, and checks
  in reviewer mode that an error cannot be accepted;
- goes from the error to the cell it names, types the line back under
  2010302 there and leaves for the Review page while the suggestions are
  open: the error goes, and the grid still describes its lines;
- previews the tables on the Reports page and exports the workbook;
- checks that yusuan logged no critical warning, quits, and checks the
  workbook's figures with openpyxl and the saved explanation with
  `yusuan-cli dump`.

With --screenshots it saves review.png, review-panel.png, reports.png,
preferences.png and, when the Projects page holds the goal editor,
goals.png. Exits 0 when all pass, 1 on the first failure, 77 when it
cannot run here.
"""

import csv
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
from common import named, press  # noqa: E402
from common import (Failure, C_, _, c_format, cell_text, check, check_log, find, find_all,  # noqa: E402
                    find_app, find_first, find_notice, find_window, grid_cell, grid_rows, ngettext, start, stop, wait_for)


def counts(errors, warnings):
    """ys_findings_describe_counts (), the findings button's accessible name."""
    return c_format(_("%1$s, %2$s"),
                    ngettext("%u error", "%u errors", errors) % errors,
                    ngettext("%u warning", "%u warnings", warnings) % warnings)


def key(*keys):
    common.forget()
    subprocess.run(["xdotool", "key", "--delay", "60", *keys], check=True)
    time.sleep(0.15)


def type_text(text):
    # xdotool types a character the keyboard map lacks (Chinese) through a
    # spare key code it remaps: slowly, or some are lost.
    delay = "40" if text.isascii() else "150"
    common.forget()
    subprocess.run(["xdotool", "type", "--delay", delay, text], check=True)
    time.sleep(0.2)


def click(node):
    common.click(node, pause=0.3)


def screenshot(args, name, window=None):
    if not args.screenshots:
        return
    # No tooltip or hover in the picture.
    subprocess.run(["xdotool", "mousemove", "1279", "799"], check=False)
    try:
        # The window, or else the screen with its black surroundings cut
        # off: the window and any dialog over it.
        common.screenshot(args, name, trim=True, window=window)
    finally:
        # Back over the window's title: without a window manager the keyboard
        # follows the pointer.
        subprocess.run(["xdotool", "mousemove", "560", "20"], check=False)


def findings_button(frame, errors, warnings):
    name = counts(errors, warnings)
    return wait_for(lambda: find(frame, "toggle button", name, retry=False)
                    or find(frame, "push button", name, retry=False), timeout=10)


def toggle(frame, name):
    return named(frame, ("toggle button", "push button"), name)


def current_counts(frame):
    """(errors, warnings) as the header's findings button says them, or None."""
    def numbers(node):
        return [int(n) for n in re.findall(r"\d+", node.name or "")]

    button = find_first(frame, lambda n: n.roleName in ("toggle button", "push button")
                        and len(numbers(n)) == 2 and n.name == counts(*numbers(n)))
    return tuple(numbers(button)) if button is not None else None


def dump(node):
    """The accessible tree, with no more than a few rows of each table."""
    common.dump(node, rows=6)


def lines_table(frame):
    return find(frame, "tree table", _("Expenditure Lines"))


class Grid:
    """The cells of the lines grid, found over AT-SPI by their row and the
    title of their column, and typed over as an accountant would."""

    def __init__(self, table):
        self.table = table

    def cell(self, row, title):
        cell = wait_for(lambda: grid_cell(self.table, row, title), timeout=10)
        if cell is None:
            raise Failure(f"the grid has no cell in line {row + 1} under “{title}”")
        return cell

    def type_into(self, row, title, text):
        """Types @text over the cell, leaving the editor open."""
        click(self.cell(row, title))
        type_text(text)
        time.sleep(0.2)  # the completion, if any, catches up

    def edit(self, row, title, text):
        self.type_into(row, title, text)
        key("Tab")
        time.sleep(0.2)


def add_line(frame, grid, n, func, econ, kind, amount):
    """Adds line @n with the Add Line button and types its cells as an
    accountant would, each typed over and left with Tab."""
    add = (find(frame, "push button", _("Add Line"), retry=False)
           or find(frame, "push button", _("Add First Line")))
    press(add)
    if n == 1:
        check(wait_for(lambda: grid_rows(grid.table)), "the grid shows its first line")
    grid.edit(n - 1, _("Function Classification"), func)
    grid.edit(n - 1, _("Economic Classification"), econ)
    grid.edit(n - 1, _("Expenditure Type"), kind)
    grid.edit(n - 1, _("Amount (yuan)"), amount)
    count = ngettext("%u line item", "%u line items", n) % n
    check(wait_for(lambda: find(frame, "label", count, retry=False)) is not None,
          f"the line {func} {econ} {kind} {amount} is saved")


def prepare(args, workdir):
    budget = os.path.join(workdir, "journey.yusuan")
    subprocess.run([args.cli, "new", "--dept-code", "901", "--dept-name", "测试局", "--year", "2023",
                    "--region", "anhui", budget], check=True)
    data = os.path.join(workdir, "import")
    os.makedirs(data)
    tables = {
        # Settings come from `new`; an interchange directory always has its document.csv.
        "document.csv": [["key", "value"]],
        "units.csv": [
            ["code", "name", "unit_type", "funding", "grade", "role", "headcount", "staff",
             "retirees", "vehicles", "note"],
            ["901001", "测试局本级", "行政单位", "财政拨款", "", "本级", "10", "10", "0", "0", ""],
        ],
        "income.csv": [
            ["unit_code", "func_code", "source", "sub_source", "carry_over", "amount", "note"],
            ["901001", "", "一般公共预算拨款", "经常收入拨款", "否", "170000.00", ""],
        ],
        "projects.csv": [
            ["code", "name", "unit_code", "status", "recurrence", "category", "period", "executor",
             "annual_local", "period_local", "period_goal", "annual_goal"],
            ["P01", "政务服务平台运行维护", "901001", "延续", "经常性", "运转类", "2023年", "测试局本级",
             "50000.00", "50000.00", "保障政务服务平台全年稳定运行。", "保障政务服务平台全年稳定运行。"],
        ],
        "indicators.csv": [
            ["project_code", "goal_set", "seq", "level1", "level2", "name", "operator", "value",
             "measure", "basis"],
            ["P01", "实施期", "1", "产出指标", "数量指标", "维护系统数量", "=", "3", "个", "计划标准"],
            ["P01", "实施期", "2", "产出指标", "质量指标", "系统正常运行率", "≥", "99", "%", "行业标准"],
            ["P01", "实施期", "3", "产出指标", "时效指标", "故障响应时间", "≤", "2", "小时", "行业标准"],
            ["P01", "实施期", "4", "产出指标", "成本指标", "运维成本", "≤", "5", "万元", "计划标准"],
            ["P01", "实施期", "5", "效益指标", "社会效益指标", "平台可用时长", "≥", "8760", "小时",
             "计划标准"],
            ["P01", "实施期", "6", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "95", "%",
             "行业标准"],
            ["P01", "年度", "1", "产出指标", "数量指标", "维护系统数量", "=", "3", "个", "计划标准"],
            ["P01", "年度", "2", "产出指标", "质量指标", "系统正常运行率", "≥", "99", "%", "行业标准"],
            ["P01", "年度", "3", "产出指标", "时效指标", "故障响应时间", "≤", "2", "小时", "行业标准"],
            ["P01", "年度", "4", "产出指标", "成本指标", "运维成本", "≤", "5", "万元", "计划标准"],
            # Unmeasurable wording: the warning the accountant explains.
            ["P01", "年度", "5", "效益指标", "社会效益指标", "群众办事便利程度", "定性", "显著提高", "",
             "计划标准"],
            ["P01", "年度", "6", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "95", "%",
             "行业标准"],
        ],
    }
    for name, rows in tables.items():
        with open(os.path.join(data, name), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    subprocess.run([args.cli, "import", budget, data], check=True)
    return budget


def dump_csv(args, budget, workdir, name):
    out = os.path.join(workdir, "dump-" + name)
    subprocess.run([args.cli, "dump", budget, out], check=True, capture_output=True)
    with open(os.path.join(out, name), encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def check_workbook(path):
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    wanted = "一般公共预算支出预算表"
    for sheet in book.worksheets:
        texts = [str(c.value) for row in sheet.iter_rows(max_row=3) for c in row if c.value]
        if not any(wanted in t and "基本" not in t for t in texts):
            continue
        for row in sheet.iter_rows():
            values = [c.value for c in row]
            figures = [v for v in values if isinstance(v, (int, float))]
            # The 合计 row, not the 合计 column's heading.
            if "合计" in values and figures:
                check(figures[:3] == [17.0, 12.0, 5.0],
                      f"the workbook's {wanted} totals 17.00 = 12.00 basic + 5.00 project (万元): {figures}")
                return
        raise Failure(f"the workbook's {wanted} has no 合计 row")
    raise Failure(f"the workbook has no sheet “{wanted}”: {book.sheetnames}")


def journey(args, env, workdir):
    budget = prepare(args, workdir)
    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        title = c_format(_("%1$s %2$d Budget"), "测试局", 2023)
        frame = find_window(app, title)
        check(frame is not None, f"the budget opens, titled “{title}”")
        try:
            run(args, app, frame, proc, budget, workdir)
        except Failure:
            screenshot(args, "failure.png")
            dump(app)
            raise
    finally:
        stop(proc)

    # After quitting: what was saved.
    reviews = dump_csv(args, budget, workdir, "reviews.csv")
    check(any(r["explanation"] == EXPLANATION for r in reviews),
          "the explanation is saved in the budget file")
    lines = dump_csv(args, budget, workdir, "lines.csv")
    check(sorted(l["amount"] for l in lines) == ["100000.00", "20000.00", "50000.00"],
          "the three typed line items are saved with their amounts")
    check_workbook(os.path.join(workdir, EXPORTED))


EXPLANATION = "按上级文件的表述填报，年度自评时以办件时长量化。"
EXPORTED = ""


def run(args, app, frame, proc, budget, workdir):
    global EXPORTED

    sidebar = find(frame, "list", _("Pages"))
    check(sidebar is not None, "the sidebar is labelled")

    # 1. Three line items, typed.
    click(find(sidebar, "label", _("Expenditure Lines")))
    table = lines_table(frame)
    check(table is not None, "the Expenditure Lines page shows its grid")
    grid = Grid(table)
    add_line(frame, grid, 1, "2010301", "30101", "人员经费", "100000")
    add_line(frame, grid, 2, "2010301", "30201", "公用经费", "20000")
    add_line(frame, grid, 3, "2010302", "30227", "项目支出", "50000")
    # Its project last, by its code: the cell shows its name.
    grid.edit(2, _("Project"), "P01")
    check(wait_for(lambda: len(find_all(frame, "label", common.money(17000000))) >= 2),
          "the header and footer show the total 170,000.00")

    # 2. The findings, live.
    shown = wait_for(lambda: current_counts(frame))
    check(shown is not None, "the header shows the counts of errors and warnings")
    # The last edit (the project) may still be on its way on a loaded machine.
    shown = wait_for(lambda: (c := current_counts(frame)) and c[0] == 0 and c, timeout=10) or current_counts(frame)
    errors, warnings = shown
    check(errors == 0, f"the budget as typed has no error ({errors})")
    check(warnings >= 1, f"the vague indicator value gives a warning ({warnings})")
    button = findings_button(frame, errors, warnings)
    check(button is not None, f"the findings button is named “{counts(errors, warnings)}”")
    press(button)
    panel_title = find(frame, "label", _("Findings"))
    check(panel_title is not None, "the findings panel opens")

    # 3. A rule broken as it is typed: 项目支出 under 2010301 行政运行.
    def r07_labels(node):
        """[the first label of the finding], or []."""
        found = find_first(node, lambda n: n.roleName == "label"
                           and "2010301" in (n.name or "") and "P01" in (n.name or ""))
        return [found] if found is not None else []

    grid.edit(2, _("Function Classification"), "2010301")
    check(wait_for(lambda: current_counts(frame) == (errors + 1, warnings), timeout=10),
          f"an error appears in the header count: {current_counts(frame)}")
    check(wait_for(lambda: r07_labels(frame)), "the findings panel lists the 项目支出 line under 2010301 行政运行")
    screenshot(args, "review-panel.png")
    press(find(frame, "push button", _("Hide Findings")))

    # 4. The Review page: the reviewer cannot accept an error; the accountant
    # explains the warning.
    click(find(sidebar, "label", _("Review")))
    findings = find(frame, "list", _("Findings"))
    check(findings is not None, "the Review page lists the findings")
    check(common.enter_reviewer_mode(app, frame, "Li Shen") is not None,
          "reviewer mode asks for the reviewer's name")
    check(find(findings, "label", C_("review status", "Pending")) is not None,
          "reviewer mode shows each finding's review status")
    error = wait_for(lambda: r07_labels(findings))
    check(error, "the Review page lists the error")
    click(error[0])
    press(toggle(frame, C_("review status", "Accepted")))
    press(find(frame, "push button", _("Save Decision")))
    refusal = _("“%s” is an error and cannot be accepted: the budget must be corrected before it is submitted")
    tail = refusal.split("%s")[-1]
    check(wait_for(lambda: find_first(frame, lambda n: n.roleName == "label" and tail in (n.name or ""))),
          "accepting an error is refused with the validator's reason")

    # The explanation is the accountant's: written outside reviewer mode.
    press(toggle(frame, _("Reviewer Mode")))
    vague = wait_for(lambda: [n for n in [find_first(findings, lambda n: n.roleName == "label"
                                                        and "显著提高" in (n.name or ""))] if n])
    check(vague, "the Review page lists the warning on “显著提高”")
    click(vague[0])
    view = named(frame, ("text", "entry", "paragraph"), _("Explanation"))
    check(view is not None, "the explanation can be typed beside the finding")
    click(view)
    type_text(EXPLANATION)
    press(find(frame, "push button", _("Save Explanation")))
    explained = c_format(_("Explanation: %s"), EXPLANATION)
    check(wait_for(lambda: find(findings, "label", explained, retry=False)) is not None,
          "the list shows the explanation under the warning")
    screenshot(args, "review.png")

    # The error goes once the line is corrected where the finding leads: Go
    # to focuses the very cell. What is typed there is kept when the
    # accountant leaves for another page with the suggestions still open,
    # as in a spreadsheet.
    error = wait_for(lambda: r07_labels(findings))
    check(error, "the Review page still lists the error")
    click(error[0])
    press(named(frame, ("push button",), _("Go to")))

    def on_error_cell():
        focus = common.focused_cell(table)
        return focus if focus and focus[1] == _("Function Classification") and "项目支出" in focus[2] else None
    focus = wait_for(on_error_cell, timeout=10)
    check(focus is not None, f"Go to focuses the 项目支出 line's “{_('Function Classification')}” cell"
          + ("" if focus else f" (the focus is on {common.focused_cell(table)})"))
    type_text("2010302")
    check(find(frame, "list", _("Suggestions")) is not None, "typing over the cell shows suggestions")
    click(find(sidebar, "label", _("Review")))
    check(wait_for(lambda: current_counts(frame) == (errors, warnings), timeout=10),
          "the error goes when the line is moved back")
    check(wait_for(lambda: not r07_labels(findings)), "the Review page no longer lists it")
    check_log(proc, "leaving a cell being typed in for another page")

    def corrected():
        return [row for row in grid_rows(table)
                if "项目支出" in [cell_text(c) for c in row]
                and any(cell_text(c).startswith("2010302 ") for c in row)]
    click(find(sidebar, "label", _("Expenditure Lines")))
    check(wait_for(corrected), "the grid still describes its lines, the corrected one under 2010302")

    # 5. The tables, previewed and exported.
    click(find(sidebar, "label", _("Reports")))
    check(wait_for(lambda: find(frame, "label", "2023年部门财政拨款收支预算总表", retry=False)) is not None,
          "the Reports page previews the first table of the 安徽 layout")
    check(wait_for(lambda: find(frame, "label", "17.00", retry=False)) is not None,
          "the preview shows the total in 万元")
    screenshot(args, "reports.png")

    windows = len(app.children)
    press(find(frame, "push button", _("Export Tables")))
    # The workbook is for publication: while error findings remain it asks first.
    # (a window of its own; its mnemonic answers it).
    if wait_for(lambda: len(app.children) > windows or None, timeout=5) is not None:
        key("alt+a")
    # The chooser's accept button, "_Export" as it shows with its mnemonic.
    accept = named(app, ("push button", "label"), _("_Export").replace("_", ""))
    check(accept is not None, "Export asks where to save the workbook")
    EXPORTED = c_format(_("%1$s %2$d Budget Tables"), "测试局", 2023).strip() + ".xlsx"
    # The chooser opens beside the budget with the name filled in.
    key("ctrl+a")
    type_text(os.path.join(workdir, EXPORTED))
    key("Return")
    toast = c_format(_("Exported “%s”"), EXPORTED)
    check(find_notice(frame, toast, timeout=60) is not None,
          f"a notice says “{toast}”")
    check(os.path.exists(os.path.join(workdir, EXPORTED)), "the workbook is written")
    check(named(app, ("push button", "label"), _("Open Folder")) is not None,
          "the notice offers to open the folder")

    # 6. The goal editor, in the Projects page.
    click(find(sidebar, "label", _("Projects and Performance Goals")))
    project = find(frame, "label", "政务服务平台运行维护")
    check(project is not None, "the Projects page lists the project")
    click(project)
    tab = named(frame, ("toggle button", "push button", "radio button", "page tab"), _("Performance Goals"))
    check(tab is not None, "the project has a Performance Goals tab")
    press(tab)
    check(wait_for(lambda: find(frame, "label", _("Annual Goals"), retry=False)) is not None,
          "the goal editor shows the project's annual goals")
    check(wait_for(lambda: find(frame, "label", "群众办事便利程度", retry=False)
                   or named(frame, ("text",), _("Level-3 Indicator"), timeout=2)) is not None,
          "the goal editor lists the indicators")
    screenshot(args, "goals.png")

    # 7. Preferences, from the keyboard.
    key("ctrl+comma")
    prefs = wait_for(lambda: find(app, "label", _("Default Table Layout"), retry=False), timeout=10)
    check(prefs is not None, "Ctrl+, opens the preferences")
    screenshot(args, "preferences.png", window=_("Preferences"))
    # The keyboard follows the pointer: into the preferences, which open at 0,0.
    subprocess.run(["xdotool", "mousemove", "200", "200"], check=True)
    key("Escape")
    check(wait_for(lambda: find(app, "label", _("Default Table Layout"), retry=False) is None, timeout=5),
          "Escape closes the preferences")

    # 8. Quit: every edit is saved already.
    key("ctrl+q")
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        raise Failure("Ctrl+Q did not quit")
    check(proc.returncode == 0, "yusuan quits cleanly")
    check_log(proc, "the whole journey")


def main():
    try:
        import openpyxl  # noqa: F401 (checked here, used after the window quits)
    except ImportError:
        print("openpyxl is not installed (python3-openpyxl); skipping")
        return 77
    for tool in ("xdotool", "import"):
        if subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True).returncode != 0:
            print(f"{tool} is not installed; skipping")
            return 77
    return common.main(__doc__.splitlines()[0], journey, "the journey passed")


if __name__ == "__main__":
    sys.exit(main())
