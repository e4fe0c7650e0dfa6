"""Batch throughput: articles per minute with --jobs 1 and --jobs 2, and memory per worker.

What it does, all in one run (the machine may be shared and noisy, so only
figures taken in the same run compare):

1. ingests the bundled corpus `sources/` into a store in a temporary folder
   (`claimcheck ingest`, in a process of its own);
2. generates `--articles` articles (200) of about `--words` words (600) from
   the corpus's own facts: sentences of its passages and of the drafts in
   `claims/`, drawn at random (seeded), some with a number changed (a planted
   error), a few opinion sentences between them, in paragraphs under a heading.
   Every sentence is checked against the store, as in a real edition;
3. for each of --jobs 1 and --jobs 2 (interleaved `--repeat` times), runs
   `claimcheck batch --force` over them as a new process, on a fresh copy of
   the store: wall seconds from start to exit (imports and model loading
   included, as a user waits for them), articles per minute, the ratio to
   --jobs 1, the median seconds of checking one article (inside a worker),
   and peak memory of the main process and of the largest worker.

With --jobs 1 the main process checks the articles itself (it is the worker);
with --jobs 2 two worker processes do, each loading the model once.

Target (from the speed issue, raised from the batch issue's 1.6): --jobs 2 at 1.8
times or more the articles per minute of --jobs 1 on a 2-core machine.

Run from the project root:

    .venv/bin/python bench/batch.py                  # 200 articles, --jobs 1 and 2
    .venv/bin/python bench/batch.py --quick          # 40 articles, a smoke run
    .venv/bin/python bench/batch.py --repeat 3 --json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import log, machine, peak_rss_mb  # bench/ is the script's folder, on sys.path

from pipeline.nlp import model_id
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
DRAFTS = sorted((ROOT / "claims").glob("*.md"))
SEED = 20240601
TARGET_RATIO = 1.8
JOBS = (1, 2)
PLANTED_ERRORS = 0.15  # share of sentences with a number changed
OPINIONS = [
    "This is a story that should shame everyone involved.",
    "I think the families deserved far better from the start.",
    "Perhaps the lessons will be learnt this time.",
    "It seems nobody was listening.",
    "We hope the inquiry will be thorough.",
]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
_NUMBER = re.compile(r"\b\d{1,4}\b")


# ---------------------------------------------------------------------------
# Articles


def sentence_pool(store: Store) -> list[str]:
    """Sentences stating the corpus's facts: its passages, and the drafts' sentences."""
    passages = [row[0] for row in store.db.conn.execute("SELECT text FROM passages ORDER BY id")]
    drafted = []
    for draft in DRAFTS:
        body = draft.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for block in body.split("\n\n"):
            block = block.strip()
            if block and not block.startswith("#"):
                drafted.extend(_SENTENCE_END.split(" ".join(block.split())))
    pool = [s.strip() for s in passages + drafted if len(s.split()) >= 6]
    return list(dict.fromkeys(pool))


def vary(sentence: str, rng: random.Random) -> str:
    """The sentence, or (sometimes) the sentence with one of its numbers changed."""
    numbers = list(_NUMBER.finditer(sentence))
    if not numbers or rng.random() >= PLANTED_ERRORS:
        return sentence
    match = rng.choice(numbers)
    value = int(match.group(0))
    changed = value + rng.choice([-3, -2, -1, 1, 2, 3]) if value > 3 else value + rng.randint(1, 4)
    return sentence[: match.start()] + str(changed) + sentence[match.end() :]


def article(number: int, pool: list[str], words: int, rng: random.Random) -> str:
    """One article of about `words` words, in paragraphs under a heading."""
    paragraphs: list[str] = []
    total = 0
    while total < words:
        sentences = [vary(rng.choice(pool), rng) for _ in range(rng.randint(3, 6))]
        if rng.random() < 0.3:
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(OPINIONS))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.split())
    return f"# Desk report {number}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, pool: list[str], count: int, words: int, seed: int) -> int:
    """`count` articles in `folder`; returns their words in all."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for number in range(count):
        text = article(number, pool, words, rng)
        (folder / f"article-{number:04d}.md").write_text(text, encoding="utf-8")
        total += len(text.split())
    return total


# ---------------------------------------------------------------------------
# One batch run, in a process of its own


def child(args: argparse.Namespace) -> None:
    """Run `claimcheck batch` in this process; write its figures to --result."""
    from pipeline.cli import main as claimcheck

    started = time.perf_counter()
    command = ["batch", "--db", str(args.db), "--jobs", str(args.jobs), "--force", "--quiet"]
    command += ["--out", str(args.out), str(args.articles)]
    try:
        claimcheck(command, standalone_mode=False)
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "inside_s": time.perf_counter() - started,
        "main_cpu_s": usage.ru_utime + usage.ru_stime,
        "exit": code,
        "parent_peak_mb": peak_rss_mb(),
        "worker_peak_mb": peak_rss_mb(children=True) if args.jobs > 1 else None,
    }
    Path(args.result).write_text(json.dumps(figures), encoding="utf-8")


def timed_run(base_db: Path, articles: Path, folder: Path, jobs: int, run: int) -> dict[str, Any]:
    """One `claimcheck batch` in a new process on a fresh copy of the store."""
    db = folder / f"run-{jobs}-{run}.db"
    shutil.copy(base_db, db)
    out = folder / f"reports-{jobs}-{run}"
    result = folder / f"result-{jobs}-{run}.json"
    command = [sys.executable, __file__, "--child", "--db", str(db), "--jobs", str(jobs)]
    command += ["--out", str(out), "--articles-dir", str(articles), "--result", str(result)]
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        # wait4: the CPU time of the process and of the workers it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0 or not result.exists():
            err.seek(0)
            raise SystemExit(f"--jobs {jobs} failed:\n{err.read().decode()[-3000:]}")
    figures = json.loads(result.read_text(encoding="utf-8"))
    if figures["exit"] != 0:
        raise SystemExit(f"--jobs {jobs}: claimcheck batch exited {figures['exit']}")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    checked = [a for a in summary["articles"] if a["status"] == "checked"]
    figures.update(
        jobs=jobs,
        seconds=seconds,
        cpu_s=usage.ru_utime + usage.ru_stime,
        articles=len(checked),
        claims=summary["totals"]["claims"],
        contradicted=summary["totals"]["contradicted"],
        check_s=statistics.median(a["seconds"] for a in checked),
    )
    db.unlink()
    return figures


# ---------------------------------------------------------------------------
# The parent: corpus, articles, runs, report


def measure(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    load_before = os.getloadavg()
    base_db = folder / "corpus.db"
    # Ingested by a process of its own: a child started from a process holding
    # the model would report that process's memory as its own peak.
    command = [sys.executable, "-m", "pipeline", "ingest", "--quiet", "--db", str(base_db)]
    done = subprocess.run([*command, str(SOURCES)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"ingest failed:\n{done.stdout}{done.stderr}")
    with Store(base_db) as store:
        passages = store.counts()["passages"]
        pool = sentence_pool(store)
    articles = folder / "articles"
    words = write_articles(articles, pool, args.articles, args.words, args.seed)
    log(f"{args.articles} articles, {words:,} words, from {len(pool)} sentences of the corpus")
    runs: dict[int, list[dict[str, Any]]] = {jobs: [] for jobs in JOBS}
    for run in range(args.repeat):
        for jobs in JOBS:
            log(f"run {run + 1}/{args.repeat}: --jobs {jobs}")
            runs[jobs].append(timed_run(base_db, articles, folder, jobs, run))
    rows = {}
    for jobs, done in runs.items():
        seconds = statistics.median(r["seconds"] for r in done)
        rows[jobs] = {
            "jobs": jobs,
            "seconds": seconds,
            "seconds_all": [round(r["seconds"], 1) for r in done],
            "articles_per_min": args.articles / seconds * 60,
            "check_s": statistics.median(r["check_s"] for r in done),
            "cpu_s": statistics.median(r["cpu_s"] for r in done),
            "main_cpu_s": statistics.median(r["main_cpu_s"] for r in done),
            "parent_peak_mb": max(r["parent_peak_mb"] for r in done),
            "worker_peak_mb": max((r["worker_peak_mb"] or 0 for r in done), default=0) or None,
            "claims": done[0]["claims"],
            "contradicted": done[0]["contradicted"],
        }
    ratio = rows[2]["articles_per_min"] / rows[1]["articles_per_min"]
    return {
        "rows": rows,
        "ratio": ratio,
        "met": ratio >= TARGET_RATIO,
        "articles": args.articles,
        "words": words,
        "passages": passages,
        "repeat": args.repeat,
        "machine": machine(),
        "cpus": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "model": model_id(),
    }


def table(figures: dict[str, Any]) -> str:
    head = (
        f"{'jobs':>4} {'seconds':>8} {'articles/min':>12} {'vs jobs 1':>9} {'CPU s':>6} "
        f"{'main CPU s':>10} "
        f"{'check s/article':>15} {'main MB':>8} {'worker MB':>9}"
    )
    lines = [head, "-" * len(head)]
    first = figures["rows"][1]["articles_per_min"]
    for row in figures["rows"].values():
        worker = row["worker_peak_mb"] or row["parent_peak_mb"]
        lines.append(
            f"{row['jobs']:>4} {row['seconds']:>8.1f} {row['articles_per_min']:>12.1f} "
            f"{row['articles_per_min'] / first:>8.2f}x {row['cpu_s']:>6.1f} "
            f"{row['main_cpu_s']:>10.1f} "
            f"{row['check_s']:>15.3f} {row['parent_peak_mb']:>8.0f} {worker:>9.0f}"
        )
    met = "met" if figures["met"] else "NOT met"
    runs = f"median of {figures['repeat']} runs" if figures["repeat"] > 1 else "one run"
    row = figures["rows"][1]
    lines += [
        "",
        f"target: --jobs 2 at >= {TARGET_RATIO}x the articles/min of --jobs 1: "
        f"{figures['ratio']:.2f}x, {met} ({runs} each, interleaved)",
        f"{figures['articles']} articles, {figures['words']:,} words; "
        f"{row['claims']:,} claims checked, {row['contradicted']} contradicted; "
        f"store: the bundled corpus ({figures['passages']} passages)",
        "seconds: process start to exit (imports, model loading, reports, summary included);"
        " CPU s: of all its processes, main CPU s: of the main one;"
        " check s/article: median inside a worker;"
        " worker MB: peak of the largest worker (with --jobs 1, the main process is the worker)",
        f"machine: {figures['machine']}, {figures['cpus']} usable; load average"
        f" {figures['load_before']} before, {figures['load_after']} after",
        f"model: {figures['model']}",
    ]
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="articles (200)")
    parser.add_argument("--words", type=int, default=600, help="words per article (600)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the generated articles")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved runs, medians shown")
    parser.add_argument("--quick", action="store_true", help="40 articles, a smoke run")
    parser.add_argument("--out", type=Path, help="folder for store, articles, reports (kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    # One batch run in a process of its own (how the parent runs each measurement).
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--articles-dir", dest="articles_dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.articles = 40
    if min(args.articles, args.words, args.repeat) < 1:
        parser.error("--articles, --words and --repeat must be positive")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        args.articles = args.articles_dir
        child(args)
        return
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as temp:
        folder = args.out or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        figures = measure(args, folder)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(table(figures))


# Guarded: batch workers start by importing the main module (multiprocessing's spawn).
if __name__ == "__main__":
    main()
