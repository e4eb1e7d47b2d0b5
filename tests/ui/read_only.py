#!/usr/bin/python3
"""A read-only budget in the window, driven through AT-SPI.

Run by run-ui-test.sh inside a private X server and D-Bus session. It builds
the 埇桥区 sample with yusuan-cli and opens it with YUSUAN_OPEN_READ_ONLY=1,
which makes the store treat the file as one it cannot write: the tests run
as root, whom file permissions do not stop (tests/test-read-only.sh shows,
as an unprivileged user, that a truly read-only file is opened this way).
It checks that:

- the window shows the 只读 banner;
- the pages that edit records are disabled;
- the tables still export to an xlsx workbook (after the question asked while
  error findings remain);
- the file is byte for byte as it was.
"""

import hashlib
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (_, c_format, check, check_log, click, find, find_app, find_first, find_notice, find_window,  # noqa: E402
                    is_enabled, keys, main, show_page, start, stop, type_text, wait_for)

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "resources", "samples", "yongqiao-2023")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_read_only(args, env, workdir):
    budget = os.path.join(workdir, "yongqiao.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, capture_output=True)
    before = digest(budget)
    env = dict(env, YUSUAN_OPEN_READ_ONLY="1")

    proc = start(args, env, budget)
    try:
        app = find_app(proc)
        frame = find_window(app)
        check(frame is not None, "the window opens on the read-only sample")
        check(find(frame, "label", _("Read-only")) is not None, "the window shows the read-only banner")

        # The page is insensitive as a whole; AT-SPI reports each widget's
        # own flag, so the test tries to edit instead: clicking Add Unit must
        # not open the form.
        show_page(frame, _("Units"))
        units = find(frame, "tree table", _("Units"))
        check(units is not None, "the Units page shows the units")
        add = find(frame, "push button", _("Add Unit"))
        check(add is not None, "the Units page has its Add Unit button")
        add.click()
        time.sleep(1.0)
        check(find(frame, "push button", _("Save New Unit"), retry=False) is None,
              "Add Unit does nothing: the page cannot be edited")

        show_page(frame, _("Reports"))
        export = find(frame, "push button", _("Export Tables"))
        check(export is not None and is_enabled(export), "Export Tables is enabled")
        windows = len(app.children)
        try:
            export.doActionNamed("click")
        except Exception:
            export.click()
        # The sample has error findings: the workbook for publication asks first.
        # The question is a window of its own; its mnemonic answers it.
        check(wait_for(lambda: len(app.children) > windows or None) is not None,
              "exporting asks first while error findings remain")
        keys("<Alt>a")
        # The chooser is a window of its own, titled like the button.
        chooser = wait_for(lambda: next((w for w in app.children if w.name == _("Export Tables")), None))
        check(chooser is not None, "Export asks where to save the workbook")
        name = find_first(chooser, lambda n: n.roleName == "text", retry=True, timeout=20)
        check(name is not None, "the chooser has a name field")
        out = os.path.join(workdir, "exported.xlsx")
        click(name)
        keys("<Control>a")
        type_text(out)
        keys("Return")
        toast = c_format(_("Exported “%s”"), "exported.xlsx")
        check(find_notice(frame, toast, timeout=60) is not None,
              f"a notice says “{toast}”")
        check(os.path.getsize(out) > 0, "the workbook is written")
        check_log(proc, "a read-only budget")
    finally:
        stop(proc)
    check(digest(budget) == before, "the budget file is unchanged")
    extra = sorted(n for n in os.listdir(workdir) if n.startswith("yongqiao.yusuan") and n != "yongqiao.yusuan")
    check(not extra, f"nothing was written beside it ({extra})")


if __name__ == "__main__":
    sys.exit(main(__doc__, test_read_only, "ok - a read-only budget is shown read-only and exports"))
