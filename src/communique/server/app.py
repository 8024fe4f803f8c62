"""The FastAPI application (see the package docstring for endpoints and security)."""


import datetime as dt
import hmac
import json
import os
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator
from contextlib import asynccontextmanager, contextmanager
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
from ..read.validate import MAX_CHARS
from ..store import merged as merged_tables
from ..store.schema import SCHEMA_VERSION, schema_version

STATIC = Path(__file__).with_name("static")
#: Where ``./run`` installs the dashboard's npm packages (git-ignored).
DEFAULT_ASSETS = Path(__file__).resolve().parents[3] / "web" / "node_modules"

_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class ServerSettings(BaseModel):
    """How the server runs.  ``token``: the operator token that allows writes (none: read-only);
    ``cors_origins``: browser origins allowed to call the API (none by default); ``allowed_hosts``:
    accepted ``Host`` headers (default: loopback names and ``bind``); ``max_body``: largest request
    body in bytes; ``max_page``: largest ``limit``; ``assets``: folder of npm packages; ``cache_mb``:
    megabytes of JSON responses kept for repeated queries (0: none); ``memory_limit``: DuckDB's memory
    limit for the server's connection (its buffer pool and query memory, e.g. ``1GB``), which bounds
    the process's memory beside Python's own; ``threads``: requests worked on at once (the rest wait);
    ``query_threads``: DuckDB threads per query.  One by default: requests already run in parallel on their
    own threads, and on the 1M-event benchmark store a second DuckDB thread per query cost 30-45% more CPU
    (event pages 20 -> 29 ms, dyad series 11 -> 16 ms, one-year network 118 -> 158 ms) for no gain under
    concurrent load."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    db: Path
    token: str | None = Field(default=None, min_length=16)
    cors_origins: tuple[str, ...] = ()
    bind: str = "127.0.0.1"
    allowed_hosts: tuple[str, ...] = ()
    max_body: int = Field(default=2_000_000, ge=1024)
    max_page: int = Field(default=500, ge=1, le=10_000)
    assets: Path = DEFAULT_ASSETS
    cache_mb: int = Field(default=64, ge=0, le=65_536)
    threads: int = Field(default=8, ge=1, le=256)
    query_threads: int = Field(default=1, ge=1, le=256)
    memory_limit: str = Field(default="1GB", pattern=r"^[0-9]+(\.[0-9]+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")

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
    """One DuckDB connection for the process (read-only unless writes are allowed); a cursor per request.

    ``generation`` counts the writes this process committed.  While the server holds the file no other
    process can write it (DuckDB: one writing process, or readers only), so the store's content changes
    exactly when ``generation`` does, which keys the response cache and the answer of
    :func:`communique.store.merged.fresh` (asked once per generation, not per request: every write through
    :class:`~communique.store.Store` leaves the merged tables fresh in its own transaction)."""

    def __init__(self, path: Path, *, writable: bool, memory_limit: str = "1GB", query_threads: int = 1) -> None:
        self.writable = writable
        self.generation = 0
        self._fresh: tuple[int, bool] | None = None
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
            self.conn.execute(f"SET memory_limit = '{memory_limit}'")  # validated by ServerSettings' pattern
            self.conn.execute(f"SET threads = {int(query_threads)}")
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        self.write_lock = threading.Lock()

    def fresh(self, cur: duckdb.DuckDBPyConnection) -> bool:
        """:func:`communique.store.merged.fresh` at this generation (asked at most once per generation)."""
        generation = self.generation  # read first: an answer is never kept under a newer generation than its own
        known = self._fresh
        if known is None or known[0] != generation:
            known = (generation, merged_tables.fresh(cur))
            self._fresh = known
        return known[1]

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for reading; the query library takes the merged tables' freshness from :meth:`fresh`."""
        cur = self.conn.cursor()
        try:
            with merged_tables.fresh_known(self.fresh(cur)):
                yield cur
        finally:
            cur.close()

    @contextmanager
    def write_cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for a write (under ``write_lock``)."""
        cur = self.conn.cursor()
        try:
            yield cur
        finally:
            cur.close()


class _ResponseCache:
    """JSON bodies of recent responses, least recently used dropped first, at most ``max_bytes`` in all;
    keyed by the store's generation and the validated request, so a write makes every entry stale (and
    the entries of older generations are dropped when a newer one is stored)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.generation = 0
        self.entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self.lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, generation: int, key: Hashable) -> bytes | None:
        with self.lock:
            body = self.entries.get(key) if generation == self.generation else None
            if body is None:
                self.misses += 1
                return None
            self.entries.move_to_end(key)
            self.hits += 1
            return body

    def put(self, generation: int, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_bytes // 8:  # one response may not take the cache over
            return
        with self.lock:
            if generation < self.generation:
                return
            if generation > self.generation:
                self.entries.clear()
                self.size = 0
                self.generation = generation
            old = self.entries.pop(key, None)
            self.size += len(body) - (len(old) if old is not None else 0)
            self.entries[key] = body
            while self.size > self.max_bytes and self.entries:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped)


def _libc() -> Any:
    """glibc through ctypes, or None on another C library."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


_LIBC = _libc()
_M_ARENA_MAX = -8


def _bound_malloc_arenas(arenas: int = 2) -> None:
    """Let glibc's malloc keep at most ``arenas`` arenas: with one per thread (its default allows 8 per core),
    each request thread's large transient allocations leave freed memory in its own arena, and the
    server's resident memory creeps up with the number of threads that ever ran a large request."""
    if _LIBC is not None:
        _LIBC.mallopt(_M_ARENA_MAX, arenas)


def _release_memory() -> None:
    """Return the C heap's free memory to the system (glibc ``malloc_trim``), after a large response."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


#: Responses of at least this many bytes are followed by :func:`_release_memory`.
_LARGE_RESPONSE = 1 << 20


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_body(content: Any) -> bytes:
    """``content`` as the JSON FastAPI would send (dates in ISO format), encoded once."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      default=_json_default).encode("utf-8")


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

    text: str = Field(min_length=1, max_length=MAX_CHARS)  # the readers' limit (read/validate.py)
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


def create_app(settings: ServerSettings) -> FastAPI:
    """The FastAPI app serving the store at ``settings.db``."""
    _bound_malloc_arenas()
    database = _Database(settings.db, writable=settings.token is not None, memory_limit=settings.memory_limit,
                         query_threads=settings.query_threads)
    cache = _ResponseCache(settings.cache_mb * 2**20)
    if settings.cache_mb:  # the answers' JSON is kept here: the library's own result cache would hold them twice
        from ..analysis import cache as results

        results.configure(0)

    def answer(key: Hashable, compute: Callable[[duckdb.DuckDBPyConnection], Any]) -> Response:
        """The JSON response of ``compute(cursor)``, from the cache when this store generation answered it."""
        generation = database.generation  # read before the query: a result is never newer than its key
        body = cache.get(generation, key) if settings.cache_mb else None
        if body is None:
            with database.cursor() as cur:
                body = json_body(compute(cur))
            if settings.cache_mb:
                cache.put(generation, key, body)
            if len(body) >= _LARGE_RESPONSE:
                _release_memory()
        return Response(body, media_type="application/json")
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="communique",
        version="0.1.0",
        description="Sourced, time-resolved event data: merged events, dyad time series, networks, event detail.",
    )
    app.state.database = database
    app.state.cache = cache
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

    @app.get("/api/events", summary="A page of merged events", response_model=dict[str, Any])
    def events(
        f: Filter,
        limit: Annotated[int, Query(ge=1, le=settings.max_page)] = 50,
        offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
    ) -> Response:
        return answer(("events", f, limit, offset), lambda cur: an.events_page(cur, f, limit=limit, offset=offset))

    @app.get("/api/events/{cluster_id}", summary="One merged event with every report behind it",
             response_model=dict[str, Any])
    def event(cluster_id: Annotated[int, PathParam(ge=0, le=2**62)]) -> Response:
        try:
            return answer(("event", cluster_id), lambda cur: an.event_detail(cur, cluster_id))
        except EventNotFound as exc:
            raise HTTPException(404, str(exc)) from None

    @app.get("/api/series", summary="Dyad time series: counts, Goldstein, QuadClass shares per period",
             response_model=list[dict[str, Any]])
    def series(
        f: Filter,
        interval: Literal["day", "week", "month"] = "month",
        max_events_per_point: Annotated[int, Query(ge=0, le=1000)] = 100,
    ) -> Response:
        return answer(("series", f, interval, max_events_per_point),
                      lambda cur: an.dyad_series(cur, f, interval=interval, max_events_per_point=max_events_per_point))

    @app.get("/api/network", summary="Actor or country network with cooperation/conflict edges",
             response_model=dict[str, Any])
    def network(
        f: Filter,
        level: Literal["actor", "country"] = "country",
        max_nodes: Annotated[int, Query(ge=1, le=1000)] = 150,
    ) -> Response:
        return answer(("network", f, level, max_nodes),
                      lambda cur: an.network(cur, f, level=level, max_nodes=max_nodes))

    @app.get("/api/map", summary="Located events grouped by place", response_model=list[dict[str, Any]])
    def places(f: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> Response:
        return answer(("map", f, limit), lambda cur: an.places(cur, f, limit=limit))

    @app.get("/api/signals", summary="What changed: shifts in relations, with the events behind them, and blocs")
    def signals(
        level: Literal["country", "actor", "actor_single"] = "country",
        since: dt.date | None = None,
        min_score: Annotated[float, Query(ge=0.0, le=100.0)] = 3.7,  # signals.detect.MIN_SCORE
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

    @app.get("/api/stats", summary="What the store holds", response_model=dict[str, Any])
    def stats() -> Response:
        return answer(("stats",), an.stats)

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
        with database.write_lock, database.write_cursor() as cur:
            try:
                added = Store(cur).add(doc)
            finally:  # committed or not, cached answers are dropped
                database.generation += 1
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

