"""What one file may cost: the default limits every reader of sources and articles shares.

The settings (`pipeline.config`) start from these, and the library's functions
take them as their defaults, so that a caller of the Python API is held to the
same bounds as the command line.
"""

MAX_BYTES = 200 * 1024 * 1024  # bytes of one source file
MAX_PAGES = 5000  # pages of one PDF
MAX_CHARS = 20_000_000  # characters of text extracted from one file (~3.5 million words)
EXTRACT_TIMEOUT = 60.0  # seconds the worker may parse one PDF or HTML page
EXTRACT_MAX_MEMORY = 1024  # MB the worker may use while it does
