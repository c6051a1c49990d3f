"""One exception tree. Every message says what went wrong and what to do next."""

from __future__ import annotations


class RashomonError(Exception):
    """Base of every error Rashomon raises on purpose."""


class SettingsError(RashomonError):
    """A setting is unknown or has a value of the wrong form."""


class StoreError(RashomonError):
    """The store cannot be opened, migrated or written."""


class InputError(RashomonError):
    """One input cannot be ingested. The batch goes on; the input is recorded as rejected."""


class MissingInput(InputError):
    """The path does not exist or cannot be read."""


class EmptyInput(InputError):
    """The input holds no text."""


class BinaryInput(InputError):
    """The input is not text (an image, an archive, an executable ...)."""


class TooLarge(InputError):
    """The input is bigger than the configured limit."""


class UndecodableInput(InputError):
    """No text encoding fits the bytes."""


class MalformedRecord(InputError):
    """A JSON Lines record is not a JSON object with a ``text`` or ``html`` field."""


class ExportError(RashomonError):
    """An export format or destination is not supported."""


class FetchError(InputError):
    """A URL cannot be fetched: not http(s), a refused address, too many redirects, too big or too slow."""
