"""Watched state aircraft: positions in, take-offs and landings out, alerts where a state is bound to
arrest an associated person. `pipeline` holds the calls; one module per step."""

from warrantwatch.tracks.landings import Event, detect
from warrantwatch.tracks.pipeline import alerts, events, ingest, landings

__all__ = ["Event", "alerts", "detect", "events", "ingest", "landings"]
