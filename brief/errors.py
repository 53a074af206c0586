"""Exit codes and the error types that library code raises.

Library code never exits; it raises one of these. The single catch site in
``brief.cli`` prints ``Error: <message>`` on stderr and exits with ``exit_code``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    BAD_INPUT = 3
    BACKEND_UNAVAILABLE = 4
    PARTIAL = 5
    NETWORK = 6
    INTERRUPTED = 130


class BriefError(Exception):
    """Base class: a problem the user can act on, with a message saying how."""

    exit_code: ExitCode = ExitCode.ERROR


class UsageError(BriefError):
    """An option or argument has an invalid value."""

    exit_code = ExitCode.USAGE


class ConfigError(UsageError):
    """The config file or a BRIEF_* variable is invalid."""


class InputError(BriefError):
    """The input cannot be read or holds nothing to summarize."""

    exit_code = ExitCode.BAD_INPUT


class InputTooLarge(InputError):
    """The input passes the size limit (``--max-bytes``); nothing past the limit was read."""


class NotAnArticle(InputError):
    """A section front, listing or search page: many teasers of other stories, no article of its own."""


class URLGivenAsTextError(InputError):
    """The article text is only a URL: the API does not fetch it unless asked (``url=``)."""


class FetchError(BriefError):
    """A URL could not be fetched (network, HTTP status, content type, size)."""

    exit_code = ExitCode.NETWORK


class BackendUnavailable(BriefError):
    """An optional backend (extra package, model, device) is missing."""

    exit_code = ExitCode.BACKEND_UNAVAILABLE


class OutputError(BriefError):
    """The output file cannot be written, or exists and must not be replaced."""

    exit_code = ExitCode.ERROR


class PartialSuccess(BriefError):
    """The result was written, but some inputs were skipped (reported one per line)."""

    exit_code = ExitCode.PARTIAL
