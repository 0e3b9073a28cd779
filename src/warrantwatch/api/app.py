"""FastAPI app: parse the request, call `warrantwatch.queries` (or news/maps), return JSON.

One exception handler turns every `WarrantWatchError` into one JSON shape:
`{"error": {"type", "message", "suggestions"}}` with 404 for unknown names, 422 for bad dates or
input, 413 for oversized bodies; nothing else leaks (no stack traces).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import os
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, suppress
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi import Path as Path_
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from warrantwatch import queries
from warrantwatch.api.briefs import UnknownBrief
from warrantwatch.errors import BadDate, UnknownName, WarrantWatchError, one_line
from warrantwatch.law.warrants import warrant_on
from warrantwatch.records.dates import parse_day
from warrantwatch.records.knowledge import bundled

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 256 * 1024
MAX_ARTICLE_CHARS = 100_000


class PayloadTooLarge(WarrantWatchError):
    pass


def _error(status: int, kind: str, message: str, suggestions: list[str] | None = None) -> JSONResponse:
    """The one error body; the message is one line of bounded length, whatever it quotes."""
    return JSONResponse({"error": {"type": kind, "message": one_line(message), "suggestions": suggestions or []}},
                        status_code=status)


@asynccontextmanager
async def _lifespan(_app: FastAPI):
    if os.environ.get("WARRANTWATCH_WARM_UP", "1") != "0":
        warm_up()  # counted in the server's start-up, not in the first visitor's wait
    yield


def create_app() -> FastAPI:
    app = FastAPI(title="warrantwatch", version="0.1.0", lifespan=_lifespan, docs_url=None, redoc_url=None,
                  description="Is a state bound to arrest a person wanted by the ICC, and what has it done before?")

    @app.exception_handler(WarrantWatchError)
    async def _domain(_request: Request, exc: WarrantWatchError) -> JSONResponse:
        if isinstance(exc, UnknownName | UnknownBrief):
            return _error(404, type(exc).__name__, str(exc), getattr(exc, "suggestions", []))
        if isinstance(exc, PayloadTooLarge):
            return _error(413, "PayloadTooLarge", str(exc))
        status = 422 if isinstance(exc, BadDate) else 400
        return _error(status, type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
        return _error(422, "InvalidRequest", f"{where}: {message}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "HTTPError", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return _error(500, "InternalError", "internal error; the request was not completed")

    @app.middleware("http")
    async def _reviewed(request: Request, call_next):
        response = await call_next(request)
        reviewed = bundled().reviewed  # every answer names the day its record was last reviewed
        if reviewed is not None:
            response.headers["X-Record-Reviewed"] = reviewed.isoformat()
        return response

    @app.middleware("http")
    async def _cache(request: Request, call_next):
        """GET answers depend only on the URL (and the data, fixed while the server runs): let the
        browser keep them. The page's own files are revalidated, so a new version shows at once."""
        response = await call_next(request)
        if request.method == "GET" and response.status_code == 200:
            path = request.url.path
            if (path.startswith("/api/") and "on=" in request.url.query) or path.startswith("/api/maps/"):
                response.headers.setdefault("Cache-Control", "public, max-age=3600")
            elif path.startswith("/api/"):
                response.headers.setdefault("Cache-Control", "public, max-age=300")
            else:
                response.headers.setdefault("Cache-Control", "no-cache")
        return response

    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)

    _security(app)
    _routes(app)
    from warrantwatch.api import tracks

    tracks.register(app)

    _docs(app)
    app.mount("/", StaticFiles(directory=STATIC, html=True), name="page")
    return app


def _security(app: FastAPI) -> None:
    """Middleware, innermost first: CORS for read-only calls, the body limit on the bytes read,
    HEAD as GET without the body, security headers on every answer (see `api.security`)."""
    from fastapi.middleware.cors import CORSMiddleware

    from warrantwatch.api.security import BodyLimit, HeadAsGet, SecurityHeaders

    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD"],
                       allow_credentials=False, expose_headers=["X-Map-Caption"], max_age=600)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)


def _docs(app: FastAPI) -> None:
    """/docs (Swagger UI) and /redoc (ReDoc) from assets installed with the package (PyPI
    `fastapi-offline` ships swagger-ui-dist and ReDoc's standalone bundle): they work offline."""
    import fastapi_offline
    from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
    from fastapi.responses import HTMLResponse

    from warrantwatch.api.security import docs_policy

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    def page(response: HTMLResponse) -> HTMLResponse:
        html = response.body.decode()
        return HTMLResponse(html, headers={"Content-Security-Policy": docs_policy(html)})

    @app.get("/docs", include_in_schema=False)
    def swagger(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return page(get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}", title="warrantwatch API",
            swagger_js_url=f"{root}/docs-assets/swagger-ui-bundle.js",
            swagger_css_url=f"{root}/docs-assets/swagger-ui.css",
            swagger_favicon_url=f"{root}/docs-assets/favicon.png"))

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return page(get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}", title="warrantwatch API",
            redoc_js_url=f"{root}/docs-assets/redoc.standalone.js", with_google_fonts=False,
            redoc_favicon_url=f"{root}/docs-assets/favicon.png"))


def _day(value: Any) -> dt.date:
    try:
        return parse_day(value)
    except BadDate as exc:
        raise ValueError(exc.reason) from exc


# A day in a request body, read by the same rule as everywhere else (ASCII digits, supported range).
UserDay = Annotated[dt.date, BeforeValidator(_day)]


class BriefRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS, description="The article text.")
    published: UserDay | None = Field(default=None, description="Publication date, YYYY-MM-DD (ASCII digits, "
                                      "1998-07-17 to 2100-12-31), for an article that carries none in a "
                                      "dateline; default: today.")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)


class MapFormat(StrEnum):
    svg = "svg"
    png = "png"


def _brief(ident: str, stored: dict[str, Any], fmt: BriefFormat) -> Any:
    from warrantwatch.news.brief import build, to_html, to_markdown
    from warrantwatch.news.reading import Article

    published = dt.date.fromisoformat(stored["published"])
    article = Article(stored["text"], None, stored.get("title"), stored.get("url"), "api")
    # A brief stored before the origin was kept had its date given with the request.
    origin = stored.get("published_from", "request")
    # The page's JSON and Markdown carry the map's caption and alt text only (the page asks for the
    # map itself); only the HTML file embeds the drawn map.
    maps = "draw" if fmt is BriefFormat.html else "text"
    made = build(bundled(), article, published, maps=maps, published_from=origin)
    if fmt is BriefFormat.json:
        return {"id": ident, "text": stored["text"], **made.to_dict()}
    name = f"brief-{published}-{ident[:8]}.{fmt.value}"
    text, media = (to_markdown(made), "text/markdown") if fmt is BriefFormat.md else (to_html(made), "text/html")
    return Response(text, media_type=f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


class DataFormat(StrEnum):
    json = "json"
    csv = "csv"


def _world_csv(result) -> str:
    import csv
    import io

    from warrantwatch.palette import OUTCOME_LABELS

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["person", "date", "state", "state_name", "outcome", "meaning", "standing", "summary"])
    for a in sorted(result.assessments, key=lambda a: a.area_name):
        writer.writerow([result.person_name, a.on.isoformat(), a.area, a.area_name, a.outcome.name,
                         OUTCOME_LABELS[a.outcome.name], a.standing, a.summary])
    return out.getvalue()


class BriefFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


class PaletteName(StrEnum):
    story = "story"
    colourblind = "colourblind"


@lru_cache(maxsize=8)
def _asset(name: str) -> tuple[bytes, bytes]:
    """The page's own files, read once and kept with their gzip form (they change only with a new
    version of the package)."""
    raw = _palette_css().encode() if name == "palette.css" else (STATIC / name).read_bytes()
    if name == "index.html":  # versioned URLs: the browser keeps each file until it changes
        text = raw.decode()
        for file in PAGE_ASSETS:
            text = text.replace(f'="{file}"', f'="{file}?v={_version(file)}"')
        raw = text.encode()
    return raw, gzip.compress(raw, 6, mtime=0)


def _version(file: str) -> str:
    import hashlib

    return hashlib.sha256(_asset(file)[0]).hexdigest()[:12]


# The embed view (`/?embed=1`) is made to be framed by a newsroom's story on any site; everything else
# stays as strict as for the page.
EMBED_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors *")


def _asset_route(file: str, media: str):
    async def asset(request: Request) -> Response:
        fresh = request.query_params.get("v") == _version(file)
        cache = "public, max-age=31536000, immutable" if fresh else "no-cache"
        return _send(request, _asset(file), media, {"Cache-Control": cache})

    return asset


PAGE_ASSETS = {"app.js": "text/javascript; charset=utf-8", "style.css": "text/css; charset=utf-8",
               "palette.css": "text/css; charset=utf-8", "route.js": "text/javascript; charset=utf-8",
               "tracks.js": "text/javascript; charset=utf-8"}


@lru_cache(maxsize=1)
def _palette_css() -> str:
    from warrantwatch.maps.render import base_style
    from warrantwatch.palette import STORY, page_css

    return page_css(STORY, base_style(STORY))


class FindKind(StrEnum):
    state = "state"
    person = "person"


Width = Annotated[int | None, Query(ge=200, le=4000, description="PNG width in pixels")]


@lru_cache(maxsize=64)
def _obligation_map(person: str, on: dt.date):
    from warrantwatch.maps import obligation_map

    return obligation_map(person, on)


@lru_cache(maxsize=64)
def _world_svg_body(person_id: str, on: dt.date) -> tuple[str, tuple[bytes, bytes]]:
    rendered = _obligation_map(person_id, on)
    raw = rendered.svg.encode()
    return quote(rendered.caption), (raw, gzip.compress(raw, 6, mtime=0))


@lru_cache(maxsize=64)
def _timeline_body(person_id: str, start: dt.date, end: dt.date, territories: bool) -> tuple[bytes, bytes]:
    import json

    from warrantwatch.law.timeline import timeline

    kb = bundled()
    places = queries.drawn_territories(kb) if territories else ()
    body = timeline(kb, person_id, start, end, places).to_dict()
    if territories:  # what the world map draws but assesses for no state, for the page's legend
        body["not_assessed"] = [{"code": c, "name": n} for c, n in queries.drawn_unassessed(kb)]
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return raw, gzip.compress(raw, 6, mtime=0)


def _send(request: Request, body: tuple[bytes, bytes], media: str, headers: dict | None = None) -> Response:
    """A body made once and kept with its gzip form: the page's largest answers cost no work twice."""
    headers = {**(headers or {}), "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(body[1], media_type=media, headers={**headers, "Content-Encoding": "gzip"})
    return Response(body[0], media_type=media, headers=headers)


def warm_up() -> None:
    """What the first visitor would otherwise wait for: the knowledge base and its indexes, the
    resolver, the world frame's projected outlines (by drawing one map), a timeline, and the
    watched-aircraft panel's answer (every page load asks for it)."""
    from warrantwatch.api.tracks import saved_alerts
    from warrantwatch.records.resolve import resolver_for

    kb = bundled()
    resolver_for(kb)
    person = kb.persons[0].id if kb.persons else None
    for name in ("index.html", *PAGE_ASSETS):
        _asset(name)
    with suppress(OSError, ImportError):
        saved_alerts(1)
    if person:
        day = queries.resolve_day(None)
        _timeline_body(person, queries.STATUTE_IN_FORCE, day, True)
        with suppress(ImportError, OSError):  # the page works without maps; start anyway
            _obligation_map(person, day)




# Drawing a map (projecting outlines, then rasterising) holds tens of MB while it runs and is CPU
# bound. Maps are drawn on a pool of their own, as many at once as there are cores, and requests beyond
# that queue: a burst cannot take the server's memory with it, and the memory one drawing frees is
# reused by the next on the same few threads (each thread's allocator arena keeps what it once held).
_MAP_POOL = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2), thread_name_prefix="maps")


class _Answers:
    """Drawn maps by request, kept least recently used first within a byte budget, with one drawing
    per request at a time: concurrent requests for a map being drawn wait for it (single flight).
    Used only from the event loop's thread, so plain dicts suffice."""

    def __init__(self, budget_bytes: int):
        self.budget = budget_bytes
        self.size = 0
        self.done: OrderedDict[tuple, tuple[bytes | str, str]] = OrderedDict()
        self.drawing: dict[tuple, asyncio.Future] = {}

    async def get(self, key: tuple, work) -> tuple[bytes | str, str]:
        if key in self.done:
            self.done.move_to_end(key)
            return self.done[key]
        future = self.drawing.get(key)
        if future is None:
            future = self.drawing[key] = asyncio.wrap_future(_MAP_POOL.submit(work))
            future.add_done_callback(lambda f: self._finish(key, f))
        return await asyncio.shield(future)

    def _finish(self, key: tuple, future: asyncio.Future) -> None:
        self.drawing.pop(key, None)
        if future.cancelled() or future.exception() is not None:
            return
        self.done[key] = answer = future.result()
        self.size += len(answer[0])
        while self.size > self.budget and len(self.done) > 1:
            _, (body, _caption) = self.done.popitem(last=False)
            self.size -= len(body)


_ANSWERS = _Answers(64 * 2**20)


async def _drawn(key: tuple, draw, fmt: MapFormat, width: int | None) -> Response:
    """Draw a map (`draw()` returns a rendered map) on the map pool, once per request key, and
    answer with SVG or PNG. World maps share one frame: its layers are measured at first sight and
    every world map is recoloured from them; a locator map's frame is its own, drawn outline by
    outline. Either way the same URL always takes the same path and gives the same bytes."""

    def work() -> tuple[bytes | str, str]:
        from warrantwatch.maps.layers import measuring

        rendered = draw()
        if fmt is MapFormat.png:
            with measuring("first" if key[0] == "world" else "never"):
                return rendered.png(width), rendered.caption
        return rendered.svg, rendered.caption

    body, caption = await _ANSWERS.get((*key, fmt.value, width), work)
    media = "image/png" if fmt is MapFormat.png else "image/svg+xml"
    return Response(body, media_type=media, headers={"X-Map-Caption": quote(caption)})


On = Annotated[str | None, Query(description="Date YYYY-MM-DD (default: today)", max_length=40)]
Name = Annotated[str, Query(min_length=1, max_length=200)]


def _routes(app: FastAPI) -> None:
    @app.get("/api/persons", summary="Everyone with a public ICC arrest warrant")
    def persons(on: On = None) -> list[dict[str, Any]]:
        kb, day = bundled(), queries.resolve_day(on)
        return [{"id": p.id, "name": p.name, "nationality": p.nationality,
                 "warrants": [{"id": w.id, "situation": w.situation, "issued": str(w.issued),
                               "active": warrant_on(w, day).active} for w in kb.warrants_of.get(p.id, ())]}
                for p in kb.persons]

    @app.get("/api/persons/{person}", summary="A person's warrants and recorded trips")
    def person(person: str, on: On = None) -> dict[str, Any]:
        return queries.person_profile(person, on=on).to_dict()

    @app.get("/api/states", summary="Every state with its standing under the Rome Statute")
    def states(on: On = None) -> list[dict[str, Any]]:
        from warrantwatch.law.membership import standing_on

        kb, day = bundled(), queries.resolve_day(on)
        return [{"iso3": s.iso3, "name": s.name, "standing": standing_on(kb, s.iso3, day).describe()}
                for s in kb.states]

    @app.get("/api/states/{state}", summary="A state's timeline, visits hosted and findings")
    def state(state: str, on: On = None) -> dict[str, Any]:
        return queries.state_profile(state, on=on).to_dict()

    @app.get("/api/find/{kind}", summary="The names a search box query may mean: exact (more than one: "
             "ambiguous) and close matches, from the resolver the CLI uses")
    def find(kind: FindKind, q: Annotated[str, Query(max_length=200)] = "") -> dict[str, Any]:
        from warrantwatch.records.resolve import resolver_for

        kb = bundled()
        resolver = resolver_for(kb)
        index, names = ((resolver.states, {s.iso3: s.name for s in kb.states}) if kind is FindKind.state
                        else (resolver.persons, {p.id: p.name for p in kb.persons}))
        found = index.find(q)
        return {"query": q, **{k: [{"id": i, "name": names[i]} for i in v] for k, v in found.items()}}

    @app.get("/api/assess", summary="Is the state bound to arrest the person on the date?")
    def assess(person: Name, state: Name, on: On = None) -> dict[str, Any]:
        return queries.check(person, state, on).to_dict()

    @app.get("/api/world", summary="Every state's obligation towards the person on the date "
             "(format=csv: one row per state, for download)")
    def world(person: Name, on: On = None, format: DataFormat = DataFormat.json) -> Any:
        result = queries.world(person, on)
        if format is DataFormat.json:
            return result.to_dict()
        return Response(_world_csv(result), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{result.person}-{result.on}.csv"'})

    @app.get("/api/world/timeline", summary="Each state's outcome intervals for the person over a date range")
    def world_timeline(request: Request, person: Name,
                       start: Annotated[str | None, Query(alias="from", max_length=40,
                                                          description="YYYY-MM-DD (default 2002-07-01)")] = None,
                       end: Annotated[str | None, Query(alias="to", max_length=40,
                                                        description="YYYY-MM-DD (default: today)")] = None,
                       territories: Annotated[bool, Query(description="also each dependent territory "
                                                          "the world map draws")] = True,
                       ) -> Response:
        from warrantwatch.records.dates import parse_day
        from warrantwatch.records.resolve import resolver_for

        pid = resolver_for(bundled()).person(person)
        first = queries.STATUTE_IN_FORCE if start is None else parse_day(start)
        return _send(request, _timeline_body(pid, first, queries.resolve_day(end), territories),
                     "application/json")

    @app.post("/api/brief", summary="Article text and publication date → events and assessments; "
              "the brief is kept under an id for /api/brief/{id} and the page's links")
    def brief(request: BriefRequest, format: BriefFormat = BriefFormat.json) -> Any:
        from warrantwatch.api import briefs
        from warrantwatch.clock import today
        from warrantwatch.news.published import published_date
        from warrantwatch.news.reading import Article

        # The article's own date (its dateline) where it has one, else the one given, else today; the
        # day and where it came from are stored with the brief, so its link gives the same brief later.
        article = Article(request.text, None, request.title, request.url, "api")
        day, origin = published_date(article, request.published, today(), given_label="request")
        stored = {**request.model_dump(mode="json"), "published": day.isoformat(), "published_from": origin}
        return _brief(briefs.save(stored), stored, format)

    @app.get("/api/brief/{ident}", summary="A brief made before, by its id (format=md or html: a file)")
    def brief_by_id(ident: Annotated[str, Path_(max_length=64)], format: BriefFormat = BriefFormat.json) -> Any:
        from warrantwatch.api import briefs

        return _brief(ident, briefs.load(ident), format)

    @app.get("/api/palette", summary="The colours and words of each outcome, as the maps use them")
    def palette_json(name: PaletteName = PaletteName.story) -> dict[str, Any]:
        from warrantwatch.palette import describe, palette

        return describe(palette(name.value))

    for file, media in PAGE_ASSETS.items():  # app.js, style.css, palette.css: from memory, compressed once
        app.add_api_route(f"/{file}", _asset_route(file, media), methods=["GET", "HEAD"],
                          include_in_schema=False)

    @app.get("/api/about", summary="What the data covers, for citing: the record's review stamp, counts, "
             "the latest dated fact")
    def about() -> dict[str, Any]:
        kb = bundled()
        latest = kb.latest_fact
        return {"reviewed": kb.reviewed.isoformat() if kb.reviewed else None,
                "evidence_to": str(kb.evidence_to) if kb.evidence_to else None,
                "counts": kb.counts(), "latest_fact": latest.isoformat() if latest else None,
                "today": queries.resolve_day(None).isoformat()}

    @app.get("/api/maps/locator.{fmt}", summary="Locator map: home state orange; with person (and on), "
             "the host coloured by its outcome",
             responses={200: {"content": {"image/svg+xml": {}, "image/png": {}}}})
    async def locator(fmt: MapFormat, home: Name, host: Name, width: Width = None,
                      person: Annotated[str | None, Query(max_length=200)] = None, on: On = None) -> Response:
        from warrantwatch.maps import locator_map

        outcome = queries.check(person, host, on).outcome.name if person else None
        return await _drawn(("locator", home, host, outcome), lambda: locator_map(home, host, outcome=outcome),
                            fmt, width)

    @app.get("/api/maps/world.{fmt}", summary="World map coloured by obligation for a person on a date",
             responses={200: {"content": {"image/svg+xml": {}, "image/png": {}}}})
    async def world_map(request: Request, fmt: MapFormat, person: Name, on: On = None,
                        width: Width = None) -> Response:
        day = queries.resolve_day(on)
        if fmt is MapFormat.svg:
            from warrantwatch.records.resolve import resolver_for

            pid = resolver_for(bundled()).person(person)
            caption, body = await asyncio.wrap_future(_MAP_POOL.submit(_world_svg_body, pid, day))
            return _send(request, body, "image/svg+xml", {"X-Map-Caption": caption})
        return await _drawn(("world", person, day), lambda: _obligation_map(person, day), fmt, width)

    @app.get("/api/route", summary="Airspaces a flight crosses, with the engine's outcome in each; "
             "diversion airports; with avoid, the detour that keeps out")
    def route(origin: Annotated[str, Query(alias="from", min_length=2, max_length=100)],
              destination: Annotated[str, Query(alias="to", min_length=2, max_length=100)],
              person: Name, on: On = None,
              avoid: Annotated[str | None, Query(max_length=2000, description="'obliged' or ISO3 codes")] = None,
              via: Annotated[list[str] | None, Query(max_length=10)] = None,
              speed: Annotated[float, Query(ge=50, le=3000)] = 850.0,
              max_leg: Annotated[float | None, Query(gt=0, le=40000)] = None) -> dict[str, Any]:
        from warrantwatch.routing import route as plan_route

        return plan_route(origin, destination, person=person, on=on, avoid=avoid, via=via or (),
                          speed_kmh=speed, max_leg_km=max_leg).to_dict()

    @app.get("/api/route/map.{fmt}", summary="Map of a route: geodesic legs, avoided states hatched, "
             "diversion airports", responses={200: {"content": {"image/svg+xml": {}, "image/png": {}}}})
    async def route_map(fmt: MapFormat, origin: Annotated[str, Query(alias="from", min_length=2, max_length=100)],
                        destination: Annotated[str, Query(alias="to", min_length=2, max_length=100)],
                        person: Name, on: On = None,
                        avoid: Annotated[str | None, Query(max_length=2000)] = None,
                        width: Width = None) -> Response:
        from warrantwatch.maps.route import route_map as draw
        from warrantwatch.routing import route as plan_route

        day = queries.resolve_day(on)
        return await _drawn(("route", origin, destination, person, day, avoid),
                            lambda: draw(plan_route(origin, destination, person=person, on=day, avoid=avoid)),
                            fmt, width)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page(request: Request) -> Response:
        """The page, with a preload hint for the two large answers its URL asks for (the same URLs
        the page's script builds), so they load while the script does."""
        from urllib.parse import urlencode

        headers = {"Cache-Control": "no-cache"}
        if request.query_params.get("embed") == "1":
            headers["Content-Security-Policy"] = EMBED_POLICY  # a story's page may frame this view
        person, on = request.query_params.get("person"), request.query_params.get("on")
        if person and on and len(person) <= 200 and len(on) == 10:
            timeline = {"person": person, "from": str(queries.STATUTE_IN_FORCE)}
            with suppress(WarrantWatchError):
                if queries.resolve_day(on) > queries.resolve_day(None):
                    timeline["to"] = on
            headers["Link"] = ", ".join(
                f"<{url}>; rel=preload; as=fetch; crossorigin=anonymous" for url in (
                    f"/api/world/timeline?{urlencode(timeline)}",
                    f"/api/maps/world.svg?{urlencode({'person': person, 'on': on})}"))
        return _send(request, _asset("index.html"), "text/html; charset=utf-8", headers)

    @app.get("/api/health", include_in_schema=False)
    def health() -> Response:
        return Response("ok", media_type="text/plain")


app = create_app()
