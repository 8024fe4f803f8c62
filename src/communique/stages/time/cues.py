"""Future-tense cues: whether a year-less date or a weekday looks forward from publication."""

from __future__ import annotations

import re

_FUTURE_WINDOW = 40  # characters before the expression searched for a future cue
# "due to" is future only before a verb ("due to meet"), not before a noun phrase ("due to its loss")
_DUE_TO = r"due\s+to(?!\s+(?:the|its|a|an|their|his|her|our|this|that|higher|lower|strong|weak)\b)"
_FUTURE_CUE = re.compile(
    rf"(?i)\b(?:will|shall|'ll|scheduled|{_DUE_TO}|set\s+to|expected\s+to|plans?\s+to|planned\s+to"
    r"|planning\s+to|is\s+to|are\s+to|as\s+(?:soon|early)\s+as|postponed\s+until|put\s+off\s+until"
    r"|payable|matur(?:e|es|ing)|expir(?:e|es|ing))\b"
)


_FUTURE_CLAUSE_CUE = re.compile(
    rf"(?i)\b(?:will|shall|'ll|would|scheduled|{_DUE_TO}|set\s+to|expected\s+to|plans?\s+to|planned|is\s+to|are\s+to"
    r"|going\s+to|hopes?\s+to|intends?\s+to|aims?\s+to|upcoming|next|should(?!\s+have)|planning\s+(?:for|to))\b"
)


_SINCE = re.compile(r"(?i)\bsince\s+(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?$")


def _future_clause(text: str, start: int) -> bool:
    """A future-tense cue anywhere earlier in the sentence ("the ceasefire will hold until June"; reported
    "would last until June"): a year-less month there is the next such month.  Not when a verb in the past
    tense stands between the cue and the month ("it will take custody from the relatives who have cared for
    him since he was rescued in late November": the rescue is past), and not across a sentence that ends in a
    quotation mark (``going to start in the spring.'' ... in December``)."""
    if _SINCE.search(text, max(0, start - 12), start):
        return False  # "since March": a month that has begun
    cues = list(_FUTURE_CLAUSE_CUE.finditer(text, _sentence_start(text, start), start))
    return bool(cues) and not _past_verb_between(text, cues[-1].end(), start)


# a sentence's end: a period, ! or ? and a space, not after an initial ("Daniel P. Davison") or a title
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bInc)(?<!\bCorp)(?<!\bJr)(?<![ap]\.m)"
    r"[.!?](?:''|['\"\u201d\u2019])?\s|\n"
)


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``start`` begins (after the last sentence end in the 300 characters before)."""
    lo = max(0, start - 300)
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        last = m.end()
    return last


def _future(text: str, start: int) -> bool:
    """A future-tense cue shortly before ``start``, in the same sentence ("will meet on Friday", "payable Jan. 2")."""
    line_start = _sentence_start(text, start)
    return bool(_FUTURE_CUE.search(text, max(line_start, start - _FUTURE_WINDOW), start))


# plans and reported futures before a weekday: "planned a demonstration on Saturday", "would be travelling Thursday"
_WEEKDAY_FUTURE_BEFORE = re.compile(r"(?i)\b(?:planned|planning|plans|intends|intended|hopes|would)\b")
# a weekday opening a clause whose verb is future: "On Tuesday, the league plans to hold ..."
_WEEKDAY_FUTURE_AFTER = re.compile(
    rf"(?i)[^.;]{{0,100}}?\b(?:will|plans?\s+to|is\s+(?:scheduled|expected|due|set)\s+to|are\s+(?:scheduled|expected"
    rf"|due|set)\s+to|{_DUE_TO})\b"
)


# a verb in the past tense (not a participle after "be", "will", "to"): "announced", "said", "met"; lower case
# only (a name is no verb: "the United States", "Ahmed"), not the words in -ed that are no verbs ("hundred",
# "indeed", "speed", "need"), and a word in -ed only where a verb's object, particle or clause follows it ("he was
# rescued off the coast", "changed from", "refused to") or "was/were/had" precedes it: before a noun it is an
# adjective ("on a still unspecified date", "the revised plan")
_PAST_VERB = re.compile(
    r"(?<![bB]e\s)(?<![bB]een\s)(?<![bB]eing\s)(?<![tT]o\s)(?<![wW]ill\s)(?<![wW]ould\s)"
    r"\b(?:said|told|met|held|made|gave|took|came|went|began|won|lost|left|sent|put|set(?!\s+(?:to|for)\b)|struck"
    r"|fell|rose|grew|fought|saw|became|spoke|broke|flew|fled|ran|stood|kept|paid|bought|sold|built|brought|found"
    r"|(?<=\bwas\s)(?:[a-z]\w+(?<!e)ed|(?:agr|fr|decr)eed)|(?<=\bwere\s)(?:[a-z]\w+(?<!e)ed|(?:agr|fr|decr)eed)"
    r"|(?<=\bhad\s)(?:[a-z]\w+(?<!e)ed|(?:agr|fr|decr)eed)"
    r"|(?!(?:hundred|indeed|naked|sacred|wicked|kindred)\b)(?:[a-z]\w+(?<!e)ed|(?:agr|disagr|fr|decr|guarant)eed)"
    r"(?=\s+(?:a|an|the|to|in|on|at|by|from|for|with|off|out|up|down|over|into|its|his|her|their|that|this|it|him"
    r"|them|us|\d\S*|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*)"
    r"\b|\s*[,.;]))\b"
)


def _past_verb_between(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first verb in the past tense that starts in ``text[start:end]`` (it may look past ``end``)."""
    m = _PAST_VERB.search(text, start)
    return m if m is not None and m.end() <= end else None


_ED_WORD = re.compile(r"\b[a-z]\w+ed\b")  # "announced plans": a verb before a noun
# any future cue of a weekday's clause: the tense cues, plans and reported futures
_WEEKDAY_CUE = re.compile(
    rf"(?i)\b(?:will|shall|'ll|scheduled|{_DUE_TO}|set\s+to|expected\s+to|plans?\s+to|planned|planning|plans"
    r"|intends?|intended|hopes?|would|going\s+to|is\s+to|are\s+to|as\s+(?:soon|early)\s+as)\b"
)
_WEEKDAY_WINDOW = 100  # characters before a weekday searched for its clause's future cue
# a deadline: "until 9 a.m. Monday", "by Friday", "given until Sunday" (not a past stay: "remained closed until")
_DEADLINE = re.compile(
    r"(?i)\b(?:until|till|by|deadline\s+of)\s+(?:(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)"
    r"\s+(?:[A-Z]{2,4}\s+)?)?$"
)
_PAST_STAY = re.compile(r"(?i)\b(?:remained|stayed|lasted|had\s+been)\s+(?:\w+\s+)?$")
# a deadline told as passed: "Until Thursday, they had described him ...", "it was not until Tuesday that",
# "had filed reports by Wednesday"
_PASSED_DEADLINE = re.compile(r"(?i)\b(?:had|not|up)\b")


# a plan told as past: "had been planned for", "was to have been held on" before the day; after it, the plan's own
# verb says it was dropped or held ("the vote planned for Saturday was cancelled", "a rally set for Friday went ahead")
_PLAN_BEFORE = re.compile(
    r"(?i)\b(?P<past>(?:had\s+been|(?:was|were)\s+to\s+have\s+been)\s+)?(?:planned|scheduled|slated|set|held)"
    r"\s+(?:for|on)\s+(?:(?:early|mid|late|the)[\s-]+)?$"
)
_PLAN_UNDONE_AFTER = re.compile(
    r"(?i)(?:\s*,)?\s+(?:(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:cancell?ed|called\s+off|scrapped|abandoned|held"
    r"|staged|dropped)|went\s+ahead|took\s+place|did\s+not\s+(?:take\s+place|go\s+ahead)|never\s+took\s+place)\b"
)


def _past_plan(text: str, start: int, end: int) -> bool:
    """The date at ``text[start:end]`` is the day of a plan told as past: in the pluperfect ("had been scheduled for
    Friday", "was to have been held on Friday") or as a participle whose noun's verb after the date says the plan
    was dropped or held ("the vote planned for Saturday was cancelled"): the date is behind publication."""
    plan = _PLAN_BEFORE.search(text, max(0, start - 45), start)
    if plan is None:
        return False
    return bool(plan.group("past")) or _PLAN_UNDONE_AFTER.match(text, end) is not None


# a verb of a scheduled event in the simple present right before a weekday: news style for the coming one ("the two
# leaders meet Monday", "the trial opens on Tuesday"); not after "did" or "let him" ("let him go Monday")
_SCHEDULED_PRESENT = re.compile(
    r"(?<!\bdid\s)(?<!\bdidn't\s)(?<!\bnot\s)\b(?:meets?|begins?|starts?|opens?|holds?|visits?|travels?|leaves?"
    r"|returns?|resumes?|votes?|arrives?|goes|convenes?)\s+(?:[a-z]+ly\s+)?(?:on\s+)?$"
)


def _future_weekday(text: str, start: int, end: int) -> bool:
    """A weekday of the coming week: a deadline ("until 9 a.m. Monday", "given until Sunday"; not a past stay,
    "remained closed until Monday"), or a future cue earlier in its sentence ("will", "is scheduled to",
    "plans", "would", within ``_WEEKDAY_WINDOW`` characters) with no verb in the past tense between the cue and
    the weekday ("would appeal the ruling, announced Wednesday" is past; not a possessive "Wednesday's"), or,
    when the weekday opens its sentence or clause ("On Tuesday, ..."), a future verb after it."""
    if re.match(r"['\u2019]s\b", text[end : end + 3]):
        return False  # "get around Wednesday's ruling": a past event's day
    if _PAST_VERB.match(text, end + 1) and text[end : end + 1] == " ":
        return False  # "even after the appeals court Thursday refused to": the weekday's own verb is past
    line_start = _sentence_start(text, start)
    deadline = _DEADLINE.search(text, max(line_start, start - 40), start)
    if deadline:
        before = text[line_start : deadline.start()]
        return not (
            _PAST_STAY.search(before)
            or before.strip(" ,\u201c\"'`").lower() in ("", "but", "and", "yet", "so")
            or _PASSED_DEADLINE.search(text, max(line_start, deadline.start() - 40), min(len(text), end + 40))
        )
    if _SCHEDULED_PRESENT.search(text, max(line_start, start - 40), start):
        return True  # "Netanyahu and Arafat meet separately Monday": the present of a schedule
    lo = max(line_start, start - _WEEKDAY_WINDOW)
    cues = list(_WEEKDAY_CUE.finditer(text, lo, start))
    if cues and cues[-1].group(0).lower() in ("plans", "hopes") and _ED_WORD.search(
        text, max(lo, cues[-1].start() - 15), cues[-1].start()
    ):
        cues.pop()  # "announced plans Monday to close": the plans are a noun, the verb is past
    if cues and not _past_verb_between(text, cues[-1].end(), start):
        return not _past_plan(text, start, end)
    clause_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    lead = text[clause_start:start].strip().lower()
    return lead in ("", "on", "and on", "but on") and bool(_WEEKDAY_FUTURE_AFTER.match(text, end))


# a deadline or a start right before a year-less date: "effective Feb. 1", "loans through January", "pay down the
# loan by February": the coming such date when it is at most a few months ahead, else the past one
_SOON_CUE = re.compile(r"(?i)\b(?:effective|through|by|until|till)\s+$")
SOON_DAYS = 125


def _soon(text: str, start: int) -> bool:
    return bool(_SOON_CUE.search(text, max(0, start - 12), start))


# verbs of saying, planning and timing: their past tense says nothing of the date's ("has set Nov. 10 as the deadline")
_REPORTING = frozenset({"said", "told", "announced", "reported", "added", "stated", "noted", "warned", "predicted",
                        "estimated", "expected", "forecast", "projected", "scheduled", "planned", "agreed", "decided",
                        "proposed", "voted", "approved", "asked", "urged", "ordered", "called", "set", "moved",
                        "pushed", "postponed", "delayed", "extended", "rescheduled", "slated", "fixed", "targeted",
                        "timed"})  # fmt: skip
_PAST_WINDOW = 60  # characters before a year-less date searched for its clause's verb
_LOOKAHEAD = 64  # characters past the date a verb's lookahead may read ("set" not followed by "to"/"for")
# a deadline or target before a date, or a determiner making it a modifier: "until mid-November", "the Jan. 14 deadline"
_TARGET_BEFORE = re.compile(
    r"(?i)\b(?:to|until|till|by|for|through|before|the|a|an|its|their|his|her|until\s+(?:early|mid|late))[\s-]+"
    r"(?:(?:early|mid|late)[\s-]+)?$"
)


def _past(text: str, start: int) -> bool:
    """The verb of a year-less date's clause is in the past tense ("changed to a calendar year in December", "the
    quarter ended Oct. 31"): the date is not after publication.  Not a verb of saying or planning, whose
    complement may look ahead ("said the plant closes in December", "agreed to pay in January", "has set Nov. 10
    as the deadline"), not when a
    future cue follows the verb, and not for a deadline or a modifier ("extended to Nov. 20", "the Jan. 14
    deadline")."""
    if _TARGET_BEFORE.search(text, max(0, start - 16), start):
        return False  # "extended to Nov. 20", "gave them until mid-November", "the Jan. 14 deadline"
    lo = max(_sentence_start(text, start), start - _PAST_WINDOW)
    # (searched up to a little past the date, for the verbs' lookaheads: to the text's end was quadratic in its length)
    verbs = [m for m in _PAST_VERB.finditer(text, lo, min(len(text), start + _LOOKAHEAD)) if m.end() <= start]
    if not verbs or verbs[-1].group(0).lower() in _REPORTING:
        return False
    return not _FUTURE_CLAUSE_CUE.search(text, verbs[-1].end(), start)
