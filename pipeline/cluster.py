"""Batch articles checked on a Dask distributed cluster (`claimcheck batch --scheduler`).

The client (the `claimcheck batch` process) reads each article and sends its
bytes with the task, so workers need no shared file system; each worker
process loads the spaCy model and opens the PostgreSQL store once, checks
that it runs the client's claimcheck version, and returns the article's
outcome. The client alone writes: each article's results in one transaction
as it comes back, exactly as with `--jobs`.

The run registers a worker plugin that tunes each worker for checking
articles, for the worker's life:

- it stops the statistical profiler (Dask samples the task thread's stack
  every 10 ms for its dashboard): checking articles is pure Python, and the
  sampling cost the workers 7% to 40% more CPU time. A worker's profile page
  stays empty from then on;
- it lets glibc's malloc keep freed memory for reuse. Dask's nanny starts
  workers with MALLOC_TRIM_THRESHOLD_=65536 (`distributed.nanny.pre-spawn-
  environ`), which also stops glibc from raising its mmap threshold as it
  otherwise does: every array spaCy allocates over 128 KiB is then mapped
  afresh and its pages faulted in, and freed memory goes straight back to
  the system. The plugin sets the thresholds glibc would have reached by
  itself (mmap 32 MiB, trim 64 MiB; `mallopt`). A worker then holds up to
  64 MiB more of freed memory. Measured on 40 articles, two workers: a
  batch on Dask took 10% to 18% more CPU time than with `--jobs 2` without
  this (twice the system time), and -1% to +3% with it.

Plain `tcp://` between the client, the scheduler and the workers is neither
encrypted nor authenticated: use it on a private network, or `tls://` with
certificates (Dask's `distributed.comm.tls.*` settings, for example from
DASK_DISTRIBUTED__COMM__TLS__CA_FILE, __CLIENT__CERT and __CLIENT__KEY).
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin  # this module is imported only for a run on a cluster

from . import __version__
from . import nlp as nlp_
from .errors import ClaimcheckError, ExtractionError, describe
from .records import ArticleStatus, BatchArticle
from .store import open_store

if TYPE_CHECKING:
    from .batch import BatchOptions, _Task

# Articles sent ahead per worker thread: enough that none waits for the next,
# few enough that a stopped run leaves little sent and the client's memory
# holds few articles' bytes.
_AHEAD_PER_THREAD = 2

# A Dask worker's periodic callbacks that sample and roll its profile.
_PROFILER_CALLBACKS = ("profile", "profile-cycle")

# glibc's mallopt parameters, and the thresholds its own tuning reaches at most
# on a 64-bit system (DEFAULT_MMAP_THRESHOLD_MAX; trim twice the mmap threshold).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 * 1024 * 1024
_TRIM_THRESHOLD = 2 * _MMAP_THRESHOLD

# What this worker process has loaded, by (store URL, model): loaded once.
_loaded: dict[tuple[str, str | None], Any] = {}
_loading = threading.Lock()
# How many articles this worker process checked (the tests ask each worker).
checked: Counter[str] = Counter()


class VersionMismatch(ClaimcheckError):
    """A worker runs another claimcheck version than the client."""


def check_on_cluster(
    tasks: Sequence[_Task],
    url: str,
    options: BatchOptions,
    deliver: Callable[[BatchArticle], None],
) -> None:
    """Check tasks on the cluster at `options.scheduler`, delivering each outcome as it comes."""
    from distributed import Client, as_completed

    from .batch import read_article_bytes

    try:
        client = Client(options.scheduler, timeout="30s", set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClaimcheckError(
            f"no Dask scheduler answers at {options.scheduler}: {describe(e)}"
        ) from e
    try:
        client.register_plugin(_Tuning())
        threads = max(sum(client.nthreads().values()), 1)
        queue = list(reversed(tasks))
        running = as_completed(loop=client.loop)
        names: dict[Any, _Task] = {}

        def submit() -> None:
            task = queue.pop()
            try:
                raw = read_article_bytes(task.path, max_bytes=options.limits.max_bytes)
            except ExtractionError as e:
                deliver(BatchArticle(task.path, task.name, ArticleStatus.FAILED, error=e.cause))
                return
            future = client.submit(check_article, task, raw, url, options, __version__, pure=False)
            names[future] = task
            running.add(future)

        while queue and running.count() < threads * _AHEAD_PER_THREAD:
            submit()
        for future in running:
            task = names.pop(future)
            deliver(_outcome(future, task))
            if queue:
                submit()
            while queue and running.count() < threads * _AHEAD_PER_THREAD:
                submit()
    finally:
        client.close()


class _Tuning(WorkerPlugin):
    """A Dask worker plugin: profiler stopped, freed memory reused (see the module docstring)."""

    name = "claimcheck-tuning"
    idempotent = True  # registered by every run; set up once per worker

    def setup(self, worker: Any) -> None:
        for name in _PROFILER_CALLBACKS:
            callback = worker.periodic_callbacks.get(name)
            if callback is not None:
                callback.stop()
        reuse_freed_memory()


def reuse_freed_memory() -> bool:
    """Let glibc's malloc keep freed memory for reuse, where MALLOC_TRIM_THRESHOLD_ stopped it.

    With that variable set, glibc's thresholds stay where they start (mmap
    128 KiB): each larger allocation is mapped and faulted in afresh (see the
    module's docstring). Sets them where glibc's own tuning would take them.
    True when it did; False without the variable or without glibc (musl,
    macOS), where there is nothing to mend.
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(
        mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)
    )


def _outcome(future: Any, task: _Task) -> BatchArticle:
    """The article a finished task returned; a worker that died on it fails it."""
    error = future.exception()
    if error is None:
        article: BatchArticle = future.result()
        return article
    if isinstance(error, VersionMismatch):
        raise error
    return BatchArticle(
        task.path,
        task.name,
        ArticleStatus.FAILED,
        error=f"on the cluster: {describe(error)}",
    )


def check_article(
    task: _Task, raw: bytes, url: str, options: BatchOptions, version: str
) -> BatchArticle:
    """On a worker: check one article's bytes against the store at `url`."""
    from distributed import get_worker

    from .batch import _Checker

    if version != __version__:
        raise VersionMismatch(
            f"a Dask worker runs claimcheck {__version__}, the client {version}: "
            "install the same version on every machine"
        )
    key = (url, options.model)
    with _loading:
        if key not in _loaded:
            nlp_.limit_maths_threads(1)
            _loaded[key] = _Checker(open_store(url), nlp_.load(options.model), options)
    checker = _loaded[key]
    article: BatchArticle = checker(task, raw=raw)
    checked[get_worker().address] += 1
    return article


def profiling(dask_worker: Any) -> bool:
    """Whether a worker's statistical profiler runs (`Client.run` passes the worker)."""
    callbacks = dask_worker.periodic_callbacks
    return any(callbacks[n].is_running() for n in _PROFILER_CALLBACKS if n in callbacks)


def worker_counts() -> dict[str, int]:
    """How many articles this worker process checked (run on each worker by `Client.run`)."""
    return dict(checked)
