"""`route`: the airspaces a flight crosses, the engine's outcome in each, diversions, detours."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def route_command(
    origin: Annotated[str, typer.Argument(help="From: IATA or ICAO code, or city (VKO, UUWW, Moscow).")],
    destination: Annotated[str, typer.Argument(help="To: IATA or ICAO code, or city.")],
    person: Annotated[str, typer.Option("--person", help="Person on board, e.g. putin.")],
    on: Annotated[str | None, typer.Option("--on", help="Date of the flight, YYYY-MM-DD (default: today).")]
    = None,
    avoid: Annotated[str | None, typer.Option("--avoid", help="'obliged' (every state bound to arrest the "
                                              "person) or states: FRA,ESP.")] = None,
    via: Annotated[list[str] | None, typer.Option("--via", help="A stop on the way (repeatable).")] = None,
    speed: Annotated[float, typer.Option("--speed", help="Cruise speed in km/h.")] = 850.0,
    max_leg: Annotated[float | None, typer.Option("--max-leg", help="Longest leg in km: adds refuelling "
                                                  "stops outside avoided states.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
    map_file: Annotated[Path | None, typer.Option("--map", help="Also draw the route: .svg or .png.")] = None,
) -> None:
    """The route between two airports for a person on a date: airspaces crossed (with entry/exit km
    and the engine's outcome), diversion airports, and with --avoid the detour that keeps out."""
    from warrantwatch.cli.output import console, line, print_json
    from warrantwatch.errors import WarrantWatchError
    from warrantwatch.routing import route

    if map_file is not None and map_file.suffix.lower() not in (".svg", ".png"):
        raise WarrantWatchError(f"cannot write {map_file.name!r}: use a .svg or .png file name")
    plan = route(origin, destination, person=person, on=on, avoid=avoid, via=via or (), speed_kmh=speed,
                 max_leg_km=max_leg)
    if map_file is not None:
        from warrantwatch.maps.route import route_map

        try:
            route_map(plan).save(map_file)
        except OSError as exc:
            raise WarrantWatchError(f"cannot write {map_file}: {exc.strerror or exc}") from exc
    if as_json:
        print_json(plan.to_dict())
        return
    out = console()
    o, d = plan.origin, plan.destination
    out.print(line((f"{o.code} {o.name} → {d.code} {d.name}", "bold"),
                   f" · {plan.person_name} · {plan.on.isoformat()}"))
    head = f"{plan.km:,.0f} km, {plan.km / plan.speed_kmh:.1f} h at {plan.speed_kmh:g} km/h"
    if plan.avoided:
        head += f" (direct {plan.direct_km:,.0f} km; +{plan.extra_km:,.0f} km to keep out of " \
                f"{len(plan.avoided_states)} state(s) and their territories)"
    if plan.stops:
        head += " · stops: " + ", ".join(s.code for s in plan.stops)
    out.print(line(head))
    out.print(line(("Airspaces crossed", "bold")))
    for c in plan.airspaces:
        where = f"{c.name}" + (f" ({c.territory_of})" if c.territory_of else "")
        out.print(line(f"  {c.entry_km:>7,.0f}–{c.exit_km:<7,.0f} km  "
                       f"{c.entry_km / plan.speed_kmh:4.1f} h  ", (f"{c.outcome:<13}", _style(c.outcome)),
                       f" {where}"))
        for p in c.positions:
            out.print(line(f"      stated position, {p['date']}" + (" (later)" if p["later"] else "")
                           + f": {p['stance'].replace('_', ' ')} — {p['speaker']}"))
    out.print(line(("Diversion airports (nearest suitable: paved runway ≥ 2,500 m)", "bold")))
    for s in plan.diversion:
        n, alt = s["nearest"], s["nearest_without_duty"]
        text = f"  {s['from_km']:>7,.0f}–{s['to_km']:<7,.0f} km  {n['iata'] or n['icao']} {n['name']} " \
               f"({n['state'] or 'no state'}, ≤{n['distance_km']:,.0f} km)"
        parts = [text, (" bound to arrest", "bold red") if n["bound_to_arrest"] else ""]
        if n["bound_to_arrest"] and alt:
            parts.append(f"; nearest without a duty: {alt['iata'] or alt['icao']} ({alt['state']}, "
                         f"≤{alt['distance_km']:,.0f} km)")
        out.print(line(*parts))
    out.print(line(("Caveats", "bold")))
    for c in plan.caveats:
        out.print(line(f"  • {c}"))
    from warrantwatch.law.currency import reviewed_line

    out.print(line((reviewed_line(plan.reviewed).capitalize(), "dim")))
    if map_file is not None:
        out.print(line(f"wrote {map_file}"))


def _style(outcome: str) -> str:
    return {"OBLIGED": "bold red", "OBLIGED_OTHER": "bold red", "RESIDUAL_DUTY": "red",
            "NOT_OBLIGED": "green"}.get(outcome, "")


def register(app: typer.Typer) -> None:
    app.command("route")(route_command)
