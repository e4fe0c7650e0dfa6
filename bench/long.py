"""Long articles: `claimcheck verify` of a generated 1 MB and 5 MB article, time and memory.

What it does:

1. ingests the bundled corpus `sources/` into a store in a temporary folder
   (or uses --db);
2. generates an article of each size in --sizes (1 MB and 5 MB): paragraphs
   drawn at random (seeded) from the corpus's own texts and the drafts
   (`claims/`, the development case's article), so that many claims find
   evidence, between paragraphs of generated news-like sentences (the
   generator of bench/verify.py: names, ages, counts, dates), so that the
   text does not merely repeat;
3. runs `claimcheck verify ARTICLE --format json -o FILE --jobs N` as a new
   process for each --jobs given (imports and model loading included, as a
   user waits for them), sampling the resident memory of the command and of
   every process it starts (summed) ten times a second.

It prints, per size and --jobs: wall seconds, words per second, claims,
peak memory of the whole process tree, each beside its target, and the
machine's load (`uptime`) before and after. The targets (from the issue):
1 MB in at most 30 s and 5 MB in at most 120 s, each under 1 GB.

Run from the project root:

    .venv/bin/python bench/long.py                      # 1 MB and 5 MB, --jobs 2
    .venv/bin/python bench/long.py --sizes 1 --jobs 1,2 # 1 MB, one and two processes
    .venv/bin/python bench/long.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from _common import log, machine  # bench/ is the script's folder, on sys.path
from verify import Generator

ROOT = Path(__file__).resolve().parent.parent
SEED = 15
TARGET_SECONDS = {1: 30.0, 5: 120.0}  # by size in MB
TARGET_MB = 1024.0
SAMPLE = 0.1  # seconds between memory samples


def corpus_paragraphs() -> list[str]:
    """The paragraphs of the corpus's texts and the drafts: what evidence can be found for."""
    files = [
        *sorted((ROOT / "claims").glob("*.md")),
        ROOT / "bench" / "devcase" / "article.md",
        *sorted((ROOT / "sources").glob("*.md")),
        *sorted((ROOT / "sources").glob("*.txt")),
    ]
    paragraphs = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        for paragraph in re.split(r"\n\s*\n", text):
            words = paragraph.split()
            if len(words) >= 8 and not paragraph.lstrip().startswith("#"):
                paragraphs.append(" ".join(words))
    return paragraphs


def long_article(size: int, seed: int = SEED) -> str:
    """About `size` characters of Markdown: real and generated paragraphs, half and half."""
    rng = random.Random(seed)
    generator = Generator(seed)
    real = corpus_paragraphs()
    parts = ["# A long article", ""]
    length = 0
    while length < size:
        if rng.random() < 0.5:
            paragraph = rng.choice(real)
        else:
            paragraph = " ".join(generator.passage()[0] for _ in range(3))
        parts += [paragraph, ""]
        length += len(paragraph) + 2
    return "\n".join(parts)


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21])  # pages
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, ()))
    return total * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


@dataclass
class Run:
    size_mb: float
    words: int
    jobs: int
    seconds: float
    cpu_seconds: float  # of the command and its workers: the work, whatever the machine's load
    peak_mb: float
    claims: int
    not_checkworthy: int


def run_verify(
    article: Path, db: Path, jobs: int, out: Path
) -> tuple[float, float, float, dict[str, Any]]:
    """One `claimcheck verify` as a new process: wall and CPU seconds, peak memory (MB), report.

    CPU seconds are those of the process and of its workers (counted when
    they are waited for).
    """
    command = [sys.executable, "-m", "pipeline", "verify", str(article), "--db", str(db)]
    command += ["--format", "json", "-o", str(out), "--jobs", str(jobs)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss_mb(process.pid))
        time.sleep(SAMPLE)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"claimcheck verify failed ({process.returncode}): {stderr[-2000:]}")
    [report] = json.loads(out.read_text(encoding="utf-8"))["articles"]
    return seconds, cpu, peak, report


def ingest_corpus(db: Path) -> None:
    command = [sys.executable, "-m", "pipeline", "ingest", str(ROOT / "sources"), "--db", str(db)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="article sizes in MB, comma-separated")
    parser.add_argument("--jobs", default="2", help="--jobs values to run, comma-separated")
    parser.add_argument("--db", type=Path, help="store to check against (default: sources/)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    rows = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="claimcheck-long-") as tmp:
        folder = Path(tmp)
        db = args.db
        if db is None:
            db = folder / "corpus.db"
            log("ingesting sources/ ...")
            ingest_corpus(db)
        for size in sizes:
            article = folder / f"long-{size:g}mb.md"
            text = long_article(int(size * 1_000_000))
            article.write_text(text, encoding="utf-8")
            words = len(text.split())
            for n in jobs:
                log(f"verifying a {size:g} MB article ({words:,} words), --jobs {n} ...")
                seconds, cpu, peak, report = run_verify(article, db, n, folder / "report.json")
                rows.append(
                    Run(
                        size_mb=size,
                        words=words,
                        jobs=n,
                        seconds=round(seconds, 1),
                        cpu_seconds=round(cpu, 1),
                        peak_mb=round(peak),
                        claims=len(report["claims"]),
                        not_checkworthy=len(report["not_checkworthy"]),
                    )
                )
    load_after = os.getloadavg()
    if args.json:
        runs = [asdict(row) for row in rows]
        figures = {"machine": machine(), "load_before": load_before, "load_after": load_after}
        print(json.dumps({**figures, "runs": runs}, indent=2))
        return
    print(
        f"machine: {machine()}; load (1, 5, 15 min) before {_load(load_before)}, "
        f"after {_load(load_after)}"
    )
    for row in rows:
        target = TARGET_SECONDS.get(round(row.size_mb))
        print(
            f"{row.size_mb:g} MB, {row.words:,} words, --jobs {row.jobs}: {row.seconds:.1f} s"
            + (f" (target: at most {target:.0f} s)" if target else "")
            + f" ({row.cpu_seconds:.1f} s of CPU), {row.words / row.seconds:,.0f} words/s,"
            f" {row.claims:,} claims checked"
            f" + {row.not_checkworthy:,} not check-worthy; peak memory {row.peak_mb:.0f} MB"
            " for all its processes"
            f" (target: under {TARGET_MB:.0f} MB)"
        )


def _load(values: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
