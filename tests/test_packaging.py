"""The two dependency lists agree: every pin in pyproject.toml is the same pin in requirements.lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    return re.sub(r"\[.*\]", "", spec).strip().lower().replace("_", "-")


def _lock() -> dict[str, list[str]]:
    pins: dict[str, list[str]] = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins.setdefault(_name(name), []).append(version.split(";")[0].strip())
    return pins


def test_every_pyproject_pin_is_the_locked_pin_and_the_lock_pins_each_package_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds]
    lock = _lock()
    wrong = {}
    for spec in specs:
        name, _, version = spec.partition("==")
        if lock.get(_name(name)) != [version.strip()]:
            wrong[_name(name)] = (version.strip(), lock.get(_name(name)))
    assert wrong == {}
    assert {name: vs for name, vs in lock.items() if len(vs) > 1} == {}
