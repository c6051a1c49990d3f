"""Conflicts flagged across the reports of one story, on hand-written stories of real-world patterns
(bench/data/across_reports.jsonl).

    .venv/bin/python bench/across_reports.py

Each line is one story: its reports (each from its own outlet, published ``days`` after the first) and
the pairs of figures, one from each of two reports, that are one quantity given differently. The stories
were written for this check, after patterns seen in news (two outlets' tolls of one bombing, destroyed
homes, a toll rising over days, a town's population, detentions, a quake's magnitude from two agencies,
the injured of a fire; and what is no conflict: two bombings in two cities, civilians beside soldiers,
a bound and a figure within it, a part beside its whole, a new batch, a weekend's arrests beside one
protest's, "thousands" beside a count); none is copied from an article. c01-c10 were scored before the
rule that lines up two reports of one day (2 of 2 flags right, 2 of 7 conflicts found), d01-d10 after it
and before the fixes they called for (2 of 4 right, 2 of 2 found). Prints each story's flags, then
precision and recall of the flagged pairs and a JSON line.
"""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from pathlib import Path

from rashomon.extract import extract, parse
from rashomon.link.reconcile import reconcile
from rashomon.records import Article, Claim

DATA = Path(__file__).parent / "data" / "across_reports.jsonl"
FIRST_DAY = date(2026, 3, 2)


def flagged_pairs(story_id: str, reports: list[str], days: list[int]) -> set[frozenset[str]]:
    """The pairs of figures (as written) that share a conflicting or evolving slot of the story."""
    claims: list[Claim] = []
    for n, (text, day) in enumerate(zip(reports, days, strict=True)):
        article = Article(id=f"{story_id}-{n}", origin=f"{story_id}-{n}.txt", text=text, outlet=f"Outlet {n}",
                          published=FIRST_DAY + timedelta(days=day))  # fmt: skip
        claims += extract(article, next(parse([text]))).claims
    by_id = {c.id: c for c in claims}
    slots, _ = reconcile(story_id, claims, {})
    out = set()
    for slot in slots:
        if slot.status in ("conflict", "evolving"):
            texts = sorted({by_id[i].value.text for i in slot.claim_ids})
            out |= {frozenset(p) for p in itertools.combinations(texts, 2)}
    return out


def main() -> None:
    tp = fp = fn = 0
    for line in DATA.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        gold = {frozenset(p) for p in case["conflicts"]}
        found = flagged_pairs(case["id"], case["reports"], case["days"])
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        print(f"{case['id']}: flagged {sorted(sorted(p) for p in found)}; expected {sorted(sorted(p) for p in gold)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"conflicts across reports: precision {precision:.3f} ({tp} of {tp + fp} flagged), recall {recall:.3f}")
    print(json.dumps({"precision": round(precision, 4), "recall": round(recall, 4), "flagged": tp + fp, "true": tp}))


if __name__ == "__main__":
    main()
