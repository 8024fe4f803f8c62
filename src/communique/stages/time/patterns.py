"""Time expressions: the patterns and tables, the candidate record, small calendar helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model import Precision

_DAY = dt.timedelta(days=1)
_FUTURE_SLACK = dt.timedelta(days=61)  # "about two months" after publication is still this year

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = [
    "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# years said in words (broadcast transcripts): "nineteen ninety-six", "nineteen eighty", "two thousand and one",
# "the year two thousand", "twenty twenty-four"
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_TWO_DIGITS = (
    rf"(?:{'|'.join(_TEENS)}|(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS)}))?|oh[\s-](?:{'|'.join(_UNITS)}))"
)
# decades named in words or by two digits: "the nineties", "the '70s", "the late 80s"
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip
_SHORT_DECADE = re.compile(
    rf"^(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?:['\u2019]?(?P<d>[2-9])0s|(?P<w>(?i:{'|'.join(_DECADE_WORDS)})))"
    r"(?:\s+and)?$"
)
_SPOKEN_YEAR = re.compile(
    rf"\b(?i:(?P<the>the\s+year\s+)?(?:(?P<century>nineteen|twenty)[\s-](?P<rest>{_TWO_DIGITS}|hundred)"
    rf"|two\s+thousand(?:(?:\s+and)?\s+(?P<after>{'|'.join(_TEENS)}|{'|'.join(_UNITS)}))?))\b(?![\s-](?:"
    rf"{'|'.join(_UNITS)}|percent|people|dollars|years|times|of|hundred|thousand|million)\b)"
)
_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}

# -- patterns ---------------------------------------------------------------------------------------------------

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?P<month>{_FULL_MONTH}|{_ABBR_MONTH})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"
_NOT_NUM = r"(?![\d,.]\d|\d|%)"  # not part of a longer number: "16,000", "16.5", "16%"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_VAGUE = r"(?:a\s+few|a\s+couple\s+of|several|some)"
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

_STATED_MDY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAYNUM}\b{_NOT_NUM}(?:(?:\s*,\s*|\s+){_YEAR}\b{_NOT_NUM})?"
)
_STATED_DMY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAYNUM}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR}\b{_NOT_NUM})?"
)
# days said as ordinal words (broadcast transcripts): "Sunday, March eighth", "the twenty-first of June"
_DAY_WORDS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
        " fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
_DAY_WORDS |= {f"twenty-{w}": 20 + n for w, n in list(_DAY_WORDS.items())[:9]} | {"thirtieth": 30, "thirty-first": 31}
_DAY_WORD_ALTS = "|".join(w.replace("-", r"[\s-]") for w in sorted(_DAY_WORDS, key=len, reverse=True))
_DAYWORD = rf"(?P<dayw>{_DAY_WORD_ALTS})"
_NOT_PART = r"(?![\s-](?i:round|half|quarter|time|place|term|wave|leg|stage|straight|largest|biggest)\b)"
_STATED_WORD_MDY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_FULL_MONTH})\s+(?i:{_DAYWORD})\b{_NOT_PART}(?:,?\s+{_YEAR}\b{_NOT_NUM})?"
)
_STATED_WORD_DMY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?i:the)\s+(?i:{_DAYWORD})\s+of\s+(?P<month>{_FULL_MONTH})\b(?:,?\s+{_YEAR}\b{_NOT_NUM})?"
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b(?!-\d)")
_MONTH_YEAR = re.compile(
    rf"\b(?:(?:early|mid|late)[\s-]+)?(?P<month>{_FULL_MONTH}|{_ABBR_MONTH})(?:\s+of)?,?\s+{_YEAR}\b{_NOT_NUM}"
)
_MONTH_ALONE = re.compile(
    rf"\b(?:(?i:in|since|by|until|till|through|during|from|before|after|to|of|since|last|this|next|early|mid|late)"
    rf"(?:[\s-]+(?i:early|mid|late))?[\s-]+)(?P<month>{_FULL_MONTH})\b(?!\s+\d)"
)
# two year-less months bounding a span: "between April and June", "from March to May"
_MONTH_SPAN = re.compile(
    rf"\b(?i:between|from)\s+(?P<m1>{_FULL_MONTH})\s+(?i:and|to|through|until|till)\s+(?P<m2>{_FULL_MONTH})\b"
    r"(?!\s+\d|,?\s+(?:1\d{3}|20\d{2})\b)"
)
# a month named alone (a spaCy DATE entity: "sales fell in October" without a preposition we know)
_BARE_MONTH = re.compile(rf"^(?i:the\s+month\s+of\s+)?(?P<month>{_FULL_MONTH})$")
_MONTH_MOD = re.compile(r"(?i)\b(last|this|next|early|mid|late)[\s-]+(?:(early|mid|late)[\s-]+)?$")
_YEAR_ALONE = re.compile(
    rf"\b(?i:in|since|by|until|till|through|during|from|before|after|of|for|early|mid|late|fiscal|between|and)[\s-]+"
    rf"(?P<core>(?i:(?:the\s+)?year\s+|fiscal\s+)?{_YEAR})\b(?![-–/]\d|\d|,\d|s\b|'s\b|%)"
)
_DEICTIC_DAY = re.compile(
    r"\b(?i:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)"
    r"|(?P<tomorrow>tomorrow(?:\s+(?:morning|afternoon|evening|night))?))\b"
)
_WEEKDAY_EXPR = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this\s+past|this|next|on|past|coming|this\s+coming|the\s+(?:previous|preceding|prior"
    rf"|following|next)))\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?P<part>{_DAY_PART})\b(?!,?\s+(?:{_FULL_MONTH}|{_ABBR_MONTH}|[0-3]?\d\b(?![,.]\d)))"
)
_PERIOD = re.compile(
    r"\b(?i:(?P<mod>last|this|next|earlier\s+this|later\s+this|the\s+previous|the\s+following|the\s+next"
    r"|the\s+same|that|the\s+prior|the\s+preceding|the\s+last|the\s+past)\s+(?P<unit>week(?:end)?|month|year))\b"
    r"(?!\s*-(?=\w)|'s\s+\d)"  # not "this year-end" nor "last week -long"; "this year - the floods" is one
)
# a week, month or year named from the one the story last named: "the year before", "the year previous", "the
# month after" (not "the year before the war": that counts from an event)
_UNIT_FROM_ANCHOR = re.compile(
    r"\b(?i:the\s+(?P<unit>week|month|year)\s+(?P<dir>before|previous|prior|preceding|earlier|after|following))\b"
    r"(?![\s-]+(?:the|a|an|his|her|its|their|last|this|that|[A-Z0-9])\b|\s+\w+ed\b|-)"
)
_AGO = re.compile(rf"\b(?i:(?P<n>{_NUM}|{_VAGUE})\s+(?P<unit>day|week|month|year|decade)s?(?:\s+or\s+so)?\s+ago)\b")
_ANAPHORIC_DAY = re.compile(
    r"\b(?i:(?P<same>(?:later|earlier)\s+(?:that|the\s+same)\s+day|(?:that|the)\s+same\s+day"
    r"|that\s+(?:day|morning|afternoon|evening|night))"
    r"|(?P<prev>the\s+(?:previous|prior|preceding)\s+(?:day|morning|afternoon|evening|night)"
    r"|(?<!\bin\s)the\s+day\s+(?:before|earlier|prior))"  # not "late in the day before closing": that day
    r"|(?P<next>the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)|(?<!\bin\s)the\s+day\s+after)"
    rf"|(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>earlier|later|before|after|afterwards?|prior))\b"
)
# "the day before the vote" counts from the vote, not from the anchor
_COMPLEMENT = re.compile(r"\s*(?!(?:and|but|or|while|when|too|as\s+well)\b)(?:to\s+)?[A-Za-z0-9'‘“\"]")

_DURATION = re.compile(
    r"(?ix)^(?:(?:the|a|an|over|for|about|some|nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to)\s+)*"
    r"(?:(?:past|last|next|coming|previous|following|first|final|recent|few|several|many|couple\s+of|full)\s+)*"
    r"(?:[\d.,]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    r"|fifty|hundred|half|few|several|many|some|couple|[a-z]+-[a-z]+)?[\s-]*(?:and\s+a\s+half\s+)?"
    r"(?:(?:consecutive|straight|successive|full|more|further|additional|long)\s+)?"
    r"(?:day|week|month|year|decade|century|centuries|hour|minute|quarter|season|weekend|night|fortnight)s?"
    r"(?:[\s-]+(?:old|long|later|earlier))?$"
)
_DURATION_PART = re.compile(r"(?i)\d+-(?:day|week|month|year|decade)\b|\b(?:years?|months?|days?)[\s-]+(?:old|long)\b")
_SET = re.compile(
    r"(?i)^(?:annual(?:ly)?|daily|weekly|monthly|quarterly|yearly|seasonally|every\s+.*|each\s+.*|per\s+.*|a\s+year)$"
)
# numbers that are no dates: "44" (an age), "the 30s", a model number "80486", a clock time "0735"
_NUMERIC = re.compile(r"^(?:\d{1,3}|\d{1,2}s|'\d0s|(?!1\d{3}$|20\d\d$)\d{4,}|[\d.]*\d\.\d[\d.]*)$")
_ENDS_IN_UNIT = re.compile(r"(?i)\b(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)$")
_DATE_WORD = re.compile(
    rf"(?i)\b(?:{_FULL_MONTH}|{_WEEKDAY}|today|yesterday|tomorrow|ago|this|last|next|that|same|previous|following"
    r"|earlier|later|(?:1\d|20)\d\d)\b"
)
_SEASON = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this\s+past|this|next|this\s+coming|early|late|mid|in\s+the|during\s+the|the))[\s-]+)?"
    rf"(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all)(?:,?\s+(?:of\s+)?{_YEAR}\b{_NOT_NUM})?\b"
)
# a half or the last quarter of a named year: "the second half of 2024", "the last half of 1989", "the first two
# quarters of 1990", "the final quarter of 2009", "the first half of next year"
_PART_OF_YEAR = re.compile(
    rf"\b(?i:(?:the\s+)?(?P<which>first|second|last|latter|final)\s+(?:(?P<half>half)|(?P<two>two\s+quarters)"
    rf"|(?P<quarter>quarter))\s+of\s+(?:(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?)?)"
    rf"(?:{_YEAR}\b{_NOT_NUM}|(?P<yw>(?i:this|last|next))\s+(?i:year)\b)"
)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_QUARTER = re.compile(
    rf"\b(?:(?:the\s+)?(?P<qw>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?i:quarter)"
    rf"|Q(?P<qn>[1-4]))\b(?:,?\s+(?:of\s+)?(?:fiscal\s+)?{_YEAR}\b{_NOT_NUM})?(?![\s-]+(?:of\s+a|century|mile))"
)
_QUARTER_YEAR = re.compile(
    r"(?i)(?:\b(?P<y>(?:19|20)\d\d)|\byear[\s-](?:ago|earlier)|\blast\s+year'?s?|(?P<this>\bthis\s+year'?s?)"
    r"|(?P<next>\bnext\s+year'?s?))"
    r"(?:\s+(?:fiscal|comparable|corresponding))?\s+(?:the\s+)?$"
)
# a quarter or a month of a year named by a word: "the third quarter of this year", "June last year", "October of
# next year"
_QUARTER_OF_YEAR = re.compile(
    r"\b(?i:(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\s+of\s+(?P<yw>this|last|next)"
    r"\s+year)\b"
)
_MONTH_OF_YEAR = re.compile(rf"\b(?P<month>{_FULL_MONTH})(?:\s+of)?\s+(?P<yw>(?i:this|last|next))\s+(?i:year)\b")
# the end of a year: "by year-end", "at year's end", "since year end" (not "year-end results": a period's name)
_YEAR_END = re.compile(
    r"\b(?i:(?P<prep>since|by|at|before|until|till|around|near|toward|towards|through|after|from)\s+)"
    r"(?P<q>(?i:(?:the\s+)?year[\s-]end|year['\u2019]s\s+end))\b(?![\s-]+[a-z])"
)
# what a quarter's results are: a quarter before them is past whatever the future cues ("plans ... after a
# third-quarter loss")
_RESULTS_AFTER = re.compile(
    r"(?i)[\s-]+(?:net\s+)?(?:loss|losses|profits?|earnings|results|net|income|revenues?|sales|deficit|surplus)\b"
)
_DECADE = re.compile(r"\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<dec>(?:1\d|20)\d0)s\b")
_ORDINALS = {
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21, "twenty-second": 22,
}  # fmt: skip
_CENTURY = re.compile(
    r"\b(?i:(?:the\s+)?(?:(?P<num>\d{1,2})(?:st|nd|rd|th)|(?P<word>fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|twenty[- ]first|twenty[- ]second)|(?P<mod>this|last|next|the\s+last|the\s+previous))"
    r"[\s-]+century)\b(?![\s-]+(?:old|long))"
)
_PRESENT = re.compile(
    r"\b(?i:now|currently|at\s+present|presently|nowadays|at\s+the\s+moment|(?<=for\s)the\s+time\s+being)\b(?!-)"
)
# "recently", "in the past": some time before publication (TimeML PAST_REF); not "the past year" (a duration),
# "the past century", "the past decade"
_RECENTLY = re.compile(
    r"\b(?i:(?:only\s+|until\s+|more\s+|most\s+)?recently|(?<=in\s)the\s+past|(?<=of\s)the\s+past)\b"
    r"(?![\s-]+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|century|centuries|quarters?|hours?)\b)"
)
# holidays with a date of their own each year: "Thanksgiving Day", "last Christmas", "Election Day", "Easter week"
_HOLIDAY = re.compile(
    r"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<name>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?"
    r"|New\s+Year['\u2019]s\s+(?:Day|Eve)|Election\s+Day|Independence\s+Day|Easter(?:\s+Sunday|\s+week)?)\b"
    r"(?!['\u2019]s|\s+(?:Island|sales|shopping|season|holidays?|period|tree|cards?|party|parade|bombing)\b)"
)
# the weekend a clause is about: "over the weekend", "ahead of the weekend" (a preposition before it)
_THE_WEEKEND = re.compile(r"\b(?i:(?P<prep>over|during|at|on|ahead\s+of|before|after|for|by)\s+(?P<q>the\s+weekend))\b")
# the day a market or a story tells of: "to end the day at 8,017", "later in the day", "for the day", "for a
# second straight day", "for the third day in a row"
_THE_DAY = re.compile(
    r"\b(?i:(?:end(?:ed|ing|s)?|finish(?:ed|es|ing)?|clos(?:ed|es|ing)|start(?:ed|ing)?|beg[au]n|for"
    r"|(?:later|earlier|late|early)\s+in|the\s+(?:start|end|beginning)\s+of)\s+(?P<q>the\s+day"
    r"|(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\s+(?:(?:consecutive|straight"
    r"|successive)\s+day|day\s+in\s+a\s+row)))\b(?!['\u2019]s)"
)
# the year an earnings report or a forecast is about: "for the year", "sales for the full year", "in the current
# fiscal year" (not "the year ended June 30" of another year, "the year-ago", "the year before", "the year 2000")
_THE_YEAR = re.compile(
    r"\b(?i:(?:for|in|during|through|of)\s+(?P<q>the\s+(?:(?P<cur>current|present)\s+)?(?:full\s+|entire\s+|whole\s+)?"
    r"(?:fiscal\s+|financial\s+|calendar\s+)?year))\b(?![\s-]+(?:ago|earlier|before|after|end(?:ing|ed)?|to|two"
    r"|(?:19|20)\d\d|\d)\b|-)"
)
# some time after publication (TimeML FUTURE_REF): "in the near future", "in future", "for the short term", "at a
# later date", "future quarters"; not "the future of the alliance" (a thing, not a time)
_FUTURE_REF = re.compile(
    r"\b(?i:(?:the\s+)?(?:near|distant|foreseeable|immediate|not[\s-]too[\s-]distant)\s+future|the\s+future"
    r"|future\s+(?:quarters|years)|(?<=in\s)future|the\s+(?:near|short|long)\s+term|a\s+later\s+date)\b"
    r"(?!\s+(?:of|for)\b|[\s-]+(?:generations?|plans?|of|growth)\b)"
)
# "by now", "from now", "just now": no present of the report ("for now", "right now", "until now" are, as TimeML
# annotates them)
_PRESENT_NOT = re.compile(r"(?i)\b(?:by|from|since|just)\s+$")
# years bounding a span or listed: "from 1991 to 1997", "between 2014 and 2016", "in 1994, 1995 and 1997" (each
# year a stated year: _YEAR_ALONE finds only the first); not amounts ("rose from 1900 to 2100 points")
_YEAR_NO_AMOUNT = (
    r"(?![\d,.]\d|\d|%|s\b|['\u2019]s\b|\s+(?i:points?|shares|people|units|tons|tonnes|barrels|feet|meters|metres"
    r"|miles|kilometers|kilometres|yen|dollars|euros|pounds|percent|votes|jobs|troops|deaths|cases|workers|per)\b)"
)
_YEAR_LIST = re.compile(
    rf"\b(?i:from|between|in|since|during|of)\s+(?:1\d{{3}}|20\d{{2}}){_YEAR_NO_AMOUNT}"
    rf"(?:\s*,\s*(?:1\d{{3}}|20\d{{2}}){_YEAR_NO_AMOUNT})*\s*,?\s+(?i:to|and|until|till|through|or)\s+"
    rf"(?:1\d{{3}}|20\d{{2}})\b{_YEAR_NO_AMOUNT}"
)
# days of one month listed: "on April 24 and 25", "May 3, 4 and 5, 2024" (each after the first a stated day; the
# first is _STATED_MDY's); not "April 24 and 25 people"
_DAY_LIST = re.compile(
    rf"\b{_MONTH}\s+[0-3]?\d(?:st|nd|rd|th)?(?P<rest>(?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?)*\s*,?\s+(?:and|or|&)\s+"
    rf"[0-3]?\d(?:st|nd|rd|th)?)\b(?![\d,.]\d|%|\s+(?i:percent|people|of|per|more|others?|were|are|million"
    rf"|billion|thousand|hundred|years|days|times|[a-z]+s\b))(?:,?\s+{_YEAR}\b{_NOT_NUM})?"
)
# a date written in numbers, month first as in American usage unless the first number cannot be a month:
# "7/8/07", "12/25/2008", "25/12/2008"; not a fraction or a score ("3/4", "6-4")
_NUMERIC_DATE = re.compile(r"(?<![\d/.,])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/]|\.\d)")
# "in recent years": some time before publication (TimeML PAST_REF; "recent months" and "recent days" are
# durations in TimeML)
# "soon" of a future clause: "may soon seek", "it soon will", "to soon grow", "very soon", "as soon as possible"
# (FUTURE_REF); not "as soon as Tuesday" (a date follows), "soon after the vote", "was soon released" (past)
_SOON = re.compile(
    r"(?i:\b(?:(?<=\bmay\s)|(?<=\bmight\s)|(?<=\bcould\s)|(?<=\bwould\s)|(?<=\bcan\s)|(?<=\bshould\s)"
    r"|(?<=\bto\s)|(?<=\bvery\s))soon\b(?![\s-]+(?:after|as|to|-)\b)|\bsoon(?=\s+will\b)"
    r"|\bas\s+soon\s+as\s+possible\b)"
)
_RECENT_YEARS = re.compile(r"\b(?i:recent\s+years)\b")
# "current" and "recent" as adjectives of a noun: the present ("its current chief", PRESENT_REF) and some time before
# publication ("the recent sale", PAST_REF); not an amount of time ("in recent weeks", a duration), a period named
# on its own ("the current quarter", "the current fiscal year"), "most recent" (the latest of several), a count of
# things ("five current models"), the noun "current" ("an electric current", "current account") or "then current"
_CURRENT_ADJ = re.compile(
    r"(?<!then\s)(?<!\d\s)(?<![Mm]ost\s)\b(?:[Cc]urrent|[Rr]ecent)\b"
    r"(?=\s+[A-Za-z])(?![\s-]+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|quarters?|hours?|period|term|"
    r"session)\b)(?!\s+(?:account|accounts|affairs|events|flows?|prices|dollars|assets|liabilities|and|or|to|of|near|in|at|on|from|into|that|which|was|is|by|with|swept)\b)"
)
_YEAR_RANGE = re.compile(r"(?<![\d-])(?P<y1>1\d{3}|20\d{2})\s*[-–/]\s*(?P<y2>\d{4}|\d{2})\b(?![-–/.,]?\d|%)")
_ANY_YEAR = re.compile(r"(?<![\d'’])(1\d{3}|20\d{2})(?![\d]|s\b|\s*[-–/]\s*\d)")


# -- candidates -------------------------------------------------------------------------------------------------

Resolver = Callable[[dt.date], tuple[dt.date, Precision, str]]


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # "stated" (value set or month/day waiting for a year), "deictic", "anaphoric", "undated"
    value: dt.date | None = None
    precision: Precision = "unknown"
    basis: str = ""
    month: int = 0  # stated without a year: month (and day) wait for the publication year
    day: int = 0
    forward: bool = False  # a year-less date in a future-tense clause: the next such date
    soon: bool = False  # a year-less date after "effective", "through", "by": the next one when it is near
    past: bool = False  # a year-less date whose clause's verb is past: not after publication
    ahead: bool = False  # a year-less date in a clause that speaks of the future: never pushed to the year before
    unit: str = "day"  # what an anaphoric expression counts in: it needs an anchor at least this precise
    relative: Resolver | None = None


def _month_of(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _n(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _show(d: dt.date, precision: Precision) -> str:
    return (
        f"{d.year:04d}" if precision == "year" else f"{d.year:04d}-{d.month:02d}" if precision == "month" else _iso(d)
    )


def _shift_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _count(n: int, unit: str) -> str:
    return f"{_NUMBER_WORDS.get(n, str(n))} {unit}{'' if n == 1 else 's'}"


def _offset(base: dt.date, n: int, unit: str, sign: int) -> tuple[dt.date, Precision]:
    if unit == "day":
        return base + sign * n * _DAY, "day"
    if unit == "week":
        return base + sign * 7 * n * _DAY, "day"
    if unit == "month":
        return _shift_months(base, sign * n), "month"
    return dt.date(base.year + sign * n, 1, 1), "year"
