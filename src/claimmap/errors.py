"""Exceptions raised by claimmap.

Problems in one document's *content* are not exceptions: they are
:class:`claimmap.model.Finding` records returned with the result. Exceptions are
for misuse, bad configuration and infrastructure failure::

    ClaimmapError
    ├── ConfigError          bad option, unknown name, invalid setting
    │   └── LexiconError     a data file (gazetteer, actors, lexicon) fails validation
    ├── InputError           an input cannot be read at all (missing file, unreadable)
    └── StoreError           the database cannot be opened, migrated or written

All of them pickle, so they cross process boundaries (Dask) intact.
"""

from __future__ import annotations


class ClaimmapError(Exception):
    """Base class of every error claimmap raises."""


class ConfigError(ClaimmapError):
    """A bad option, an unknown name or an invalid setting."""


class LexiconError(ConfigError):
    """A lexicon data file does not validate; the message names the file and the entry."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(ClaimmapError):
    """An input cannot be read at all; the message names the path and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class StoreError(ClaimmapError):
    """The database cannot be opened, migrated or written; the message names it."""
