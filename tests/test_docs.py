"""Every command and option of the CLI is documented in the README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from communique.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _leaves(cmd: Any, path: str) -> list[tuple[str, Any]]:
    """Every runnable command under ``cmd`` with its full path ("communique eval events")."""
    if hasattr(cmd, "commands"):
        return [leaf for name, sub in sorted(cmd.commands.items()) for leaf in _leaves(sub, f"{path} {name}")]
    return [(path, cmd)]


def test_every_command_and_option_is_documented() -> None:
    leaves = _leaves(typer.main.get_command(app), "communique")
    assert {"communique analyze", "communique events", "communique ingest"} <= {p for p, _ in leaves}
    missing = []
    for path, cmd in leaves:
        if path not in README:
            missing.append(path)
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in README:
                    missing.append(f"{path} {opt}")
    assert missing == []


def test_every_setting_is_documented() -> None:
    from communique.settings import describe

    assert [name for name, _, _ in describe() if f"| `{name}` |" not in README] == []
