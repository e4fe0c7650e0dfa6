"""claimcheck: check the factual claims of a news article against its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .verification import verify, verify_text

    __version__: str

__all__ = ["__version__", "verify", "verify_text"]


def __getattr__(name: str) -> Any:
    """`verify`, `verify_text` and `__version__`, imported (read) when first used.

    Importing them means importing spaCy's neighbours, the store and the
    judge; a command that needs none of them (`claimcheck gate` on unchanged
    drafts, `--help`) starts without them. The version is read from the
    installed package's metadata (importlib.metadata, some 25 ms to import).
    """
    if name in ("verify", "verify_text"):
        from . import verification

        return getattr(verification, name)
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("claimcheck-pipeline")
        except PackageNotFoundError:  # running from a source tree without installing
            found = "0.0.0"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
