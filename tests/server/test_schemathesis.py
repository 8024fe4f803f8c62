"""Schemathesis against the REST API's own OpenAPI schema: whatever a client sends, no answer is a 5xx.

Every operation of ``/openapi.json`` gets generated requests (valid and invalid parameters, bodies and
path values, examples and edge values) through the ASGI app over the synthetic store, read-only and with
an operator token; each response must not be a server error.  The write endpoint is exercised with the
token too, but with a stub analysis (the real pipeline's model load is not what is tested here).
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from communique.server import ServerSettings, create_app
from communique.store import Store

sys.path.insert(0, str(Path(__file__).parents[1]))
from synthetic import build, docs  # noqa: E402

TOKEN = "schemathesis-operator-token"


def _schema() -> Any:
    """The app over a new synthetic store (in a temporary folder removed at exit) and its OpenAPI schema."""
    folder = Path(tempfile.mkdtemp(prefix="communique-schemathesis-"))
    atexit.register(shutil.rmtree, folder, True)
    with Store.open(folder / "store.duckdb") as s:
        build(s)
    app = create_app(ServerSettings(db=folder / "store.duckdb", token=TOKEN,
                                    allowed_hosts=("testserver", "localhost", "127.0.0.1")))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = _schema()


@pytest.fixture(autouse=True)
def stub_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """``POST /api/ingest`` analyses with a stub that returns a synthetic document (no model load)."""
    import communique.api as api

    def analyze(text: str, **_: Any) -> Any:
        doc = docs()[2]
        doc.article.text = text
        doc.events = [e for e in doc.events if e.evidence.end <= len(text)]
        return doc

    monkeypatch.setattr(api, "analyze", analyze)
    monkeypatch.setattr(api, "default_pipeline", lambda **_: None)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(case: Any) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.method.upper() == "POST" else None
    response = case.call(headers=headers)
    case.validate_response(response, checks=[not_a_server_error])
