"""Find the date phrases of a text: calendar dates, weekdays, deictic words, months, years and decades.

Regular expressions over the cleaned text, never a date parser over whole text (dateparser reads "we" as
Wednesday). Each phrase comes back with the parts it states (day, month, year, weekday) and what it is
relative to, so that resolving it is a matter of arithmetic against the anchor.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                  "oct": 10, "nov": 11, "dec": 12}
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}

# Month and weekday names must be capitalised: "may" and "march" are verbs.
_MON = r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b" \
       r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)\b"
_TIME = r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?|noon|midnight)\s+(?:of|on)\s+)?"
_WD_PREFIX = rf"(?:{_WD},?\s+)?"
_YEAR_RANGE = r"(?P<first>(?:1[5-9]|20)\d\d)\s*[-–—]\s*(?P<second>(?:1[5-9]|20)\d\d)\b"

# (kind, pattern, flags): the longest phrase wins where two overlap.
_PATTERNS = [
    ("date", rf"{_TIME}{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}", 0),
    ("date", rf"{_TIME}{_WD_PREFIX}{_MON}\s+{_DAY},?\s+{_YEAR}", 0),
    ("date", r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b", 0),
    ("day_month", rf"{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}", 0),
    ("day_month", rf"{_WD_PREFIX}{_MON}\s+{_DAY}(?![.,]?\d)", 0),
    ("month_year", rf"{_MON}\s+(?:of\s+)?{_YEAR}", 0),
    ("month", rf"\b(?:(?P<rel>(?i:this|last|next))|(?i:in|since|until|by|during|through|throughout|early|late|mid))"
              rf"(?:\s+|-)(?:mid-)?(?P<core>{_MON})(?!\s*\d)", 0),
    ("weekday_number", rf"(?:(?P<rel>this|last|next|past)\s+)?{_WD}\s*\(\s*(?P<day>\d{{1,2}})\s*\)", re.I),
    ("weekday", rf"\b(?:(?P<rel>(?i:this|last|next|past|coming))\s+)?{_WD}(?:\s+(?P<part>night|morning|afternoon|evening))?\b", 0),
    ("deictic", r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight"
                r"|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b", re.I),
    ("period", r"\b(?P<edge>earlier|later|early|late)?\s*(?P<rel>this|last|next|past)\s+(?P<unit>week|month|year)\b", re.I),
    ("ago", r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?)\s+ago\b", re.I),
    ("year_range", rf"\b{_YEAR_RANGE}", 0),
    ("decade", r"\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<decade>(?:1[5-9]|20)\d0)['’]?s\b", 0),
    ("year", rf"\b(?i:in|since|until|till|by|from|before|after|during|of|around|early|late|mid-?)\s*(?P<core>{_YEAR})"
             r"(?![,.]?\d)", 0),
]
_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"'}
_COMPILED = [(kind, re.compile(pattern, flags)) for kind, pattern, flags in _PATTERNS]


@dataclass(frozen=True)
class Phrase:
    """A date phrase and the parts it states; what it means is decided by `resolve`."""

    start: int
    end: int
    text: str
    kind: str  # date, day_month, month_year, month, weekday_number, weekday, deictic, period, ago, year, decade
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday
    relation: str | None = None  # this, last, next, past, coming: how a weekday or period relates to the anchor
    word: str | None = None  # the deictic word, the period's unit, or the decade
    edge: str | None = None  # earlier, later: part of a period
    count: int | None = None  # "three days ago"
    quoted: bool = False  # inside a direct quotation: "today" there is the speaker's day, not the writer's


def find_phrases(text: str) -> list[Phrase]:
    """Every date phrase of the text, left to right, none overlapping (the longest wins)."""
    found: list[Phrase] = []
    quotes = quotations(text)
    starts = [q[0] for q in quotes]
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            found.extend(replace(p, quoted=_inside(quotes, starts, p.start)) for p in _phrases(kind, m))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Phrase] = []
    for p in found:
        if not kept or p.start >= kept[-1].end:
            kept.append(p)
    return kept


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans inside quotation marks (“…”, «…», "…"), in one pass; a paragraph break closes them all."""
    spans, opened, closer = [], None, None
    for i, ch in enumerate(text):
        if ch == "\n":
            if opened is not None:
                spans.append((opened, i))
            opened = None
        elif opened is None and ch in _QUOTE_PAIRS:
            opened, closer = i + 1, _QUOTE_PAIRS[ch]
        elif opened is not None and ch == closer:
            spans.append((opened, i))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    k = bisect_right(starts, offset) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _phrases(kind: str, m: re.Match) -> list[Phrase]:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if kind == "year_range":  # "(1922-1991)": two years, each its own phrase
        return [Phrase(m.start(n), m.end(n), m.group(n), "year", year=int(m.group(n))) for n in ("first", "second")]
    span = "core" if "core" in g else 0  # a preposition that only marks the phrase stays outside it
    start, end = m.start(span), m.end(span)
    text = m.group(span)
    lead = len(text) - len(text.lstrip())
    return [Phrase(start + lead, end, text.strip(), kind,
                   day=int(g["day"]) if "day" in g else None,
                   month=_month(g.get("mon")),
                   year=int(g["year"]) if "year" in g else None,
                   weekday=WEEKDAYS.index(g["wd"].lower()) if "wd" in g else None,
                   relation=g["rel"].lower() if "rel" in g else None,
                   word=_word(kind, g),
                   edge=g["edge"].lower() if "edge" in g else None,
                   count=_count(g.get("n")))]


def _month(name: str | None) -> int | None:
    if name is None:
        return None
    if name.isdigit():
        return int(name)
    key = name.rstrip(".").lower()
    return MONTHS.index(key) + 1 if key in MONTHS else _ABBREVIATIONS.get(key)


def _word(kind: str, g: dict[str, str]) -> str | None:
    if kind == "deictic":
        return " ".join(g["word"].lower().split())
    if kind in ("period", "ago"):
        return g["unit"].lower().rstrip("s")
    if kind == "decade":
        return g["decade"]
    return None


def _count(n: str | None) -> int | None:
    if n is None:
        return None
    return int(n) if n.isdigit() else NUMBER_WORDS[n.lower()]
