"""Fetching one page by URL for ingest, guarded against server-side request forgery.

A URL may name only http(s); its host must resolve to public addresses (loopback, private, link-local,
multicast, reserved and unspecified addresses are refused unless ``allow_private``); each redirect is
followed only after the same check on its target, at most ``max_redirects`` times; the body is read up
to ``max_bytes`` and the whole exchange is bounded by ``timeout`` seconds.

The check resolves the name, then the client connects by name again, so a resolver that answers
differently the second time (DNS rebinding) is not defeated here; run the server where such answers
cannot come from an attacker, or keep URL ingest off.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx

from rashomon.errors import FetchError
from rashomon.ingest.metadata import Metadata
from rashomon.ingest.sources import RawInput

REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_bytes: int = 5_000_000
    timeout: float = 10.0
    max_redirects: int = 3
    allow_private: bool = False


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise FetchError unless ``url`` is http(s) on a host whose every address may be fetched."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url!r} is not an http(s) URL with a host; give a full http:// or https:// address")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 0, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise FetchError(f"cannot resolve {parts.hostname!r} ({exc}); check the address") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{url!r} resolves to {address}, a loopback, private or link-local address; fetching it is "
                "refused (set allow_private_urls to allow it on a trusted network)"
            )


def fetch(url: str, limits: FetchLimits, given: Metadata | None = None) -> RawInput:
    """The page at ``url`` as a raw HTML input (FetchError with the reason when it cannot be had)."""
    with httpx.Client(timeout=limits.timeout, follow_redirects=False) as client:
        for _ in range(limits.max_redirects + 1):
            check_url(url, limits.allow_private)
            data, location = _get(client, url, limits.max_bytes)
            if location is None:
                meta = given or Metadata()
                return RawInput(origin=url, kind="html", data=data, given=meta if meta.url else replace(meta, url=url))
            url = urljoin(url, location)
    raise FetchError(f"more than {limits.max_redirects} redirects; give the final address")


def _get(client: httpx.Client, url: str, max_bytes: int) -> tuple[bytes, str | None]:
    """The body (or the redirect target) of one GET, read no further than ``max_bytes``."""
    try:
        with client.stream("GET", url, headers={"User-Agent": "rashomon"}) as response:
            if response.status_code in REDIRECTS and "location" in response.headers:
                return b"", response.headers["location"]
            if response.status_code >= 400:
                raise FetchError(f"{url} answered HTTP {response.status_code}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"{url} is over the {max_bytes / 1e6:.1f} MB limit for a page")
            return bytes(body), None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url} ({type(exc).__name__}: {exc}); check the address") from exc
