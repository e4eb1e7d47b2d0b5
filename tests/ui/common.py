"""What the UI tests share: starting yusuan in the session run-ui-test.sh
makes, finding what the window shows over AT-SPI by role and accessible
name in the language it runs in, and the cells of its grids.

Each test puts its own directory first on sys.path and imports this: run
by meson, a test is started from the build directory, not from here.
"""

import argparse
import gettext
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

try:
    from dogtail import config as dogtail_config
    from dogtail import rawinput
    from dogtail import tree
except ImportError:
    print("dogtail is not installed; skipping")
    sys.exit(77)

# GTK 4 does not report "showing" over AT-SPI: search everything.
dogtail_config.config.searchShowingOnly = False
dogtail_config.config.searchCutoffCount = 10
dogtail_config.config.searchBackoffDuration = 0.5
# dogtail sleeps after each of its own actions: defaultDelay after a key
# combination, actionDelay (1 s unless set) after a click, typingDelay
# after each key typed. The helpers below wait for what they need instead.
dogtail_config.config.defaultDelay = 0.1
dogtail_config.config.actionDelay = 0.1
dogtail_config.config.typingDelay = 0.02
dogtail_config.config.logDebugToFile = False

# Typed characters the keyboard map lacks (Chinese) are typed through one
# spare key code remapped for each: one typed before the window has read
# the last takes its place ("测试局" became "试试局" at 0.05 s apart).
TYPING_DELAY_NON_ASCII = 0.15

# The catalog the window runs with; set by setup().
T = gettext.NullTranslations()


def _(msgid):
    return T.gettext(msgid)


def C_(context, msgid):
    return T.pgettext(context, msgid)


def ngettext(singular, plural, n):
    return T.ngettext(singular, plural, n)


def c_format(fmt, *args):
    """Applies a C format with %1$s-style positions, as the window does."""
    if "$" in fmt:
        return re.sub(r"%(\d+)\$[sd]", lambda m: str(args[int(m.group(1)) - 1]), fmt)
    return fmt % args


def money(fen):
    """ys_money_format (fen, YS_MONEY_YUAN, TRUE)."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    print(f"ok - {message}")


# Finding nodes

def matches(node, role, name):
    try:
        return _matches(node, node.roleName if role is not None else None, role, name)
    except Exception:  # a node may vanish while searched
        return False


def _matches(node, node_role, role, name):
    """matches() of a node whose role is known already."""
    try:
        if role is not None and node_role != role:
            return False
        if name is None:
            return True
        # GTK 4.8 appends the text of a button's label, or of an entry or
        # combo row's title, to its accessible name: "新建预算 新建预算(N)…".
        return node.name == name or (role in ("push button", "text", "combo box") and node.name.startswith(name + " "))
    except Exception:  # a node may vanish while searched
        return False


def wait_for(what, timeout=20):
    deadline = time.time() + timeout
    while True:
        result = what()
        if result or time.time() >= deadline:
            return result or None
        time.sleep(0.2)


def forget():
    """Kept for the tests that call it before acting on the window."""


# Every property of a node is a D-Bus round trip to the window (GTK 4.8
# offers AT-SPI clients no cache), and a window holds thousands of nodes:
# searches stop at the first match and skip what cannot hold one.

# Roles whose nodes GTK 4.8 gives no children worth searching.
_LEAVES = frozenset(("label", "image", "separator", "scroll bar"))


def _children(node, role=None):
    """The children of @node, [] when it has none or has vanished; @role
    is its role when already known."""
    try:
        if (role if role is not None else node.roleName) in _LEAVES:
            return []
        count = node.childCount
    except Exception:  # a node may vanish while searched
        return []
    children = []
    for i in range(count):
        # One child gone (a dialog just closed) must not hide its siblings.
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            children.append(child)
    return children


def _descendants(node, pred, first=False, prune=None, backwards=False):
    """The descendants of @node satisfying @pred (node, its role), depth
    first in document order (as dogtail's findChildren gives them), or
    from the last child backwards with @backwards; only the first with
    @first. Nothing under a node of the role @prune is visited."""
    order = (lambda nodes: nodes) if backwards else reversed
    found = []
    stack = list(order(_children(node)))
    while stack:
        child = stack.pop()
        try:
            role = child.roleName
        except Exception:  # a node may vanish while searched
            continue
        if pred(child, role):
            if first:
                return [child]
            found.append(child)
        if role != prune:
            stack.extend(order(_children(child, role)))
    return found


def find(node, role=None, name=None, retry=True, timeout=10):
    """The first descendant with this role and accessible name, or None;
    waited for up to @timeout seconds unless @retry is False."""
    def look():
        found = _descendants(node, lambda n, r: _matches(n, r, role, name), first=True)
        return found[0] if found else None
    return wait_for(look, timeout=timeout) if retry else look()


def find_notice(node, text, timeout=30):
    """The toast label @text (or any of a tuple of texts) under @node, or
    None. A toast is the last child of the window's overlay, after the whole
    page, and goes after a few seconds: the search goes from the last child
    backwards, so that it is reached before it goes."""
    texts = (text,) if isinstance(text, str) else tuple(text)

    def toast(n, role):
        return any(_matches(n, role, "label", t) for t in texts)

    def look():
        found = _descendants(node, toast, first=True, backwards=True)
        return found[0] if found else None
    return wait_for(look, timeout=timeout)


def find_all(node, role=None, name=None):
    return _descendants(node, lambda n, r: _matches(n, r, role, name))


def find_first(node, test, retry=False, timeout=10):
    """The first descendant for which @test (node) is true, or None; waited
    for up to @timeout seconds with @retry. Cheaper than filtering
    find_all(): the search stops there."""
    def safe(n, _role):
        try:
            return test(n)
        except Exception:  # a node may vanish while searched
            return False

    def look():
        found = _descendants(node, safe, first=True)
        return found[0] if found else None
    return wait_for(look, timeout=timeout) if retry else look()


def is_enabled(node):
    from gi.repository import Atspi
    return node.getState().contains(Atspi.StateType.SENSITIVE)


def is_focused(node):
    from gi.repository import Atspi
    try:
        return node.getState().contains(Atspi.StateType.FOCUSED)
    except Exception:  # a node may vanish while asked
        return False


def dump(node, depth=0, out=sys.stderr, rows=None):
    """The accessible tree under @node; with @rows, no more than that many
    children of a table or list."""
    try:
        print("  " * depth + f"[{node.roleName}] {node.name!r}", file=out)
        children = node.children
        if rows is not None and node.roleName in ("tree table", "list"):
            children = children[:rows]
        for child in children:
            dump(child, depth + 1, out, rows)
    except Exception as e:  # a node may vanish while walked
        print("  " * depth + f"({e})", file=out)


def click(node, pause=0.5):
    """Clicks with the pointer, as a person would; GTK 4.8 list rows have
    no AT-SPI action to do it otherwise. GTK 4 reports positions relative
    to the window, which is right only because Xvfb without a window
    manager puts the window at 0,0. @pause lets the window act on it."""
    forget()
    node.click()
    time.sleep(pause)


def keys(*names):
    """Presses keys one after the other: "Tab", "<Control>Return"…
    The window takes them in order; the pause after each lets what a key
    leaves to the main loop (a row saved, the focus moved) happen before
    the next."""
    forget()
    for name in names:
        if name.startswith("<"):
            rawinput.keyCombo(name)
        else:
            rawinput.pressKey(name)
        time.sleep(0.1)


def type_text(text):
    """Types text with the keyboard."""
    forget()
    delay = dogtail_config.config.typingDelay
    if not text.isascii():
        dogtail_config.config.typingDelay = max(delay, TYPING_DELAY_NON_ASCII)
    try:
        rawinput.typeText(text)
    finally:
        dogtail_config.config.typingDelay = delay
    time.sleep(0.2)


def screenshot(args, name, trim=False, window=None):
    """Saves the screen, or the X window titled @window, under @name when
    the test was asked for screenshots. @trim cuts off the black around
    the window and any dialog over it."""
    if not args.screenshots:
        return
    os.makedirs(args.screenshots, exist_ok=True)
    time.sleep(1.0)  # let the last frame be drawn
    path = os.path.join(args.screenshots, name)
    if window:
        found = subprocess.run(["xdotool", "search", "--name", window], capture_output=True, text=True)
        ids = found.stdout.split()
        if ids:
            subprocess.run(["import", "-window", ids[-1], path], check=False)
            return
    subprocess.run(["import", "-window", "root"] + (["-trim", "+repage"] if trim else []) + [path],
                   check=False)


# The grids (YsRecordGrid): a header row of column titles, then one table
# row of table cells per record, each cell a label.

def table_rows(table):
    """The table rows of a grid, header first: find_all (table, "table row")
    without walking their cells (rows hold no rows)."""
    return _descendants(table, lambda n, r: r == "table row", prune="table row")


def grid_header(table):
    """The column titles of a grid, in order."""
    for row in table_rows(table):
        try:
            if any(c.roleName == "table cell" for c in row.children):
                continue
            return [(find_all(title, "label") or [title])[0].name for title in row.children]
        except Exception:  # a row may vanish while read
            pass
    return []


def grid_rows(table):
    """The rows of a grid, in order, each a list of its cells."""
    rows = []
    for row in table_rows(table):
        try:
            cells = [c for c in row.children if c.roleName == "table cell"]
        except Exception:  # a row may vanish while read
            continue
        if cells:
            rows.append(cells)
    return rows


def grid_cell(table, row, title):
    """The cell of row @row (from 0) under the column titled @title, or None."""
    titles = grid_header(table)
    rows = grid_rows(table)
    if title not in titles or row >= len(rows):
        return None
    cells = rows[row]
    index = titles.index(title)
    return cells[index] if index < len(cells) else None


def cell_text(cell):
    try:
        labels = find_all(cell, "label")
        name = labels[0].name if labels else ""
    except Exception:  # a cell may vanish while read
        return ""
    # GTK 4.8 names a label without text by its type.
    return "" if name == "GtkLabel" else name


def focused_cell(table):
    """(row, column title, texts of the row) of the focused cell of a grid,
    or None when the focus is not on one."""
    titles = grid_header(table)
    for r, cells in enumerate(grid_rows(table)):
        for c, cell in enumerate(cells):
            # The cell widget itself, or the editor in it.
            if any(is_focused(n) for n in [cell] + _descendants(cell, lambda n, r: True)):
                title = titles[c] if c < len(titles) else None
                return r, title, [cell_text(x) for x in cells]
    return None


# The window's pages

def show_page(frame, title):
    sidebar = find(frame, "list", _("Pages"))
    click(find(sidebar, "label", title))


def add_unit(frame, code, name):
    """Adds a unit with the form of the 单位 page, as a user would."""
    show_page(frame, _("Units"))
    click(find(frame, "push button", _("Add Unit")))
    # The form opens on the code of the new unit.
    type_text(code)
    click(find(frame, "text", _("Unit Name")))
    type_text(name)
    keys("Return")
    click(find(frame, "push button", _("Save New Unit")))
    units = find(frame, "tree table", _("Units"))
    check(units is not None and find(units, "label", code) is not None,
          f"unit {code} was added with the form")
    check(find(units, "label", name) is not None, f"unit “{name}” is listed")


def press(node):
    """Activates a button by its accessible action, which does not depend on
    where AT-SPI thinks the button is; falls back to a click."""
    forget()
    try:
        node.doActionNamed("click")
    except Exception:
        node.click()
    time.sleep(0.6)


def labelled(node, roles, text, timeout=20):
    """The first node of one of @roles whose name, mnemonics left out,
    starts with @text."""
    def look():
        found = node.findChildren(lambda n: n.roleName in roles and (n.name or "").replace("_", "").startswith(text))
        return found[0] if found else None
    return wait_for(look, timeout=timeout)


def choose_in_main_menu(app, frame, env, label, action, appeared):
    """Opens the window's main menu and chooses the item @label (its
    mnemonic and "…" left out), then waits for @appeared() to return what
    the item opens. A popover's item may take neither its AT-SPI action
    nor a pointer placed at its reported position: then the window action
    @action, which the item runs, is asked for as the desktop shell would."""
    menu = labelled(frame, ("toggle button", "push button"), _("Main Menu"))
    check(menu is not None, "the window has its main menu")
    click(menu)
    item = labelled(app, ("menu item", "push button", "check menu item"),
                    label.replace("_", "").split("(")[0].rstrip("…"))
    if item is None:
        dump(app)
    check(item is not None, f"the main menu offers “{label}”")
    press(item)
    shown = wait_for(appeared, timeout=10)
    if shown is None:
        subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.yusuan.Yusuan",
                        "--object-path", "/io/github/yusuan/Yusuan/window/1",
                        "--method", "org.gtk.Actions.Activate", action, "[]", "{}"],
                       env=env, check=False, capture_output=True, timeout=30)
        shown = wait_for(appeared)
    return shown


def label_containing(node, text, timeout=20):
    """The first label below @node whose text contains @text, waited for."""
    return wait_for(lambda: next(iter(node.findChildren(
        lambda n: n.roleName == "label" and text in (n.name or ""))), None), timeout=timeout)


def named(node, roles, name, timeout=10):
    """The first descendant with one of @roles named @name, or @name followed
    by the text of its mnemonic label (GTK 4.8 appends it: "说明 说明(E)")."""
    return find_first(node, lambda n: n.roleName in roles and (n.name == name or n.name.startswith(name + " ")),
                      retry=True, timeout=timeout)


def enter_reviewer_mode(app, frame, name):
    """Presses 审核人模式 on the Review page and answers its question with
    @name (ASCII: typed with the keyboard). Returns the dialog's name entry
    as it was found, or None when no question came."""
    press(named(frame, ("toggle button", "push button"), _("Reviewer Mode")))
    entry = wait_for(lambda: find(app, "text", _("Reviewer’s Name"), retry=False))
    if entry is None:
        return None
    type_text(name)
    # Enter takes the dialog's default answer, 进入审核人模式.
    keys("Return")
    return entry


# Starting yusuan

def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--yusuan", required=True, help="the built yusuan")
    parser.add_argument("--cli", required=True, help="the built yusuan-cli")
    parser.add_argument("--localedir", help="where yusuan.mo is, when not installed")
    parser.add_argument("--screenshots", help="save screenshots in this directory")
    return parser.parse_args()


def setup(args):
    """Reads the catalog the window runs with; returns the environment to
    start yusuan in."""
    global T

    T = gettext.translation("yusuan", localedir=args.localedir, fallback=True)
    env = dict(os.environ)
    env["GSETTINGS_BACKEND"] = "memory"
    env.pop("GTK_MODULES", None)
    if args.localedir:
        env["YUSUAN_LOCALEDIR"] = args.localedir
    return env


def _watch_log(proc):
    """Passes yusuan's standard error on to the test's, keeping the critical
    warnings for check_log() and the others in proc.warnings."""
    for raw in proc.stderr:
        line = raw.decode("utf-8", "replace")
        sys.stderr.write(line)
        sys.stderr.flush()
        if "-CRITICAL **" in line:
            proc.criticals.append(line.strip())
        elif "-WARNING **" in line:
            proc.warnings.append(line.strip())


def start(args, env, *argv):
    """Starts yusuan (on the files in @argv), its log watched."""
    proc = subprocess.Popen([args.yusuan, *argv], env=env, stderr=subprocess.PIPE)
    proc.criticals = []
    proc.warnings = []
    proc.log_watcher = threading.Thread(target=_watch_log, args=(proc,), daemon=True)
    proc.log_watcher.start()
    return proc


def open_in(args, env, path):
    """Opens @path in the yusuan already running, as `yusuan FILE` does
    from a file manager: the second process hands it over and exits."""
    forget()
    subprocess.run([args.yusuan, path], env=env, check=True, timeout=120)


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=10)
    proc.log_watcher.join(timeout=10)


def check_log(proc, what):
    """No critical warning in yusuan's log so far (they are printed as they
    come): one means a widget was used after it went, or worse."""
    if proc.poll() is None:
        time.sleep(0.5)  # the last lines read
    else:
        proc.log_watcher.join(timeout=10)
    first = f": {proc.criticals[0]}" if proc.criticals else ""
    check(not proc.criticals, f"{what}: yusuan logged no critical warning ({len(proc.criticals)}){first}")


def find_app(proc):
    def lookup():
        for app in tree.root.applications():
            try:
                if app.get_process_id() == proc.pid:
                    return app
            except Exception:
                pass
        return None
    app = wait_for(lookup)
    if app is None:
        raise Failure(f"yusuan (pid {proc.pid}) did not appear on the accessibility bus")
    return app


def find_window(app, title=None, timeout=20):
    """The window of @app titled @title (any window when None), or None."""
    def look():
        # Windows are the application's children (GTK 4 nests none): no
        # need to walk the first window's whole tree to reach the second.
        return next((child for child in _children(app) if matches(child, "frame", title)), None)
    return wait_for(look, timeout=timeout)


def main(description, test, passed):
    """Runs @test (args, env, workdir) in a scratch directory; 0 when it
    passes, 1 on its first failure."""
    args = parse_args(description)
    env = setup(args)
    with tempfile.TemporaryDirectory() as workdir:
        try:
            test(args, env, workdir)
        except Failure as e:
            print(f"not ok - {e}")
            return 1
    print(passed)
    return 0
