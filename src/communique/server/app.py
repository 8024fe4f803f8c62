"""The FastAPI application (see the package docstring for endpoints and security)."""


import datetime as dt
import hmac
import os
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import analysis as an
from ..errors import CommuniqueError, EventNotFound, StoreError
from ..store.schema import SCHEMA_VERSION, schema_version

STATIC = Path(__file__).with_name("static")
#: Where ``./run`` installs the dashboard's npm packages (git-ignored).
DEFAULT_ASSETS = Path(__file__).resolve().parents[3] / "web" / "node_modules"

_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class ServerSettings(BaseModel):
    """How the server runs.  ``token``: the operator token that allows writes (none: read-only);
    ``cors_origins``: browser origins allowed to call the API (none by default); ``allowed_hosts``:
    accepted ``Host`` headers (default: loopback names and ``bind``); ``max_body``: largest request
    body in bytes; ``max_page``: largest ``limit``; ``assets``: folder of npm packages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    db: Path
    token: str | None = Field(default=None, min_length=16)
    cors_origins: tuple[str, ...] = ()
    bind: str = "127.0.0.1"
    allowed_hosts: tuple[str, ...] = ()
    max_body: int = Field(default=2_000_000, ge=1024)
    max_page: int = Field(default=500, ge=1, le=10_000)
    assets: Path = DEFAULT_ASSETS

    @classmethod
    def from_env(cls, **values: Any) -> "ServerSettings":
        """Settings with the token from ``COMMUNIQUE_TOKEN`` and assets from ``COMMUNIQUE_ASSETS`` when set."""
        env: dict[str, Any] = {}
        if os.environ.get("COMMUNIQUE_TOKEN"):
            env["token"] = os.environ["COMMUNIQUE_TOKEN"]
        if os.environ.get("COMMUNIQUE_ASSETS"):
            env["assets"] = Path(os.environ["COMMUNIQUE_ASSETS"])
        return cls(**env, **values)


class _Database:
    """One DuckDB connection for the process (read-only unless writes are allowed); a cursor per request."""

    def __init__(self, path: Path, *, writable: bool) -> None:
        self.writable = writable
        if not path.is_file():
            raise StoreError(f"{path}: no such database")
        try:
            probe = duckdb.connect(str(path), read_only=True)
            version = schema_version(probe)
            probe.close()
            if version != SCHEMA_VERSION:
                from ..store import Store

                Store.open(path).close()  # upgrade once (a schema from a newer communique raises)
            self.conn = duckdb.connect(str(path), read_only=not writable)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        self.write_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self.conn.cursor()
        try:
            yield cur
        finally:
            cur.close()


_FILTER_KEYS = frozenset({
    "actor", "country", "dyad", "directed", "cameo", "plover", "quad_class", "since", "until", "place",
    "location_country", "status", "min_corroboration", "outlet",
})


def event_filter(
    request: Request,
    actor: Annotated[str | None, Query(max_length=100, description="Actor code prefix (RUS) or exact name.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 of an actor.")] = None,
    dyad: Annotated[list[str] | None, Query(max_length=2, description="Two actors: ?dyad=RUS&dyad=SYR.")] = None,
    directed: Annotated[bool, Query(description="The first dyad actor must be the source.")] = False,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix.")] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER event type.")] = None,
    quad_class: Annotated[list[int] | None, Query(description="QuadClass 1-4 (repeatable).")] = None,
    since: Annotated[dt.date | None, Query(description="Earliest event date.")] = None,
    until: Annotated[dt.date | None, Query(description="Latest event date.")] = None,
    place: Annotated[str | None, Query(max_length=100, description="Location name.")] = None,
    location_country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 of the place.")]
    = None,
    status: Annotated[list[str] | None, Query(description="Statuses to keep; 'negated' for negated events.")] = None,
    min_corroboration: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    outlet: Annotated[str | None, Query(max_length=100)] = None,
) -> an.EventFilter:
    """The :class:`~communique.analysis.EventFilter` of the query string; unknown parameters are a 400."""
    allowed = _FILTER_KEYS | _EXTRA_KEYS.get(request.url.path.rstrip("/"), frozenset())
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise HTTPException(400, f"unknown query parameter {unknown[0]!r}; known: {', '.join(sorted(allowed))}")
    if dyad is not None and len(dyad) != 2:
        raise HTTPException(422, "dyad takes exactly two actors: ?dyad=RUS&dyad=SYR")
    values: dict[str, Any] = {
        "actor": actor, "country": country, "dyad": tuple(dyad) if dyad else None, "directed": directed,
        "cameo": cameo, "plover": plover, "quad_class": tuple(quad_class or ()), "since": since, "until": until,
        "place": place, "location_country": location_country, "status": tuple(status or ()),
        "min_corroboration": min_corroboration, "outlet": outlet,
    }
    try:
        return an.EventFilter(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "filters"
        raise HTTPException(422, f"{where}: {first['msg']}") from None


_EXTRA_KEYS: dict[str, frozenset[str]] = {
    "/api/events": frozenset({"limit", "offset"}),
    "/api/series": frozenset({"interval", "max_events_per_point"}),
    "/api/network": frozenset({"level", "max_nodes"}),
    "/api/map": frozenset({"limit"}),
}


class ArticleIn(BaseModel):
    """One article to analyse and store (``POST /api/ingest``)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


def create_app(settings: ServerSettings) -> FastAPI:
    """The FastAPI app serving the store at ``settings.db``."""
    database = _Database(settings.db, writable=settings.token is not None)
    app = FastAPI(
        title="communique",
        version="0.1.0",
        description="Sourced, time-resolved event data: merged events, dyad time series, networks, event detail.",
    )
    app.state.database = database
    app.state.settings = settings

    hosts = set(settings.allowed_hosts or (*_LOOPBACK, settings.bind))

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        host = request.url.hostname or ""
        if host not in hosts:
            return JSONResponse({"detail": f"host {host!r} not allowed"}, status_code=400)
        if len(request.url.query) > 4096:
            return JSONResponse({"detail": "query string too long (4096 characters at most)"}, status_code=414)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > settings.max_body):
            return JSONResponse({"detail": f"request body too large ({settings.max_body} bytes at most)"},
                                status_code=413)
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            return JSONResponse({"detail": "a Content-Length header is required"}, status_code=411)
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
        )
        return response

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"],
                           allow_headers=[])

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"] if p not in ("query", "body", "path"))
        return JSONResponse({"detail": f"{where or 'request'}: {first['msg']}"}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    Filter = Annotated[an.EventFilter, Depends(event_filter)]

    @app.get("/api/events", summary="A page of merged events")
    def events(
        f: Filter,
        limit: Annotated[int, Query(ge=1, le=settings.max_page)] = 50,
        offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
    ) -> dict[str, Any]:
        with database.cursor() as cur:
            return an.events_page(cur, f, limit=limit, offset=offset)

    @app.get("/api/events/{cluster_id}", summary="One merged event with every report behind it")
    def event(cluster_id: Annotated[int, PathParam(ge=0, le=2**62)]) -> dict[str, Any]:
        with database.cursor() as cur:
            try:
                return an.event_detail(cur, cluster_id)
            except EventNotFound as exc:
                raise HTTPException(404, str(exc)) from None

    @app.get("/api/series", summary="Dyad time series: counts, Goldstein, QuadClass shares per period")
    def series(
        f: Filter,
        interval: Literal["day", "week", "month"] = "month",
        max_events_per_point: Annotated[int, Query(ge=0, le=1000)] = 100,
    ) -> list[dict[str, Any]]:
        with database.cursor() as cur:
            return an.dyad_series(cur, f, interval=interval, max_events_per_point=max_events_per_point)

    @app.get("/api/network", summary="Actor or country network with cooperation/conflict edges")
    def network(
        f: Filter,
        level: Literal["actor", "country"] = "country",
        max_nodes: Annotated[int, Query(ge=1, le=1000)] = 150,
    ) -> dict[str, Any]:
        with database.cursor() as cur:
            return an.network(cur, f, level=level, max_nodes=max_nodes)

    @app.get("/api/map", summary="Located events grouped by place")
    def places(f: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> list[dict[str, Any]]:
        with database.cursor() as cur:
            return an.places(cur, f, limit=limit)

    @app.get("/api/signals", summary="What changed: shifts in relations, with the events behind them, and blocs")
    def signals(
        level: Literal["country", "actor", "actor_single"] = "country",
        since: dt.date | None = None,
        min_score: Annotated[float, Query(ge=0.0, le=100.0)] = 3.1,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
        bloc_days: Annotated[int, Query(ge=0, le=3650)] = 30,
        events: Annotated[int, Query(ge=0, le=1000, description="events, with their evidence, per signal")] = 20,
    ) -> dict[str, Any]:
        from ..signals import blocs_from_store, signals_from_store
        from ..store import Store

        with database.cursor() as cur:
            store = Store(cur)
            found = signals_from_store(store, level=level, since=since, min_score=min_score, limit=limit,
                                       with_events=events)
            bl = blocs_from_store(store, days=bloc_days, level="actor" if level == "actor" else "country") \
                if bloc_days else None
        return {"signals": found, "blocs": bl.as_dict() if bl else None}

    @app.get("/api/stats", summary="What the store holds")
    def stats() -> dict[str, Any]:
        with database.cursor() as cur:
            return an.stats(cur)

    @app.post("/api/ingest", summary="Analyse and store one article (operator token required)", status_code=201)
    def ingest(article: ArticleIn, request: Request) -> dict[str, Any]:
        _authorize(request, settings.token)
        from ..api import analyze, default_pipeline
        from ..store import Store

        pipe = default_pipeline(on_error="raise")
        try:
            doc = analyze(article.text, title=article.title, published=article.published, outlet=article.outlet,
                          url=article.url, pipeline=pipe)
        except CommuniqueError as exc:
            raise HTTPException(422, str(exc)) from None
        with database.write_lock, database.cursor() as cur:
            added = Store(cur).add(doc)
        return {"article": doc.article.id, "added": added, "events": len(doc.events)}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if settings.assets.is_dir():
        app.mount("/vendor", StaticFiles(directory=settings.assets), name="vendor")
    return app


def _authorize(request: Request, token: str | None) -> None:
    if token is None:
        raise HTTPException(403, "the server is read-only; set COMMUNIQUE_TOKEN to allow writes")
    given = request.headers.get("authorization", "")
    if not given.startswith("Bearer ") or not hmac.compare_digest(given[7:].encode(), token.encode()):
        raise HTTPException(401, "a valid operator token is required: Authorization: Bearer <token>")

