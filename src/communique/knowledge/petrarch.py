"""Import PETRARCH/TABARI actor dictionaries into the actor knowledge base.

The format, as the PETRARCH readers accept it::

    # a comment line; <!-- XML comments --> may span lines
    NORTHLAND_  [NRL]              a phrase and its code; "_" joins words
    +NORTHLANDER                   a synonym of the phrase above
    ODA_VELLANOR_  # trailing comment
    +VELLANOR
        [NRLGOV 990101-051231]     (tab-indented) a code held from-to, dates inclusive
        [NRLELI >060101]           held on and after the date (``<`` on and before)
        [NRLELI]                   the default code, when no dated code holds

Dates are ``YYMMDD`` (``00``-``30`` are 20YY, the rest 19YY) or ``YYYYMMDD``.
Several bracketed codes may also share the phrase's line.  A code of several codes joined by ``/``
(``THE_SHIRE [FRO/BIL/SAM]``) names several actors at once: it is kept whole here and split into one actor
per code by the actor stage.  ``---STOP---`` ends
the dictionary.  Agents dictionaries (``!PERSON!``, ``{plural}``) are not
actor dictionaries and are not read here.

Each (phrase, code) pair becomes one :class:`KnownActor`, with the synonyms as
aliases: country is the code's first three letters when they are an ISO3 code
we know, sector the next three when they are a sector of ours (or the first
three, for codes such as ``IGOUNO``), and the whole code is kept in ``code``.
Dated codes come after the default ones, so that :meth:`ActorKB.find`, which
takes the last entry that holds, prefers the dated code that holds on the day
(the first one listed, as PETRARCH does) and falls back on the default.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator

from ..errors import InputError
from .actors import KnownActor
from .countries import countries, is_capital, resolve_country
from .sectors import SECTORS
from .triggers import Trigger, TriggerTable, merge

__all__ = ["looks_like_petrarch", "parse_petrarch_actors", "parse_petrarch_verbs"]

# A bracketed code, optionally restricted: "[USAGOV]", "[USAGOV >120101]", "[RUSMIL 100101 - 120101]".
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_RESTRICTION = re.compile(
    r"^(?P<code>[^\s<>]+)(?:\s*(?P<op>[<>])\s*(?P<date>\d{6,8})|\s+(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?$"
)
_CODE = re.compile(r"^[A-Za-z0-9]{3,}$")
_NULL_CODE = re.compile(r"^[-+#*]+$")  # "---", "+++": the phrase is known but codes no actor
_COMMENT = re.compile(r"(?:^|(?<=[\s\]]))#")  # "#" at the start, after a blank or after "]"
_PAREN_ACRONYM = re.compile(r"\s*\(([A-Za-z0-9.\-]+)\)\s*$")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "de", "del", "la", "le", "du", "des",
                          "da", "do", "dos", "van", "von", "der", "den", "y", "e", "et", "a", "an", "bin", "ibn"})
_PARTICLES = frozenset({"al", "el", "ad", "as", "ar", "az", "ul", "ud", "ur", "abu", "bin"})
# Ordinary words some dictionaries list as synonyms ("+COUNTRY", "+LET" for Lashkar-e-Taiba): our scan
# matches any capitalised word regardless of case, so a sentence starting "Let" would name an actor.
_ORDINARY_WORDS = frozenset({
    "country", "nation", "republic", "state", "states", "kingdom", "government", "organization", "organisation",
    "north", "south", "east", "west", "car", "let", "male", "youth", "zero", "occupied", "dawn", "tigers",
    "marches", "pole", "saga", "champagne", "people", "army", "party", "front", "movement", "council", "union",
})
_VOWEL = re.compile(r"[AEIOUY]")
_KEEP_WORD = re.compile(r"[\d.]")


@functools.lru_cache(maxsize=65536)
def _date(s: str) -> dt.date:
    """A PETRARCH date: ``YYYYMMDD``, or ``YYMMDD`` with 00-30 meaning 20YY; ``ValueError`` if invalid."""
    if len(s) > 7:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    year = int(s[:2])
    return dt.date(year + (2000 if year <= 30 else 1900), int(s[2:4]), int(s[4:6]))


@functools.lru_cache(maxsize=65536)
def _word_case(word: str, first: bool) -> str:
    if not word.isupper() or _KEEP_WORD.search(word) or not _VOWEL.search(word):
        return word  # "U.S.", "G77", "MR", or a casing the dictionary already chose
    low = word.lower()
    if low in _SMALL_WORDS:
        return low.capitalize() if first else low
    if len(word) <= 2 and low not in _PARTICLES:
        return word  # "US", "UN", "EU"
    return "-".join(part.capitalize() for part in low.split("-"))  # "al-qaeda" -> "Al-Qaeda"


def _display(text: str) -> str:
    """``HAMID KARZAI`` -> ``Hamid Karzai``: capitals become title case, except acronyms
    (a short one-word name that is not a country, such as ``NATO``)."""
    words = text.split()
    if len(words) == 1 and len(text) <= 4 and text.isalpha() and text.isupper() and resolve_country(text) is None:
        return text
    return " ".join(_word_case(w, i == 0) for i, w in enumerate(words))


def _names(phrase: str) -> list[str]:
    """The display name of a phrase, and its acronym when it ends with one: ``ARMY_OF_X_(AOX)_``;
    nothing for an ordinary word."""
    text = " ".join(phrase.replace("_", " ").split())
    if text.casefold() in _ORDINARY_WORDS:
        return []
    if (m := _PAREN_ACRONYM.search(text)) and m.start() > 0:
        acronym = m.group(1)
        names = [_display(text[: m.start()])]
        if sum(c.isalpha() for c in acronym) >= 3:
            names.append(acronym)
        return names
    return [_display(text)] if text else []


def _strip_comment(line: str) -> str:
    if "#" not in line:
        return line
    m = _COMMENT.search(line)
    return line[: m.start()] if m else line


class _Entry:
    """A phrase with its synonyms and codes, as read."""

    __slots__ = ("names", "codes", "person_hint")

    def __init__(self, names: list[str], person_hint: bool) -> None:
        self.names = names
        self.codes: list[tuple[str, dt.date | None, dt.date | None, bool]] = []  # code, from, to, is a range
        self.person_hint = person_hint


def _parse_code(body: str, where: str, problems: list[str]) -> tuple[str, dt.date | None, dt.date | None, bool] | None:
    m = _RESTRICTION.match(body.strip())
    if m is None:
        problems.append(f"{where}: unreadable code [{body.strip()}]")
        return None
    code = m.group("code").upper()
    if _NULL_CODE.match(code):
        return None  # a null code: the phrase is known, but it is no actor
    if not all(_CODE.match(part) for part in code.split("/")):  # "[FRO/BIL/SAM]": a phrase naming several
        problems.append(f"{where}: unreadable code [{body.strip()}]")
        return None
    try:
        if m.group("op"):
            day = _date(m.group("date"))
            return (code, None, day, False) if m.group("op") == "<" else (code, day, None, False)
        if m.group("start"):
            start, end = _date(m.group("start")), _date(m.group("end"))
            if end < start:
                problems.append(f"{where}: date range ends before it starts [{body.strip()}]")
                return None
            return code, start, end, True
    except ValueError:
        problems.append(f"{where}: bad date [{body.strip()}]")
        return None
    return code, None, None, False


#: Sectors of a code besides our lexicon's: ``ELI`` (elites; Phoenix codes a former office-holder ``AFGELI``, or ``ELI``
#: alone for a former official of an international organisation), as :func:`knowledge.sectors.sector_for_title`
#: gives it for "former president".
_CODE_SECTORS = SECTORS | {"ELI"}


def _split_code(code: str) -> tuple[str | None, str | None]:
    if "/" in code:
        return None, None  # several actors' codes: the actor stage splits them (``actors.split_compound``)
    known = countries()
    if code[:3] in known:
        return code[:3], (code[3:6] if code[3:6] in _CODE_SECTORS else None)
    return None, (code[:3] if code[:3] in _CODE_SECTORS else None)


def _is_person(entry: _Entry) -> bool:
    """People come from leader lists, hold elite codes (``ELI``) or dated terms (``990101-051231``);
    states, whose codes also change with time, have a bare three-letter code or a country's name."""
    if entry.person_hint or any("ELI" in (c[0][3:6], c[0][:3]) for c in entry.codes):
        return True
    return (any(c[3] for c in entry.codes) and all(len(c[0]) > 3 for c in entry.codes)
            and resolve_country(entry.names[0]) is None)


def _actors(entry: _Entry) -> list[KnownActor]:
    if not entry.codes or not entry.names:
        return []
    name = entry.names[0]
    aliases = tuple(dict.fromkeys(a for a in entry.names[1:] if a.casefold() != name.casefold()))
    kind = "person" if _is_person(entry) else "organization"
    # ActorKB.find takes the last entry that holds: dated codes after default ones, the first listed last.
    undated = [c for c in entry.codes if c[1] is None and c[2] is None]
    dated = [c for c in entry.codes if c[1] is not None or c[2] is not None]
    out = []
    for code, start, end, _interval in [*reversed(undated), *reversed(dated)]:
        country, sector = _split_code(code)
        out.append(KnownActor(name=name, aliases=aliases, country=country, sector=sector, kind=kind,
                              valid_from=start, valid_to=end, code=code))
    return out


def parse_petrarch_actors(text: str, *, source: str = "<petrarch>",
                          problems: list[str] | None = None) -> list[KnownActor]:
    """Read a PETRARCH/TABARI ``.actors`` dictionary (see the module docstring).

    Lines that cannot be read are skipped (described in ``problems`` when a list is given);
    ``InputError`` only when the text has content but not one bracketed code, i.e. is no dictionary.
    """
    problems = problems if problems is not None else []
    entries: list[_Entry] = []
    current: _Entry | None = None
    in_comment = False
    content = False
    brackets = 0
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:  # inside a multi-line <!-- ... -->
            end = line.find("-->")
            if end < 0:
                continue
            in_comment = False
            line = line[end + 3 :]
        while (start := line.find("<!")) >= 0:  # "<!-- ... -->" (also the sloppy "<! -- ... -->")
            end = line.find("-->", start)
            if end >= 0:
                line = line[:start] + " " + line[end + 3 :]
                continue
            in_comment = line[start + 2 :].lstrip().startswith("--")  # opens a comment over several lines
            line = line[:start]  # else a one-line "<!...>" declaration
        if line.lstrip().startswith("---STOP---"):
            break
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        hint = "CountryInfo" in line  # the leader lists generated from CountryInfo.txt
        body = _strip_comment(line)
        if not body.strip():
            continue
        content = True
        where = f"{source}:{n}"
        if body[:1] in (" ", "\t"):  # an indented code line belongs to the phrase above
            codes = _BRACKET.findall(body)
            if not codes:
                problems.append(f"{where}: indented line without a [code]")
                continue
            brackets += len(codes)
            if current is None:
                problems.append(f"{where}: code before any phrase")
                continue
            current.codes += [c for b in codes if (c := _parse_code(b, where, problems))]
            continue
        body = body.strip()
        if body.startswith("+"):  # a synonym of the phrase above
            if current is None:
                problems.append(f"{where}: synonym before any phrase")
                continue
            # a capital ("+KABUL_" for Afghanistan) is left to the actor stage, which reads it as its
            # country only where it acts ("Kabul said"), not where it is a place ("in Kabul")
            current.names += [a for a in _names(body[1:].split("[", 1)[0]) if is_capital(a) is None]
            continue
        phrase, _, rest = body.partition("[")
        if not phrase.replace("_", " ").strip():
            problems.append(f"{where}: no phrase before the code")
            current = None
            continue
        current = _Entry(_names(phrase), hint)  # no names yet if the phrase is an ordinary word
        entries.append(current)
        if rest:
            codes = _BRACKET.findall("[" + rest)
            brackets += len(codes)
            current.codes += [c for b in codes if (c := _parse_code(b, where, problems))]
    if content and brackets == 0:
        raise InputError(source, "not a PETRARCH actor dictionary (no [CODE] anywhere)")
    out: list[KnownActor] = []
    for e in entries:
        out += _actors(e)
    return out


# "+SYNONYM", an indented "[CODE ...]", or "PHRASE [CODE ...]" (the phrase may end with a tab)
_PETRARCH_LINE = re.compile(r"^(?:\+\S|\s+\[[^\]]*\]|[^\t\[]+\t*\[[^\]\t]*\])")


def looks_like_petrarch(text: str, *, sample: int = 200) -> bool | None:
    """Whether ``text`` is a PETRARCH actor dictionary rather than our tab-separated format:
    ``True``/``False`` when its first ``sample`` content lines say so, ``None`` when they cannot tell."""
    petrarch = tsv = 0
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith(("#", "<!")):
            continue
        if _PETRARCH_LINE.match(line):
            petrarch += 1
        elif line.count("\t") >= 2:
            tsv += 1
        if petrarch + tsv >= sample:
            break
    if petrarch == tsv:
        return None
    return petrarch > tsv


# -- verb dictionaries ------------------------------------------------------------------------------------------
#
# The format, as PETRARCH-2 reads it (``CAMEO.2.0.txt``, UD-PETRARCH's ``PETR_Validate_verbs_2_02.txt``)::
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
    from .cameo import cameo_table

    active, colon, _passive = raw.strip().partition(":")
    active = active.strip()
    if not active:
        return None, "passive-only code [:xxx]" if colon else "null code [---]"
    if set(active) <= {"-"}:
        return None, "null code [---]"
    if not _EVENT_CODE.match(active) or active not in cameo_table():
        return None, "code not in CAMEO"
    return active, ""


def _word_forms(word: str, *, singular: bool = True) -> list[str]:
    """A dictionary word as our matcher compares it (lowercased; a plural also as its singular, unless the
    dictionary marks the word, or its synset, with a final ``_``)."""
    w = word.strip("_").lower()
    if not w:
        return []
    out = [w]
    if singular and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        out.append(w[:-3] + "y" if w.endswith("ies") else w[:-1])
    return out


def _head(phrase: str) -> str:
    """The head of a phrase: its last word ("ARMED_FORCES" -> "FORCES")."""
    words = phrase.replace("_", " ").split()
    return words[-1] if words else ""


class _VerbBlock:
    __slots__ = ("name", "code", "patterns")

    def __init__(self, name: str, code: str) -> None:
        self.name = name
        self.code = code
        self.patterns: list[tuple[int, str, str]] = []  # (rank, code, condition); rank 0 = a single exact word


def _pattern(body: str, synsets: dict[str, list[str]]) -> tuple[tuple[int, str, str] | None, str]:
    """A pattern line (without its leading ``-``) as (rank, code, condition), or ``None`` and why not."""
    m = _PATTERN_CODE.search(body)
    if m is None:
        return None, "no [code]"
    text = body[: m.start()]
    if "*" not in text:
        return None, "no verb (*)"
    before, _, after = text.partition("*")
    if "%" in text:
        return None, "compound actor (%)"
    if any(t not in _PLACEHOLDERS for t in before.split()):
        return None, "words before the verb"
    items: list[tuple[str | None, str | None, bool]] = []  # (preposition, head, head is a whole word)
    prep: str | None = None
    in_pp = in_np = False
    pp_start = 0
    np_words: list[str] = []
    for tok in _PATTERN_TOKEN.findall(after.replace("*", " ")):
        if tok in _PLACEHOLDERS:
            continue
        if tok == "(":
            in_pp, prep, pp_start = True, None, len(items)
        elif tok == ")":
            if in_pp and prep is not None and len(items) == pp_start:
                items.append((prep, None, True))  # "(IN)": a preposition alone
            in_pp = False
        elif tok == "{":
            in_np, np_words = True, []
        elif tok == "}":
            in_np = False
            if np_words:
                items.append((prep if in_pp else None, np_words[-1], len(np_words) == 1))
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
        return None, "no word after the verb"
    if len(items) > 1:
        return None, "several phrases after the verb"
    prep, head, exact = items[0]
    if head is None or head.lower() in _PATTERN_PREPOSITIONS:
        return None, "preposition alone"
    if prep is not None and prep not in _OBJ_PREPOSITIONS:
        return None, "prepositional phrase other than of/for/on"
    if head.startswith("&"):
        members = synsets.get(head[1:].rstrip("_").upper())
        if members is None:
            return None, "undefined synset"
        words = [w for member in members for w in _word_forms(_head(member), singular=not member.endswith("_"))]
    else:
        words = _word_forms(_head(head), singular=not head.endswith("_"))
    words = list(dict.fromkeys(w for w in words if w))
    if not words:
        return None, "no word after the verb"
    code, why = _event_code(m.group(1))
    if code is None:
        return None, why
    kind = "near" if prep is None and len(words) == 1 and words[0] in _VERB_PARTICLES else "obj"
    return (0 if exact and prep is None else 1, code, f"{kind}:{'|'.join(words)}"), ""


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
      of its block; placeholders ``$ + ^`` are dropped and the modifiers of a noun phrase are lost;
    * codes ``[active:passive]`` give the active code when it is a CAMEO code we know.

    Not converted (counted in ``stats`` as ``skipped: <reason>``, summed up in ``problems``): patterns with
    words before the verb, a compound actor ``%``, several phrases, prepositions other than of/for/on, no
    or null codes, undefined synsets; multi-word verbs of three words and more; transformations.
    For each word, conditional rows come before the unconditional one; when two patterns give a verb the same
    condition, a single word beats a phrase's head, then the first listed wins.
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

    patterns: dict[str, list[tuple[str, str]]] = {}  # block name -> (code, condition), one per condition
    for name, blk in blocks.items():
        first: dict[str, str] = {}
        for _rank, pcode, pcond in sorted(blk.patterns, key=lambda p: p[0]):
            if pcond in first:
                stats["skipped: condition given before"] += 1
            else:
                first[pcond] = pcode
        patterns[name] = [(pcode, pcond) for pcond, pcode in first.items()]
    conditional: dict[str, list[Trigger]] = {}
    plain: dict[str, list[Trigger]] = {}
    claimed: set[str] = set()
    for (lemma, cond), (name, own_code, forms) in verbs.items():
        blk = blocks[name]
        rows = [Trigger(lemma, "VERB", pcode, pcond) for pcode, pcond in patterns[name]] if cond is None else []
        code, why = _event_code(own_code if own_code is not None else blk.code)
        default = Trigger(lemma, "VERB", code, cond) if code is not None else None
        if default is not None and cond is not None:
            rows.append(default)
        elif code is None and why != "null code [---]":
            stats[f"verbs without a default: {why}"] += 1
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
