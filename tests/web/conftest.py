"""The app over a store holding the demo corpus: in process (``app``) for the API tests, and a live
`rashomon serve` on loopback (``server``) for the browser tests and one smoke test of the real server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from rashomon.demo import run_demo
from rashomon.pipeline import ingest
from rashomon.settings import Settings
from rashomon.store import open_store
from rashomon.web.app import create_app
from tests.conftest import CNN_SEED, TRN_SEED, require_shared

TOKEN = "test-token-not-secret"


@dataclass(frozen=True)
class Server:
    """A live server (``app`` None: requests go over loopback to ``url``) or the app in this process."""

    url: str
    db: Path
    app: Any = None

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if self.app is not None:
            from starlette.testclient import TestClient

            return TestClient(self.app, base_url=self.url, headers=headers)
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("web") / "demo.sqlite"
    store, _ = run_demo(Settings(db=str(db)), db)
    store.close()
    with _serving(db) as running:
        yield running


@pytest.fixture(scope="session")
def app(server: Server) -> Iterator[Server]:
    """The same app over the same demo store, called in this process through its ASGI interface."""
    with open_store(server.db) as store:
        yield Server("http://testserver", server.db, create_app(store, Settings(db=str(server.db), api_token=TOKEN)))


@pytest.fixture(scope="session")
def seed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app over a store holding the two seed reports (skipped where ../shared is absent)."""
    require_shared(TRN_SEED, CNN_SEED)
    db = tmp_path_factory.mktemp("web-seeds") / "seeds.sqlite"
    with open_store(db) as store:
        ingest([TRN_SEED, CNN_SEED], store, Settings(db=str(db)))
    with _serving(db) as running:
        yield running


@contextmanager
def _serving(db: Path) -> Iterator[Server]:
    port = _free_port()
    env = os.environ | {"RASHOMON_API_TOKEN": TOKEN}
    cmd = [sys.executable, "-m", "rashomon", "--db", str(db), "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield Server(url, db)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _wait_until_up(url: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"rashomon serve exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            httpx.get(url + "/api/stories", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("rashomon serve did not answer within 60 s")
