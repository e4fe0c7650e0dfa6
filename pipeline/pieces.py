"""Long articles verified in pieces: progress as it goes, and more than one CPU.

A 1 MB article (about 170,000 words) is some 9,000 claims; spaCy reads about
10,000 words a second on one CPU, and each claim is then searched for and
judged. An article over LONG_ARTICLE characters is cut into pieces at
paragraph breaks, each about PIECE characters, and each piece is checked on
its own: its claims extracted and each judged, the claim before the piece
read too, for the context the first claim may lean on (`context_for`).

A piece's claims are those the whole article gives: spaCy reads an article
paragraph by paragraph (`text.chunks`), and a piece is the article cut at a
paragraph break, with `body_start` moved to the paragraph the piece reads
first, so offsets, lines and columns are the whole article's.
tests/test_pieces.py checks the claims and verdicts are the same.

With `jobs` over 1, worker processes (spawned, each loading the model and
opening the store) take pieces from the end while this process takes them
from the start, so the article starts at once and the workers join when
they are ready. Each piece is checked in one snapshot of the store; should
another process change the store meanwhile (the pieces' fingerprints
differ), the pieces are checked again here, in one snapshot.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import nlp as nlp_
from .claims import context_for, extract_claims
from .errors import ClaimcheckError
from .judge import judge_claim
from .match import retrieve
from .records import Article, Claim, ClaimVerdict
from .store import EvidenceStore as Store
from .store import open_store
from .text import chunks

if TYPE_CHECKING:
    from spacy.language import Language

# Articles from this many characters are checked in pieces: below it the
# cost of starting a worker (a second or two, loading the model) is not won back.
LONG_ARTICLE = 100_000
PIECE = 50_000  # characters in a piece: a progress step, a unit of work for a process
# Processes by default (jobs=None): the CPUs available, at most this many, as each
# holds the model (about 300 MB with en_core_web_sm).
DEFAULT_JOBS = 2

Progress = Callable[[int, int], None]  # (characters checked, characters in all)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of an article: its claims start in [start, end); `read_from` <= start."""

    start: int
    end: int
    read_from: int  # the paragraph before `start`, read for the context of its first claim


@dataclass(frozen=True, slots=True)
class Checked:
    """A piece's verdicts, its claims that were not check-worthy, and the store it saw."""

    verdicts: tuple[ClaimVerdict, ...]
    not_checkworthy: tuple[Claim, ...]
    store: str  # the store's fingerprint


def pieces(article: Article, size: int = PIECE) -> list[Piece]:
    """The article's body cut at paragraph breaks into pieces of about `size` characters."""
    starts = [offset for offset, _ in chunks(article.text) if offset >= article.body_start]
    if not starts:
        return [Piece(article.body_start, len(article.text), article.body_start)]
    cut: list[Piece] = []
    first = previous = starts[0]
    begin = article.body_start
    for offset in starts[1:]:
        if offset - begin >= size:
            cut.append(Piece(begin, offset, first))
            begin, first = offset, previous
        previous = offset
    cut.append(Piece(begin, len(article.text), first))
    return cut


def check_piece(
    article: Article,
    piece: Piece,
    store: Store,
    nlp: Language,
    *,
    document_ids: Sequence[str] | None = None,
) -> Checked:
    """The verdicts on the claims of one piece, in one snapshot of the store."""
    part = replace(article, text=article.text[: piece.end], body_start=piece.read_from)
    claims = extract_claims(part, nlp)
    verdicts: list[ClaimVerdict] = []
    not_checkworthy: list[Claim] = []
    with store.snapshot():
        for index, claim in enumerate(claims):
            if claim.start < piece.start:
                continue  # read for the next claim's context only
            if not claim.checkworthy:
                not_checkworthy.append(claim)
                continue
            candidates = retrieve(
                claim, store, context=context_for(claims, index), document_ids=document_ids
            )
            verdicts.append(judge_claim(claim, candidates))
        fingerprint = store.fingerprint()
    return Checked(tuple(verdicts), tuple(not_checkworthy), fingerprint)


def check_long(
    article: Article,
    store: Store,
    nlp: Language,
    *,
    document_ids: Sequence[str] | None = None,
    jobs: int | None = 1,
    model: str | None = None,
    progress: Progress | None = None,
    piece_size: int = PIECE,
) -> Checked:
    """All the article's verdicts, checked piece by piece; with `jobs` > 1, in that many processes.

    `jobs` None: the CPUs available, at most DEFAULT_JOBS. `model` is the
    spaCy pipeline the workers load (the one `nlp` was loaded from). An
    in-memory store cannot be shared: then this process checks every piece.
    `piece_size` is the characters of a piece (pieces are cut at paragraphs).
    """
    cut = pieces(article, piece_size)
    task = _Task(article, tuple(document_ids) if document_ids is not None else None)
    total = sum(p.end - p.start for p in cut)
    done = 0

    def tell(piece: Piece) -> None:
        nonlocal done
        done += piece.end - piece.start
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    if jobs is None:
        from .batch import available_cpus

        jobs = min(available_cpus(), DEFAULT_JOBS)
    workers = min(jobs, len(cut)) - 1
    if workers >= 1 and store.url != ":memory:":
        results = _check_shared(task, cut, store, nlp, workers, model, tell)
    else:
        results = []
        with store.snapshot():
            for piece in cut:
                results.append(task.check(piece, store, nlp))
                tell(piece)
    if len({r.store for r in results}) > 1:  # the store changed meanwhile: once more, one snapshot
        with store.snapshot():
            results = [task.check(piece, store, nlp) for piece in cut]
    return Checked(
        tuple(v for r in results for v in r.verdicts),
        tuple(c for r in results for c in r.not_checkworthy),
        results[-1].store,
    )


@dataclass(frozen=True, slots=True)
class _Task:
    """What every piece of one article is checked with, sent once to each worker."""

    article: Article
    document_ids: tuple[str, ...] | None

    def check(self, piece: Piece, store: Store, nlp: Language) -> Checked:
        return check_piece(
            self.article,
            piece,
            store,
            nlp,
            document_ids=self.document_ids,
        )


def _check_shared(
    task: _Task,
    cut: list[Piece],
    store: Store,
    nlp: Language,
    workers: int,
    model: str | None,
    tell: Callable[[Piece], None],
) -> list[Checked]:
    """Pieces checked here from the first on, and by `workers` processes from the last back.

    A piece no worker has started yet is taken back (its future cancelled)
    when this process reaches it; one a worker has started is waited for.
    """
    from .batch import _ctrl_c_held  # workers start deaf to Ctrl-C, as batch's do

    context = multiprocessing.get_context("spawn")  # not forked: see batch._check_in_pool
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(store.url, model, task),
    )
    results: dict[int, Checked] = {}
    futures: dict[int, Future[Checked]] = {}
    try:
        with _ctrl_c_held():  # workers start on a submit
            for index in range(len(cut) - 1, 0, -1):
                futures[index] = pool.submit(_check_in_worker, cut[index])
        with nlp_.limit_maths_threads(1):  # BLAS threads would spin on the workers' CPUs
            _check_here(task, cut, store, nlp, futures, results, tell)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [results[i] for i in range(len(cut))]


def _check_here(
    task: _Task,
    cut: list[Piece],
    store: Store,
    nlp: Language,
    futures: dict[int, Future[Checked]],
    results: dict[int, Checked],
    tell: Callable[[Piece], None],
) -> None:
    """This process's share: each piece in order that no worker has started."""
    for index, piece in enumerate(cut):
        _collect(futures, results, cut, tell)
        if index in results:
            continue
        future = futures.pop(index, None)
        results[index] = (
            future.result()
            if future is not None and not future.cancel()
            else task.check(piece, store, nlp)
        )
        tell(piece)


def _collect(
    futures: dict[int, Future[Checked]],
    results: dict[int, Checked],
    cut: list[Piece],
    tell: Callable[[Piece], None],
) -> None:
    """The workers' pieces finished so far, counted in the progress as they come."""
    for index in [i for i, f in futures.items() if f.done() and not f.cancelled()]:
        results[index] = futures.pop(index).result()
        tell(cut[index])


_worker: tuple[_Task, Store, Language] | str | None = None


def _start_worker(db: str, model: str | None, task: _Task) -> None:
    """A worker's start: the model loaded and the store opened once, for all its pieces.

    A failure is kept for the pieces to report (raised here, it would only
    break the pool).
    """
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what stops
    nlp_.limit_maths_threads(1)  # the processes are the parallelism
    try:
        _worker = (task, open_store(db), nlp_.load(model))
    except ClaimcheckError as e:
        _worker = str(e)


def _check_in_worker(piece: Piece) -> Checked:
    if isinstance(_worker, str):
        raise ClaimcheckError(_worker)
    if _worker is None:
        raise RuntimeError("long-article worker used before its start")
    task, store, nlp = _worker
    return task.check(piece, store, nlp)
