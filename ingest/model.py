"""The article's working record: each pipeline stage adds its own layer to it.

Spans are offsets into the cleaned text (`Record.clean.text`); `CleanText.to_original` maps them back to
the text as read, which is what the graph's offsets refer to.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar


@dataclass(frozen=True)
class Article:
    source: str  # the file name, or the id of a JSON Lines record
    text: str  # the text as read (a leading "date YYYY-MM-DD" header included)
    origin: str  # where it came from, for messages: a path, or path:line
    published: date | None = None
    title: str | None = None
    url: str | None = None
    body_start: int = 0  # where the text begins after a header that is not part of the article


@dataclass(frozen=True)
class CleanText:
    text: str
    origin: tuple[int, ...]  # origin[i]: offset in Article.text of text[i]; one extra entry for the end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of a cleaned span in the original text (the end is exclusive)."""
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str  # lower case
    sentence: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass
class Mention:
    """A span that names or describes an entity (a spaCy-like view: offsets, label, KB id)."""

    start: int
    end: int
    text: str
    sentence: int
    kind: str  # name, alias, demonym, capital, seat, title, surname, description, pronoun
    entity: str | None = None  # the IRI of the entity, when linked
    cls: str | None = None  # State, Person, Organisation or Place
    score: float = 1.0
    candidates: list[tuple[str, float]] = field(default_factory=list)  # unconfirmed, for review
    function: str = "name"  # name, actor (acts in the sentence), place, modifier (the Armenian minister)


@dataclass
class Entity:
    """An entity the article introduces (not in the reference KB), or a KB entity seen under a new name."""

    iri: str
    cls: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    acts_for: str | None = None  # a ministry acts for its state
    unit_of: str | None = None
    in_kb: bool = False


@dataclass(frozen=True)
class PostStatement:
    """That the article says a person holds a post: "Russian Foreign Minister Sergey Lavrov"."""

    person: str
    post_type: str  # a local name of the post taxonomy: ForeignMinister
    of: str  # the state or organisation
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class MembershipStatement:
    member: str
    organisation: str
    role: str  # Member, CoChair
    sentence: int
    start: int
    end: int
    begin_year: int | None = None
    end_year: int | None = None


@dataclass
class DateExpression:
    start: int
    end: int
    text: str
    sentence: int
    value: date | None  # None when the phrase cannot be resolved safely
    precision: str = "day"  # day, month, year
    anchor: date | None = None
    anchor_inferred: bool = False


@dataclass
class Participant:
    entity: str
    role: str  # initiator, target, mediator, host, party, participant


@dataclass
class Event:
    type: str  # a local name of the event taxonomy: Talks, CallForCeasefire
    start: int  # the trigger
    end: int
    sentences: list[int]
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    date: DateExpression | None = None
    status: str = "Asserted"  # Asserted, Planned, Alleged, Denied
    iri: str | None = None  # set by the merge stage


@dataclass
class Claim:
    """A figure a speaker gives: killed, wounded, displaced (low/best/high as UCDP GED)."""

    kind: str  # Killed, Wounded, Displaced, Missing, Captured
    sentence: int
    start: int
    end: int
    speaker: str | None = None
    population: str = "UnknownPopulation"
    best: int | None = None
    low: int | None = None
    high: int | None = None
    status: str = "Asserted"
    about: int | None = None  # index of the event in Record.events


@dataclass
class Record:
    article: Article
    clean: CleanText | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    posts: list[PostStatement] = field(default_factory=list)
    memberships: list[MembershipStatement] = field(default_factory=list)
    dates: list[DateExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    date: date | None = None  # the anchor for relative dates: published, or inferred from the text
    date_inferred: bool = False

    @property
    def text(self) -> str:
        return self.clean.text if self.clean else ""

    def sentence_of(self, offset: int) -> int:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s.index
        return self.sentences[-1].index if self.sentences else 0


Located = TypeVar("Located")  # anything with a `sentence` index: Token, Mention, DateExpression


def by_sentence(items: Iterable[Located]) -> dict[int, list[Located]]:
    """Tokens, mentions or dates grouped by their sentence index, in text order (missing sentences: empty)."""
    out: dict[int, list[Located]] = defaultdict(list)
    for item in items:
        out[item.sentence].append(item)
    return out
