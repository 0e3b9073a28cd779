"""Write examples/tracks/trace_full_157716.json: a SYNTHETIC readsb trace (Moscow Vnukovo →
Ulaanbaatar, 2 September 2024) for the watchlist address of RA-96022. Not an observation."""

import datetime as dt
import json
from pathlib import Path

from warrantwatch.tracks import synthetic as sy

out = Path(__file__).resolve().parents[1] / "examples" / "tracks" / "trace_full_157716.json"
table = sy.flight("157716", sy.airport("UUWW"), sy.airport("ZMCK"), dt.datetime(2024, 9, 2, 8, 0, tzinfo=dt.UTC),
                  step_s=30, callsign="RSD001")
out.write_text(json.dumps(sy.to_trace(table, "RA-96022"), separators=(",", ":")) + "\n", encoding="utf-8")
print(f"wrote {out} ({table.num_rows} positions, synthetic)")
