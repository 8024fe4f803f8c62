"""Polite HTTP fetching for the watcher: conditional GET, robots.txt, a per-host rate limit, time-outs and
retries with back-off.

HTTP is httpx's (redirects followed, at most :data:`MAX_REDIRECTS`); retries are tenacity's; robots.txt is
read by the standard library's :mod:`urllib.robotparser`. What is ours is the policy:

* every request carries :data:`USER_AGENT` and is bounded by ``timeout`` seconds (connect, read, write);
* requests to one host are at least ``min_interval`` seconds apart (or the host's robots ``Crawl-delay``,
  whichever is longer);
* robots.txt is read once per host per :class:`Fetcher`; a URL it disallows is never fetched. A robots.txt
  that answers 401/403 disallows the host, any other 4xx allows it, and a 5xx or network failure disallows
  it for the rest of the poll (RFC 9309 §2.3.1);
* a time-out, connection failure, 429 or 5xx is retried ``retries`` times, waiting ``backoff`` × 2ⁿ seconds
  (a ``Retry-After`` of up to 60 s is honoured); other 4xx are final;
* bodies larger than ``max_bytes`` are cut off and reported as an error, never parsed.

:meth:`Fetcher.get` returns a :class:`Fetched` (status 304 for "not modified") or raises
:class:`~communique.errors.FetchError` with a one-line reason.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version as _version
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from ..errors import FetchError

USER_AGENT = f"communique/{_version('communique')} (news event monitor; honours robots.txt)"
MAX_REDIRECTS = 5
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "icid", "smid")


def canonical_url(url: str) -> str:
    """The form of ``url`` two mentions of one article share: lower-case scheme and host, no default port,
    no fragment, no tracking parameters (``utm_*``, ``fbclid``, ...), no trailing ``/`` on a non-root path.

    >>> canonical_url("HTTPS://News.Example:443/a/b/?utm_source=x&id=3#top")
    'https://news.example/a/b?id=3'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING)]
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


@dataclass
class Fetched:
    """One answer: ``status`` (200, or 304 when the validators still hold), the final ``url`` after redirects,
    ``text`` (decoded body; empty for 304), ``content_type``, and the ``etag``/``last_modified`` validators to
    send next time."""

    url: str
    status: int
    text: str = ""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.wait = wait


@dataclass
class Fetcher:
    """The watcher's HTTP client (a service: tests pass one with their own ``client``, ``clock`` and ``sleep``).

    ``timeout`` and ``min_interval`` are seconds; ``max_bytes`` bytes.
    """

    timeout: float = 20.0
    min_interval: float = 1.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 5_000_000
    client: httpx.Client | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | bool | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = httpx.Client(
                timeout=httpx.Timeout(self.timeout), follow_redirects=True, max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT})

    def forget_robots(self) -> None:
        """Read every host's robots.txt afresh (the watcher calls this at the start of each poll)."""
        self._robots.clear()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    # -- politeness -----------------------------------------------------------------------------------------

    def _host(self, url: str) -> str:
        p = urlsplit(url)
        return f"{p.scheme}://{p.netloc}"

    def _wait_turn(self, host: str) -> None:
        delay = self.min_interval
        rp = self._robots.get(host)
        if isinstance(rp, urllib.robotparser.RobotFileParser):
            crawl = rp.crawl_delay(USER_AGENT)
            if crawl:
                delay = max(delay, min(float(crawl), 60.0))
        last = self._last.get(host)
        if last is not None:
            left = last + delay - self.clock()
            if left > 0:
                self.sleep(left)
        self._last[host] = self.clock()

    def allowed(self, url: str) -> bool | None:
        """Whether the host's robots.txt lets :data:`USER_AGENT` fetch ``url`` (read once per host);
        ``None`` when robots.txt could not be read (5xx, network), which disallows the host for now."""
        host = self._host(url)
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        rp = self._robots[host]
        if rp is None or isinstance(rp, bool):
            return rp
        return rp.can_fetch(USER_AGENT, url)

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | bool | None:
        assert self.client is not None
        self._wait_turn(host)
        try:
            resp = self.client.get(f"{host}/robots.txt")
        except httpx.HTTPError:
            return None
        if resp.status_code in (401, 403):
            return False
        if 400 <= resp.status_code < 500:
            return True
        if resp.status_code >= 500:
            return None
        rp = urllib.robotparser.RobotFileParser()
        rp.parse(resp.text.splitlines())
        return rp

    # -- fetching -------------------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` politely; with ``etag``/``last_modified`` a conditional GET (status 304: unchanged).

        Raises :class:`FetchError` (robots.txt disallows it, a 4xx, retries used up, a body over
        ``max_bytes``, a time-out)."""
        ok = self.allowed(url)
        if ok is None:
            raise FetchError(url, "robots.txt could not be read; the host is left alone for now", transient=True)
        if not ok:
            raise FetchError(url, "robots.txt disallows it")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            hinted = exc.wait if isinstance(exc, _Retryable) else None
            return hinted if hinted is not None else self.backoff * 2 ** (state.attempt_number - 1)

        retrying = Retrying(stop=stop_after_attempt(self.retries + 1), wait=wait, sleep=self.sleep,
                            retry=retry_if_exception(lambda e: isinstance(e, _Retryable)), reraise=True)
        try:
            return retrying(self._once, url, headers)
        except _Retryable as exc:
            raise FetchError(url, f"{exc} (after {self.retries + 1} tries)", transient=True) from None

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        assert self.client is not None
        self._wait_turn(self._host(url))
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                if status == 429 or status >= 500:
                    raise _Retryable(f"HTTP {status}", _retry_after(resp.headers.get("Retry-After")))
                if status == 304:
                    return Fetched(str(resp.url), 304, etag=resp.headers.get("ETag"),
                                   last_modified=resp.headers.get("Last-Modified"))
                if status >= 400:
                    raise FetchError(url, f"HTTP {status}")
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(url, f"body over {self.max_bytes} bytes")
                encoding = resp.charset_encoding or "utf-8"
                try:
                    text = bytes(body).decode(encoding, errors="replace")
                except LookupError:
                    text = bytes(body).decode("utf-8", errors="replace")
                return Fetched(str(resp.url), status, text, resp.headers.get("Content-Type", ""),
                               resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__})") from None


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return min(float(value.strip()), 60.0)
    return None
