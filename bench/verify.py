"""Verify latency: a 600-word draft against stores of 10k, 100k and 1M generated passages.

What it measures, per store size, all in one run (the machine is shared and
noisy, so only figures taken in the same run compare):

1. build: a store of N generated passages (news-like English, about 30 words
   each, 50 to a document, with typed values rows), written as raw rows with
   the FTS insert trigger dropped and the index (with the store's term counts
   and postings) rebuilt once, plus the bundled
   corpus `sources/` ingested the ordinary way, so the draft's real evidence
   sits among the noise. Built once per size and reused with `--keep DIR`;
2. in a fresh subprocess per size (so peak memory is that of verifying alone):
   load the model, verify the draft once to warm up, then `verify_article` on
   it `--repeat` times (median seconds per article), and every check-worthy
   claim's `retrieve` + `judge_claim` timed on its own, as `verify_article`
   runs them (p50/p95/max over the claims of each claim's median). Each pass
   opens the store anew, so its caches (word frequencies, searches) start empty as
   for a first article. One more instrumented pass splits the time between the
   bm25 ranking of the claim's main query (from the store's postings, or
   FTS5's MATCH where they cannot rank), document-frequency lookups, the
   extra searches (ages' subjects, quotations), `surroundings` (values,
   entities, neighbours), relevance scoring and judging, and counts the rows each
   main query matches (bm25 scores them all) beside the rows the OR of all the
   claim's words would match;
3. a cold `claimcheck verify --db STORE claims/port-inquests-faithful.md` as
   its own process (start-up, imports, model load, verify, report), wall time
   and peak memory, at the smallest and the largest store.

The draft is claims/port-inquests-faithful.md followed by sentences of
claims/port-inquests-errors.md up to about 600 words. Targets (from the speed
issue), at 1M passages: at most 0.4 s per article, p95 at most 20 ms per claim,
peak memory at most 600 MB, cold run at most 1.5 s.

Run from the project root:

    .venv/bin/python bench/verify.py --keep bench/out   # 10k, 100k, 1M; building 1M takes minutes
    .venv/bin/python bench/verify.py --quick            # 10k and 50k, a smoke run
    .venv/bin/python bench/verify.py --sizes 100000 --profile --json
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import hashlib
import io
import json
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter
from typing import Any

from _common import log, machine, peak_rss_mb  # bench/ is the script's folder, on sys.path

from pipeline import match as match_module
from pipeline.claims import article_from_text, context_for, extract_claims
from pipeline.ingest import ingest
from pipeline.judge import judge_claim
from pipeline.match import retrieve
from pipeline.nlp import load, model_info
from pipeline.store import Store, fts_query
from pipeline.store.sqlite_postings import rebuild as rebuild_postings
from pipeline.store.sqlite_terms import count_all
from pipeline.values import singular
from pipeline.verification import verify_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
FAITHFUL = ROOT / "claims" / "port-inquests-faithful.md"
ERRORS = ROOT / "claims" / "port-inquests-errors.md"

SEED = 20211005
GENERATOR = "v1"  # part of the store file name: change it when the generator changes
DRAFT_WORDS = 600
PASSAGES_PER_DOC = 50
PASSAGE_WORDS = 26  # a passage takes frames until it has at least this many words (~30)
BATCH = 50_000  # generated passages per transaction
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (10_000, 50_000)
# Terms whose share of passages the report shows (word: its porter stem in the index).
RATE_TERMS = {
    "police": "polic",
    "officers": "offic",
    "court": "court",
    "London": "london",
    "2016": "2016",
    "found": "found",
    "also": "also",
    "one (-> on)": "on",
    "jury": "juri",
    "inquest": "inquest",
    "misconduct": "misconduct",
}
TARGETS = {"s_article": 0.4, "p95_ms": 20.0, "peak_mb": 600.0, "cold_s": 1.5}

# ---------------------------------------------------------------------------
# Vocabulary. Each slot draws from its list with Zipf-Mandelbrot weights
# 1/(rank + q): real words in rough order of frequency in news, nouns followed by
# a tail of made-up words (names, places, jargon), so a query meets very common,
# common, rare and absent terms. The offsets q are chosen so that a 30-word
# passage holds a given term about as often as a sentence of UK crime and courts
# news would: "police" or "officers" a few per cent, a given year 2-3%, "inquest"
# and "misconduct" a few in ten thousand (the table prints the measured rates).

NOUNS = """time year people day week government man woman child month world country
city house home work life money school way part place end group number area night
point business company side hand case party service community report member council
minister news public law job rule staff health system issue decision plan question
problem change result level rate figure data study price market family court office
official leader police death evidence investigation statement claim hospital trial judge
inquiry review prison sentence crime charge offence body scene road street town
village church station centre force officer care water energy fire car train border
election campaign vote budget tax bank deal power history team game club season
player match head door risk cost research programme project policy support action
response standard performance conduct failure complaint victim witness lawyer
solicitor jury detective murder inspector sergeant constable superintendent commander
rank notice order note letter message phone record file account interview camera
footage image photograph video film story book paper article headline editor
journalist reporter newspaper magazine radio television channel website platform
network internet computer software device teacher pupil student university college
exam degree course class lesson subject doctor nurse patient ward clinic surgery
treatment medicine illness disease cancer virus pandemic coronavirus lockdown vaccine
drug overdose farm farmer crop food meal restaurant shop store customer worker union
strike wage pay pension benefit debt loan mortgage rent landlord tenant property
building tower flat block estate garden park river bridge coast beach island mountain
valley field forest army soldier navy war conflict attack bomb weapon gun knife
violence threat security protest rally march crowd fan festival concert show event
ceremony prize award medal title championship final league cup tournament race
athlete coach manager owner chairman director executive board investor profit loss
sale growth recession inflation interest economy industry factory plant production
supply demand export import trade tariff agreement treaty summit talks meeting visit
tour trip holiday flight airport airline passenger ticket queue delay disruption
weather storm flood drought heat snow rain wind temperature climate emission
pollution waste plastic gas oil coal turbine grid bill supplier meter parent mother
father son daughter brother sister wife husband partner friend neighbour couple baby
teenager pensioner resident citizen voter migrant refugee asylum visa passport
crossing boat smuggler gang dealer robbery burglary theft fraud scam abuse assault
manslaughter homicide stabbing shooting crash collision accident injury wound
ambulance paramedic firefighter rescue search hunt appeal reward suspect defendant
accused prisoner inmate jail cell probation parole release custody bail arrest
caution prosecution conviction acquittal retrial damages settlement compensation
apology resignation dismissal suspension tribunal ombudsman regulator inspectorate
audit whistleblower leak cover disclosure transparency lesson hindsight scrutiny
oversight accountability integrity negligence hearing verdict coroner inquest
watchdog misconduct commission churchyard suicide poison""".split()

VERBS = """made took came went gave told called asked added announced reported found left
heard revealed confirmed claimed warned admitted denied charged arrested opened closed
published released ruled concluded identified failed served faced waited improved
increased fell rose cut raised killed died injured attacked investigated launched
criticised praised welcomed rejected approved backed blocked delayed cancelled
promised pledged agreed signed voted won lost beat scored bought sold paid spent saved
borrowed owed earned fined banned cleared dismissed suspended sacked resigned appointed
elected replaced named described explained argued insisted suggested proposed urged
demanded questioned examined reviewed assessed tested checked monitored tracked
followed visited met joined supported opposed challenged appealed overturned upheld
considered discussed convicted sentenced jailed murdered acquitted postponed linked
contributed renamed ranged quashed drugged reinvestigated""".split()

ADJECTIVES = """new last former local national public senior young old high low major
serious whole long short large small big recent current previous official early late
final full key main general private political economic social legal medical financial
criminal independent central regional rural urban northern southern eastern western
british foreign international global european american military civil royal
historic modern significant minor severe urgent fresh further detailed formal
internal external partial total annual monthly weekly daily critical poor rich
vulnerable elderly junior deputy acting chief lead specialist expert professional
damning scathing harsh fair unfair clear unclear fake unlawful disciplinary
systemic""".split()

# Common words that are not in the store's stopword list, so FTS indexes and
# queries them: "also", "all", "one" are in a good share of news sentences.
FUNCTION = """also all one after more new two other about over up out only now before
still could can may should first some most many because while just even back well
down off through during against under being three four any such very""".split()

FIRST = """David Sarah John Emma James Laura Michael Claire Paul Helen Mark Rachel Andrew
Sophie Richard Hannah Peter Emily Thomas Grace Daniel Chloe Robert Ruth Simon Zoe
Stephen Joanna Kevin Nadia Patrick Aisha Samuel Fatima George Priya Luke Rebecca Oliver
Margaret Anthony Gabriel Jack Mohammed Ian Alison Gary Karen Neil Lucy Adam Amy Ben
Kate Chris Julie Matthew Louise Tom Jane Steven Nicola Martin Sally Jason Fiona""".split()
# Not the surnames of the draft's people, so that noise never names them.
LAST = """Smith Jones Williams Brown Davies Evans Wilson Thomas Roberts Johnson Lewis
Walker Robinson Wood Wright Thompson White Hughes Edwards Green Hall Lewis Harris
Clarke Patel Jackson Turner Hill Moore Cooper Ward Morris King Watson Harrison Morgan
Baker Young Allen Mitchell Kelly Bennett Murphy Shah Ahmed Campbell Collins Doyle
Okafor Kowalski Fernandes Lawson Reid Nolan Brooks Marsh Murray Ellis Gray Fletcher
O'Brien Chen Khan Ali Singh""".split()
PLACES = """London Manchester Birmingham Leeds Glasgow Liverpool Bristol Sheffield Cardiff
Edinburgh Newcastle Belfast Nottingham Leicester Southampton Brighton Coventry Croydon
Oxford Cambridge Norwich Plymouth Derby Luton Reading Swindon Wembley Hackney Lewisham
Southwark Peckham Stratford Romford Bradford Hull York Ilford Barking Dagenham""".split()
ORGS = [
    "the government",
    "the council",
    "the NHS",
    "the Treasury",
    "the BBC",
    "Downing Street",
    "the Department for Education",
    "the Bank of England",
    "the Labour Party",
    "the Conservative Party",
    "the Liberal Democrats",
    "the Department of Health",
    "the Home Office",
    "Network Rail",
    "the Environment Agency",
    "the Metropolitan Police",
    "the Office for National Statistics",
    "the Football Association",
    "the Church of England",
    "the Ministry of Defence",
    "the Local Government Association",
    "Transport for London",
    "the Met Office",
    "the Financial Conduct Authority",
    "the Competition and Markets Authority",
    "the Crown Prosecution Service",
    "the Guardian",
    "the Ministry of Justice",
    "the Royal College of Nursing",
    "Greater Manchester Police",
    "the Trades Union Congress",
    "the Food Standards Agency",
    "Ofsted",
    "Ofcom",
    "Ofgem",
    "Amnesty International",
    "Oxfam",
    "Shelter",
    "the Red Cross",
    "the High Court",
    "the National Audit Office",
    "the Institute for Fiscal Studies",
    "the Resolution Foundation",
    "the Care Quality Commission",
    "the Court of Appeal",
    "the Electoral Commission",
    "the Independent Office for Police Conduct",
    "the Law Society",
    "the Bar Council",
    "the Prison Service",
    "the Probation Service",
    "the Independent Police Complaints Commission",
]
UNITS = """people children jobs homes patients pupils staff cases families women men
workers schools students residents households companies members customers passengers
beds teachers nurses doctors complaints arrests deaths officers victims incidents
businesses councillors witnesses investigators soldiers prisoners journalists drivers
flats shops claims applications offences"""
UNITS = UNITS.split()
RELATIONS = """after before since during despite following amid without within across
near towards beyond alongside against under over through around ahead""".split()
MONTHS = """January February March April May June July August September October November
December""".split()
SMALL = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
FRAMES = [
    "{P}, {AGE}, {V} the {A} {N} in {L} on {D}.",
    "{O} {V} that {C} had been {V} {R} the {A} {N} in {L}.",
    "In {MY} the {N} of {L} {V} {C} {R} a {A} {N} into the {N}.",
    "The {A} {N} {V} the {N} and the {N} {R} {P} {V} the {N}.",
    "{P}, {AGE}, of {L}, {V} the {N} at {L} {N} {F} {R} {N}.",
    "A {N} for {O} {V} the {N} had {V} {A} {N} since {Y}.",
    "{C} were {V} by the {N} in {L} {R} {N}, the {N} {V}.",
    "Their {N} {V} from {A} {N} to {A} {N}, according to {O}.",
    "The {N} {V} by the {A} {N} {F} {V} {A} {N} in the {N} of {N}.",
    "{P} {V} the {A} {N} would {F} be {V} by {MY}.",
    "The {N} at {L} {N} was {V} on {D} {R} {C} {V} the {N}.",
    "{O} {V} the {N} of {P}, who was {AGE}, as {A} and {A}.",
    "More than {C} {V} the {N} between {Y} and {Y}, a {N} {V}.",
    "The {N} {N} {V} {A} {N} {R} {P} in {L}.",
    "{F} the {A} {N} {V} {N} {N} for the {N}, {P} {V}.",
    "It {V} {A} {N} and {N} that {V} the {N} of {L}.",
]
# Zipf-Mandelbrot offsets q per slot (see above).
FLATNESS = {"N": 40, "V": 20, "A": 30, "F": 10, "R": 10, "L": 8, "O": 10, "P": 20, "U": 10}
YEARS = (1995, 2024)
_FRAMES = [list(Formatter().parse(frame)) for frame in FRAMES]


def number_words(n: int) -> str:
    """English words for 0 <= n < 100: "seventeen", "forty-two"."""
    if n <= 20:
        return SMALL[n]
    tens, ones = divmod(n, 10)
    return TENS[tens - 2] + (f"-{SMALL[ones]}" if ones else "")


def made_up_words(count: int, rng: random.Random, taken: set[str]) -> list[str]:
    """`count` distinct pronounceable non-words: the long tail of a news vocabulary."""
    onsets = "b br c ch d dr f g gr h k l m n p pr r s sh st t tr v w".split()
    vowels = "a e i o u ai ea ou".split()
    codas = ["", "n", "r", "l", "s", "m", "t", "nd", "rk", "ll", "st", "ck"]
    ends = ["", "", "", "ton", "ley", "ford", "wick", "by", "ham", "field", "worth", "dale"]
    words: list[str] = []
    seen = set(taken)
    while len(words) < count:
        syllables = rng.choice([1, 2, 2, 3])
        word = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)
        )
        word += rng.choice(ends)
        if len(word) >= 4 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Zipf:
    """Draws from a list with weight 1/(rank + q), from pre-drawn blocks (fast)."""

    def __init__(self, items: list[str], q: float, rng: random.Random, block: int = 65_536) -> None:
        self.items = items
        self.rng = rng
        self.block = block
        weights = [1.0 / (rank + q) for rank in range(len(items))]
        self.cum: list[float] = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.pending: list[str] = []

    def __call__(self) -> str:
        if not self.pending:
            self.pending = self.rng.choices(self.items, cum_weights=self.cum, k=self.block)
        return self.pending.pop()


@dataclass
class GenValue:
    kind: str
    text: str
    start: int  # in the passage
    number: float | None = None
    date: str | None = None
    granularity: str | None = None
    unit: str | None = None
    subject: str | None = None


@dataclass
class GenDoc:
    number: int
    title: str
    publisher: str
    published: str
    kind: str
    passages: list[tuple[str, list[GenValue]]] = field(default_factory=list)


class Generator:
    """Seeded stream of generated documents; the first N passages are always the same."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        real = set(NOUNS) | set(VERBS) | set(ADJECTIVES) | set(FUNCTION)
        tail = made_up_words(7_500, random.Random(seed + 1), real | {w.lower() for w in LAST})
        self.vocabulary = len(real) + len(tail)
        q = FLATNESS
        self.noun = Zipf(list(dict.fromkeys(NOUNS)) + tail[:4_000], q["N"], self.rng)
        verbs = list(dict.fromkeys(VERBS)) + [w + "ed" for w in tail[4_000:4_500]]
        self.verb = Zipf(verbs, q["V"], self.rng)
        adjectives = list(dict.fromkeys(ADJECTIVES)) + [w + "al" for w in tail[4_500:5_500]]
        self.adjective = Zipf(adjectives, q["A"], self.rng)
        self.function = Zipf(FUNCTION, q["F"], self.rng)
        self.relation = Zipf(RELATIONS, q["R"], self.rng)
        # Places, surnames: the common ones, then made-up ones (capitalised) for the tail.
        places = PLACES + [w.capitalize() for w in tail[5_500:6_500]]
        self.place = Zipf(places, q["L"], self.rng)
        self.org = Zipf(ORGS, q["O"], self.rng)
        self.first = Zipf(FIRST, q["P"], self.rng)
        self.last = Zipf(LAST + [w.capitalize() for w in tail[6_500:]], q["P"], self.rng)
        self.unit = Zipf(UNITS, q["U"], self.rng)

    def fill(self, slot: str, values: list[GenValue], at: int, person: str | None) -> str:
        r = self.rng
        if slot == "N":
            return self.noun()
        if slot == "V":
            return self.verb()
        if slot == "A":
            return self.adjective()
        if slot == "F":
            return self.function()
        if slot == "R":
            return self.relation()
        if slot == "L":
            return self.place()
        if slot == "O":
            return self.org()
        if slot == "P":
            return f"{self.first()} {self.last()}"
        if slot == "AGE":
            age = r.randint(16, 88)
            values.append(GenValue("age", str(age), at, number=age, subject=person))
            return str(age)
        if slot == "C":
            n = r.randint(2, 400)
            unit = self.unit()
            text = f"{n if n > 99 or r.random() < 0.6 else number_words(n)} {unit}"
            values.append(GenValue("count", text, at, number=n, unit=singular(unit)))
            return text
        if slot == "D":
            day, month, year = r.randint(1, 28), r.randint(1, 12), r.randint(*YEARS)
            text = f"{day} {MONTHS[month - 1]} {year}"
            values.append(GenValue("date", text, at, date=f"{year}-{month:02d}-{day:02d}"))
            values[-1].granularity = "day"
            return text
        if slot == "MY":
            month, year = r.randint(1, 12), r.randint(*YEARS)
            text = f"{MONTHS[month - 1]} {year}"
            values.append(GenValue("date", text, at, date=f"{year}-{month:02d}"))
            values[-1].granularity = "month"
            return text
        if slot == "Y":
            year = str(r.randint(*YEARS))
            values.append(GenValue("date", year, at, date=year, granularity="year"))
            return year
        raise ValueError(slot)

    def passage(self) -> tuple[str, list[GenValue]]:
        parts: list[str] = []
        values: list[GenValue] = []
        length = words = 0
        while words < PASSAGE_WORDS:
            if parts:
                parts.append(" ")
                length += 1
            frame_start = len(parts)
            person = None
            for literal, slot, _spec, _conv in self.rng.choice(_FRAMES):
                parts.append(literal)
                length += len(literal)
                if slot:
                    text = self.fill(slot, values, length, person)
                    if slot == "P":
                        person = text
                    parts.append(text)
                    length += len(text)
            words = len("".join(parts[frame_start:]).split()) + words
        # Capitalise each frame's first letter (frames may start with a slot).
        text = re.sub(r"(^|\. )([a-z])", lambda m: m.group(1) + m.group(2).upper(), "".join(parts))
        for v in values:
            v.text = text[v.start : v.start + len(v.text)]
        return text, values

    def documents(self, passages: int) -> Iterator[GenDoc]:
        """Documents holding exactly `passages` passages, PASSAGES_PER_DOC to a document."""
        r = self.rng
        number = 0
        while passages > 0:
            doc = GenDoc(
                number=number,
                title=f"{self.place()}: {self.adjective()} {self.noun()} {self.verb()}",
                publisher=r.choice(["Barking Post", "The Courier", "Evening Standard", "Wire"]),
                published=f"{r.randint(*YEARS)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
                kind=r.choice(["news", "news", "press_release", "court"]),
            )
            for _ in range(min(PASSAGES_PER_DOC, passages)):
                doc.passages.append(self.passage())
            passages -= len(doc.passages)
            number += 1
            yield doc


# ---------------------------------------------------------------------------
# Stores


def store_path(folder: Path, size: int) -> Path:
    return folder / f"verify-{GENERATOR}-{size}.db"


def generated_passages(store: Store) -> int:
    row = store.db.conn.execute(
        "SELECT count(*) FROM passages p JOIN documents d ON d.id = p.document_id"
        " WHERE d.path LIKE 'generated/%'"
    ).fetchone()
    return int(row[0])


def ingest_sources(store: Store) -> int:
    """The bundled corpus, ingested the ordinary way (nothing to do when already stored)."""
    summary = ingest([SOURCES], store)
    bad = [r for r in summary.results if r.status not in ("added", "unchanged", "replaced")]
    if bad:
        raise SystemExit(f"ingest of sources/ failed: {bad[:3]}")
    return len(summary.results)


def insert_generated(store: Store, size: int) -> None:
    """`size` generated passages as raw rows, one transaction per BATCH passages.

    The FTS insert trigger is dropped first and the index rebuilt at the end
    (with the store's counts of each term's passages), then the trigger is
    recreated from its own stored SQL.
    """
    conn = store.db.conn
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'passages_ai'"
    ).fetchone()[0]
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("DROP TRIGGER passages_ai")
    next_id = (conn.execute("SELECT max(id) FROM passages").fetchone()[0] or 0) + 1
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    docs: list[tuple[Any, ...]] = []
    pages: list[tuple[Any, ...]] = []
    rows: list[tuple[Any, ...]] = []
    values: list[tuple[Any, ...]] = []

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO documents (id, path, format, title, publisher, url, published, kind,"
            " note, pages, words, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            docs,
        )
        conn.executemany(
            'INSERT INTO pages (document_id, number, start, "end") VALUES (?,?,?,?)', pages
        )
        conn.executemany(
            'INSERT INTO passages (id, document_id, seq, page, start, "end", text)'
            " VALUES (?,?,?,?,?,?,?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO passage_values (passage_id, kind, text, number, date, granularity,"
            ' unit, subject, qualifier, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?)',
            values,
        )
        conn.execute("COMMIT")
        for batch in (docs, pages, rows, values):
            batch.clear()

    done = 0
    for doc in Generator().documents(size):
        doc_id = hashlib.sha256(f"bench-verify/{GENERATOR}/{doc.number}".encode()).hexdigest()
        paragraphs: list[str] = []
        offset = 0
        for seq, (text, found) in enumerate(doc.passages):
            if seq:
                gap = "\n\n" if seq % 5 == 0 else " "
                paragraphs.append(gap)
                offset += len(gap)
            start = offset
            paragraphs.append(text)
            offset += len(text)
            rows.append((next_id, doc_id, seq, 1, start, offset, text))
            values.extend(
                (
                    next_id,
                    v.kind,
                    v.text,
                    v.number,
                    v.date,
                    v.granularity,
                    v.unit,
                    v.subject,
                    None,
                    start + v.start,
                    start + v.start + len(v.text),
                )
                for v in found
            )
            next_id += 1
        body = "".join(paragraphs)
        docs.append(
            (
                doc_id,
                f"generated/doc-{doc.number:06d}.md",
                "markdown",
                doc.title,
                doc.publisher,
                None,
                doc.published,
                doc.kind,
                "generated by bench/verify.py",
                1,
                len(body.split()),
                body,
                stamp,
            )
        )
        pages.append((doc_id, 1, 0, len(body)))
        done += len(doc.passages)
        if len(rows) >= BATCH:
            flush()
            log(f"  {done:,} of {size:,} passages")
    if rows:
        flush()
    log("  rebuilding the full-text index ...")
    conn.execute("BEGIN")
    conn.execute("INSERT INTO passages_fts(passages_fts) VALUES('rebuild')")
    count_all(conn)  # the store's counts of each term's passages, from the rebuilt index
    rebuild_postings(conn)  # and each term's postings, that bm25 ranks from
    conn.execute(trigger)
    conn.execute("COMMIT")
    conn.execute("PRAGMA synchronous = NORMAL")


def prepare_store(folder: Path, size: int) -> tuple[Path, float | None]:
    """The store of `size` generated passages plus sources/: reused, else built.

    Returns its path and the build seconds (None when reused). A store is
    built under a temporary name and renamed when complete, so a file under
    the final name is always whole.
    """
    path = store_path(folder, size)
    if path.exists():
        with Store(path) as store:
            if generated_passages(store) == size:
                ingest_sources(store)
                return path, None
        log(f"{path.name}: wrong passage count, rebuilding")
        remove_db(path)
    part = path.with_name(path.name + ".part")
    remove_db(part)
    log(f"building a store of {size:,} generated passages ...")
    started = time.perf_counter()
    with Store(part) as store:
        ingest_sources(store)
        insert_generated(store, size)
    os.replace(part, path)
    return path, time.perf_counter() - started


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# ---------------------------------------------------------------------------
# The draft


def body_of(path: Path) -> tuple[str, str]:
    """(front matter with its fences, body) of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end], text[end:]


def draft_text(words: int = DRAFT_WORDS) -> str:
    """The faithful draft, then sentences of the erroneous one until about `words` words."""
    head, body = body_of(FAITHFUL)
    _, more = body_of(ERRORS)
    count = len(body.split())
    paragraphs = [body.rstrip("\n")]
    for paragraph in more.split("\n\n"):
        paragraph = paragraph.strip()
        if count >= words:
            break
        if not paragraph or paragraph.startswith("#"):
            continue
        taken = []
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if count >= words:
                break
            taken.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(taken))
    return head + "\n\n".join(paragraphs) + "\n"


# ---------------------------------------------------------------------------
# Measurement (the child process, one per store size)


class _Rows:
    """A cursor's rows fetched up front, so the query's whole cost is timed."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def fetchall(self) -> list[Any]:
        return self.rows

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)


class _TimedConn:
    """A connection that times every statement into `clock`, by phase and kind.

    FTS MATCH queries go to "<phase>_fts" (and their MATCH string to
    `matches[phase]`), the document-frequency lookups (the store's term
    counts, passage count) to "df", anything else to "<phase>_sql". The
    ranking from the postings is timed whole (`instrumented_pass`), its
    statements as "ranking_sql", left out of the breakdown.
    """

    def __init__(
        self, conn: Any, clock: Counter[str], phase: list[str], matches: dict[str, list[str]]
    ) -> None:
        self._conn, self._clock, self._phase, self._matches = conn, clock, phase, matches

    def _kind(self, sql: str, params: Any) -> str:
        if self._phase[0] == "ranking":
            return "ranking_sql"
        if "passages_fts MATCH" in sql:
            found = [p for p in params if isinstance(p, str) and p.startswith('"')]
            self._matches.setdefault(self._phase[0], []).extend(found[:1])
            return f"{self._phase[0]}_fts"
        if "temp." in sql or "term_counts" in sql:
            return "df"
        return f"{self._phase[0]}_sql"

    def execute(self, sql: str, params: Any = ()) -> _Rows:
        kind = self._kind(sql, params)
        started = time.perf_counter()
        rows = self._conn.execute(sql, params).fetchall()
        self._clock[kind] += time.perf_counter() - started
        return _Rows(rows)

    def executemany(self, sql: str, rows: Any) -> Any:
        kind = self._kind(sql, ())
        started = time.perf_counter()
        result = self._conn.executemany(sql, rows)
        self._clock[kind] += time.perf_counter() - started
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def child(db: Path, repeat: int, profile: bool) -> dict[str, Any]:
    """Everything measured against one store, in this (fresh) process.

    Every timed pass opens the store anew (outside the timing), so nothing the
    store caches between calls (such as document frequencies) is carried from
    one pass to the next: each pass pays what a first article would.
    """
    load_s, nlp = timed(load)
    article = article_from_text(draft_text(), path="<600-word draft>")
    with Store(db) as store:
        report = verify_article(article, store, nlp=nlp)  # warm-up
    gc.collect()
    per_article = []
    for _ in range(repeat):
        with Store(db) as store:
            took, report = timed(lambda store=store: verify_article(article, store, nlp=nlp))
        per_article.append(took)
    extract_s = statistics.median(
        timed(lambda: extract_claims(article, nlp))[0] for _ in range(repeat)
    )

    claims = extract_claims(article, nlp)
    worthy = [i for i, c in enumerate(claims) if c.checkworthy]
    samples: dict[int, list[float]] = {i: [] for i in worthy}
    for _ in range(repeat):
        with Store(db) as store:
            for index in worthy:
                claim = claims[index]
                started = time.perf_counter()
                candidates = retrieve(claim, store, context=context_for(claims, index))
                judge_claim(claim, candidates)
                samples[index].append(time.perf_counter() - started)
    per_claim = sorted(statistics.median(s) * 1000 for s in samples.values())

    breakdown, slow, parity = instrumented_pass(db, claims, worthy)
    with Store(db) as store:
        rates = term_rates(store.db.conn)
        counts = store.counts()

    profile_text = None
    if profile:
        with Store(db) as store:
            profiler = cProfile.Profile()
            profiler.enable()
            verify_article(article, store, nlp=nlp)
            profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(14)
        profile_text = out.getvalue()
    matched = sorted(s["matched_rows"] for s in slow)
    return {
        "passages": counts["passages"],
        "values_rows": counts["passage_values"],
        "documents": counts["documents"],
        "db_mb": round(db.stat().st_size / 1e6),
        "load_s": round(load_s, 2),
        "s_article": statistics.median(per_article),
        "s_article_all": [round(s, 3) for s in per_article],
        "extract_s": extract_s,
        "claims": len(claims),
        "checkworthy": len(worthy),
        "labels": dict(Counter(str(c.label) for c in report.claims)),
        "p50_ms": percentile(per_claim, 50),
        "p95_ms": percentile(per_claim, 95),
        "max_ms": per_claim[-1] if per_claim else 0.0,
        "breakdown_ms": {k: round(v * 1000, 1) for k, v in breakdown.items()},
        "matched_rows_p50": matched[len(matched) // 2] if matched else 0,
        "matched_rows_max": matched[-1] if matched else 0,
        "slowest": sorted(slow, key=lambda s: -s["ms"])[:5],
        "ranking_parity": parity,
        "term_rates": rates,
        "peak_mb": peak_rss_mb(),
        "profile": profile_text,
        "model": f"{model_info(nlp)} ({' + '.join(nlp.pipe_names)})",
    }


def instrumented_pass(
    db: Path, claims: list[Any], worthy: list[int]
) -> tuple[dict[str, float], list[dict[str, Any]], list[int]]:
    """One pass over the claims with every search and statement timed.

    Returns seconds per article by component; per claim: its time, its
    main query's terms and the rows that query matches (bm25 scores them
    all), beside the rows the OR of all its words would match; and of the
    rankings made from the store's postings, how many FTS5's `ORDER BY
    bm25()` gives alike (same passages, same order), and how many there were.
    """
    clock: Counter[str] = Counter()
    phase = ["other"]
    matches: dict[str, list[str]] = {}
    slow: list[dict[str, Any]] = []
    calls = [0]
    rankings: list[tuple[str, int, list[int]]] = []
    with Store(db) as store:
        # Retrieval searches through `match.search` (ranking over `store.matching`).
        real_search = match_module.search
        real_values, real_conn = store.surroundings, store.db.conn

        def search(*args: Any, **kwargs: Any) -> Any:
            phase[0] = "main" if calls[0] == 0 else "extra"
            calls[0] += 1
            took, hits = timed(lambda: real_search(*args, **kwargs))
            clock[f"{phase[0]}_search"] += took
            phase[0] = "other"
            return hits

        def surroundings(*args: Any, **kwargs: Any) -> Any:
            phase[0] = "values"
            took, found = timed(lambda: real_values(*args, **kwargs))
            clock["values_search"] += took
            phase[0] = "other"
            return found

        real_ranked = store._ranked

        def ranked(words: Any, limit: int, operator: str) -> Any:
            # bm25's ranking from the postings: timed as the phase's ranking, its
            # statements not timed again (phase "ranking").
            outer = phase[0]
            phase[0] = "ranking"
            took, ids = timed(lambda: real_ranked(words, limit, operator))
            phase[0] = outer
            clock[f"{outer}_fts"] += took
            if ids is not None:
                match = fts_query(" ".join(words), operator=operator) or ""
                matches.setdefault(outer, []).append(match)
                rankings.append((match, limit, ids))  # compared with FTS5's after the pass
            return ids

        def count(match: str | None) -> int:
            if not match:
                return 0
            sql = "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?"
            return int(real_conn.execute(sql, (match,)).fetchone()[0])

        match_module.search = search  # type: ignore[assignment]
        store.surroundings = surroundings  # type: ignore[method-assign]
        store._ranked = ranked  # type: ignore[method-assign]
        store.db.conn = _TimedConn(real_conn, clock, phase, matches)
        try:
            for index in worthy:
                claim = claims[index]
                context = context_for(claims, index)
                calls[0] = 0
                matches.clear()
                before = clock["main_fts"]
                started = time.perf_counter()
                candidates = retrieve(claim, store, context=context)
                t_retrieve = time.perf_counter() - started
                judge_claim(claim, candidates)
                t_judge = time.perf_counter() - started - t_retrieve
                clock["retrieve"] += t_retrieve
                clock["judge"] += t_judge
                main = (matches.get("main") or [None])[0]
                slow.append(
                    {
                        "ms": round((t_retrieve + t_judge) * 1000, 1),
                        "main_fts_ms": round((clock["main_fts"] - before) * 1000, 1),
                        "extra_searches": calls[0] - 1,
                        "terms": main.count(" OR ") + 1 if main else 0,
                        "matched_rows": count(main),
                        "all_words_rows": count(fts_query(" ".join([claim.text, *context]))),
                        "query": main,
                        "claim": claim.text[:70],
                    }
                )
            alike = sum(
                [row[0] for row in real_conn.execute(_BY_BM25, (match, limit))] == ids
                for match, limit, ids in rankings
            )
        finally:
            match_module.search = real_search
            store.surroundings = real_values  # type: ignore[method-assign]
            store._ranked = real_ranked  # type: ignore[method-assign]
            store.db.conn = real_conn
    searches = clock["main_search"] + clock["extra_search"]
    breakdown = {
        "main query's bm25 ranking": clock["main_fts"],
        "document frequencies": clock["df"],
        "extra searches' ranking (ages' subjects, quotes)": clock["extra_fts"],
        "rest of search (reading the hits, ranking in Python)": searches
        - clock["main_fts"]
        - clock["extra_fts"]
        - clock["df"],
        "surroundings (values, entities, neighbours)": clock["values_search"],
        "relevance scoring (rest of retrieve)": clock["retrieve"]
        - searches
        - clock["values_search"],
        "judge_claim": clock["judge"],
    }
    return breakdown, slow, [alike, len(rankings)]


# FTS5's own ranking, that the store's postings must give alike.
_BY_BM25 = (
    "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT ?"
)


def term_rates(conn: Any) -> dict[str, float]:
    """Share of passages holding each of RATE_TERMS (by its stem), from an fts5vocab table."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab"
        " USING fts5vocab(main, passages_fts, 'row')"
    )
    total = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
    rates = {}
    for word, stem in RATE_TERMS.items():
        row = conn.execute("SELECT doc FROM temp.bench_vocab WHERE term = ?", (stem,)).fetchone()
        rates[word] = (row[0] if row else 0) / max(1, total)
    return rates


def percentile(ordered: list[float], q: float) -> float:
    """The q-th percentile of sorted values, linear between the closest ranks."""
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# ---------------------------------------------------------------------------
# The parent: stores, children, cold runs, report


def measure_in_child(db: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(db), "--repeat", str(args.repeat)]
    if args.profile:
        command.append("--profile")
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measuring {db.name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def cold_run(db: Path, runs: int = 3) -> dict[str, Any]:
    """`claimcheck verify` of the faithful draft as a new process: wall seconds, peak MB.

    As an installed claimcheck starts: from compiled bytecode. An untimed run
    first compiles it (into a folder of its own, whatever PYTHONDONTWRITEBYTECODE
    says: compiling every module again took about 0.1 s of each run).
    """
    exe = Path(sys.executable).with_name("claimcheck")
    command = [str(exe), "verify", "--db", str(db), str(FAITHFUL.relative_to(ROOT))]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "claimcheck-bench-bytecode")
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
    seconds, peaks = [], []
    for _ in range(runs):
        with tempfile.TemporaryFile() as err:
            started = time.perf_counter()
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err
            )
            _, status, usage = os.wait4(process.pid, 0)
            seconds.append(time.perf_counter() - started)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode not in (0, 1):
                err.seek(0)
                raise SystemExit(f"cold run failed: {err.read().decode()[-2000:]}")
        peaks.append(usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024))
    return {
        "cold_s": statistics.median(seconds),
        "cold_s_all": [round(s, 2) for s in seconds],
        "cold_peak_mb": max(peaks),
    }


def run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    results: dict[str, Any] = {"sizes": {}}
    largest = max(args.sizes)
    for size in args.sizes:
        path, build_s = prepare_store(folder, size)
        log(f"measuring against {size:,} passages ...")
        row = measure_in_child(path, args)
        row["build_s"] = build_s
        if size in (min(args.sizes), largest):
            log("  cold runs of claimcheck verify ...")
            row.update(cold_run(path))
        results["sizes"][size] = row
        if row.get("profile"):
            log(f"cProfile of one verify_article at {size:,} passages:\n{row['profile']}")
    text = draft_text()
    first = next(iter(results["sizes"].values()))
    results["draft"] = {
        "words": len(text.split("\n---\n", 1)[1].split()),
        "sentences": first["claims"],
        "checkworthy": first["checkworthy"],
    }
    results["machine"] = machine()
    results["model"] = first["model"]
    results["python"] = platform.python_version()
    results["vocabulary"] = Generator().vocabulary
    results["targets"] = TARGETS
    return results


def met(value: float | None, target: float) -> str:
    return "-" if value is None else ("yes" if value <= target else "NO")


def table(results: dict[str, Any]) -> str:
    head = (
        f"{'passages':>10} {'build s':>8} {'s/article':>9} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'max ms':>7} {'peak MB':>7} {'cold s':>7}  labels S/C/D/U"
    )
    lines = [head, "-" * len(head)]
    for size, r in results["sizes"].items():
        build = "reused" if r["build_s"] is None else f"{r['build_s']:.0f}"
        cold = f"{r['cold_s']:.2f}" if "cold_s" in r else "-"
        labels = "/".join(
            str(r["labels"].get(k, 0)) for k in ("SUPPORTED", "CONTRADICTED", "DISPUTED")
        )
        labels += f"/{r['labels'].get('UNVERIFIED', 0)}"
        lines.append(
            f"{int(size):>10,} {build:>8} {r['s_article']:>9.3f} {r['p50_ms']:>7.1f} "
            f"{r['p95_ms']:>7.1f} {r['max_ms']:>7.1f} {r['peak_mb']:>7.0f} {cold:>7}  {labels}"
        )
    lines.append("")
    sizes = list(results["sizes"])
    big = results["sizes"][sizes[-1]]
    t = results["targets"]
    peak = max(r["peak_mb"] for r in results["sizes"].values())
    lines.append(
        f"targets at {int(sizes[-1]):,} passages: s/article <= {t['s_article']} "
        f"{met(big['s_article'], t['s_article'])}; p95 <= {t['p95_ms']:.0f} ms "
        f"{met(big['p95_ms'], t['p95_ms'])}; peak <= {t['peak_mb']:.0f} MB "
        f"{met(peak, t['peak_mb'])} (largest of all sizes); cold run <= {t['cold_s']} s "
        f"{met(big.get('cold_s'), t['cold_s'])}"
    )
    d = results["draft"]
    lines.append(
        f"draft: {d['words']} words, {d['sentences']} sentences, {d['checkworthy']} check-worthy"
        f" claims; s/article is the median of {len(big['s_article_all'])} runs after a warm-up"
        f" (spaCy on the draft: {big['extract_s']:.2f} s of it); ms/claim: each claim's median"
        " retrieve + judge_claim, then percentiles over the claims"
    )
    lines.append(
        "cold: `claimcheck verify --db STORE claims/port-inquests-faithful.md`, new process,"
        " median of 3, page cache warm; "
        + "; ".join(
            f"{int(s):,}: {r['cold_s_all']} s, peak {r['cold_peak_mb']:.0f} MB"
            for s, r in results["sizes"].items()
            if "cold_s" in r
        )
    )
    lines.append(
        "peak MB: the measuring process (model + store + runs), a fresh one per size;"
        f" model load {big['load_s']} s"
    )
    lines.append("")
    lines.append("where a claim's time goes, ms per article (one instrumented pass):")
    keys = list(big["breakdown_ms"])
    lines.append(f"  {'passages':>10} " + " | ".join(keys) + " | main query's rows p50/max")
    for size, r in results["sizes"].items():
        parts = [f"{r['breakdown_ms'][k]:.0f}" for k in keys]
        lines.append(
            f"  {int(size):>10,} "
            + " | ".join(parts)
            + f" | {r['matched_rows_p50']:,}/{r['matched_rows_max']:,}"
        )
    alike, made = big["ranking_parity"]
    lines.append(
        f"bm25 rankings from the store's postings at {int(sizes[-1]):,} passages: {alike} of"
        f" {made} as FTS5's ORDER BY bm25() gives them (same passages, same order)"
    )
    lines.append(f"slowest claims at {int(sizes[-1]):,} passages:")
    for s in big["slowest"]:
        lines.append(
            f"  {s['ms']:>7.1f} ms (main ranking {s['main_fts_ms']:.1f}), {s['terms']} terms"
            f" matching {s['matched_rows']:,} rows (all words: {s['all_words_rows']:,}),"
            f" {s['extra_searches']} extra searches: {s['claim']!r}"
        )
    lines.append("")
    lines.append(
        f"stores: {GENERATOR} generator, {results['vocabulary']:,}-word vocabulary, "
        + "; ".join(
            f"{int(s):,}: {r['passages']:,} passages ({r['values_rows']:,} values rows, "
            f"{r['documents']:,} documents), {r['db_mb']:,} MB"
            for s, r in results["sizes"].items()
        )
    )
    rates = big["term_rates"]
    lines.append(
        f"share of passages holding a term at {int(sizes[-1]):,}: "
        + ", ".join(f"{w} {r:.2%}" for w, r in rates.items())
    )
    lines.append(f"machine: {results['machine']}; Python {results['python']}")
    lines.append(f"model: {results['model']}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="generated passages per store, comma-separated (10000,100000,1000000)",
    )
    parser.add_argument("--quick", action="store_true", help="sizes 10000,50000: a smoke run")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the generated stores here")
    parser.add_argument("--repeat", type=int, default=5, help="timed verifies per size (5)")
    parser.add_argument("--profile", action="store_true", help="cProfile one verify per size")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        sizes = QUICK_SIZES if args.quick else tuple(int(s) for s in args.sizes.split(","))
    except ValueError:
        parser.error("--sizes: whole numbers separated by commas")
    if min(sizes) < 1 or args.repeat < 1:
        parser.error("--sizes and --repeat must be positive")
    args.sizes = sorted(set(sizes))
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.repeat, args.profile)))
        return
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-verify-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        results = run(args, folder)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(table(results))


if __name__ == "__main__":
    main()
