"""Training the cue model: whether a cue the rules found is one that annotators mark.

    python -m rashomon.train cues [--bench ../shared/bench] [--seed 0] [--held-out 0.2]

Reads ``attribution/polnear_dev.jsonl`` (PolNeAR's train and dev compartments; the text never enters
the repository), parses each article as ``rashomon eval attribution`` does and finds its
attributions with the shipped source model but without the cue check. Each found attribution is
labelled, per annotator's record, by whether its cue touches a cue that annotator marked. A share of
the articles, dealt by a seeded shuffle of their texts (one text, all its annotators, on one side),
is held out: a sparse L2 logistic model is fitted on the rest (L-BFGS from zero, deterministic), and
the threshold under which an attribution is dropped is chosen on the held-out articles by the
bench's own scorer: the lowest whose sum of exact source F1 and relations F1 is within TIE of the best
(the model drops no more than the held-out articles show it should). The figures printed are those
held-out scores, beside those without the check. The final model is fitted on every article and
written, with the threshold and the held-out report, to ``data/models/cues.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from rashomon.eval.tasks import char_span
from rashomon.extract import cue_model, weights
from rashomon.extract.attribution import closed, find_attributions, quote_spans
from rashomon.train.attribution import parsed, polnear_main, split
from rashomon.train.slots import _scorer, vocabulary

OUT = Path(__file__).resolve().parents[1] / "data" / "models" / "cues.json"
THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6)
MIN_COUNT = 3  # a feature seen fewer times in training carries no weight
TIE = 0.002  # held-out scores this close are one: the lowest such threshold drops the fewest attributions
L2 = 5.0  # on the held-out articles: 1.0 gave relations F1 0.703 at its best threshold, 5.0 0.706


@dataclass
class Cue:
    """One found attribution: what the model reads of its cue, its bench prediction, and its cue's
    character spans (one per token) for labelling."""

    features: dict[str, float] | None  # None: a cue the model does not weigh (cue_model.weighed)
    prediction: dict[str, Any]
    cue_chars: list[tuple[int, int]]


def found_cues(bench: Path) -> tuple[list[dict[str, Any]], dict[str, list[Cue]]]:
    """The gold records, and per distinct text its found attributions."""
    records, docs = parsed(bench)
    out: dict[str, list[Cue]] = {}
    for text, doc in docs.items():
        quotes = quote_spans(doc)
        out[text] = []
        for item in find_attributions(doc, attitudes=True, checked=False):
            source = closed(doc, item.source) if item.source else None
            prediction = {"source": char_span(doc, source) if source else None, "cue": char_span(doc, item.cue),
                          "content": char_span(doc, item.content)}  # fmt: skip
            chars = [(t.idx, t.idx + len(t.text)) for t in doc[item.cue[0] : item.cue[1]]]
            features = cue_model.features(doc, item, quotes) if cue_model.weighed(item) else None
            out[text].append(Cue(features, prediction, chars))
    return records, out


def label(record: dict[str, Any], cue: Cue) -> int:
    """1 when the cue touches a cue the record's annotator marked."""
    marked = [span for a in record["attributions"] if a["cue"] for span in _spans(a["cue"])]
    return int(any(s < end and start < e for start, end in cue.cue_chars for s, e in marked))


def _spans(x: list[Any]) -> list[list[int]]:
    return x if isinstance(x[0], list) else [x]


def fit_sparse(rows: list[tuple[dict[str, float], int]]) -> dict[str, Any]:
    """An L2 logistic model over rows of named features (those seen fewer than MIN_COUNT times left out)."""
    vocab, column = vocabulary(rows, MIN_COUNT)
    cells = [(r, column[k], v) for r, (f, _) in enumerate(rows) for k, v in f.items() if k in column]
    r_idx, c_idx, vals = zip(*cells, strict=True) if cells else ((), (), ())
    x = sparse.csr_matrix((vals, (r_idx, c_idx)), shape=(len(rows), len(vocab)))
    y = np.array([label for _, label in rows], dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w[1:] + w[0], -30, 30)))
        value = -float(np.sum(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        value += 0.5 * L2 * float(w[1:] @ w[1:])
        grad = np.empty_like(w)
        grad[0] = np.sum(p - y)
        grad[1:] = x.T @ (p - y) + L2 * w[1:]
        return value, grad

    from scipy.optimize import minimize  # here: its BLAS is loaded only when a model is trained

    w = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    rounded = {k: round(float(v), 6) for k, v in zip(vocab, w[1:], strict=True)}
    return {"bias": round(float(w[0]), 6), "weights": {k: v for k, v in rounded.items() if v != 0}}


def evaluate(scorer: Any, records: list[dict[str, Any]], found: dict[str, list[Cue]], m: dict[str, Any] | None,
             threshold: float) -> dict[str, float]:  # fmt: skip
    """The bench's attribution metrics on ``records`` with attributions under ``threshold`` dropped."""
    gold = [{"id": r["id"], "text": r["text"], "gold": scorer.parse_attribution(r)} for r in records]
    preds = {}
    for r in records:
        kept = [c.prediction for c in found[r["text"]] if _kept(m, c, threshold)]
        preds[r["id"]] = scorer.parse_attribution({"attributions": kept})
    metrics, _ = scorer.score_attribution(gold, preds)
    return {k: round(float(v), 4) for k, v in metrics.items()}


def _kept(m: dict[str, Any] | None, cue: Cue, threshold: float) -> bool:
    return m is None or cue.features is None or weights.probability(m, cue.features) >= threshold


def train(bench: Path, seed: int, share: float) -> dict[str, Any]:
    scorer = _scorer(bench)
    records, found = found_cues(bench)
    held = split(records, seed, share)
    rows = [(c.features, label(r, c)) for r in records if r["text"] not in held for c in found[r["text"]] if c.features]
    m = fit_sparse(rows)
    held_records = [r for r in records if r["text"] in held]
    scores = {t: evaluate(scorer, held_records, found, m, t) for t in THRESHOLDS}
    best = max(scores[t]["source_exact_f1"] + scores[t]["relations_f1"] for t in THRESHOLDS)
    threshold = min(t for t in THRESHOLDS if scores[t]["source_exact_f1"] + scores[t]["relations_f1"] >= best - TIE)
    unchecked = evaluate(scorer, held_records, found, None, 0.0)
    final = fit_sparse([(c.features, label(r, c)) for r in records for c in found[r["text"]] if c.features])
    return final | {"threshold": threshold, "seed": seed, "held_out_share": share, "l2": L2,
                    "held_out": {"articles": len({r["text"] for r in held_records}), "records": len(held_records),
                                 "unchecked": unchecked, "checked": scores[threshold]}}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return polnear_main(argv, "cues", __doc__ or "", train, OUT, ("unchecked", "checked"))
