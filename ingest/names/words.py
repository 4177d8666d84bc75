"""A sentence's tokens as the name rules read them, and the small closed word lists those rules use."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Token
from .normalise import fold

# Lemmas of verbs whose subject acts or speaks: a capital before one of them stands for its government.
ACTOR_VERBS = {
    "say", "announce", "state", "declare", "claim", "report", "accuse", "deny", "warn", "threaten", "call",
    "urge", "demand", "insist", "reject", "refuse", "agree", "offer", "propose", "invite", "send", "want",
    "have", "be", "can", "could", "will", "would", "must", "should", "may", "might", "need", "react",
    "respond", "reply", "support", "back", "condemn", "criticise", "criticize", "blame", "insist",
    "intervene", "recognise", "recognize", "sign", "mediate", "host", "expel", "summon", "sanction",
    "attack", "bomb", "shell", "strike", "launch", "fire", "order", "decide", "plan", "seek", "try",
    "confirm", "stress", "emphasise", "emphasize", "note", "add", "express", "voice", "is", "are", "was",
    "link", "lose", "favor", "favour", "prepare", "use", "reiterate", "reaffirm", "hail", "praise", "protest",
    "retaliate", "vow", "pledge", "promise", "complain", "ask",
    # what governments do together: "Baku and Yerevan held talks"
    "hold", "meet", "negotiate", "resume", "exchange", "welcome", "thank", "discuss", "consult",
}
# Prepositions after which a place name is a location, not an actor.
LOCATIVE = {"in", "at", "to", "from", "near", "into", "across", "around", "outside", "inside", "via", "toward",
            "towards", "through", "over", "within", "of", "on", "visit", "venue"}
# Prepositions and verbs after which a place name stands for its government ("to react against Baku").
ADVERSATIVE = {"against", "favor", "favour", "with", "by", "between", "and"}
# Heads that make a demonym an actor: "Azerbaijani forces", "Armenian officials", "the Azeri government".
GROUP_NOUNS = {
    "force", "forces", "troop", "troops", "army", "military", "official", "officials", "authority",
    "authorities", "government", "side", "separatist", "separatists", "soldier", "soldiers", "diplomat",
    "diplomats", "leadership", "leader", "leaders", "administration", "regime", "people", "militant",
    "militants", "fighter", "fighters", "artillery", "unit", "units", "drone", "drones", "aircraft", "jet",
    "jets", "navy", "police", "delegation", "negotiator", "negotiators", "troups", "army's", "defence",
    "defense", "state", "peacekeeper", "peacekeepers",
    # weapons stand for who fires them: "Iranian missiles targeted the base"
    "missile", "missiles", "rocket", "rockets", "warplane", "warplanes", "warship", "warships", "tank", "tanks",
    # an unnamed official stands for the state: "met his Indian counterpart", "Qatari mediators"
    "counterpart", "counterparts", "colleague", "colleagues", "mediators",
}
# Heads that make a named organisation act, not a state: "M23 rebels" is the M23, "Sudanese rebels" not Sudan.
MEMBER_NOUNS = {"rebel", "rebels", "militia", "militiamen", "insurgents", "guerrillas", "members"}
# Nouns that introduce a person by name without a post the KB models: "army chief X", "rebel leader X".
PERSON_NOUNS = {"leader", "chief", "commander", "spokesman", "spokeswoman", "spokesperson", "envoy", "negotiator",
                "mediator", "general", "colonel", "lieutenant", "ambassador", "emissary", "sheikh", "emir"}
# Words between a state and its group that keep the group the state's: "Ethiopia's federal government".
GROUP_QUALIFIERS = {"federal", "central", "national", "interim", "transitional", "armed", "regular", "ruling"}
# Words that may sit inside a personal name without a capital: "Jean-Yves Le Drian", "Ursula von der Leyen".
NAME_PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "al", "el", "bin",
                  "ibn", "abu", "ben", "du", "dos", "das", "y", "oglu", "ogly"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our"}
POSSESSIVE = {"'s", "’s", "'", "’"}
# Words written with a capital that start sentences and headings but name nothing.
NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "and", "but", "or", "however", "meanwhile", "also", "earlier",
    "later", "yesterday", "today", "tomorrow", "this", "that", "these", "those", "there", "here", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "after", "before", "since",
    "during", "while", "when", "where", "what", "who", "which", "why", "how", "as", "for", "from", "to",
    "by", "with", "of", "so", "such", "nor", "not", "no", "yes", "if", "then", "than", "through", "read",
    "see", "photo", "image", "map", "video", "understand", "according", "furthermore", "moreover",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "mr", "mrs", "ms", "dr", "president", "minister", "prime", "foreign", "world", "news", "located",
    "both", "each", "all", "some", "several", "many", "most", "other", "another", "two", "three", "one",
    "first", "second", "last", "next", "new",
}


@dataclass(frozen=True)
class Word:
    """A token with its folded form and position in the sentence."""

    token: Token
    i: int  # position in the sentence
    folded: str

    @property
    def text(self) -> str:
        return self.token.text

    @property
    def lemma(self) -> str:
        return self.token.lemma

    @property
    def capitalised(self) -> bool:
        return self.token.text[:1].isupper() or self.token.text[:1].isdigit()

    @property
    def is_punct(self) -> bool:
        return not self.folded


def sentence_words(tokens: list[Token]) -> list[Word]:
    return [Word(t, i, fold(t.text)) for i, t in enumerate(tokens)]
