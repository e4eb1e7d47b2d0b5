#!/usr/bin/env python3
"""Every finding of a full check, in the order the list shows them, against
golden/findings-<name>.tsv: level, rule, key, place, digest, message and hint
of each. The validator is made faster from time to time; what it finds must
not move with it.

    check-findings-golden.py CLI SAMPLE_DIR GOLDEN.tsv
    check-findings-golden.py CLI generate:OPTIONS GOLDEN.tsv   (options of yusuan-cli generate, comma-separated)
    ... --write   writes GOLDEN.tsv instead of comparing (from a build known to be right)
"""
import json
import os
import subprocess
import sys
import tempfile


def run(cli, *args, ok=(0,)):
    result = subprocess.run([cli, *args], capture_output=True, text=True,
                            env=dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8"))
    if result.returncode not in ok:
        sys.exit(f"{cli} {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    return result.stdout


def clean(text):
    return "" if text is None else str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def rows(cli, source, tmp):
    path = os.path.join(tmp, "check.yusuan")
    if source.startswith("generate:"):
        run(cli, "generate", *[o for o in source[len("generate:"):].split(",") if o], path)
    else:
        run(cli, "import", path, source)
    # validate exits 1 when there is an error: that is a result, not a failure.
    report = json.loads(run(cli, "validate", "--json", path, ok=(0, 1)))
    out = []
    hints = {}
    for f in report["findings"]:
        loc = f.get("location") or {}
        # A rule's hint is mostly the same text: "=" for the one its last finding had.
        hint = "=" if hints.get(f["rule"]) == f["hint"] else f["hint"]
        hints[f["rule"]] = f["hint"]
        out.append("\t".join(clean(v) for v in (
            f["level"], f["rule"], f["key"], loc.get("unit"), loc.get("kind"),
            loc.get("record_id"), loc.get("field"), f["digest"], f["message"], hint)))
    counts = report["counts"]
    out.insert(0, "# %d findings: %d errors, %d warnings, %d information" % (
        len(report["findings"]), counts["error"], counts["warning"], counts["info"]))
    return out


def main():
    args = [a for a in sys.argv[1:] if a != "--write"]
    if len(args) != 3:
        sys.exit(__doc__)
    cli, source, golden = args
    with tempfile.TemporaryDirectory() as tmp:
        got = rows(cli, source, tmp)
    if "--write" in sys.argv:
        with open(golden, "w", encoding="utf-8") as f:
            f.write("\n".join(got) + "\n")
        return
    with open(golden, encoding="utf-8") as f:
        want = f.read().rstrip("\n").split("\n")
    if got == want:
        print(f"{len(got) - 1} findings as in {os.path.basename(golden)}")
        return
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            sys.exit(f"{os.path.basename(golden)} line {i + 1}:\n  expected: {w}\n  got:      {g}")
    sys.exit(f"{os.path.basename(golden)}: {len(want)} lines expected, {len(got)} got")


main()
