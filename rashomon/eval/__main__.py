"""``python -m rashomon.eval TASK --data FILE``: predictions, one JSON object per line, on standard output.

For a task that a shipped trained model takes part in, standard error also gets that model's own
figures on the part of its training data held out for selection (as its training command printed them).
"""

from __future__ import annotations

import argparse
import json
import sys

from rashomon.eval.tasks import TASKS, predict
from rashomon.extract import weights

MODELS = {  # the shipped models (rashomon/data/models) each task's predictions go through
    "attribution": ("attribution.json", "cues.json"),
    "geo": ("toponyms.json",),
    "reconcile": ("slots.json",),
}


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
    for file in MODELS.get(args.task, ()):
        model = weights.load(file)
        if model is not None:
            held_out = json.dumps(model.get("held_out"), sort_keys=True)
            sys.stderr.write(f"model {file}, its own figures on its held-out selection data: {held_out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
