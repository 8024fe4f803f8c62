"""The DuckDB event store: schema and migrations, the :class:`Store`, CSV/JSON export."""

from __future__ import annotations

from .db import SYMMETRIC, Store
from .export import to_csv, to_json
from .schema import SCHEMA_VERSION, STATUS_ORDER, migrate, schema_version

__all__ = ["SCHEMA_VERSION", "STATUS_ORDER", "SYMMETRIC", "Store", "migrate", "schema_version", "to_csv", "to_json"]
