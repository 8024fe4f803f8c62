"""A surname finds the one stored name it ends (``store.roles.roles_of_many``), joined on the name's last word:
the same names as the pattern match over every stored name, multi-word endings and ambiguous surnames too."""

from __future__ import annotations

import datetime as dt

from communique.store import Store
from communique.store.roles import roles_of_many


def _add(conn: object, name: str, country: str) -> None:
    conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO actor_roles (name_key, name, title, country, sector, code, observed, valid_to, source) "
        "VALUES (?, ?, 'minister', ?, 'GOV', ?, ?, NULL, 'learned')",
        [" ".join(name.casefold().split()), name, country, country + "GOV", dt.date(2025, 1, 6)])


def test_surnames_find_the_one_name_they_end() -> None:
    s = Store.memory()
    for name, country in [("Amara Okonkwo Bello", "NGA"), ("Tomas Varga", "HUN"), ("Ilona Varga", "HUN"),
                          ("Keita", "MLI"), ("Jan de Vries", "NLD")]:
        _add(s.conn, name, country)
    got = roles_of_many(s.conn, ["Bello", "Okonkwo Bello", "Varga", "de Vries", "Vries", "Okonkwo", "Keita"])
    countries = {name: [r["country"] for r in rows] for name, rows in got.items()}
    assert countries == {"Bello": ["NGA"], "Okonkwo Bello": ["NGA"], "Varga": [], "de Vries": ["NLD"],
                         "Vries": ["NLD"], "Okonkwo": [], "Keita": ["MLI"]}
