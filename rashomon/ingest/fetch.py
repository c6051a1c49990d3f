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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib.metadata import version
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlsplit

import httpx

from rashomon.errors import FetchError, InputError
from rashomon.ingest.metadata import Metadata
from rashomon.ingest.sources import RawInput, reject
from rashomon.records import Rejection

if TYPE_CHECKING:
    from rashomon.settings import Settings

REDIRECTS = (301, 302, 303, 307, 308)


PageKind = Literal["html", "text"]
PAGE_TYPES: dict[str, PageKind] = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_bytes: int = 5_000_000
    timeout: float = 10.0
    max_redirects: int = 3
    allow_private: bool = False
    user_agent: str = "Rashomon"


def limits_for(settings: Settings) -> FetchLimits:
    """The limits a fetch runs under, from the settings (size, private addresses, who is asking)."""
    contact = f" (+{settings.contact})" if settings.contact else ""
    return FetchLimits(
        max_bytes=settings.max_input_bytes, allow_private=settings.allow_private_urls,
        user_agent=f"Rashomon/{version('rashomon')}{contact}",
    )  # fmt: skip


def fetch_all(
    urls: Iterable[str], limits: FetchLimits, given: Metadata | None = None
) -> Iterator[RawInput | Rejection]:
    """Each URL's page, fetched one at a time as it is asked for, or its rejection with the reason."""
    for url in urls:
        try:
            yield fetch(url, limits, given)
        except InputError as exc:
            yield reject(url, exc)


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
            data, location, kind = _get(client, url, limits)
            if location is None:
                meta = given or Metadata()
                return RawInput(origin=url, kind=kind, data=data, given=meta if meta.url else replace(meta, url=url))
            url = urljoin(url, location)
    raise FetchError(f"more than {limits.max_redirects} redirects; give the final address")


def _get(client: httpx.Client, url: str, limits: FetchLimits) -> tuple[bytes, str | None, PageKind]:
    """The body (or the redirect target) of one GET and its kind ("html" or "text"), read no further than
    ``limits.max_bytes`` once decompressed (a small compressed body can unpack to gigabytes)."""
    try:
        with client.stream("GET", url, headers={"User-Agent": limits.user_agent}) as response:
            if response.status_code in REDIRECTS and "location" in response.headers:
                return b"", response.headers["location"], "html"
            if response.status_code >= 400:
                raise FetchError(f"{url} answered HTTP {response.status_code}")
            media = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
            if media not in PAGE_TYPES:
                raise FetchError(f"{url} is {media}, not a web page or text; nothing was read from it")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limits.max_bytes:
                    raise FetchError(f"{url} is over the {limits.max_bytes / 1e6:.1f} MB limit for a page")
            return bytes(body), None, PAGE_TYPES[media]
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url} ({type(exc).__name__}: {exc}); check the address") from exc
