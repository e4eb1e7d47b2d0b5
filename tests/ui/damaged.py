#!/usr/bin/python3
"""A damaged budget in the window, driven through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session. It builds
the 埇桥区 sample with yusuan-cli, makes a backup of it (yusuan-cli backup
make, into the session's own data folder), changes one byte of the settings
in the file and opens it. It checks that:

- the error says the file is damaged and names the latest backup;
- the dialog offers to restore that backup, and doing so opens the budget;
- the damaged file is kept aside, unchanged.
"""

import glob
import hashlib
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (_, check, check_log, dump, find, find_app, find_first, main, start, stop, wait_for)  # noqa: E402

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "resources", "samples", "yongqiao-2023")


def test_damaged(args, env, workdir):
    budget = os.path.join(workdir, "yongqiao.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, capture_output=True)
    made = subprocess.run([args.cli, "backup", "make", budget], env=env, check=True,
                          capture_output=True, text=True).stdout.strip()
    check(os.path.exists(made), f"a backup was made: {made}")

    with open(budget, "rb") as f:
        data = bytearray(f.read())
    at = data.find("埇桥区人民政府办公室".encode())
    check(at > 0, "the department's name is in the file")
    data[at + 1] ^= 0x01
    with open(budget, "wb") as f:
        f.write(data)
    damaged = hashlib.sha256(data).hexdigest()

    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        heading = _("Could not open “%s”") % os.path.basename(budget)
        alert = wait_for(lambda: find(app, "label", heading, retry=False))
        if alert is None:
            dump(app)
        check(alert is not None, f"opening the damaged file says “{heading}”")
        check(find_first(app, lambda n: n.roleName == "label" and made in (n.name or ""), retry=True,
                         timeout=20) is not None,
            "the message names the latest backup")
        restore = find(app, "label", _("_Restore Latest Backup").replace("_", ""))
        check(restore is not None and restore.parent.roleName == "push button",
              "the dialog offers to restore the latest backup")
        try:
            restore.parent.doActionNamed("click")
        except Exception:
            restore.parent.click()
        check(find(app, "tree table", _("Units"), timeout=60) is not None,
              "the restored budget opens in the window")
        check_log(proc, "restoring a damaged budget")
    finally:
        stop(proc)
    aside = glob.glob(budget + ".damaged-*")
    check(len(aside) == 1, f"the damaged file is kept aside ({aside})")
    with open(aside[0], "rb") as f:
        check(hashlib.sha256(f.read()).hexdigest() == damaged, "the damaged file is kept unchanged")


if __name__ == "__main__":
    sys.exit(main(__doc__, test_damaged, "ok - a damaged budget offers its latest backup and opens restored"))
