"""Watched state aircraft: positions in, take-offs and landings out, alerts where a state is bound to
arrest an associated person. `pipeline` holds the calls (`ingest`, `events`, `landings`, `alerts`);
one module per step."""
