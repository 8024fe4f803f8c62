"""Pipeline stages; importing this package registers the built-ins."""

from . import actors, dateline, events, nlp, place, provenance, time  # noqa: F401
