"""claimcheck: check the factual claims of a news article against its sources."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimcheck-pipeline")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

from .verification import verify, verify_text

__all__ = ["__version__", "verify", "verify_text"]
