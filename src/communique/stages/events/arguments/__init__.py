"""Argument finding over the dependency parse: who is the source and who the target of a trigger.

* verbs: subject -> source (the ``by`` agent for passives, the governing verb's subject for "to"-clauses and
  conjoined verbs); object and ``with/to/against/on`` phrases -> target;
* nouns: possessor, ``of``/``by`` phrase -> source, ``between X and Y`` -> X and Y, ``with``/``to`` phrase ->
  target; a noun that is the object of a verb ("held talks", "made a phone call") takes that verb's subject;
* a place as destination ("to Damascus") makes its country the target.

Actors are ids of ``doc.actors`` (mentions found by the actors stage); offsets are characters into
``Article.text``.

The package: ``objects`` (a verb's object and aimed phrases, and the word lists both sides share), ``nominal``
(event nouns, ``event_doer``), ``clauses`` (recipients, purpose clauses, awaited acts), ``core``
(``find_arguments``).  Every name the single module had is importable from here.
"""

from __future__ import annotations

from ..phrases import _SKIP_DEPS, ActorIndex, noun_phrase, owner_of
from ..sources import subject_of
from .clauses import (
    AWAITING_MARKS,
    COORDINATED_MUTUAL,
    LETTING_VERBS,
    NOT_RECIPIENT_HEADS,
    RECEIVED_ACTS,
    TRANSFER_VERBS,
    _agent_country,
    _awaited,
    _coordinated,
    _purpose_targets,
    _recipient,
)
from .core import (
    COMPLAINED_PREPS,
    DOMESTIC_MEASURES,
    FORCES_MOVED,
    PLACE_PARTY_CODES,
    PLACE_PARTY_ROOTS,
    PLACE_TARGET_ROOTS,
    VERBAL_ROOTS,
    _home_country,
    _own_country,
    _same_side,
    _target_of_event_object,
    _without_affiliations,
    find_arguments,
)
from .nominal import (
    ACT_NOUN_ENDINGS,
    ATTENDING,
    CLAIMED,
    JUDGING_ROOTS,
    NAMED_PATIENT_ROOTS,
    OWN_POSSESSIVES,
    PATIENT_NOUN_CODES,
    PATIENT_OF_ROOTS,
    RECEIVING_VERBS,
    UNDERGOING_VERBS,
    _between,
    _doer_country,
    _noun_args,
    _received,
    event_doer,
    has_own_arguments,
)
from .objects import (
    AIMED_AT,
    CREATION_VERBS,
    JUDGED_ROOTS,
    OBJECT_NOUN_PREPS,
    PROTESTING_ROOTS,
    TALKED_ABOUT,
    TARGET_PREPS,
    TOPIC_PREPS,
    TOPIC_VERBS,
    _judges,
    _object_country,
    _objects,
)

# every name the single module had, so that old imports keep working (location.py reads _SKIP_DEPS and
# TOPIC_VERBS here)
__all__ = [
    "ACT_NOUN_ENDINGS", "ActorIndex", "_agent_country", "AIMED_AT", "ATTENDING", "_awaited", "AWAITING_MARKS",
    "_between", "CLAIMED", "COMPLAINED_PREPS", "_coordinated", "COORDINATED_MUTUAL", "CREATION_VERBS",
    "_doer_country", "DOMESTIC_MEASURES", "event_doer", "find_arguments", "FORCES_MOVED", "has_own_arguments",
    "_home_country", "JUDGED_ROOTS", "_judges", "JUDGING_ROOTS", "LETTING_VERBS", "NAMED_PATIENT_ROOTS",
    "NOT_RECIPIENT_HEADS", "_noun_args", "noun_phrase", "_object_country", "OBJECT_NOUN_PREPS", "_objects",
    "_own_country", "OWN_POSSESSIVES", "owner_of", "PATIENT_NOUN_CODES", "PATIENT_OF_ROOTS", "PLACE_PARTY_CODES",
    "PLACE_PARTY_ROOTS", "PLACE_TARGET_ROOTS", "PROTESTING_ROOTS", "_purpose_targets", "_received", "RECEIVED_ACTS",
    "RECEIVING_VERBS", "_recipient", "_same_side", "_SKIP_DEPS", "subject_of", "TALKED_ABOUT",
    "_target_of_event_object", "TARGET_PREPS", "TOPIC_PREPS", "TOPIC_VERBS", "TRANSFER_VERBS", "UNDERGOING_VERBS",
    "VERBAL_ROOTS", "_without_affiliations",
]
