from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from rashomon.errors import FetchError
from rashomon.ingest import fetch as fetch_module
from rashomon.ingest.fetch import FetchLimits, check_url, fetch, limits_for, pinned
from rashomon.settings import Settings
from rashomon.store import open_store
from tests.conftest import run_cli

PAGE = b"<html><body><article><p>Officials said 12 people were hurt.</p></article></body></html>"
BOMB = gzip.compress(b"<p>" + b"a" * 50_000_000)  # 50 MB of text in about 50 KB


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/hop/"):
            n = int(self.path.split("/")[2])
            self._redirect(f"/hop/{n + 1}" if n < 9 else "/page")
        elif self.path == "/to-private":
            self._redirect("http://10.1.2.3/secret")
        elif self.path == "/report.pdf":
            self._send(b"%PDF-1.7 ...", "application/pdf")
        elif self.path == "/notes.txt":
            self._send(b"Floods forced 300 families from their homes, the mayor said.", "text/plain; charset=utf-8")
        elif self.path == "/host":
            self._send(f"<html><body><p>{self.headers['Host']}</p></body></html>".encode(), "text/html")
        elif self.path == "/who":
            self._send(f"<html><body><p>{self.headers['User-Agent']}</p></body></html>".encode(), "text/html")
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):  # a byte every 0.1 s: never slow enough for a read timeout
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            self.wfile.write(BOMB)
        elif self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 200_000)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(PAGE)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://localhost:8000/", "http://10.0.0.5/", "http://169.254.169.254/latest/meta-data",
     "http://[::1]/", "http://192.168.1.1/", "http://0.0.0.0/"],
)  # fmt: skip
def test_loopback_private_and_link_local_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x", "http:///nohost"])
def test_only_http_urls_with_a_host_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="not an http"):
        check_url(url, allow_private=True)


def test_a_trusted_network_may_be_allowed(site: str) -> None:
    raw = fetch(site + "/page", FetchLimits(allow_private=True))
    assert raw.kind == "html" and raw.data == PAGE and raw.given.url == site + "/page"


def test_redirects_are_followed_a_few_times_only(site: str) -> None:
    assert fetch(site + "/hop/7", FetchLimits(allow_private=True, max_redirects=3)).data == PAGE
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(site + "/hop/0", FetchLimits(allow_private=True, max_redirects=3))


def test_every_redirect_target_is_checked_again(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fetch_module.check_url

    def only_the_test_site(url: str, allow_private: bool = False) -> str | None:
        if urlsplit(url).hostname != "127.0.0.1":  # the test site stands in for a public one
            return real(url, False)
        return None

    monkeypatch.setattr(fetch_module, "check_url", only_the_test_site)
    with pytest.raises(FetchError, match=r"10\.1\.2\.3"):
        fetch(site + "/to-private", FetchLimits())


def test_a_page_over_the_size_limit_is_refused(site: str) -> None:
    with pytest.raises(FetchError, match=r"over the 0\.1 MB limit"):
        fetch(site + "/big", FetchLimits(allow_private=True, max_bytes=100_000))


def test_a_file_that_is_not_a_page_is_refused_with_its_type(site: str) -> None:
    with pytest.raises(FetchError, match="application/pdf, not a web page or text"):
        fetch(site + "/report.pdf", FetchLimits(allow_private=True))
    assert fetch(site + "/notes.txt", FetchLimits(allow_private=True)).kind == "text"


def test_a_small_compressed_body_that_unpacks_beyond_the_limit_is_refused(site: str) -> None:
    with pytest.raises(FetchError, match=r"over the 1\.0 MB limit"):
        fetch(site + "/bomb", FetchLimits(allow_private=True, max_bytes=1_000_000))


def test_the_user_agent_names_rashomon_and_the_contact_setting(site: str) -> None:
    limits = limits_for(Settings(contact="desk@example.org", allow_private_urls=True))
    page = fetch(site + "/who", limits).data.decode()
    assert "Rashomon/" in page and "(+desk@example.org)" in page


def test_ingest_reads_urls_given_and_listed_and_refuses_bad_ones_with_the_reason(site: str, tmp_path: Path) -> None:
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# today's pages\n{site}/notes.txt\n\n{site}/report.pdf\n", encoding="utf-8")
    db = tmp_path / "s.sqlite"
    env = {"RASHOMON_ALLOW_PRIVATE_URLS": "1"}  # the test server is on loopback: the setting made for it
    done = run_cli("ingest", f"{site}/page", "--urls", str(listed), db=db, env=env)
    assert done.returncode == 1, done.stdout + done.stderr  # one input refused
    assert "2 new article(s)" in done.stdout and "application/pdf" in done.stdout
    with open_store(db) as store:
        assert sorted(a.url for a in store.articles()) == [f"{site}/notes.txt", f"{site}/page"]
        page = next(a for a in store.articles() if a.url == f"{site}/page")
        assert store.page(page.id) == PAGE  # kept, so the text can be read again without fetching it


def test_a_page_that_never_finishes_is_cut_off_at_the_time_limit(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1 s"):
        fetch(site + "/drip", FetchLimits(allow_private=True, timeout=1.0))
    assert time.monotonic() - started < 3


def test_the_fetch_connects_to_the_address_it_checked_and_asks_for_the_host_by_name() -> None:
    target, headers, extensions = pinned("https://news.example.org:8443/a/b?c=1", "93.184.216.34")
    assert target == "https://93.184.216.34:8443/a/b?c=1"
    assert headers == {"Host": "news.example.org:8443"} and extensions == {"sni_hostname": "news.example.org"}
    assert pinned("http://example.org/x", "2606:2800:220:1::")[0] == "http://[2606:2800:220:1::]/x"
    assert pinned("http://example.org/x", None) == ("http://example.org/x", {}, {})


def test_a_name_that_resolves_to_a_public_address_is_pinned_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([[(2, 1, 6, "", ("93.184.216.34", 0))], [(2, 1, 6, "", ("127.0.0.1", 0))]])
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", lambda *a, **k: next(answers))
    assert check_url("http://rebind.example/") == "93.184.216.34"  # the second, private answer is never asked


def test_the_connection_goes_to_the_checked_address_not_to_a_second_lookup(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = urlsplit(site).port
    # "pinned.test" resolves nowhere on this machine: the page can only come from the address checked
    monkeypatch.setattr(fetch_module, "check_url", lambda url, allow_private=False: "127.0.0.1")
    page = fetch(f"http://pinned.test:{port}/host", FetchLimits()).data.decode()
    assert f"pinned.test:{port}" in page
