"""Import PETRARCH-2 verb dictionaries into the trigger table (the format is described below)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from ...errors import InputError
from ..triggers import Trigger, TriggerTable, merge

#
#     &CURRENCY                           a synset: a label, then "+" members (words or phrases)
#     +DOLLAR
#     +SWISS_FRANCS
#
#     --- GRANT [070] ---                 a verb block: a name (not always a verb) and its default code
#     GRANT                               a verb of the block (regular forms made by the program)
#     GIVE {GAVE GIVEN GIVING}            ... with its irregular forms
#     DONATE [071]                        ... with a code of its own
#     +HAND_OVER {+HANDED_OVER}           a multi-word verb: "+" marks the word that is the verb
#     - * &CURRENCY [0331]                a pattern: words before "*" (the verb) and after it, a code
#     - * (TO {REFUGEE CAMP}) [073]       "(...)" a prepositional phrase, "{...}" a noun phrase (last word = head)
#     - $ * + [---]                       "$" source, "+" target, "%" compound actor, "^" skip; [---] no event
#     ~ a (a b ATTACK) SAY = a b 015      a transformation (not read)
#
# Codes are ``[active:passive]``: ``[043:042]`` codes 043 for the verb as written, 042 read from the other
# side; ``[:173]`` has a passive meaning only.  The blocks that share a name share their patterns; a verb
# keeps the first block it appears in, as PETRARCH does.

_VERB_BLOCK = re.compile(r"^-{3}\s*(?P<name>[^\s\[]*)\s*(?:\[(?P<code>[^\]]*)\])?")
# "VERB", "VERB {FORMS}", "VERB [CODE]" (either order), "+VERB_PARTICLE", "VERB PARTICLE"
_VERB_LINE = re.compile(r"^(?P<verb>[^\s{\[]+)(?:\s+(?P<particle>[A-Za-z]+))?\s*"
                        r"(?:\[(?P<code1>[^\]]*)\])?\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
_PATTERN_CODE = re.compile(r"\[([^\[\]]*)\]\s*$")
_PATTERN_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_EVENT_CODE = re.compile(r"^\d{2,4}$")
_PLACEHOLDERS = frozenset({"$", "+", "^"})
# words after the verb that are its particle, not its object ("LOOK FORWARD", "PASS AWAY"): near:, not obj:
_VERB_PARTICLES = frozenset({"up", "down", "out", "off", "away", "back", "forward", "over", "along", "around",
                             "aside", "through", "apart", "together"})
_PATTERN_PREPOSITIONS = frozenset({"of", "for", "on", "to", "with", "in", "into", "at", "against", "from", "by",
                                   "over", "about", "behind", "before", "between", "toward", "towards", "under"})
_OBJ_PREPOSITIONS = frozenset({"of", "for", "on"})  # the prepositional phrases our ``obj:`` condition looks into
PETRARCH = "petrarch"  # ``Trigger.source`` of the rows read here

#: PETRARCH's negation of a verb's code: the code whose value in PETRARCH's internal coding ontology (PICO) is the
#: verb's value less 0xFFFF, where the ontology has one: "did not clash over the plans" ``[110]`` (0x1007F) is
#: 050 (0x0080), "did not wire tap" ``[170]`` (0x10086) is 057 (0x0087), "did not cooperate" 060 (0x0070) is 121
#: (-0xFFFF + 0x0070), "did not yield" 080 (0x0200) is 124; a statement denied, 010 (0x1000), is 011.  Codes not
#: listed have no negated code in the ontology.
NEGATED_CODES: dict[str, str] = {
    "010": "011", "015": "016", "110": "050", "170": "057", "060": "121", "061": "1211", "062": "1212",
    "080": "124", "081": "1241", "082": "1242", "0841": "1242", "0842": "1242", "085": "1244", "086": "1245",
    "087": "1246",
}
NO_EVENT = "---"  # the code of a pattern that vetoes its verb: the event stage codes nothing for it


def _uncommented(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines without ``<!-- -->``, ``#`` and ``;`` comments (blank lines dropped), up to ``---STOP---``."""
    in_comment = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            in_comment = False
            line = line[end + 3 :]
        while (start := line.find("<!")) >= 0:
            end = line.find("-->", start)
            if end >= 0:
                line = line[:start] + " " + line[end + 3 :]
                continue
            in_comment = line[start + 2 :].lstrip().startswith("--")
            line = line[:start]
        line = line.split("#", 1)[0].split(";", 1)[0].rstrip()
        if line.lstrip().startswith("---STOP---"):
            return
        if line.strip():
            yield n, line


@functools.lru_cache(maxsize=1024)
def _event_code(raw: str) -> tuple[str | None, str]:
    """The CAMEO code a bracket gives the verb as written, or ``None`` and why not."""
    from ..cameo import cameo_table

    active, colon, _passive = raw.strip().partition(":")
    active = active.strip()
    if not active:
        return None, "passive-only code [:xxx]" if colon else "null code [---]"
    if set(active) <= {"-"}:
        return None, "null code [---]"
    if not _EVENT_CODE.match(active):
        return None, "code not in CAMEO"
    if active not in cameo_table():  # "[345]": a number, an event of an ontology we do not code
        return None, "number not in CAMEO"
    return active, ""


def _reverse_code(raw: str) -> str | None:
    """The other side's code of an ``[active:passive]`` bracket (``[042:043]`` -> 043), when it is a CAMEO code."""
    _active, colon, passive = raw.strip().partition(":")
    if not colon:
        return None
    code, _why = _event_code(passive)
    return code


def _word_forms(word: str, *, singular: bool = True) -> list[str]:
    """A dictionary word as our matcher compares it (lowercased; a plural also as its singular, unless the
    dictionary marks the word, or its synset, with a final ``_``)."""
    w = word.strip("_").lower()
    if not w:
        return []
    out = [w]
    if singular and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        out.append((w[:-3] + ("ie" if len(w) < 6 and w[:-3] in ("t", "l", "d", "p", "v") else "y"))
                   if w.endswith("ies") else w[:-1])  # "allies" -> "ally", "ties" -> "tie"
    return out


def _head(phrase: str) -> str:
    """The head of a phrase: its last word ("ARMED_FORCES" -> "FORCES")."""
    words = phrase.replace("_", " ").split()
    return words[-1] if words else ""


# a converted pattern: (rank, code, condition or None, reverse code, mutual); rank 0 = a single exact word
_Pattern = tuple[int, str, str | None, str | None, bool, str | None]


class _VerbBlock:
    __slots__ = ("name", "code", "patterns")

    def __init__(self, name: str, code: str) -> None:
        self.name = name
        self.code = code
        self.patterns: list[_Pattern] = []


def _pattern(body: str, synsets: dict[str, list[str]]) -> tuple[_Pattern | None, str]:
    """A pattern line (without its leading ``-``) as a :data:`_Pattern`, or ``None`` and why not.

    ``- % * [CODE]`` (a compound actor before the verb, nothing after it) is a mutual pattern without a
    condition: coordinated subjects act on each other."""
    m = _PATTERN_CODE.search(body)
    if m is None:
        return None, "no [code]"
    text = body[: m.start()]
    if "*" not in text:
        return None, "no verb (*)"
    before, _, after = text.partition("*")
    if "%" in after:
        return None, "compound actor (%) after the verb"
    mutual = "%" in before
    before = before.replace("%", " ")
    pre: list[str] = []  # "pre:" conditions, one per word before the verb ("- {DEATH TOLL} * [190]")
    if any(t not in _PLACEHOLDERS for t in before.split()):
        words_before = [t for t in _PATTERN_TOKEN.findall(before) if t not in _PLACEHOLDERS and t not in "{}"]
        if "(" in words_before or ")" in words_before:
            return None, "a prepositional phrase before the verb"
        if mutual:
            return None, "compound actor (%) with words before the verb"
        for word in words_before:
            found = _phrase_words(word, synsets)
            if found is None:
                return None, "undefined synset"
            if found:
                pre.append(f"pre:{'|'.join(found)}")
    items: list[tuple[str | None, str | None, bool]] = []  # (preposition, head, head is a whole word)
    modifiers: dict[int, list[str]] = {}  # the words before a noun phrase's head, by item
    prep: str | None = None
    in_pp = in_np = False
    pp_start = 0
    np_words: list[str] = []
    pp_role: str | None = None
    roles: dict[int, str] = {}  # a phrase of placeholders alone, by item: "+with" (the target), "^at" (skipped)
    for tok in _PATTERN_TOKEN.findall(after.replace("*", " ")):
        if tok in _PLACEHOLDERS:
            if in_pp and prep is not None and tok in ("+", "^"):
                pp_role = pp_role or f"{tok}{prep}"
            continue
        if tok == "(":
            in_pp, prep, pp_start, pp_role = True, None, len(items), None
        elif tok == ")":
            if in_pp and prep is not None and len(items) == pp_start:
                items.append((prep, None, True))  # "(IN)": a preposition alone
                if pp_role is not None:
                    roles[len(items) - 1] = pp_role
            in_pp = False
        elif tok == "{":
            in_np, np_words = True, []
        elif tok == "}":
            in_np = False
            if np_words:
                items.append((prep if in_pp else None, np_words[-1], len(np_words) == 1))
                modifiers[len(items) - 1] = np_words[:-1]
        elif in_np:
            np_words.append(tok)
        elif in_pp and prep is None:
            prep = tok.lower()
        else:
            items.append((prep if in_pp else None, tok, "_" not in tok.strip("_")))
    if len(items) == 2 and items[0][0] is None and items[0][1] is not None \
            and items[0][1].lower() in _PATTERN_PREPOSITIONS and items[1][0] is None:
        items = [(items[0][1].lower(), items[1][1], items[1][2])]  # "ON &SOLUTION" without parentheses
    if not items:
        if mutual:
            code, why = _event_code(m.group(1))
            return (None, why) if code is None else ((2, code, None, _reverse_code(m.group(1)), True, None), "")
        if not pre:
            return None, "no word after the verb"
        code, why = _event_code(m.group(1))
        if code is None and why not in ("null code [---]", "number not in CAMEO"):
            return None, why
        rank = -10 * len(pre) + 1
        if code is None:  # "- CAMPAIGN * [---]": the verb codes nothing after those words
            return (rank, NO_EVENT, ";".join(pre), None, False, None), "veto"
        return (rank, code, ";".join(pre), _reverse_code(m.group(1)), False, None), ""

    def several(items: list[tuple[str | None, str | None, bool]]) -> bool:
        # one phrase, or an object word and a prepositional phrase after it ("ATTACK (BY)", "PLAN (FOR PEACE)")
        return len(items) > 2 or (len(items) == 2 and (items[0][0] is not None or items[0][1] is None
                                                       or items[1][0] is None))

    role = ";".join(roles.values()) or None
    if several(items) and roles:  # "EID (AT ^) (WITH +)": phrases of placeholders say roles, not words
        modifiers = {len([j for j in range(i) if j not in roles]): w for i, w in modifiers.items() if i not in roles}
        items = [it for i, it in enumerate(items) if i not in roles]
    if not items or several(items):
        return None, "several phrases after the verb"
    parts: list[str] = list(pre)
    for n, (prep, head, _exact) in enumerate(items):
        if head is not None and head.lower() in _PATTERN_PREPOSITIONS and prep is None:
            prep, head = head.lower(), None  # "- * WITH [030]"
        if head is None:  # a preposition alone: "(WITH)"
            if prep is None:
                return None, "no word after the verb"
            parts.append(f"pp:{prep}")
            continue
        words = _phrase_words(head, synsets)
        if words is None:
            return None, "undefined synset"
        if not words:
            return None, "no word after the verb"
        if prep is None:
            kind = "near" if len(words) == 1 and words[0] in _VERB_PARTICLES else "obj"
            parts.append(f"{kind}:{'|'.join(words)}")
            for modifier in modifiers.get(n, []):  # "{NEW &TIETYPES RELATIONS}": each word in the object too
                mwords = _phrase_words(modifier, synsets)
                if mwords is None:
                    return None, "undefined synset"
                if mwords:
                    parts.append(f"obj:{'|'.join(mwords)}")
        elif prep in _OBJ_PREPOSITIONS and len(items) == 1:
            parts.append(f"obj:{'|'.join(words)}")
        else:
            parts.append(f"pp:{prep}:{'|'.join(words)}")
    code, why = _event_code(m.group(1))
    if code is None and why not in ("null code [---]", "number not in CAMEO"):
        return None, why
    prep, _head, exact = items[0]
    rank = -10 * len(parts) + (0 if exact and prep is None else 1)  # the more words, the sooner tried
    if code is None:  # "- * BUDGET [---]": the verb codes nothing there (nor a less specific pattern of it)
        return (rank, NO_EVENT, ";".join(parts), None, False, None), "veto"
    return (rank, code, ";".join(parts), _reverse_code(m.group(1)), mutual, role), ""


def _phrase_words(head: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """The words a pattern's word, phrase or synset stands for (heads, plurals also as singulars); ``None`` for an
    undefined synset."""
    if head.startswith("&"):
        members = synsets.get(head[1:].rstrip("_").upper())
        if members is None:
            return None
        words = [w for member in members for w in _word_forms(_head(member), singular=not member.endswith("_"))]
    else:
        words = _word_forms(_head(head), singular=not head.endswith("_"))
    return list(dict.fromkeys(w for w in words if w))


def _verb_key(word: str) -> tuple[str, str | None] | None:
    """A verb entry as (lemma, condition): ``CALL_ON``/``+CALL_ON`` -> ("call", "near:on"); ``None`` for a
    multi-word verb of more than two words (our conditions hold one context word)."""
    w = word.strip().rstrip("_").upper()
    if "_" not in w and "+" not in w:
        return (w.lower(), None) if w.replace("-", "").replace("'", "").isalpha() else None
    parts = [p for p in w.split("_") if p]
    at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    verb = parts[at].lstrip("+")
    others = [p for i, p in enumerate(parts) if i != at]
    if len(others) != 1 or not verb.isalpha() or not others[0].isalpha() or others[0] in ("AND", "OR", "THE", "A"):
        return None
    return verb.lower(), f"near:{others[0].lower()}"


def parse_petrarch_verbs(text: str, *, source: str = "<petrarch verbs>", problems: list[str] | None = None,
                         stats: Counter[str] | None = None) -> TriggerTable:
    """Read a PETRARCH/TABARI verb dictionary (see the comment above) as a trigger table of ours.

    What maps onto :class:`~.triggers.Trigger`:

    * each verb of a block -> ``Trigger(verb, "VERB", code, None)`` with its own code or the block's (none for
      ``[---]``); a two-word verb ``+CALL_ON`` -> ``("call", "near:on")``; irregular forms ``{...}`` become
      keys of their own (unless they are verbs of the dictionary themselves), as spaCy may not lemmatise them;
    * a pattern with one word or noun phrase after the verb (``- * AMBASSADOR [050]``, ``- $ * {NEW
      CABINET} + [050]``, ``- * (OF &TREATY) [057]``) -> ``obj:`` its head word (a plural also as its
      singular; a synset: the heads of its members), ``near:`` for a particle (``- * AWAY``), for each verb
      of its block; placeholders ``$ + ^`` are dropped and the modifiers of a noun phrase are lost; a
      prepositional phrase with another preposition (``- * (OVER PLANS)``, ``- * (WITH)``) -> ``pp:over:plans``
      / ``pp:with``; words before the verb (``- {DEATH TOLL} * [190]``) -> ``pre:`` each word
      (``pre:death;pre:toll``), beside the conditions after the verb: read, as UniversalPetrarch reads them, in the
      verb's subject, among its nouns, names and adjectives (so "- HEAVILY *" and "- NEITHER *" hold nowhere);
      an object word and a prepositional phrase after it (``- * ATTACK (BY)``) -> ``obj:attack;pp:by``; the
      words before a noun phrase's head must be in the object too (``{NEW &TIETYPES
      RELATIONS}`` -> ``obj:relations|relation;obj:new;obj:military|economic|cultural``); patterns of more words are
      tried first;
    * a verb whose code is null (``--- BURN [---] ---``) codes nothing but its patterns: its default row has the
      code ``---`` (:data:`NO_EVENT`), so that neither our rows nor the learned coder code it;
    * a code that is a number but no CAMEO code (``[345]``, an event of another ontology) is treated as a null code:
      where its verb or pattern holds we code nothing, rather than another code in its place;
    * a pattern with a null code ``[---]`` vetoes its verb where it holds: a row with the code ``---``
      (:data:`NO_EVENT`), which codes nothing (``- * BUDGET [---]``: "approved the budget" is no event), rather
      than a less specific pattern's or the verb's code;
    * codes ``[active:passive]`` give the active code when it is a CAMEO code we know, and the passive one as
      ``Trigger.reverse`` (the target's act towards the source: "arrived" ``[042:043]``);
    * ``- % * [CODE]`` (a compound actor, nothing after the verb) with the block's own code makes the verbs'
      default rows ``mutual`` (coordinated subjects act on each other); a ``%`` pattern with a phrase after the
      verb is a conditional row of its own, mutual.  Rows read here have ``source="petrarch"``.

    Not converted (counted in ``stats`` as ``skipped: <reason>``, summed up in ``problems``): patterns with
    a prepositional phrase before the verb (``- (IN) *``), a compound actor ``%`` after the verb or with words
    before it, more phrases than an object and a prepositional
    phrase, passive-only codes and codes not in CAMEO, undefined synsets, a ``% *`` pattern with another code than
    its block's; multi-word verbs of three words and more; transformations.
    For each word, conditional rows come before the unconditional one, patterns of more words first, then a single
    word before a phrase's head; when two patterns give a verb the same condition, the first listed wins.
    ``stats`` also counts ``verbs`` (keys with a verb entry), ``patterns``, ``patterns converted`` and
    ``rows``.  ``InputError`` when the text has content but no verb block.
    """
    problems = problems if problems is not None else []
    stats = stats if stats is not None else Counter()
    synsets: dict[str, list[str]] = {}
    blocks: dict[str, _VerbBlock] = {}  # by name: blocks of one name share their patterns
    verbs: dict[tuple[str, str | None], tuple[str, str | None, list[str]]] = {}  # key -> block, code, forms
    block: _VerbBlock | None = None
    synset: str | None = None
    plain_label = False
    content = False
    for n, line in _uncommented(text):
        content = True
        s = line.strip()
        where = f"{source}:{n}"
        if s.startswith("---"):
            m = _VERB_BLOCK.match(s)
            name = (m.group("name") if m else "") or f"<block {n}>"
            block = blocks.setdefault(name, _VerbBlock(name, (m.group("code") if m else None) or "---"))
            synset = None
        elif s.startswith("&"):
            label = s[1:].split()[0].upper()
            synset, plain_label = label.rstrip("_"), label.endswith("_")
            synsets.setdefault(synset, [])
        elif s.startswith("+") and synset is not None:
            synsets[synset].append(s[1:].strip() + ("_" if plain_label else ""))  # "_": no plural forms
        elif s.startswith("~"):
            stats["skipped: transformation"] += 1
        elif s.startswith("-"):
            stats["patterns"] += 1
            if block is None:
                problems.append(f"{where}: pattern before any verb block")
                continue
            pattern, why = _pattern(s[1:], synsets)
            if why == "veto":
                stats["patterns that veto their verb ([---])"] += 1
            if pattern is None:
                stats[f"skipped: {why}"] += 1
                if why == "no [code]":
                    problems.append(f"{where}: pattern without a [code]")
                continue
            stats["patterns converted"] += 1
            block.patterns.append(pattern)
        else:
            synset = None
            m = _VERB_LINE.match(s)
            if m is None:
                problems.append(f"{where}: unreadable verb line {s!r}")
                continue
            if block is None:
                problems.append(f"{where}: verb before any verb block")
                continue
            verb = m.group("verb") + ("_" + m.group("particle") if m.group("particle") else "")
            key = _verb_key(verb)
            if key is None:
                stats["skipped: multi-word verb"] += 1
                continue
            if key in verbs:
                stats["skipped: verb listed again"] += 1
                continue
            forms = [f.lower() for f in (m.group("forms") or "").split() if f.isalpha()] if key[1] is None else []
            verbs[key] = (block.name, m.group("code") or m.group("code1"), forms)
    if content and not blocks:
        raise InputError(source, "not a PETRARCH verb dictionary (no '--- NAME [CODE] ---' block anywhere)")

    # block name -> its conditional patterns (code, condition, reverse, mutual), one per condition; and the
    # blocks whose "% *" pattern makes their default mutual
    patterns: dict[str, list[tuple[str, str, str | None, bool, str | None]]] = {}
    mutual_default: dict[str, str] = {}
    for name, blk in blocks.items():
        first: dict[str, tuple[str, str | None, bool, str | None]] = {}
        for _rank, pcode, pcond, prev, pmutual, proles in sorted(blk.patterns, key=lambda p: p[0]):
            if pcond is None:  # "% *": the block's default is mutual, if it has the same code
                if pcode == _event_code(blk.code)[0]:
                    mutual_default.setdefault(name, pcode)
                else:
                    stats["skipped: compound actor (%) with another code than the block's"] += 1
            elif pcond in first:
                stats["skipped: condition given before"] += 1
            else:
                first[pcond] = (pcode, prev, pmutual, proles)
        patterns[name] = [(pcode, pcond, prev, pmutual, proles)
                          for pcond, (pcode, prev, pmutual, proles) in first.items()]
    conditional: dict[str, list[Trigger]] = {}
    plain: dict[str, list[Trigger]] = {}
    claimed: set[str] = set()
    for (lemma, cond), (name, own_code, forms) in verbs.items():
        blk = blocks[name]
        rows = [Trigger(lemma, "VERB", pcode, pcond, PETRARCH, prev, pmutual, proles)
                for pcode, pcond, prev, pmutual, proles in patterns[name]] if cond is None else []
        raw_code = own_code if own_code is not None else blk.code
        code, why = _event_code(raw_code)
        mutual = code is not None and mutual_default.get(name) == code
        default = Trigger(lemma, "VERB", code, cond, PETRARCH, _reverse_code(raw_code), mutual) \
            if code is not None else None
        if code is None and why in ("null code [---]", "number not in CAMEO"):
            # "--- BURN [---]": the verb alone codes nothing, not even by our rows; "--- ARREST [212]": an event we
            # cannot code, not one of ours in its place
            default = Trigger(lemma, "VERB", NO_EVENT, cond, PETRARCH)
        if default is not None and cond is not None:
            rows.append(default)
        elif code is None and why != "null code [---]":
            stats[f"verbs without a default: {why}"] += 1
        if why == "number not in CAMEO":
            stats["verbs coding a number not in CAMEO: no event"] += 1
        # an irregular form shares the verb's rows (the trigger keeps the verb as its lemma)
        keys = [lemma] + [f for f in dict.fromkeys(forms) if (f, None) not in verbs and f not in claimed]
        claimed.update(keys[1:])  # a form listed for two verbs is the first one's
        stats["irregular forms"] += len(keys) - 1
        for form in keys:
            if rows:
                conditional.setdefault(form, []).extend(rows)
            if default is not None and cond is None:
                plain.setdefault(form, []).append(default)
    stats["verbs"] = len({lemma for lemma, _ in verbs})
    table = merge(conditional, plain)
    stats["rows"] = sum(len(rows) for rows in table.values())
    for reason, count in sorted(stats.items()):
        if reason.startswith("skipped: ") and count:
            problems.append(f"{source}: {count} {reason}")
    return table
