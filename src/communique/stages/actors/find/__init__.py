"""Finders: pure functions from a parsed document (spaCy ``Doc``) to actor findings, one module per concern.

Each ``find_*`` returns :class:`Found` records whose spans are character offsets into the article text the parse
was made from. Modules: :mod:`.base` (the record, country words, title and name tokens), :mod:`.titles` (titled
people), :mod:`.names` (named entities, international organisations, knowledge-base names), :mod:`.collectives`
(officials, forces and collectives named by a common noun), :mod:`.acts` (a state's military named by its armed
acts: "U.S. military airstrikes"), :mod:`.groups` (named non-state groups),
:mod:`.peoples` (ethnic words), :mod:`.ethnic` ("ethnic Albanians": a people, not the state).
Every name stays importable from ``communique.stages.actors.find``.
"""

from .acts import (
    armed_act_force as armed_act_force,
)
from .acts import (
    find_armed_acts as find_armed_acts,
)
from .base import (
    _EXTRA_COUNTRIES as _EXTRA_COUNTRIES,
)
from .base import (
    _PAST_TITLE as _PAST_TITLE,
)
from .base import (
    Found as Found,
)
from .base import (
    _ends_person as _ends_person,
)
from .base import (
    _is_name_token as _is_name_token,
)
from .base import (
    _is_title_token as _is_title_token,
)
from .base import (
    _name_run as _name_run,
)
from .base import (
    _possessive_country as _possessive_country,
)
from .base import (
    _state as _state,
)
from .base import (
    _strip_possessive as _strip_possessive,
)
from .base import (
    country_at as country_at,
)
from .base import (
    country_name as country_name,
)
from .base import (
    doc_text as doc_text,
)
from .base import (
    known_countries as known_countries,
)
from .base import (
    resolve_country as resolve_country,
)
from .collectives import (
    _LOCATED as _LOCATED,
)
from .collectives import (
    _SECTOR_MODIFIERS as _SECTOR_MODIFIERS,
)
from .collectives import (
    CLAUSE_PLACE_NOUNS as CLAUSE_PLACE_NOUNS,
)
from .collectives import (
    DEPLOY_VERBS as DEPLOY_VERBS,
)
from .collectives import (
    WEAPON_NOUNS as WEAPON_NOUNS,
)
from .collectives import (
    _as_instrument as _as_instrument,
)
from .collectives import (
    _clause_place_country as _clause_place_country,
)
from .collectives import (
    _is_anonymous_context as _is_anonymous_context,
)
from .collectives import (
    _own_forces as _own_forces,
)
from .collectives import (
    _own_phrase_country as _own_phrase_country,
)
from .collectives import (
    _own_phrase_group as _own_phrase_group,
)
from .collectives import (
    _place_around as _place_around,
)
from .collectives import (
    _place_country as _place_country,
)
from .collectives import (
    find_unnamed as find_unnamed,
)
from .ethnic import (
    find_ethnic_peoples as find_ethnic_peoples,
)
from .groups import (
    _GROUP_TAIL as _GROUP_TAIL,
)
from .groups import (
    find_groups as find_groups,
)
from .names import (
    _CENTRAL_BANK as _CENTRAL_BANK,
)
from .names import (
    _CROSSING_VERBS as _CROSSING_VERBS,
)
from .names import (
    _HOME_NATIONS as _HOME_NATIONS,
)
from .names import (
    _LANDMARK_PREPS as _LANDMARK_PREPS,
)
from .names import (
    _LANDSCAPE as _LANDSCAPE,
)
from .names import (
    _as_landmark as _as_landmark,
)
from .names import (
    _as_participant as _as_participant,
)
from .names import (
    _common_noun as _common_noun,
)
from .names import (
    _country_in as _country_in,
)
from .names import (
    _is_outlet as _is_outlet,
)
from .names import (
    _modifies_actor as _modifies_actor,
)
from .names import (
    central_bank_country as central_bank_country,
)
from .names import (
    find_entities as find_entities,
)
from .names import (
    find_igos as find_igos,
)
from .names import (
    find_known as find_known,
)
from .names import (
    find_unknown_names as find_unknown_names,
)
from .peoples import (
    ETHNIC_WORDS as ETHNIC_WORDS,
)
from .peoples import (
    _ethnic as _ethnic,
)
from .titles import (
    _PORTFOLIO_HEADS as _PORTFOLIO_HEADS,
)
from .titles import (
    _igo_prefix as _igo_prefix,
)
from .titles import (
    _portfolio_end as _portfolio_end,
)
from .titles import (
    find_titled_people as find_titled_people,
)
