"""The command line: parse, call the library, format. Errors become one line and exit status 2."""

from __future__ import annotations

import sys

import typer

from warrantwatch.cli import data, lookup, maps, news, obligation, route, serve

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
route.register(app)
serve.register(app)
app.add_typer(data.app, name="data")


def main(argv: list[str] | None = None) -> int:
    """Entry point: 0 ok, 2 bad input (one line, with suggestions), 1 anything else.

    Returns the status when given `argv` (tests); exits with it as the console script.
    """
    from warrantwatch.errors import WarrantWatchError

    try:
        app(args=argv, prog_name="warrantwatch")
        code = 0
    except SystemExit as exc:  # typer's own exit: help, usage errors (2), Ctrl-C (1)
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except WarrantWatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        code = exc.exit_code
    if argv is None:
        sys.exit(code)
    return code
