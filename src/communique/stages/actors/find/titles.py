"""Titled people: "[demonym|Country's] title-words name" ("Russian Deputy Defense Minister ...",
"UN Secretary-General ...")."""

from __future__ import annotations

from typing import Any

from ....knowledge.sectors import TITLE_WORDS, igo_code, sector_for_title
from ....model import Span
from ..lexicon import (
    HEAD_TITLES,
    LOWER_PARTICLES,
    ORG_WORDS,
)
from .base import Found, _is_title_token, _name_run, _possessive_country, country_at, resolve_country


def _igo_prefix(sdoc: Any, i: int) -> tuple[tuple[str, str], int] | None:
    """An international organisation's name (1-4 tokens, possessive allowed) starting at token ``i`` and
    followed by a title word: ((code, sector), index of the title)."""
    n = len(sdoc)
    if not sdoc[i].text[:1].isupper():
        return None
    for width in (4, 3, 2, 1):
        end = i + width
        if end >= n:
            continue
        hit = igo_code(sdoc[i:end].text)
        if hit is None:
            continue
        if sdoc[end].tag_ == "POS":
            end += 1
        if end < n and _is_title_token(sdoc[end]):
            return hit, end
    return None


#: Offices a capitalised portfolio may precede ("Labour Minister", "Education Secretary").
_PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner", "ministry"})


def _portfolio_end(sdoc: Any, j: int) -> int | None:
    """Index of the office word when tokens from ``j`` are a capitalised portfolio (up to four words, "and"/"&"
    between) right before one ("Labour Minister"), else ``None``."""
    n = len(sdoc)
    if not (sdoc[j].text[:1].isupper() and sdoc[j].is_alpha) or sdoc[j].ent_type_ in ("PERSON", "GPE"):
        return None
    k = j
    while k < n and k - j < 5:
        t = sdoc[k]
        if t.lower_ in _PORTFOLIO_HEADS and k > j and t.text[:1].isupper():
            return k
        if not ((t.text[:1].isupper() and t.is_alpha) or (t.lower_ in ("and", "&") and k > j)):
            return None
        k += 1
    return None


#: Offices that are also surnames ("Senator King", "Defence Secretary Judge"), read as one where the NER saw a name.
_SURNAME_TITLES = frozenset({"king", "judge", "marshal", "major", "speaker", "chancellor", "prince", "governor",
                             "captain", "sheriff", "dean"})


def _surname_in_title(sdoc: Any, t0: int, j: int) -> bool:
    """Is the last word of the title chain ``sdoc[t0:j]``, with no name after it, a surname ("Foreign Minister
    Bishop said", "Senator King told")? It must be capitalised, not a country, not an office the words before it
    need ("Secretary General", "Prime Minister"), and the words before it must still hold a head title."""
    last = sdoc[j - 1]
    if not last.text[:1].isupper() or last.text.isupper() or resolve_country(last.text):
        return False
    if last.lower_ in HEAD_TITLES and not (last.ent_type_ == "PERSON" and last.lower_ in _SURNAME_TITLES):
        return False  # "the Foreign Minister", "UN Secretary General" (unless the NER saw a name: "Minister King")
    if j < len(sdoc) and (sdoc[j].text[:1].isupper() or sdoc[j].text in ("-", "‐")):
        return False
    if sdoc[j - 2].text in ("-", "‐") or sdoc[j - 2].lower_ in ("of", "for", "to"):
        return False  # "Director-General", "Minister of Justice"
    return last.pos_ == "PROPN" and any(t.lower_ in HEAD_TITLES for t in sdoc[t0 : j - 1])


#: Words that make the office after them a past one ("Former", "ex-", "ousted").
_PAST_WORDS = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown"})


def _past_before(sdoc: Any, i: int) -> int | None:
    """The token of a past-office word ("Former") standing before token ``i`` with one or two party or ideology
    words between ("Former Socialist", "former Conservative", "ex-Labour"), else ``None``; a country word between
    ends the search (its own phrase)."""
    k = i - 1
    between = 0
    while k >= 0 and between <= 2:
        t = sdoc[k]
        if t.lower_ in _PAST_WORDS:
            return k if between else None  # (with nothing between, the title chain holds it already)
        if t.text in ("-", "‐") and k > 0 and sdoc[k - 1].lower_ in _PAST_WORDS:
            return k - 1 if between else None
        if not t.is_alpha or resolve_country(t.text) or t.sent != sdoc[i].sent or t.pos_ not in ("ADJ", "PROPN"):
            return None
        between += 1
        k -= 1
    return None


def _past_right_before(sdoc: Any, i: int) -> int | None:
    """The token of a past-office word right before token ``i`` ("former" in "former Kenyan president", "ex-" in
    "ex-Peruvian president"), else ``None``."""
    if i > 0 and sdoc[i - 1].lower_ in _PAST_WORDS:
        return i - 1
    if i > 1 and sdoc[i - 1].text in ("-", "‐") and sdoc[i - 2].lower_ in _PAST_WORDS:
        return i - 2
    return None


def _apposed_name(sdoc: Any, i: int, j: int, country: str | None) -> tuple[int, int] | None:
    """A name set off by commas right after a definite title ending at token ``j`` ("The foreign minister, Sergei
    Lavrov, said", "Kenya's foreign minister, Musalia Mudavadi, said"): (first, end) of the name, else ``None``.
    The title must open with "the" or a country's possessive, and the name must end the apposition (a comma or
    the sentence's end after it)."""
    n = len(sdoc)
    if j + 1 >= n or sdoc[j].text != "," or not (country is not None or (i > 0 and sdoc[i - 1].lower_ == "the")):
        return None
    end = _name_run(sdoc, j + 1)
    if end == j + 1 or end - j - 1 > 4 or not all(t.pos_ == "PROPN" for t in sdoc[j + 1 : end]):
        return None
    if end < n and sdoc[end].text not in (",", ".", ";"):
        return None
    return j + 1, end


def _split_abbreviation(sdoc: Any, k: int) -> bool:
    """Is token ``k`` the full stop of an abbreviated title the tokenizer split off ("Col" "." in "Col. Ahmed
    Bashir", "Lt" "." in "Lt. Gen.")? The stop follows the title word with no space and a word follows it."""
    return 0 < k < len(sdoc) - 1 and sdoc[k].text == "." and not sdoc[k - 1].whitespace_ \
        and f"{sdoc[k - 1].lower_}." in TITLE_WORDS


def find_titled_people(sdoc: Any) -> list[Found]:
    """"[demonym|Country’s] title-words name": the NER label of the name does not matter.

    Title chains may hold organisation words ("Foreign Ministry spokeswoman"), "of"/"for" phrases
    ("Deputy Minister of Defense") and a posting ("Ambassador to Germany"); they need a head title
    (minister, spokeswoman, ...) and a capitalised name right after.
    """
    out: list[Found] = []
    n = len(sdoc)
    capital = [t.text[:1].isupper() for t in sdoc]  # read once: a spaCy token is a new object at every sdoc[k]
    i = 0
    while i < n:
        country = None
        j = i
        igo = None
        if capital[i]:  # a country, its possessive and an organisation's name start with a capital
            if (pos := _possessive_country(sdoc, i)) is not None:
                country, j = pos
            elif (cw := country_at(sdoc, i)) is not None and cw[1] < n \
                    and (_is_title_token(sdoc[cw[1]]) or sdoc[cw[1]].lower_ in ORG_WORDS
                         or _portfolio_end(sdoc, cw[1]) is not None):
                country, j = cw
            if country is None and (org := _igo_prefix(sdoc, i)) is not None:
                igo, j = org  # "UN Secretary-General", "NATO chief", "IAEA head": the organisation's official
        t0 = j
        while j < n and "\n" not in sdoc[j].text:
            t = sdoc[j]
            if _is_title_token(t) or (t.lower_ in ORG_WORDS and j + 1 < n and _is_title_token(sdoc[j + 1])):
                j += 1
            elif (k := _portfolio_end(sdoc, j)) is not None:
                j = k  # "Labour Minister", "Planning and Investment Minister": a portfolio before the office
            elif t.text == "." and j > t0 and _split_abbreviation(sdoc, j):
                j += 1  # "Col. Ahmed Bashir": the tokenizer split "Col." into "Col" and "."
            elif t.text in ("-", "‐") and j > t0 and not t.whitespace_ and j + 1 < n and _is_title_token(sdoc[j + 1]):
                j += 1  # "Secretary-General", "Director-General": one title, not a military rank
            elif t.lower_ in ("of", "for") and j > t0 and j + 1 < n and _is_title_token(sdoc[j + 1]):
                j += 1
            elif t.lower_ == "to" and j > t0 and j + 1 < n and resolve_country(sdoc[j + 1].text):
                j += 2
            else:
                break
        chain = sdoc[t0:j]
        if igo and j > t0:
            chain = sdoc[i:j]  # the title names the organisation: "UN Secretary-General"
        if j == t0 or not any(t.lower_ in HEAD_TITLES or (f"{t.lower_}." in HEAD_TITLES and _split_abbreviation(
                sdoc, t.i + 1)) for t in chain):
            i = max(i + 1, t0) if j == t0 else i + 1
            continue
        end = _name_run(sdoc, j)
        if end == j and (apposed := _apposed_name(sdoc, i, j, country)) is not None:
            j, end = apposed  # "The Secretary of State, Hillary Clinton, said": the title, then its holder set off
        if end == j and j - t0 >= 2 and _surname_in_title(sdoc, t0, j):
            j -= 1  # "Foreign Minister Bishop said": a title word ending the chain is the surname
            chain = sdoc[t0:j] if not (igo and j > t0) else sdoc[i:j]
            end = j + 1
        if end > j and sdoc[end - 1].lower_ not in LOWER_PARTICLES:
            # the title proper runs to its last head word ("General Army" stays in it)
            title = chain.text
            start_char = sdoc[i].idx
            if (past := _past_before(sdoc, i)) is not None:
                # "Former Labour prime minister Gordon Brown": a past office, a party word between
                title, start_char = f"{sdoc[past].text} {title}", sdoc[past].idx
            elif country is not None and (past := _past_right_before(sdoc, i)) is not None \
                    and not any(w in _PAST_WORDS for w in title.lower().replace("-", " ").split()):
                # "former Kenyan president Uhuru Kenyatta": the country word opens the phrase, the past word before
                # it still makes the office a past one (ELI)
                title, start_char = f"{sdoc[past].text} {title}", sdoc[past].idx
            last = end
            if country is None and igo is None and end + 1 < n and sdoc[end].lower_ == "of" \
                    and (cw := country_at(sdoc, end + 1)) is not None:
                country, last = cw[0], cw[1]  # "King Hassan of Morocco": the realm after the name
            out.append(Found(
                span=Span(start_char, sdoc[last - 1].idx + len(sdoc[last - 1])),
                label="PERSON",
                kind="person",
                name=sdoc[j:end].text,
                country=country,
                sector="IGO" if igo else sector_for_title(title),
                code=igo[0] if igo else None,
                title=title,
                title_span=Span(chain.start_char, chain.end_char),
                head=Span(sdoc[j].idx, sdoc[end - 1].idx + len(sdoc[end - 1])),
            ))
            i = end
            continue
        i += 1
    return out
