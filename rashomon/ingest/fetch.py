"""Fetching one page by URL for ingest, guarded against server-side request forgery.

A URL may name only http(s); its host must resolve to public addresses (loopback, private, link-local,
multicast, reserved and unspecified addresses are refused unless ``allow_private``); each redirect is
followed only after the same check on its target, at most ``max_redirects`` times; the body is read up
to ``max_bytes`` and the whole exchange is bounded by ``timeout`` seconds.

The check resolves the name and the client connects to the address it checked (asking for the host by
name in the request and in TLS), so a resolver that would answer differently the second time (DNS
rebinding) is never asked twice.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from importlib.metadata import version
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

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


def check_url(url: str, allow_private: bool = False, resolve: bool = True) -> str | None:
    """Raise FetchError unless ``url`` is http(s) on a host whose every address may be fetched; return the
    address checked, which the fetch then connects to (None when private addresses are allowed, or with
    ``resolve=False``, where a host given by name is not looked up now and only an address is checked)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url!r} is not an http(s) URL with a host; give a full http:// or https:// address")
    if allow_private:
        return None
    if not resolve:
        try:
            ipaddress.ip_address(parts.hostname)
        except ValueError:
            if parts.hostname.lower() != "localhost":
                return None  # a name: checked when it is fetched
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
    return str(infos[0][4][0])


def pinned(url: str, address: str | None) -> tuple[str, dict[str, str], dict[str, str]]:
    """(URL, headers, request extensions) that reach ``address``, the one checked, while asking for the
    URL's host: a resolver answering otherwise the second time (DNS rebinding) is never asked again. TLS
    still names and verifies the host (``sni_hostname``)."""
    if address is None:
        return url, {}, {}
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    at = f"[{address}]" if ":" in address else address
    named = f"[{host}]" if ":" in host else host
    return urlunsplit(parts._replace(netloc=at + port)), {"Host": named + port}, {"sni_hostname": host}


def fetch(url: str, limits: FetchLimits, given: Metadata | None = None) -> RawInput:
    """The page at ``url`` as a raw HTML or text input (FetchError with the reason when it cannot be had)."""
    final, status, data, headers = guarded_get(url, limits, check=_page_only)
    if status >= 400:
        raise FetchError(f"{final} answered HTTP {status}")
    meta = given or Metadata()
    kind = PAGE_TYPES[_media(headers)]
    return RawInput(origin=final, kind=kind, data=data, given=meta if meta.url else replace(meta, url=final))


def _media(headers: httpx.Headers) -> str:
    return str(headers.get("content-type", "text/html")).split(";")[0].strip().lower()


def _page_only(url: str, response: httpx.Response) -> None:
    media = _media(response.headers)
    if response.status_code < 400 and media not in PAGE_TYPES:
        raise FetchError(f"{url} is {media}, not a web page or text; nothing was read from it")


def guarded_get(
    url: str, limits: FetchLimits, headers: dict[str, str] | None = None,
    check: Callable[[str, httpx.Response], None] | None = None,
) -> tuple[str, int, bytes, httpx.Headers]:  # fmt: skip
    """(final URL, status, body, headers) of a GET under the guard: every redirect's target checked again,
    ``check`` may refuse an answer before its body is read, the body bounded once decompressed (a small
    compressed body can unpack to gigabytes) and the whole exchange bounded in time (a server dripping a
    byte a second never trips a read timeout). Error statuses are returned, not raised."""
    deadline = time.monotonic() + limits.timeout
    sent = {"User-Agent": limits.user_agent, **(headers or {})}
    with httpx.Client(timeout=limits.timeout, follow_redirects=False) as client:
        for _ in range(limits.max_redirects + 1):
            target, host, extensions = pinned(url, check_url(url, limits.allow_private))
            try:
                with client.stream("GET", target, headers=sent | host, extensions=extensions) as response:
                    if response.status_code in REDIRECTS and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if check is not None:
                        check(url, response)
                    return url, response.status_code, _read(response, url, limits, deadline), response.headers
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {url} ({type(exc).__name__}: {exc}); check the address") from exc
    raise FetchError(f"more than {limits.max_redirects} redirects; give the final address")


def _read(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limits.max_bytes:
            raise FetchError(f"{url} is over the {limits.max_bytes / 1e6:.1f} MB limit for a page")
        if time.monotonic() > deadline:
            raise FetchError(f"{url} took longer than {limits.timeout:.0f} s to send; nothing of it was kept")
    return bytes(body)
