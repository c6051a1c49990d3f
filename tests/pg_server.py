"""A throwaway PostgreSQL server for the tests: Debian's binaries, a temporary cluster, loopback only.

Nothing here skips: when the binaries are missing or the server does not start, the caller fails
with the reason (``make test`` installs Debian's ``postgresql`` package first).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg


class ServerError(RuntimeError):
    """The test server could not be found or started; the message says why and what to install."""


def _bin_dir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if not versions:
        raise ServerError("PostgreSQL server binaries not found: install Debian's postgresql package")
    return Path(versions[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the ``postgres`` user Debian's package creates."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class PostgresServer:
    """One running test cluster; :meth:`database` hands out fresh, empty databases."""

    root: Path
    bin: Path
    port: int

    @property
    def admin_url(self) -> str:
        return f"postgresql://rashomon@127.0.0.1:{self.port}/postgres"

    @classmethod
    def start(cls) -> PostgresServer:
        root = Path(tempfile.mkdtemp(prefix="rashomon-pg-"))
        server = cls(root, _bin_dir(), _free_port())
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
        server._run("initdb", "-D", str(root / "data"), "-U", "rashomon", "--auth=trust", "-E", "UTF8")
        options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} -c fsync=off"
        server._run("pg_ctl", "-D", str(root / "data"), "-l", str(root / "log"), "-o", options, "-w", "start")
        return server

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run(
            _as_server_user([str(self.bin / program), *args]), capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0:
            log = (self.root / "log").read_text() if (self.root / "log").exists() else ""
            raise ServerError(f"{program} failed ({done.returncode}): {done.stderr.strip()} {log.strip()}")

    def database(self) -> str:
        """Create an empty database and return its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"'.encode())
        return f"postgresql://rashomon@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
