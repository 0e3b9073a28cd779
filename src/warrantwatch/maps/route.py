"""Route map: the geodesic legs, the airspaces crossed coloured by the engine's outcome, avoided states
hatched, and the diversion airports along the way (red ring: in a state bound to arrest)."""

from __future__ import annotations

import numpy as np

from warrantwatch.geo.airspace import ATTRIBUTION
from warrantwatch.maps.framing import frame_for
from warrantwatch.maps.geometry import level_for
from warrantwatch.maps.obligation import OUTCOME_WORDS
from warrantwatch.maps.palette import palette as get_palette
from warrantwatch.maps.render import Map, Scene, _projected, render, with_desc
from warrantwatch.maps.svg import element, polyline_data

HATCH_PX = 7.0


def _pieces(frame, lonlat: np.ndarray) -> list[np.ndarray]:
    x, y = frame.lonlat_to_px(lonlat[:, 0], lonlat[:, 1])
    pts = np.column_stack([x, y])
    ok = np.isfinite(pts).all(axis=1)
    jumps = np.flatnonzero((np.abs(np.diff(x)) > frame.width / 2) | ~ok[1:] | ~ok[:-1]) + 1
    return [p[np.isfinite(p).all(axis=1)] for p in np.split(pts, jumps) if np.isfinite(p).all(axis=1).sum() >= 2]


def _hatch(frame, level: str, indices: list[int]) -> str:
    """Diagonal lines over the drawn land of the given areas, clipped to them (path data, px)."""
    import shapely

    by_area = _projected(level, frame).by_area
    shapes = []
    for i in indices:
        outer = [shapely.Polygon(r).buffer(0) for r, ext in by_area.get(i, []) if ext and len(r) >= 3]
        inner = [shapely.Polygon(r).buffer(0) for r, ext in by_area.get(i, []) if not ext and len(r) >= 3]
        if outer:
            shapes.append(shapely.difference(shapely.union_all(outer), shapely.union_all(inner))
                          if inner else shapely.union_all(outer))
    if not shapes:
        return ""
    area = shapely.clip_by_rect(shapely.union_all(shapes), 0, 0, frame.width, frame.height)
    w, h = frame.width, frame.height
    lines = [((c, 0.0), (c - h, h)) for c in np.arange(0.0, w + h, HATCH_PX)]
    cut = shapely.intersection(shapely.MultiLineString(lines), area)
    parts = [np.asarray(g.coords) for g in getattr(cut, "geoms", [cut]) if g.geom_type == "LineString"
             and not g.is_empty]
    return "".join(polyline_data(p) for p in parts if len(p) >= 2)


def route_map(plan, *, palette: str = "story", width: int = 1600, height: int = 1000) -> Map:
    """The map of a `routing.RoutePlan`."""
    from warrantwatch.geo.boundaries import load

    pal = get_palette(palette)
    path = np.asarray(plan.path)
    frame = frame_for(path, width, height)
    level = level_for(frame)
    fills = {c.area: f"o-{c.outcome}" for c in plan.airspaces if c.outcome in pal.outcomes}
    colours = {f"o-{o}": pal.outcomes[o] for o in {c.outcome for c in plan.airspaces} if o in pal.outcomes}
    legend = [(f"o-{o}", OUTCOME_WORDS[o]) for o in pal.outcomes if f"o-{o}" in colours]
    o, d = plan.origin, plan.destination
    title = f"{o.code} → {d.code}: {plan.km:,.0f} km" + (f" (+{plan.extra_km:,.0f} km detour)" if plan.avoided
                                                       else "")
    subtitle = f"{plan.person_name}, {plan.on.isoformat()}: airspaces crossed, by the obligation to arrest"
    scene = Scene(frame=frame, palette=pal, fills=fills, colours=colours, doc_title=title, desc="",
                  legend=tuple(legend), legend_title="Airspace crossed", title=title, subtitle=subtitle,
                  level=level)
    svg = render(scene).svg
    over = []
    b = load(level)
    avoided = sorted({b.index[c] for c in plan.avoided if c in b.index})
    if avoided:
        hatch = _hatch(frame, level, avoided)
        if hatch:
            over.append(f'<g transform="scale(0.1)"><path id="avoided" d="{hatch}" fill="none" stroke="#7a1d1d" '
                        'stroke-width="12"><title>avoided airspace</title></path></g>')
    for piece in _pieces(frame, path):
        over.append(f'<g transform="scale(0.1)"><path class="route" d="{polyline_data(piece)}" fill="none" '
                    f'stroke="{pal.arc}" stroke-width="30"/></g>')
    seen = set()
    for stretch in plan.diversion:
        ap = stretch["nearest"]
        if ap["icao"] in seen:
            continue
        seen.add(ap["icao"])
        x, y = frame.lonlat_to_px(*_lonlat(ap["icao"]))
        if not (np.isfinite(x[0]) and 0 <= x[0] <= width and 0 <= y[0] <= height):
            continue
        colour = "#c0392b" if ap["bound_to_arrest"] else "#222222"
        label = f"{ap['iata'] or ap['icao']} {ap['name']} ({ap['state'] or 'no state'})"
        over.append(f'<circle class="diversion" cx="{x[0]:.1f}" cy="{y[0]:.1f}" r="4" fill="#ffffff" '
                    f'stroke="{colour}" stroke-width="2.2">{element("title", label)}</circle>')
    for ap in (o, d, *plan.stops):
        x, y = frame.lonlat_to_px(ap.lon, ap.lat)
        over.insert(0, element("circle", cx=f"{x[0]:.1f}", cy=f"{y[0]:.1f}", r=6, fill=pal.ink))
        over.append(element("text", ap.code, class_="label", x=f"{x[0] + 9:.1f}", y=f"{y[0] - 7:.1f}"))
    key = ("hatched: avoided · " if avoided else "") + "ring: diversion airport (red: bound to arrest)"
    over.append(element("text", key, class_="subtitle", x=16, y=70))
    over.append(element("text", ATTRIBUTION, class_="credit", x=width - 10, y=height - 24, text_anchor="end"))
    svg = svg.replace('<g id="labels">', '<g id="route">' + "".join(over) + '</g><g id="labels">', 1)
    crossed = [c.name for c in plan.airspaces]
    duty = [c.name for c in plan.airspaces if c.outcome in ("OBLIGED", "OBLIGED_OTHER", "RESIDUAL_DUTY")]
    caption = (f"{title}. {subtitle}. States crossed: {', '.join(dict.fromkeys(crossed)) or 'none'}. "
               f"Bound to arrest {plan.person_name} on that day: {', '.join(dict.fromkeys(duty)) or 'none'}. "
               "Overflight is not entry, but a diversion or emergency landing is. " + ATTRIBUTION + ".")
    alt = (f"Map of the geodesic route from {o.name} to {d.name}, {plan.km:,.0f} km, crossing "
           f"{len(set(crossed))} states' airspace; {len(set(duty))} of them bound to arrest {plan.person_name}.")
    return Map(with_desc(svg, alt), caption, alt, width, height, frame)


def _lonlat(icao: str) -> tuple[float, float]:
    from warrantwatch.geo.airports import suitable

    s = suitable()
    i = int(np.flatnonzero(s.icao == icao)[0])
    return float(s.lon[i]), float(s.lat[i])
