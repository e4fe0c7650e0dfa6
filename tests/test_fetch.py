"""Sources fetched from the web: a local server (127.0.0.1) stands in for the web.

Every failure a draft's links can meet gives one line naming the URL and the
cause, and the run goes on; private addresses are refused unless allowed.
"""

from __future__ import annotations

import gzip
import socket
import time
from pathlib import Path

import pytest

from pipeline.extract.url import Fetcher, FetchError, FetchOptions, links, refusal
from pipeline.fetch import draft_links, ingest_urls
from tests.conftest import build_pdf

LOCAL = FetchOptions(allow_hosts=("127.0.0.1",), delay=0.0, timeout=5.0)

ARTICLE = """<!DOCTYPE html><html><head><title>Officers cleared</title>
<meta property="og:site_name" content="Local Gazette">
<meta property="article:published_time" content="2019-07-05">
<link rel="canonical" href="https://gazette.example/officers-cleared">
</head><body><nav>Home | News | Sport</nav><article><h1>Officers cleared</h1>
<p>Seventeen officers were investigated for misconduct over the handling of the case.</p>
<p>None of the officers will face disciplinary action, the watchdog said on Friday.</p>
</article><footer>Copyright</footer></body></html>"""


def test_links_of_a_draft_in_every_form() -> None:
    text = (
        "See [the report](https://a.example/report?id=1) and <https://b.example/x>.\n"
        '<a href="https://c.example/p?a=1&amp;b=2">c</a> or https://d.example/page.\n'
        "(Wikipedia: https://e.example/wiki/Foo_(bar)) and again https://a.example/report?id=1#s2"
        " and ftp://f.example/no"
    )
    assert links(text) == [
        "https://a.example/report?id=1",
        "https://b.example/x",
        "https://c.example/p?a=1&b=2",
        "https://d.example/page",
        "https://e.example/wiki/Foo_(bar)",
    ]


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "not a public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "unspecified"),
    ],
)
def test_refused_addresses(address: str, why: str) -> None:
    import ipaddress

    assert why in (refusal(ipaddress.ip_address(address)) or "")


def test_public_address_is_not_refused() -> None:
    import ipaddress

    assert refusal(ipaddress.ip_address("93.184.216.34")) is None


def test_fetch_a_page_with_provenance(web) -> None:
    url = web.html("/news/cleared", ARTICLE)
    web.pages["/start"] = (302, {"Location": "/news/cleared"}, b"")
    with Fetcher(LOCAL) as fetcher:
        fetched = fetcher.fetch(web.url("/start"))
    assert fetched.url == web.url("/start")
    assert fetched.final_url == url
    assert fetched.format == "html"
    assert fetched.fetched_at.endswith("Z")
    paths = [path for path, _headers in web.requests]
    assert paths == ["/robots.txt", "/start", "/news/cleared"]
    agent = web.requests[1][1]["User-Agent"]
    assert agent.startswith("claimcheck/") and "+http" in agent


def test_refused_unless_allowed(web) -> None:
    web.html("/page", ARTICLE)
    with Fetcher(FetchOptions(delay=0.0)) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/page"))
    assert "refused: 127.0.0.1 is a loopback address" in caught.value.cause
    assert "--allow-host 127.0.0.1" in caught.value.cause
    assert web.requests == []  # nothing was sent
    for url in ("http://10.0.0.7/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/"):
        with Fetcher(FetchOptions(delay=0.0)) as fetcher, pytest.raises(FetchError) as caught:
            fetcher.fetch(url)
        assert caught.value.cause.startswith("refused:")


def test_redirect_to_a_private_host_is_refused(web) -> None:
    # 127.0.0.1 is allowed; 127.0.0.2 (loopback too) is not.
    web.pages["/hop"] = (302, {"Location": f"http://127.0.0.2:{web.port}/page"}, b"")
    web.html("/page", ARTICLE)
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/hop"))
    assert "refused: 127.0.0.2 is a loopback address" in caught.value.cause
    assert "/page" not in [path for path, _ in web.requests]


def test_connects_to_the_address_it_checked(web, monkeypatch) -> None:
    """The name is resolved once, checked, and the connection goes to that address."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "10.9.9.9", "10.9.9.9", "10.9.9.9"])

    def rebinding(host, port, *args, **kwargs):
        if host == "news.test":
            address = next(answers)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    web.html("/page", ARTICLE)
    options = FetchOptions(allow_hosts=("127.0.0.1",), delay=0.0, robots=False)
    with Fetcher(options) as fetcher:
        fetched = fetcher.fetch(f"http://news.test:{web.port}/page")
    assert fetched.final_url == f"http://news.test:{web.port}/page"
    assert web.requests[-1][1]["Host"] == f"news.test:{web.port}"


def _failure(web, page, *, options: FetchOptions = LOCAL) -> str:
    web.pages["/bad"] = page
    with Fetcher(options) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/bad"))
    assert "\n" not in caught.value.cause
    return caught.value.cause


def test_failures_each_give_their_cause(web) -> None:
    assert "content type 'image/png' is not HTML, PDF or text" in _failure(
        web, (200, {"Content-Type": "image/png"}, b"\x89PNG")
    )
    assert "HTTP 404" in _failure(web, (404, {"Content-Type": "text/html"}, b"gone"))
    assert "only http and https" in _failure(web, (302, {"Location": "ftp://x.example/f"}, b""))
    assert "redirected to file:///etc/passwd" in _failure(
        web, (301, {"Location": "file:///etc/passwd"}, b"")
    )
    small = FetchOptions(allow_hosts=("127.0.0.1",), delay=0.0, max_bytes=1000)
    assert "over the limit of 1,000 (fetch_max_bytes)" in _failure(
        web, (200, {"Content-Type": "text/plain"}, b"x" * 5000), options=small
    )
    web.pages["/loop"] = (302, {"Location": "/loop"}, b"")
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError, match="more than 10 redirects"):
        fetcher.fetch(web.url("/loop"))


def test_size_is_counted_after_decompression(web) -> None:
    bomb = gzip.compress(b"a" * 20_000_000)  # 20 MB in about 20 kB
    small = FetchOptions(allow_hosts=("127.0.0.1",), delay=0.0, max_bytes=1_000_000)
    cause = _failure(
        web,
        (200, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, bomb),
        options=small,
    )
    assert "decompressed response" in cause and "over the limit of 1,000,000" in cause
    assert len(bomb) < 1_000_000


def test_gzip_page_is_decoded(web) -> None:
    web.pages["/z"] = (
        200,
        {"Content-Type": "text/html", "Content-Encoding": "gzip"},
        gzip.compress(ARTICLE.encode()),
    )
    with Fetcher(LOCAL) as fetcher:
        assert b"Seventeen officers" in fetcher.fetch(web.url("/z")).body


def test_timeout(web) -> None:
    def slow(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        for _ in range(30):  # a byte at a time, never quite stalling
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.1)

    quick = FetchOptions(allow_hosts=("127.0.0.1",), delay=0.0, timeout=1.0)
    started = time.monotonic()
    assert "(fetch_timeout)" in _failure(web, slow, options=quick)
    assert time.monotonic() - started < 3


def test_host_that_fails(web) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(f"http://127.0.0.1:{port}/page")
    assert "host 127.0.0.1 failed" in caught.value.cause


def test_robots_txt_is_honoured(web) -> None:
    web.pages["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /private/\n",
    )
    web.html("/private/page", ARTICLE)
    web.html("/public/page", ARTICLE)
    with Fetcher(LOCAL) as fetcher:
        with pytest.raises(FetchError, match=r"robots\.txt of .* disallows"):
            fetcher.fetch(web.url("/private/page"))
        fetcher.fetch(web.url("/public/page"))
    assert [path for path, _ in web.requests] == ["/robots.txt", "/public/page"]


def test_requests_to_one_host_are_paced(web) -> None:
    web.html("/a", ARTICLE)
    web.html("/b", ARTICLE)
    paced = FetchOptions(allow_hosts=("127.0.0.1",), delay=0.4)
    started = time.monotonic()
    with Fetcher(paced) as fetcher:
        fetcher.fetch(web.url("/a"))
        fetcher.fetch(web.url("/b"))
    assert time.monotonic() - started >= 2 * 0.4 - 0.05  # robots, a, b: two gaps


def test_ingest_urls_stores_pages_with_provenance(web, store, nlp, tmp_path: Path) -> None:
    page = web.html("/news/cleared", ARTICLE)
    pdf = build_pdf(tmp_path / "r.pdf", [["The report found systemic failings in the force."]])
    web.pages["/report"] = (200, {"Content-Type": "application/pdf"}, pdf.read_bytes())
    web.pages["/notes.txt"] = (200, {"Content-Type": "text/plain"}, b"Port was 41 in 2016.")
    web.pages["/img"] = (200, {"Content-Type": "image/png"}, b"png")
    urls = [page, web.url("/report"), web.url("/notes.txt"), web.url("/img")]
    summary = ingest_urls(urls, store, nlp=nlp, fetch=LOCAL)
    statuses = {r.path: (r.status, r.error) for r in summary.results}
    assert statuses[page][0] == "added"
    assert statuses[web.url("/report")][0] == "added"
    assert statuses[web.url("/notes.txt")][0] == "added"
    assert statuses[web.url("/img")][0] == "failed"
    documents = {d["path"]: d for d in store.documents()}
    html = documents[page]
    assert html["title"] == "Officers cleared"
    assert html["publisher"] == "Local Gazette"
    assert html["published"] == "2019-07-05"
    assert html["url"] == "https://gazette.example/officers-cleared"  # the canonical URL
    assert f"from {page}" in html["note"]
    assert documents[web.url("/report")]["format"] == "pdf"
    hits = store.search("officers investigated for misconduct")
    assert hits and hits[0].path == page
    assert store.fetched(page)["final_url"] == page

    # Fetched before: not asked again, unless refreshed.
    before = len(web.requests)
    again = ingest_urls([page], store, nlp=nlp, fetch=LOCAL)
    assert again.results[0].status == "unchanged"
    assert len(web.requests) == before
    refreshed = FetchOptions(allow_hosts=("127.0.0.1",), delay=0.0, refresh=True)
    web.html("/news/cleared", ARTICLE.replace("Seventeen", "Eighteen"))
    third = ingest_urls([page], store, nlp=nlp, fetch=refreshed)
    assert third.results[0].status == "replaced"
    assert len(web.requests) > before


def test_draft_links(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("As [reported](https://x.example/a), and https://y.example/b.\n")
    assert draft_links([draft]) == ["https://x.example/a", "https://y.example/b"]


def test_verify_fetch_links_end_to_end(web, runner, tmp_path: Path) -> None:
    """A draft checked against the pages it links to, with no manual ingest."""
    import json

    from pipeline.cli import main

    page = web.html(
        "/news/cleared",
        ARTICLE.replace(
            '<link rel="canonical" href="https://gazette.example/officers-cleared">', ""
        ),
    )
    web.pages["/photo"] = (200, {"Content-Type": "image/jpeg"}, b"jpeg")
    web.pages["/moved"] = (301, {"Location": "gopher://old.example/"}, b"")
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Cleared\n\n"
        f"Seventeen officers were investigated for misconduct, [the Gazette]({page}) reported.\n\n"
        f"A photo: <{web.url('/photo')}>. An old link: {web.url('/moved')}. "
        "Private: http://10.20.30.40/intranet.\n"
    )
    db = str(tmp_path / "e.db")
    result = runner.invoke(
        main,
        [
            "verify",
            str(draft),
            "--fetch-links",
            "--allow-host",
            "127.0.0.1",
            "--db",
            db,
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert any(line.startswith("fetched") and page in line for line in lines), lines
    failures = [line for line in lines if line.startswith("failed")]
    assert len(failures) == 3, failures
    assert any("image/jpeg" in line for line in failures)
    assert any("only http and https" in line and "gopher" in line for line in failures)
    assert any("refused: 10.20.30.40 is a private address" in line for line in failures)
    report = json.loads(result.stdout)["articles"][0]
    claim = report["claims"][0]
    assert claim["verdict"] == "SUPPORTED", claim
    evidence = [e for f in claim["facts"] for e in f["evidence"]]
    assert evidence and evidence[0]["url"] == page and evidence[0]["path"] == page

    # Again: the page is not fetched again.
    asked = len(web.requests)
    again = runner.invoke(
        main, ["verify", str(draft), "--fetch-links", "--allow-host", "127.0.0.1", "--db", db]
    )
    assert again.exit_code == 0, again.output
    assert [p for p, _ in web.requests[asked:]].count("/news/cleared") == 0

    # Without the allowance, the local server is refused with one line.
    fresh = runner.invoke(
        main, ["verify", str(draft), "--fetch-links", "--db", str(tmp_path / "f.db")]
    )
    assert "refused: 127.0.0.1 is a loopback address" in fresh.stderr
    assert fresh.exit_code == 2  # and nothing else is in that store


def test_ingest_urls_from_the_command_line(web, runner, tmp_path: Path) -> None:
    from pipeline.cli import main

    page = web.html("/a", ARTICLE)
    result = runner.invoke(
        main,
        [
            "ingest",
            page,
            web.url("/missing"),
            "--allow-host",
            "127.0.0.1",
            "--db",
            str(tmp_path / "e.db"),
        ],
    )
    assert result.exit_code == 1
    assert f"added     {page}" in result.stderr
    assert f"failed {web.url('/missing')}: HTTP 404" in result.stderr
    assert "1 added" in result.stdout
