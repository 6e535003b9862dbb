"""Errors the user can act on, under one base; anything else escaping the library is a bug.

The CLI turns an `RneMatchError` into one line of French (« Erreur : … ») and exit code 1; any
other exception keeps its traceback. Each class also keeps the built-in base it had before the
errors were grouped (ValueError, RuntimeError), so library callers that caught those still do.
"""

from __future__ import annotations


class RneMatchError(Exception):
    """A failure the user can act on; the message is one line of French naming what to fix."""


class InputError(RneMatchError, ValueError):
    """Unreadable signature file: the message names the file, and the line and column if known."""


class OutputError(RneMatchError, ValueError):
    """An output that cannot be written: unknown format, or the input file itself."""


class FormatError(RneMatchError, ValueError):
    """A file that is not an RNE file we can read; the message names the file and the line."""


class DownloadError(RneMatchError, RuntimeError):
    """data.gouv.fr (or another download) failed; files already on disk are untouched."""


class RegistryError(RneMatchError):
    """No usable registry base: none loaded yet, nothing downloaded to load, or a refused query."""


class BaseBusy(RegistryError):
    """The base stayed locked by another process (a `load`, a `verify` saving its run, a
    `review` decision) longer than the lock timeout; nothing was written."""


class SqlRefused(RegistryError):
    """A `sql` statement that would write, reach files, the network or extensions, or read the
    person-id secret: refused before or while it runs."""


class CoverageError(RneMatchError, ValueError):
    """Nothing to compute coverage from; the message says what to run first."""


class MapError(RneMatchError, ValueError):
    """Outlines or a map format that cannot be used; the message names the file."""


class PolicyError(RneMatchError, ValueError):
    """An eligibility level (`--eligible`) that does not exist."""


class InvariantError(RuntimeError):
    """An internal invariant broke (a row lost, the schema out of step): a bug, never a user error,
    so deliberately not an `RneMatchError`. Raised instead of `assert`, which `python -O` removes."""
