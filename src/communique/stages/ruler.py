"""spaCy's attribute ruler with its single-token rules matched by table lookup: the same matches, faster.

The shipped English pipelines' ``attribute_ruler`` (tag → POS and morphology, lemma and POS exceptions; 179 rules
in the small model) runs every rule's pattern over every token through spaCy's ``Matcher``: about a tenth of the
whole parse, more than the parser itself.  Almost every rule is a one-token pattern over the token's fine tag,
lower-case form, dependency label and whitespace flag, so which of them match a token depends on those four
values alone.  :class:`FastAttributeRuler` evaluates the one-token patterns once per distinct combination (kept
in a table per process), runs the ``Matcher`` only for the few multi-token patterns, and returns from
:meth:`~FastAttributeRuler.match` exactly the sorted ``(rule, match_id, start, end)`` list spaCy's own ``match``
returns; the rules are then applied by spaCy's own ``set_annotations``, so every token gets the same attributes
(``tests/stages/test_ruler.py`` compares both on real news and every example article).

A pattern using anything else (other attributes, operators, extension attributes, quantifiers) keeps its rule on
the ``Matcher``; a ruler whose patterns cannot be read this way is left as it was (:func:`speed_up`).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["FastAttributeRuler", "speed_up"]

_ATTRS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}
_TABLE_LIMIT = 200_000  # distinct (tag, lower, dep, space) combinations remembered per ruler


def _predicate(name: str, spec: Any) -> tuple[frozenset[Any], None] | tuple[None, Any] | None:
    """A test of one token attribute's value (a string, or a bool for IS_SPACE) with the Matcher's meaning: the
    set of values that pass (equality, ``IN``) or a function of the value (``NOT_IN``, ``REGEX``); None when
    ``spec`` is outside what this module reads."""
    if name == "IS_SPACE":
        return (frozenset([spec]), None) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return frozenset([spec]), None
    if isinstance(spec, dict) and len(spec) == 1:
        (op, value), = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(value, list) and all(isinstance(x, str) for x in value):
            if op == "IN":
                return frozenset(value), None
            return None, lambda v, s=frozenset(value): v not in s
        if op == "REGEX" and isinstance(value, str):
            return None, lambda v, rx=re.compile(value): bool(rx.search(v))
    return None


def _token_test(token_pattern: dict[str, Any]) -> dict[str, Any] | None:
    tests = {}
    for name, spec in token_pattern.items():
        if name not in _ATTRS:
            return None
        test = _predicate(name, spec)
        if test is None:
            return None
        tests[_ATTRS[name]] = test
    return tests


class FastAttributeRuler:
    """Mixed into spaCy's ``AttributeRuler`` by :func:`speed_up` (the instance's class is swapped, so its
    patterns, attributes and serialisation stay spaCy's)."""

    _fast: Any = None  # (one-token tests, Matcher of the other rules, table) once prepared

    def _prepare(self) -> Any:
        from spacy.matcher import Matcher

        single: list[tuple[int, dict[str, Any]]] = []
        rest = Matcher(self.vocab)  # type: ignore[attr-defined]
        for i, rule in enumerate(self.patterns):  # type: ignore[attr-defined]
            tests = [_token_test(p[0]) if len(p) == 1 else None for p in rule["patterns"]]
            if all(t is not None for t in tests):
                single.extend((i, t) for t in tests if t is not None)
            else:
                rest.add(str(i), rule["patterns"])
        ids = [self.vocab.strings[str(i)] for i in range(len(self.attrs))]  # type: ignore[attr-defined]
        self._fast = (single, rest if len(rest) else None, {}, ids)
        return self._fast

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_fast", None)  # rebuilt on first use (it holds closures)
        return state

    def _rules_for(self, token: Any, single: Any, table: dict[Any, Any]) -> tuple[int, ...]:
        """The one-token rules matching ``token``, in order: the patterns passing the test on each attribute (one
        set per attribute value, remembered), intersected."""
        passing: dict[str, dict[Any, frozenset[int]]] = table.setdefault("by attribute", {})
        common: frozenset[int] | None = None
        for attr in _ATTRS.values():
            value = getattr(token, attr)
            by_value = passing.setdefault(attr, {})
            ok = by_value.get(value)
            if ok is None:
                ok = frozenset(k for k, (_, tests) in enumerate(single) if attr not in tests or (
                    value in tests[attr][0] if tests[attr][0] is not None else tests[attr][1](value)))
                if len(by_value) < _TABLE_LIMIT:
                    by_value[value] = ok
            common = ok if common is None else common & ok
        return tuple(sorted({single[k][0] for k in common or ()}))

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """The rules matching in ``doc`` as ``(rule index, match id, start, end)``, sorted (what spaCy's
        ``AttributeRuler.match`` returns)."""
        single, rest, table, ids = self._fast or self._prepare()
        out: list[tuple[int, int, int, int]] = []
        for j, token in enumerate(doc):
            key = (token.tag, token.lower, token.dep, token.is_space)
            rules = table.get(key)
            if rules is None:
                rules = self._rules_for(token, single, table)
                if len(table) < _TABLE_LIMIT:
                    table[key] = rules
            out.extend((i, ids[i], j, j + 1) for i in rules)
        if rest is not None:
            out.extend((int(self.vocab.strings[m]), m, s, e)  # type: ignore[attr-defined]
                       for m, s, e in rest(doc, allow_missing=True, as_spans=False))
        out.sort()
        return out


def speed_up(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Make ``nlp``'s attribute ruler ``name`` a :class:`FastAttributeRuler` (in place); False when there is no
    such spaCy ruler."""
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return False
    ruler.__class__ = _Fast
    return True


def _fast_class() -> type:
    from spacy.pipeline import AttributeRuler

    return type("FastSpacyAttributeRuler", (FastAttributeRuler, AttributeRuler), {"__module__": __name__})


_Fast = _fast_class()
FastSpacyAttributeRuler = _Fast  # importable by name, so worker processes can unpickle it
