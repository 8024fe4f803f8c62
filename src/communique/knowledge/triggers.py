"""Event trigger tables: which word, in which part of speech and context, codes which CAMEO event.

The bundled table is ``data/triggers.tsv`` (readable, ours); more tables can be merged in (for example from a
PETRARCH verb dictionary, ``knowledge.petrarch.parse_petrarch_verbs``).  Rows for one word are tried in order,
so tables merged later only add what earlier ones do not decide.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

__all__ = ["Trigger", "TriggerTable", "default_triggers", "merge", "parse_triggers"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """``lemma`` in part of speech ``pos`` (VERB, NOUN or ANY) codes ``cameo`` when ``condition`` holds.

    Conditions: ``near:w1|w2`` (a child or a word within four), ``obj:w1|w2`` (in the object or of-phrase),
    ``sub:w1|w2`` (anywhere in the trigger's subtree, quotes included), ``prt:w1|w2`` (a verb particle:
    "shot down"), ``prep:w1|w2`` (a particle or preposition of the trigger whose object is no date: "called on"),
    ``pred:w1|w2`` (what the verb calls its object holds one of these lemmas or lemma sequences: "called X a killer"),
    ``place`` (the object, or its of-phrase, is a place: "captured Kherson", "took control of the airport"),
    ``noobj`` (no direct object), ``clause`` (the verb has a clausal complement: "protested that ..."), ``partner``
    (done with another party: a joint word, a with-phrase, coordinated doers: "drills with India"), ``pp:p`` /
    ``pp:p:w1|w2`` (a prepositional phrase with preposition ``p`` of the trigger or of its object, holding one of
    the words when given: "clashed over the efforts", "condemned an attack by ..."; PETRARCH dictionary patterns
    use it); ``a;b`` both hold, ``!a`` does not hold; ``None`` always holds.

    Rows read from a PETRARCH verb dictionary (``knowledge.petrarch.parse_petrarch_verbs``) also say so:
    ``source`` is ``"petrarch"`` (None for ours and tab-separated tables); ``reverse`` the code of its
    ``[active:passive]`` bracket's other side ("arrived": 042 by the visitor, 043 by the host: the target's act
    towards the source); ``mutual`` a ``%`` pattern (coordinated subjects act on each other: "Gondor and
    Osgiliath postponed their meeting"); ``roles`` the pattern's phrases of placeholders alone, ``;``-joined:
    ``+with`` (the target is in the with-phrase), ``^at`` (the at-phrase holds no target: "- * EID (AT ^) (WITH +)",
    "celebrated Eid at Osgiliath with Gondor").  The event stage reads them in ``stages.events.dictionary``.
    """

    lemma: str
    pos: str
    cameo: str
    condition: str | None
    source: str | None = None
    reverse: str | None = None
    mutual: bool = False
    roles: str | None = None


TriggerTable = dict[str, list[Trigger]]


def parse_triggers(text: str) -> TriggerTable:
    """Our tab-separated format: lemma, part of speech, CAMEO code, condition; ``#`` starts a comment line."""
    out: TriggerTable = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        cond = cols[3].strip() if len(cols) > 3 and cols[3].strip() else None
        out.setdefault(cols[0], []).append(Trigger(cols[0], cols[1], cols[2], cond))
    return out


@functools.lru_cache(maxsize=1)
def default_triggers() -> TriggerTable:
    return parse_triggers(resources.files("communique.knowledge").joinpath("data/triggers.tsv").read_text("utf-8"))


def merge(*tables: TriggerTable) -> TriggerTable:
    """One table; for each word, the rows of earlier tables come first."""
    out: TriggerTable = {}
    for table in tables:
        for lemma, rows in table.items():
            out.setdefault(lemma, []).extend(rows)
    return out
