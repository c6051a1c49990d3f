"""Load on the JSON API over loopback: concurrent clients, bounded in requests and in time.

    .venv/bin/python bench/api_load.py [--db STORE] [--clients 8] [--requests 2000] [--seconds 60]

Starts `rashomon serve` on a free loopback port (over a fresh demo store unless --db is given), has
``--clients`` threads cycle through the read endpoints (story list, search, a story, claims, events,
an article) until ``--requests`` are done or ``--seconds`` pass, then prints requests per second, latency
percentiles and the error count, and one JSON object. Exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from itertools import cycle
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.web.conftest import _free_port, _wait_until_up


def _targets(url: str) -> list[str]:
    story = httpx.get(url + "/api/stories").json()["items"][0]["id"]
    article = httpx.get(url + "/api/claims", params={"story": story}).json()["items"][0]["article_id"]
    return [
        "/api/stories", "/api/stories?q=raid&limit=5", f"/api/stories/{story}", "/api/claims?conflicts_only=true",
        f"/api/events?story={story}", f"/api/articles/{article}", "/api/entities?type=gpe",
    ]  # fmt: skip


def _drive(url: str, paths: list[str], budget: list[int], deadline: float, out: list[tuple[float, bool]]) -> None:
    lock = threading.Lock()
    with httpx.Client(base_url=url, timeout=30) as client:
        for path in cycle(paths):
            with lock:
                if budget[0] <= 0 or time.monotonic() > deadline:
                    return
                budget[0] -= 1
            start = time.perf_counter()
            try:
                ok = client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            out.append((time.perf_counter() - start, ok))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _demo_store(Path(tmp) / "demo.sqlite")

        port = _free_port()
        cmd = [sys.executable, "-m", "rashomon", "--db", str(db), "serve", "--port", str(port)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(url, proc)
            return _report(*_load(url, args), args)
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def _demo_store(path: Path) -> Path:
    from rashomon.demo import run_demo
    from rashomon.settings import Settings

    store, _ = run_demo(Settings(db=str(path)), path)
    store.close()
    return path


def _load(url: str, args: argparse.Namespace) -> tuple[list[tuple[float, bool]], float]:
    paths = _targets(url)
    results: list[tuple[float, bool]] = []
    budget = [args.requests]
    deadline = time.monotonic() + args.seconds
    threads = [
        threading.Thread(target=_drive, args=(url, paths, budget, deadline, results)) for _ in range(args.clients)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - start


def _report(results: list[tuple[float, bool]], elapsed: float, args: argparse.Namespace) -> int:
    latencies = sorted(r[0] * 1000 for r in results)
    errors = sum(1 for r in results if not r[1])
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    figures = {
        "clients": args.clients, "requests": len(results), "seconds": round(elapsed, 2),
        "requests_per_s": round(len(results) / elapsed, 1), "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
        "p99_ms": round(q[98], 1), "errors": errors,
    }  # fmt: skip
    print(f"{figures['requests']} requests from {args.clients} clients in {figures['seconds']} s: "
          f"{figures['requests_per_s']} requests/s; latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
          f"p99 {figures['p99_ms']} ms; errors {errors}")  # fmt: skip
    print(json.dumps(figures))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
