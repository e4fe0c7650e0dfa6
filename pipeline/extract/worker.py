"""PDF and HTML parsing in a process of its own, bounded in time and memory.

This module is the one place that knows which formats are parsed in the
worker (`FORMATS`, format -> the function that parses it there); the readers
(`pdf`, `html`) know nothing of the worker. `read_pdf` and `read_html` are
what the rest of the package calls.

PDFium parses in-process, in C, and cannot be interrupted; lxml and
trafilatura can take minutes over a hostile page. A source file is therefore
parsed in a worker process (a fresh interpreter, started once and reused for
file after file, so throughput stays that of parsing in place) under an
address-space limit (`RLIMIT_AS`, POSIX only). The caller waits at most the
time limit: a worker that overruns it is killed, one that runs out of memory
dies, and either way the file fails with its cause while the next file gets a
new worker.

The worker speaks JSON, not pickle, over its standard input and output: what a
hostile file might make of the worker must not become code in the caller.

Run as `python -P -m pipeline.extract.worker MAX_MEMORY_MB` by `Worker`.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import ExtractionError, describe
from ..limits import EXTRACT_MAX_MEMORY, EXTRACT_TIMEOUT, MAX_CHARS, MAX_PAGES
from ..records import DocumentKind, Metadata
from .pdf import ENGINES, pdf_pages, read_pdf_pages

# Every message is a frame: its length (8 bytes, big-endian), then its bytes.
_LENGTH = struct.Struct(">Q")
# A worker dead of one of these signals, with its peak memory at half its
# limit or more, is taken to have run out of memory: PDFium aborts when an
# allocation fails rather than returning an error.
_MEMORY_SIGNALS = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL}
# Seconds a worker may take to start (import its readers), outside any file's time.
STARTUP_TIMEOUT = 120.0


class Worker:
    """The parent's handle on one worker process; thread-safe, one request at a time.

    `read` sends a task and the file's bytes and returns the worker's answer,
    or raises ExtractionError naming the file: for the reader's own errors
    (an encrypted PDF), for a worker that took longer than `timeout` seconds
    (it is killed), or one that died (out of its `max_memory` MB, or crashed).
    """

    def __init__(
        self, *, timeout: float = EXTRACT_TIMEOUT, max_memory: int = EXTRACT_MAX_MEMORY
    ) -> None:
        self.timeout = timeout
        self.max_memory = max_memory
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self.started = 0  # how many processes this handle has started

    def configure(self, *, timeout: float, max_memory: int) -> None:
        """New limits; a running worker started with another memory limit is replaced."""
        with self._lock:
            self.timeout = timeout
            if max_memory != self.max_memory:
                self.max_memory = max_memory
                self._stop()

    def read(self, task: str, path: str, payload: bytes, **arguments: Any) -> Any:
        with self._lock:
            try:
                process = self._running() or self._start()
            except ExtractionError as e:
                raise ExtractionError(path, e.cause) from e
            header = json.dumps({"task": task, "path": path, **arguments}).encode()
            answer: list[bytes | None] = []
            reader = threading.Thread(target=lambda: answer.append(_read_frame(process.stdout)))
            reader.start()
            try:
                assert process.stdin is not None
                process.stdin.write(_LENGTH.pack(len(header)) + header)
                process.stdin.write(_LENGTH.pack(len(payload)))
                process.stdin.write(payload)
                process.stdin.flush()
            except OSError:
                pass  # the worker died while reading the request: its answer says why
            reader.join(self.timeout)
            if reader.is_alive():
                process.kill()
                reader.join()
                self._stop()
                raise ExtractionError(
                    path,
                    f"{FORMATS[task].name} took longer than {self.timeout:g} s to read "
                    "(extract_timeout)",
                )
            if not answer or answer[0] is None:
                raise ExtractionError(path, self._death(task))
            reply = json.loads(answer[0])
            if "cause" in reply:
                raise ExtractionError(path, reply["cause"])
            return reply["result"]

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _running(self) -> subprocess.Popen[bytes] | None:
        """The worker process, if it is still running."""
        process = self._process
        return process if process is not None and process.poll() is None else None

    def _start(self) -> subprocess.Popen[bytes]:
        self._stop()
        env = dict(os.environ)
        # The worker imports this very package, wherever the caller found it,
        # and nothing from the current folder (-P): that folder may be an inbox.
        package_root = str(Path(__file__).resolve().parent.parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        env["OPENBLAS_NUM_THREADS"] = env["OMP_NUM_THREADS"] = "1"
        debug = bool(os.environ.get("CLAIMCHECK_DEBUG"))
        process = self._process = subprocess.Popen(
            [sys.executable, "-P", "-m", __name__, str(self.max_memory)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if debug else subprocess.DEVNULL,
            env=env,
        )
        self.started += 1
        # The worker says when it has imported its readers: that time is not a file's.
        ready: list[bytes | None] = []
        waiting = threading.Thread(target=lambda: ready.append(_read_frame(process.stdout)))
        waiting.start()
        waiting.join(STARTUP_TIMEOUT)
        if waiting.is_alive() or not ready or ready[0] is None:
            process.kill()
            waiting.join()
            self._stop()
            raise ExtractionError("", "the PDF and HTML reader process did not start")
        return process

    def _stop(self) -> float | None:
        """Kill the worker (if any) and reap it; its peak memory in MB, where known."""
        process, self._process = self._process, None
        if process is None:
            return None
        if process.poll() is None:
            process.kill()
        peak_mb = _reap(process)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        return peak_mb

    def _death(self, task: str) -> str:
        """Why the worker died without answering: out of memory, or crashed."""
        process = self._process
        assert process is not None
        peak_mb = self._stop()
        code = process.returncode
        kind = FORMATS[task].name
        starved = code == _EXIT_MEMORY or (
            code is not None
            and code < 0
            and -code in _MEMORY_SIGNALS
            and (peak_mb is None or peak_mb >= self.max_memory / 2)
        )
        if starved:
            return f"{kind} needs more than {self.max_memory} MB to read (extract_max_memory)"
        how = f"signal {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
        return f"the {kind} reader crashed on this file ({how})"


def _reap(process: subprocess.Popen[bytes]) -> float | None:
    """Wait for a finished (or killed) worker; its peak memory in MB where the system says."""
    if hasattr(os, "wait4") and process.returncode is None:
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        except ChildProcessError:  # reaped already
            process.wait()
            return None
        process.returncode = os.waitstatus_to_exitcode(status)
        return usage.ru_maxrss / 1024  # kilobytes on Linux
    process.wait()
    return None


def _read_frame(stream: IO[bytes] | None) -> bytes | None:
    """One length-prefixed frame, or None at the end of the stream."""
    assert stream is not None
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    body = stream.read(size)
    return body if len(body) == size else None


_shared: Worker | None = None
_shared_lock = threading.Lock()


def shared_worker(*, timeout: float, max_memory: int) -> Worker:
    """The process's worker, with these limits: one per process, stopped at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            import atexit

            _shared = Worker(timeout=timeout, max_memory=max_memory)
            atexit.register(_shared.close)
        else:
            _shared.configure(timeout=timeout, max_memory=max_memory)
        return _shared


def read_pdf(
    path: Path,
    raw: bytes,
    *,
    engine: str = "pdfium",
    max_pages: int = MAX_PAGES,
    max_chars: int = MAX_CHARS,
    timeout: float = EXTRACT_TIMEOUT,
    max_memory: int = EXTRACT_MAX_MEMORY,
) -> tuple[list[str], Metadata]:
    """The text of each page (running headers and footers dropped) and the PDF's metadata.

    The PDF is parsed in the worker process, which may take at most `timeout`
    seconds and `max_memory` MB; its lines are made pages here. Raises
    ExtractionError for an encrypted, corrupt, over-long or image-only PDF,
    one with more than `max_chars` characters of text, and one over a limit.
    """
    if engine not in ENGINES:
        raise ExtractionError(str(path), f"unknown PDF engine '{engine}' ({', '.join(ENGINES)})")
    found = shared_worker(timeout=timeout, max_memory=max_memory).read(
        "pdf", str(path), raw, engine=engine, max_pages=max_pages, max_chars=max_chars
    )
    return pdf_pages(path, found["pages"], found["info"])


def read_html(
    text: str, *, path: str, timeout: float = EXTRACT_TIMEOUT, max_memory: int = EXTRACT_MAX_MEMORY
) -> tuple[str, Metadata]:
    """An HTML page's main text and metadata, parsed in the worker process under its limits.

    Raises ExtractionError naming `path`, for the page's own faults and for a
    parse that overran `timeout` seconds or `max_memory` MB.
    """
    found = shared_worker(timeout=timeout, max_memory=max_memory).read(
        "html", path, text.encode("utf-8", "surrogatepass")
    )
    fields = found["metadata"]
    return found["body"], Metadata(**{**fields, "kind": DocumentKind(fields["kind"])})


# The worker's side -----------------------------------------------------------

# Exit code of a worker whose Python code ran out of memory (MemoryError).
_EXIT_MEMORY = 90


def _task_pdf(
    payload: bytes, path: str, engine: str, max_pages: int, max_chars: int
) -> dict[str, Any]:
    pages, info = read_pdf_pages(
        Path(path), payload, engine=engine, max_pages=max_pages, max_chars=max_chars
    )
    return {"pages": pages, "info": info}


def _task_html(payload: bytes, path: str) -> dict[str, Any]:
    # Imported here, not at the top: the caller's process never needs lxml and trafilatura.
    from .html import extract_html

    body, metadata = extract_html(payload.decode("utf-8", "surrogatepass"), path=path)
    return {"body": body, "metadata": asdict(metadata)}


@dataclass(frozen=True)
class _Format:
    """A format parsed in the worker."""

    name: str  # as the messages name it
    task: Callable[..., dict[str, Any]]  # runs in the worker: (payload, path, **options) -> JSON


# Every format parsed in the worker, with the function that parses it there.
FORMATS: dict[str, _Format] = {
    "pdf": _Format("PDF", _task_pdf),
    "html": _Format("HTML page", _task_html),
}


def serve(max_memory_mb: int) -> None:
    """Answer requests on standard input until it closes."""
    # Answers go out on a copy of the standard output; what PDFium or a
    # library prints goes to standard error, never into an answer.
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    # The readers are imported before the memory limit (it bounds files, not
    # imports) and before the caller starts any file's clock.
    import pypdfium2  # noqa: F401 - imported for its load time, before the limit

    from . import html, pdf  # noqa: F401 - imported for their load time, before the limit

    if max_memory_mb > 0:
        try:
            import resource

            limit = max_memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass  # no address-space limit on this system: the time limit still holds
    ready = b"{}"
    channel.write(_LENGTH.pack(len(ready)) + ready)
    channel.flush()
    requests = sys.stdin.buffer
    while True:
        header = _read_frame(requests)
        payload = _read_frame(requests) if header is not None else None
        if header is None or payload is None:
            return
        request = json.loads(header)
        task = FORMATS[request.pop("task")].task
        reply: dict[str, object]
        try:
            reply = {"result": task(payload, **request)}
        except ExtractionError as e:
            reply = {"cause": e.cause}
        except MemoryError:
            sys.exit(_EXIT_MEMORY)
        except RecursionError:
            reply = {"cause": "nested too deeply to read"}
        except Exception as e:  # a parser failing in a way it does not document
            reply = {"cause": f"unreadable: {describe(e)}"}
        del payload
        try:
            body = json.dumps(reply).encode()
        except MemoryError:
            sys.exit(_EXIT_MEMORY)
        channel.write(_LENGTH.pack(len(body)) + body)
        channel.flush()


if __name__ == "__main__":
    serve(int(sys.argv[1]))
