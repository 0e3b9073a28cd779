"""What every response carries and what every request may send, as plain ASGI middleware.

- `BodyLimit`: a request body is read up to `limit` bytes, whatever `Content-Length` says or
  whether the body comes chunked; past that the answer is 413 and the rest is never read.
- `HeadAsGet`: HEAD on any GET route answers with the GET's status and headers, without the body.
- `SecurityHeaders`: a Content-Security-Policy (everything only from this server; an SVG map opened
  on its own may use its own stylesheet), `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`
  with `frame-ancestors 'none'`, and `Referrer-Policy: no-referrer`. A route may set its own policy:
  the API documentation pages admit their one inline script by its hash (`docs_policy`), and the
  embed view, made to be framed by any site, sends no `X-Frame-Options`.

CORS (see `app.py`): the read-only GET (and HEAD) endpoints may be called from any origin, with no
credentials; nothing else is allowed across origins (a cross-origin POST fails its preflight).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
               "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
               "frame-ancestors 'none'")
# A map opened on its own is an SVG document with its own <style>: that, and nothing else.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"no-referrer",
}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def docs_policy(html: str) -> str:
    """The policy for a documentation page: its own inline scripts admitted by hash, workers from
    blob: (ReDoc), images from data: (Swagger UI's icons); everything else from this server."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in _INLINE_SCRIPT.findall(html))
    return (f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower(): v for k, v in headers}
                own = present.get(b"content-security-policy", b"")
                for key, value in HEADERS.items():
                    # a route that lets others frame it (the embed view) says so in its own policy
                    if key not in present and not (key == b"x-frame-options" and b"frame-ancestors *" in own):
                        headers.append((key, value))
                if not own:
                    svg = present.get(b"content-type", b"").startswith(b"image/svg+xml")
                    headers.append((b"content-security-policy", (SVG_POLICY if svg else PAGE_POLICY).encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def _too_large(self, send: Send) -> None:
        body = json.dumps({"error": {"type": "PayloadTooLarge", "message": f"request body over {self.limit} bytes",
                                     "suggestions": []}}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", []):
            if key == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self._too_large(send)
                return
        # Read the body here, counting the bytes actually received (chunked or not), then replay it.
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
