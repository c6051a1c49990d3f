"""``python -m rashomon.train MODEL [options]``: train one of the shipped models."""

from __future__ import annotations

import sys

from rashomon.train import attribution, cues, slots, toponyms

MODELS = {"attribution": attribution.main, "cues": cues.main, "slots": slots.main, "toponyms": toponyms.main}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in MODELS:
        print(f"usage: python -m rashomon.train {{{','.join(MODELS)}}} [options]", file=sys.stderr)
        return 2
    return MODELS[args[0]](args[1:])


if __name__ == "__main__":
    sys.exit(main())
