"""Named actors, one module per concern (every name stays importable from here and from ``..find``):

- :mod:`.entities`: the NER's entities as actors (people, organisations, outlets, central banks, countries and
  capitals, a state's people, one of its nationals);
- :mod:`.igos`: international organisations by name, a state's own body of an international name, central banks;
- :mod:`.unknown`: names the NER missed (the knowledge base's, capitals, unknown names acting in their clause);
- :mod:`.places`: a place name in an actor's place (a capital as its government or its people, landmarks);
- :mod:`.words`: country words around a name ("US Congress", "Egypt's highest court", "Bosnian Serbs").
"""

from .entities import _common_noun as _common_noun
from .entities import _is_outlet as _is_outlet
from .entities import find_entities as find_entities
from .igos import _CENTRAL_BANK as _CENTRAL_BANK
from .igos import _HOME_NATIONS as _HOME_NATIONS
from .igos import central_bank_country as central_bank_country
from .igos import find_igos as find_igos
from .places import _CROSSING_VERBS as _CROSSING_VERBS
from .places import _LANDMARK_PREPS as _LANDMARK_PREPS
from .places import _LANDSCAPE as _LANDSCAPE
from .places import _acted_on as _acted_on
from .places import _as_landmark as _as_landmark
from .places import _as_participant as _as_participant
from .unknown import find_known as find_known
from .unknown import find_unknown_names as find_unknown_names
from .words import _country_in as _country_in
from .words import _country_word_before as _country_word_before
from .words import _modifies_actor as _modifies_actor
