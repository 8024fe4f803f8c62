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
