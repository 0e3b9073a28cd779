"""Sovereign airspace: each area's land plus its territorial sea (Chicago Convention art. 2; UNCLOS art. 2).

Built by `scripts/build_airspace.py` from the shipped boundaries (Natural Earth, border policy of
`geo.policy`) and OpenStreetMap's maritime boundaries (ODbL: "Map data © OpenStreetMap
contributors"). Longitudes in [-180, 180] (parts east of the antimeridian are cut and moved).
Areas are the same as the boundaries' (`Area`), in the same order; see `airspace.json` for the
source, licence and the approximations.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import numpy as np

from warrantwatch.geo.boundaries import Area, Boundaries, _offsets
from warrantwatch.geo.boundaries import load as load_boundaries


@cache
def metadata() -> dict:
    text = resources.files("warrantwatch.geo").joinpath("data/airspace.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def load() -> Boundaries:
    """The airspace polygons, as `Boundaries` (level "airspace")."""
    with resources.files("warrantwatch.geo").joinpath("data/airspace.npz").open("rb") as fh, \
            np.load(fh) as npz:
        arrays = {k: npz[k] for k in npz.files}
    quantum = float(arrays["quantum"])
    xy = np.column_stack([np.cumsum(arrays["airspace_dx"], dtype=np.int64),
                          np.cumsum(arrays["airspace_dy"], dtype=np.int64)]) * quantum
    land = load_boundaries("10m")
    codes = [a["code"] for a in metadata()["areas"]]
    if codes != [a.code for a in land.areas]:
        raise RuntimeError("airspace.npz is out of date with boundaries.npz: run scripts/build_airspace.py")
    areas: tuple[Area, ...] = land.areas
    return Boundaries("airspace", areas, xy, _offsets(arrays["airspace_rings"]),
                      _offsets(arrays["airspace_polys"]), _offsets(arrays["airspace_areas"]))


def source() -> dict:
    """Sources, licence (ODbL), attribution and the approximations of the airspace file."""
    meta = metadata()
    return {**meta["source"], "approximations": list(meta["approximations"])}


ATTRIBUTION = "Airspace: territorial sea © OpenStreetMap contributors (ODbL), land Natural Earth"
