"""Spelling-robust keys for names: accent and case folding, then transliteration rewrites.

Translated news spells one name many ways: Zajárova / Zakharova (Spanish j for the Russian kh),
Sergej / Sergey (German j for y), Ceyhun / Jeyhun (Turkish c for j), Bairámov / Bayramov, Pashinián /
Pashinyan, Kirghizistan / Kyrgyzstan. `fold` removes accents and case; `skeletons` rewrites what
transliteration varies into one form, trying each reading of an ambiguous 'j'.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from anyascii import anyascii

# Ordered rewrites applied to a folded word; each is a regular expression and its replacement.
_REWRITES = [
    (r"dzh|dsch|dj", "j"),  # English/French/German spellings of the j sound
    (r"^c(?=[eiy])", "j"),  # Turkish and Azerbaijani c: Ceyhun = Jeyhun
    (r"tsch", "ch"), (r"sch", "sh"),  # German
    (r"zh", "j"),
    (r"kh|x", "h"),  # Azerbaijani Latin x is kh: Qaraxanbeyli
    (r"gh", "g"),
    (r"q", "k"),
    (r"w", "v"),  # German and Polish w
    (r"ck", "k"),
    (r"ou|oo", "u"),  # French ou (Sergueï); English oo for a long u (Mahmood)
    (r"ee", "i"),  # English ee for a long i in Arabic and Persian names (Sadeeq = Sadiq)
    (r"gu(?=[ei])", "g"),  # French gu before e/i
    (r"(?<=[bcdfgklmnprstvz])istan$", "stan"),  # Italian and French -istan: Kirghizistan, Tagikistan
    (r"kstan$", "hstan"),  # Kazakistan, Kazakstan = Kazakhstan
    (r"y", "i"),
    (r"g(?=i)", "j"),  # Italian gi: Tagikistan = Tajikistan
    (r"(.)\1+", r"\1"),  # doubled letters: Mnatsakanyan / Mnatsakanian become one after y -> i
]
_COMPILED = [(re.compile(p), r) for p, r in _REWRITES]
# Readings of a 'j' in a name: itself (English, Turkish), kh (Spanish, Portuguese), y (German, Slavic).
_J_READINGS = ("j", "h", "i")
_MAX_VARIANTS = 8


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: 'Ceyhún Bairámov' -> 'ceyhun bairamov'."""
    return re.sub(r"[^a-z0-9]+", " ", anyascii(text).lower()).strip()


def _rewrite(word: str) -> str:
    for pattern, replacement in _COMPILED:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=200_000)
def skeletons(text: str) -> tuple[str, ...]:
    """The rewritten forms of a name, one for each reading of its ambiguous letters (at most 8)."""
    words = fold(text).split()
    forms_per_word = []
    for word in words:
        word = re.sub(r"dzh|dsch|dj", "J", word)  # a spelled-out j sound is not ambiguous
        if "j" in word and word.count("j") <= 2:
            forms = {_variant(word, choice) for choice in product(_J_READINGS, repeat=word.count("j"))}
        else:
            forms = {word}
        forms_per_word.append(sorted({_rewrite(f.replace("J", "j")) for f in forms}))
    out: list[str] = []
    for combination in product(*forms_per_word):
        out.append(" ".join(combination))
        if len(out) >= _MAX_VARIANTS:
            break
    return tuple(dict.fromkeys(out))


def _variant(word: str, readings: tuple[str, ...]) -> str:
    parts = word.split("j")
    return parts[0] + "".join(r + p for r, p in zip(readings, parts[1:]))
