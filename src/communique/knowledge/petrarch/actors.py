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
aliases (a synonym that is a capital, ``+PYONGYANG`` under ``NORTH_KOREA [PRK]``, becomes an entry of
``kind="capital"`` with the phrase's code instead: no name the actor stage finds by itself, but the code of the
capital where it acts, "Pyongyang fired shells": PRK): country is the code's first three letters when they
are an ISO3 code we know, sector the next three when they are a sector of ours (or the first
three, for codes such as ``IGOUNO``), and the whole code is kept in ``code``.
Dated codes come after the default ones, so that :meth:`ActorKB.find`, which
takes the last entry that holds, prefers the dated code that holds on the day
(the first one listed, as PETRARCH does) and falls back on the default.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ...errors import InputError
from ..actors import KnownActor
from ..countries import countries, is_capital, resolve_country
from ..sectors import SECTORS

__all__ = ["looks_like_petrarch", "parse_petrarch_actors"]

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

    __slots__ = ("names", "capitals", "codes", "person_hint")

    def __init__(self, names: list[str], person_hint: bool) -> None:
        self.names = names
        self.capitals: list[str] = []  # synonyms that are capitals ("+PYONGYANG" under NORTH_KOREA)
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
        out += [KnownActor(name=capital, aliases=(), country=country, sector=sector, kind="capital",
                           valid_from=start, valid_to=end, code=code) for capital in entry.capitals]
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
            # a capital ("+KABUL_" for Afghanistan) is no name of its own: the actor stage reads it as its
            # country only where it acts ("Kabul said"), not where it is a place ("in Kabul"), and there the
            # dictionary's code for it holds (a ``kind="capital"`` entry)
            synonyms = _names(body[1:].split("[", 1)[0])
            current.names += [a for a in synonyms if is_capital(a) is None]
            current.capitals += [a for a in synonyms if is_capital(a) is not None]
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
