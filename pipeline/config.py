"""Settings from `.claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`.

The first of those found in the start folder or above it wins. Options given on
the command line and environment variables are applied over it by the CLI, in
that order: option, then environment, then file, then the defaults here.
"""

from __future__ import annotations

import os
import re
import tomllib
import warnings
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, ConfigWarning
from .limits import DEFAULT_LIMITS, ReadLimits
from .records import FailLevel

ENV_DB = "CLAIMCHECK_DB"
ENV_SPACY_MODEL = "CLAIMCHECK_SPACY_MODEL"
ENV_FAIL_LEVEL = "CLAIMCHECK_FAIL_LEVEL"
ENV_SCORE_CUTOFF = "CLAIMCHECK_SCORE_CUTOFF"
ENV_BASELINE = "CLAIMCHECK_BASELINE"
ENV_SOURCES = "CLAIMCHECK_SOURCES"
DEFAULT_DB = "claimcheck.db"
# Settings that name files: relative paths in a config file are taken from its folder.
_PATHS = ("db", "baseline", "sources", "decisions")
# Settings that bound what one source file may cost: positive numbers, kept in `limits`.
_LIMITS = tuple(f.name for f in fields(ReadLimits))


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, with its default.

    `db` is the evidence store: an SQLite file (a path, or sqlite:///PATH;
    relative paths are taken from the folder the command runs in) or a
    PostgreSQL database (postgresql://...). `limits` bound what one source file may
    cost (`pipeline.limits.ReadLimits`); the config file gives them as
    top-level keys (`max_bytes`, `max_pages`, `max_chars`, `extract_timeout`,
    `extract_max_memory`). `pdf_engine` is "pdfium" (fast, the default) or
    "pdfplumber" (pdfminer's layout analysis; several times slower).

    The gate's: `fail_level` ("contradicted" or "unverified"); `score_cutoff`
    (0-100), the confidence below which a contradicted or disputed claim only
    warns; `sources` to ingest before checking; `ignore`, claims never to
    fail (a claim id, or a regular expression searched in the claim's text,
    case ignored); `baseline`, the file of accepted findings.

    The newsroom loop's: `fetch_links`, fetch the http(s) links of each draft
    into the store before checking it; `allow_hosts`, hosts (names or
    addresses) that may be fetched from although they are private or local;
    `fetch_timeout` (seconds) and `fetch_max_bytes` (after decompression) for
    one response; `decisions`, a file of editors' decisions (written by
    `claimcheck decisions export`) that the gate and reports honour beside
    those in the store.
    """

    db: str = DEFAULT_DB
    spacy_model: str | None = None
    pdf_engine: str = "pdfium"
    limits: ReadLimits = DEFAULT_LIMITS
    fail_level: str = FailLevel.CONTRADICTED.value
    score_cutoff: int = 0
    sources: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: str | None = None
    fetch_links: bool = False
    allow_hosts: tuple[str, ...] = ()
    fetch_timeout: float = 30.0
    fetch_max_bytes: int = 50 * 1024 * 1024
    decisions: str | None = None

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
    """Settings from the given file, else the nearest one, then the environment over them.

    Raises ConfigError for a value of the wrong type or out of range; warns
    (ConfigWarning) of a key it does not know.
    """
    path = config_path or find_config(start)
    settings = Settings()
    if path is not None:
        table = _read_toml(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("claimcheck", {})
        settings = _apply_table(settings, table, path)
    env: dict[str, Any] = {}
    for name, variable in (
        ("db", ENV_DB),
        ("spacy_model", ENV_SPACY_MODEL),
        ("fail_level", ENV_FAIL_LEVEL),
        ("baseline", ENV_BASELINE),
    ):
        if os.environ.get(variable):
            env[name] = _checked(name, os.environ[variable], variable)
    if os.environ.get(ENV_SCORE_CUTOFF):
        raw = os.environ[ENV_SCORE_CUTOFF].strip()
        if not raw.isdigit():
            raise ConfigError(f"{ENV_SCORE_CUTOFF} must be a whole number from 0 to 100: {raw!r}")
        env["score_cutoff"] = _checked("score_cutoff", int(raw), ENV_SCORE_CUTOFF)
    if os.environ.get(ENV_SOURCES):
        env["sources"] = tuple(p for p in os.environ[ENV_SOURCES].split(os.pathsep) if p)
    return settings.with_overrides(**env)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the configuration: {e}") from e


def _apply_table(settings: Settings, table: dict[str, Any], path: Path) -> Settings:
    # The read limits are top-level keys of the file, as the other settings are.
    known = ({f.name for f in fields(Settings)} - {"limits"}) | set(_LIMITS)
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            warnings.warn(
                f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})",
                ConfigWarning,
                stacklevel=3,
            )
            continue
        values[name] = _checked(name, value, f"{path}: '{key}'")
    for name in _PATHS:
        if name not in values:
            continue
        if name == "sources":
            values[name] = tuple(str(path.parent / p) for p in values[name])
        elif values[name] and "://" not in values[name] and not Path(values[name]).is_absolute():
            values[name] = str(path.parent / values[name])
    limits = {name: values.pop(name) for name in _LIMITS if name in values}
    return replace(settings, limits=replace(settings.limits, **limits), **values)


def _checked(name: str, value: Any, origin: str) -> Any:
    """The value for setting `name` if it has the right type and range; ConfigError if not."""
    if name == "fetch_links":
        if not isinstance(value, bool):
            raise ConfigError(f"{origin} must be true or false, not {value!r}")
        return value
    if name in (*_LIMITS, "score_cutoff", "fetch_timeout", "fetch_max_bytes"):
        return _checked_number(name, value, origin)
    if name in ("sources", "ignore", "allow_hosts"):
        return _checked_list(name, value, origin)
    if not isinstance(value, str):
        raise ConfigError(f"{origin} must be a str, not {value!r}")
    if name == "fail_level" and value not in {level.value for level in FailLevel}:
        levels = " or ".join(level.value for level in FailLevel)
        raise ConfigError(f"{origin} must be {levels}, not {value!r}")
    return value


def _checked_number(name: str, value: Any, origin: str) -> Any:
    """A number setting: an int (or, for timeouts, a float) in range."""
    number = (int, float) if name in ("extract_timeout", "fetch_timeout") else int
    if not isinstance(value, number) or isinstance(value, bool):
        kind = "an int" if number is int else "a number"
        raise ConfigError(f"{origin} must be {kind}, not {value!r}")
    if name == "score_cutoff" and not 0 <= value <= 100:
        raise ConfigError(f"{origin} must be from 0 to 100, not {value}")
    if name != "score_cutoff" and value <= 0:
        raise ConfigError(f"{origin} must be more than 0, not {value}")
    return value


def _checked_list(name: str, value: Any, origin: str) -> tuple[str, ...]:
    """A list-of-strings setting; `ignore`'s each a regular expression."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{origin} must be a list of strings, not {value!r}")
    if name == "ignore":
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as e:
                raise ConfigError(f"{origin}: not a regular expression: {pattern!r} ({e})") from e
    return tuple(value)
