"""Settings from `.claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`.

The first of those found in the start folder or above it wins. Options given on
the command line and environment variables are applied over it by the CLI, in
that order: option, then environment, then file, then the defaults here.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

ENV_DB = "CLAIMCHECK_DB"
ENV_SPACY_MODEL = "CLAIMCHECK_SPACY_MODEL"
DEFAULT_DB = "claimcheck.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, with its default.

    `db` is the evidence store (an SQLite file; relative paths are taken from
    the folder the command runs in). `max_bytes` and `max_pages` bound what one
    source file may cost. `pdf_engine` is "pdfium" (fast, the default) or
    "pdfplumber" (pdfminer's layout analysis; several times slower).
    """

    db: str = DEFAULT_DB
    spacy_model: str | None = None
    pdf_engine: str = "pdfium"
    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 5000

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with every override that is not None applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config(start: Path | None = None) -> Path | None:
    """The nearest `.claimcheck.toml`, or `pyproject.toml` with a `[tool.claimcheck]` table."""
    folder = (start or Path.cwd()).resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / ".claimcheck.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "claimcheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_settings(config_path: Path | None = None, *, start: Path | None = None) -> Settings:
    """Settings from the given file, else the nearest one, then the environment over them."""
    path = config_path or find_config(start)
    settings = Settings()
    if path is not None:
        table = _read_toml(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("claimcheck", {})
        settings = _apply_table(settings, table, path)
    return settings.with_overrides(
        db=os.environ.get(ENV_DB) or None,
        spacy_model=os.environ.get(ENV_SPACY_MODEL) or None,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the configuration: {e}") from e


def _apply_table(settings: Settings, table: dict[str, Any], path: Path) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            continue  # other issues' settings (gate, batch) live in the same table
        expected = int if name in ("max_bytes", "max_pages") else str
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(f"{path}: '{key}' must be a {expected.__name__}, not {value!r}")
        values[name] = value
    if values.get("db") and not Path(values["db"]).is_absolute():
        values["db"] = str(path.parent / values["db"])
    return replace(settings, **values)
