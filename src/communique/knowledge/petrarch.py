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
Several bracketed codes may also share the phrase's line.  ``---STOP---`` ends
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
import re

from ..errors import InputError
from .actors import KnownActor
from .countries import countries
from .sectors import SECTORS

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
_VOWELS = frozenset("aeiouyAEIOUY")


def _date(s: str) -> dt.date:
    """A PETRARCH date: ``YYYYMMDD``, or ``YYMMDD`` with 00-30 meaning 20YY; ``ValueError`` if invalid."""
    if len(s) > 7:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    year = int(s[:2])
    return dt.date(year + (2000 if year <= 30 else 1900), int(s[2:4]), int(s[4:6]))


def _word_case(word: str, first: bool) -> str:
    if any(c.isdigit() for c in word) or "." in word or not (set(word) & _VOWELS):
        return word  # "U.S.", "G77", "NGO" ... keep as written
    if not word.isupper():
        return word  # the dictionary already chose a casing
    low = word.lower()
    if not first and low in _SMALL_WORDS:
        return low
    return "-".join(part[:1].upper() + part[1:] for part in low.split("-"))  # "al-qaeda" -> "Al-Qaeda"


def _display(phrase: str) -> str:
    """``HAMID_KARZAI_`` -> ``Hamid Karzai``: underscores become spaces, capitals become title case
    (short one-word acronyms such as ``NATO`` stay as they are)."""
    words = phrase.replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isalpha():
        return words[0]
    return " ".join(_word_case(w, i == 0) for i, w in enumerate(words))


def _names(phrase: str) -> list[str]:
    """The display name of a phrase, and its acronym when it ends with one: ``ARMY_OF_X_(AOX)_``."""
    text = " ".join(phrase.replace("_", " ").split())
    if (m := _PAREN_ACRONYM.search(text)) and m.start() > 0:
        acronym = m.group(1)
        names = [_display(text[: m.start()])]
        if sum(c.isalpha() for c in acronym) >= 3:
            names.append(acronym)
        return names
    return [_display(text)] if text else []


def _strip_comment(line: str) -> str:
    m = _COMMENT.search(line)
    return line[: m.start()] if m else line


class _Entry:
    __slots__ = ("names", "codes", "person_hint", "line")

    def __init__(self, names: list[str], line: int, person_hint: bool) -> None:
        self.names = names
        self.codes: list[tuple[str, dt.date | None, dt.date | None, bool]] = []  # code, from, to, interval
        self.person_hint = person_hint
        self.line = line


def _parse_code(body: str, where: str, problems: list[str]) -> tuple[str, dt.date | None, dt.date | None, bool] | None:
    m = _RESTRICTION.match(body.strip())
    if m is None:
        problems.append(f"{where}: unreadable code [{body.strip()}]")
        return None
    code = m.group("code").upper()
    if _NULL_CODE.match(code):
        return None  # a null code: the phrase is known, but it is no actor
    if not _CODE.match(code):
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


def _split_code(code: str) -> tuple[str | None, str | None]:
    known = countries()
    if code[:3] in known:
        return code[:3], (code[3:6] if code[3:6] in SECTORS else None)
    return None, (code[:3] if code[:3] in SECTORS else None)


def _is_person(entry: _Entry) -> bool:
    """People have dated terms (``990101-051231``), elite codes (``ELI``) or come from leader lists."""
    if entry.person_hint:
        return True
    for code, _start, _end, interval in entry.codes:
        if interval or "ELI" in (code[3:6], code[:3]):
            return True
    return False


def _actors(entry: _Entry) -> list[KnownActor]:
    if not entry.codes or not entry.names:
        return []
    name, aliases = entry.names[0], tuple(dict.fromkeys(a for a in entry.names[1:] if a.casefold() != entry.names[0]
                                                          .casefold()))
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
        if in_comment:
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
        hint = "countryinfo" in line.casefold()
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
            current.names += _names(body[1:].split("[", 1)[0])
            continue
        phrase, _, rest = body.partition("[")
        names = _names(phrase)
        if not names:
            problems.append(f"{where}: no phrase before the code")
            current = None
            continue
        current = _Entry(names, n, hint)
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


_PETRARCH_LINE = re.compile(r"^(?:\+\S|\s+\[[^\]]*\]|[^\t\[]+\[[^\]\t]*\])")


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
