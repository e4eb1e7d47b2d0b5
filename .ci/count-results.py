"""Counts test results from meson's JSON logs (one or more): every TAP
subtest, and every non-TAP test as one. Prints 'N passed, M failed'; exits 1
when anything failed or when nothing ran. --failed K adds K failures counted
elsewhere (a build that did not finish)."""
import json
import re
import sys

passed = failed = 0
args = sys.argv[1:]
if len(args) >= 2 and args[0] == "--failed":
    failed += int(args[1])
    args = args[2:]
for path in args:
    try:
        log = open(path, encoding="utf-8")
    except OSError:
        failed += 1
        continue
    with log:
        for line in log:
            test = json.loads(line)
            out = test.get("stdout") or ""
            oks = len(re.findall(r"^ok \d+", out, re.M))
            not_oks = len(re.findall(r"^not ok \d+", out, re.M))
            if oks or not_oks:
                passed += oks
                failed += not_oks
                if test["result"] != "OK" and not_oks == 0:
                    failed += 1
            elif test["result"] in ("OK", "EXPECTEDFAIL"):
                passed += 1
            else:
                failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
