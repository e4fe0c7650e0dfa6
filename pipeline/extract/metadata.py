"""Source metadata: from the file itself, a sidecar file, or the caller (CLI options).

A sidecar sits beside the source as `NAME.meta.yaml` (or `.yml`, `.json`), where
NAME is the source's full file name (`report.pdf.meta.yaml`) or its stem
(`report.meta.yaml`). Keys: title, publisher, url, published, kind, note.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import ExtractionError
from ..records import DocumentKind, Metadata

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
# Metadata is a few lines; a metadata file larger than this is not one.
MAX_SIDECAR_BYTES = 1024 * 1024
_KIND_ALIASES = {
    "press release": DocumentKind.PRESS_RELEASE,
    "press-release": DocumentKind.PRESS_RELEASE,
    "pressrelease": DocumentKind.PRESS_RELEASE,
    "article": DocumentKind.NEWS,
    "report": DocumentKind.OTHER,
    "judgment": DocumentKind.COURT,
    "inquest": DocumentKind.COURT,
}
_ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIXES)


def sidecar_for(path: Path) -> Path | None:
    for base in (path.name, path.stem):
        for suffix in SIDECAR_SUFFIXES:
            candidate = path.with_name(base + suffix)
            if candidate.is_file():
                return candidate
    return None


def read_sidecar(path: Path) -> tuple[Metadata, bytes]:
    """The sidecar's metadata and its raw bytes (which count in the document's hash)."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return Metadata(), b""
    try:
        with sidecar.open("rb") as f:
            raw = f.read(MAX_SIDECAR_BYTES + 1)
    except OSError as e:
        raise ExtractionError(
            str(path), f"cannot read its metadata file {sidecar.name}: {e.strerror or e}"
        ) from e
    if len(raw) > MAX_SIDECAR_BYTES:
        raise ExtractionError(
            str(path),
            f"its metadata file {sidecar.name} is over the limit of {MAX_SIDECAR_BYTES:,} bytes",
        )
    try:
        data = json.loads(raw) if sidecar.suffix == ".json" else yaml.safe_load(raw)
    except yaml.YAMLError as e:
        raise ExtractionError(
            str(path), f"cannot read its metadata file {sidecar.name}: {yaml_problem(e)}"
        ) from e
    except ValueError as e:
        raise ExtractionError(
            str(path), f"cannot read its metadata file {sidecar.name}: {e}"
        ) from e
    return metadata_from_mapping(data, origin=f"{path} ({sidecar.name})"), raw


def yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML error on one line: what is wrong and where, without the echoed source lines."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).split("\n")[0]
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return " ".join(f"{problem}{where}".split())


def metadata_from_mapping(data: Any, *, origin: str) -> Metadata:
    """Metadata from a front matter or sidecar mapping; unknown keys are ignored."""
    if data is None:
        return Metadata()
    if not isinstance(data, dict):
        raise ExtractionError(origin, "its metadata is not a mapping of keys to values")
    return Metadata(
        title=_text(data.get("title")),
        publisher=_text(data.get("publisher") or data.get("source") or data.get("sitename")),
        url=_text(data.get("url") or data.get("canonical_url")),
        published=normalise_date(data.get("published") or data.get("date")),
        kind=parse_kind(data.get("kind")),
        note=_text(data.get("note")),
    )


def parse_kind(value: Any) -> DocumentKind:
    """A document kind from free text; anything unknown is OTHER."""
    if not value:
        return DocumentKind.OTHER
    text = str(value).strip().lower()
    try:
        return DocumentKind(text.replace(" ", "_").replace("-", "_"))
    except ValueError:
        return _KIND_ALIASES.get(text, DocumentKind.OTHER)


def normalise_date(value: Any) -> str | None:
    """An ISO date prefix ("2019-07-05", "2019-07", "2019") from a date, datetime or text."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    match = _ISO_PREFIX.match(text)
    if match:
        return match.group(0)
    from ..values import parse_date

    parsed = parse_date(text)
    return parsed[0] if parsed else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
