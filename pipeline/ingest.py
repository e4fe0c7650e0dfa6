"""Ingest: source files -> extract -> nlp -> passages with values -> store.

Files are read one at a time and their paragraphs streamed through spaCy, so
memory stays bounded however large the corpus. A file that cannot be read is
reported and skipped; nothing of it reaches the store.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from glob import has_magic, iglob
from pathlib import Path
from typing import TYPE_CHECKING

from . import nlp as nlp_
from .errors import ClaimcheckError, ExtractionError, ReadOnlyStoreError, describe
from .extract import extract, read_source, source_format
from .limits import DEFAULT_LIMITS, ReadLimits
from .records import Document, Entity, IngestResult, IngestSummary, Metadata, Passage
from .store import EvidenceStore
from .text import MAX_CHUNK as MAX_CHUNK  # re-exported: where the chunk size was first read
from .text import chunks
from .values import find_values

if TYPE_CHECKING:
    from spacy.language import Language

# PDF and HTML files parsed ahead of their turn (`_ReadAhead`): how many, and their bytes.
READ_AHEAD = 4
READ_AHEAD_BYTES = 64 * 1024 * 1024
_PARSED_APART = frozenset({"pdf", "html"})  # the formats parsed in the reader process

# A file read for ingest: its document and the chunks spaCy reads, or why it failed.
_Prepared = tuple[Document, list[tuple[int, str]]] | IngestResult


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How sources are read, and what one source file may cost (`limits`).

    `metadata` is given to every file (over what the file and its sidecar
    say); `pdf_engine` is "pdfium" or "pdfplumber"; `batch_size` is how many
    chunks spaCy analyses at once.
    """

    metadata: Metadata | None = None
    pdf_engine: str = "pdfium"
    limits: ReadLimits = DEFAULT_LIMITS
    batch_size: int = 64


def expand_paths(
    paths: Iterable[str | Path], *, kind: Callable[[Path], str | None] = source_format
) -> tuple[list[Path], list[IngestResult]]:
    """Source files under the given files, folders and glob patterns, and the paths that fail.

    Folders are walked recursively, links to folders followed but each folder
    entered once (no loop can trap the walk); hidden files are skipped, and so
    are files that `kind` gives no format for (by default: sidecar metadata
    files and files of formats that are not sources). A file named directly is
    taken whatever its suffix.
    """
    files: list[Path] = []
    problems: list[IngestResult] = []
    for given in paths:
        text = str(given)
        if has_magic(text) and not Path(text).exists():
            matches = sorted(Path(p) for p in iglob(text, recursive=True))
            if not matches:
                problems.append(IngestResult(text, "failed", error="no file matches this pattern"))
            # The matches get the checks a folder's files get: a broken link
            # or a loop of links is named, not passed over.
            files.extend(m for m in matches if _readable(m, problems, kind))
            continue
        path = Path(text)
        try:
            info = path.stat()
        except OSError as e:
            problems.append(IngestResult(text, "failed", error=_missing(path, e)))
            continue
        if stat.S_ISDIR(info.st_mode):
            files.extend(_walk(path, problems, kind))
        else:
            # A file named directly is taken whatever it is; reading it says
            # what is wrong with a pipe or a device.
            files.append(path)
    unique = list(dict.fromkeys(files))
    return unique, problems


def _missing(path: Path, error: OSError) -> str:
    """Why a path that cannot be looked at is not read."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "broken symbolic link" if os.path.islink(path) else "no such file or folder"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot read: {error.strerror or error}"


def _walk(
    folder: Path, problems: list[IngestResult], kind: Callable[[Path], str | None]
) -> Iterator[Path]:
    """Source files under a folder, links to folders followed, each folder read once.

    A link that leads back to a folder it stands in (a loop) is named with the
    cause and not followed; a folder reached a second way (two links to it, or
    a link and its own path) is not read again. Every folder is entered at most
    once by its real path, so no arrangement of links can trap the walk.
    """

    def on_error(error: OSError) -> None:
        problems.append(
            IngestResult(str(error.filename), "failed", error=f"cannot read: {error.strerror}")
        )

    seen = {os.path.realpath(folder)}
    for root, dirs, names in os.walk(folder, onerror=on_error, followlinks=True):
        here = os.path.realpath(root)
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            path = os.path.join(root, name)
            try:
                real = str(Path(path).resolve(strict=True))
            except (OSError, RuntimeError):  # a loop of links that never reaches a folder
                problems.append(IngestResult(path, "failed", error="symbolic link loop"))
                continue
            if real == here or here.startswith(real + os.sep):
                cause = "symbolic link loop: it leads back to a folder it is in (not followed)"
                problems.append(IngestResult(path, "failed", error=cause))
            elif real not in seen:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            file = Path(root, name)
            if not name.startswith(".") and _readable(file, problems, kind):
                yield file


def _readable(file: Path, problems: list[IngestResult], kind: Callable[[Path], str | None]) -> bool:
    """Whether a file found in a folder or by a pattern is a source to read.

    Files that `kind` gives no format for are passed over, and so are
    folders; one that cannot be looked at (a broken link, a loop of links)
    is named in `problems`.
    """
    if kind(file) is None:
        return False
    try:
        info = file.stat()
    except OSError as e:
        problems.append(IngestResult(str(file), "failed", error=_missing(file, e)))
        return False
    return not stat.S_ISDIR(info.st_mode)


def build_passages(
    document: Document, analyses: Iterable[tuple[int, nlp_.Analysis]]
) -> list[Passage]:
    """Passages (one a sentence) of a document from the analyses of its chunks.

    Offsets are moved from the chunk to the document text; leading and
    trailing whitespace is trimmed off each sentence.
    """
    text = document.text
    passages: list[Passage] = []
    for offset, analysis in analyses:
        for sent in analysis.sentences:
            start, end = offset + sent.start, offset + sent.end
            raw = text[start:end]
            stripped = raw.strip()
            if not stripped:
                continue
            start += len(raw) - len(raw.lstrip())
            end = start + len(stripped)
            entities = tuple(
                Entity(
                    e.label,
                    text[offset + e.start : offset + e.end],
                    offset + e.start,
                    offset + e.end,
                )
                for e in analysis.entities
                if start <= offset + e.start and offset + e.end <= end
            )
            persons = [(e.start - start, e.end - start) for e in entities if e.label == "PERSON"]
            values = tuple(
                find_values(
                    stripped,
                    offset=start,
                    persons=persons,
                    published=document.metadata.published,
                )
            )
            passages.append(
                Passage(
                    document_id=document.id,
                    seq=len(passages),
                    page=document.page_at(start),
                    start=start,
                    end=end,
                    text=stripped,
                    entities=entities,
                    values=values,
                )
            )
    return passages


@dataclass
class _Pending:
    """A document whose chunks are in spaCy's stream."""

    document: Document
    remaining: int
    analyses: list[tuple[int, nlp_.Analysis]] = field(default_factory=list)


def ingest(
    paths: Iterable[str | Path],
    store: EvidenceStore,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    options: IngestOptions | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest source files, folders and globs into the store; return what happened to each.

    A file already stored (same content hash) is "unchanged" and not read
    again; a changed file "replaced" its older version; a file that cannot be
    read is "failed", with the cause, and the run goes on. `on_start` gets the
    number of files found, `on_result` each file's result as it is known.
    """
    options = options or IngestOptions()
    files, problems = expand_paths(paths)
    if on_start:
        on_start(len(files) + len(problems))
    results: list[IngestResult] = []

    def report(result: IngestResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)

    for problem in problems:
        report(problem)
    todo: list[tuple[Path, str]] = []
    for path in files:
        name = str(path.absolute())
        try:
            # Only the hash is kept: the bytes are read again when the file's turn
            # comes, so that memory holds one file at a time.
            _raw, _sidecar, document_id = read_source(
                path, metadata=options.metadata, max_bytes=options.limits.max_bytes
            )
        except ExtractionError as e:
            report(IngestResult(str(path), "failed", error=e.cause))
            continue
        except Exception as e:  # never one file's surprise for the whole run
            report(IngestResult(str(path), "failed", error=f"unreadable: {describe(e)}"))
            continue
        if store.has_document(document_id):
            report(IngestResult(str(path), "unchanged", document_id=document_id))
        else:
            todo.append((path, name))
    if todo:
        language = nlp if nlp is not None else nlp_.load(model)
        for result in _ingest_new(todo, store, language, options):
            report(result)
    return IngestSummary(tuple(results))


def _ingest_new(
    todo: list[tuple[Path, str]], store: EvidenceStore, nlp: Language, options: IngestOptions
) -> Iterator[IngestResult]:
    """Extract, analyse and store each new file; one file's failure at any stage is its own.

    Files stream through spaCy together (its batches mix files). Should spaCy
    fail, the files in flight are analysed again one by one, so that only the
    file it fails on fails, and the stream goes on with the next file.
    """
    pending: dict[int, _Pending] = {}
    failures: list[IngestResult] = []
    files = iter(enumerate(todo))
    taken = [0]  # files taken from `files`
    reader = _ReadAhead(todo, options)

    def stream() -> Iterator[tuple[str, tuple[int, int]]]:
        for index, _ in files:
            taken[0] += 1
            parts = reader.prepared(index)
            if isinstance(parts, IngestResult):
                failures.append(parts)
                continue
            document, chunked = parts
            pending[index] = _Pending(document, len(chunked))
            for offset, part in chunked:
                yield part, (index, offset)

    with reader:
        while True:
            before = taken[0]
            try:
                for analysis, (index, offset) in nlp_.analyse(
                    stream(), nlp, batch_size=options.batch_size
                ):
                    yield from _drain(failures)
                    entry = pending[index]
                    entry.analyses.append((offset, analysis))
                    entry.remaining -= 1
                    if entry.remaining == 0:
                        del pending[index]
                        yield _store_document(store, entry, todo[index][0])
                break
            except ReadOnlyStoreError:  # from the store, not spaCy: no file can be stored
                raise
            except Exception:
                if not pending and taken[0] == before:
                    raise  # spaCy fails on no file in particular: a tool error
                yield from _drain(failures)
                for index in sorted(pending):
                    yield _analyse_alone(store, nlp, pending.pop(index), todo[index][0])
        yield from _drain(failures)


def _prepare(path: Path, name: str, options: IngestOptions) -> _Prepared:
    """A file's document and its chunks for spaCy, or its failure if it is unreadable."""
    limits = options.limits
    try:
        document = extract(
            path,
            metadata=options.metadata,
            pdf_engine=options.pdf_engine,
            max_bytes=limits.max_bytes,
            max_pages=limits.max_pages,
            max_chars=limits.max_chars,
            timeout=limits.extract_timeout,
            max_memory=limits.extract_max_memory,
        )
        document = replace(document, path=name)
        parts = list(chunks(document.text))
    except ExtractionError as e:
        return IngestResult(str(path), "failed", error=e.cause)
    except Exception as e:  # a reader's library failing in a way it does not document
        return IngestResult(str(path), "failed", error=f"unreadable: {describe(e)}")
    if not parts:
        return IngestResult(str(path), "failed", error="no text to ingest")
    return document, parts


class _ReadAhead:
    """The next PDF and HTML files parsed while spaCy reads the files before them.

    Those formats are parsed in the reader process (`pipeline.extract.worker`)
    while this one waits for it; a thread hands it up to READ_AHEAD of the
    next such files (at most READ_AHEAD_BYTES of them) ahead of their turn,
    one after the other, so that parsing overlaps spaCy's work on the files
    before them instead of adding to it. A file read ahead gives the same
    document or the same failure as in its turn; text and Markdown files are
    read in this process, in their turn.
    """

    def __init__(self, todo: list[tuple[Path, str]], options: IngestOptions) -> None:
        self._todo = todo
        self._options = options
        self._ahead: dict[int, tuple[Future[_Prepared], int]] = {}  # index -> (reading, bytes)
        self._considered = 0  # files before this index were read ahead, or are not to be
        self._pool: ThreadPoolExecutor | None = None

    def prepared(self, index: int) -> _Prepared:
        """File `index`'s document and chunks (or failure); the files after it read ahead."""
        self._read_ahead(index)
        reading = self._ahead.pop(index, None)
        self._read_ahead(index + 1)
        if reading is not None:
            return reading[0].result()
        path, name = self._todo[index]
        return _prepare(path, name, self._options)

    def _read_ahead(self, start: int) -> None:
        self._considered = max(self._considered, start)
        while len(self._ahead) < READ_AHEAD and self._considered < len(self._todo):
            path, name = self._todo[self._considered]
            if source_format(path) in _PARSED_APART:
                try:
                    size = path.stat().st_size
                except OSError:
                    size = 0  # its turn says what is wrong with it
                held = sum(b for _, b in self._ahead.values())
                if self._ahead and held + size > READ_AHEAD_BYTES:
                    return
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(1, thread_name_prefix="claimcheck-read-ahead")
                future = self._pool.submit(_prepare, path, name, self._options)
                self._ahead[self._considered] = (future, size)
            self._considered += 1

    def __enter__(self) -> _ReadAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        """Files read ahead and not taken are dropped; the one being parsed is waited for."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _analyse_alone(
    store: EvidenceStore, nlp: Language, entry: _Pending, path: str | Path
) -> IngestResult:
    """A document analysed in a stream of its own, after spaCy failed on a mixed batch."""
    document = entry.document
    try:
        entry.analyses = [
            (offset, analysis)
            for analysis, offset in nlp_.analyse(
                ((part, offset) for offset, part in chunks(document.text)), nlp
            )
        ]
    except Exception as e:
        return IngestResult(
            str(path),
            "failed",
            document_id=document.id,
            error=f"language analysis failed: {describe(e)}",
        )
    return _store_document(store, entry, path)


def _drain(failures: list[IngestResult]) -> Iterator[IngestResult]:
    while failures:
        yield failures.pop(0)


def store_document(
    document: Document, store: EvidenceStore, nlp: Language, *, name: str | None = None
) -> IngestResult:
    """Analyse and store one document read already (a fetched page); what happened to it."""
    return _analyse_alone(store, nlp, _Pending(document, 0), name or document.path)


def _store_document(store: EvidenceStore, entry: _Pending, path: str | Path) -> IngestResult:
    document = entry.document
    try:
        passages = build_passages(document, entry.analyses)
    except Exception as e:  # the store is not touched yet
        return IngestResult(
            str(path),
            "failed",
            document_id=document.id,
            error=f"cannot build passages: {describe(e)}",
        )
    try:
        status = store.add_document(document, passages)
    except ReadOnlyStoreError:  # no other file could be stored either: the whole run stops
        raise
    except ClaimcheckError as e:
        return IngestResult(str(path), "failed", document_id=document.id, error=str(e))
    except Exception as e:  # add_document rolled its transaction back
        return IngestResult(
            str(path), "failed", document_id=document.id, error=f"cannot store: {describe(e)}"
        )
    return IngestResult(
        str(path),
        status,
        document_id=document.id,
        passages=len(passages),
        words=len(document.text.split()),
    )
