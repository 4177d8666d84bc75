"""Figures in a sentence's tokens: a count with its qualifier, as UCDP GED keeps low, best and high.

"at least 21" is a low bound, "up to 400" a high one, "some 70,000" or "about fifty" a best estimate,
"between 300 and 400" a range. Numbers written in words count ("two", "fifty", "twenty-one", "two
hundred"); vague plurals do not ("dozens", "hundreds", "thousands"): they are no figure. Money,
percentages and numbers inside date phrases are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Token

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
WORD_NUMBERS = {w: n for n, w in enumerate(_UNITS)} | _TENS | {"dozen": 12}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")

# Qualifiers before a number, as word sequences: which bound the number is.
_QUALIFIERS = {
    "low": [("at", "least"), ("more", "than"), ("over",), ("no", "fewer", "than"), ("no", "less", "than"),
            ("in", "excess", "of"), ("upwards", "of"), ("a", "minimum", "of"), ("not", "less", "than")],
    "high": [("up", "to"), ("as", "many", "as"), ("nearly",), ("almost",), ("fewer", "than"), ("less", "than"),
             ("under",), ("at", "most"), ("a", "maximum", "of"), ("close", "to")],
    "best": [("about",), ("around",), ("some",), ("approximately",), ("roughly",), ("an", "estimated"),
             ("estimated",), ("a", "total", "of"), ("total",), ("totally",), ("a", "further",)],
}
_STARTERS = {seq[0] for sequences in _QUALIFIERS.values() for seq in sequences} | {"between", "from", "a"} \
    | set(WORD_NUMBERS)
_CURRENCY = {"$", "€", "£", "¥", "us$", "usd", "eur", "dollars", "euros", "rubles", "manat", "dram", "pounds"}
_PERCENT = {"%", "percent", "per", "pc"}


@dataclass(frozen=True)
class Figure:
    start: int  # token positions in the sentence, end exclusive: the qualifier, the number(s)
    end: int
    low: int | None = None
    best: int | None = None
    high: int | None = None


def find_figures(tokens: list[Token], skip: set[int] = frozenset()) -> list[Figure]:
    """The figures of one sentence, left to right; `skip` holds token positions inside date phrases."""
    out, i = [], 0
    while i < len(tokens):
        figure = _figure_at(tokens, i, skip)
        if figure is None:
            i += 1
            continue
        out.append(figure)
        i = figure.end
    return out


def _figure_at(tokens: list[Token], i: int, skip: set[int]) -> Figure | None:
    word = tokens[i].text.lower()
    if word not in _STARTERS and not word[:1].isdigit():
        return None
    bound, start = "best", i
    for name, sequences in _QUALIFIERS.items():
        length = _starts_with(tokens, i, sequences)
        if length:
            bound, i = name, i + length
            break
    if _starts_with(tokens, i, [("between",), ("from",)]):
        ranged = _range(tokens, i + 1, skip)
        if ranged:
            low, high, end = ranged
            return Figure(start, end, low=low, high=high)
    number = number_at(tokens, i, skip)
    if number is None:
        return None
    value, end = number
    ranged = _range(tokens, i, skip)
    if ranged and bound == "best":
        low, high, end = ranged
        return Figure(start, end, low=low, high=high)
    return Figure(start, end, **{bound: value})


def _range(tokens: list[Token], i: int, skip: set[int]) -> tuple[int, int, int] | None:
    """"300 and 400" (after "between"), "300 to 400", "300-400": (low, high, end)."""
    first = number_at(tokens, i, skip)
    if first is None:
        return None
    low, k = first
    if k < len(tokens) and tokens[k].text.lower() in ("and", "to", "-", "–"):
        second = number_at(tokens, k + 1, skip)
        if second is not None and second[0] > low:
            return low, second[0], second[1]
    return None


def number_at(tokens: list[Token], i: int, skip: set[int]) -> tuple[int, int] | None:
    """The number that starts at token i, and where it ends; None for money, percentages and dates."""
    if i >= len(tokens) or i in skip:
        return None
    if i > 0 and tokens[i - 1].text.lower() in _CURRENCY:
        return None
    word = tokens[i].text.lower()
    if _DIGITS.match(word):
        value, end = float(word.replace(",", "")), i + 1
    elif word in WORD_NUMBERS or word in _TENS:
        value, end = _words(tokens, i)
    elif word == "a" and i + 1 < len(tokens) and tokens[i + 1].text.lower() in ("hundred", "thousand", "dozen"):
        value, end = (12, i + 2) if tokens[i + 1].text.lower() == "dozen" else (1, i + 1)
    else:
        return None
    while end < len(tokens) and tokens[end].text.lower() in _SCALES:
        value *= _SCALES[tokens[end].text.lower()]
        end += 1
    if end < len(tokens) and tokens[end].text.lower() in _PERCENT | _CURRENCY:
        return None
    return int(value), end


def _words(tokens: list[Token], i: int) -> tuple[float, int]:
    """"twenty-one", "twenty one", "fifty", "dozen": the value and the end."""
    word = tokens[i].text.lower()
    value = WORD_NUMBERS.get(word, 0)
    end = i + 1
    if word in _TENS:
        k = end + 1 if end < len(tokens) and tokens[end].text == "-" else end
        if k < len(tokens) and tokens[k].text.lower() in _UNITS[1:10]:
            value += _UNITS.index(tokens[k].text.lower())
            end = k + 1
    return value, end


def _starts_with(tokens: list[Token], i: int, sequences) -> int:
    for seq in sequences:
        if i + len(seq) <= len(tokens) and all(tokens[i + k].text.lower() == w for k, w in enumerate(seq)):
            return len(seq)
    return 0
