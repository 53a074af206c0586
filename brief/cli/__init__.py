"""Command-line interface: parse options, call the library once, print the result.

``main`` is the one place that turns errors into exit codes (see ``ExitCode``):
0 ok, 1 error, 2 usage, 3 bad input, 4 backend unavailable, 5 partial digest,
6 network/HTTP error, 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

import typer

try:  # Recent typer releases vendor click under typer._click.
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer with click as a dependency
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from brief.errors import BriefError, ExitCode
from brief.version import __version__

app = typer.Typer(
    name="brief",
    help="Turn news articles into short, trustworthy briefings.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ReaderGone(Exception):
    """stdout's reader went away (``brief ... | head -0``). Not an OSError, so click does not turn it into exit 1."""


def emit(text: str, stream: TextIO | None = None) -> None:
    """Write a result to stdout (or ``stream``) now; a closed pipe becomes ReaderGone (exit 0, no message)."""
    out = stream if stream is not None else sys.stdout
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        raise ReaderGone from None


def _reader_gone() -> None:
    # As the Python docs advise for SIGPIPE: point stdout at devnull so the
    # interpreter's last flush cannot fail again, then exit 0 quietly like `cat`.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(ExitCode.OK)


def _stdout_is_devnull() -> bool:
    try:
        out, null = os.fstat(sys.stdout.fileno()), os.stat(os.devnull)
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (null.st_dev, null.st_ino)


def _version(value: bool) -> None:
    if value:
        emit(f"brief {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Turn news articles into short, trustworthy briefings.

    Exit codes: 0 ok, 1 error, 2 usage, 3 bad input, 4 backend unavailable,
    5 partial digest, 6 network error, 130 interrupted.
    """


def _register_commands() -> None:
    # One module per command keeps this file small; importing them registers them on `app`.
    from brief.cli import clean_cmd, digest_cmd, eval_cmd, models_cmd, scorers_cmd, summarize_cmd  # noqa: F401


def fail(message: str, code: int) -> None:
    """Print one line on stderr and exit with ``code``."""
    from brief import sanitize  # small, but only needed on the error path

    # Messages quote file names and URLs: no control or bidi character may reach the terminal.
    print(f"Error: {sanitize.text(message)}", file=sys.stderr)
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    _register_commands()
    try:
        # Without standalone mode, typer returns an Exit's code (130 for Ctrl-C) instead of exiting.
        returned = app(args=argv, standalone_mode=False, prog_name="brief")
    except BriefError as exc:
        fail(str(exc), exc.exit_code)
    except click_exceptions.NoArgsIsHelpError:
        sys.exit(ExitCode.OK)
    except click_exceptions.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        fail(f"{exc.format_message()}{hint}", ExitCode.USAGE)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        print("", file=sys.stderr)
        sys.exit(ExitCode.INTERRUPTED)
    except SystemExit as exc:
        # Help text goes through click and rich, which answer EPIPE with exit 1 (click after
        # wrapping stdout, rich after pointing it at devnull): the same closed pipe, so exit 0.
        if exc.code == 1 and (type(sys.stdout).__name__ == "PacifyFlushWrapper" or _stdout_is_devnull()):
            _reader_gone()
        raise
    except (ReaderGone, BrokenPipeError):
        # The reader (e.g. `| head`) went away: not an error worth a message.
        _reader_gone()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()
    code = returned if isinstance(returned, int) else ExitCode.OK
    if code == ExitCode.INTERRUPTED:
        print("", file=sys.stderr)
    sys.exit(code)
