"""The REST API: the analysis functions over HTTP, paginated and validated, read-only unless a token is set."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique import analysis as an
from communique.server import ServerSettings, create_app
from communique.store import Store

sys.path.insert(0, str(Path(__file__).parents[1]))
from synthetic import build  # noqa: E402

TOKEN = "s3cret-operator-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    with Store.open(path) as s:
        build(s)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    app = create_app(ServerSettings(db=db))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c
    app.state.database.conn.close()


def test_events_page_and_filters(client: TestClient, db: Path) -> None:
    page = client.get("/api/events", params={"dyad": ["RUS", "SYR"], "limit": 2}).json()
    assert page["total"] == 3 and page["limit"] == 2 and len(page["events"]) == 2
    assert [(e["cameo"], e["source"], e["target"]) for e in page["events"]] == [("042", "RUS", "SYR"),
                                                                                ("057", "SYR", "RUS")]
    rest = client.get("/api/events", params={"dyad": ["RUS", "SYR"], "limit": 2, "offset": 2}).json()
    assert [e["date"] for e in rest["events"]] == ["2025-03-01"]
    negated = client.get("/api/events", params={"status": "negated"}).json()
    assert [e["cameo"] for e in negated["events"]] == ["190"]
    both = client.get("/api/events", params=[("quad_class", 3), ("quad_class", 4), ("since", "2025-02-10")]).json()
    assert [e["cameo"] for e in both["events"]] == ["112", "190"]


def test_detail_series_network_map_stats(client: TestClient) -> None:
    first = client.get("/api/events", params={"min_corroboration": 2}).json()["events"][0]
    detail = client.get(f"/api/events/{first['cluster_id']}").json()
    assert [r["article"]["id"] for r in detail["reports"]] == ["a1", "a2"]
    assert detail["reports"][0]["evidence"]["text"] == "Russia visited Syria in Damascus."
    series = client.get("/api/series", params={"dyad": ["RUS", "SYR"], "interval": "month"}).json()
    assert [(p["period"], p["events"], p["goldstein_sum"]) for p in series] == [("2025-01-01", 2, 9.9),
                                                                               ("2025-03-01", 1, 1.9)]
    net = client.get("/api/network", params={"since": "2025-01-01", "until": "2025-12-31"}).json()
    assert [n["id"] for n in net["nodes"]] == ["RUS", "SYR", "UKR"] and len(net["edges"]) == 4
    places = client.get("/api/map").json()
    assert [(p["location"], p["events"], p["conflict"]) for p in places] == [("Damascus", 1, 0), ("Kharkiv", 1, 1)]
    assert client.get("/api/stats").json() == {"articles": 3, "reports": 7, "events": 6, "first_date": "2025-01-02",
                                               "last_date": "2025-03-01", "outlets": ["Wire A", "Wire B"]}


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"limit": 0}, 422, "limit"), ({"limit": 100000}, 422, "limit"), ({"offset": -1}, 422, "offset"),
        ({"since": "2025-13-01"}, 422, "since"), ({"since": "2025-01-01' OR 1=1 --"}, 422, "since"),
        ({"since": "2025-03-01", "until": "2025-01-01"}, 422, "after"), ({"quad_class": 7}, 422, "QuadClass"),
        ({"status": "rumoured"}, 422, "rumoured"), ({"cameo": "04' --"}, 422, "cameo"), ({"dyad": "RUS"}, 422, "dyad"),
        ({"country": "RUSSIA"}, 422, "country"), ({"min_corroboration": 0}, 422, "min_corroboration"),
        ({"limt": 5}, 400, "unknown query parameter 'limt'"), ({"actor": "x" * 101}, 422, "actor"),
    ],
)
def test_bad_queries_are_4xx_with_a_reason(client: TestClient, params: dict[str, object], status: int,
                                           says: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert says in response.json()["detail"]


@pytest.mark.parametrize("field", ["actor", "place", "outlet", "plover"])
def test_sql_injection_through_text_filters(client: TestClient, field: str) -> None:
    for attack in ("x' OR '1'='1", "RUS'; DROP TABLE events; --", "%", "' UNION SELECT * FROM articles --"):
        response = client.get("/api/events", params={field: attack})
        assert response.status_code in (200, 422)
        if response.status_code == 200:
            assert response.json()["total"] == 0
    assert client.get("/api/stats").json()["events"] == 6


def test_unknown_event_and_paths(client: TestClient) -> None:
    assert client.get("/api/events/999999").status_code == 404
    assert client.get("/api/events/abc").status_code == 422
    assert client.get("/static/../../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404
    assert client.get("/vendor/../../../pyproject.toml").status_code == 404


def test_security_defaults(client: TestClient, db: Path) -> None:
    response = client.get("/api/events", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.options("/api/events", headers={"Origin": "http://evil.example",
                                                   "Access-Control-Request-Method": "GET"}).status_code == 405
    assert client.get("/api/stats", headers={"Host": "attacker.example"}).status_code == 400
    assert client.get("/api/events?" + "a=1&" * 1200).status_code == 414
    read_only = client.post("/api/ingest", json={"text": "Chile met Peru."})
    assert read_only.status_code == 403 and "read-only" in read_only.json()["detail"]
    big = client.post("/api/ingest", content=b"x" * 3_000_000, headers={"Content-Type": "application/json"})
    assert big.status_code == 413


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{cluster_id}", "/api/series", "/api/network", "/api/map", "/api/stats",
            "/api/ingest", "/api/signals"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "dyad", "directed", "cameo", "plover", "quad_class", "since", "until", "place",
            "location_country", "status", "min_corroboration", "outlet", "limit", "offset"} <= names


def test_writes_need_the_token(db: Path, tmp_path: Path, pipeline: object) -> None:
    copy = tmp_path / "w.duckdb"
    shutil.copy(db, copy)
    app = create_app(ServerSettings(db=copy, token=TOKEN))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        body = {"text": "Chile and Peru signed a trade agreement in Lima on Monday.", "published": "2025-04-02",
                "outlet": "Andes Wire"}
        assert c.post("/api/ingest", json=body).status_code == 401
        wrong = {"Authorization": "Bearer wrong-token-wrong"}
        assert c.post("/api/ingest", json=body, headers=wrong).status_code == 401
        assert c.post("/api/ingest", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422
        done = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert done.status_code == 201 and done.json()["added"] is True
        assert c.get("/api/stats").json()["articles"] == 4
        assert c.get("/api/events", params={"outlet": "Andes Wire"}).json()["total"] >= 1
    app.state.database.conn.close()
    with Store.open(copy) as s:
        assert an.stats(s.conn)["outlets"] == ["Andes Wire", "Wire A", "Wire B"]


def test_cors_only_when_asked(db: Path) -> None:
    app = create_app(ServerSettings(db=db, cors_origins=("http://localhost:3000",)))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        ok = c.get("/api/stats", headers={"Origin": "http://localhost:3000"})
        assert ok.headers["access-control-allow-origin"] == "http://localhost:3000"
        assert "access-control-allow-origin" not in c.get("/api/stats", headers={"Origin": "http://x.test"}).headers
    app.state.database.conn.close()


def test_signals_endpoint(client: TestClient) -> None:
    body = client.get("/api/signals", params={"min_score": 0.5, "bloc_days": 365}).json()
    assert set(body) == {"signals", "blocs"} and isinstance(body["signals"], list)
    for sig in body["signals"]:
        assert {"unit", "direction", "start", "end", "score", "observed", "expected", "events"} <= set(sig)
    assert client.get("/api/signals", params={"level": "planet"}).status_code == 422
    assert client.get("/api/signals", params={"limit": 0}).status_code == 422


def test_freshness_is_asked_once_per_store_generation(db: Path, tmp_path: Path, pipeline: object,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The server reads the merged tables' fingerprint once per generation, not per request; a write through the
    server is a new generation, and its events are answered from the tables it kept fresh."""
    from communique.store import merged

    copy = tmp_path / "g.duckdb"
    shutil.copy(db, copy)
    asked: list[bool] = []
    real = merged.fresh

    def counted(conn: object) -> bool:
        value = real(conn)  # type: ignore[arg-type]
        if merged._KNOWN.get() is None:  # the store itself was asked (not a request inside fresh_known)
            asked.append(value)
        return value

    monkeypatch.setattr(merged, "fresh", counted)
    app = create_app(ServerSettings(db=copy, token=TOKEN, query_threads=1))
    assert app.state.database.conn.execute("SELECT current_setting('threads')").fetchall() == [(1,)]
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for params in ({"actor": "RUS"}, {"dyad": ["RUS", "SYR"]}, {"outlet": "Wire A"}):
            assert c.get("/api/events", params=params).status_code == 200
        assert c.get("/api/series", params={"dyad": ["RUS", "SYR"]}).status_code == 200
        assert asked == [True]  # four requests, one question to the store
        body = {"text": "Chile and Peru signed a trade agreement in Lima on Monday.", "published": "2025-04-02",
                "outlet": "Andes Wire"}
        assert c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 201
        page = c.get("/api/events", params={"outlet": "Andes Wire"}).json()
        assert page["total"] >= 1 and asked == [True, True]
        assert c.get("/api/events", params={"actor": "CHL"}).json()["total"] >= 1 and asked == [True, True]
    app.state.database.conn.close()
