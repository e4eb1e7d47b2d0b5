#!/usr/bin/python3
"""Starting next year's budget in the window (以本预算新建下一年度), through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session. It imports
the 山海关区 sample (10 projects, of which 3 one-off ones have ended) with
yusuan-cli, opens it, chooses 新建下一年度预算 in the main menu, and checks that:

- the dialog proposes 2024 and a file beside this one, named after it;
- it says what the new budget will hold, as `yusuan-cli next-year --dry-run`
  does: 7 of 10 projects carried, and an ended one-off project left out;
- Create writes the 2024 budget, Open It opens it in a window of its own,
  and the file holds the 7 projects and this year's figures as 上年数.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (_, check, check_log, choose_in_main_menu, dump, find, find_app, find_window,  # noqa: E402
                    label_containing, labelled, main, press, screenshot, start, stop, wait_for)

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "resources", "samples", "shanhaiguan-2023")


def spin_value(spin):
    """What a spin button shows: its text, else its value."""
    try:
        if spin.text:
            return spin.text
    except Exception:
        pass
    return str(int(spin.value))


def test_next_year(args, env, workdir):
    budget = os.path.join(workdir, "山海关区.yusuan")
    new = os.path.join(workdir, "山海关区-2024.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, capture_output=True)
    # In the window's language, so that the reasons read the same.
    preview = json.loads(subprocess.run([args.cli, "next-year", budget, new, "--dry-run", "--json"],
                                        env=env, check=True, capture_output=True, text=True).stdout)
    records = preview["prior_year_records"]
    carried = [p for p in preview["projects"] if p["carried"]]
    left_out = [p for p in preview["projects"] if not p["carried"]]
    check(len(carried) == 7 and len(left_out) == 3,
          f"yusuan-cli carries 7 of the 10 projects ({len(carried)}, {len(left_out)} left out)")

    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        frame = find_window(app)
        check(frame is not None, "the budget opens")
        check(find(frame, "tree table", _("Units"), timeout=60) is not None, "the budget shows its pages")

        title = _("New Budget for Next Year")
        dialog = choose_in_main_menu(app, frame, env, _("New Budget for Ne_xt Year…"), "next-year",
                                     lambda: find_window(app, title, timeout=1))
        if dialog is None:
            dump(app)
        check(dialog is not None, f"the dialog “{title}” opens")

        year = find(dialog, "spin button", _("Budget Year"))
        shown = spin_value(year) if year is not None else "no year"
        check(shown == "2024", f"it proposes the year 2024: {shown}")
        check(label_containing(dialog, new) is not None, f"it proposes to save beside this budget: {new}")
        counts = _("Units: %u; projects carried: %u of %u; indicators: %u\n").split("%u")
        summary = label_containing(dialog, counts[0] + "1" + counts[1] + "7" + counts[2] + "10")
        check(summary is not None, "the summary says 1 unit and 7 of 10 projects carried, as the CLI does"
              + (f": {summary.name}" if summary is not None else ""))
        check(summary is not None and records > 0 and f" {records} " in summary.name.replace("：", ": "),
              f"and this year's {records} figures as 上年数")
        ended = left_out[0]
        row = label_containing(dialog, ended["code"] + " " + ended["name"])
        check(row is not None, f"the ended project {ended['code']} is listed")
        check(find(dialog, "image", _("left out")) is not None, "a project is marked left out")
        check(label_containing(dialog, ended["reason"]) is not None, f"with why: {ended['reason']}")
        screenshot(args, "next-year.png")

        press(labelled(dialog, ("push button",), _("Create")))
        done = _("The %d Budget Was Created").replace("%d", "2024")
        created = label_containing(app, done)
        check(created is not None, f"a message says “{done}”")
        message = created
        while message.parent is not None and message.parent.roleName != "application":
            message = message.parent
        # Its own button: the window behind has an Open button too.
        press(labelled(message, ("push button",), _("_Open It").replace("_", "").split("(")[0]))
        opened = wait_for(lambda: len([w for w in app.children if w.roleName == "frame"]) >= 2, timeout=30)
        check(opened, "the new budget opens in a window of its own")
        check_log(proc, "starting next year's budget")
    finally:
        stop(proc)

    info = subprocess.run([args.cli, "info", new], check=True, capture_output=True, text=True).stdout
    counts = dict(line.split(": ", 1) for line in info.splitlines() if line.endswith(tuple("0123456789")) and ": " in line)
    check(counts.get("year") == "2024", f"the new file is the 2024 budget ({counts.get('year')})")
    check(counts.get("projects.csv") == "7", f"with the 7 projects carried ({counts.get('projects.csv')})")
    check(counts.get("prior_year.csv") == str(records),
          f"and {records} prior-year records ({counts.get('prior_year.csv')})")

if __name__ == "__main__":
    sys.exit(main(__doc__, test_next_year, "ok - next year's budget is started from this one in the window"))
