"""Property-based fuzzing of everything that reads text a stranger wrote: the long run.

Each target draws hostile input with Hypothesis (random Unicode, FTS query
syntax, Markdown and HTML markup, planted scripts, numbers and dates of every
shape, fragments of real source sentences) and checks a property that must
hold for every input: nothing raises but claimcheck's own errors, offsets
slice back to the text they name, FTS syntax stays inert, a report file never
lands outside its folder, no planted script or event handler survives
into an HTML report, whether it came in the article or in a source's title
and URL, no sentence is cut inside an emoji joined by zero-width joiners
(and text of emoji and symbols alone is never a claim), and a file name
with control characters prints on one line and reads back, in a shell, as
itself.

Run from the project root:

    .venv/bin/python bench/fuzz.py                      # 10,000 examples per target
    .venv/bin/python bench/fuzz.py --examples 500 --target verify --seed 7

It prints a table (target, examples, failures, seconds) and exits 1 when any
target failed, with the smallest failing input Hypothesis found. The tests
(`tests/test_fuzz.py`) run the same targets with a few dozen examples each.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import lxml.html
import regex
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, when loaded from the tests
import fuzz_stores  # bench/ must be on the path first (line above)

from pipeline import nlp as nlp_
from pipeline.batch import report_file
from pipeline.claims import article_from_text, blank_markdown, extract_claims, parse_article
from pipeline.errors import ClaimcheckError
from pipeline.extract.html import extract_html
from pipeline.extract.text import decode
from pipeline.gate import gate_report, inline_suppressions
from pipeline.ingest import expand_paths, ingest
from pipeline.records import ArticleStatus, BatchArticle, FactKind, FailLevel, GateResult
from pipeline.report import GATE_RENDERERS, RENDERERS, extension
from pipeline.store import Store, fts_query
from pipeline.text import chunks, has_words, shown_path
from pipeline.values import find_values, parse_date, parse_number, parse_ordinal
from pipeline.verification import verify_text

# A word planted inside scripts, handlers and javascript: URLs only: if it shows
# up in a script element or an attribute of a report, a planted script got through.
MARKER = "zqxpwn"
PLANTED = [
    f"<script>alert('{MARKER}')</script>",
    f"<img src=x onerror=\"alert('{MARKER}')\">",
    f"<a href=\"javascript:alert('{MARKER}')\">x</a>",
    f"javascript:alert('{MARKER}')",
    f"<svg onload=alert('{MARKER}')>",
    f'"><script>{MARKER}</script>',
    f"'><body onload={MARKER}>",
    "</textarea></style></script>",
]
TOKENS = [
    *PLANTED,
    '"', "'", "\u201c", "\u201d", "\u2019", "AND", "OR", "NOT", "NEAR(", "NEAR/3", ")", "(",
    "*", "^", "-", "+", ":", "passages_fts:", "text:", "{", "}", "\\", "\x00", "\x01", "\x1b",
    "\u202e", "\ufeff", "\u200b", "\ufffd", "\r\n", "\r", "\n", "\n\n", "# ", "## ", "> ", "- ",
    "1. ", "**", "_", "`", "```", "[", "](", "![", "---\n", "<!-- claimcheck: ignore -->",
    "<!-- claimcheck: bogus -->", "<!--", "-->", "&amp;", "&#x3C;", "&lt;script&gt;", "€",
    "£", "$", "%", "per cent", "1,000", "1.5", "23", "0", "-4", "1e308", "9" * 40, "aged 41",
    "Stephen Port, 41,", "17 officers", "seventeen officers", "more than", "nearly", "at least",
    "5 July 2019", "July 5, 2019", "November 2016", "2019", "in 1066", "twenty-three",
    "one hundred and", "a dozen", "½", "٣", "𝟙", "🙂", "ﬁ", "İ", "ß", "Ω", "said", "told",
    "according to", "\"The watchdog said", "I think", "the IOPC", "Met Police", "inquest",
]  # fmt: skip
SEPARATORS = [" ", "", " ", ", ", ". ", "\n", "\n\n"]
ANY_CHARS = st.characters(blacklist_categories=("Cs",))
HOSTILE_TEXT = st.one_of(
    st.text(ANY_CHARS, max_size=300),
    st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), max_size=40).map(
        lambda parts: "".join(a + b for a, b in parts)
    ),
)

# The sources of the fuzzing store: real sentences (so that claims find evidence and
# reports show sources), under titles and URLs carrying planted scripts.
SOURCES = {
    "release.md": (
        f"title: '<script>alert(\"{MARKER}\")</script> IOPC release'\n"
        f"url: 'javascript:alert(\"{MARKER}\")'\n"
        f"publisher: '<img src=x onerror=alert(\"{MARKER}\")>'\n"
        "published: 2021-08-18\nkind: press_release\n",
        "Seventeen officers were investigated for misconduct over the inquiry. The watchdog "
        "found that the performance of nine officers fell below the standard expected of "
        "them. Stephen Port, 41, was given a whole life order in November 2016.",
    ),
    "court.md": (
        f"title: 'Court report \"><svg onload=alert({MARKER})>'\n"
        f"url: 'https://court.example/a?b=\"><script>{MARKER}</script>'\n"
        "published: 2016-11-25\nkind: court\n",
        "Port, 41, was sentenced on 25 November 2016 for the murders of four young men. "
        "The jury at the Old Bailey heard that he met the men through dating websites.",
    ),
}


@dataclass
class Context:
    """What the targets run against: a small store of hostile sources, the model, a folder."""

    store: Store
    nlp: Any
    folder: Path
    scripts: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    stores: dict[str, Path] = field(default_factory=dict)  # "newer", "readonly" (fuzz_stores)


def build_context(folder: Path, nlp: Any, *, private_mounts: bool = False) -> Context:
    """Write the fuzzing sources under `folder`, ingest them into a store there."""
    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for name, (front, body) in SOURCES.items():
        (sources / name).write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    store = Store(folder / "fuzz.db")
    summary = ingest([sources], store, nlp=nlp)
    if summary.failed:
        raise RuntimeError(f"fuzzing sources failed to ingest: {summary.failed}")
    context = Context(store, nlp, folder)
    store.close()  # (checkpointed, so that its copies hold every document)
    context.store = store = Store(folder / "fuzz.db")
    context.stores = fuzz_stores.prepare(
        folder / "stores", folder / "fuzz.db", private_mounts=private_mounts
    )
    # The report's own scripts, from a plain report: the only ones a report may hold.
    plain = render_report_html(verify_text("Nine officers were told.", store, nlp=nlp))
    context.scripts = frozenset(s for s in _Page.of(plain).scripts if s[0] != "application/ld+json")
    return context


# --- the checks ---------------------------------------------------------------


def check_values(context: Context, text: str) -> None:
    offset = 17
    previous = offset
    for value in find_values(text, offset=offset):
        assert text[value.start - offset : value.end - offset] == value.text, value
        assert previous <= value.start < value.end, value
        previous = value.end
        assert value.number is None or math.isfinite(value.number), value
    for parse in (parse_number, parse_ordinal, parse_date):
        parse(text)


def check_markdown(context: Context, text: str) -> None:
    blanked = blank_markdown(text)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]


def check_decode(context: Context, raw: bytes) -> None:
    for suffix in (".md", ".txt", ".html"):
        try:
            article = parse_article(raw, path=f"draft{suffix}")
        except ClaimcheckError as e:
            assert str(e).startswith(f"draft{suffix}: "), e
            continue
        assert isinstance(article.text, str)
    try:
        text, _encoding = decode(raw, path="x")
    except ClaimcheckError:
        return
    assert "\x00" not in text


def check_html_source(context: Context, html: str) -> None:
    """Scripts, styles and event handlers of a source page never reach its text."""
    try:
        text, metadata = extract_html(html, path="page.html")
    except ClaimcheckError:
        return
    if MARKER in text:
        # Only where the page, parsed as a browser would, shows the marker as text
        # (a stray "<?" or "<!" can turn what looked like a tag into words).
        tree = lxml.html.document_fromstring(html)
        for element in tree.xpath("//script|//style|//template|//comment()"):
            if element.getparent() is not None:
                element.drop_tree()
        assert MARKER in tree.text_content(), text
    for value in (metadata.title, metadata.publisher, metadata.note):
        # Metadata is text the report escapes; only scripts' bodies must vanish.
        assert value is None or isinstance(value, str)


def check_search(context: Context, text: str) -> None:
    query = fts_query(text)
    if query is not None:
        # A query built from any text is valid FTS5 syntax.
        context.store.db.conn.execute(
            "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", (query,)
        ).fetchone()
    for hit in context.store.search(text, limit=5):
        assert hit.text


def check_report_name(context: Context, name: str) -> None:
    out = context.folder / "out"
    out.mkdir(exist_ok=True)
    if not (out / "up").is_symlink():
        (out / "up").symlink_to(context.folder, target_is_directory=True)
    for fmt in RENDERERS:
        target = report_file(out, BatchArticle(name, name, ArticleStatus.CHECKED), fmt)
        if target is not None:
            assert target.name.endswith(extension(fmt))
            assert target.parent.resolve().is_relative_to(out.resolve()), target


def check_verify(context: Context, text: str) -> None:
    """Any article verifies; offsets slice back; every format renders; HTML stays inert."""
    try:
        report = verify_text(text, context.store, nlp=context.nlp)
    except ClaimcheckError as e:  # front matter that is not YAML: one line naming the article
        assert str(e).startswith("<text>: ") and "\n" not in str(e), e
        return
    article = report.text or ""
    for verdict in report.claims:
        claim = verdict.claim
        assert 0 <= claim.start <= claim.end <= len(article)
        assert article[claim.start : claim.end] == claim.text
        for fact in verdict.facts:
            found = fact.fact
            assert claim.start <= found.start <= found.end <= claim.end, found
            if found.value is not None or found.kind == FactKind.QUOTE:
                assert article[found.start : found.end] == found.text, found
            for evidence in fact.evidence:
                stored = context.store.document_text(evidence.document_id) or ""
                assert stored[evidence.start : evidence.end] == evidence.text
    for fmt, render in RENDERERS.items():
        rendered = render([report])
        if fmt in ("json", "claimreview"):
            json.loads(rendered)
    page = _Page.of(render_report_html(report))
    page.assert_inert(context.scripts)
    draft = gate_report(
        report,
        article,
        path="draft.md",
        uri="draft.md",
        level=FailLevel.UNVERIFIED,
        inline=_suppressions(article, report),
    )
    result = GateResult(level=FailLevel.UNVERIFIED, drafts=(draft,))
    for fmt, render in GATE_RENDERERS.items():
        rendered = render(result)
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(rendered)


def _suppressions(text: str, report: Any) -> dict[int, Any]:
    try:
        return inline_suppressions(text, report)
    except ClaimcheckError:  # an unknown directive: the gate names its line
        return {}


def render_report_html(report: Any) -> str:
    return RENDERERS["html"]([report])


class _Page(HTMLParser):
    """Scripts, attributes and links of a page, as a browser's parser finds them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str, str]] = []  # (type attribute, body)
        self.attributes: list[tuple[str, str, str]] = []
        self._in_script = False

    @classmethod
    def of(cls, html: str) -> _Page:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.extend((tag, name, value or "") for name, value in attrs)
        if tag == "script":
            self._in_script = True
            self.scripts.append((dict(attrs).get("type") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            kind, body = self.scripts[-1]
            self.scripts[-1] = (kind, body + data)

    def assert_inert(self, own_scripts: frozenset[tuple[str, str]]) -> None:
        """Every script is one the report ships, or a JSON data block with no markup in it;
        no event handler attribute; no link but http(s) and relative ones."""
        for kind, body in self.scripts:
            if kind == "application/ld+json":
                json.loads(body)
                assert "<" not in body, body[:200]
            else:
                assert (kind, body) in own_scripts, body[:200]
        for tag, name, value in self.attributes:
            assert not name.startswith("on"), (tag, name, value)
            assert MARKER not in name, (tag, name)
            if name in ("href", "src", "action", "formaction", "srcset", "xlink:href"):
                scheme = re.match(r"\s*([a-zA-Z][\w+.-]*):", value)
                assert scheme is None or scheme.group(1).lower() in ("http", "https"), value


def check_emoji(context: Context, text: str) -> None:
    """Sentences, claims and chunks end between characters; text with no word is no claim."""
    bounds = {0, *(m.end() for m in regex.finditer(r"\X", text))}
    for offset, part in chunks(text):
        # (A paragraph break may part CR from LF: blanks, which no sentence keeps.)
        assert offset in bounds and offset + len(part.rstrip()) in bounds, (offset, len(part))
    for claim in extract_claims(article_from_text(text, markdown=False), context.nlp):
        # A sentence's blanks are trimmed off, even the space a lone joiner or
        # accent leans on (" \u200d" is one cluster): there the cut may fall.
        start_ok = claim.start in bounds or text[claim.start - 1].isspace()
        end_ok = claim.end in bounds or text[claim.end].isspace()
        assert start_ok and end_ok, (claim.start, claim.end)
        assert text[claim.start : claim.end] == claim.text
        if not has_words(claim.text):
            assert not claim.checkworthy and not claim.facts, claim.text


def check_file_name(context: Context, name: str) -> None:
    """A name prints on one line, reads back in a shell as itself, and ingest finds its file."""
    shown = shown_path(name)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", shown), shown
    # A name with nothing to escape is printed as it is; an escaped one reads back.
    assert shown == name or shell_words(shown) == name, (name, shown)
    if len(name.encode("utf-8", "surrogateescape")) > 200 or name in (".", ".."):
        return
    folder = context.folder / "names"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text("Nine officers were told to improve.\n", encoding="utf-8")
    try:
        hidden = name.startswith(".")
        by_folder, problems = expand_paths([folder])
        assert (by_folder == [] if hidden else by_folder == [path]) and not problems, by_folder
        if not hidden:  # (a pattern's "*" matches no hidden name, as in a shell)
            by_pattern, problems = expand_paths([f"{folder}/*.txt"])
            assert by_pattern == [path] and not problems, (by_pattern, problems)
    finally:
        path.unlink()


def check_newer_store(context: Context, example: tuple[str, str]) -> None:
    """Any command on a newer store: exit 2, one line naming its version, nothing written."""
    fuzz_stores.check_store(context.stores["newer"], "newer", example)


def check_read_only_store(context: Context, example: tuple[str, str]) -> None:
    """Any command on a read-only store: 0, 1 or 2, one error line at most, nothing written."""
    assert "readonly" in context.stores, "no read-only store here: run as root or not as root"
    fuzz_stores.check_store(context.stores["readonly"], "readonly", example)


def shell_words(quoted: str) -> str:
    """What a POSIX shell (bash's $'...' included) reads a word of quoted parts as."""
    out = bytearray()
    i = 0
    while i < len(quoted):
        if quoted.startswith("$'", i):
            end = quoted.index("'", i + 2)
            out += _ansi_c(quoted[i + 2 : end])
            i = end + 1
        elif quoted[i] == "'":
            end = quoted.index("'", i + 1)
            out += quoted[i + 1 : end].encode("utf-8", "surrogateescape")
            i = end + 1
        elif quoted[i] == "\\":
            out += quoted[i + 1].encode("utf-8", "surrogateescape")
            i += 2
        else:
            out += quoted[i].encode("utf-8", "surrogateescape")
            i += 1
    return out.decode("utf-8", "surrogateescape")


_NAMED = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, "\\": 92, "'": 39}


def _ansi_c(body: str) -> bytes:
    out = bytearray()
    i = 0
    while i < len(body):
        if body[i] != "\\":
            out += body[i].encode("utf-8", "surrogateescape")
            i += 1
        elif body[i + 1] in _NAMED:
            out.append(_NAMED[body[i + 1]])
            i += 2
        else:
            out.append(int(body[i + 1 : i + 4], 8))
            i += 4
    return bytes(out)


# --- targets ------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Context, Any], None]
    about: str


# Text between the tags carries no marker: only script bodies, handlers and links do.
# (Tags are whole: a tag cut open by a stray quote turns a planted script into text,
# as a browser would show it, and the property would not hold for a good reason.)
PAGE_TEXT = st.one_of(
    st.text(ANY_CHARS, max_size=100),
    st.lists(st.sampled_from([t for t in TOKENS if MARKER not in t]), max_size=20).map(" ".join),
)
PAGE_TAGS = [
    *(p for p in PLANTED if p.startswith(("<", '"', "'"))),
    "<p>", "</p>", "<div>", "</div>", "<style>p{}</style>", "<!-- c -->", "<br>", "<html>",
    "<noscript>no</noscript>", "<template><b>t</b></template>", "<title>T</title>", "<body>",
    '<meta name="claimcheck:title" content="&lt;script&gt;">', "<svg>", "<math>", "<td>",
]  # fmt: skip
HTML_PAGES = st.lists(st.one_of(st.sampled_from(PAGE_TAGS), PAGE_TEXT), max_size=30).map("".join)

# Emoji as they are sent: sequences joined by zero-width joiners, skin tones,
# flags, keycaps, variation selectors; symbols, combining accents, and a few words.
EMOJI = [
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",  # family
    "\U0001f469\U0001f3fd\u200d\U0001f4bb", "\U0001f44d\U0001f3ff", "\U0001f44d",
    "\U0001f1ec\U0001f1e7", "\U0001f3f4\u200d\u2620\ufe0f", "1\ufe0f\u20e3", "\u2764\ufe0f",
    "\U0001f3f3\ufe0f\u200d\U0001f308", "\u200d", "\ufe0f", "\U0001f3fb", "e\u0301",
    "\u0301", "\u0915\u094d\u0937", "\u2605", "\u2192", "\u00a9", "\u2713", "\u00a7", "%",
    "**", "--", "17", "2019", "# ", "\r\n", "Port", "was convicted", "in 2016", "officers",
]  # fmt: skip
EMOJI_TEXT = st.lists(
    st.tuples(st.sampled_from(EMOJI), st.sampled_from([*SEPARATORS, ". ", "! ", "? "])),
    max_size=60,
).map(lambda parts: "".join(a + b for a, b in parts))
# File names: any character but "/" and NUL, control characters and bytes that are
# not UTF-8 (as os.listdir gives them, surrogate-escaped) drawn often.
NAME_CHARS = st.one_of(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    st.sampled_from(["\n", "\r", "\t", "\x1b", "\x7f", "\x85", "\u2028", "'", "$", "\\"]),
    st.sampled_from([chr(0xDC80 + b) for b in range(0x80)]),
)
FILE_NAMES = st.text(NAME_CHARS, min_size=1, max_size=40)

TARGETS = [
    Target("values", HOSTILE_TEXT, check_values, "value parsers: offsets, finite numbers"),
    Target("markdown", HOSTILE_TEXT, check_markdown, "markup blanking keeps length and lines"),
    Target("decode", st.binary(max_size=400), check_decode, "bytes: an Article or our error"),
    Target("html-source", HTML_PAGES, check_html_source, "no script text in a source's text"),
    Target("search", HOSTILE_TEXT, check_search, "FTS syntax inert in every search"),
    Target("report-name", HOSTILE_TEXT, check_report_name, "report files stay in their folder"),
    Target("verify", HOSTILE_TEXT, check_verify, "verify + every report format; HTML inert"),
    Target("emoji", EMOJI_TEXT, check_emoji, "no cut inside a character; no word, no claim"),
    Target("file-name", FILE_NAMES, check_file_name, "names on one line, read back, found"),
    Target(
        "newer-store",
        fuzz_stores.strategy(HOSTILE_TEXT),
        check_newer_store,
        "every command refuses a newer store, 1 line, unwritten",
    ),
    Target(
        "read-only-store",
        fuzz_stores.strategy(HOSTILE_TEXT),
        check_read_only_store,
        "every command reads or refuses a read-only store, unwritten",
    ),
]


@dataclass
class Outcome:
    target: str
    examples: int
    failures: int
    seconds: float
    error: str | None = None


def run_target(
    target: Target, context: Context, examples: int, *, seed: int | None = None
) -> Outcome:
    """Run one target for `examples` examples; a failure is shrunk and described."""
    count = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is None,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(target.strategy)
    def run(example: Any) -> None:
        nonlocal count
        count += 1
        target.check(context, example)

    if seed is not None:
        from hypothesis import seed as with_seed

        run = with_seed(seed)(run)
    started = time.perf_counter()
    try:
        run()
    except Exception as e:  # the failure, after shrinking
        notes = "\n".join(getattr(e, "__notes__", []))
        return Outcome(
            target.name, count, 1, time.perf_counter() - started, f"{e!r}\n{notes}".strip()
        )
    return Outcome(target.name, count, 0, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per target")
    parser.add_argument(
        "--target", action="append", choices=[t.name for t in TARGETS], help="only these"
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed {seed} (run again with --seed {seed})", file=sys.stderr)
    chosen = [t for t in TARGETS if not args.target or t.name in args.target]
    # While the process has one thread: the read-only store's mount is its own.
    private_mounts = fuzz_stores.enter_private_mounts()
    nlp = nlp_.load()
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-") as folder:
        context = build_context(Path(folder), nlp, private_mounts=private_mounts)
        for target in chosen:
            print(f"{target.name}: {args.examples:,} examples ...", file=sys.stderr, flush=True)
            outcome = run_target(target, context, args.examples, seed=seed)
            outcomes.append(outcome)
            if outcome.error:
                print(f"{target.name} FAILED:\n{outcome.error}", file=sys.stderr, flush=True)
        context.store.close()
        fuzz_stores.release(context.stores)
    print(f"{'target':<12} {'examples':>9} {'failures':>9} {'seconds':>8}  property")
    for target, outcome in zip(chosen, outcomes, strict=True):
        print(
            f"{outcome.target:<12} {outcome.examples:>9,} {outcome.failures:>9} "
            f"{outcome.seconds:>8.1f}  {target.about}"
        )
    total = sum(o.examples for o in outcomes)
    failed = sum(o.failures for o in outcomes)
    print(f"{'all':<12} {total:>9,} {failed:>9}")
    return 1 if failed else 0


if __name__ == "__main__":
    sqlite3.enable_callback_tracebacks(True)
    sys.exit(main())
