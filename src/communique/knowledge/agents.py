"""Agents: common-noun phrases that give an actor its role ("cleric" -> REL), read from PETRARCH/TABARI
agents dictionaries (``PETR.Validate.agents.txt``, ``Phoenix.agents.txt``).

The format, as the PETRARCH readers accept it::

    !PERSON! = MAN, MEN, WOMAN, WOMEN          a substitution set, used as !PERSON! in phrases
    MAIN_OPPOSITION_GROUP [~MOP]               "_" joins words; the code follows the country: GONMOP
    GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]         explicit plurals in braces ...
    MEDIA {} [~MED]                            ... "{}": no plural; none given: the regular plural (+S/+ES)
    MSF [NGO~]                                 the code comes before the country: NGOARN
    CONGRESS!PERSON! [~LEG]                    CONGRESSMAN, CONGRESSMEN, ... (the set joined on)

Comments (``#`` to the end of the line, ``<!-- -->``) are skipped.  An agent makes an actor only with a
country beside it (see :mod:`communique.stages.actors.agents`): "Arnor cleric" is ARNREL, a bare "cleric" is
left to the sector lexicon (:mod:`communique.knowledge.sectors`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Agent", "looks_like_agents", "parse_agents"]


@dataclass(frozen=True, slots=True)
class Agent:
    """One agent phrase: ``words`` lower-cased tokens ("main", "opposition", "group"); ``code`` the agent code
    ("MOP"); ``before`` whether the code goes before the country code ("NGO" + "ARN") rather than after."""

    words: tuple[str, ...]
    code: str
    before: bool = False

    def with_country(self, country: str | None) -> str:
        """The whole actor code: "GON" + "MOP", "NGO" + "ARN"; the agent code alone with no country."""
        if not country:
            return self.code
        return self.code + country if self.before else country + self.code


_MACRO = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$")
_ENTRY = re.compile(r"^\s*(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def looks_like_agents(text: str, *, sample: int = 100) -> bool:
    """Whether ``text`` is an agents dictionary: most of its first ``sample`` coded lines have ``[~CODE]`` or
    ``[CODE~]`` brackets (actor dictionaries' codes carry no tilde)."""
    tilde = plain = 0
    for line in _COMMENT.sub("", text).splitlines():
        for code in re.findall(r"\[([^\]]*)\]", line.split("#", 1)[0]):
            if "~" in code:
                tilde += 1
            else:
                plain += 1
        if tilde + plain >= sample:
            break
    return tilde > 0 and tilde > plain


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def parse_agents(text: str, *, source: str = "<agents>") -> list[Agent]:
    """Every (phrase form, code) of an agents dictionary, plurals and substitutions expanded.

    Raises :class:`InputError` naming the line of a bracketed code that is neither ``~CODE`` nor ``CODE~``, or
    of a phrase using a substitution set the file never defines."""
    macros: dict[str, list[str]] = {}
    out: list[Agent] = []
    seen: set[tuple[tuple[str, ...], str, bool]] = set()
    clean = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for n, raw in enumerate(clean.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.strip().startswith("---"):
            continue
        if (m := _MACRO.match(line)) is not None:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _ENTRY.match(line)
        if m is None:
            continue
        code = m.group("code").strip().split()[0]
        if code.startswith("~"):
            agent_code, before = code[1:], False
        elif code.endswith("~"):
            agent_code, before = code[:-1], True
        else:
            raise InputError(f"{source}:{n}", f"agent code {code!r} has no '~' (want [~GOV] or [NGO~])")
        if not agent_code.isalnum():
            raise InputError(f"{source}:{n}", f"bad agent code {code!r}")
        phrase = m.group("phrase").strip()
        plurals = m.group("plurals")
        forms = _expand(phrase, macros, where=f"{source}:{n}")
        if plurals is None:
            forms += [f[:-1] + [_plural(f[-1])] for f in forms]
        else:
            for p in plurals.split():
                forms += _expand(p, macros, where=f"{source}:{n}")
        for f in forms:
            key = (tuple(f), agent_code, before)
            if f and key not in seen:
                seen.add(key)
                out.append(Agent(words=tuple(f), code=agent_code, before=before))
    return out


def _expand(phrase: str, macros: dict[str, list[str]], *, where: str) -> list[list[str]]:
    """A phrase's word lists, each substitution set replaced by each of its members ("CONGRESS!PERSON!")."""
    found = re.search(r"![A-Z0-9_]+!", phrase)
    if found is None:
        return [[w for w in re.split(r"[_\s]+", phrase.lower()) if w]]
    name = found.group(0)
    if name not in macros:
        raise InputError(where, f"substitution set {name} is not defined before its use")
    out: list[list[str]] = []
    for member in macros[name]:
        out += _expand(phrase[:found.start()] + member + phrase[found.end():], macros, where=where)
    return out
