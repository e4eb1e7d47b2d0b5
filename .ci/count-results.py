"""Counts test results from meson's JSON log: every TAP subtest, and every
non-TAP test as one. Prints 'N passed, M failed'; exits 1 when anything failed
or when nothing ran."""
import json
import re
import sys

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
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
