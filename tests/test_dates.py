"""Dates: phrases found and resolved against the article's day, an undated article's day inferred."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.dates import date_for, resolve_dates
from ingest.dates.find import WEEKDAYS, find_phrases
from ingest.dates.resolve import resolve
from ingest.model import Record
from ingest.text import segment

from tests.conftest import make_article


def dated(text: str, published: str | None = None) -> Record:
    return resolve_dates(segment(Record(make_article(text, published))))


def value_of(record: Record, phrase: str) -> date | None:
    found = [d for d in record.dates if d.text == phrase]
    assert len(found) == 1, f"{phrase!r} found {len(found)} times in {[d.text for d in record.dates]}"
    return found[0].value


# A Friday: 2023-04-14. The week runs from Monday 10 to Sunday 16 April.
FRIDAY = "2023-04-14"


@pytest.mark.parametrize("sentence, phrase, expected", [
    ("The envoy said yesterday that the talks in Jeddah had stalled.", "yesterday", "2023-04-13"),
    ("Shelling hit the outskirts of Khartoum last night.", "last night", "2023-04-13"),
    ("The two generals will meet today in Juba.", "today", "2023-04-14"),
    ("Drones struck an oil depot in Odesa on Thursday night.", "Thursday night", "2023-04-13"),
    ("The Houthis fired on a tanker last Sunday.", "last Sunday", "2023-04-09"),
    ("The council met on Wednesday to discuss the blockade.", "Wednesday", "2023-04-12"),
    ("The mediators arrived in Doha this Thursday (13).", "this Thursday (13)", "2023-04-13"),
    ("The delegations are invited to Nairobi on Monday (17) for a new round.", "Monday (17)", "2023-04-17"),
    ("The ceasefire collapsed on April 5.", "April 5", "2023-04-05"),
    ("Fighting resumed on 2nd April near the airport.", "2nd April", "2023-04-02"),
    ("The paramilitaries have besieged the town since March 27.", "March 27", "2023-03-27"),
    ("The truce took effect at 6 a.m. on Tuesday, 11th April 2023, after a night of talks.",
     "6 a.m. on Tuesday, 11th April 2023", "2023-04-11"),
    ("A statement dated on April 10, 2023 set out the terms.", "April 10, 2023", "2023-04-10"),
    ("The prime minister will travel to Kyiv on Monday.", "Monday", "2023-04-17"),
    ("Talks are scheduled for Tuesday in Geneva.", "Tuesday", "2023-04-18"),
    ("Two days ago, the port of Hodeidah reopened.", "Two days ago", "2023-04-12"),
])
def test_phrases_resolve_against_the_published_day(sentence, phrase, expected):
    assert value_of(dated(sentence, FRIDAY), phrase) == date.fromisoformat(expected)


@pytest.mark.parametrize("sentence, phrase, value, precision", [
    ("The border was drawn in 1994 after a short war.", "1994", date(1994, 1, 1), "year"),
    ("The region was autonomous in the 1990s.", "the 1990s", None, "decade"),
    ("The union of republics (1922-1991) left many borders open.", "1922", date(1922, 1, 1), "year"),
    ("The union of republics (1922-1991) left many borders open.", "1991", date(1991, 1, 1), "year"),
    ("Aid deliveries were cut in March 2023.", "March 2023", date(2023, 3, 1), "month"),
    ("Earlier this week, the army shelled a market.", "Earlier this week", date(2023, 4, 1), "month"),
    ("Exports fell last month.", "last month", date(2023, 3, 1), "month"),
])
def test_years_decades_and_periods_are_not_days(sentence, phrase, value, precision):
    found = next(d for d in dated(sentence, FRIDAY).dates if d.text == phrase)
    assert (found.value, found.precision) == (value, precision)


def test_a_week_across_two_months_has_no_value():
    # Monday 2023-07-31 to Thursday 2023-08-03: "earlier this week" spans July and August.
    found = dated("Earlier this week the convoy was stopped.", "2023-08-04").dates[0]
    assert found.value is None


def test_the_phrase_its_offsets_and_anchor_are_kept():
    record = dated("Rockets hit Kharkiv on Sunday. Officials met in Ankara in 2022.", FRIDAY)
    sunday, year = record.dates
    assert record.text[sunday.start:sunday.end] == "Sunday" and sunday.sentence == 0
    assert sunday.anchor == date(2023, 4, 14) and not sunday.anchor_inferred
    assert year.sentence == 1 and year.anchor is None  # an absolute year needs no anchor


def test_weekday_tense_decides_past_or_next():
    record = dated("The minister met the envoy on Monday. He will see the rebels on Monday.", FRIDAY)
    first, second = record.dates
    assert (first.value, second.value) == (date(2023, 4, 10), date(2023, 4, 17))


def test_a_plan_is_no_schedule_but_planning_to_is():
    record = dated("Qatar presented a ceasefire plan to both sides on Monday. The sides plan to meet on Monday.",
                   FRIDAY)
    first, second = record.dates
    assert (first.value, second.value) == (date(2023, 4, 10), date(2023, 4, 17))


def test_this_weekday_after_the_anchor_in_a_past_report_is_left_unset():
    # A Tuesday article reporting as past what happened "this Thursday": no such Thursday yet.
    assert value_of(dated("The army shelled the port this Thursday.", "2023-04-11"), "this Thursday") is None


def test_a_weekday_with_a_wrong_number_is_left_unset():
    # Friday 14 April 2023: no Friday the 9th within two weeks.
    assert value_of(dated("Talks resumed on Friday (9).", FRIDAY), "Friday (9)") is None


def test_would_leaves_a_bare_weekday_unset():
    assert value_of(dated("The ministers said they would meet on Tuesday.", FRIDAY), "Tuesday") is None


def test_a_day_without_year_lies_in_the_past_eleven_months_or_the_next_one():
    record = dated("The siege began on December 28 and ended on January 3.", "2024-01-10")
    assert value_of(record, "December 28") == date(2023, 12, 28)
    assert value_of(record, "January 3") == date(2024, 1, 3)
    record = dated("The war began on May 20. The next round opens on January 10. Talks on December 12 failed.",
                   "2023-12-06")
    assert value_of(record, "May 20") == date(2023, 5, 20)  # not May 2024, though nearer
    assert value_of(record, "January 10") == date(2024, 1, 10)
    assert value_of(record, "December 12") == date(2023, 12, 12)  # a few days ahead: no year back


def test_a_month_without_year_is_the_latest_in_a_past_clause_and_the_nearer_in_an_unsure_one():
    record = dated("The fighting, which erupted in April, spread by mid-November. It may end in March.", "2023-12-06")
    assert [(d.text, d.value) for d in record.dates] == [
        ("April", date(2023, 4, 1)), ("November", date(2023, 11, 1)), ("March", date(2024, 3, 1))]


def test_due_to_is_future_before_a_verb_and_a_cause_before_a_noun():
    record = dated("The talks are due to resume on Tuesday. Flights stopped due to the fighting on Tuesday.",
                   FRIDAY)
    assert [d.value for d in record.dates] == [date(2023, 4, 18), date(2023, 4, 11)]


@pytest.mark.parametrize("sentence, phrase", [
    ("The accord was signed on February 30.", "February 30"),
    ("The accord was signed on 32nd October.", "32nd October"),
    ("The accord was signed on 29 February 2023.", "29 February 2023"),
    ("The accord was signed on Friday, 13 April 2023.", "Friday, 13 April 2023"),  # 13 April 2023 is a Thursday
])
def test_impossible_dates_are_unresolved_not_errors(sentence, phrase):
    assert value_of(dated(sentence, FRIDAY), phrase) is None


def test_relative_phrases_of_an_undated_article_stay_unresolved():
    record = dated("The foreign ministers spoke by phone last night. On Tuesday the rebels agreed to a truce. "
                   "The republic was founded in 1991.")
    assert record.date is None and not record.date_inferred
    assert [d.value for d in record.dates[:2]] == [None, None]
    assert record.dates[2].value == date(1991, 1, 1)


def test_today_inside_a_quotation_is_the_speakers_day_not_resolved():
    record = dated("He said on Monday: “The guns fall silent today, and we will hold them to it.”", FRIDAY)
    assert value_of(record, "today") is None
    assert value_of(record, "Monday") == date(2023, 4, 10)


def test_we_and_may_are_not_dates():
    record = dated("We may see talks, and we march on. The ceasefire may hold.", FRIDAY)
    assert record.dates == []


# ---------------------------------------------------------------- inferring an undated article's day

def test_inference_from_a_weekday_attested_absolute_date():
    record = dated("The truce, in force since noon of Sunday, 16th April 2023, held overnight. "
                   "Fighting had begun on 3rd April.")
    assert (record.date, record.date_inferred) == (date(2023, 4, 16), True)
    third = next(d for d in record.dates if d.text == "3rd April")
    assert third.value == date(2023, 4, 3) and third.anchor_inferred


def test_inference_from_a_weekday_number_whose_month_comes_from_a_nearby_date():
    record = dated("Militias attacked a convoy this Wednesday (12). The envoy arrived yesterday. "
                   "A photo taken on April 11, 2023 shows the damage. The sides are invited to talks on Saturday (15).")
    assert (record.date, record.date_inferred) == (date(2023, 4, 12), True)
    assert value_of(record, "yesterday") == date(2023, 4, 11)
    assert value_of(record, "Saturday (15)") == date(2023, 4, 15)


def test_no_inference_from_a_year_or_a_decade():
    record = dated("The dispute dates from 1994 and flared in the 1990s. Yesterday the talks failed.")
    assert record.date is None and value_of(record, "Yesterday") is None


def test_no_inference_from_an_absolute_date_without_a_weekday():
    # A date alone may be weeks old: nothing says when the text was written.
    record = dated("The agreement of 4 March 2023 was broken. Yesterday the rebels shelled the port.")
    assert record.date is None and value_of(record, "Yesterday") is None


def test_conflicting_weekday_evidence_prevents_inference():
    # Wednesday (12) April 2023 is right; Friday (12) cannot also be a 12th near it.
    record = dated("On April 10, 2023 the talks opened. Shelling resumed this Wednesday (12) "
                   "and again on Friday (12).")
    assert record.date is None


def test_a_weekday_that_contradicts_its_date_prevents_inference():
    assert dated("The talks ended on Monday, 12 April 2023. Yesterday the rebels left.").date is None


def test_a_later_year_reported_as_past_prevents_inference():
    record = dated("The talks ended on Wednesday, 12 April 2023. The front had already moved in 2024.")
    assert record.date is None


def test_a_published_date_is_never_replaced():
    record = dated("The talks ended on Wednesday, 12 April 2023.", "2023-05-02")
    assert (record.date, record.date_inferred) == (date(2023, 5, 2), False)


# ---------------------------------------------------------------- properties

ANCHORS = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
RELATIVE = ["yesterday", "today", "last night", "tomorrow", "on Thursday night", "last Sunday", "on Wednesday",
            "next Monday", "this Friday", "three days ago", "on Saturday (12)", "on October 5", "on 27th September",
            "since February 29", "this Thursday (8)"]


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, phrase=st.sampled_from(RELATIVE), future=st.booleans())
def test_relative_phrases_resolve_within_weeks_of_the_anchor(anchor, phrase, future):
    verb = "will meet" if future else "met"
    record = dated(f"The envoys {verb} {phrase}.", anchor.isoformat())
    assert len(record.dates) == 1
    value = record.dates[0].value
    if value is None:
        return
    if any(m in phrase for m in ("October", "September", "February")):  # a day without a year
        days = (value - anchor).days
        assert 0 <= days < 366 if future else -335 < days <= 30  # "met" is past, "will meet" future
    else:
        assert abs((value - anchor).days) <= 14


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, weekday=st.sampled_from(WEEKDAYS), day=st.integers(min_value=1, max_value=31))
def test_weekday_number_resolves_only_to_that_weekday_and_day(anchor, weekday, day):
    record = dated(f"The convoy left on {weekday.capitalize()} ({day}).", anchor.isoformat())
    value = record.dates[0].value
    if value is not None:
        assert value.day == day and value.weekday() == WEEKDAYS.index(weekday)
        assert abs((value - anchor).days) <= 14


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), anchor=st.one_of(st.none(), ANCHORS))
def test_resolution_never_raises_on_arbitrary_text(text, anchor):
    record = dated(text, anchor.isoformat() if anchor else None)
    for d in record.dates:
        assert 0 <= d.start < d.end <= len(record.text)
        assert record.text[d.start:d.end] == d.text


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, pieces=st.lists(st.sampled_from(
    list("0123456789 ,.()-") + ["May ", "March ", "Oct. ", "Friday ", "this ", "last ", "th ", "of ", "2020", "1999s",
                                "the ", "in ", "ago ", "days "]), max_size=30))
def test_date_like_noise_never_raises(anchor, pieces):
    for phrase in find_phrases("".join(pieces)):
        resolve(phrase, anchor, "past")
        resolve(phrase, anchor, "future")
        resolve(phrase, None, "unsure")


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_an_anchor_at_the_edge_of_the_calendar_leaves_phrases_unset_not_errors(published):
    record = dated("Talks began yesterday, resume tomorrow and end next month, on Friday (3) or on January 2.",
                   published)
    assert len(record.dates) == 5
    assert all(d.value is None or date.min <= d.value <= date.max for d in record.dates)


def test_yesterday_is_the_day_before_across_a_year_end():
    record = dated("The border reopened yesterday.", "2024-01-01")
    assert record.dates[0].value == date(2023, 12, 31) == date(2024, 1, 1) - timedelta(days=1)


# ---------------------------------------------------------------- which phrase dates an event: date_for

def date_of(record: Record, trigger: str, speech: bool = False) -> str | None:
    start = record.text.index(trigger)
    found = date_for(record, record.sentence_of(start), start, start + len(trigger), speech=speech)
    return found.text if found else None


def test_a_reporting_verb_keeps_its_own_date_and_the_invited_event_has_its_own():
    record = dated("The president invited the two commanders to Cairo on Saturday (15) for talks and called "
                   "for a truce, the presidency announced on Thursday night.", FRIDAY)
    assert date_of(record, "announced") == "Thursday night"
    assert date_of(record, "talks") == "Saturday (15)"
    assert date_of(record, "invited") is None  # the Saturday is the talks', not the invitation's
    assert date_of(record, "invited", speech=True) == "Thursday night"
    assert date_of(record, "called for a truce") is None
    assert date_of(record, "called for a truce", speech=True) == "Thursday night"


def test_two_events_in_one_sentence_take_their_own_clauses_dates():
    record = dated("The army shelled Bakhmut on Monday and the president will visit Kyiv on Friday.", FRIDAY)
    assert date_of(record, "shelled") == "Monday"
    assert date_of(record, "visit") == "Friday"


def test_a_relative_clause_dates_the_noun_before_it():
    record = dated("Envoys met today to end the clashes that erupted on April 2 in the capital.", FRIDAY)
    assert date_of(record, "clashes") == "April 2"
    assert date_of(record, "met") == "today"


def test_a_sentence_opening_date_dates_the_main_clause():
    record = dated("On Thursday, Sudan accused the militia of shelling a camp near El Fasher.", FRIDAY)
    assert date_of(record, "accused") == "Thursday"
    record = dated("In a statement issued on April 3, the three envoys condemned the attacks.", FRIDAY)
    assert date_of(record, "condemned") == "April 3"


def test_a_reporting_date_never_dates_what_was_reported():
    record = dated("Health officials said on Tuesday that 14 people were killed in the strike.", FRIDAY)
    assert date_of(record, "killed") is None
    assert date_of(record, "said") == "Tuesday"


def test_speech_events_take_the_date_of_their_saying():
    record = dated("The foreign minister said yesterday that a truce is urgently needed.", FRIDAY)
    assert date_of(record, "truce", speech=True) == "yesterday"
    assert date_of(record, "truce") is None


@pytest.mark.parametrize("sentence, trigger, expected", [
    pytest.param("The two leaders spoke by phone on Sunday and agreed to extend the truce.", "agreed", "Sunday",
                 id="a coordinated verb shares the date of its first clause"),
    pytest.param("Qatar invited the delegations to Doha on Monday (17) for talks and urged restraint.", "urged", None,
                 id="a future date is not shared with a coordinated verb"),
    pytest.param("The ministry condemned the raid the same day it began, last Sunday.", "began", "last Sunday",
                 id="an afterthought date belongs to the clause before it"),
    pytest.param("The envoy met the rebels. Yesterday the talks ended.", "met", None,
                 id="a sentence without dates dates nothing"),
    pytest.param("Envoys of the African Union (AU) were meeting yesterday in Addis Ababa.", "Envoys", "yesterday",
                 id="a parenthesis does not cut the clause around it"),
    pytest.param("The truce, which took effect at noon on Sunday, 9th April 2023, is fragile.", "truce",
                 "noon on Sunday, 9th April 2023", id="a non-restrictive relative clause dates the noun before it"),
])
def test_which_phrase_dates_a_trigger(sentence, trigger, expected):
    assert date_of(dated(sentence, FRIDAY), trigger) == expected


def test_a_coordinated_verb_after_an_apposition_takes_the_first_verb_s_date():
    record = dated("The presidents met in Doha on Tuesday with the Emir of Qatar, Sheikh Tamim, and called for a "
                   "ceasefire.", FRIDAY)
    call = record.text.index("called")
    assert date_for(record, 0, call, call + len("called"), speech=True).value == date(2023, 4, 11)


def test_a_phrase_in_an_adjunct_that_names_another_event_dates_that_event():
    record = dated("Guyana accused Venezuela of planning an annexation after a referendum on December 3. "
                   "After the vote on Sunday, Serbia recalled its envoy. Talks resumed after a pause on Monday "
                   "following talks on Tuesday.", "2023-12-15")
    accused = record.text.index("accused")
    assert date_for(record, 0, accused, accused + 7) is None, "December 3 is the referendum's day"
    recalled = record.text.index("recalled")
    assert date_for(record, 1, recalled, recalled + 8) is None, "Sunday is the vote's day"
    talks = record.text.rindex("talks")
    assert date_for(record, 2, talks, talks + 5).value == date(2023, 12, 12), "the adjunct's own event keeps it"
