"""Training the attribution model: where a found source begins and ends, and whether it is one.

    python -m rashomon.train attribution [--bench ../shared/bench] [--seed 0] [--held-out 0.2]

Reads ``attribution/polnear_dev.jsonl`` (PolNeAR's train and dev compartments; the text never enters
the repository), parses each article as ``rashomon eval attribution`` does and finds its attributions
by the rules alone. Every variant of every found source (:func:`rashomon.extract.source_model.variants`)
is labelled by whether it is, to the character, a source the record's annotator marked. A share of the
articles, dealt by a seeded shuffle of their texts (one text, all its annotators, on one side), is held
out: the model is fitted on the rest, and the threshold under which a source is dropped is chosen on
the held-out articles by the bench's own scorer (the mean of exact source F1 and relations F1). The
figures printed are those held-out scores, beside the rules' alone. The final model is fitted on every
article and written, with the threshold and the held-out report, to ``data/models/attribution.json``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rashomon.eval.tasks import char_span
from rashomon.extract import parse, source_model
from rashomon.extract.attribution import closed, find_attributions
from rashomon.train.slots import _scorer, fit_named

FILE = "attribution/polnear_dev.jsonl"
OUT = Path(__file__).resolve().parents[1] / "data" / "models" / "attribution.json"
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
MIN_COUNT = 3  # a feature seen fewer times in training carries no weight


@dataclass
class Candidate:
    """One found attribution: its cue, content and the rules' source in characters, and the variants of
    its source the model weighs (none when it does not), each with its features, character span and label."""

    cue: list[int]
    content: list[int]
    source: list[int] | None
    variants: list[tuple[dict[str, float], list[int], int]]


def candidates(bench: Path) -> tuple[list[dict[str, Any]], dict[str, list[Candidate]]]:
    """The gold records, and per record id its found attributions with their labelled variants."""
    records, docs = parsed(bench)
    found: dict[str, list[Candidate]] = {}
    by_text: dict[str, list[Candidate]] = {}
    for text, doc in docs.items():
        by_text[text] = []
        for item in find_attributions(doc, attitudes=True, learned=False):
            variants = []
            if item.source is not None and source_model.weighed(item):
                for kind, span in source_model.variants(doc, item.source):
                    features = source_model.features(doc, item, kind, span)
                    variants.append((features, char_span(doc, closed(doc, span)), 0))
            source = char_span(doc, closed(doc, item.source)) if item.source else None
            by_text[text].append(Candidate(char_span(doc, item.cue), char_span(doc, item.content), source, variants))
    for r in records:
        gold = {tuple(a["source"]) for a in r["attributions"] if a["source"] and not isinstance(a["source"][0], list)}
        found[r["id"]] = [
            Candidate(c.cue, c.content, c.source, [(f, span, int(tuple(span) in gold)) for f, span, _ in c.variants])
            for c in by_text[r["text"]]
        ]
    return records, found


@cache
def parsed(bench: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The records of ``FILE`` and each distinct text's Doc, parsed as ``rashomon eval attribution``
    parses them (once per process: the cue model's training reads the same)."""
    records = [json.loads(line) for line in (bench / FILE).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = list(dict.fromkeys(r["text"] for r in records))
    return records, dict(zip(texts, parse(texts, selective=True, stance=True), strict=True))


def split(records: list[dict[str, Any]], seed: int, share: float) -> set[str]:
    """The texts held out for model selection."""
    texts = sorted({r["text"] for r in records})
    random.Random(seed).shuffle(texts)
    return set(texts[: round(len(texts) * share)])


def fit_model(found: dict[str, list[Candidate]], ids: list[str]) -> dict[str, Any]:
    """A logistic model over the variants of ``ids``' attributions, standardisation folded into the weights."""
    return fit_named([(f, y) for i in ids for c in found[i] for f, _, y in c.variants], MIN_COUNT)


def predict(m: dict[str, Any] | None, threshold: float, cands: list[Candidate]) -> list[dict[str, Any]]:
    """The bench prediction of one record: the rules' spans when ``m`` is None."""
    out = []
    for c in cands:
        source = c.source
        if c.variants and m is not None:
            p, source = max(((source_model.score(m, f), span) for f, span, _ in c.variants), key=lambda s: s[0])
            if p < threshold:
                continue
        out.append({"source": source, "cue": c.cue, "content": c.content})
    return out


def evaluate(scorer: Any, records: list[dict[str, Any]], found: dict[str, list[Candidate]], m: dict[str, Any] | None,
             threshold: float) -> dict[str, float]:  # fmt: skip
    gold = [{"id": r["id"], "text": r["text"], "gold": scorer.parse_attribution(r)} for r in records]
    preds = {r["id"]: scorer.parse_attribution({"attributions": predict(m, threshold, found[r["id"]])})
             for r in records}  # fmt: skip
    metrics, _ = scorer.score_attribution(gold, preds)
    return {k: round(float(v), 4) for k, v in metrics.items()}


def train(bench: Path, seed: int, share: float) -> dict[str, Any]:
    scorer = _scorer(bench)
    records, found = candidates(bench)
    held = split(records, seed, share)
    fit_ids = [r["id"] for r in records if r["text"] not in held]
    held_records = [r for r in records if r["text"] in held]
    m = fit_model(found, fit_ids)
    scores = {t: evaluate(scorer, held_records, found, m, t) for t in THRESHOLDS}
    threshold = max(THRESHOLDS, key=lambda t: (scores[t]["source_exact_f1"] + scores[t]["relations_f1"], -t))
    rules = evaluate(scorer, held_records, found, None, 0.0)
    final = fit_model(found, [r["id"] for r in records])
    return final | {"threshold": threshold, "seed": seed, "held_out_share": share,
                    "held_out": {"articles": len({r["text"] for r in held_records}), "records": len(held_records),
                                 "rules": rules, "model": scores[threshold]}}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return polnear_main(argv, "attribution", __doc__ or "", train, OUT, ("rules", "model"))


def polnear_main(
    argv: list[str] | None, model: str, doc: str, fit: Callable[[Path, int, float], dict[str, Any]], out: Path,
    compared: tuple[str, str],
) -> int:  # fmt: skip
    """The command line of a model trained on PolNeAR with a held-out share of its articles: train it, write
    it, print the held-out scores of the two readings ``compared`` (without the model, with it)."""
    ap = argparse.ArgumentParser(prog=f"python -m rashomon.train {model}", description=doc.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[2].parent / "shared" / "bench")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--held-out", type=float, default=0.2, help="share of the articles held out for selection")
    ap.add_argument("--out", type=Path, default=out)
    args = ap.parse_args(argv)
    result = fit(args.bench, args.seed, args.held_out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    h = result["held_out"]
    print(f"threshold {result['threshold']}; held out: {h['articles']} articles ({h['records']} annotations)")
    for name in compared:
        print(f"  {name:9} " + "  ".join(f"{k} {v:.4f}" for k, v in h[name].items()))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(result['weights'])} weights)")
    return 0
