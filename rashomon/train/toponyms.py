"""Training the toponym model: which names the rules read as places are places.

    python -m rashomon.train toponyms [--bench ../shared/bench] [--seed 0] [--folds 5]

Reads ``geo/geowebnews_dev.jsonl`` (GeoWebNews's development articles; the text never enters the
repository), parses each article as ``rashomon eval geo`` does and reads its toponyms by the rules
alone (:func:`rashomon.extract.places.read_toponyms`). Each found name is labelled by whether it
overlaps a toponym the annotators marked. Articles are dealt into folds by a seeded shuffle; each
fold's names are scored by a model fitted on the other folds, and the threshold under which a name is
dropped is chosen on those held-out scores by the bench's own scorer: the best toponym F1 among the
thresholds that keep acc@161km within 0.002 of the rules'.
The figures printed are the held-out scores, beside the rules' alone. The final model is fitted on
every article and written, with the threshold and the held-out report, to
``data/models/toponyms.json``.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.extract import parse, toponym_model
from rashomon.extract.places import Toponym, read_toponyms
from rashomon.train.slots import _scorer, fit_named

FILE = "geo/geowebnews_dev.jsonl"
OUT = Path(__file__).resolve().parents[1] / "data" / "models" / toponym_model.FILE
THRESHOLDS = tuple(round(0.025 * i, 3) for i in range(1, 21))  # 0.025 .. 0.5
ACC_SLACK = 0.002  # how much acc@161km the model may cost, on the held-out folds, for toponym F1
MIN_COUNT = 3  # a feature seen fewer times in training carries no weight


@dataclass
class Found:
    """One name the rules read as a place, with the model's features and its label."""

    toponym: Toponym
    features: dict[str, float]
    label: int


def found_names(bench: Path) -> tuple[list[dict[str, Any]], dict[str, list[Found]]]:
    """The gold records, and per record id the names the rules found, labelled."""
    records = [json.loads(line) for line in (bench / FILE).read_text(encoding="utf-8").splitlines() if line.strip()]
    out: dict[str, list[Found]] = {}
    for record, doc in zip(records, parse((r["text"] for r in records), selective=True), strict=True):
        gold = [t["span"] for t in record["toponyms"]]
        found, ctx, names = read_toponyms(doc)
        out[record["id"]] = [
            Found(t, toponym_model.features(doc, t, ctx, names), int(any(s < t.end and t.start < e for s, e in gold)))
            for t in found
        ]
    return records, out


def fit_model(found: dict[str, list[Found]], ids: list[str]) -> dict[str, Any]:
    """A logistic model over ``ids``' found names, standardisation folded into the weights."""
    return fit_named([(n.features, n.label) for i in ids for n in found[i]], MIN_COUNT)


def folds(records: list[dict[str, Any]], k: int, seed: int) -> list[list[str]]:
    """The record ids dealt into ``k`` folds by a seeded shuffle."""
    ids = sorted(r["id"] for r in records)
    random.Random(seed).shuffle(ids)
    return [ids[i::k] for i in range(k)]


def evaluate(scorer: Any, records: list[dict[str, Any]], kept: dict[str, list[Toponym]]) -> dict[str, float]:
    gold = [{"id": r["id"], "text": r["text"], "gold": scorer.parse_geo(r)} for r in records]
    preds = {
        i: scorer.parse_geo({"toponyms": [
            {"span": [t.start, t.end], "lat": t.geo.lat if t.geo else None, "lon": t.geo.lon if t.geo else None}
            for t in names]})
        for i, names in kept.items()
    }  # fmt: skip
    metrics, _ = scorer.score_geo(gold, preds)
    return {k: round(float(metrics[k]), 4) for k in ("ner_p", "ner_r", "ner_f1", "acc161")}


def train(bench: Path, seed: int, k: int) -> dict[str, Any]:
    scorer = _scorer(bench)
    records, found = found_names(bench)
    held: dict[str, list[float]] = {}
    for part in folds(records, k, seed):
        m = fit_model(found, [r["id"] for r in records if r["id"] not in set(part)])
        for i in part:
            held[i] = [toponym_model.score(m, n.features) for n in found[i]]

    def kept(threshold: float) -> dict[str, list[Toponym]]:
        return {i: [n.toponym for n, p in zip(ns, held[i], strict=True) if p >= threshold] for i, ns in found.items()}

    scores = {t: evaluate(scorer, records, kept(t)) for t in THRESHOLDS}
    rules = evaluate(scorer, records, kept(0.0))
    # a found name the model drops may have been placed right: places placed stay within ACC_SLACK of the rules'
    allowed = [t for t in THRESHOLDS if scores[t]["acc161"] >= rules["acc161"] - ACC_SLACK] or [THRESHOLDS[0]]
    threshold = max(allowed, key=lambda t: (scores[t]["ner_f1"], -t))
    final = fit_model(found, [r["id"] for r in records])
    return final | {"threshold": threshold, "seed": seed, "folds": k,
                    "held_out": {"articles": len(records), "rules": rules, "model": scores[threshold]}}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rashomon.train toponyms", description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[2].parent / "shared" / "bench")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    result = train(args.bench, args.seed, args.folds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    h = result["held_out"]
    print(f"threshold {result['threshold']}; held out by article in {args.folds} folds: {h['articles']} articles")
    for name in ("rules", "model"):
        print(f"  {name:6} " + "  ".join(f"{k} {v:.4f}" for k, v in h[name].items()))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(result['weights'])} weights)")
    return 0
