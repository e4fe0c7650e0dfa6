"""claimcheck: check the factual claims of a news article against its sources."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("claimcheck-pipeline")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from .verification import verify, verify_text

__all__ = ["__version__", "verify", "verify_text"]


def __getattr__(name: str) -> Any:
    """`verify` and `verify_text`, imported when first used.

    Importing them means importing spaCy's neighbours, the store and the
    judge; a command that needs none of them (`claimcheck gate` on unchanged
    drafts, `--help`) starts without them.
    """
    if name in ("verify", "verify_text"):
        from . import verification

        return getattr(verification, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
