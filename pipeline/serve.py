"""`claimcheck serve`: the local web app where editors review a draft and decide on findings.

A Flask app over the same evidence store as the commands. An editor opens a
draft (a file under the served folder) or pastes one, reads the same report
as `claimcheck verify --format html` (the same templates), records a
decision on any claim with a reason and a name, adds a source by URL or by
upload and sees the draft checked again, and reads the history of decisions.

Safety, since a browser holds other sites' pages too:

- it binds 127.0.0.1 unless told otherwise;
- every POST needs the session's CSRF token in the form *and* an Origin (or,
  without one, a Referer) of this server: a cross-site request is refused
  even when the browser sends a valid session cookie along (SameSite=Strict);
- every text is escaped (Jinja2 autoescaping, as the static report), and a
  strict Content-Security-Policy allows only the report's own style and
  script (by hash) and forms posted to this server;
- decisions are appended to the store's log in a transaction of their own
  (SQLite in WAL mode): two editors, or two server processes on one store,
  deciding at once both land in the log.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
from flask import Flask, Response, abort, redirect, request, session, url_for
from markupsafe import Markup

from . import nlp as nlp_
from .claims import article_from_text
from .config import Settings
from .decisions import DecisionError, evidence_hash, history, log_decision, with_decisions
from .errors import ClaimcheckError
from .extract.url import FetchOptions
from .fetch import ingest_urls
from .gate import gate_report
from .ingest import IngestOptions, ingest
from .records import ArticleReport, ClaimVerdict, Decision, DecisionKind, DraftResult, FailLevel
from .report.html import SCRIPT, STYLE, _hash, render_html
from .store import open_store
from .verification import verify_article

if TYPE_CHECKING:
    from spacy.language import Language

MAX_UPLOAD = 50 * 1024 * 1024
UPLOAD_SUFFIXES = (".pdf", ".html", ".htm", ".txt", ".md", ".markdown")
DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
# The report's own style and script by hash; forms go to this server only.
CSP = (
    f"default-src 'none'; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'self'"
)
# frame-ancestors only works sent as a header, not in the page's <meta>.
HEADER_CSP = CSP + "; frame-ancestors 'none'"

_PAGES = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)

_LAYOUT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="referrer" content="same-origin">
<title>claimcheck: {{ title }}</title></head>
<body><header><strong>claimcheck serve</strong> ·
<a href="{{ url_for('index') }}">Drafts</a> · <a href="{{ url_for('decisions_page') }}">Decisions</a>
· store {{ db }}</header>
<main>{{ body }}</main></body></html>"""

_INDEX = _PAGES.from_string("""<h1>Open a draft</h1>
{% if drafts %}<ul>{% for name in drafts %}<li><a href="{{ url_for('draft', name=name) }}">{{ name }}</a></li>{% endfor %}</ul>
{% else %}<p>No drafts (.md, .markdown, .txt) under {{ root }}.</p>{% endif %}
<h2>Paste a draft</h2>
<form method="post" action="{{ url_for('paste') }}">
<input type="hidden" name="csrf" value="{{ csrf }}">
<p><label>Name <input name="name" value="pasted.md"></label></p>
<p><textarea name="text" rows="14" cols="90" aria-label="Draft text"></textarea></p>
<p><button type="submit">Check</button></p>
</form>""")

_HISTORY = _PAGES.from_string("""<h1>Decisions</h1>
<table><thead><tr><th>When</th><th>Who</th><th>Decision</th><th>Reason</th><th>Claim</th><th>Verdict then</th></tr></thead>
<tbody>{% for d in entries %}<tr><td>{{ d.decided_at }}</td><td>{{ d.author }}</td><td>{{ d.decision }}</td><td>{{ d.reason }}</td><td>{{ d.claim }}</td><td>{{ d.label }}</td></tr>
{% else %}<tr><td colspan="6">No decision yet.</td></tr>{% endfor %}</tbody></table>""")

_FORM = _PAGES.from_string("""<form class="decide" method="post" action="{{ action }}">
<input type="hidden" name="csrf" value="{{ csrf }}"><input type="hidden" name="claim_id" value="{{ verdict.claim.id }}">
<input type="hidden" name="evidence_hash" value="{{ evidence }}"><input type="hidden" name="label" value="{{ verdict.label }}">
<input type="hidden" name="claim" value="{{ claim }}">
<fieldset><legend>Decide</legend>
<label><select name="decision" aria-label="Decision">{% for kind in kinds %}<option value="{{ kind }}">{{ kind }}</option>{% endfor %}</select></label>
<label>Reason <input name="reason" required></label>
<label>Name <input name="author" value="{{ author }}" required></label>
<button type="submit">Record</button></fieldset></form>""")

_TOOLS = _PAGES.from_string("""<section class="serve-tools" aria-label="Review">
<p class="gate gate-{{ 'pass' if passed else 'fail' }}">Gate: <b>{{ 'passes' if passed else 'fails' }}</b> (level {{ level }}; {{ errors }} failing, {{ warnings }} warning{{ '' if warnings == 1 else 's' }}, {{ suppressed }} suppressed)</p>
<form method="post" action="{{ url_for('add_source', name=name) }}" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{ csrf }}">
<fieldset><legend>Add a source and check again</legend>
<label>URL <input name="url" type="url"></label> or <label>file <input name="file" type="file"></label>
<button type="submit">Add source</button></fieldset></form>
{% for line in messages %}<p class="message">{{ line }}</p>{% endfor %}
</section>""")


@dataclass
class ServeState:
    """What the app holds between requests: the settings, the model, drafts pasted."""

    settings: Settings
    root: Path
    level: FailLevel
    nlp: Language | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def language(self) -> Language:
        with self.lock:
            if self.nlp is None:
                self.nlp = nlp_.load(self.settings.spacy_model)
            return self.nlp

    @property
    def pasted(self) -> Path:
        """Pasted drafts live beside the store, so that every server process on it sees them."""
        return Path(self.settings.db + ".drafts")

    @property
    def uploads(self) -> Path:
        return Path(self.settings.db + ".sources")


def create_app(
    settings: Settings,
    *,
    root: str | Path = ".",
    nlp: Language | None = None,
    level: FailLevel | str | None = None,
) -> Flask:
    """The web app over the store of `settings`, for the drafts under `root`."""
    state = ServeState(
        settings,
        Path(root).resolve(),
        FailLevel(level or settings.fail_level),
        nlp=nlp,
    )
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=_secret(settings.db),
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
        MAX_CONTENT_LENGTH=MAX_UPLOAD,
    )
    app.extensions["claimcheck"] = state

    @app.before_request
    def refuse_cross_site() -> None:
        if request.method not in ("GET", "HEAD"):
            _check_origin()
            token = session.get("csrf")
            given = request.form.get("csrf", "")
            if not token or not hmac.compare_digest(str(token), given):
                abort(403, "missing or wrong CSRF token")

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = HEADER_CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.get("/")
    def index() -> str:
        drafts = sorted(
            str(p.relative_to(state.root))
            for p in state.root.rglob("*")
            if p.suffix.lower() in DRAFT_SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(state.root).parts)
        )[:500]
        body = _INDEX.render(drafts=drafts, root=state.root, csrf=_csrf(), url_for=url_for)
        return _page("drafts", body, state)

    @app.post("/paste")
    def paste() -> Any:
        text = request.form.get("text", "")
        if not text.strip():
            abort(400, "the draft is empty")
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        state.pasted.mkdir(parents=True, exist_ok=True)
        (state.pasted / f"{digest}.md").write_text(text, encoding="utf-8")
        return redirect(url_for("draft", name=f"pasted:{digest}"), code=303)

    @app.get("/draft/<path:name>")
    def draft(name: str) -> str:
        path = _draft_path(state, name)
        report, gated = _check(state, path, name)
        return _report_page(state, report, gated, name, messages=session.pop("messages", []))

    @app.post("/draft/<path:name>/decide")
    def decide(name: str) -> Any:
        _draft_path(state, name)
        form = request.form
        try:
            entry = Decision(
                claim_id=form.get("claim_id", ""),
                evidence_hash=form.get("evidence_hash", ""),
                decision=DecisionKind(form.get("decision", "")),
                reason=form.get("reason", ""),
                author=form.get("author", ""),
                decided_at=_now(),
                claim=form.get("claim", ""),
                label=form.get("label", ""),
                path=name,
            )
            with open_store(state.settings.db) as store:
                log_decision(store, entry)
        except (ValueError, DecisionError) as e:
            abort(400, str(e))
        session["author"] = entry.author
        return redirect(url_for("draft", name=name) + f"#claim-{entry.claim_id}", code=303)

    @app.post("/draft/<path:name>/source")
    def add_source(name: str) -> Any:
        _draft_path(state, name)
        messages = _add_source(state)
        session["messages"] = messages
        return redirect(url_for("draft", name=name), code=303)

    @app.get("/decisions")
    def decisions_page() -> str:
        with open_store(state.settings.db) as store:
            entries = list(reversed(history(store)))
        return _page("decisions", _HISTORY.render(entries=entries), state)

    return app


def _check(state: ServeState, path: Path, name: str) -> tuple[ArticleReport, DraftResult]:
    """The draft verified against the store, its decisions, and the gate's view of it."""
    text = _read(path)
    article = article_from_text(text, path=name, markdown=path.suffix.lower() != ".txt")
    with open_store(state.settings.db) as store:
        report = verify_article(article, store, nlp=state.language())
        report = with_decisions(report, store)
    gated = gate_report(
        report,
        text,
        path=name,
        uri=name,
        level=state.level,
        score_cutoff=state.settings.score_cutoff,
    )
    return report, gated


def _report_page(
    state: ServeState, report: ArticleReport, gated: DraftResult, name: str, *, messages: list[str]
) -> str:
    csrf = _csrf()
    author = session.get("author", "")
    action = url_for("decide", name=name)

    def form(verdict: ClaimVerdict, decision: Decision | None) -> Markup:
        kinds = [k.value for k in DecisionKind]
        return Markup(
            _FORM.render(
                action=action,
                csrf=csrf,
                verdict=verdict,
                evidence=evidence_hash(verdict),
                claim=" ".join(verdict.claim.text.split()),
                kinds=kinds,
                author=author,
            )
        )

    page = render_html([report], decide=form, csp=CSP, referrer="same-origin")
    findings = gated.findings
    tools = _TOOLS.render(
        passed=not any(f.failing for f in findings),
        level=state.level,
        errors=sum(1 for f in findings if f.failing),
        warnings=sum(1 for f in findings if f.suppression is None and not f.failing),
        suppressed=sum(1 for f in findings if f.suppression is not None),
        csrf=csrf,
        name=name,
        messages=messages,
        url_for=url_for,
    )
    nav = (
        f'<nav class="serve-nav"><a href="{url_for("index")}">Drafts</a> · '
        f'<a href="{url_for("decisions_page")}">Decisions</a></nav>'
    )
    return page.replace("<main>", nav + tools + "<main>", 1)


def _add_source(state: ServeState) -> list[str]:
    """Ingest the URL or the file uploaded; one line for each result."""
    settings = state.settings
    options = IngestOptions(pdf_engine=settings.pdf_engine, limits=settings.limits)
    url = request.form.get("url", "").strip()
    upload = request.files.get("file")
    with open_store(settings.db) as store:
        try:
            if url:
                fetch = FetchOptions(
                    allow_hosts=settings.allow_hosts,
                    timeout=settings.fetch_timeout,
                    max_bytes=settings.fetch_max_bytes,
                    limits=settings.limits,
                )
                summary = ingest_urls(
                    [url], store, nlp=state.language(), options=options, fetch=fetch
                )
            elif upload is not None and upload.filename:
                filename = Path(upload.filename).name
                if Path(filename).suffix.lower() not in UPLOAD_SUFFIXES:
                    return [f"failed {filename}: not a PDF, HTML, text or Markdown file"]
                digest = secrets.token_hex(4)
                target = state.uploads / f"{digest}-{filename}"
                target.parent.mkdir(parents=True, exist_ok=True)
                upload.save(target)
                summary = ingest([target], store, nlp=state.language(), options=options)
            else:
                return ["give a URL or a file"]
        except ClaimcheckError as e:
            return [f"failed: {e}"]
    return [f"{r.status} {r.path}" + (f": {r.error}" if r.error else "") for r in summary.results]


def _draft_path(state: ServeState, name: str) -> Path:
    """The file of a draft named in a URL: a pasted one, or a file under the root, never outside."""
    if name.startswith("pasted:"):
        digest = name.removeprefix("pasted:")
        if not digest.isalnum():
            abort(404)
        path = state.pasted / f"{digest}.md"
    else:
        path = (state.root / name).resolve()
        if state.root not in path.parents or path.suffix.lower() not in DRAFT_SUFFIXES:
            abort(404)
    if not path.is_file():
        abort(404)
    return path


def _read(path: Path) -> str:
    from .extract.text import decode

    return decode(path.read_bytes(), path=str(path))[0]


def _check_origin() -> None:
    """Refuse a request whose Origin (or Referer) is not this server."""
    own = f"{request.scheme}://{request.host}".lower()
    origin = request.headers.get("Origin")
    if origin is None:
        referer = request.headers.get("Referer")
        if referer is None:
            abort(403, "cross-site request refused: no Origin or Referer")
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin.lower() != own:
        abort(403, "cross-site request refused")


def _csrf() -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


def _secret(db: str) -> bytes:
    """The key that signs sessions, shared by every server process on this store."""
    path = Path(db + ".secret")
    if not path.exists():
        # Written whole under another name, then linked in: a second process
        # starting at the same moment reads one key or the other, never half.
        spare = path.with_name(f"{path.name}.{secrets.token_hex(4)}")
        fd = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
        try:
            os.link(spare, path)
        except FileExistsError:
            pass
        finally:
            spare.unlink()
    return path.read_bytes()


def _page(title: str, body: str, state: ServeState) -> str:
    return _PAGES.from_string(_LAYOUT).render(
        title=title, body=Markup(body), db=state.settings.db, url_for=url_for
    )


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
