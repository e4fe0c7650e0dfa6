"""One exception family. Library code raises these; the CLI turns them into messages."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of every error claimcheck raises on purpose."""


class ExtractionError(ClaimcheckError):
    """A source file could not be read; the message names the file and the cause."""

    def __init__(self, path: str, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}")


class ModelNotFoundError(ClaimcheckError):
    """No spaCy pipeline could be loaded."""


class StoreError(ClaimcheckError):
    """The evidence store could not be opened, migrated or written."""


class ReadOnlyStoreError(StoreError):
    """A write was asked of a store that cannot be written (its file, folder or mount)."""


class ConfigError(ClaimcheckError):
    """A configuration file or option is invalid."""


class GateError(ClaimcheckError):
    """The gate cannot run as asked: a missing draft, a bad baseline, an unknown git revision."""


class ConfigWarning(UserWarning):
    """A configuration file holds something claimcheck does not know (a misspelt key)."""


def describe(error: BaseException) -> str:
    """An exception claimcheck did not foresee, in one line: its type and its message."""
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
