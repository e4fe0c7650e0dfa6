"""Bytes to text: UTF-8 first, else a detected encoding; binary data refused.

A module of its own, outside `extract/`, so that a command that only reads
drafts' text (`claimcheck gate` on drafts that did not change) imports no
reader: the extract package brings YAML, Markdown and the value scanner.
"""

from __future__ import annotations

import re

from .errors import ExtractionError

# Share of control characters (besides tab, newline, carriage return, form feed)
# above which bytes are taken for binary data rather than text.
_MAX_CONTROL_SHARE = 0.01
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
# Control characters that no text holds: below U+0020 but tab, line feed, form feed, return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
# Bytes from which a text in a known encoding shows some language.
_MIN_COHERENT = 1024


def decode(raw: bytes, *, path: str) -> tuple[str, str]:
    """Text from bytes, and the encoding used: UTF-8 first, else a detected encoding.

    Binary data (NUL bytes, many control characters) and bytes in no
    recognisable encoding are refused with an ExtractionError naming the file.
    """
    if not raw.strip():
        raise ExtractionError(path, "empty file: no text to ingest")
    if b"\x00" in raw[:65536] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractionError(path, "binary data (NUL bytes), not text")
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        detected = "utf-8" if _damaged_utf8(raw) else _detect(raw[: 4 * 1024 * 1024])
        if detected is None:
            raise ExtractionError(
                path, "not UTF-8, and no other text encoding fits its bytes (binary data?)"
            ) from None
        encoding = detected
        try:
            # A UTF-8 text with a few broken bytes keeps its words; the bytes become U+FFFD.
            text = (
                raw.decode("utf-8-sig", "replace") if encoding == "utf-8" else raw.decode(encoding)
            )
        except (UnicodeDecodeError, LookupError) as e:
            raise ExtractionError(path, f"not UTF-8, and not valid {encoding} either") from e
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise ExtractionError(path, "binary data (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _damaged_utf8(raw: bytes) -> bool:
    """UTF-8 with a few bad bytes (a cut, a stray byte), rather than another encoding.

    A text in a single-byte code page (Windows-1252: "caf\xe9") has no valid
    multi-byte UTF-8 sequence at all; one whose non-ASCII characters nearly all
    decode as UTF-8 is UTF-8, and detection would only find a code page in
    which its valid sequences turn to nonsense.
    """
    sample = raw[: 4 * 1024 * 1024]
    text = sample.decode("utf-8", "replace")
    bad = text.count("\ufffd") - sample.count("\ufffd".encode())
    good = sum(1 for c in text if ord(c) > 127) - text.count("\ufffd")
    return good >= 3 and bad * 10 <= good


def _detect(raw: bytes) -> str | None:
    """The encoding of non-UTF-8 text: Windows-1252 when it fits as well as the best guess.

    Short Western European texts fit several code pages equally well; for
    English-language news the Western one is by far the likeliest.
    """
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    matches = list(from_bytes(raw))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos:
            return match.encoding
    if best.coherence == 0 and len(raw) >= _MIN_COHERENT:
        # Random bytes decode without error in some double-byte code page, as
        # text in no language at all: binary data, not a text.
        return None
    return best.encoding
