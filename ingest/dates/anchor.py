"""The day of an article that came without one, when its own text supports it at day precision.

The rule, conservative because a wrong anchor shifts every relative date of the article:

1. Calendar dates with a year ("10 October 2020") are absolute. A weekday with a day number ("Thursday
   (8)") takes its month and year from the nearest of them, and must fall within two weeks of it.
2. News names the weekday of a day only within a week of writing (AP style: weekday within seven days,
   the date beyond), so only a weekday-attested day ("Saturday, 10 October 2020", "Thursday (8)") shows
   *when* the text was written. Without one, no inference: "in 1994" or "the 1990s" anchor nothing.
3. The candidate is the latest absolute day the text reports as past (future-tense dates excluded).
4. Everything else must agree with it: each weekday-attested day within seven days of it, no day of a
   future-tense clause before it, no year or month reported as past after it, "this Thursday" in a past
   clause not after it, and no weekday that contradicts its day. Any disagreement: no inference.
"""
from __future__ import annotations

from datetime import date

from .find import Phrase
from .resolve import calendar_date, weekday_number

WEEK = 7


def infer_anchor(phrases: list[Phrase], tenses: list[str]) -> date | None:
    """The article's day as its text supports it (see the module's rule), or None."""
    absolute = [(p, t, calendar_date(p)) for p, t in zip(phrases, tenses) if p.kind == "date"]
    if any(d is None and p.weekday is not None for p, _, d in absolute):
        return None  # "Friday, 8 October 2020": the text contradicts itself
    absolute = [(p, t, d) for p, t, d in absolute if d is not None]
    numbered = []
    for p, t in zip(phrases, tenses):
        if p.kind == "weekday_number":
            d = _numbered_day(p, absolute)
            if d is None and absolute:
                return None  # no day near the text's dates is that weekday and that number
            if d is not None:
                numbered.append((p, t, d))
    attested = [d for p, _, d in absolute if p.weekday is not None] + [d for _, _, d in numbered]
    days = absolute + numbered
    past = [d for _, t, d in days if t != "future"]
    if not attested or not past:
        return None
    candidate = max(past)
    if _agrees(candidate, attested, days, phrases, tenses):
        return candidate
    return None


def _numbered_day(phrase: Phrase, absolute: list[tuple[Phrase, str, date]]) -> date | None:
    if not absolute:
        return None
    _, _, reference = min(absolute, key=lambda a: abs(a[0].start - phrase.start))
    return weekday_number(phrase.weekday, phrase.day, reference)


def _agrees(candidate: date, attested: list[date], days, phrases: list[Phrase], tenses: list[str]) -> bool:
    if any(abs((d - candidate).days) > WEEK for d in attested):
        return False
    if any(t == "future" and d < candidate for _, t, d in days):
        return False
    for p, t in zip(phrases, tenses):
        if t == "future":
            continue
        if p.kind in ("year", "month_year") and date(p.year, p.month or 1, 1) > candidate:
            return False
        if p.kind == "weekday" and p.relation == "this" and candidate.weekday() < p.weekday:
            return False  # "this Thursday" reported as past, in a text of Tuesday
    return True
