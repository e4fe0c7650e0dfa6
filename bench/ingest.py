"""Ingest throughput: words per second of text and PDF ingest beside the raw NER ceiling.

What it measures, all in one run (the machine is shared and noisy, so only
ratios taken in the same run mean anything):

1. the ceiling: `nlp.pipe` over exactly the paragraphs ingest feeds to spaCy
   (`pipeline.ingest.chunks` of each extracted document), with the same loaded
   pipeline (`pipeline.nlp.load()`: senter + ner), consuming sentences and
   entities;
2. text ingest: `ingest([folder], store, nlp=nlp)` over a generated Markdown
   corpus, end to end (read, extract, nlp, values, store write);
3. PDF ingest with each engine over the same corpus as multi-page PDFs, with
   its own ceiling (the paragraphs of the extracted PDF text), plus pages/s;
4. PDF extraction alone per engine, to show where PDF time goes.

Words are whitespace-split words of the extracted text. Generating the corpus
and loading the model are never part of a measured figure. Each ingest writes
to a fresh store file (WAL, like the CLI). Targets (from the issue): text
ingest at 90% or more of the ceiling, PDF ingest at 85% or more. The table
shows each target beside its figure, and the machine's load (as `uptime`
gives it) before and after the runs.

Run from the project root:

    .venv/bin/python bench/ingest.py                # about 200k words, a few minutes
    .venv/bin/python bench/ingest.py --quick        # 20k words, a smoke run
    .venv/bin/python bench/ingest.py --repeat 3 --engine pdfium --json
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from _common import log, machine, peak_rss_mb  # bench/ is the script's folder, on sys.path
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from pipeline.extract import extract
from pipeline.ingest import IngestOptions, chunks, ingest
from pipeline.nlp import limit_maths_threads, load, model_info
from pipeline.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

SEED = 20190705
DOC_WORDS = 2_000  # words a generated document
PARA_WORDS = 100  # words a paragraph, about
TEXT_TARGET = 0.90
PDF_TARGET = 0.85
PLUMBER_BUDGET = 180.0  # seconds pdfplumber may take on the full PDF corpus before a subset
PLUMBER_SUBSET = 5  # then every 5th PDF (at least)

# ---------------------------------------------------------------------------
# Corpus generation

FIRST = """Anthony Sarah Daniel Gabriel Jack Emily Oliver Priya Stephen Margaret Thomas
Aisha David Helen Michael Joanna Patrick Fatima Richard Laura James Chloe Samuel Grace
Mohammed Rebecca Peter Hannah Luke Nadia George Ruth Andrew Sophie Kevin Zoe""".split()
LAST = """Walgate Kovari Whitworth Taylor Porter Ahmed Collins Fernandes Hughes Okafor
Bennett Lawson Murphy Shah Turner Doyle Reid Campbell Harris Nolan Evans Brooks Marsh
Patel Kowalski Murray Ellis Gray Fletcher O'Brien Chen Baker Wright Morgan Hall""".split()
PLACES = """London Barking Manchester Leeds Birmingham Bristol Glasgow Cardiff Liverpool
Sheffield Newcastle Belfast Edinburgh Nottingham Southampton Oxford Cambridge Dagenham
Ilford Croydon Brighton Leicester Coventry Norwich Plymouth""".split()
ORGS = [
    "the Metropolitan Police",
    "the Independent Office for Police Conduct",
    "the Home Office",
    "the Crown Prosecution Service",
    "Barking and Dagenham Council",
    "the NHS",
    "the Office for National Statistics",
    "the Ministry of Justice",
    "the BBC",
    "the Local Government Association",
    "Greater Manchester Police",
    "the Treasury",
    "the National Audit Office",
    "Amnesty International",
    "the Bank of England",
]
ROLES = [
    "a spokesman for",
    "a spokeswoman for",
    "the chief executive of",
    "a senior officer at",
    "the director of",
    "a lawyer representing",
    "an analyst at",
    "the chair of",
]
UNITS = [
    "officers",
    "complaints",
    "victims",
    "witnesses",
    "families",
    "schools",
    "patients",
    "cases",
    "arrests",
    "homes",
    "jobs",
    "investigators",
    "councillors",
    "staff",
]
MONTHS = """January February March April May June July August September October November
December""".split()
SMALL = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
VERBS = ["said", "told reporters", "confirmed", "added", "wrote in a statement", "insisted"]
TOPICS = [
    "the investigation",
    "the inquest",
    "the review",
    "the trial",
    "the budget",
    "the report",
    "the consultation",
    "the appeal",
    "the inquiry",
    "the audit",
]

TEMPLATES = [
    "{person}, {age}, was found dead in {place} on {date}.",
    "{org} said {count} {unit} had been investigated over {topic} since {year}.",
    "{Words} {unit} were questioned by detectives in {place} in {month} {year}.",
    "According to {org}, spending rose by {percent} to {money} in the year to {month} {year}.",
    '"We have learned lessons from {topic}," {role} {org}, {person}, {verb}.',
    "{person}, who is {age}, appeared at {place} Crown Court on {date} charged with {n} offences.",
    "The number of {unit} in {place} fell from {n} in {year} to {m} last year.",
    "In {year}, {org} paid {money} to settle claims brought by {count} {unit}.",
    "{person} {verb} that {topic} would report by {month} {year2}.",
    "More than {percent} of {unit} surveyed by {org} said they had not been consulted.",
    "{Person2} and {person}, both in their {decade}, moved to {place} in {year}.",
    "The {ordinal} hearing of {topic} is due to open in {place} on {date}.",
    "Figures published on {date} showed {n} {unit} waiting more than {words} weeks.",
    "{org} has been criticised for {topic}, which cost about {money}.",
    "{person}, {age}, of {place}, denies {words} counts of fraud.",
    "At least {count} {unit} were affected, {role} {org} {verb}.",
    "The council's budget for {year} was cut by {percent}, or {money}.",
    "It is the {ordinal} time since {year} that {org} has been asked to review {topic}.",
    "Officers from {place} and {place2} were sent to the scene shortly after {time}.",
    "{person} was sentenced to {words} years in prison at {place} Crown Court in {month}.",
]
DECADES = "twenties thirties forties fifties sixties seventies".split()
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()


def number_words(n: int) -> str:
    """English words for 0 <= n < 100: "seventeen", "forty-two"."""
    if n <= 20:
        return SMALL[n]
    tens, ones = divmod(n, 10)
    return TENS[tens - 2] + (f"-{SMALL[ones]}" if ones else "")


class NewsWriter:
    """Deterministic generator of news-like English paragraphs and documents."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def date(self) -> str:
        r = self.rng
        return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2009, 2023)}"

    def money(self) -> str:
        r = self.rng
        kind = r.randrange(4)
        if kind == 0:
            return f"{r.randint(1, 99)}.{r.randint(1, 9)}bn pounds"
        if kind == 1:
            return f"${r.randint(1, 9)}.{r.randint(1, 9)} million"
        if kind == 2:
            return f"{r.randint(2, 900):,},000 pounds"
        return f"{number_words(r.randint(2, 99))} million pounds"

    def percent(self) -> str:
        r = self.rng
        n = r.randint(2, 95)
        return f"{n} per cent" if r.random() < 0.5 else f"{n}%"

    def count(self) -> str:
        r = self.rng
        n = r.randint(2, 400)
        return str(n) if r.random() < 0.6 or n > 99 else number_words(n)

    def sentence(self) -> str:
        r = self.rng
        template = r.choice(TEMPLATES)
        words = number_words(r.randint(2, 40))
        fields = {
            "person": self.person(),
            "Person2": self.person(),
            "age": r.randint(16, 88),
            "place": r.choice(PLACES),
            "place2": r.choice(PLACES),
            "date": self.date(),
            "org": r.choice(ORGS),
            "role": r.choice(ROLES),
            "verb": r.choice(VERBS),
            "count": self.count(),
            "unit": r.choice(UNITS),
            "topic": r.choice(TOPICS),
            "year": r.randint(2005, 2022),
            "year2": r.randint(2023, 2027),
            "month": r.choice(MONTHS),
            "percent": self.percent(),
            "money": self.money(),
            "n": r.randint(3, 900),
            "m": r.randint(3, 900),
            "words": words,
            "Words": words.capitalize(),
            "decade": r.choice(DECADES),
            "ordinal": r.choice(ORDINALS),
            "time": f"{r.randint(1, 11)}.{r.randint(10, 59)}pm",
        }
        text = template.format(**fields)
        return text[0].upper() + text[1:]

    def paragraph(self) -> str:
        target = self.rng.randint(PARA_WORDS - 20, PARA_WORDS + 20)
        sentences: list[str] = []
        words = 0
        while words < target:
            sentence = self.sentence()
            sentences.append(sentence)
            words += len(sentence.split())
        return " ".join(sentences)

    def document(self, number: int, words: int = DOC_WORDS) -> GeneratedDoc:
        """A document of about `words` words in paragraphs, with its metadata."""
        r = self.rng
        title = f"{r.choice(PLACES)}: {r.choice(TOPICS)[4:]} into {r.choice(UNITS)} ({number})"
        paragraphs: list[str] = []
        count = 0
        while count < words:
            paragraphs.append(self.paragraph())
            count += len(paragraphs[-1].split())
        return GeneratedDoc(
            name=f"doc-{number:04d}",
            title=title[0].upper() + title[1:],
            publisher=r.choice(["Barking Post", "The Courier", "Evening Standard", "Wire"]),
            published=f"{r.randint(2010, 2023)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            kind=r.choice(["news", "press_release", "court"]),
            paragraphs=paragraphs,
        )


@dataclass
class GeneratedDoc:
    name: str
    title: str
    publisher: str
    published: str
    kind: str
    paragraphs: list[str]

    def markdown(self) -> str:
        head = (
            f'---\ntitle: "{self.title}"\npublisher: {self.publisher}\n'
            f"published: {self.published}\nkind: {self.kind}\n---\n\n# {self.title}\n\n"
        )
        return head + "\n\n".join(self.paragraphs) + "\n"


class _NewsPDF(FPDF):
    """A PDF page with a running header and a "Page N of M" footer."""

    running_title = ""

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, self.running_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="R")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def write_pdf(doc: GeneratedDoc, path: Path) -> int:
    """Write a document as a multi-page PDF (Helvetica, ASCII); return its page count."""
    pdf = _NewsPDF(format="A4")
    pdf.running_title = f"{doc.publisher} - {doc.title}"
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(doc.title)
    pdf.set_author(doc.publisher)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, doc.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 12)
    for paragraph in doc.paragraphs:
        pdf.multi_cell(0, 7.2, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3.6)
    pdf.output(str(path))
    return pdf.pages_count


def generate(words: int, pdf_words: int, out: Path) -> tuple[list[Path], list[Path], int]:
    """Write the Markdown and PDF corpora under `out`; return their files and the PDF pages.

    Both corpora are prefixes of one seeded sequence of documents, so the PDFs
    hold the same text as the first Markdown files.
    """
    writer = NewsWriter()
    n_text = max(1, round(words / DOC_WORDS))
    n_pdf = max(1, round(pdf_words / DOC_WORDS))
    docs = [writer.document(i) for i in range(max(n_text, n_pdf))]
    md_dir, pdf_dir = out / "corpus-md", out / "corpus-pdf"
    for folder in (md_dir, pdf_dir):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
    md_files, pdf_files, pages = [], [], 0
    for doc in docs[:n_text]:
        path = md_dir / f"{doc.name}.md"
        path.write_text(doc.markdown(), encoding="utf-8")
        md_files.append(path)
    for doc in docs[:n_pdf]:
        path = pdf_dir / f"{doc.name}.pdf"
        pages += write_pdf(doc, path)
        pdf_files.append(path)
    return md_files, pdf_files, pages


# ---------------------------------------------------------------------------
# Measurements


@dataclass
class Row:
    """One line of the table: a measured step, with the medians over the repeats."""

    what: str
    words: int
    pages: int | None = None
    seconds: list[float] = field(default_factory=list)
    ceiling: str | None = None  # key of the row this is a ratio to
    target: float | None = None
    note: str = ""
    block_ratios: list[float] = field(default_factory=list)  # same-words blocks only

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def words_per_s(self) -> float:
        return self.words / self.median

    @property
    def pages_per_s(self) -> float | None:
        return self.pages / self.median if self.pages else None


@dataclass
class Prepared:
    """A file's extracted chunks (what ingest gives spaCy), words and pages; never timed."""

    path: Path
    texts: list[str]
    words: int
    pages: int


def prepare(files: list[Path], engine: str = "pdfium") -> list[Prepared]:
    """Extract each file once, untimed, for the ceiling's texts and the word counts."""
    prepared = []
    for path in files:
        document = extract(path, pdf_engine=engine)
        texts = [part for _offset, part in chunks(document.text)]
        prepared.append(Prepared(path, texts, len(document.text.split()), len(document.pages)))
    return prepared


def split(items: list, n: int) -> list[list]:
    """`items` in at most `n` contiguous blocks of near-equal size."""
    n = max(1, min(n, len(items)))
    return [items[i * len(items) // n : (i + 1) * len(items) // n] for i in range(n)]


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by `action()` (after a garbage collection), and its result."""
    gc.collect()
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def run_ceiling(nlp: Language, texts: list[str]) -> None:
    """The raw spaCy pass: sentences and entities of every text.

    With the BLAS library on one thread, as `pipeline.nlp.analyse` runs spaCy
    for ingest: the ceiling is the same work done the same way.
    """
    with limit_maths_threads(1):
        for doc in nlp.pipe(texts, batch_size=64):
            list(doc.sents)
            list(doc.ents)


def fresh_store(folder: Path, name: str) -> Store:
    """A new, empty store file (WAL mode, as the CLI uses)."""
    path = folder / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return Store(path)


def run_ingest(nlp: Language, source: Path | list[Path], store: Store, engine: str) -> int:
    """Ingest a folder (or files) end to end; return the words stored. Fails loudly."""
    paths = [source] if isinstance(source, Path) else source
    summary = ingest(paths, store, nlp=nlp, options=IngestOptions(pdf_engine=engine))
    bad = [r for r in summary.results if r.status != "added"]
    if bad:
        raise SystemExit(f"ingest did not add every file: {bad[:3]}")
    return sum(r.words for r in summary.results)


def run_extract(files: list[Path], engine: str) -> int:
    """Extract every file (no NLP, no store); return the pages read."""
    return sum(len(extract(path, pdf_engine=engine).pages) for path in files)


def measure(args: argparse.Namespace, out: Path) -> tuple[dict[str, Row], dict[str, object]]:
    """Generate the corpora, then time every step `args.repeat` times.

    Within a run the corpus is cut into blocks of documents, and the ceiling,
    ingest and extraction of each block follow one another (in reverse order
    every other block), so each ratio compares neighbouring stretches of time
    on a shared machine. A step's time is the sum over its blocks.
    """
    engines = ["pdfium", "pdfplumber"] if args.engine == "both" else [args.engine]
    started = time.perf_counter()
    log(f"generating {args.words:,} words of Markdown and {args.pdf_words:,} words of PDF ...")
    md_files, pdf_files, _ = generate(args.words, args.pdf_words, out)
    facts: dict[str, object] = {"generation_s": round(time.perf_counter() - started, 1)}

    log("loading the model, extracting untimed, warming up ...")
    nlp = load()
    md = prepare(md_files)
    pdf = prepare(pdf_files, "pdfium")
    run_ceiling(nlp, md[0].texts[:10] + pdf[0].texts[:10])
    rows, subset = make_rows(md, pdf, engines, args.repeat, facts)
    facts["load_before"] = os.getloadavg()
    for rep in range(args.repeat):
        log(f"run {rep + 1} of {args.repeat} ({args.blocks} blocks) ...")
        run_once(nlp, rows, md, pdf, engines, subset, args, out, rep)
    facts["load_after"] = os.getloadavg()
    facts["total_s"] = round(time.perf_counter() - started, 1)
    facts["machine"] = machine()
    facts["model"] = f"{model_info(nlp)} ({' + '.join(nlp.pipe_names)})"
    facts["python"] = platform.python_version()
    facts["peak_rss_mb"] = round(peak_rss_mb())
    facts["words_per_pdf_page"] = round(_total(pdf, "words") / max(1, _total(pdf, "pages")))
    return rows, facts


def _total(items: list[Prepared], attr: str) -> int:
    return sum(getattr(p, attr) for p in items)


def make_rows(
    md: list[Prepared],
    pdf: list[Prepared],
    engines: list[str],
    repeat: int,
    facts: dict[str, object],
) -> tuple[dict[str, Row], dict[str, set[Path]]]:
    """The table's rows, unmeasured, and the PDFs each engine reads."""
    rows: dict[str, Row] = {
        "text_ceiling": Row("NER ceiling, Markdown text (nlp.pipe)", _total(md, "words")),
        "text_ingest": Row(
            "text ingest (Markdown)",
            _total(md, "words"),
            ceiling="text_ceiling",
            target=TEXT_TARGET,
        ),
        "pdf_ceiling": Row(
            "NER ceiling, PDF text (nlp.pipe)", _total(pdf, "words"), _total(pdf, "pages")
        ),
    }
    subset: dict[str, set[Path]] = {}
    for engine in engines:
        chosen, note = pdf, ""
        if engine == "pdfplumber":
            chosen, note = plumber_subset(pdf, repeat, facts)
            plumber = prepare([p.path for p in chosen], "pdfplumber")
            facts["pdfplumber_words_vs_pdfium"] = (
                f"{_total(plumber, 'words'):,} vs {_total(chosen, 'words'):,}"
            )
        subset[engine] = {p.path for p in chosen}
        words, pages = _total(chosen, "words"), _total(chosen, "pages")
        rows[f"pdf_ingest_{engine}"] = Row(
            f"PDF ingest, {engine}",
            words,
            pages,
            ceiling="pdf_ceiling",
            target=PDF_TARGET,
            note=note,
        )
        rows[f"extract_{engine}"] = Row(
            f"  extraction only, {engine}", words, pages, ceiling="pdf_ceiling", note=note
        )
    return rows, subset


Step = tuple[str, Callable[[], object]]


def plan_steps(
    nlp: Language,
    md: list[Prepared],
    pdf: list[Prepared],
    engines: list[str],
    subset: dict[str, set[Path]],
    args: argparse.Namespace,
    stores: dict[str, Store],
    out: Path,
) -> list[list[Step]]:
    """The steps of one run, block by block: each block's ceiling, ingest and extraction."""
    whole = args.blocks == 1  # one block: ingest the folder itself, as the CLI would
    plan: list[list[Step]] = []
    for block in split(md, args.blocks):
        texts = [t for p in block for t in p.texts]
        source = out / "corpus-md" if whole else [p.path for p in block]
        plan.append(
            [
                ("text_ceiling", lambda texts=texts: run_ceiling(nlp, texts)),
                ("text_ingest", lambda s=source, st=stores["md"]: run_ingest(nlp, s, st, "pdfium")),
            ]
        )
    for block in split(pdf, args.blocks):
        texts = [t for p in block for t in p.texts]
        steps: list[Step] = [("pdf_ceiling", lambda texts=texts: run_ceiling(nlp, texts))]
        for engine in engines:
            files = [p.path for p in block if p.path in subset[engine]]
            if not files:
                continue
            source = out / "corpus-pdf" if whole and len(files) == len(pdf) else files
            steps.append(
                (
                    f"pdf_ingest_{engine}",
                    lambda s=source, e=engine, st=stores[engine]: run_ingest(nlp, s, st, e),
                )
            )
            steps.append((f"extract_{engine}", lambda f=files, e=engine: run_extract(f, e)))
        plan.append(steps)
    return plan


def run_once(
    nlp: Language,
    rows: dict[str, Row],
    md: list[Prepared],
    pdf: list[Prepared],
    engines: list[str],
    subset: dict[str, set[Path]],
    args: argparse.Namespace,
    out: Path,
    rep: int,
) -> None:
    """One run: every block's steps timed, the sums added to the rows, the words checked."""
    seconds: dict[str, float] = dict.fromkeys(rows, 0.0)
    stored: dict[str, int] = dict.fromkeys(rows, 0)
    stores = {name: fresh_store(out / "stores", f"{name}-{rep}") for name in ["md", *engines]}
    plan = plan_steps(nlp, md, pdf, engines, subset, args, stores, out)
    for number, steps in enumerate(plan):
        block: dict[str, float] = {}
        for key, action in steps if number % 2 == 0 else steps[::-1]:
            took, result = timed(action)
            seconds[key] += took
            block[key] = took
            if key.startswith(("text_ingest", "pdf_ingest")):
                stored[key] += int(result)
        for key, took in block.items():  # the spread of ratios shows the machine's noise
            row = rows[key]
            if row.ceiling in block and row.words == rows[row.ceiling].words:
                row.block_ratios.append(block[row.ceiling] / took)
    for store in stores.values():
        store.close()
    for key, row in rows.items():
        row.seconds.append(seconds[key])
    check_words(rows["text_ingest"], stored["text_ingest"])
    for engine in engines:
        if engine == "pdfium":
            check_words(rows["pdf_ingest_pdfium"], stored["pdf_ingest_pdfium"])
        else:  # pdfplumber's own words, for its words/s
            rows[f"pdf_ingest_{engine}"].words = stored[f"pdf_ingest_{engine}"]
            rows[f"extract_{engine}"].words = stored[f"pdf_ingest_{engine}"]


def plumber_subset(
    pdf: list[Prepared], repeat: int, facts: dict[str, object]
) -> tuple[list[Prepared], str]:
    """The PDFs pdfplumber gets: all of them, or every k-th when all would take too long.

    pdfplumber is timed on one PDF (also its warm-up); extraction alone plus
    ingest is about twice that per page. Its figure is words/s, so a subset is fair.
    """
    took, pages = timed(lambda: run_extract([pdf[0].path], "pdfplumber"))
    estimate = 2 * repeat * sum(p.pages for p in pdf) * took / max(1, pages)
    facts["pdfplumber_estimate_s"] = round(estimate, 1)
    if estimate <= PLUMBER_BUDGET:
        return pdf, ""
    step = max(PLUMBER_SUBSET, math.ceil(estimate / (PLUMBER_BUDGET / 3)))
    chosen = pdf[::step]
    facts["pdfplumber_subset"] = f"{len(chosen)} of {len(pdf)} PDFs"
    return chosen, f"subset: {len(chosen)} of {len(pdf)} PDFs"


def check_words(row: Row, stored: int) -> None:
    """Ingest must store the words the ceiling was run on, or the ratio compares unlike work."""
    if stored != row.words:
        raise SystemExit(f"{row.what}: ingest stored {stored:,} words, ceiling ran {row.words:,}")


# ---------------------------------------------------------------------------
# Report


def ratio(rows: dict[str, Row], row: Row) -> float | None:
    return row.words_per_s / rows[row.ceiling].words_per_s if row.ceiling else None


def spread(row: Row) -> str:
    """ "blocks 81-97%  ": the lowest and highest ratio over the blocks, when there are some."""
    if len(row.block_ratios) < 2 or row.target is None:
        return ""
    return f"blocks {min(row.block_ratios):.0%}-{max(row.block_ratios):.0%}  "


def table(rows: dict[str, Row], facts: dict[str, object], args: argparse.Namespace) -> str:
    """The plain fixed-width table and the lines under it."""
    head = (
        f"{'what':<40} {'words':>8} {'seconds':>8} {'words/s':>8} {'pages/s':>8} "
        f"{'ratio':>6} {'target':>7} {'met?':>4}  note"
    )
    lines = [head, "-" * len(head)]
    for row in rows.values():
        r = ratio(rows, row)
        pages = f"{row.pages_per_s:,.1f}" if row.pages_per_s else "-"
        target = f">={row.target:.0%}" if row.target is not None else "-"
        met = "-" if row.target is None or r is None else ("yes" if r >= row.target else "NO")
        lines.append(
            f"{row.what:<40} {row.words:>8,} {row.median:>8.2f} {row.words_per_s:>8,.0f} "
            f"{pages:>8} {(f'{r:.0%}' if r is not None else '-'):>6} {target:>7} {met:>4}  "
            f"{spread(row)}{row.note}".rstrip()
        )
    lines.append("")
    runs = f"median of {args.repeat} runs" if args.repeat > 1 else "one run"
    lines.append(
        f"ratio = words/s over its ceiling's words/s ({runs}, ceiling and ingest interleaved"
        f" over {args.blocks} block{'s' * (args.blocks != 1)} of documents)"
    )
    lines.append(f"machine: {facts['machine']}; Python {facts['python']}")
    lines.append(
        f"load (1, 5, 15 min, as uptime): before {_load(facts['load_before'])}, "
        f"after {_load(facts['load_after'])}"
    )
    lines.append(f"model: {facts['model']}")
    extra = [f"{facts['words_per_pdf_page']} words a PDF page"]
    if "pdfplumber_words_vs_pdfium" in facts:
        extra.append(f"words extracted pdfplumber vs pdfium {facts['pdfplumber_words_vs_pdfium']}")
    lines.append("; ".join(extra))
    lines.append(
        f"peak memory {facts['peak_rss_mb']} MB; generation {facts['generation_s']} s "
        f"(not measured); whole run {facts['total_s']} s"
    )
    return "\n".join(lines)


def _load(values: object) -> str:
    return " ".join(f"{v:.2f}" for v in values)  # type: ignore[attr-defined]  # os.getloadavg()


def figures(rows: dict[str, Row], facts: dict[str, object]) -> dict[str, object]:
    """The figures as plain data, for --json."""
    table: dict[str, dict[str, Any]] = {}
    for key, row in rows.items():
        data = asdict(row)
        r = ratio(rows, row)
        data.update(
            median_s=round(row.median, 3),
            words_per_s=round(row.words_per_s, 1),
            pages_per_s=round(row.pages_per_s, 2) if row.pages_per_s else None,
            ratio=round(r, 3) if r is not None else None,
            met=None if row.target is None or r is None else r >= row.target,
        )
        table[key] = data
    return {"facts": facts, "rows": table}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=200_000, help="words of text (200k)")
    parser.add_argument("--pdf-words", type=int, help="words of PDF (default: --words)")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved runs, medians shown")
    parser.add_argument("--engine", choices=["pdfium", "pdfplumber", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="20k words, a smoke run")
    parser.add_argument(
        "--blocks",
        type=int,
        default=10,
        help="interleave ceiling and ingest over this many blocks of documents (10)",
    )
    parser.add_argument("--out", type=Path, help="folder for corpus and stores (kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.words = 20_000
        args.pdf_words = min(args.pdf_words or args.words, args.words)
    args.pdf_words = args.pdf_words or args.words
    if min(args.repeat, args.words, args.pdf_words, args.blocks) < 1:
        parser.error("--words, --pdf-words, --repeat and --blocks must be positive")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as temp:
        out = args.out or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        rows, facts = measure(args, out)
    if args.json:
        print(json.dumps(figures(rows, facts), indent=2))
    else:
        print(table(rows, facts, args))


if __name__ == "__main__":
    main()
