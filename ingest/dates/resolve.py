"""What a date phrase means against an anchor (the article's day), given the tense of its clause.

Calendar phrases go through dateparser, one phrase at a time, and we keep its answer only when it gives
back the day, month and year the phrase states; the year of a phrase without one is ours to choose (the
one nearest the anchor). Weekdays, deictic words and periods are arithmetic on the anchor, with rules
dateparser lacks: "Friday (9)" is a Friday that is a 9th, "this Thursday" in a past-tense report is the
Thursday of the anchor's week that is not after it. When unsure, the value is None.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from .find import Phrase

Resolution = tuple[date | None, str]  # (value, precision: day, month, year or decade)

_NEUTRAL_BASE = datetime(2000, 1, 1)  # a leap year, so that "29 February" parses before its year is chosen
_DEICTIC_SHIFT = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0,
                  "this afternoon": 0, "this evening": 0, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}
PAST_DAYS, AHEAD_DAYS = 335, 30  # a day without a year: within the past eleven months or the next one
HALF_YEAR = 184
WEEKDAY_NUMBER_WINDOW = 14  # "Friday (9)": a Friday the 9th within two weeks of the anchor (such days are 28+ apart)


def resolve(phrase: Phrase, anchor: date | None, tense: str = "past") -> Resolution:
    """The value and precision of a phrase; (None, precision) when it cannot be resolved safely."""
    kind = phrase.kind
    if kind == "year":
        return date(phrase.year, 1, 1), "year"
    if kind == "decade":
        return None, "decade"
    if kind == "month_year":
        return date(phrase.year, phrase.month, 1), "month"
    if kind == "date":
        return calendar_date(phrase), "day"
    if anchor is None or (phrase.quoted and kind in _DEICTIC_KINDS):
        return None, _PRECISION.get(kind, "day")
    try:
        return _RELATIVE[kind](phrase, anchor, tense)
    except (ValueError, OverflowError):  # an anchor at the edge of the calendar (year 1 or 9999)
        return None, _PRECISION.get(kind, "day")


def calendar_date(phrase: Phrase, year: int | None = None) -> date | None:
    """The date a calendar phrase states (in `year` if it states none); None if it is invalid ("30
    February", "32nd October") or if its weekday contradicts it ("Friday, 8 October 2020")."""
    year = phrase.year or year
    if year is None or not _reads_as_stated(phrase.text, phrase.day, phrase.month, phrase.year):
        return None
    try:
        value = date(year, phrase.month, phrase.day)
    except ValueError:
        return None
    if phrase.weekday is not None and value.weekday() != phrase.weekday:
        return None
    return value


@lru_cache(maxsize=4096)
def _reads_as_stated(text: str, day: int, month: int, year: int | None) -> bool:
    """Whether dateparser, given the phrase alone, reads the day, month (and year) we found in it."""
    try:
        parsed = dateparser.parse(text, languages=["en"],
                                  settings={"RELATIVE_BASE": _NEUTRAL_BASE, "REQUIRE_PARTS": ["day", "month"],
                                            "PREFER_DATES_FROM": "current_period"})
    except (ValueError, OverflowError):
        return False
    return parsed is not None and (parsed.day, parsed.month) == (day, month) and year in (None, parsed.year)


def _day_month(phrase: Phrase, anchor: date, tense: str) -> Resolution:
    """"October 5", "on 27th September": a report without a year means the past eleven months or the
    next one; a future clause means the next such day; an unsure one ("would") the nearer, within half
    a year."""
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := calendar_date(phrase, y))]
    if tense == "future":
        fitting = sorted(d for d in candidates if 0 <= (d - anchor).days < 366)
    elif tense == "unsure":  # "would meet on March 3": either way, the nearer
        fitting = sorted((d for d in candidates if abs((d - anchor).days) <= HALF_YEAR), key=lambda d: abs(d - anchor))
    else:
        fitting = [d for d in candidates if -PAST_DAYS < (d - anchor).days <= AHEAD_DAYS]
    return (fitting[0] if fitting else None), "day"


def weekday_number(weekday: int, day: int, around: date, window: int = WEEKDAY_NUMBER_WINDOW) -> date | None:
    """The day within `window` days of `around` that is both that weekday and that day of the month."""
    for offset in sorted(range(-window, window + 1), key=abs):
        try:
            d = around + timedelta(days=offset)
        except OverflowError:
            continue
        if d.day == day and d.weekday() == weekday:
            return d
    return None


def _weekday_number(phrase: Phrase, anchor: date, tense: str) -> Resolution:
    return weekday_number(phrase.weekday, phrase.day, anchor), "day"


def _weekday(phrase: Phrase, anchor: date, tense: str) -> Resolution:
    back = (anchor.weekday() - phrase.weekday) % 7  # days since the latest such weekday, 0 if the anchor is one
    ahead = (phrase.weekday - anchor.weekday()) % 7
    relation = phrase.relation
    if relation in ("last", "past"):
        return anchor - timedelta(days=back or 7), "day"
    if relation in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7), "day"
    if relation == "this":
        same_week = anchor + timedelta(days=phrase.weekday - anchor.weekday())
        if tense == "past":
            return (same_week if same_week <= anchor else None), "day"
        if tense == "future":
            return (same_week if same_week >= anchor else same_week + timedelta(days=7)), "day"
        return None, "day"
    if tense == "past":
        return anchor - timedelta(days=back), "day"
    if tense == "future":
        return anchor + timedelta(days=ahead), "day"
    return None, "day"


def _deictic(phrase: Phrase, anchor: date, tense: str) -> Resolution:
    return anchor + timedelta(days=_DEICTIC_SHIFT[phrase.word]), "day"


def _ago(phrase: Phrase, anchor: date, tense: str) -> Resolution:
    return anchor - timedelta(days=phrase.count), "day"


def _month(phrase: Phrase, anchor: date, tense: str) -> Resolution:
    """"in October", "last October": the latest such month up to the anchor's, the next from it in a
    future clause, the nearer in an unsure one."""
    firsts = [date(y, phrase.month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    this_month = date(anchor.year, anchor.month, 1)
    if phrase.relation == "last":
        return max(d for d in firsts if d < this_month), "month"
    if phrase.relation == "next":
        return min(d for d in firsts if d > this_month), "month"
    if tense == "future":
        return min(d for d in firsts if d >= this_month), "month"
    if tense == "unsure":
        return min(firsts, key=lambda d: abs((d - this_month).days)), "month"
    return max(d for d in firsts if d <= this_month), "month"


def _period(phrase: Phrase, anchor: date, tense: str) -> Resolution:
    """"earlier this week", "last month", "this year": a month or a year, when the period fits in one."""
    step = {"this": 0, "last": -1, "past": -1, "next": 1}[phrase.relation]
    if phrase.word == "year":
        return (date(anchor.year + step, 1, 1) if phrase.relation != "past" else None), "year"
    if phrase.word == "month":
        if phrase.relation == "past":
            return None, "month"
        month = anchor.month - 1 + step
        return date(anchor.year + month // 12, month % 12 + 1, 1), "month"
    first, last = _week(anchor, step, phrase)
    if first is None or first > last or (first.year, first.month) != (last.year, last.month):
        return None, "month"  # a week is not a day; say the month only when the whole span lies in one
    return date(first.year, first.month, 1), "month"


def _week(anchor: date, step: int, phrase: Phrase) -> tuple[date | None, date | None]:
    if phrase.relation == "past":
        return anchor - timedelta(days=7), anchor - timedelta(days=1)
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    sunday = monday + timedelta(days=6)
    if step == 0 and phrase.edge == "earlier":
        return monday, anchor - timedelta(days=1)
    if step == 0 and phrase.edge == "later":
        return anchor + timedelta(days=1), sunday
    return monday, sunday


_RELATIVE = {"day_month": _day_month, "weekday_number": _weekday_number, "weekday": _weekday,
             "deictic": _deictic, "ago": _ago, "month": _month, "period": _period}
_PRECISION = {"month": "month", "period": "month"}
# Relative to the day of speaking: inside a quotation that day is the speaker's, which we may not know.
_DEICTIC_KINDS = {"weekday", "deictic", "period", "ago"}
