"""Claims: casualty and displacement figures, their kind, population, bounds, speaker and status."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.claims.figures import find_figures
from ingest.model import Claim, Record
from ingest.namespaces import local_name
from ingest.text import segment

from tests.conftest import make_article

PUBLISHED = "2023-04-14"


def claims_of(run, text: str) -> list[Claim]:
    return run(text, PUBLISHED).claims


def summary(claim: Claim) -> tuple:
    speaker = local_name(claim.speaker) if claim.speaker else None
    return claim.kind, claim.population, claim.low, claim.best, claim.high, claim.status, speaker


def figures(text: str) -> list[tuple]:
    record = segment(Record(make_article(text)))
    return [(f.low, f.best, f.high) for f in find_figures(record.tokens)]


@pytest.mark.parametrize("text, expected", [
    ("at least 21 and up to 40 and some 70,000 and about fifty", [(21, None, None), (None, None, 40),
                                                                  (None, 70000, None), (None, 50, None)]),
    ("between 300 and 400, from 5 to 9 and 10-20", [(300, None, 400), (5, None, 9), (10, None, 20)]),
    ("twenty-one, two hundred, 1.5 million and a dozen", [(None, 21, None), (None, 200, None),
                                                         (None, 1_500_000, None), (None, 12, None)]),
    ("thousands, dozens and hundreds of people, $5 million, 40% and 12 percent", []),
])
def test_figures_and_their_bounds(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sudanese health officials said at least 56 civilians were killed in the shelling of a market in Omdurman.",
     [("Killed", "Civilian", 56, None, None, "Asserted", "sd")]),
    ("Ukraine's defence ministry said 12 soldiers had been killed and 30 wounded near Avdiivka.",
     [("Killed", "Military", None, 12, None, "Asserted", "ministry-of-defence-of-ukraine"),
      ("Wounded", "UnknownPopulation", None, 30, None, "Asserted", "ministry-of-defence-of-ukraine")]),
    ("According to the World Health Organization, some 1,900 people have been wounded in Gaza this month.",
     [("Wounded", "UnknownPopulation", None, 1900, None, "Asserted", "world-health-organization")]),
    ("Two aid workers were wounded near Hodeidah, the UN said.",
     [("Wounded", "Civilian", None, 2, None, "Asserted", "united-nations")]),
    ("Ukraine said 45 Russian soldiers were captured near Kharkiv.",
     [("Captured", "Military", None, 45, None, "Asserted", "ua")]),
    ("From 200 to 300 people are missing after the raid on the camp.",
     [("Missing", "UnknownPopulation", 200, None, 300, "Asserted", None)]),
    ("The death toll from the strikes on Sanaa rose to 31, local health authorities said.",
     [("Killed", "UnknownPopulation", None, 31, None, "Asserted", None)]),
    ("The health ministry said the death toll had risen to 1,417, including 447 children.",
     [("Killed", "UnknownPopulation", None, 1417, None, "Asserted", None),
      ("Killed", "Civilian", None, 447, None, "Asserted", None)]),
    ("Officials said 3 Palestinians were shot dead in Jenin.",  # the victims are not the speaker
     [("Killed", "UnknownPopulation", None, 3, None, "Asserted", None)]),
    ("Five soldiers were killed, said the Ukrainian ministry of defence.",
     [("Killed", "Military", None, 5, None, "Asserted", "ministry-of-defence-of-ukraine")]),
    ("The Kremlin said the shelling of Donetsk killed five residents and wounded twenty-one.",
     [("Killed", "Civilian", None, 5, None, "Asserted", "kremlin"),
      ("Wounded", "UnknownPopulation", None, 21, None, "Asserted", "kremlin")]),
    # two figures joined by "and" share their kind, each with its own population
    ("Cambodia's defence ministry said 13 civilians and five soldiers had been killed on its side.",
     [("Killed", "Civilian", None, 13, None, "Asserted", "ministry-of-defence-of-cambodia"),
      ("Killed", "Military", None, 5, None, "Asserted", "ministry-of-defence-of-cambodia")]),
    ("Israel said the strike killed 12 militants and 3 civilians in Rafah.",
     [("Killed", "Military", None, 12, None, "Asserted", "il"),
      ("Killed", "Civilian", None, 3, None, "Asserted", "il")]),
    ("The army said it had lost 300 tanks and 12 soldiers were killed.",  # only people are counted alike
     [("Killed", "Military", None, 12, None, "Asserted", None)]),
])
def test_claims_with_kind_population_bounds_and_speaker(run, text, expected):
    assert [summary(c) for c in claims_of(run, text)] == expected


def test_displacement_with_an_appositive(run):
    # Displacement figures count people who fled their homes: civilians, as UNHCR and IOM count them.
    text = "The United Nations estimated that some 4,000 people, a third of the town, had to flee their homes."
    assert [summary(c) for c in claims_of(run, text)] == [
        ("Displaced", "Civilian", None, 4000, None, "Asserted", "united-nations")]


def test_a_range_and_a_part_of_it(run):
    claims = claims_of(run, "The official toll is between 120 and 150 dead, about thirty of them children.")
    assert [summary(c) for c in claims] == [("Killed", "UnknownPopulation", 120, None, 150, "Asserted", None),
                                            ("Killed", "Civilian", None, 30, None, "Asserted", None)]


def test_conflicting_figures_of_two_speakers_stay_side_by_side(run):
    claims = claims_of(run, "Israel said 14 militants were killed in the strike. "
                            "Palestinian officials said 20 civilians were killed in the same strike.")
    assert [summary(c) for c in claims] == [("Killed", "Military", None, 14, None, "Asserted", "il"),
                                            ("Killed", "Civilian", None, 20, None, "Asserted", "ps")]
    assert [c.sentence for c in claims] == [0, 1]


@pytest.mark.parametrize("text, status", [
    ("Russia claimed that 300 Ukrainian soldiers were killed in the assault.", "Alleged"),
    ("Yemen's government said 8 sailors were reportedly captured by the Houthis.", "Alleged"),
    ("Azerbaijan denied that 40 civilians were killed in the raid.", "Denied"),
    ("Armenia said 40 civilians were killed in the raid.", "Asserted"),
])
def test_epistemic_status(run, text, status):
    assert [c.status for c in claims_of(run, text)] == [status]


@pytest.mark.parametrize("text", [
    "Thousands of people fled the city and dozens were wounded.",
    "Each side claims to have killed hundreds of enemy soldiers.",
    "The 5 points of the plan were signed at 10 a.m. by 3 ministers.",
    "The donors pledged $5 million in aid; 40% of homes were damaged.",
    "The talks lasted 10 hours and the two delegations met again on 12 May 2023.",
    "She was one of 40 hostages released on Friday.",
    "The ministry said its forces had destroyed 12 tanks and deployed 1,000 troops.",
])
def test_what_is_not_a_casualty_figure(run, text):
    assert claims_of(run, text) == []


def test_no_speaker_without_a_reporting_verb(run):
    [claim] = claims_of(run, "The official balance is 75 dead.")
    assert claim.speaker is None


def test_the_same_claim_repeated_in_one_article_is_kept_once(run):
    claims = claims_of(run, "The UN said 6 aid workers were wounded in Darfur.\n\n"
                            "Aid agencies are alarmed. Six aid workers were wounded, the UN said.")
    assert len(claims) == 1 and claims[0].sentence == 0


def test_claim_offsets_cover_the_figure_and_its_kind(run):
    record = run("Officials in Kherson said at least 7 people were killed overnight.", PUBLISHED)
    [claim] = record.claims
    assert record.text[claim.start:claim.end] == "at least 7 people were killed"


def test_numbers_inside_dates_are_not_figures(run):
    [claim] = claims_of(run, "On 12 May 2023, 14 people were killed in Khartoum, the Sudanese army said.")
    assert summary(claim) == ("Killed", "UnknownPopulation", None, 14, None, "Asserted", "sd")


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_raises_and_figures_are_never_negative(text):
    record = segment(Record(make_article(text)))
    for f in find_figures(record.tokens):
        assert all(v is None or v >= 0 for v in (f.low, f.best, f.high))
        assert f.low is None or f.high is None or f.low < f.high
