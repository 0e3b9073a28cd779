"""The command line: parse, call the library, format. Errors become one line and exit status 2."""

from __future__ import annotations

import sys

import typer

from warrantwatch.cli import data, lookup, maps, news, obligation, serve

app = typer.Typer(
    help="Is a state bound to arrest a person wanted by the ICC, and what has it done before?",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
obligation.register(app)
lookup.register(app)
maps.register(app)
news.register(app)
serve.register(app)
app.add_typer(data.app, name="data")


def main(argv: list[str] | None = None) -> int:
    """Entry point: 0 ok, 2 bad input (one line, with suggestions), 1 anything else.

    Every failure ends as one line on stderr, never a traceback (set WARRANTWATCH_DEBUG=1 to see
    one for an unexpected error). Returns the status when given `argv` (tests); exits with it as the
    console script.
    """
    import os

    try:  # typer vendors its own copy of click (0.20 and later)
        from typer._click import exceptions as click_exceptions
    except ImportError:  # pragma: no cover - older typer uses click itself
        from click import exceptions as click_exceptions

    from warrantwatch.errors import RecordInvalid, WarrantWatchError, one_line

    def fail(message: str, status: int) -> int:
        print(f"error: {message}", file=sys.stderr)
        return status

    try:
        result = app(args=argv, prog_name="warrantwatch", standalone_mode=False)
        code = result if isinstance(result, int) and not isinstance(result, bool) else 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except click_exceptions.NoArgsIsHelpError as exc:
        exc.show()
        code = exc.exit_code
    except click_exceptions.ClickException as exc:  # usage errors: bad option, missing argument
        hint = f" (see '{exc.ctx.command_path} --help')" if getattr(exc, "ctx", None) else ""
        code = fail(one_line(exc.format_message()) + hint, exc.exit_code)
    except typer.Abort:
        code = fail("aborted", 1)
    except RecordInvalid as exc:
        code = fail(str(exc), exc.exit_code)
    except WarrantWatchError as exc:
        code = fail(one_line(str(exc)), exc.exit_code)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        code = fail(one_line(f"{where}{exc.strerror or exc}"), 1)
    except Exception as exc:  # a bug: say so in one line, and how to see more
        if os.environ.get("WARRANTWATCH_DEBUG"):
            raise
        code = fail(one_line(f"internal error ({type(exc).__name__}: {exc}); please report it with the "
                             "command you ran (WARRANTWATCH_DEBUG=1 shows the traceback)"), 1)
    if argv is None:
        sys.exit(code)
    return code
