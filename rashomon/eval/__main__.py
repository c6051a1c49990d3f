"""``python -m rashomon.eval TASK --data FILE``: predictions, one JSON object per line, on standard output."""

from __future__ import annotations

import argparse
import json
import sys

from rashomon.eval.tasks import TASKS, predict


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="rashomon eval", description=__doc__)
    ap.add_argument("task", choices=sorted(TASKS))
    ap.add_argument("--data", required=True, help="a gold file in the ../shared/bench formats")
    ap.add_argument(
        "--full-nlp", action="store_true", help="parse every sentence in full (default: only those extraction reads)"
    )
    args = ap.parse_args(argv)
    with open(args.data, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for prediction in predict(args.task, records, selective=not args.full_nlp):
        sys.stdout.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
