"""FastAPI app: parse the request, call `warrantwatch.queries` (or news/maps), return JSON.

One exception handler turns every `WarrantWatchError` into one JSON shape:
`{"error": {"type", "message", "suggestions"}}` with 404 for unknown names, 422 for bad dates or
input, 413 for oversized bodies; nothing else leaks (no stack traces).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from warrantwatch import queries
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


def create_app() -> FastAPI:
    app = FastAPI(title="warrantwatch", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Is a state bound to arrest a person wanted by the ICC, and what has it done before?")

    @app.exception_handler(WarrantWatchError)
    async def _domain(_request: Request, exc: WarrantWatchError) -> JSONResponse:
        if isinstance(exc, UnknownName):
            return _error(404, type(exc).__name__, str(exc), exc.suggestions)
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

    _security(app)
    _routes(app)
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


Width = Annotated[int | None, Query(ge=200, le=4000, description="PNG width in pixels")]


@lru_cache(maxsize=64)
def _obligation_map(person: str, on: dt.date):
    from warrantwatch.maps import obligation_map

    return obligation_map(person, on)


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

    @app.get("/api/assess", summary="Is the state bound to arrest the person on the date?")
    def assess(person: Name, state: Name, on: On = None) -> dict[str, Any]:
        return queries.check(person, state, on).to_dict()

    @app.get("/api/world", summary="Every state's obligation towards the person on the date")
    def world(person: Name, on: On = None) -> dict[str, Any]:
        return queries.world(person, on).to_dict()

    @app.post("/api/brief", summary="Article text and publication date → events and assessments")
    def brief(request: BriefRequest) -> dict[str, Any]:
        from warrantwatch.clock import today
        from warrantwatch.news.brief import build
        from warrantwatch.news.published import published_date
        from warrantwatch.news.reading import Article

        article = Article(request.text, None, request.title, request.url, "api")
        day, origin = published_date(article, request.published, today(), given_label="request")
        return build(bundled(), article, day, published_from=origin).to_dict()

    @app.get("/api/maps/locator.{fmt}", summary="Locator map: home state orange, host green",
             responses={200: {"content": {"image/svg+xml": {}, "image/png": {}}}})
    async def locator(fmt: MapFormat, home: Name, host: Name, width: Width = None) -> Response:
        from warrantwatch.maps import locator_map

        return await _drawn(("locator", home, host), lambda: locator_map(home, host), fmt, width)

    @app.get("/api/maps/world.{fmt}", summary="World map coloured by obligation for a person on a date",
             responses={200: {"content": {"image/svg+xml": {}, "image/png": {}}}})
    async def world_map(fmt: MapFormat, person: Name, on: On = None, width: Width = None) -> Response:
        day = queries.resolve_day(on)
        return await _drawn(("world", person, day), lambda: _obligation_map(person, day), fmt, width)

    @app.get("/api/health", include_in_schema=False)
    def health() -> Response:
        return Response("ok", media_type="text/plain")


app = create_app()
