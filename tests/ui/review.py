#!/usr/bin/python3
"""Reviewing a budget where one rule fires nineteen times alike.

Run by run-ui-test.sh inside a private X server and D-Bus session. It makes
a budget with yusuan-cli whose nineteen 绩效工资 lines carry a 505 government
code in a government body (R10, nineteen warnings with one message) and one
项目支出 line under 行政运行 (R07, an error), opens it and checks:

- the error's row in the 支出明细 grid is marked, its cells described with
  the message;
- with the findings panel open at the window's first size, the amount of
  支出明细, 政府采购 and 政府购买服务 stays whole and in sight, every column
  title reads whole (on two lines where it must), every code shows whole,
  and a column the user widened keeps its width as the panel opens and
  closes;
- the 审核 page lists the nineteen as one row that says so;
- reviewer mode is entered through a question that asks for the reviewer's
  name, and the explanation is then read-only;
- one decision accepts all nineteen;
- after the window quits, `yusuan-cli validate --json` reads nineteen
  acceptances with the reviewer's name and a time of this run, and the
  审核结果 workbook (`validate --xlsx`) has both in its 审核人 and 审核时间
  columns.

Exits 0 when all pass, 1 on the first failure, 77 when it cannot run here.
"""

import csv
import datetime
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
from common import (Failure, C_, _, c_format, check, check_log, click, dump, find, find_all,  # noqa: E402
                    find_app, find_window, named, ngettext, press, screenshot, show_page, start, stop, wait_for)

REVIEWER = "Zhang Shen"
N_ALIKE = 19


def make_budget(args, workdir):
    """New budget, then an interchange directory with the lines read into it."""
    budget = os.path.join(workdir, "review.yusuan")
    src = os.path.join(workdir, "in")
    subprocess.run([args.cli, "new", budget, "--dept-name", "审核测试局", "--year", "2023",
                    "--region", "anhui"], check=True, capture_output=True)
    subprocess.run([args.cli, "dump", budget, src], check=True, capture_output=True)
    with open(os.path.join(src, "units.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["code", "name", "unit_type", "funding", "role"],
                                 ["103001", "审核测试局本级", "行政单位", "财政拨款", "本级"]])
    with open(os.path.join(src, "projects.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["code", "name", "unit_code"], ["P01", "信息化运维", "103001"]])
    rows = [["unit_code", "func_code", "econ_code", "gov_econ_code", "kind", "project_code", "source", "amount"]]
    rows += [["103001", "2010301", "30107", "50501", "人员经费", "", "一般公共预算拨款", f"{1000 + i}.00"]
             for i in range(N_ALIKE)]
    rows.append(["103001", "2010301", "30201", "", "项目支出", "P01", "一般公共预算拨款", "3000.00"])
    with open(os.path.join(src, "lines.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    # One row on each of the two pages with the most columns before their amount.
    with open(os.path.join(src, "procurement.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["unit_code", "project_code", "item_name", "catalog_code", "source", "measure",
                                  "quantity", "unit_price", "amount", "sme_reserved", "note"],
                                 ["103001", "P01", "计算机", "A02010104", "一般公共预算拨款", "台", "1", "3000.00",
                                  "3000.00", "0.00", ""]])
    with open(os.path.join(src, "services.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["unit_code", "project_code", "cat1_code", "cat1_name", "cat2_code", "cat2_name",
                                  "cat3_code", "cat3_name", "content", "quantity", "source", "amount"],
                                 ["103001", "P01", "A", "基本公共服务", "A05", "公共安全", "A0501", "公共安全服务",
                                  "网站运行维护服务", "1", "一般公共预算拨款", "3000.00"]])
    os.unlink(budget)
    subprocess.run([args.cli, "new", budget, "--dept-name", "审核测试局", "--year", "2023",
                    "--region", "anhui"], check=True, capture_output=True)
    subprocess.run([args.cli, "import", budget, src], check=True, capture_output=True)
    return budget


def header_boxes(table):
    """Each column title of a grid: its name and the x, y, width, height of
    what holds it (inside the header's padding, so that the column's edge is
    halfway between one and the next)."""
    for row in common.table_rows(table):
        try:
            if any(c.roleName == "table cell" for c in row.children):
                continue
            return [((find_all(t, "label") or [t])[0].name, *t.position, *t.size) for t in row.children]
        except Exception:  # a row may vanish while read
            pass
    return []


def column_width(table, title):
    return next((w for name, _x, _y, w, _h in header_boxes(table) if name == title), None)


def window_margin(frame):
    """How far inside its X window (at 0,0 in the private X server) the
    window's own coordinates start, which are the ones GTK 4 tells: the X
    window keeps a margin round the window for its shadow."""
    ids = subprocess.run(["xdotool", "search", "--name", frame.name], capture_output=True, text=True).stdout.split()
    for line in subprocess.run(["xdotool", "getwindowgeometry", ids[-1]], capture_output=True,
                               text=True).stdout.splitlines() if ids else []:
        if "Geometry:" in line:
            width, height = (int(v) for v in line.split()[-1].split("x"))
            return (width - frame.size[0]) // 2, (height - frame.size[1]) // 2
    return 0, 0


def widen(frame, table, title, by):
    """Drags the right edge of the column titled @title @by pixels right."""
    boxes = header_boxes(table)
    i = [b[0] for b in boxes].index(title)
    _name, x, y, w, h = boxes[i]
    dx, dy = window_margin(frame)
    edge, y = dx + (x + w + boxes[i + 1][1]) // 2, dy + y + h // 2
    subprocess.run(["xdotool", "mousemove", str(edge), str(y), "mousedown", "1"], check=True)
    for step in range(1, 9):
        subprocess.run(["xdotool", "mousemove", str(edge + by * step // 8), str(y)], check=True)
        time.sleep(0.05)
    subprocess.run(["xdotool", "mouseup", "1"], check=True)
    time.sleep(0.5)


def text_width(env, text, cache={}):
    """The width in pixels GTK lays @text out in, in the window's font: measured
    by GTK itself, in the settings the window runs with."""
    if text not in cache:
        code = ("import sys, gi; gi.require_version('Gtk', '4.0'); from gi.repository import Gtk; Gtk.init(); "
                "print(Gtk.Label().create_pango_layout(sys.argv[1]).get_pixel_size()[0])")
        out = subprocess.run([sys.executable, "-c", code, text], env=env, capture_output=True, text=True, check=True)
        cache[text] = int(out.stdout.split()[-1])
    return cache[text]


def findings_json(args, budget):
    out = subprocess.run([args.cli, "validate", "--json", budget], capture_output=True, text=True)
    return json.loads(out.stdout)["findings"]


def review(args, env, workdir):
    budget = make_budget(args, workdir)
    findings_json_before = findings_json(args, budget)
    alike = [f for f in findings_json_before if f["rule"] == "R10"]
    check(len(alike) == N_ALIKE and len({f["message"] for f in alike}) == 1,
          f"the budget has {N_ALIKE} R10 warnings with one message ({len(alike)})")
    started = datetime.datetime.now(datetime.timezone.utc)

    proc = start(args, env, budget)
    app = find_app(proc)
    frame = find_window(app)
    try:
        check(frame is not None, "the budget opens in a window")

        # The error's row in the grid: marked, its message told.
        show_page(frame, _("Expenditure Lines"))
        lines = wait_for(lambda: find(frame, "tree table", _("Expenditure Lines"), retry=False))
        check(lines is not None, "the Expenditure Lines page shows its table")
        error = C_("finding level", "Error")
        marked = wait_for(lambda: [c for c in find_all(lines)
                                   if (c.description or "").startswith(error) and "2010301" in c.description])
        check(marked, f"the 项目支出 line under 2010301 is marked, its cells described as “{error}: …”")
        screenshot(args, "review-grid.png")

        # A column the user widens keeps that width, panel or not.
        econ = _("Economic Classification")
        before = column_width(lines, econ)
        widen(frame, lines, econ, 40)
        widened = wait_for(lambda: (column_width(lines, econ) or 0) >= before + 30 and column_width(lines, econ),
                           timeout=5)
        check(widened, f"the “{econ}” column is widened by dragging its edge: {before} → {column_width(lines, econ)} px")

        # With the findings panel open, at the window's first size, the
        # amount column of every table page stays in sight and whole: on
        # 支出明细 the columns before it give up width, on 政府购买服务
        # (eleven columns before it) the grid also scrolls to it.
        levels = [f["level"] for f in findings_json_before]
        name = c_format(_("%1$s, %2$s"),
                        ngettext("%u error", "%u errors", levels.count("error")) % levels.count("error"),
                        ngettext("%u warning", "%u warnings", levels.count("warning")) % levels.count("warning"))
        button = wait_for(lambda: find(frame, "toggle button", name, retry=False)
                          or find(frame, "push button", name, retry=False), timeout=10)
        check(button is not None, f"the header's findings button is named “{name}”")
        press(button)
        panel_title = find(frame, "label", _("Findings"))
        check(panel_title is not None, "the findings panel opens")
        kinds = {"Government Procurement": "procurement", "Purchased Services": "services"}
        codes = {"Expenditure Lines": ("103001", "2010301", "30107"), "Government Procurement": ("103001", "A02010104"),
                 "Purchased Services": ("103001", "A0501")}
        for page in ("Expenditure Lines", "Government Procurement", "Purchased Services"):
            show_page(frame, _(page))
            table = wait_for(lambda: find(frame, "tree table", _(page), retry=False))
            check(table is not None, f"the {_(page)} page shows its table")
            left, right = table.position[0], table.position[0] + table.size[0]
            check(0 < right <= panel_title.position[0], f"the {_(page)} table ends left of the panel")

            def amount_in_sight():
                amount = find(table, "label", _("Amount (yuan)"), retry=False)
                # The title ends 6 px before its column's right edge: at
                # least 5 of them in sight.
                return amount if amount and left <= amount.position[0] \
                    and amount.position[0] + amount.size[0] + 5 <= right else None
            amount = wait_for(amount_in_sight, timeout=5)
            if amount is None:
                amount = find(table, "label", _("Amount (yuan)"))
                screenshot(args, "failure.png")
            check(amount_in_sight() is not None,
                  f"the {_(page)} “{_('Amount (yuan)')}” column is whole between x={left} and x={right}: "
                  f"its title spans x={amount.position[0]}–{amount.position[0] + amount.size[0]}")
            boxes = header_boxes(table)
            check(boxes and boxes[0][1] >= left,
                  f"the {_(page)} table's first column (“{boxes[0][0] if boxes else ''}”) is in sight: "
                  f"x={boxes[0][1] if boxes else None}, the table starts at x={left}")
            # Up to the amount, every title whole: a title's label holds its
            # lines and is no wider than its column.
            # (A label that does not fit is still given the width of its
            # text, past its column's edge, where it is cut.)
            for name, x, _y, w, _h in boxes[:[b[0] for b in boxes].index(_("Amount (yuan)")) + 1]:
                label = find(table, "label", name)
                check(label.position[0] + label.size[0] <= x + w,
                      f"the {_(page)} title “{name}” fits its column: {label.size[0]} px in {w}")
            # Codes whole: as wide as GTK lays out the code and an ellipsis.
            for code in codes[page]:
                cell = common.find_first(table, lambda n: n.roleName == "label" and (n.name or "").startswith(code))
                shown = code if cell is not None and cell.name == code else code + "…"
                check(cell is not None and cell.size[0] >= text_width(env, shown),
                      f"the {_(page)} code {code} shows whole: {cell.size[0] if cell else None} px for "
                      f"{text_width(env, shown)} px of “{shown}”")
            if page == "Expenditure Lines":
                unit = find(table, "label", _("Unit"))
                width = find(table, "label", _("Function Classification")).position[0] - unit.position[0]
                check(unit.position[0] >= left and width >= 72,
                      f"the first column (“{_('Unit')}”) stays in sight, {width} px wide: a unit code shows")
                check(column_width(table, econ) == widened,
                      f"with the panel open the widened “{econ}” column keeps its {widened} px "
                      f"({column_width(table, econ)})")
                screenshot(args, "review-panel-grid.png")
            else:
                screenshot(args, f"review-panel-{kinds[page]}.png")
        press(find(frame, "push button", _("Hide Findings")))
        show_page(frame, _("Expenditure Lines"))
        check(wait_for(lambda: column_width(lines, econ) == widened, timeout=5),
              f"with the panel closed again it still has {widened} px ({column_width(lines, econ)})")

        # The 审核 page: nineteen alike, one row.
        show_page(frame, _("Review"))
        findings = find(frame, "list", _("Findings"))
        check(findings is not None, "the Review page lists the findings")
        more = ngettext("%1$s · %2$s and %3$u more place alike",
                        "%1$s · %2$s and %3$u more places alike", N_ALIKE - 1)
        tail = more[more.index("%3$u"):].replace("%3$u", str(N_ALIKE - 1))
        grouped = wait_for(lambda: [n for n in find_all(findings, "label") if (n.name or "").endswith(tail)])
        check(grouped and len(grouped) == 1, f"one row stands for the {N_ALIKE} alike (“…{tail}”)")

        # The accountant's explanation, until reviewer mode is entered.
        click(grouped[0])
        from gi.repository import Atspi
        explanation = named(frame, ("text", "entry", "paragraph"), _("Explanation"))
        check(explanation is not None and explanation.getState().contains(Atspi.StateType.EDITABLE),
              "outside reviewer mode the explanation can be written")

        # Reviewer mode is asked for, with the name.
        check(common.enter_reviewer_mode(app, frame, REVIEWER) is not None,
              "entering reviewer mode asks for the reviewer's name")
        who = c_format(_("Reviewer: %s"), REVIEWER)
        check(find(frame, "label", who) is not None, f"the toolbar says “{who}”")
        screenshot(args, "reviewer-mode.png")
        states = explanation.getState()
        read_only = getattr(Atspi.StateType, "READ_ONLY", None)
        check(not states.contains(Atspi.StateType.EDITABLE) or (read_only and states.contains(read_only)),
              "in reviewer mode the explanation is read-only")

        all_alike = ngettext("Decide for _All %u Alike", "Decide for _All %u Alike", N_ALIKE) % N_ALIKE
        prefix = all_alike.replace("_", "").split("(")[0]
        apply_all = wait_for(lambda: [n for n in find_all(frame, "check box") if (n.name or "").startswith(prefix)])
        check(apply_all and apply_all[0].getState().contains(Atspi.StateType.CHECKED),
              f"the decision is offered for all {N_ALIKE} (“{prefix}”), checked")
        accepted = C_("review status", "Accepted")
        choice = wait_for(lambda: [n for n in find_all(frame)
                                   if n.roleName in ("toggle button", "push button", "radio button")
                                   and (n.name == accepted or (n.name or "").startswith(accepted + " "))])
        if not choice:
            print("nodes: " + ", ".join(f"{n.roleName}={n.name!r}" for n in find_all(frame)
                                        if accepted in (n.name or "")), file=sys.stderr)
        check(choice, f"the decision “{accepted}” can be chosen")
        press(choice[0])
        save = named(frame, ("push button",), _("Save Decision"))
        check(save is not None, "the decision can be saved")
        press(save)
        check(wait_for(lambda: [n for n in find_all(frame, "label") if (n.name or "").startswith(accepted + "\n")
                                and REVIEWER in n.name]),
              "the details say who accepted it")
        screenshot(args, "review-decided.png")
        check_log(proc, "nineteen findings reviewed at once")
    except Failure:
        dump(app)
        raise
    finally:
        stop(proc)

    # Stored: name and time, for each of the nineteen.
    alike = [f for f in findings_json(args, budget) if f["rule"] == "R10"]
    check(sum(f["review_status"] == "accepted" for f in alike) == N_ALIKE,
          f"the file holds {N_ALIKE} acceptances ({sum(f['review_status'] == 'accepted' for f in alike)})")
    check(all(f["reviewer"] == REVIEWER for f in alike), f"each names the reviewer “{REVIEWER}”")
    times = [datetime.datetime.fromisoformat(f["decided_at"]) for f in alike]
    now = datetime.datetime.now(datetime.timezone.utc)
    check(all(started - datetime.timedelta(seconds=5) <= t <= now for t in times),
          "each has the time it was decided, within this run")

    # And exported: the 审核结果 workbook's 审核人 and 审核时间 columns.
    import openpyxl
    xlsx = os.path.join(workdir, "审核结果.xlsx")
    subprocess.run([args.cli, "validate", "--xlsx", xlsx, budget], capture_output=True)
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if "审核人" in r)
    who_col, when_col, rule_col = header.index("审核人"), header.index("审核时间"), header.index("规则")
    exported = [r for r in rows if r[rule_col] == "R10"]
    check(len(exported) == N_ALIKE and all(r[who_col] == REVIEWER for r in exported),
          f"the review workbook names the reviewer on each of the {N_ALIKE} rows")
    minute = times[0].astimezone().strftime("%Y-%m-%d %H:%M")
    check(all(r[when_col] == t.astimezone().strftime("%Y-%m-%d %H:%M") for r, t in zip(exported, times))
          and exported[0][when_col] == minute, f"and the minute of the decision ({minute})")


def main():
    try:
        import openpyxl  # noqa: F401 (used after the window quits)
    except ImportError:
        print("openpyxl is not installed (python3-openpyxl); skipping")
        return 77
    return common.main(__doc__.splitlines()[0], review, "the review passed")


if __name__ == "__main__":
    sys.exit(main())
