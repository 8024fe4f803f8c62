"""Every command and option of the CLI is documented in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from communique.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_every_command_and_option_is_documented() -> None:
    group = typer.main.get_command(app)
    assert sorted(group.commands) == ["analyze", "events", "ingest"]  # type: ignore[attr-defined]
    missing = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        if f"communique {name}" not in README:
            missing.append(name)
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in README:
                    missing.append(f"{name} {opt}")
    assert missing == []


def test_every_setting_is_documented() -> None:
    from communique.settings import describe

    assert [name for name, _, _ in describe() if f"| `{name}` |" not in README] == []
