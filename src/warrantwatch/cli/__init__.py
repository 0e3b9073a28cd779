"""The command line: parse, call the library, format. Errors become one line and exit status 2."""

from __future__ import annotations

import os
import re
import sys
from itertools import pairwise

# One BLAS thread: the commands do no large matrix work, and starting OpenBLAS's pool of threads
# costs every command that loads numpy (maps, routes) about 0.02 s. A user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import importlib

import typer

HELP = "Is a state bound to arrest a person wanted by the ICC, and what has it done before?"
# Which module registers each top-level command (each module: one command group, `register(app)`).
COMMANDS = {"check": "obligation", "world": "obligation", "person": "lookup", "persons": "lookup",
            "state": "lookup", "map": "maps", "brief": "news", "watch": "news", "alerts": "news",
            "eval": "news", "serve": "serve", "data": "data", "route": "route", "tracks": "tracks"}


class _Listing:
    """Stands in for the app in `register(app)` when only the top-level help is wanted: each command
    is added with its name and help but no parameters, and each group without its commands, so typer
    does not build every command's parser (reading the signatures and evaluating the annotations of
    26 functions, ~0.015 s) to print one line per command. The help printed is the same."""

    def __init__(self, app: typer.Typer) -> None:
        self.app = app

    def command(self, name: str | None = None, **kw):
        def add(function):
            def listed() -> None:
                pass
            listed.__name__, listed.__doc__ = function.__name__, function.__doc__
            self.app.command(name, **kw)(listed)
            return function
        return add

    def add_typer(self, group: typer.Typer, **kw) -> None:
        import copy

        listed = copy.copy(group)
        listed.registered_commands, listed.registered_groups = [], []
        self.app.add_typer(listed, **kw)


def make_app(command: str | None = None, listing: bool = False) -> typer.Typer:
    """The typer app with every command, or with only the module of `command`: typer builds the
    parser of every registered command on each run (0.01 to 0.03 s for all of them), and a run
    needs one. Unknown names and suggestions use the whole app; the top-level help (`listing`)
    the names and help of every command only (_Listing)."""
    app = typer.Typer(
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        # Plain help text: typer's rich help imports rich's Markdown renderer, 0.05 s on every --help.
        rich_markup_mode=None,
    )
    if command is not None:
        # A typer app of one command runs it without its name; a callback keeps it a group.
        app.callback()(_group)
    target = _Listing(app) if listing else app
    for name in dict.fromkeys(COMMANDS.values() if command is None else (COMMANDS[command],)):
        module = importlib.import_module(f"warrantwatch.cli.{name}")
        if name == "data":
            target.add_typer(module.app, name="data")
        else:
            module.register(target)
    return app


def _group() -> None:
    """Is a state bound to arrest a person wanted by the ICC, and what has it done before?"""


def __getattr__(name: str):
    if name == "app":  # the whole app, for tools that inspect it
        return make_app()
    raise AttributeError(f"module 'warrantwatch.cli' has no attribute {name!r}")


_DATE_LIKE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_DATE_OPTIONS = ("--date", "--day", "--when", "--at")


def _date_hint(ctx, args: list[str]) -> str:
    """The commands take their date as `--on`: say so when a date was given another way (as a third
    argument, or as --date), the mistake a reader of `check PERSON STATE DATE`-style tools makes."""
    if ctx is None or not any("--on" in getattr(p, "opts", ()) for p in ctx.command.params):
        return ""
    for arg in args:
        name, _, value = arg.partition("=")
        if _DATE_LIKE.match(arg) and f"--on={arg}" not in args and ("--on", arg) not in pairwise(args):
            return f"; give the date as --on {arg}"
        if name in _DATE_OPTIONS:
            return f"; give the date as --on{' ' + value if value else ''}"
    return ""


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

    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args and args[0] in COMMANDS else None
    try:
        listing = command is None and all(a == "--help" for a in args)  # `warrantwatch [--help]`
        result = make_app(command, listing)(args=argv, prog_name="warrantwatch", standalone_mode=False)
        code = result if isinstance(result, int) and not isinstance(result, bool) else 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except click_exceptions.NoArgsIsHelpError as exc:
        exc.show()
        code = exc.exit_code
    except click_exceptions.ClickException as exc:  # usage errors: bad option, missing argument
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx else ""
        code = fail(one_line(exc.format_message()) + _date_hint(ctx, args) + hint, exc.exit_code)
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
