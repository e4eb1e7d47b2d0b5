#!/usr/bin/python3
"""Receiving a unit's budget file in the window (汇总单位预算), through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session. It makes an
empty department budget and the 相山区 sample as a unit file with yusuan-cli,
opens the department, chooses 汇总单位预算 in the main menu and the unit file in
the chooser, and checks that:

- the summary says the unit 103001 will be added, before anything changes;
- receiving it says so, and the unit is in the file afterwards (yusuan-cli).
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (_, check, check_log, choose_in_main_menu, dump, find, find_app, find_notice,  # noqa: E402
                    find_window, keys, labelled, main, ngettext, press, screenshot, start, stop, type_text,
                    wait_for)

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "resources", "samples", "xiangshan-2023")


def test_merge(args, env, workdir):
    dept = os.path.join(workdir, "dept.yusuan")
    unit = os.path.join(workdir, "unit-103001.yusuan")
    subprocess.run([args.cli, "new", dept, "--dept-name", "汇总测试部门", "--year", "2023", "--region", "anhui"],
                   check=True, capture_output=True)
    subprocess.run([args.cli, "import", unit, SAMPLE], check=True, capture_output=True)

    proc = start(args, env, dept)
    try:
        app = find_app(proc)
        frame = find_window(app)
        check(frame is not None, "the department's budget opens")
        check(find(frame, "tree table", _("Units"), timeout=60) is not None, "the budget shows its pages")

        # The chooser's accept button, "_Choose" as it shows with its mnemonic.
        accept = _("_Choose").replace("_", "")
        chooser = choose_in_main_menu(app, frame, env, _("_Receive Unit Budgets…"), "receive-units",
                                      lambda: find(app, "push button", accept, retry=False)
                                      or find(app, "label", accept, retry=False))
        if chooser is None:
            dump(app)
        check(chooser is not None, f"a chooser with “{accept}” asks for the unit files")
        keys("<Control>l")
        type_text(unit)
        keys("Return")

        added = _("Add %s %s (%u records)").split("%s")[0] + "103001"
        summary = wait_for(lambda: app.findChildren(
            lambda n: n.roleName == "label" and added in (n.name or "")))
        if not summary:
            dump(app)
        check(bool(summary), f"the summary says unit 103001 will be added (“{added} …”)")
        screenshot(args, "receive-units.png")

        receive = labelled(app, ("push button",), _("_Receive").replace("_", "").split("(")[0])
        check(receive is not None, "the summary offers to receive")
        press(receive)
        done = ngettext("Received %u unit budget", "Received %u unit budgets", 1).replace("%u", "1")
        check(find_notice(frame, done) is not None, f"a notice says “{done}”")
        check_log(proc, "receiving a unit budget")
    finally:
        stop(proc)

    out = subprocess.run([args.cli, "summary", dept, "--json"], check=True, capture_output=True, text=True).stdout
    units = json.loads(out)["counts"]["units"]
    check(units == 1, f"the department's file holds the received unit ({units})")
    subprocess.run([args.cli, "dump", dept, os.path.join(workdir, "out")], check=True, capture_output=True)
    with open(os.path.join(workdir, "out", "received_units.csv"), encoding="utf-8") as f:
        received = f.read()
    check("103001" in received and unit in received, "the file records where the unit came from")


if __name__ == "__main__":
    sys.exit(main(__doc__, test_merge, "ok - a unit budget file is received in the window"))
