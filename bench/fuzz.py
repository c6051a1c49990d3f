"""The long fuzzing run: the property tests of tests/test_properties.py and the API fuzz of
tests/web/test_api_fuzz.py with many more examples.

    .venv/bin/python bench/fuzz.py --examples 100000

Each property of decoding and reconciliation draws ``--examples`` inputs; extraction, which parses every
draw with spaCy, draws a twentieth of that; each API operation a hundredth (Schemathesis, from the
app's OpenAPI schema, the app in process). Prints each property's outcome and time, and ends with one
JSON line: examples asked, properties run, crashes or invariant failures (pytest failures), seconds.
Exits 1 when any property failed, with Hypothesis's smallest failing input in the pytest output.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULT = re.compile(r"^(tests/\S+::(\w+)) (PASSED|FAILED|ERROR)", re.M)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=10_000, help="inputs drawn per property (extraction: 1/20)")
    args = ap.parse_args()
    env = os.environ | {"FUZZ_EXAMPLES": str(args.examples)}
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "--durations=0", "tests/test_properties.py",
         "tests/web/test_api_fuzz.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    outcomes = {name: status for _, name, status in RESULT.findall(run.stdout)}
    for name, status in outcomes.items():
        print(f"{status:7} {name}")
    failed = [name for name, status in outcomes.items() if status != "PASSED"]
    if failed or run.returncode != 0:
        print(run.stdout[-6000:], run.stderr[-2000:], sep="\n")
    summary = {"examples": args.examples, "properties": len(outcomes), "failures": len(failed),
               "seconds": round(seconds, 1), "pytest_exit": run.returncode}  # fmt: skip
    print(json.dumps(summary))
    return 0 if run.returncode == 0 and not failed and outcomes else 1


if __name__ == "__main__":
    sys.exit(main())
