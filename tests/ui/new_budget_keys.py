#!/usr/bin/python3
"""A new budget made with the keyboard alone has the region chosen.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. It starts yusuan without a file, opens the
New Budget dialog with Ctrl+N, types the department, goes with Tab and
Down to the table layout (region), opens its list with Enter, picks 山西 with the
arrow keys and Enter, creates the budget with the dialog's mnemonic and
saves it by typing its path; then checks with `yusuan-cli info` that the
file's region is shanxi. AT-SPI is only read (what the row shows, what the
list offers); every action is a key press.

Exits 0 when it passes, 1 on its first failure, 77 when it cannot run here.
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402  (exits 77 without dogtail)
from common import Failure, _, check, dump, find, keys, start, stop, type_text, wait_for  # noqa: E402


def test_new_budget_keys(args, env, workdir):
    proc = start(args, env)
    try:
        app = common.find_app(proc)
        common.find_window(app)
        try:
            keys("<Control>n")
            dialog = wait_for(lambda: next((w for w in app.children if w.name == _("New Budget")), None))
            check(dialog is not None, "Ctrl+N opens the New Budget dialog")
            time.sleep(0.5)
            type_text("Keys Bureau")
            keys("Tab")
            type_text("905")

            # Tab goes on to the year's row; the arrows move between rows.
            keys("Tab", "Down")
            row = find(dialog, "combo box", _("Table Layout"))
            check(row is not None and find(row, "label", _("Shanxi"), retry=False) is None,
                  "the table layout is not 山西 yet")
            keys("Return")
            check(find(app, "label", _("Shanxi")) is not None, "Enter on it opens the list of regions")
            # From the top of the list, 山西 is third.
            keys("Home", "Down", "Down", "Return")
            check(wait_for(lambda: find(row, "label", _("Shanxi"), retry=False), timeout=5),
                  "Enter on 山西 chooses it")

            keys("<Alt>r")
            chooser = wait_for(lambda: next((w for w in app.children if w.name == _("Save New Budget")), None))
            check(chooser is not None, "the dialog’s mnemonic creates the budget and asks where to save it")
            time.sleep(1.0)
            path = os.path.join(workdir, "keys.yusuan")
            keys("<Control>a")
            type_text(path)
            keys("Return")
            check(wait_for(lambda: os.path.exists(path)), f"the budget is created at {path}")
        except Failure:
            dump(app)
            raise
    finally:
        stop(proc)

    info = subprocess.run([args.cli, "info", path], check=True, capture_output=True, text=True).stdout
    meta = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    check(meta.get("region") == "shanxi", f"the budget’s region is the one chosen: {meta.get('region')}")
    check(meta.get("dept_name") == "Keys Bureau" and meta.get("dept_code") == "905",
          "and its department as typed")


if __name__ == "__main__":
    sys.exit(common.main(__doc__.splitlines()[0], test_new_budget_keys, "a budget made with the keyboard has its region"))
