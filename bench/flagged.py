"""What the hand-written conflict benches (within_report.py, across_reports.py) share: the pairs of
figures a story flags, and their precision and recall against the pairs a reader marked."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rashomon.link.reconcile import reconcile
from rashomon.records import Claim


def flagged_pairs(story_id: str, claims: list[Claim]) -> set[frozenset[str]]:
    """The pairs of figures (as written) that share a conflicting or evolving slot of the story."""
    by_id = {c.id: c for c in claims}
    slots, _ = reconcile(story_id, claims, {})
    out = set()
    for slot in slots:
        if slot.status in ("conflict", "evolving"):
            texts = sorted({by_id[i].value.text for i in slot.claim_ids})
            out |= {frozenset(p) for p in itertools.combinations(texts, 2)}
    return out


def run(data: Path, flags: Callable[[dict[str, Any]], set[frozenset[str]]], what: str) -> None:
    """Each case's flags, then precision and recall of the flagged pairs and a JSON line."""
    tp = fp = fn = 0
    for line in data.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        gold = {frozenset(p) for p in case["conflicts"]}
        found = flags(case)
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        print(f"{case['id']}: flagged {sorted(sorted(p) for p in found)}; expected {sorted(sorted(p) for p in gold)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{what}: precision {precision:.3f} ({tp} of {tp + fp} flagged), recall {recall:.3f}")
    print(json.dumps({"precision": round(precision, 4), "recall": round(recall, 4), "flagged": tp + fp, "true": tp}))
