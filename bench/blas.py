"""Matrix products: thinc's bundled BLIS against numpy's BLAS, and whether the pipeline's output changes.

    .venv/bin/python bench/blas.py [--articles 100]

Prints single-precision matrix-product speed (GFLOP/s, one thread, the shapes of the small English
pipeline's token encoder) for BLIS and for numpy's BLAS, then runs the full spaCy pipeline over the
same generated articles both ways and counts the tokens whose tag, head, dependency label or entity
differ. rashomon.nlp.numpy_blas chooses numpy's BLAS on the strength of these figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles


def gflops(product: Any, rows: int = 2000, inner: int = 288, cols: int = 288, repeats: int = 50) -> float:
    import numpy

    a = numpy.random.default_rng(0).random((rows, inner), dtype="float32")
    b = numpy.random.default_rng(1).random((inner, cols), dtype="float32")
    product(a, b)
    start = time.perf_counter()
    for _ in range(repeats):
        product(a, b)
    return 2 * rows * inner * cols * repeats / (time.perf_counter() - start) / 1e9


def annotations(nlp: Any, texts: list[str]) -> tuple[list[tuple[Any, ...]], float]:
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    elapsed = time.perf_counter() - start
    return [(t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_, t.lemma_) for d in docs for t in d], elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    import spacy
    from blis.py import gemm
    from threadpoolctl import threadpool_limits

    from rashomon.nlp import DEFAULT_MODEL, numpy_blas

    with threadpool_limits(limits=1, user_api="blas"):
        blis_rate, numpy_rate = gflops(gemm), gflops(lambda a, b: a @ b)
    print(f"BLIS (thinc's)        {blis_rate:6.1f} GFLOP/s")
    print(f"numpy BLAS, 1 thread  {numpy_rate:6.1f} GFLOP/s")
    texts = [a["text"] for a in articles(args.articles)]
    shipped, t_blis = annotations(spacy.load(DEFAULT_MODEL), texts)
    numpy_ops, t_numpy = annotations(numpy_blas(spacy.load(DEFAULT_MODEL)), texts)
    differ = sum(a != b for a, b in zip(shipped, numpy_ops, strict=True))
    print(f"full pipeline: BLIS {len(texts) / t_blis:.2f} articles/s, numpy BLAS {len(texts) / t_numpy:.2f} articles/s")
    print(f"tokens whose tag, head, label, entity or lemma differ: {differ} of {len(shipped)}")
    summary = {"blis_gflops": round(blis_rate, 1), "numpy_blas_gflops": round(numpy_rate, 1),
               "blis_articles_per_s": round(len(texts) / t_blis, 2),
               "numpy_blas_articles_per_s": round(len(texts) / t_numpy, 2),
               "tokens": len(shipped), "tokens_differing": differ}  # fmt: skip
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
