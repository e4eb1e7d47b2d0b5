#!/usr/bin/python3
"""No two mnemonics clash on a page of the window.

Run by run-ui-test.sh inside a private X server and D-Bus session; run it
alone only in such a session. On a sample budget it shows each page of the
sidebar in turn and walks that page's accessible subtree only (the page is
named as the sidebar names it), collecting the mnemonic of every control
shown, as the Chinese interface writes it: 保存说明(S). Two controls of one
page with the same letter fail the test, naming both: Alt+S would reach only
one of them.

Exits 0 when it passes, 1 on its first failure, 77 when it cannot run here.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402  (exits 77 without dogtail)
from common import Failure, _, check, dump, find, show_page, start, stop  # noqa: E402
from gi.repository import Atspi  # noqa: E402

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(SOURCE_ROOT, "resources", "samples", "yongqiao-2023")
MNEMONIC = re.compile(r"\(([A-Z0-9])\)")


def shown(node):
    # GTK 4.8 reports "visible" (but not "showing") as it is.
    try:
        return node.getState().contains(Atspi.StateType.VISIBLE)
    except Exception:  # a node may vanish while walked
        return False


def mnemonics(node, found):
    """(letter, role, name) of the controls under @node that are shown; a
    control's own children (the label inside a button) are not walked."""
    for child in node.children:
        # A table's cells have no mnemonics, and are many.
        if not shown(child) or child.roleName in ("tree table", "table"):
            continue
        match = MNEMONIC.search(child.name or "")
        if match:
            found.append((match.group(1), child.roleName, child.name))
        else:
            mnemonics(child, found)
    return found


def phrase(name):
    """The words that carry the mnemonic: 实施期目标(P)."""
    return next((word for word in name.split() if MNEMONIC.search(word)), name)


def same_control(one, other):
    """A label with a mnemonic and the field it names: GTK gives the field
    the label's words, mnemonic and all."""
    roles = {one[0], other[0]}
    return "label" in roles and len(roles) == 2 and phrase(one[1]) == phrase(other[1])


def page_titles(frame):
    sidebar = find(frame, "list", _("Pages"))
    return [label.name for label in sidebar.findChildren(lambda n: n.roleName == "label")]


def test_mnemonics(args, env, workdir):
    budget = os.path.join(workdir, "sample.yusuan")
    subprocess.run([args.cli, "import", budget, SAMPLE], check=True, stdout=subprocess.DEVNULL)
    proc = start(args, env, budget)
    try:
        app = common.find_app(proc)
        frame = common.find_window(app)
        try:
            titles = page_titles(frame)
            check(len(titles) >= 10, f"the sidebar lists the pages: {', '.join(titles)}")
            stack = None
            for title in titles:
                show_page(frame, title)
                # The pages are found once by a search, then among their
                # stack's children: never the whole window again.
                if stack is None:
                    page = find(frame, "panel", title)
                    stack = page.parent if page is not None else None
                else:
                    page = next((c for c in stack.children if c.name == title), None)
                check(page is not None, f"the page “{title}” is found by its name")
                seen = {}
                for letter, role, name in mnemonics(page, []):
                    other = seen.get(letter)
                    if other is not None and not same_control(other, (role, name)):
                        raise Failure(f"on “{title}”, {letter} is the mnemonic of “{other[1]}” and of “{name}” ({role})")
                    seen[letter] = (role, name)
                check(True, f"“{title}”: no clash among {' '.join(sorted(seen)) or 'no mnemonics'}")
        except Failure:
            dump(frame)
            raise
    finally:
        stop(proc)


if __name__ == "__main__":
    sys.exit(common.main(__doc__.splitlines()[0], test_mnemonics, "no mnemonic clashes on any page"))
