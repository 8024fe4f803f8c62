"""Collectives and state forces named by a common noun ("Greek officials", "Israeli aircraft", "police in
Hyderabad, Pakistan", "its troops") and the places that give them a country.

Modules, each of pure functions of the parse (spaCy tokens) and the place stage's places: :mod:`.phrase` (the
country or group the noun's own phrase names), :mod:`.context` (the clause's and the article's places, flight,
anonymity), :mod:`.forces` (weapons, craft and forces deployed), :mod:`.owners` (possessives and their owners),
:mod:`.unnamed` (the finder, :func:`find_unnamed`). Every name stays importable from here.
"""

from .context import CLAUSE_PLACE_NOUNS as CLAUSE_PLACE_NOUNS
from .context import _clause_place_country as _clause_place_country
from .context import _fled_country as _fled_country
from .context import _is_anonymous_context as _is_anonymous_context
from .context import homeland_in_context as homeland_in_context
from .forces import _SECTOR_MODIFIERS as _SECTOR_MODIFIERS
from .forces import DEPLOY_VERBS as DEPLOY_VERBS
from .forces import WEAPON_NOUNS as WEAPON_NOUNS
from .forces import _as_instrument as _as_instrument
from .forces import _own_forces as _own_forces
from .owners import STATE_NOUNS as STATE_NOUNS
from .owners import _owner_before_possessive as _owner_before_possessive
from .owners import _unknown_state_owner as _unknown_state_owner
from .phrase import _LOCATED as _LOCATED
from .phrase import _own_phrase_country as _own_phrase_country
from .phrase import _own_phrase_group as _own_phrase_group
from .phrase import _place_around as _place_around
from .phrase import _place_country as _place_country
from .phrase import own_phrase_countries as own_phrase_countries
from .unnamed import _head_of_state as _head_of_state
from .unnamed import find_unnamed as find_unnamed
from .unnamed import tspan_text as tspan_text
