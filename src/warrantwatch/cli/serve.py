"""`serve`: the web page and REST API on localhost."""

from __future__ import annotations

from typing import Annotated

import typer

from warrantwatch.cli.output import whole_number


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(parser=whole_number, help="Port.")] = 8000,
) -> None:
    """Start the web app (page at /, API under /api, OpenAPI docs at /docs)."""
    import uvicorn

    from warrantwatch.records.knowledge import bundled

    bundled()  # load and validate the data before accepting requests
    uvicorn.run("warrantwatch.api.app:app", host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command()(serve)
