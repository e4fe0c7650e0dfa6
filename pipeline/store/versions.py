"""What both engines say of a store this claimcheck must not write: a newer one, a read-only one."""

from __future__ import annotations

from .. import __version__
from ..errors import StoreError


def refuse_newer(path: str, applied: dict[str, str | None], known: set[str]) -> None:
    """StoreError when the store holds migrations this claimcheck does not know."""
    unknown = sorted(set(applied) - known)
    if not unknown:
        return
    versions = sorted({v for name in unknown if (v := applied[name])})
    by = f"claimcheck {', '.join(versions)}" if versions else f"schema {unknown[-1]}"
    raise StoreError(
        f"{path}: written by a newer claimcheck ({by}; this is claimcheck {__version__}):"
        " upgrade claimcheck to use this store"
    )


def read_only_error(path: str, what: str = "cannot add to it") -> str:
    return f"{path}: the store is read-only (its file, folder or mount cannot be written): {what}"
