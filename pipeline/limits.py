"""What one file may cost: the read limits every reader of sources and articles shares.

`ReadLimits` is the one record of them: the settings (`pipeline.config`),
ingest's `IngestOptions` and batch's `BatchOptions` each hold one, so a limit
added here reaches all three. The constants are its defaults, and the
library's reading functions take them as their own, so that a caller of the
Python API is held to the same bounds as the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 200 * 1024 * 1024  # bytes of one source file
MAX_PAGES = 5000  # pages of one PDF
MAX_CHARS = 20_000_000  # characters of text extracted from one file (~3.5 million words)
EXTRACT_TIMEOUT = 60.0  # seconds the worker may parse one PDF or HTML page
EXTRACT_MAX_MEMORY = 1024  # MB the worker may use while it does


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What reading one file may cost.

    `max_bytes` of file, `max_pages` of PDF and `max_chars` of extracted
    text; PDF and HTML are parsed in a worker process that may take
    `extract_timeout` seconds and `extract_max_memory` MB a file. Every
    limit is a positive number (the config file's values are checked so).
    """

    max_bytes: int = MAX_BYTES
    max_pages: int = MAX_PAGES
    max_chars: int = MAX_CHARS
    extract_timeout: float = EXTRACT_TIMEOUT
    extract_max_memory: int = EXTRACT_MAX_MEMORY


DEFAULT_LIMITS = ReadLimits()
