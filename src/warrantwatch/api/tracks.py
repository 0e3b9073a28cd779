"""The tracks endpoints: the watchlist with its latest alerts (for the page's panel) and the Atom
feed of alerts. Alerts are read from the DuckDB track store named by $WARRANTWATCH_TRACKS_DB
(default `warrantwatch-tracks.duckdb`), written by `warrantwatch tracks alerts|follow`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import Response

from warrantwatch.records.knowledge import bundled
from warrantwatch.tracks.watchlist import CREDIT, listing


def _store_path() -> Path:
    return Path(os.environ.get("WARRANTWATCH_TRACKS_DB", "warrantwatch-tracks.duckdb"))


def saved_alerts(limit: int = 50) -> list[dict[str, Any]]:
    path = _store_path()
    if not path.exists():  # no store: no alerts, and no need to load DuckDB for the page's panel
        return []
    from warrantwatch.tracks.store import Store

    with Store.open(path, read_only=True) as store:
        try:
            return store.saved_alerts(limit)
        except Exception:  # an older store without the alerts table: no alerts yet
            return []


def register(app: FastAPI) -> None:
    @app.get("/api/aircraft", summary="Watched state aircraft, their associations and the latest alerts")
    def aircraft() -> dict[str, Any]:
        kb = bundled()
        return {
            "aircraft": listing(kb),
            "alerts": [{k: d[k] for k in ("id", "headline", "confidence", "date", "state", "cannot_show")}
                       | {"outcome": d["assessment"]["outcome"]} for d in saved_alerts(20)],
            "credit": CREDIT,
        }

    @app.get("/api/alerts.atom", summary="Alerts as an Atom feed", response_class=Response)
    def alerts_atom() -> Response:
        from warrantwatch.tracks.alerts import atom

        return Response(atom(saved_alerts(100), feed_url="urn:warrantwatch:alerts"),
                        media_type="application/atom+xml")
