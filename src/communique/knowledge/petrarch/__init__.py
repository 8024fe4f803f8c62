"""Import PETRARCH/TABARI dictionaries: actor dictionaries into the actor knowledge base
(:mod:`.actors`: :func:`parse_petrarch_actors`, :func:`looks_like_petrarch`) and PETRARCH-2 verb
dictionaries into the trigger table (:mod:`.verbs`: :func:`parse_petrarch_verbs`).
Each module's docstring describes its format."""

from .actors import looks_like_petrarch, parse_petrarch_actors
from .verbs import parse_petrarch_verbs

__all__ = ["looks_like_petrarch", "parse_petrarch_actors", "parse_petrarch_verbs"]
