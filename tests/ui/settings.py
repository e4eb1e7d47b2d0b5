#!/usr/bin/python3
"""A budget's settings changed on the 预算设置 page and undone.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. On a budget made with `yusuan-cli new`
(安徽, 测试局) it renames the department (typed, applied with Enter),
chooses 河北 as the region with the keyboard, undoes the region, undoes and
redoes the name, checks each step on the page, quits, and checks with
`yusuan-cli info` that the file holds the new name and the old region.

Exits 0 when it passes, 1 on its first failure, 77 when it cannot run here.
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402  (exits 77 without dogtail)
from common import Failure, _, check, click, dump, find, keys, show_page, start, stop, type_text, wait_for  # noqa: E402

OLD_NAME = "测试局"
NEW_NAME = "Settings Bureau"


def named(frame, name):
    """The window's title names the department (AT-SPI does not give an
    entry row's text in GTK 4.8)."""
    return (frame.name or "").startswith(name)


def region_shown(page, name):
    row = find(page, "combo box", _("Table Layout"))
    return row is not None and find(row, "label", _(name), retry=False) is not None


def test_settings(args, env, workdir):
    budget = os.path.join(workdir, "settings.yusuan")
    subprocess.run([args.cli, "new", budget, "--dept-name", OLD_NAME, "--year", "2023", "--region", "anhui"],
                   check=True)
    proc = start(args, env, budget)
    try:
        app = common.find_app(proc)
        frame = common.find_window(app)
        try:
            show_page(frame, _("Budget Settings"))
            # The page's own rows: the 报表 page has a 报表格式 list too.
            page = find(frame, "panel", _("Budget Settings"))
            check(page is not None, "the settings page is found by its name")
            check(find(page, "text", _("Department Name")) is not None and named(frame, OLD_NAME),
                  "the page shows the department’s name")
            check(region_shown(page, "Anhui"), "and its region, 安徽")

            click(find(page, "text", _("Department Name")))
            keys("<Control>a")
            type_text(NEW_NAME)
            keys("Return")
            check(wait_for(lambda: named(frame, NEW_NAME), timeout=5), "Enter renames the department")

            # The list opened by a click, the region chosen with the keys.
            click(find(page, "combo box", _("Table Layout")))
            keys("Home", "Down", "Return")
            check(wait_for(lambda: region_shown(page, "Hebei"), timeout=5), "河北 is chosen with Enter")

            undo = find(frame, "push button", _("Undo"))
            redo = find(frame, "push button", _("Redo"))
            click(undo)
            check(wait_for(lambda: region_shown(page, "Anhui"), timeout=5), "undo puts the region back")
            check(named(frame, NEW_NAME), "and leaves the new name: each change is its own step")
            click(undo)
            check(wait_for(lambda: named(frame, OLD_NAME), timeout=5),
                  "a second undo puts the name back")
            click(redo)
            check(wait_for(lambda: named(frame, NEW_NAME), timeout=5),
                  "redo renames it again")
            common.check_log(proc, "after changing the settings")
        except Failure:
            dump(frame)
            raise
        keys("<Control>q")
        proc.wait(timeout=20)
    finally:
        stop(proc)

    info = subprocess.run([args.cli, "info", budget], check=True, capture_output=True, text=True).stdout
    meta = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    check(meta.get("dept_name") == NEW_NAME and meta.get("region") == "anhui",
          f"the file holds the new name and the old region: {meta.get('dept_name')}, {meta.get('region')}")


if __name__ == "__main__":
    sys.exit(common.main(__doc__.splitlines()[0], test_settings, "settings changed and undone"))
