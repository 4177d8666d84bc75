"""Reports of one event within an article become one event; reports of different events stay apart.
Articles are written for these tests."""
from tests.events.test_detect import events, roles


def test_talks_with_different_mediators_are_different_events(run):
    r = run("Congolese President Felix Tshisekedi and Rwandan President Paul Kagame met in Doha under the "
            "auspices of the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani. Angolan President Joao Lourenco "
            "had mediated between Kinshasa and Kigali for two years.", "2025-03-19")
    doha = [e for e in events(r) if ("sheikh-tamim-bin-hamad-al-thani", "mediator") in roles(e)]
    luanda = [e for e in events(r) if ("joao-lourenco", "mediator") in roles(e)]
    assert len(doha) == 1 and len(luanda) == 1 and doha[0] is not luanda[0]


def test_an_accusation_is_no_joint_statement_of_accuser_and_accused(run):
    r = run("Felix Tshisekedi and Paul Kagame, the presidents of DR Congo and Rwanda, called for a ceasefire on "
            "Tuesday. DR Congo accused Rwanda of backing the M23 rebels.", "2025-03-19")
    (accusation,) = events(r, "Accusation")
    (call,) = events(r, "CallForCeasefire")
    assert ("rw", "target") in roles(accusation) and ("rw", "target") not in roles(call)


def test_talks_planned_somewhere_are_planned(run):
    r = run("The M23 rebels pulled out of peace talks planned in Luanda.", "2025-03-19")
    (talks,) = events(r, "Talks")
    assert talks.status == "Planned"


def test_what_the_article_states_as_fact_stays_asserted_when_a_party_also_alleges_it(run):
    r = run("Azerbaijani forces shelled Stepanakert on Monday. Armenia accused Azerbaijan of shelling Stepanakert "
            "on Monday.", "2020-10-06")
    (attack,) = events(r, "Attack")
    assert attack.status == "Asserted" and len(attack.sentences) == 2
    r = run("Armenia accused Azerbaijan of shelling Stepanakert on Monday. Azerbaijan denied shelling Stepanakert "
            "on Monday.", "2020-10-06")
    (attack,) = events(r, "Attack")
    assert attack.status == "Alleged", "alleged by one side, denied by the other: still contested"


def test_a_plan_is_not_what_already_happened_unless_day_or_place_tie_them(run):
    r = run("India and China reached a border deal after years of talks between military commanders. Prime "
            "Minister Narendra Modi is expected to meet Chinese President Xi Jinping this week.", "2024-10-22")
    (talks,) = events(r, "Talks")
    assert ("xi-jinping", "participant") not in roles(talks)
    (meeting,) = events(r, "Meeting")
    assert meeting.status == "Planned" and {p for p, _ in roles(meeting)} == {"narendra-modi", "xi-jinping"}
    r = run("Putin invited the Armenian and Azerbaijani foreign ministers to Moscow for talks on Friday. The talks "
            "in Moscow lasted ten hours.", "2020-10-10")
    assert len(events(r, "Talks")) == 1, "the same place ties the plan to the report"
