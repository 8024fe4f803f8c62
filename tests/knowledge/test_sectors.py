from __future__ import annotations

import pytest

from communique.knowledge.sectors import SECTORS, TITLE_WORDS, igo_code, is_title, sector_for_title


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        ("Deputy Defense Minister", "MIL"),
        ("Deputy Defence Minister", "MIL"),
        ("defence ministry", "MIL"),
        ("Foreign Minister", "GOV"),
        ("Prime Minister", "GOV"),
        ("General", "MIL"),
        ("Lt. Gen.", "MIL"),
        ("army spokesman", "MIL"),
        ("foreign ministry spokeswoman", "GOV"),
        ("Iranian officials", "GOV"),
        ("Interior Ministry", "GOV"),
        ("Justice Minister", "GOV"),
        ("Attorney General", "JUD"),
        ("UN Secretary-General", "GOV"),
        ("chief of staff", "MIL"),
        ("White House chief of staff", "GOV"),
        ("government troops", "MIL"),
        ("rebel commander", "REB"),
        ("lawmakers", "LEG"),
        ("MPs", "LEG"),
        ("Supreme Court judge", "JUD"),
        ("police chief", "COP"),
        ("insurgents", "REB"),
        ("opposition leader", "OPP"),
        ("company executives", "BUS"),
        ("journalists", "MED"),
        ("refugees", "REF"),
        ("civilians", "CVL"),
        ("gunmen", "UAF"),
    ],
)
def test_sector_for_title(words: str, sector: str) -> None:
    assert sector_for_title(words) == sector


@pytest.mark.parametrize("words", ["", "hello", "Vladimir Putin", "deputy"])
def test_sector_for_title_none(words: str) -> None:
    assert sector_for_title(words) is None


def test_sectors_are_three_letter_codes() -> None:
    assert all(len(code) == 3 and code.isupper() for code in SECTORS)
    assert {"GOV", "MIL", "LEG", "JUD", "COP", "REB", "OPP", "BUS", "MED", "NGO", "IGO", "CVL", "REF"} <= SECTORS


def test_title_words() -> None:
    assert {"deputy", "defense", "defence", "minister", "general", "president", "sheikh", "spokesman"} <= TITLE_WORDS
    assert all(word == word.lower() and " " not in word for word in TITLE_WORDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deputy Foreign Minister", True),
        ("Secretary of State", True),
        ("Lt. Col.", True),
        ("Former President", True),
        ("General", True),
        ("Army", False),
        ("state", False),
        ("Minister of", False),
        ("Vladimir Putin", False),
        ("", False),
    ],
)
def test_is_title(text: str, expected: bool) -> None:
    assert is_title(text) is expected


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UN", ("IGOUNO", "IGO")),
        ("the United Nations", ("IGOUNO", "IGO")),
        ("NATO", ("IGOWSTNAT", "IGO")),
        ("Nato", ("IGOWSTNAT", "IGO")),
        ("NATO's", ("IGOWSTNAT", "IGO")),
        ("European Union", ("IGOEUREEC", "IGO")),
        ("EU", ("IGOEUREEC", "IGO")),
        ("African Union", ("IGOAFRAFU", "IGO")),
        ("Arab League", ("IGOMEAARL", "IGO")),
        ("IAEA", ("IGOUNOIAE", "IGO")),
        ("OPEC", ("IGOOPC", "IGO")),
        ("WHO", ("IGOUNOHLHWHO", "IGO")),
        ("IMF", ("IGOBUSIMF", "IGO")),
        ("World Bank", ("IGOUNODEVWBK", "IGO")),
        ("International Criminal Court", ("IGOJUDICC", "IGO")),
        ("Red Cross", ("NGOHLHIRC", "NGO")),
        ("who", None),
        ("un", None),
        ("Hamas", None),
    ],
)
def test_igo_code(name: str, code: tuple[str, str] | None) -> None:
    assert igo_code(name) == code


def _igo_code_by_lookup(name: str) -> tuple[str, str] | None:
    """igo_code's rule written out as plain table lookups, with no shortcut (the reference for the test below)."""
    from communique.knowledge.sectors import _organisations

    text = " ".join(name.replace("\u2019", "'").split())
    exact, folded = _organisations()
    forms = [text, text[4:]] if text[:4].casefold() == "the " else [text]
    forms += [form[:-2] for form in forms if form.endswith("'s")]
    return next((f for form in forms if (f := exact.get(form) or folded.get(form.casefold())) is not None), None)


def test_igo_code_skips_no_name_by_its_first_word() -> None:
    """The first-word shortcut never hides a name: every organisation in the table, as written, upper- and
    lower-cased, with "the", with "'s", with a curly apostrophe and extra spaces, and spans that start like
    one, give what the table lookups give."""
    from communique.knowledge.sectors import _ORGANISATIONS

    names = []
    for name in _ORGANISATIONS:
        for form in (name, name.upper(), name.lower(), f"the {name}", f"The  {name}", f"{name}'s", f"{name}\u2019s",
                     f"the {name}'s", f" {name} ", name.split()[0], f"{name} officials", "Prime Minister",
                     "The", "the", "", "'s", "The 's"):
            names.append(form)
    assert sum(_igo_code_by_lookup(n) is not None for n in names) > len(_ORGANISATIONS)
    assert [igo_code(n) for n in names] == [_igo_code_by_lookup(n) for n in names]
