"""SQLite against PostgreSQL, in one run: ingest, verify latency and batch throughput.

At `--passages N` generated passages (bench/verify.py's generator, plus the
bundled corpus so the draft's real evidence sits among the noise):

1. the SQLite store is built (or reused from `--keep DIR`) as bench/verify.py
   builds it, then copied into a PostgreSQL database (`claimcheck store copy`'s
   `copy_store`, timed: the bulk load) and vacuumed, as autovacuum would have
   done. With `--keep`, the copy stays on the kept server as `base_N`, and
   each run works on a fresh copy of it (CREATE DATABASE ... TEMPLATE);
2. ingest throughput: generated source files ingested with `claimcheck ingest`
   by one writer, then by two writers at once (separate files), into each big
   store; passages stored per second of wall time;
3. verify latency: the 600-word draft of bench/verify.py verified against each
   store (median seconds per article over `--repeat`), and each check-worthy
   claim's retrieve + judge timed alone (p50/p95 of each claim's median), as
   `verify_article` runs them: in one snapshot of a store opened anew for each
   pass, so that no cache of the store's own carries over from the last;
4. batch throughput: `--articles` articles checked by `claimcheck batch` with
   `--jobs 2` (against SQLite, and against PostgreSQL), and with `--scheduler`
   on a Dask LocalCluster of two single-threaded worker processes (against
   PostgreSQL), in turn, `--rounds` times; the median run's articles per
   minute of wall time (model loads included: fresh workers each) and CPU
   seconds of every process of the run.

`--only verify|ingest|batch` (repeatable) measures only those parts. The load
averages before and after are printed beside the figures: on a shared machine
only figures taken in one run compare.

PostgreSQL is a server this script starts (initdb, the Debian package's
binaries; as root, run as `nobody`), in `DIR/postgresql` with `--keep DIR`
(kept for the next run, with the copied store) or in a temporary folder,
unless `--pg URL` names a server to use (its `postgres` database's URL). Run
from the project root:

    .venv/bin/python bench/store.py --passages 100000 --keep bench/out
    .venv/bin/python bench/store.py --keep bench/out      # 1M passages: the first build takes long
    .venv/bin/python bench/store.py --keep bench/out --only batch --articles 32
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from _common import log, machine  # bench/ is the script's folder, on sys.path
from verify import SEED, Generator, draft_text, prepare_store

from pipeline.claims import article_from_text, context_for, extract_claims
from pipeline.judge import judge_claim
from pipeline.match import retrieve
from pipeline.nlp import load
from pipeline.store import copy_store, open_store
from pipeline.verification import verify_article

ROOT = Path(__file__).resolve().parent.parent
CLAIMCHECK = [sys.executable, "-m", "pipeline"]


@contextmanager
def postgresql_server(keep: Path | None = None) -> Iterator[str]:
    """A PostgreSQL server of its own; yields the URL of its `postgres` database.

    With `keep`, its data folder is `keep/postgresql` and stays there (with
    the databases in it) for the next run; else it is made in a temporary
    folder and removed at the end.
    """
    bindir = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)
    if bindir is None:
        raise SystemExit("no PostgreSQL binaries: apt-get install postgresql, or pass --pg URL")
    folder = keep / "postgresql" if keep else Path(tempfile.mkdtemp(prefix="claimcheck-bench-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody", "nogroup")
        as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "data"
    env = {**os.environ, "LC_ALL": "C"}
    run = {"check": True, "capture_output": True, "env": env, "cwd": folder}
    if not (data / "PG_VERSION").exists():
        initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "bench", "-A", "trust"]
        subprocess.run(
            [*as_user, *initdb, "-E", "UTF8", "--locale=C"],
            **run,  # type: ignore[call-overload]  # the keyword arguments are right
        )
    # Durable settings (fsync on): the figures are those of a real server.
    options = f"-k {folder} -h '' -p {port} -c shared_buffers=512MB -c max_connections=50"
    start = ["-D", str(data), "-o", options, "-w", "start", "-l", str(folder / "log")]
    subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), *start],
        **run,  # type: ignore[call-overload]
    )
    try:
        yield f"postgresql://bench@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
            capture_output=True,
            env=env,
            cwd=folder,
        )
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def new_database(server: str, name: str, *, template: str | None = None) -> str:
    """A new, empty database `name` on the server (or a copy of `template`); its URL."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return database_url(server, name)


def database_url(server: str, name: str) -> str:
    return server.replace("/postgres?", f"/{name}?")


def base_database(server: str, sqlite_db: Path, passages: int) -> tuple[str, float | None]:
    """The PostgreSQL copy of the SQLite store, kept on the server for the next run.

    Returns its name and the seconds the copy took (None when it was there
    already). It is copied under another name and renamed when whole; each
    run then works on a copy of it (CREATE DATABASE ... TEMPLATE: a file copy).
    """
    import psycopg

    name = f"base_{passages}"
    with psycopg.connect(server, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    if found:
        return name, None
    part = new_database(server, f"{name}_part")
    log(f"copying {passages:,} passages into PostgreSQL ...")
    started = time.perf_counter()
    with open_store(sqlite_db) as source, open_store(part) as target:
        copy_store(source, target)
    seconds = time.perf_counter() - started
    with psycopg.connect(part, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")  # what autovacuum would have done by the next day
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {name}_part RENAME TO {name}")
    return name, seconds


def source_files(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` Markdown sources of generated news passages (50 passages each)."""
    folder.mkdir(parents=True, exist_ok=True)
    generator = Generator(seed=seed)
    files = []
    for doc in generator.documents(count * 50):
        path = folder / f"gen-{seed}-{doc.number:04d}.md"
        body = "\n\n".join(text for text, _ in doc.passages)
        path.write_text(
            f"---\ntitle: {json.dumps(doc.title)}\npublished: '{doc.published}'\n---\n{body}\n"
        )
        files.append(path)
    return files


def ingest_rate(db: str, folders: list[Path]) -> dict[str, Any]:
    """Passages per second with one `claimcheck ingest` per folder, all at once."""
    with open_store(db) as store:
        before = store.counts()["passages"]
    started = time.perf_counter()
    processes = [
        subprocess.Popen([*CLAIMCHECK, "ingest", "--db", db, str(f)], stdout=subprocess.DEVNULL)
        for f in folders
    ]
    for process in processes:
        if process.wait() != 0:
            raise SystemExit(f"ingest into {db} failed")
    seconds = time.perf_counter() - started
    with open_store(db) as store:
        added = store.counts()["passages"] - before
    return {
        "writers": len(folders),
        "passages": added,
        "seconds": round(seconds, 1),
        "per_s": round(added / seconds, 1),
    }


def verify_latency(db: str, repeat: int) -> dict[str, Any]:
    """Seconds per article and milliseconds per claim, as `verify_article` runs them.

    Every timed pass opens the store anew (outside the timing), so that its
    own caches (word frequencies, SQLite's recent searches) start empty as
    for a new article, and checks the claims in one snapshot, as
    `verify_article` does; the warm-up pass fills the server's and the
    system's caches only. (Timed on one open store, SQLite would answer every
    search after the first pass from its cache of recent searches, and
    PostgreSQL, which keeps none, from the index.)
    """
    nlp = load()
    article = article_from_text(draft_text(), path="<600-word draft>")
    with open_store(db) as store:
        verify_article(article, store, nlp=nlp)  # warm-up
    per_article = []
    for _ in range(repeat):
        with open_store(db) as store:
            started = time.perf_counter()
            report = verify_article(article, store, nlp=nlp)
            per_article.append(time.perf_counter() - started)
    claims = extract_claims(article, nlp)
    worthy = [i for i, c in enumerate(claims) if c.checkworthy]
    samples: dict[int, list[float]] = {i: [] for i in worthy}
    for _ in range(repeat):
        with open_store(db) as store, store.snapshot():
            for index in worthy:
                started = time.perf_counter()
                candidates = retrieve(claims[index], store, context=context_for(claims, index))
                judge_claim(claims[index], candidates)
                samples[index].append(time.perf_counter() - started)
    per_claim = sorted(statistics.median(s) * 1000 for s in samples.values())
    return {
        "s_article": round(statistics.median(per_article), 3),
        "p50_ms": round(per_claim[len(per_claim) // 2], 1),
        "p95_ms": round(per_claim[min(len(per_claim) - 1, int(0.95 * len(per_claim)))], 1),
        "labels": sorted(str(v.label) for v in report.claims),
    }


def articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    drafts = sorted((ROOT / "claims").glob("*.md"))
    for n in range(count):
        draft = drafts[n % len(drafts)]
        (folder / f"{draft.stem}-{n:03d}.md").write_text(
            draft.read_text() + f"\n<!-- copy {n} -->\n"
        )
    return folder


def batch_rate(
    db: str, folder: Path, out: Path, extra: list[str], *, server: int | None = None
) -> dict[str, Any]:
    """Articles per minute of one `claimcheck batch`, and the CPU seconds it took.

    `cpu_s` is of every process of the run but the store's server: the batch
    command and its workers (--jobs), or the batch command, the Dask
    scheduler (in this process) and the Dask workers (this process's
    children). `server_cpu_s` is the PostgreSQL server's (process `server`
    and its backends), where given.
    """
    cpu_before = cpu_seconds()
    server_before = cpu_seconds(server) if server else 0.0
    started = time.perf_counter()
    result = subprocess.run(
        [
            *CLAIMCHECK,
            "batch",
            "--db",
            db,
            "--force",
            "--quiet",
            "--out",
            str(out),
            *extra,
            str(folder),
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"batch {extra} failed: {result.stderr[-800:]}")
    count = len(list(folder.glob("*.md")))
    return {
        "seconds": round(seconds, 1),
        "per_min": round(count / seconds * 60, 1),
        "cpu_s": round(cpu_seconds() - cpu_before, 1),
        "server_cpu_s": round(cpu_seconds(server) - server_before, 1) if server else None,
    }


def cpu_seconds(pid: int | None = None) -> float:
    """CPU seconds of a process (this one by default), its ended children and its living ones.

    This process's living children are Dask's workers; a PostgreSQL
    server's, its backends (an ended one counts once the server reaped it).
    """
    import psutil  # type: ignore[import-untyped]  # no stubs; a dependency of Dask's distributed

    me = psutil.Process(pid)
    own = me.cpu_times()
    total = own.user + own.system + own.children_user + own.children_system
    for child in me.children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def server_pid(url: str) -> int | None:
    """The process id of the PostgreSQL server at `url`, where it runs on this machine."""
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            row = conn.execute("SHOW data_directory").fetchone()
        return int(Path(row[0] if row else "", "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError, psycopg.Error):
        return None


def batch_rates(
    sqlite_db: Path, pg_db: str, folder: Path, work: Path, rounds: int
) -> dict[str, Any]:
    """`batch_rate` of --jobs 2 (SQLite, PostgreSQL) and --scheduler, `rounds` times in turn.

    Each kind's median run is kept (with every run's seconds beside it): on
    a shared machine one run of each can differ by a fifth either way.
    """
    from distributed import LocalCluster

    server = server_pid(pg_db)
    runs: dict[str, list[dict[str, Any]]] = {
        "batch_jobs2_sqlite": [],
        "batch_jobs2": [],
        "batch_dask2": [],
    }
    for n in range(rounds):
        log(f"batch, round {n + 1} of {rounds}: --jobs 2 (SQLite, PostgreSQL), --scheduler ...")
        runs["batch_jobs2_sqlite"].append(
            batch_rate(str(sqlite_db), folder, work / "out-jobs-sqlite", ["--jobs", "2"])
        )
        runs["batch_jobs2"].append(
            batch_rate(pg_db, folder, work / "out-jobs", ["--jobs", "2"], server=server)
        )
        with LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: 8787 may be taken
            host="127.0.0.1",
        ) as cluster:
            runs["batch_dask2"].append(
                batch_rate(
                    pg_db,
                    folder,
                    work / "out-dask",
                    ["--scheduler", cluster.scheduler_address],
                    server=server,
                )
            )
    results = {}
    for kind, measured in runs.items():
        middle = sorted(measured, key=lambda m: m["seconds"])[len(measured) // 2]
        results[kind] = {**middle, "runs_s": [m["seconds"] for m in measured]}
    return results


PARTS = ("verify", "ingest", "batch")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument(
        "--keep", type=Path, help="reuse and keep the SQLite store and the PostgreSQL server here"
    )
    parser.add_argument("--pg", help="a PostgreSQL server URL (default: start one)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sources", type=int, default=20, help="files per ingest writer")
    parser.add_argument("--articles", type=int, default=16)
    parser.add_argument(
        "--rounds", type=int, default=3, help="batch runs of each kind, in turn (median)"
    )
    parser.add_argument(
        "--only", action="append", choices=PARTS, help="measure only this part (repeatable)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    parts = args.only or PARTS
    work = Path(tempfile.mkdtemp(prefix="claimcheck-bench-store-"))
    keep = args.keep or work
    keep.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "passages": args.passages,
        "machine": machine(),
        "load": load_average(),
    }
    try:
        with postgresql_server(args.keep) if args.pg is None else _given(args.pg) as server:
            base, _ = prepare_store(keep, args.passages)
            template, results["pg_bulk_load_s"] = base_database(server, base, args.passages)
            sqlite_db = base
            if "ingest" in parts:
                sqlite_db = work / "store.db"
                fresh_copy(base, sqlite_db)  # the ingests below write to it
            pg_db = new_database(server, "bench", template=template)
            stores = (("sqlite", str(sqlite_db)), ("postgresql", pg_db))
            if "verify" in parts:
                for name, db in stores:
                    log(f"{name}: verify latency ...")
                    results[f"{name}_verify"] = verify_latency(db, args.repeat)
            if "ingest" in parts:
                for name, db in stores:
                    log(f"{name}: ingest, one writer then two ...")
                    results.update(ingest_rates(name, db, work, args.sources))
            if "batch" in parts:
                folder = articles(work / "articles", args.articles)
                results.update(batch_rates(sqlite_db, pg_db, folder, work, args.rounds))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["load_after"] = load_average()
    print(json.dumps(results, indent=2) if args.json else table(results))


def fresh_copy(source: Path, target: Path) -> None:
    """A copy of an SQLite store file, page by page (SQLite's backup API: seconds, where
    `copy_store` would index every passage again)."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(target)) as new:
        old.backup(new)


def load_average() -> str:
    """The machine's load averages (1, 5, 15 minutes): the figures are read beside them."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def ingest_rates(name: str, db: str, work: Path, sources: int) -> dict[str, Any]:
    seed = SEED + (1 if name == "sqlite" else 100)
    one = [source_files(work / f"{name}-one", sources, seed)[0].parent]
    two = [
        source_files(work / f"{name}-two-{k}", sources, seed + 1 + k)[0].parent for k in range(2)
    ]
    return {f"{name}_ingest_1": ingest_rate(db, one), f"{name}_ingest_2": ingest_rate(db, two)}


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


def table(r: dict[str, Any]) -> str:
    """The results as a table: SQLite beside PostgreSQL, the parts measured."""
    rows: list[tuple[str, Any, Any]] = [("", "SQLite", "PostgreSQL")]
    if "sqlite_ingest_1" in r:
        for writers in (1, 2):
            rows.append(
                (
                    f"ingest, {writers} writer{'s' if writers > 1 else ''} (passages/s)",
                    r[f"sqlite_ingest_{writers}"]["per_s"],
                    r[f"postgresql_ingest_{writers}"]["per_s"],
                )
            )
    if "sqlite_verify" in r:
        s, p = r["sqlite_verify"], r["postgresql_verify"]
        rows += [
            ("verify, s per 600-word article", s["s_article"], p["s_article"]),
            ("verify, p50 ms per claim", s["p50_ms"], p["p50_ms"]),
            ("verify, p95 ms per claim (target: PG at most 2x)", s["p95_ms"], p["p95_ms"]),
            ("same verdicts on the draft", "", "yes" if s["labels"] == p["labels"] else "NO"),
        ]
    if "batch_jobs2" in r:
        jobs, dask = r["batch_jobs2"], r["batch_dask2"]
        rows += [
            (
                "batch --jobs 2 (articles/min, median)",
                r["batch_jobs2_sqlite"]["per_min"],
                jobs["per_min"],
            ),
            ("batch --scheduler, 2 workers (articles/min)", "-", dask["per_min"]),
            (
                "  runs, s: --jobs 2 / --scheduler",
                "-",
                f"{' '.join(map(str, jobs['runs_s']))} / {' '.join(map(str, dask['runs_s']))}",
            ),
            (
                "  --scheduler against --jobs 2 (target: -15% or better)",
                "-",
                f"{dask['per_min'] / jobs['per_min'] - 1:+.0%}",
            ),
            ("  CPU seconds, --jobs 2 / --scheduler", "-", f"{jobs['cpu_s']} / {dask['cpu_s']}"),
            (
                "  PostgreSQL server CPU seconds, --jobs 2 / --scheduler",
                "-",
                f"{jobs['server_cpu_s']} / {dask['server_cpu_s']}",
            ),
        ]
    bulk = r.get("pg_bulk_load_s")
    lines = [
        f"{r['passages']:,} generated passages + sources/; {r['machine']}",
        f"load average before: {r['load']}; after: {r['load_after']}",
        f"PostgreSQL bulk load (store copy): {'reused' if bulk is None else f'{bulk} s'}",
    ]
    lines += [f"{a:<56}{b!s:>10}{c!s:>14}" for a, b, c in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
