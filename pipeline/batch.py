"""Batch verification: many articles, checked in parallel, recorded in the store, resumable.

`run_batch(paths, store)` finds the articles under the paths, skips those
whose content and the store's contents are unchanged since their last
recorded result, and checks the rest: in this process, or with `jobs` > 1 in
worker processes that each load the spaCy model once and only read the store.
The calling process alone writes: each article's verdicts in one transaction
as it finishes, so a run stopped at any moment (Ctrl-C, or killed) keeps
every finished article whole and none half-written, and the next run picks
up where it stopped.

Example:

    from pipeline.batch import BatchOptions, run_batch
    from pipeline.records import Label
    from pipeline.store import open_store

    with open_store("claimcheck.db") as store:
        summary = run_batch(["archive/2024/"], store, options=BatchOptions(jobs=4))
        for article in summary.articles:
            print(article.name, article.status, article.count(Label.CONTRADICTED))
"""
# Over 600 lines: one job (plan, workers, record, resume) whose parts share its records.

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from . import nlp as nlp_
from .claims import article_format, parse_article, read_article_bytes
from .errors import ClaimcheckError, ExtractionError, describe
from .ingest import expand_paths
from .judge import VERDICT_LOGIC
from .limits import ReadLimits
from .records import ArticleStatus, BatchArticle, BatchSummary, Label
from .report import RenderOptions, extension, render
from .runs import HEARTBEAT_SECONDS, with_path
from .store import EvidenceStore, is_postgresql, open_store
from .text import shown_path
from .verification import ARTICLE_LIMITS, verify_article

if TYPE_CHECKING:
    from spacy.language import Language

SUMMARY_FIELDS = (
    "article",
    "status",
    "claims",
    "supported",
    "contradicted",
    "unverified",
    "disputed",
    "seconds",
    "report",
    "path",
    "content_hash",
    "error",
)
# Tasks waiting in the pool per worker: enough that no worker waits for the
# next article, few enough that Ctrl-C leaves little queued work behind.
_QUEUED_PER_WORKER = 2
# A pool whose workers stop this many times in a row before finishing any
# article cannot start (a broken model, no memory): the run stops.
_MAX_FRUITLESS_POOLS = 3
# Seconds between looks at whether a worker process has died unreported.
_WATCH_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What shapes a batch run.

    `jobs` worker processes check articles (with 1, or one article to check,
    they are checked in this process). `force` checks every article again,
    recorded result or not. `model` names the spaCy pipeline. Files under the
    folders in `exclude` are not articles (the folder the reports go to).
    `limits` bound each article: over `limits.max_bytes` it fails, and HTML
    articles are parsed in a process of their own under `extract_timeout`
    and `extract_max_memory`, as HTML sources are. With `scheduler` (a Dask
    scheduler's address, tcp:// or tls://) the articles are checked on that
    cluster instead (`pipeline.cluster`; `jobs` is then ignored), against a
    PostgreSQL store.
    """

    jobs: int = 1
    scheduler: str | None = None
    force: bool = False
    model: str | None = None
    exclude: tuple[str, ...] = ()
    limits: ReadLimits = ARTICLE_LIMITS


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """What a run will do, known before the checking starts (passed to `on_plan`)."""

    run_id: int
    to_check: int
    skipped: int
    failed: int
    root: str  # the folder that article names are relative to


@dataclass(frozen=True, slots=True)
class _Task:
    path: str  # as found
    name: str


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def content_hash(raw: bytes) -> str:
    """The sha256 of an article's bytes, in hex: what `sha256sum` prints for the file."""
    return hashlib.sha256(raw).hexdigest()


def verdict_key(*, fingerprint: str, model: str, version: str) -> str:
    """A short hash of what an article's verdicts depend on besides its own content.

    The store's contents (its fingerprint), the spaCy pipeline, claimcheck's
    version and the verdict logic's: when any of them changes, recorded results
    no longer stand.
    """
    data = json.dumps(
        {"store": fingerprint, "model": model, "version": version, "verdicts": VERDICT_LOGIC},
        sort_keys=True,
    )
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def find_articles(
    paths: Iterable[str | Path], *, exclude: Iterable[str | Path] = ()
) -> tuple[list[Path], list[BatchArticle]]:
    """Article files (Markdown, text, HTML) under files, folders and glob patterns.

    Returns the files, in order and without repeats, and a failed outcome
    for each path that names nothing (or cannot be read as a folder). Files
    under a folder in `exclude` are left out.
    """
    files, problems = expand_paths(paths, kind=article_format)
    excluded = [Path(folder).resolve() for folder in exclude]
    kept = [f for f in files if not any(f.resolve().is_relative_to(x) for x in excluded)]
    # No name: a path that named nothing has no report to write or remove.
    failed = [
        BatchArticle(p.path, "", ArticleStatus.FAILED, error=p.error or "cannot read")
        for p in problems
    ]
    return kept, failed


def run_batch(
    paths: str | Path | Iterable[str | Path],
    store: EvidenceStore,
    *,
    options: BatchOptions = BatchOptions(),
    on_plan: Callable[[BatchPlan], None] | None = None,
    on_article: Callable[[BatchArticle], None] | None = None,
) -> BatchSummary:
    """Check every article under `paths` against the store; record the run and its results.

    An article is skipped when a result for its content (sha256 of its
    bytes), at the same path, under the same store contents, model and
    claimcheck version is recorded; its recorded report comes back with it.
    An article that cannot be read, is too large or fails while checked is
    reported (status FAILED, with the cause) and the run goes on.

    `on_plan` hears what the run will do before checking starts;
    `on_article` hears of each article as its outcome is recorded: first the
    skipped and failed ones, then each checked one as it finishes.

    Ctrl-C (KeyboardInterrupt) stops the run: finished articles stay
    recorded, the run is marked interrupted, and the summary returned says
    so. Raises ModelNotFoundError when the model is not installed.
    """
    given = [str(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    if options.jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {options.jobs}")
    if options.scheduler and not is_postgresql(store.url):
        raise ClaimcheckError(
            "a batch on a Dask cluster (--scheduler) needs a PostgreSQL store that every "
            f"worker can reach (--db postgresql://...), not {store.url}"
        )
    model = nlp_.model_id(options.model)
    fingerprint = store.fingerprint()
    key = verdict_key(fingerprint=fingerprint, model=model, version=__version__)
    files, failures = find_articles(given, exclude=options.exclude)
    root = _common_folder(files)
    tasks = [_Task(str(f), _name(f, root)) for f in files]
    run_id = store.start_run(
        paths=given,
        options=asdict(options),
        fingerprint=fingerprint,
        model=model,
        version=__version__,
    )
    outcomes: dict[str, BatchArticle] = {}
    status = "interrupted"

    def deliver(article: BatchArticle) -> None:
        where = os.path.abspath(article.path)
        if article.status == ArticleStatus.CHECKED:
            # Recorded under the store's contents it was checked against: another
            # process may have ingested sources since the run began.
            checked = article.report.store if article.report else fingerprint
            checked_key = verdict_key(fingerprint=checked, model=model, version=__version__)
            store.record_checked(run_id, where, article, verdict_key=checked_key)
        else:
            store.record_outcomes(run_id, [(where, article, None)])
        outcomes[article.path] = article.summarised()
        if on_article is not None:
            on_article(article)

    try:
        pending, settled = _plan(tasks, store, key, options)
        settled = [*((a, None) for a in failures), *settled]
        store.record_outcomes(
            run_id, [(os.path.abspath(a.path), a, article_id) for a, article_id in settled]
        )
        if on_plan is not None:
            failed = sum(1 for a, _ in settled if a.status == ArticleStatus.FAILED)
            on_plan(BatchPlan(run_id, len(pending), len(settled) - failed, failed, root))
        for article, _ in settled:
            outcomes[article.path] = article.summarised()
            if on_article is not None:
                on_article(article)
        with _heartbeat(store, run_id):
            _check(pending, store, options, deliver)
        status = "finished"
    except KeyboardInterrupt:
        pass  # finished articles are recorded; the run ends as interrupted
    finally:
        store.finish_run(run_id, status)
    order = [*(a.path for a in failures), *(t.path for t in tasks)]
    return BatchSummary(
        run_id=run_id,
        status=status,
        articles=tuple(outcomes[p] for p in order if p in outcomes),
        found=len(order),
        model=model,
        store=fingerprint,
    )


def _plan(
    tasks: Sequence[_Task], store: EvidenceStore, key: str, options: BatchOptions
) -> tuple[list[_Task], list[tuple[BatchArticle, int | None]]]:
    """The tasks to check, and the articles settled without checking.

    Settled are those that fail to be read (too large, unreadable) and those
    skipped, each with the id of the recorded check it stands on.
    """
    pending: list[_Task] = []
    settled: list[tuple[BatchArticle, int | None]] = []
    for task in tasks:
        try:
            raw = read_article_bytes(task.path, max_bytes=options.limits.max_bytes)
            digest = content_hash(raw)
        except ExtractionError as e:
            settled.append(
                (BatchArticle(task.path, task.name, ArticleStatus.FAILED, error=e.cause), None)
            )
            continue
        recorded = (
            None
            if options.force
            else store.recorded_report(os.path.abspath(task.path), digest, key)
        )
        if recorded is None:
            pending.append(task)
            continue
        article_id, report = recorded
        skipped = BatchArticle(
            task.path,
            task.name,
            ArticleStatus.SKIPPED,
            content_hash=digest,
            report=with_path(report, task.path),
        )
        settled.append((skipped, article_id))
    return pending, settled


def _check(
    tasks: Sequence[_Task],
    store: EvidenceStore,
    options: BatchOptions,
    deliver: Callable[[BatchArticle], None],
) -> None:
    if options.scheduler and tasks:
        from .cluster import check_on_cluster  # dask loads only for a batch on a cluster

        check_on_cluster(tasks, store.url, options, deliver)
        return
    workers = min(options.jobs, len(tasks))
    if workers <= 1 or store.url == ":memory:":  # an in-memory store cannot be shared
        checker = _Checker(store, nlp_.load(options.model), options)
        with nlp_.limit_maths_threads(1):
            for task in tasks:
                deliver(checker(task))
        return
    _check_in_pool(tasks, store.url, workers, options, deliver)


def _check_in_pool(
    tasks: Sequence[_Task],
    db: str,
    workers: int,
    options: BatchOptions,
    deliver: Callable[[BatchArticle], None],
) -> None:
    """Check tasks in worker processes, delivering each outcome as it comes.

    When a worker process dies (killed, out of memory), the pool breaks and
    every task in it with it. Those tasks go back in the queue for a fresh
    pool, where they run one at a time: the article that kills its worker
    again fails on its own, the others are checked.
    """
    # Spawned, not forked: a forked child inherits this process's threads'
    # locks (the progress bar's, the executor's own), and the model is loaded
    # in each worker anyway.
    context = multiprocessing.get_context("spawn")
    queue = deque(tasks)
    breaks: Counter[_Task] = Counter()
    fruitless = 0
    while queue:
        pool = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(db, options),
        )
        in_flight: dict[Future[BatchArticle], _Task] = {}
        finished = 0
        broken = False
        try:
            while queue or in_flight:
                while queue and len(in_flight) < workers * _QUEUED_PER_WORKER:
                    suspect = breaks[queue[0]] > 0
                    if any(breaks[t] for t in in_flight.values()) or (suspect and in_flight):
                        break
                    task = queue.popleft()
                    with _ctrl_c_held():  # workers start on a submit
                        in_flight[pool.submit(_check_in_worker, task)] = task
                done, _ = wait(in_flight, timeout=_WATCH_SECONDS, return_when=FIRST_COMPLETED)
                # A worker that died without the pool marking its tasks broken (the
                # pool's own watch can miss one killed while its queue is written to)
                # breaks the pool all the same, or the batch would wait for ever.
                broken = not done and _lost_a_worker(pool)
                for future in done:
                    if isinstance(future.exception(), BrokenProcessPool):
                        broken = True
                        continue
                    deliver(future.result())
                    del in_flight[future]
                    finished += 1
                if broken:
                    break
        except BaseException:
            # Ctrl-C, or an error recording a result: what has not started never
            # will, and the workers end after the article they are checking.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        if broken:
            _end_workers(pool)
        pool.shutdown(wait=not broken, cancel_futures=broken)
        if not in_flight:
            continue
        fruitless = 0 if finished else fruitless + 1
        if fruitless >= _MAX_FRUITLESS_POOLS:
            raise ClaimcheckError(
                "the batch's worker processes stop before checking any article "
                "(out of memory, or the spaCy model cannot load in them)"
            )
        for task in reversed(in_flight.values()):
            breaks[task] += 1
            if breaks[task] >= 2:
                deliver(
                    BatchArticle(
                        task.path,
                        task.name,
                        ArticleStatus.FAILED,
                        error="the worker process checking it stopped (killed, or out of memory)",
                    )
                )
            else:
                queue.appendleft(task)


def _lost_a_worker(pool: ProcessPoolExecutor) -> bool:
    """Whether a worker process of the pool has ended (its exit code is set)."""
    processes = getattr(pool, "_processes", None) or {}
    return any(process.exitcode is not None for process in list(processes.values()))


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's worker processes that are still running: a broken pool's."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.exitcode is None:
            process.terminate()


@contextmanager
def _heartbeat(store: EvidenceStore, run_id: int) -> Iterator[None]:
    """Beat the run's heartbeat in the store while the block runs (see `runs.alive`).

    From a thread with a store connection of its own: the store's own is the
    calling thread's (SQLite connections stay in their thread).
    """
    if store.url == ":memory:":  # no other process can see the run
        yield
        return
    stop = threading.Event()

    def beat() -> None:
        with open_store(store.url) as own:
            while not stop.wait(HEARTBEAT_SECONDS):
                with contextlib.suppress(ClaimcheckError):  # a busy store: the next beat
                    own.beat(run_id)

    thread = threading.Thread(target=beat, name="claimcheck-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl-C held back for a moment, so that processes started meanwhile are born deaf to it.

    The signal is blocked, not ignored: a child inherits the blocked mask across
    exec, so a worker still importing when Ctrl-C comes does not die with a
    traceback (it ignores the signal from its start, see _start_worker), and
    a Ctrl-C that arrives meanwhile is delivered to this process when the
    block ends instead of being lost. Only the main thread may take signals.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _Checker:
    """Checks one article at a time with a loaded model and an open store."""

    def __init__(self, store: EvidenceStore, nlp: Language, options: BatchOptions) -> None:
        self.store = store
        self.nlp = nlp
        self.options = options

    def __call__(self, task: _Task, *, raw: bytes | None = None) -> BatchArticle:
        """Check one article: the file at `task.path`, or its bytes as given (`raw`)."""
        started = time.perf_counter()
        digest = None
        try:
            limits = self.options.limits
            if raw is None:
                raw = read_article_bytes(task.path, max_bytes=limits.max_bytes)
            digest = content_hash(raw)
            article = parse_article(
                raw,
                path=task.path,
                timeout=limits.extract_timeout,
                max_memory=limits.extract_max_memory,
            )
            report = verify_article(article, self.store, nlp=self.nlp)
        except ExtractionError as e:
            return BatchArticle(task.path, task.name, ArticleStatus.FAILED, digest, error=e.cause)
        except Exception as e:  # one article's failure must not stop a batch of thousands
            return BatchArticle(
                task.path, task.name, ArticleStatus.FAILED, digest, error=describe(e)
            )
        return BatchArticle(
            task.path,
            task.name,
            ArticleStatus.CHECKED,
            digest,
            report,
            seconds=time.perf_counter() - started,
        )


# The worker process's checker, or why it could not start.
_worker: _Checker | str | None = None


def _start_worker(db: str, options: BatchOptions) -> None:
    """A worker's start: load the model and open the store, once for all its articles.

    A failure is kept for the tasks to report: raised here, it would only
    break the pool, and the cause would stay in the worker.
    """
    global _worker
    # Ctrl-C reaches every process of the terminal's group; the parent alone
    # decides what stops, and records what finished. (Where workers are not
    # started deaf to it already: see _ctrl_c_held.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    nlp_.limit_maths_threads(1)  # for the worker's life: the workers are the parallelism
    try:
        _worker = _Checker(open_store(db), nlp_.load(options.model), options)
    except ClaimcheckError as e:
        _worker = str(e)


def _check_in_worker(task: _Task) -> BatchArticle:
    if isinstance(_worker, str):
        raise ClaimcheckError(_worker)
    if _worker is None:
        raise RuntimeError("batch worker used before its start")
    return _worker(task)


def _common_folder(files: Sequence[Path]) -> str:
    if not files:
        return ""
    try:
        return os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files])
    except ValueError:  # paths on different drives
        return ""


def _name(path: Path, root: str) -> str:
    absolute = os.path.abspath(path)
    return Path(os.path.relpath(absolute, root)).as_posix() if root else path.name


# Reports and summaries in the output folder ---------------------------------


def report_file(out: str | Path, article: BatchArticle, fmt: str) -> Path | None:
    """Where an article's report goes: its name under `out`, plus the format's extension.

    None for a name that would leave `out`: empty (a path given on the command
    line that named no article), absolute, climbing with "..", holding a NUL, or
    passing through a symbolic link under `out` that points elsewhere. (The
    report itself replaces whatever file is at its place, a link included, and
    never writes through it.)
    """
    name = Path(article.name)
    if not article.name or "\x00" in article.name or name.is_absolute() or ".." in name.parts:
        return None
    target = Path(out) / (article.name + extension(fmt))
    try:
        inside = target.parent.resolve().is_relative_to(Path(out).resolve())
    except (OSError, RuntimeError):  # a loop of links, a name too long
        return None
    return target if inside else None


def write_report(
    out: str | Path,
    article: BatchArticle,
    fmt: str,
    *,
    options: RenderOptions | None = None,
) -> Path | None:
    """Write an article's report in `fmt` (a name in RENDERERS) under `out`.

    Rendered as `claimcheck verify` renders it, with the same `options`
    (an HTML page's links to sources are relative to the page's folder).
    Give the outcome as `run_batch` passes it to `on_article` (the summary it
    returns keeps counts, not reports). A failed article's stale report from
    an earlier run is removed, so that every report in the folder belongs to
    this run. Returns the file written.
    """
    target = report_file(out, article, fmt)
    if target is None:
        if article.name and article.status != ArticleStatus.FAILED:
            raise ClaimcheckError(
                f"{shown_path(article.path)}: its report would be written outside {out}: "
                f"{article.name + extension(fmt)!r} (a symbolic link under the output folder?)"
            )
        return None
    if article.status == ArticleStatus.FAILED:
        target.unlink(missing_ok=True)
        return None
    if article.report is None:
        raise ValueError(f"{article.path}: no report to write (a run's summary keeps none)")
    rendered = render(
        fmt, [article.report], replace(options or RenderOptions(), base=target.parent)
    )
    _write_atomic(target, rendered + "\n")
    return target


def write_summary(out: str | Path, summary: BatchSummary, fmt: str) -> tuple[Path, Path]:
    """summary.csv and summary.json under `out`: per article, the counts of each label."""
    rows = summary_rows(summary, fmt)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    document = {
        "run": summary.run_id,
        "status": summary.status,
        "model": summary.model,
        "store": summary.store,
        "totals": {
            "articles": len(summary.articles),
            **{str(s): summary.count(s) for s in ArticleStatus},
            "claims": summary.claims(),
            **{str(label).lower(): summary.claims(label) for label in Label},
        },
        "articles": rows,
    }
    csv_path, json_path = Path(out) / "summary.csv", Path(out) / "summary.json"
    _write_atomic(csv_path, buffer.getvalue())
    _write_atomic(json_path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return csv_path, json_path


def summary_rows(summary: BatchSummary, fmt: str) -> list[dict[str, object]]:
    """One row per article: its status, the counts of each label, its report file."""
    rows: list[dict[str, object]] = []
    for article in summary.articles:
        done = article.status != ArticleStatus.FAILED
        target = report_file(".", article, fmt) if done else None
        rows.append(
            {
                "article": article.name or article.path,
                "status": str(article.status),
                "claims": article.claims if done else None,
                **{str(label).lower(): article.count(label) if done else None for label in Label},
                "seconds": round(article.seconds, 3) if article.seconds else None,
                "report": target.as_posix() if target is not None else None,
                "path": article.path,
                "content_hash": article.content_hash,
                "error": article.error,
            }
        )
    return rows


# The suffix of a report being written: a run killed meanwhile leaves one behind,
# which the next run in the folder removes (`remove_partial_files`).
PARTIAL = ".partial"


def _write_atomic(target: Path, text: str) -> None:
    """Write a file whole or not at all: a killed run leaves no half-written report."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        dir=target.parent,
        prefix=f".{target.name}.",
        suffix=PARTIAL,
        delete=False,
    ) as f:
        try:
            f.write(text)
        except BaseException:
            f.close()
            os.unlink(f.name)
            raise
    os.replace(f.name, target)


def remove_partial_files(out: str | Path) -> int:
    """Remove the half-written files a killed run left under `out`; return how many.

    Only hidden files named as `_write_atomic` names them; links are not followed.
    """
    removed = 0
    for root, _dirs, names in os.walk(out, followlinks=False):
        for name in names:
            if name.startswith(".") and name.endswith(PARTIAL):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(root, name))
                    removed += 1
    return removed
