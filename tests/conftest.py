"""Shared fixtures: an in-memory store, the real spaCy pipeline, and source-file makers.

PDFs and HTML pages are built in the tests (fpdf2) rather than committed.
"""

from __future__ import annotations

import importlib
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from pipeline import nlp as nlp_
from pipeline import verify
from pipeline.ingest import ingest
from pipeline.records import ArticleReport
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ["port-inquests-faithful", "port-inquests-errors"]
# The only hosts a test may connect to: this machine, by address.
LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> object:
    """Fail any test that opens a connection anywhere but 127.0.0.1, ::1 or a Unix socket.

    Every TCP connection made in this process goes through `socket.socket.connect`
    (or `connect_ex`): `create_connection`, httpx, urllib, asyncio. The attempt
    is refused with an OSError (so nothing waits on it) and the test fails at
    its end, even if the code under test swallowed the error. Other processes
    (the browser, the extraction worker, a database server) are not watched.
    """
    attempts: list[str] = []
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def allowed(sock: socket.socket, address: object) -> bool:
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return True  # Unix sockets, socket pairs
        host = address[0] if isinstance(address, tuple) else address
        return str(host).lower() in LOCAL_HOSTS

    def guarded_connect(sock: socket.socket, address: object) -> None:
        if not allowed(sock, address):
            attempts.append(repr(address))
            raise OSError(f"the test suite allows no connection to {address!r}")
        connect(sock, address)

    def guarded_connect_ex(sock: socket.socket, address: object) -> int:
        if not allowed(sock, address):
            attempts.append(repr(address))
            raise OSError(f"the test suite allows no connection to {address!r}")
        return connect_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    yield attempts
    if attempts:
        pytest.fail(f"the test opened network connections outside this machine: {attempts}")


class WebServer:
    """A local HTTP server (127.0.0.1, a free port) serving pages set by the test.

    `pages[path]` is (status, headers, body) or a callable taking the request
    handler and answering itself. `requests` records (path, headers) of each
    request, in order.
    """

    def __init__(self) -> None:
        self.pages: dict[str, object] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers.items())))
                page = server.pages.get(self.path.split("?")[0])
                if callable(page):
                    page(self)
                    return
                status, headers, body = page or (404, {"Content-Type": "text/plain"}, b"not found")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def html(self, path: str, body: str, **headers: str) -> str:
        self.pages[path] = (
            200,
            {"Content-Type": "text/html; charset=utf-8", **headers},
            body.encode(),
        )
        return self.url(path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def web() -> WebServer:
    """A local web server for the test, stopped after it."""
    server = WebServer()
    yield server
    server.close()


@pytest.fixture
def store() -> Store:
    with Store(":memory:") as fresh:
        yield fresh


@pytest.fixture(scope="session")
def nlp():
    return nlp_.load()


def store_of_source(tmp_path_factory: pytest.TempPathFactory, nlp, text: str) -> Store:
    """A store on disk holding one hand-written Markdown source, ingested with `nlp`."""
    folder = tmp_path_factory.mktemp("sources")
    (folder / "source.md").write_text(text, encoding="utf-8")
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    summary = ingest([folder], store, nlp=nlp)
    assert not summary.failed, summary.failed
    return store


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, nlp) -> Store:
    """The bundled corpus (sources/) in a store on disk, ingested once for the session."""
    store = Store(tmp_path_factory.mktemp("corpus") / "corpus.db")
    summary = ingest([ROOT / "sources"], store, nlp=nlp)
    assert not summary.failed, summary.failed
    yield store
    store.close()


@pytest.fixture(scope="session")
def draft_reports(corpus_store: Store, nlp) -> dict[str, ArticleReport]:
    """The bundled drafts (claims/) verified against the bundled corpus, by name."""
    paths = [ROOT / "claims" / f"{name}.md" for name in DRAFTS]
    reports = verify(paths, store=corpus_store, nlp=nlp)
    return dict(zip(DRAFTS, reports, strict=True))


@pytest.fixture(scope="session")
def crash() -> ModuleType:
    """bench/crash.py as a module: its store checks, and its generated notes and articles.

    It imports its neighbours in bench/ as the script does, so bench/ is on
    the path while it loads.
    """
    bench = str(ROOT / "bench")
    sys.path.insert(0, bench)
    try:
        return importlib.import_module("crash")
    finally:
        sys.path.remove(bench)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    """A CLI runner in a fresh current folder, with no claimcheck settings from the environment."""
    monkeypatch.delenv("CLAIMCHECK_DB", raising=False)
    monkeypatch.delenv("CLAIMCHECK_SPACY_MODEL", raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def build_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    footer: str | None = "Page {n} of {total}",
    title: str | None = None,
    author: str | None = None,
    user_password: str | None = None,
) -> Path:
    """A PDF with the given lines on each page, laid out line by line (no re-wrapping)."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        if header:
            pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        if footer:
            pdf.set_y(-20)
            pdf.cell(0, 8, footer.format(n=number, total=len(pages)))
    if user_password:
        pdf.set_encryption(
            owner_password="owner",
            user_password=user_password,
            encryption_method=EncryptionMethod.RC4,
        )
    pdf.output(str(path))
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str, pages: Sequence[Sequence[str]], **options: object) -> Path:
        return build_pdf(tmp_path / name, pages, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def bad_folder(tmp_path: Path, make_pdf: Callable[..., Path]) -> Path:
    """A folder of sources with every kind of problem, beside two good files."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = make_pdf("good.pdf", [["The inquest opened at Barking Town Hall in October 2021."]])
    good.rename(folder / "good.pdf")
    (folder / "good.md").write_text(
        "---\ntitle: Good\n---\nNine officers were told to improve their work.\n"
    )
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage")
    encrypted = make_pdf("encrypted.pdf", [["A secret line."]], user_password="secret")
    encrypted.rename(folder / "encrypted.pdf")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(
        "Le café de la gare à Barking a fermé. Les policiers étaient présents.\n".encode("latin-1")
    )
    return folder


# A throwaway PostgreSQL server, for the tests of the PostgreSQL store -----------------


class PostgreSQL:
    """A PostgreSQL server of the test session's own: a fresh database per `database()` call.

    Started from the Debian package's binaries (initdb into a temporary
    folder), as an unprivileged user when the tests run as root, listening
    on a Unix socket in that folder and on 127.0.0.1 only. Socket connections
    need no password; TCP ones need `password`.
    """

    user = "claimcheck"
    password = "s3cret-Pw"

    def __init__(self, folder: Path, port: int) -> None:
        self.folder = folder
        self.port = port
        self._count = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@/{database}?host={self.folder}&port={self.port}"

    def tcp_url(self, database: str = "postgres", password: str | None = None) -> str:
        secret = self.password if password is None else password
        return f"postgresql://{self.user}:{secret}@127.0.0.1:{self.port}/{database}"

    def database(self) -> str:
        """A new, empty database; its URL."""
        import psycopg

        self._count += 1
        name = f"test_{self._count}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _postgresql_bin() -> Path | None:
    import shutil

    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _unavailable(reason: str) -> None:
    """Skip the PostgreSQL tests on a developer's machine; fail them in CI (CI set)."""
    import os

    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (apt-get install postgresql)")


@pytest.fixture(scope="session")
def postgresql() -> PostgreSQL:
    import os
    import shutil
    import socket
    import subprocess
    import tempfile

    try:
        import psycopg  # noqa: F401  # only to tell a missing driver from a missing server
    except ImportError:
        _unavailable("psycopg is not installed")
    bindir = _postgresql_bin()
    if bindir is None:
        _unavailable("no PostgreSQL server binaries (initdb) on this machine")
    assert bindir is not None
    # In /tmp, which the unprivileged user can reach (TMPDIR may be root's own); the
    # socket's path must also stay short (about 100 characters at most).
    folder = Path(
        tempfile.mkdtemp(prefix="claimcheck-pg-", dir="/tmp" if os.geteuid() == 0 else None)
    )
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(folder, "nobody", "nogroup")
        as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = PostgreSQL(folder, port)
    data = folder / "data"
    pwfile = folder / "pw"
    pwfile.write_text(server.password + "\n")
    if os.geteuid() == 0:
        shutil.chown(pwfile, "nobody", "nogroup")
    env = {**os.environ, "LC_ALL": "C", "PGTZ": "UTC"}
    try:
        subprocess.run(
            [
                *as_user,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                server.user,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                f"--pwfile={pwfile}",
                "--locale=C",
                "-E",
                "UTF8",
            ],
            check=True,
            capture_output=True,
            env=env,
            cwd=folder,
        )
        options = (
            f"-k {folder} -h 127.0.0.1 -p {port} -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off -c max_connections=100"
        )
        subprocess.run(
            [
                *as_user,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
            env=env,
            cwd=folder,
        )
    except subprocess.CalledProcessError as e:
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"cannot start PostgreSQL: {(e.stderr or b'').decode()[-500:]}")
    try:
        yield server
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            env=env,
            cwd=folder,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(postgresql: PostgreSQL) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return postgresql.database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store of each engine: an SQLite file's path, or a PostgreSQL database's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgresql").database()
