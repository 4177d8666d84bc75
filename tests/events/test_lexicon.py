"""Trigger patterns are data: compiled from event-types.ttl, matched over lemmas with gaps."""
from ingest.events.lexicon import Lexicon, compile_pattern
from ingest.model import Token
from ingest.text import english, lemma_of


def tokens(text):
    nlp, table = english()
    return [Token(t.idx, t.idx + len(t), t.text, lemma_of(t.text, table), 0) for t in nlp(text)]


def test_pattern_syntax_alternatives_hyphens_and_gaps():
    p = compile_pattern("CallForCeasefire", "call for ... ceasefire|cease-fire")
    assert p.elements[0] == (("call",),) and p.elements[2] is None
    assert ("cease", "-", "fire") in p.elements[3]


def test_every_type_has_patterns_and_a_role_frame():
    lexicon = Lexicon.bundled()
    required = {"Meeting", "Talks", "PhoneCall", "Visit", "Invitation", "Mediation", "MediationOffer",
                "CallForCeasefire", "CeasefireAgreement", "CeasefireViolation", "Agreement", "Statement",
                "Condemnation", "Accusation", "Denial", "Demand", "Rejection", "Threat", "ArmedClash", "Attack"}
    assert required <= set(lexicon.types)
    by_type = {p.event_type for p in lexicon.patterns}
    assert required <= by_type
    roles = {"initiator", "target", "mediator", "host", "party", "participant"}
    assert all({t.subject_role, t.object_role, t.between_role} <= roles for t in lexicon.types.values())


def test_matches_inflections_gaps_hyphens_and_quotes():
    lexicon = Lexicon.bundled()
    found = lexicon.find(tokens("The envoys called for an immediate and unconditional cease-fire on Sunday."))
    assert [m.event_type for m in found] == ["CallForCeasefire"]
    found = lexicon.find(tokens("Both delegations agreed to hold “consultations” in Doha."))
    assert "Talks" in [m.event_type for m in found]


def test_longer_matches_win_over_the_words_inside_them():
    found = Lexicon.bundled().find(tokens("Egypt brokered a ceasefire agreement between the two sides."))
    assert [m.event_type for m in found if m.event_type in ("CeasefireAgreement", "Agreement")] == ["CeasefireAgreement"]
