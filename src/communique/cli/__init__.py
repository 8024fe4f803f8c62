"""The command line: parse arguments, call the library, turn our exceptions into exit codes.

Exit codes: 0 all went well; 1 some inputs failed but others were processed;
2 nothing could be done (bad arguments, no readable input).

One module per command group (``core``: analyze, ingest, events; others add
``eval``/``train`` subcommands and more), all registered on one Typer app.
"""

from __future__ import annotations

from . import (  # noqa: F401  (each registers its commands)
    actors,
    bench,
    core,
    data,
    eval_events,
    provenance,
    signals,
    timeplace,
    watch,
)
from ._app import app, eval_app, train_app

__all__ = ["app", "eval_app", "train_app", "main"]


def main() -> None:
    app()


if __name__ == "__main__":
    main()
