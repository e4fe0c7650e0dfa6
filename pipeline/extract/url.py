"""Sources from the web: the links of a draft, fetched safely, read as the files are.

A draft is untrusted input, and a newsroom's CI runs next to internal
services, so every request is checked before it is made:

- only http and https, at every redirect too (redirects are followed here,
  one hop at a time, never by the HTTP library);
- the host's name is resolved here and every address it resolves to must be
  a public one: loopback, private, link-local (the cloud metadata services
  among them), shared, reserved and multicast addresses are refused unless
  the host is allowed (`FetchOptions.allow_hosts`, `--allow-host`, the
  config's `allow_hosts`). The connection then goes to the address that was
  checked, so a second lookup cannot answer otherwise (DNS rebinding);
- robots.txt is honoured (urllib.robotparser), with an honest User-Agent;
- one request at a time, at least `delay` seconds apart on one host (or the
  robots.txt Crawl-delay, up to 10 s);
- a response may take `timeout` seconds in all and hold `max_bytes` bytes,
  counted after decompression while it streams in (gzip and deflate are
  decoded here a bounded piece at a time, so a compression bomb is refused
  before it is in memory);
- HTML, PDF and plain text only, by the response's content type.

The body is then read by the same readers as a file (`pipeline.extract`,
PDF and HTML in the extraction worker), and the document keeps its
provenance: the URL asked for, the final URL after redirects, the fetch time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import ipaddress
import re
import socket
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from ..errors import ExtractionError
from ..limits import DEFAULT_LIMITS, ReadLimits
from ..records import Document, Metadata
from . import READING

# httpx is imported by the Fetcher, the one thing that uses it: commands that
# take fetch options but fetch nothing (gate on unchanged drafts) do without it.
if TYPE_CHECKING:
    import httpx

PROJECT_URL = "https://github.com/claimcheck/claimcheck"
USER_AGENT = f"claimcheck/{__version__} (+{PROJECT_URL})"
FETCH_TIMEOUT = 30.0  # seconds for one response, headers and body
FETCH_MAX_BYTES = 50 * 1024 * 1024  # bytes of one response after decompression
HOST_DELAY = 1.0  # seconds between two requests to one host
MAX_REDIRECTS = 10
MAX_CRAWL_DELAY = 10.0
ROBOTS_MAX_BYTES = 512 * 1024
# Content types read, and the format each is read as.
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "text/plain": "text",
    "text/markdown": "markdown",
}
# Addresses no IP-range test names: the cloud metadata services.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
_PIECE = 64 * 1024
_Decode = Callable[[bytes], Iterator[bytes]]
# http(s) URLs in a draft: Markdown links, <autolinks>, href attributes and bare URLs alike.
_URL = re.compile(r"""https?://[^\s<>"'`\\]+""", re.IGNORECASE)
_TRAILING = ".,;:!?*_~"


class FetchError(ExtractionError):
    """A URL that could not be fetched or was refused; the message names it and the cause."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How URLs are fetched; see the module's notes for what each bound guards against.

    `allow_hosts` are host names or IP addresses that may be private or
    local (a newsroom's intranet; 127.0.0.1 in the tests). `refresh` fetches
    again a URL the store already holds.
    """

    allow_hosts: tuple[str, ...] = ()
    timeout: float = FETCH_TIMEOUT
    max_bytes: int = FETCH_MAX_BYTES
    delay: float = HOST_DELAY
    max_redirects: int = MAX_REDIRECTS
    refresh: bool = False
    robots: bool = True
    user_agent: str = USER_AGENT
    limits: ReadLimits = DEFAULT_LIMITS


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body with its provenance: the URL asked for, where it ended, when."""

    url: str
    final_url: str
    fetched_at: str  # UTC, ISO 8601
    content_type: str
    format: str  # pdf, html, text, markdown
    body: bytes


def links(text: str) -> list[str]:
    """The http(s) URLs in a draft, in order, each once, fragments dropped.

    Markdown links and autolinks, HTML `href`s and bare URLs all count;
    punctuation that ends a sentence and a closing parenthesis or bracket
    that the URL did not open are not part of it.
    """
    found: dict[str, None] = {}
    for match in _URL.finditer(text):
        url = _trim(html.unescape(match.group(0)))
        url = url.split("#", 1)[0]
        try:
            parts = urlsplit(url)
        except ValueError:
            continue
        if parts.hostname:
            found.setdefault(url, None)
    return list(found)


def _trim(url: str) -> str:
    while url:
        last = url[-1]
        unopened = {")": "(", "]": "["}.get(last)
        if last in _TRAILING or (unopened and url.count(unopened) < url.count(last)):
            url = url[:-1]
        else:
            break
    return url


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched from (None when it is a public one)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal(address.ipv4_mapped)
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for test, name in (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_private", "a private address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(address, test):
            return name
    return None if address.is_global else "not a public address"


class Fetcher:
    """Fetches URLs one at a time under `FetchOptions`; reuse one for many URLs.

    It remembers each origin's robots.txt and when it last asked each host.
    """

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._allowed = {h.lower().strip("[]") for h in self.options.allow_hosts}
        self._robots: dict[str, RobotFileParser] = {}
        self._last: dict[str, float] = {}
        import httpx

        self._client = httpx.Client(
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=False,
            trust_env=False,  # a proxy would make the address check meaningless
            headers={"User-Agent": self.options.user_agent},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> Fetched:
        """The body at `url`, redirects followed and checked hop by hop; FetchError if not."""
        deadline = time.monotonic() + self.options.timeout
        current = url
        for _hop in range(self.options.max_redirects + 1):
            _check_scheme(url, current)
            if self.options.robots and not self._robots_allow(url, current, deadline):
                raise FetchError(url, f"robots.txt of {_origin(current)} disallows {current}")
            with self._open(url, current, deadline) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchError(url, f"redirect without a Location from {current}")
                    current = urljoin(current, location.strip())
                    continue
                if response.status_code != 200:
                    raise FetchError(
                        url, f"HTTP {response.status_code} {response.reason_phrase} from {current}"
                    )
                content_type = response.headers.get("content-type", "").split(";")[0]
                fmt = CONTENT_TYPES.get(content_type.strip().lower())
                if fmt is None:
                    raise FetchError(
                        url,
                        f"content type {content_type or 'missing'!r} is not HTML, PDF or text"
                        + (f" (at {current})" if current != url else ""),
                    )
                body = self._body(url, response, self.options.max_bytes, deadline)
            return Fetched(url, current, _now(), content_type.lower(), fmt, body)
        raise FetchError(url, f"more than {self.options.max_redirects} redirects")

    # --- one request ----------------------------------------------------------

    def _open(self, url: str, target: str, deadline: float) -> _Response:
        """A streamed GET of `target`, sent to an address checked for it; FetchError if refused."""
        parts = urlsplit(target)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = self._address(url, host, port)
        self._pace(host)
        literal = f"[{address}]" if address.version == 6 else str(address)
        direct = urlunsplit((parts.scheme, f"{literal}:{port}", parts.path or "/", parts.query, ""))
        netloc_host = f"[{host}]" if ":" in host else host
        headers = {
            "Host": netloc_host if parts.port is None else f"{netloc_host}:{parts.port}",
            "Accept": "text/html, application/xhtml+xml, application/pdf, text/plain;q=0.9, "
            "text/markdown;q=0.9",
            "Accept-Encoding": "gzip, deflate",
        }
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        request = self._client.build_request("GET", direct, headers=headers, extensions=extensions)
        import httpx

        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(url, f"took longer than {self.options.timeout:g} s (fetch_timeout)")
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as e:
            raise FetchError(
                url, f"timed out after {self.options.timeout:g} s at {host} (fetch_timeout)"
            ) from e
        except httpx.HTTPError as e:
            raise FetchError(url, f"host {host} failed: {_reason(e)}") from e
        return _Response(response)

    def _address(
        self, url: str, host: str, port: int
    ) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
        """The address to connect to for `host`, every address it resolves to checked."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as e:
            raise FetchError(url, f"host {host} not found ({e})") from e
        addresses = list(
            dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos)
        )
        if not addresses:
            raise FetchError(url, f"host {host} has no address")
        if host not in self._allowed:
            for address in addresses:
                why = refusal(address)
                if why is not None and str(address) not in self._allowed:
                    raise FetchError(
                        url,
                        f"refused: {host} is {why} ({address}); allow it with "
                        f"--allow-host {host} or allow_hosts in the config",
                    )
        return addresses[0]

    def _pace(self, host: str) -> None:
        """Wait until this host may be asked again."""
        delay = self.options.delay
        robots = self._robots.get(host)
        if robots is not None:
            crawl = robots.crawl_delay(self.options.user_agent)
            if crawl:
                delay = max(delay, min(float(crawl), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last[host] = time.monotonic()

    def _body(self, url: str, response: httpx.Response, limit: int, deadline: float) -> bytes:
        import httpx

        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if declared.isdigit() and encoding == "identity" and int(declared) > limit:
            raise FetchError(url, _over(int(declared), limit))
        decoder = _decoder(url, encoding)
        parts: list[bytes] = []
        size = 0
        try:
            for raw in response.iter_raw():
                for piece in decoder(raw):
                    size += len(piece)
                    if size > limit:
                        raise FetchError(url, _over(size, limit, decoded=encoding != "identity"))
                    parts.append(piece)
                if time.monotonic() > deadline:
                    raise FetchError(
                        url, f"took longer than {self.options.timeout:g} s (fetch_timeout)"
                    )
        except httpx.TimeoutException as e:
            raise FetchError(
                url, f"timed out after {self.options.timeout:g} s (fetch_timeout)"
            ) from e
        except httpx.HTTPError as e:
            raise FetchError(url, f"the response broke off: {_reason(e)}") from e
        except zlib.error as e:
            raise FetchError(url, f"corrupt {encoding} content: {e}") from e
        return b"".join(parts)

    # --- robots.txt -------------------------------------------------------------

    def _robots_allow(self, url: str, target: str, deadline: float) -> bool:
        origin = _origin(target)
        parser = self._robots.get(origin)
        if parser is None:
            parser = self._robots[origin] = self._read_robots(url, origin, deadline)
        return parser.can_fetch(self.options.user_agent, target)

    def _read_robots(self, url: str, origin: str, deadline: float) -> RobotFileParser:
        """The origin's robots.txt rules, as urllib's own reader takes a response's status."""
        parser = RobotFileParser(origin + "/robots.txt")
        with self._open(url, origin + "/robots.txt", deadline) as response:
            status = response.status_code
            if status in (401, 403):
                parser.parse(["User-agent: *", "Disallow: /"])
            elif status == 200:
                body = self._body(url, response, ROBOTS_MAX_BYTES, deadline)
                parser.parse(body.decode("utf-8", "replace").splitlines())
            elif 300 <= status < 500:  # a redirect, a 404: no rules
                parser.parse([])
            else:
                raise FetchError(url, f"robots.txt of {origin} answered HTTP {status}")
        return parser


@dataclass
class _Response:
    """A streamed response, closed when its block ends."""

    http: httpx.Response

    def __enter__(self) -> httpx.Response:
        return self.http

    def __exit__(self, *exc: object) -> None:
        self.http.close()


def _decoder(url: str, encoding: str) -> _Decode:
    if encoding in ("identity", ""):
        return _identity
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _Inflate(encoding)
    raise FetchError(url, f"content encoding {encoding!r} is not supported")


def _identity(raw: bytes) -> Iterator[bytes]:
    yield raw


class _Inflate:
    """gzip or deflate decoded a bounded piece at a time: at most _PIECE bytes out per step."""

    def __init__(self, encoding: str) -> None:
        # 47: gzip or zlib header, detected; deflate as sent by some servers is raw (-15).
        self._wbits = 47 if encoding != "deflate" else 15
        self._inflate = zlib.decompressobj(self._wbits)
        self._started = False

    def __call__(self, raw: bytes) -> Iterator[bytes]:
        if not self._started and self._wbits == 15 and raw and (raw[0] & 0x0F) != 8:
            self._inflate = zlib.decompressobj(-15)
        self._started = True
        data = raw
        while data:
            piece = self._inflate.decompress(data, _PIECE)
            if piece:
                yield piece
            data = self._inflate.unconsumed_tail
            if self._inflate.eof:
                break


def _check_scheme(url: str, target: str) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        where = "" if target == url else f"redirected to {target}: "
        raise FetchError(url, f"{where}only http and https URLs are fetched, not {scheme}:")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))


def _reason(error: httpx.HTTPError) -> str:
    cause: BaseException = error
    while cause.__cause__ is not None or cause.__context__ is not None:
        cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]  # loop ends at None
    text = " ".join(str(cause).split()) or type(cause).__name__
    return text


def _over(size: int, limit: int, *, decoded: bool = False) -> str:
    what = "decompressed response" if decoded else "response"
    return f"{what} of {size:,} bytes or more is over the limit of {limit:,} (fetch_max_bytes)"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# --- a fetched body as a document --------------------------------------------------


def document_id(fetched: Fetched) -> str:
    """The document id of a fetched body: its content hash with its URL.

    The fetch time is left out: the same bytes fetched again are the same
    document.
    """
    digest = hashlib.sha256()
    for part in (fetched.body, fetched.url.encode(), READING.encode()):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()[:32]


def read_fetched(fetched: Fetched, *, pdf_engine: str = "pdfium", limits: ReadLimits) -> Document:
    """A fetched body read as a Document, by the readers that read files.

    The document's path is the URL asked for (so fetching it again replaces
    it); its `url` the page's canonical URL, else the final URL after
    redirects; its `note` the provenance.
    """
    from . import extract  # the package imports this module's neighbours, not this one

    name = PurePosixPath(urlsplit(fetched.final_url).path or "/").name or "index"
    if fetched.body.strip() == b"":
        raise ExtractionError(fetched.url, "empty response: no text to ingest")
    document = extract(
        Path(name),  # only its name is read: the title when the page has none
        fmt=fetched.format,
        source=(fetched.body, Metadata(), document_id(fetched)),
        pdf_engine=pdf_engine,
        max_pages=limits.max_pages,
        max_chars=limits.max_chars,
        timeout=limits.extract_timeout,
        max_memory=limits.extract_max_memory,
    )
    meta = document.metadata
    note = f"fetched {fetched.fetched_at} from {fetched.url}"
    if fetched.final_url != fetched.url:
        note += f" (redirected to {fetched.final_url})"
    metadata = replace(
        meta,
        url=meta.url or fetched.final_url,
        note=f"{meta.note}; {note}" if meta.note else note,
    )
    return replace(document, path=fetched.url, metadata=metadata)


def unique(urls: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(u.strip() for u in urls if u.strip()))
