"""CAMEO code groups the event coder's rules share (codes from the CAMEO 1.1b3 codebook)."""

from __future__ import annotations

SYMMETRIC = frozenset({"030", "040", "041", "044", "046", "036", "057", "193"})
IN_PERSON = frozenset({"040", "042", "043", "044", "045", "046"})
OWN_AGENT_CODES = frozenset({"050", "161", "054", "087", "154"})
SPOKEN_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
# roots whose coordinated parties act with each other (cooperation), not side by side on someone else
MUTUAL_ROOTS = frozenset({"06"})
# codes whose verb's object or noun's of-phrase is the forces the source moves: mobilize (154), de-escalate or
# withdraw (087, 0874): "withdrew the troops", "the withdrawal of troops from Iraq"
FORCES_MOVED = frozenset({"154", "087", "0874"})
