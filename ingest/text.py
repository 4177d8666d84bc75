"""Clean an article's text and split it into sentences and tokens, keeping offsets into the original."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from .model import CleanText, Record, Sentence, Token

# Markers that syndication leaves in scraped text: [ad_1], [ad], [advertisement].
_AD_MARKER = re.compile(r"\[(?:ad(?:_?\d+)?|advert(?:isement)?)\]", re.IGNORECASE)
# Characters that carry no text but split or glue words: zero-width spaces and joiners, direction marks.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u202a", "\u202b",
              "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad"}
_BLOCK_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_FINAL = ".!?:;…\"”’»)"


def clean(text: str, body_start: int = 0) -> CleanText:
    """Drop the header, ad markers and invisible characters; turn other controls into spaces.

    Idempotent: cleaning a cleaned text changes nothing (save the header, which is gone)."""
    dropped = [False] * len(text)
    for i in range(body_start):
        dropped[i] = True
    for m in _AD_MARKER.finditer(text, body_start):
        for i in range(m.start(), m.end()):
            dropped[i] = True
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if dropped[i] or ch in _INVISIBLE:
            continue
        if ch == "\r":
            continue
        if ch not in "\n\t" and (unicodedata.category(ch) in ("Cc", "Cs") or ch in "\u2028\u2029"):
            ch = " " if ch not in "\u2028\u2029" else "\n"
        elif ch == "\u00a0":
            ch = " "
        chars.append(ch)
        origin.append(i)
    origin.append(origin[-1] + 1 if origin else body_start)
    return CleanText("".join(chars), tuple(origin))


@cache
def english():
    """A blank English spaCy pipeline with a rule-based sentencizer, and the English lemma table."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    table = lemmatizer.lookups.get_table("lemma_lookup")
    return nlp, table


def lemma_of(word: str, table) -> str:
    lower = word.lower()
    return table.get(lower, lower)


def blocks(text: str) -> list[tuple[int, int]]:
    """Spans separated by blank lines, and by single line breaks after a heading-like line.

    Captions and headings must not merge into the sentence that follows them."""
    spans, start = [], 0
    for m in _BLOCK_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for b, e in spans:
        line_start = b
        for m in re.finditer(r"\n", text[b:e]):
            cut = b + m.start()
            line = text[line_start:cut].strip()
            following = text[cut + 1:e].lstrip()
            ends_sentence = line[-1:] in (".", "!", "?")
            heading = line and line[-1] not in _FINAL and len(line.split()) <= 12
            if (ends_sentence or heading) and following[:1].isupper():
                out.append((line_start, cut))
                line_start = cut + 1
        out.append((line_start, e))
    return [(b, e) for b, e in (_strip(text, b, e) for b, e in out) if e > b]


def _strip(text: str, b: int, e: int) -> tuple[int, int]:
    while b < e and text[b].isspace():
        b += 1
    while e > b and text[e - 1].isspace():
        e -= 1
    return b, e


def segment(record: Record) -> Record:
    """Stage: clean the text, then fill the record's sentences and tokens."""
    record.clean = clean(record.article.text, record.article.body_start)
    text = record.clean.text
    nlp, table = english()
    spans = blocks(text)
    for (offset, end), doc in zip(spans, nlp.pipe(text[b:e] for b, e in spans)):
        for sent in doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            index = len(record.sentences)
            record.sentences.append(Sentence(index, offset + words[0].idx, offset + words[-1].idx + len(words[-1])))
            record.tokens.extend(Token(offset + t.idx, offset + t.idx + len(t), t.text, lemma_of(t.text, table), index)
                                 for t in words)
    return record
