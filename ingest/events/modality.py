"""Whether an event is asserted, planned, alleged, or not asserted at all (negated or hypothetical)."""
from __future__ import annotations

from ..sentence import SentenceView

_NEGATION = {"not", "n't", "never", "no", "neither", "nor", "without"}
_FUTURE = {"will", "shall", "'ll", "scheduled", "expected", "planned", "plans", "plan", "upcoming",
           "forthcoming", "next", "set"}
_HYPOTHETICAL = {"possibility", "possible", "could", "might", "would", "may", "if", "unless", "potential",
                 "proposed", "whether", "likely", "about", "idea", "prospect", "proposal",
                 "towards", "toward"}  # "a step towards a comprehensive peace agreement": not yet there
_ALLEGED = {"allegedly", "reportedly", "alleged", "purported", "purportedly", "supposedly", "suspected"}
_WINDOW = 4
_PLANNED_AFTER = {"planned", "scheduled", "expected", "slated"}  # "peace talks planned in Angola"


def status_of(view: SentenceView, start: int, end: int | None = None) -> str | None:
    """Asserted, Planned or Alleged; None when the text does not assert the event at all."""
    before = _window(view, start)
    after = view.words[end] if end is not None and end < len(view.words) else None
    if before & _NEGATION:
        return None
    if before & _HYPOTHETICAL and "would" not in before:
        return None
    if before & _ALLEGED:
        return "Alleged"
    if before & _FUTURE or "would" in before or _is_to_be(view, start) or after in _PLANNED_AFTER:
        return "Planned"
    return "Asserted"


def _window(view: SentenceView, start: int) -> set[str]:
    """The words just before the trigger, back to the nearest clause break."""
    out, k = set(), start - 1
    while k >= 0 and len(out) < _WINDOW:
        w = view.words[k]
        if w in (";", ":", ".", ",", "that", "and", "but", "which"):
            break
        if k not in view.covered and w not in ("-", "–"):  # names do not count: "an Armenia-Azerbaijan summit"
            out.add(w)
        k -= 1
    return out


def _is_to_be(view: SentenceView, start: int) -> bool:
    """"talks are to be held", "is to meet": an arrangement for the future."""
    words = view.words[max(0, start - 3):start]
    return "to" in words and ("be" in words or (words and words[-1] == "to" and len(words) > 1 and words[-2] in ("is", "are")))
