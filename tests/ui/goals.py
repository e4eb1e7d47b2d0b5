#!/usr/bin/python3
"""The goal editor's two sets side by side, line by line, at the default
window size.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. It opens the 埇桥区 sample (its project P01
has 42 indicators in each set, some of them a paragraph long, and the two
sets differ in a few: each such one has a line of its own), shows the
project's goals, and checks that
- the same indicator (通过对视频会议运行管理…, 101 characters, after three
  lines that only one set has; 社会公众满意度, the last group) starts at the
  same height in 实施期 and in 年度;
- its whole name is there and wraps: the row is named by the whole name,
  its name's text is the whole name, and that text is several lines high;
- the indicator only 实施期 has (每年年度评估完成时间) and the one only 年度
  has (年度评估完成时间), each on a line of its own, given the same name,
  are on one line;
- the two long goals' boxes are several lines high, a value described in
  words (2021年—2023年) is whole and wraps, and GTK warned of nothing
  drawn before it was laid out.

Exits 0 when it passes, 1 on its first failure, 77 when it cannot run here.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402  (exits 77 without dogtail)
from common import (Failure, _, check, click, dump, find, keys, named, press, screenshot, show_page,  # noqa: E402
                    start, stop, type_text, wait_for)

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(SOURCE_ROOT, "resources", "samples", "yongqiao-2023")
PROJECT = "区政府信息中心及政府网站、电子政务系统等运行维护保障费"
LONG = ("通过对视频会议运行管理，有利推进了党政机关厉行节约、反对浪费，建设节约型机关工作，改善了机关会议环境，"
        "提升了服务质量，提高了政府机关形象；更多的使用视频会议，减少公务用车运行，减少碳排放，降低道路拥堵。")
SHORT = "社会公众满意度"
PERIOD_ONLY = "每年年度评估完成时间"
LONG_VALUE = "2021年—2023年"
ANNUAL_ONLY = "年度评估完成时间"
RENAMED = "Annual review done by"


def extents(node):
    """x, y, width, height in the window (GTK 4 knows no screen position)."""
    from gi.repository import Atspi
    r = node.get_extents(Atspi.CoordType.WINDOW)
    return r.x, r.y, r.width, r.height


def top(node):
    return extents(node)[1]


def right(node):
    x, _y, width, _h = extents(node)
    return x + width


def height(node):
    return extents(node)[3]


def rename(args, row, name, shot=None):
    """Scrolls @row's name into the window with the mouse wheel, types
    @name over it and leaves it with Tab; saves the screen as @shot first."""
    text = find(row, "text", _("Level-3 Indicator"))
    for _i in range(80):
        if 150 < top(text) < 600:
            break
        down = top(text) > 600
        subprocess.run(["xdotool", "mousemove", "800", "450", "click", "--repeat", "3", "--delay", "30",
                        "5" if down else "4"], check=True)
    check(150 < top(text) < 600, f"the name to rename is scrolled into view: y {top(text)}")
    if shot:
        screenshot(args, shot)
    click(text)
    keys("<Control>a")
    type_text(name)
    keys("Tab")


def test_goals(args, env, workdir):
    budget = os.path.join(workdir, "goals.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, stdout=subprocess.DEVNULL)
    proc = start(args, env, budget)
    try:
        app = common.find_app(proc)
        frame = common.find_window(app)
        try:
            show_page(frame, _("Projects and Performance Goals"))
            click(find(frame, "label", PROJECT))
            press(named(frame, ("toggle button", "push button", "radio button", "page tab"), _("Performance Goals")))
            period = find(frame, "panel", _("Implementation-Period Indicators"))
            annual = find(frame, "panel", _("Annual Indicators"))
            check(period is not None and annual is not None, "the goal editor shows both sets")
            # Side by side, a long goal's box grows to its most (176 px) instead
            # of staying at its least (88 px): from the goal's heading to the
            # indicators' headings under the box.
            heading = find(frame, "label", _("Implementation-_Period Goal").replace("_", ""))
            under = find(frame, "label", _("Level-3 Indicator"))
            check(heading is not None and under is not None, "the period goal's heading and the one under its box")
            check(wait_for(lambda: top(under) - (top(heading) + height(heading)) >= 176, timeout=5),
                  f"the long 实施期目标 shows in a box of several lines: "
                  f"{top(under) - (top(heading) + height(heading))} px from its heading to the next")

            rows = {}
            for name in (LONG, SHORT):
                rows[name] = (find(period, "panel", name), find(annual, "panel", name))
                check(None not in rows[name], f"both sets have a row named “{name[:12]}…”, the whole name")
            screenshot(args, "goals-sets.png")
            for name, (p, a) in rows.items():
                check(wait_for(lambda: top(p) == top(a), timeout=5),
                      f"“{name[:12]}…” is on the same line in both sets: y {top(p)} and {top(a)}")
                check(right(p) <= extents(a)[0],
                      f"side by side: 实施期 ends at x {right(p)}, 年度 starts at {extents(a)[0]}")

            text = find(rows[LONG][0], "text", _("Level-3 Indicator"))
            short_text = find(rows[SHORT][0], "text", _("Level-3 Indicator"))
            check(text is not None and short_text is not None, "an indicator's name is a text")
            check(text.text == LONG, f"the name's text is the whole name: {text.text!r}")
            # The margins (14 px) aside, at least three lines of the one-line name's height.
            check(height(text) - 14 >= 3 * (height(short_text) - 14),
                  f"and wraps on several lines: {height(text)} px high, a one-line name {height(short_text)} px")
            check(right(text) <= right(rows[LONG][0]), f"within its row: ends at x {right(text)}")

            # A value described in words wraps and is read whole, as a name is.
            row = find(period, "panel", PERIOD_ONLY)
            value = row and named(row, ("text", "entry"), _("Indicator Value"))
            short_value = named(rows[SHORT][0], ("text", "entry"), _("Indicator Value"))
            check(value is not None and value.text == LONG_VALUE,
                  f"the value “{LONG_VALUE}” is there whole: {value.text if value else None!r}")
            check(short_value is not None and height(value) >= 1.8 * height(short_value),
                  f"and wraps: {height(value)} px high, the value {short_value.text!r} {height(short_value)} px")

            # Given the same name, the two lines become one.
            p, a = find(period, "panel", PERIOD_ONLY), find(annual, "panel", ANNUAL_ONLY)
            check(p is not None and a is not None and top(p) != top(a),
                  "an indicator of one set only has a line of its own")
            rename(args, p, RENAMED, shot="goals-lines.png")
            rename(args, a, RENAMED)
            p = find(period, "panel", RENAMED)
            a = find(annual, "panel", RENAMED)
            check(p is not None and a is not None, "both sets have the renamed indicator")
            check(wait_for(lambda: top(find(period, "panel", RENAMED)) == top(find(annual, "panel", RENAMED)),
                           timeout=10),
                  "given the same name, the two are on one line")
            common.check_log(proc, "after showing the goals")
            unallocated = [w for w in proc.warnings if "without a current allocation" in w]
            check(not unallocated, f"nothing was drawn before it was laid out: {unallocated[:1]}")
        except Failure:
            dump(frame)
            raise
    finally:
        stop(proc)


if __name__ == "__main__":
    sys.exit(common.main(__doc__.splitlines()[0], test_goals, "goal sets line up, whole names shown"))
