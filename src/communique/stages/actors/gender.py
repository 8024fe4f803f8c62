"""A person's gender for pronoun agreement ("she said" -> the woman named): ``"f"``, ``"m"`` or ``None``.

Evidence, strongest first (the caller, :func:`communique.stages.actors.extract`, applies them in this order):

1. a title word ("Queen", "spokeswoman", "King", "Mr") in the person's title or an honorific written before a
   mention of the name ("Mrs Ardern", "Sir Keir Starmer", "Ms. Nakamura");
2. the pronouns resolved to the person in the article (coreference, :mod:`.coref`);
3. the given name, from the name-gender data of the PyPI package ``nomquamgender`` 0.1.4 (MIT licence,
   (c) 2022 Ian Van Buskirk; Van Buskirk, Clauset and Larremore, "An open-source cultural consensus approach to
   name-based gender classification", ICWSM 2023): a given name counts only when at least
   :data:`MIN_PEOPLE` people in its sources bore it and at least :data:`MIN_SHARE` of them were of one gender
   ("Giorgia" f, "Recep" m; "Jean", "Andrea", "Kim" none). The file is read at first use, from the installed
   package's folder without importing it (its module imports pandas); nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from pathlib import Path

__all__ = ["MIN_PEOPLE", "MIN_SHARE", "given_name_gender", "honorific_gender", "name_gender", "title_gender"]

#: Title words that say a person's gender.
FEMALE_TITLES = frozenset({"queen", "princess", "mrs", "ms", "miss", "madam", "madame", "mme", "lady", "spokeswoman",
                           "chairwoman", "congresswoman", "businesswoman", "policewoman", "sister", "duchess",
                           "empress", "baroness", "dame", "first lady", "mother", "wife", "widow", "actress",
                           "countess", "sultana", "begum", "mistress", "stateswoman", "councilwoman", "assemblywoman",
                           "anchorwoman", "sportswoman", "servicewoman", "frau", "señora", "senora", "signora"})
MALE_TITLES = frozenset({"king", "prince", "mr", "sir", "lord", "spokesman", "chairman", "congressman", "businessman",
                         "policeman", "sheikh", "emir", "sultan", "pope", "ayatollah", "father", "brother", "duke",
                         "emperor", "baron", "husband", "cardinal", "rabbi", "imam", "archbishop", "count", "monsieur",
                         "councilman", "assemblyman", "anchorman", "sportsman", "serviceman", "herr", "señor", "senor",
                         "signor", "mullah", "patriarch", "metropolitan", "grand duke", "marquess", "earl", "viscount"})

#: Honorifics written right before a name ("Mrs Ardern", "Sir Keir Starmer", "Ms. Nakamura").
_HONORIFIC = re.compile(r"(?:^|[^\w.])(mr|mrs|ms|miss|mme|madame|madam|sir|lady|dame|lord|herr|frau|monsieur|señora?|"
                        r"senora?|signora?|king|queen|prince|princess|sheikh|sheikha)\.?\s+$", re.I)
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "mme", "madame", "madam", "lady", "dame", "frau", "señora",
                                "senora", "signora", "queen", "princess", "sheikha"})

#: A given name counts when at least this many people in the data bore it ...
MIN_PEOPLE = 200
#: ... and at least this share of them were of one gender.
MIN_SHARE = 0.95


def title_gender(title: str | None) -> str | None:
    """"f"/"m" when a word of ``title`` says it ("Queen", "spokeswoman", "Mr"; "first lady" as two words), else
    ``None``; a title with words of both genders says nothing."""
    low = (title or "").lower()
    words = {w.strip(".,") for w in low.split()}
    words |= {" ".join(p) for p in zip(low.split(), low.split()[1:], strict=False)}
    female, male = bool(words & FEMALE_TITLES), bool(words & MALE_TITLES)
    if female == male:
        return None
    return "f" if female else "m"


def honorific_gender(before: str) -> str | None:
    """The gender an honorific ending the text ``before`` a name says ("... said Mrs " -> "f"), else ``None``."""
    m = _HONORIFIC.search(before[-24:])
    if m is None:
        return None
    return "f" if m.group(1).lower() in _FEMALE_HONORIFICS else "m"


@cache
def _given_names() -> dict[str, str]:
    """Given name (casefolded, ASCII letters, apostrophe or hyphen) -> "f"/"m", from nomquamgender's data:
    names borne by :data:`MIN_PEOPLE` people or more, :data:`MIN_SHARE` or more of them of one gender. Empty when
    the package is not installed."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    if not path.exists():
        return {}
    raw = json.loads(path.read_text("utf-8"))  # name -> [sources, people, share female, uncertainty band]
    out: dict[str, str] = {}
    plain = re.compile(r"[a-z][a-z'-]+")
    for name, row in raw.items():
        if not isinstance(row, list) or len(row) < 3 or not plain.fullmatch(name):
            continue
        people, share = row[1], row[2]
        if people >= MIN_PEOPLE and share >= MIN_SHARE:
            out[name] = "f"
        elif people >= MIN_PEOPLE and share <= 1 - MIN_SHARE:
            out[name] = "m"
    return out


def given_name_gender(given: str) -> str | None:
    """"f"/"m" for a given name the data is sure of ("Giorgia" f, "Recep" m), else ``None`` ("Jean", "Kim")."""
    key = given.strip(".").casefold()
    if len(key) < 2:
        return None
    return _given_names().get(key)


#: Words that open a name without being a given name ("al-", "Abu", "bin", initials are skipped by length).
_NOT_GIVEN = frozenset({"al", "el", "abu", "bin", "ibn", "bint", "van", "von", "de", "da", "di", "del", "la", "le",
                        "mac", "o", "st", "saint"})


def name_gender(name: str) -> str | None:
    """The gender a person's full name says by its given name: the first word of a name of two words or more
    ("Giorgia Meloni" f); a one-word name (a surname, "Meloni") or a first word that is a particle or an initial
    says nothing."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if len(words) < 2:
        return None
    first = words[0].split("-")[0]
    if first.casefold() in _NOT_GIVEN or len(first.strip(".")) < 2 or not first[:1].isupper():
        return None
    return given_name_gender(first)
