"""Shared fixtures: the real pipeline (loaded once per session) and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import Pipeline, default_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seed" / "article.txt").exists():
        pytest.skip(f"../shared is absent ({SHARED}); the reference data tests need it beside the project")
    return SHARED


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A store file built from every example article (examples/articles); open it, do not change it."""
    from communique import ingest
    from communique.store import Store

    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    with Store.open(path) as store:
        report = ingest([EXAMPLES / "articles"], store=store, pipeline=pipeline)
    assert report.added >= 8 and not report.errors
    return path
