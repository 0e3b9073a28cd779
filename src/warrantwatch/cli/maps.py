"""`map`: locator, obligation, states-parties and trip maps, written as SVG or PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warrantwatch.cli.output import whole_number


def map_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write: .svg or .png.")],
    home: Annotated[str | None, typer.Option("--home", help="Home state, e.g. RUS (orange).")] = None,
    host: Annotated[str | None, typer.Option("--host", help="Host state, e.g. MNG (green).")] = None,
    person: Annotated[str | None, typer.Option("--person", help="Person: world obligation map; "
                                               "with --host, a trip map.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date, YYYY-MM-DD (default: today; for a "
                                           "trip, the latest recorded visit).")] = None,
    states_parties: Annotated[bool, typer.Option("--states-parties",
                                                 help="Shade Rome Statute parties on --on.")] = False,
    width: Annotated[int, typer.Option("--width", parser=whole_number, help="Width in pixels (PNG and SVG).")] = 1600,
    colourblind: Annotated[bool, typer.Option("--colourblind", "--colorblind",
                                              help="Colour-blind-safe palette (Okabe-Ito).")] = False,
    extent: Annotated[str | None, typer.Option("--extent", help="west,south,east,north in degrees.")]
    = None,
    projection: Annotated[str | None, typer.Option("--projection", help="azimuthal, equal-earth or "
                                                   "equirectangular.")] = None,
    caption: Annotated[bool, typer.Option("--caption", help="Also print the caption and alt text.")]
    = False,
) -> None:
    """Draw a map: --home/--host (locator), --person (world), --person with --host (trip),
    --states-parties."""
    from warrantwatch.errors import WarrantWatchError

    # Each kind of map is imported only when drawn: a locator map needs neither the engine nor news.

    palette = "colourblind" if colourblind else "story"
    if not 200 <= width <= 8000:
        raise WarrantWatchError(f"--width {width}: give 200 to 8000 pixels")
    if output.suffix.lower() not in (".svg", ".png"):
        raise WarrantWatchError(f"cannot write {output.name!r}: use a .svg or .png file name")
    height = round(width * 0.625)
    if states_parties:
        if home or host or person:
            raise WarrantWatchError("--states-parties takes only --on")
        from warrantwatch.maps.obligation import states_parties_map

        made = states_parties_map(on, palette=palette, width=width)
    elif person and host:
        from warrantwatch.maps.trip import trip_map

        made = trip_map(person, host, on, home=home, palette=palette, width=width, height=height,
                        extent=extent, projection=projection)
    elif person:
        from warrantwatch.maps.obligation import obligation_map

        made = obligation_map(person, on, palette=palette, width=width, home=home)
    elif home and host:
        from warrantwatch.maps.locator import locator_map

        made = locator_map(home, host, palette=palette, width=width, height=height, extent=extent,
                           projection=projection)
    else:
        raise WarrantWatchError("say what to draw: --home and --host, --person [--host], "
                                "or --states-parties")
    try:
        path = made.save(output, width)
    except OSError as exc:
        raise WarrantWatchError(f"cannot write {output}: {exc.strerror or exc}") from exc
    print(f"wrote {path} ({made.width}×{made.height})")
    if caption:
        print(f"caption: {made.caption}")
        print(f"alt: {made.alt}")


def register(app: typer.Typer) -> None:
    app.command("map")(map_command)
