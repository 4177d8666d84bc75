"""Events with participants in roles, on sentences about several conflicts (written for these tests)."""


def short(iri):
    return iri.rsplit("/", 1)[-1]


def events(record, event_type=None):
    return [e for e in record.events if event_type is None or e.type == event_type]


def roles(event):
    return {(short(p.entity), p.role) for p in event.participants}


def test_coordinated_subjects_call_for_a_ceasefire(run):
    r = run("Vladimir Putin and Emmanuel Macron urged the parties to the conflict to put a complete end to the "
            "fighting.", "2020-10-01")
    (call,) = events(r, "CallForCeasefire")
    assert roles(call) >= {("vladimir-putin", "initiator"), ("emmanuel-macron", "initiator")}
    assert not events(r, "ArmedClash"), "the fighting asked to end is no event of its own"


def test_mediates_between_two_sides(run):
    r = run("Qatar mediates between Israel and Hamas, officials said.", "2023-11-20")
    (mediation,) = events(r, "Mediation")
    assert ("qa", "mediator") in roles(mediation) and ("il", "party") in roles(mediation)


def test_passive_invitation_and_the_talks_it_plans(run):
    r = run("The foreign ministers of Ethiopia and Eritrea were invited by Kenya for talks in Nairobi.", "2018-06-10")
    (invitation,) = events(r, "Invitation")
    assert ("ke", "initiator") in roles(invitation)
    assert {("et", "target"), ("er", "target")} <= roles(invitation)
    (talks,) = events(r, "Talks")
    assert talks.status == "Planned"
    assert {("et", "party"), ("er", "party")} <= roles(talks)


def test_reported_speech_makes_the_speaker_the_caller_and_no_statement(run):
    r = run("Lavrov said that a ceasefire in Libya was urgently needed.", "2020-06-20")
    (call,) = events(r, "CallForCeasefire")
    assert ("sergey-lavrov", "initiator") in roles(call)
    assert not events(r, "Statement")


def test_a_subject_shared_by_two_verbs(run):
    r = run("Turkey called for a truce in Syria and urged the sides to resume talks.", "2019-10-10")
    assert ("tr", "initiator") in roles(events(r, "CallForCeasefire")[0])


def test_actors_by_demonym_and_seat(run):
    r = run("On Tuesday the Kremlin warned Kyiv. Azerbaijani forces shelled the town overnight.", "2022-03-01")
    (threat,) = events(r, "Threat")
    assert ("kremlin", "initiator") in roles(threat)
    (attack,) = events(r, "Attack")
    assert ("az", "initiator") in roles(attack)


def test_planned_alleged_and_negated(run):
    r = run("Blinken will meet Wang Yi in Beijing. Israeli jets allegedly bombed a school in Gaza. "
            "Serbia did not attend the talks.", "2023-06-15")
    (meeting,) = events(r, "Meeting")
    assert meeting.status == "Planned"
    (attack,) = events(r, "Attack")
    assert attack.status == "Alleged"
    assert not events(r, "Talks"), "a negated event is not asserted"


def test_an_accusation_makes_the_accused_the_author_of_the_act(run):
    r = run("Ukraine accused Russia of shelling the nuclear plant.", "2022-08-07")
    (accusation,) = events(r, "Accusation")
    assert roles(accusation) == {("ua", "initiator"), ("ru", "target")}
    (attack,) = events(r, "Attack")
    assert attack.status == "Alleged" and ("ru", "initiator") in roles(attack)


def test_a_denied_act(run):
    r = run("Rwanda denied the attack on Goma.", "2024-02-17")
    (denial,) = events(r, "Denial")
    assert ("rw", "initiator") in roles(denial)
    (attack,) = events(r, "Attack")
    assert attack.status == "Denied"


def test_separate_bilateral_calls_are_separate_events(run):
    r = run("Turkish President Recep Tayyip Erdogan held telephone talks with Ukrainian President Volodymyr "
            "Zelensky and with Russian President Vladimir Putin on Friday.", "2022-03-04")
    calls = events(r, "PhoneCall")
    pairs = {frozenset(short(p.entity) for p in c.participants) for c in calls}
    assert len(calls) == 2 and all(len(pair) == 2 for pair in pairs)
    assert all(any("erdogan" in x for x in pair) for pair in pairs)


def test_one_event_per_article_with_every_sentence_as_provenance(run):
    r = run("Kenya hosted talks between Ethiopia and Tigray's leaders in Nairobi. "
            "The talks in Nairobi lasted a week.", "2022-11-07")
    talks = events(r, "Talks")
    assert len(talks) == 1 and talks[0].sentences == [0, 1]


def test_supporting_verbs_make_the_host(run):
    r = run("Saudi Arabia hosted a meeting with Sudanese and American envoys in Jeddah.", "2023-05-06")
    (meeting,) = [e for e in r.events if e.type in ("Meeting", "Talks")]
    assert ("sa", "host") in roles(meeting)


def test_the_venue_of_talks_is_not_the_theatre_of_the_fighting(run):
    r = run("Ethiopia and Eritrea agreed in Pretoria to end the fighting between Ethiopia and Eritrea. "
            "Fighting had raged in Tigray for two years, and the fighting in Tigray killed thousands.", "2022-11-02")
    clashes = events(r, "ArmedClash")
    assert clashes and all(short(e.place) == "tigray" for e in clashes if e.place)


def test_the_topic_of_a_call_is_not_its_venue(run):
    r = run("Erdogan and Putin spoke by phone about the situation in Idlib on Monday.", "2020-02-24")
    assert all(e.place is None for e in events(r, "PhoneCall"))


def test_the_sides_that_sign_or_reach_a_truce_are_its_parties(run):
    r = run("The army and the paramilitary Rapid Support Forces signed a ceasefire agreement on Saturday. "
            "Ethiopia's federal government and the Tigray People's Liberation Front reached a truce deal.", "2023-05-21")
    signed, reached = events(r, "CeasefireAgreement")
    assert ("rapid-support-forces", "party") in roles(signed)
    assert {("et", "party"), ("tigray-peoples-liberation-front", "party")} <= roles(reached)


def test_a_state_s_qualified_group_acts_for_it(run):
    r = run("Sudan's army and the paramilitary Rapid Support Forces clashed in Khartoum. "
            "Ethiopian federal troops shelled the town.", "2023-05-21")
    (clash,) = events(r, "ArmedClash")
    assert ("sd", "party") in roles(clash)
    (attack,) = events(r, "Attack")
    assert ("et", "initiator") in roles(attack)


def test_a_brokered_deal_is_the_deal_with_its_broker_as_mediator(run):
    r = run("Turkey brokered a deal between Russia and Ukraine. Egypt and Qatar brokered a truce between "
            "Israel and the militant group Hamas.", "2022-07-22")
    (deal,) = events(r, "Agreement")
    assert roles(deal) == {("tr", "mediator"), ("ru", "party"), ("ua", "party")}
    (truce,) = events(r, "CeasefireAgreement")
    assert {("eg", "mediator"), ("qa", "mediator"), ("il", "party")} <= roles(truce)
    assert not events(r, "Mediation")


def test_denying_an_accusation_is_a_denial_not_an_accusation_by_the_denier(run):
    r = run("Eritrea denied the accusation.", "2022-11-03")
    (denial,) = events(r)
    assert denial.type == "Denial" and ("er", "initiator") in roles(denial)


def test_a_call_with_a_leader_named_with_his_state_s_title(run):
    r = run("U.S. President Joe Biden spoke by phone with Qatar's Emir Sheikh Tamim bin Hamad Al Thani and Egyptian "
            "President Abdel Fattah el-Sisi on Tuesday.", "2023-11-22")
    calls = events(r, "PhoneCall")
    assert {frozenset(short(p.entity) for p in c.participants) for c in calls} == {
        frozenset({"joe-biden", "sheikh-tamim-bin-hamad-al-thani"}), frozenset({"joe-biden", "abdel-fattah-el-sisi"})}


def test_a_humanitarian_pause_is_a_truce_but_pausing_talks_is_not(run):
    r = run("Israel and Hamas have agreed to a four-day humanitarian pause in Gaza. The European Union called for "
            "humanitarian pauses. Russia and Ukraine agreed to pause their talks until Monday.", "2023-11-22")
    (truce,) = events(r, "CeasefireAgreement")
    assert roles(truce) == {("il", "party"), ("hamas", "party")}
    (call,) = events(r, "CallForCeasefire")
    assert ("european-union", "initiator") in roles(call)


def test_talks_in_a_clause_of_their_own_do_not_take_the_main_clause_s_place(run):
    r = run("Israel and Hamas agreed to a humanitarian pause in Gaza, Qatar said on Wednesday, after weeks of "
            "negotiations mediated by Qatar, Egypt and the United States.", "2023-11-22")
    (truce,) = events(r, "CeasefireAgreement")
    assert {("qa", "mediator"), ("eg", "mediator"), ("il", "party")} <= roles(truce)
    assert all(e.place is None for e in events(r, "Talks"))


def test_a_second_side_s_report_in_the_same_sentence_is_its_own_accusation(run):
    r = run("Pakistan accused India of firing missiles at its air bases, and India said Pakistani drones had "
            "attacked 26 locations.", "2025-05-10")
    accusations = {frozenset(roles(a)) for a in events(r, "Accusation")}
    assert accusations == {frozenset({("pk", "initiator"), ("in", "target")}),
                           frozenset({("in", "initiator"), ("pk", "target")})}
    assert {frozenset(roles(a)) for a in events(r, "Attack")} == {frozenset({("in", "initiator")}),
                                                                  frozenset({("pk", "initiator")})}


def test_an_attempt_to_broker_a_deal_is_a_mediation_not_the_deal(run):
    r = run("Angola has been trying to broker a deal between Rwanda and Burundi. Turkey sought to broker a ceasefire "
            "between Russia and Ukraine.", "2024-07-30")
    assert not events(r, "Agreement") and not events(r, "CeasefireAgreement")
    assert {("ao", "mediator"), ("rw", "party"), ("bi", "party")} <= roles(events(r, "Mediation")[0])


def test_a_date_inside_a_pattern_does_not_count_toward_its_gap(run):
    r = run("India and Pakistan agreed on Saturday to a full and immediate ceasefire.", "2025-05-10")
    (truce,) = events(r, "CeasefireAgreement")
    assert roles(truce) == {("in", "party"), ("pk", "party")} and str(truce.date.value) == "2025-05-10"


def test_who_hosts_or_receives_is_the_host_and_a_visit_s_direct_object_is_where_it_goes(run):
    r = run("Putin received his Turkish counterpart Recep Tayyip Erdogan in Moscow on Monday. Lavrov visited Ankara "
            "on Tuesday. EU foreign policy chief Josep Borrell hosted Serbian President Aleksandar Vucic and Kosovo "
            "Prime Minister Albin Kurti in Brussels on Thursday.", "2023-05-20")
    received, visited, hosted = sorted(events(r, "Visit"), key=lambda e: e.start)
    assert roles(received) >= {("vladimir-putin", "host"), ("recep-tayyip-erdogan", "party")}
    assert ("sergey-lavrov", "participant") in roles(visited) and short(visited.place) == "ankara"
    assert ("josep-borrell", "host") in roles(hosted) and ("aleksandar-vucic", "host") not in roles(hosted)


def test_a_second_consultation_shares_the_first_one_s_subject_not_its_object(run):
    r = run("Lavrov spoke by phone with Antony Blinken on Monday and met Erdogan on Tuesday.", "2023-05-21")
    (meeting,) = events(r, "Meeting")
    assert roles(meeting) == {("sergey-lavrov", "participant"), ("recep-tayyip-erdogan", "participant")}


def test_an_attack_s_direct_object_place_is_where_it_struck(run):
    r = run("Azerbaijani forces shelled Stepanakert last night.", "2020-10-10")
    (attack,) = events(r, "Attack")
    assert short(attack.place) == "stepanakert" and str(attack.date.value) == "2020-10-09"


def test_under_the_auspices_of_or_with_the_mediation_of_names_the_mediators(run):
    r = run("Russia and Ukraine signed a grain deal in Istanbul under the auspices of the United Nations and Turkey. "
            "With the mediation of Qatar, Russia and Ukraine exchanged prisoners.", "2022-07-22")
    (deal,) = events(r, "Agreement")
    assert roles(deal) == {("united-nations", "mediator"), ("tr", "mediator"), ("ru", "party"), ("ua", "party")}
    (exchange,) = events(r, "DetaineeExchange")
    assert roles(exchange) == {("qa", "mediator"), ("ru", "party"), ("ua", "party")}
    assert not events(r, "Mediation")


def test_an_appeal_s_addressees_follow_its_verb(run):
    r = run("On Saturday, the Malaysian prime minister urged Thailand and Cambodia to stop fighting.", "2025-07-28")
    (call,) = events(r, "CallForCeasefire")
    assert {("th", "target"), ("kh", "target")} <= roles(call)
    r = run("The African Union called on Ethiopia and Eritrea to end the hostilities.", "2018-05-01")
    (call,) = events(r, "CallForCeasefire")
    assert roles(call) == {("african-union", "initiator"), ("et", "target"), ("er", "target")}


def test_urging_sides_to_agree_to_a_ceasefire_is_a_call_not_an_agreement(run):
    r = run("Turkey's president urged Israel and Hamas to agree to a humanitarian truce.", "2023-11-01")
    (call,) = events(r, "CallForCeasefire")
    assert {("il", "target"), ("hamas", "target")} <= roles(call)
    assert not events(r, "CeasefireAgreement")


def test_a_date_before_an_accusation_dates_the_accusation_not_the_act(run):
    r = run("Russia on Monday accused Ukraine of shelling the Zaporizhzhia plant.", "2022-08-10")
    (accusation,) = events(r, "Accusation")
    (attack,) = events(r, "Attack")
    assert accusation.date.value.isoformat() == "2022-08-08"
    assert attack.date is None and attack.status == "Alleged"


def test_an_event_in_a_time_adjunct_does_not_take_the_clause_s_date(run):
    r = run("Ethiopia and the TPLF agreed on Wednesday to a truce after two years of fighting in Tigray.", "2022-11-03")
    (truce,) = events(r, "CeasefireAgreement")
    assert truce.date.value.isoformat() == "2022-11-02"
    (fighting,) = events(r, "ArmedClash")
    assert fighting.date is None


def test_who_after_a_comma_stands_for_the_name_before_it(run):
    r = run("Kenya's President William Ruto, who hosted the talks in Nairobi, said the sides would meet again.",
            "2023-01-10")
    (talks,) = events(r, "Talks")
    assert ("william-ruto", "host") in roles(talks)


def test_agreeing_to_a_halt_to_the_fighting_is_a_ceasefire(run):
    r = run("Ethiopia and the TPLF agreed to a full and immediate halt to the fighting.", "2022-11-02")
    (truce,) = events(r, "CeasefireAgreement")
    assert {("et", "party"), ("tigray-peoples-liberation-front", "party")} <= roles(truce)


def test_hosted_by_after_the_clause_names_the_host(run):
    r = run("Kosovo and Serbia signed the agreement on Saturday, at a ceremony hosted by the European Union.",
            "2023-03-19")
    (deal,) = events(r, "Agreement")
    assert ("european-union", "host") in roles(deal)
    assert {("xk", "party"), ("rs", "party")} <= roles(deal)


def test_negotiations_under_an_organisation_have_it_as_mediator(run):
    r = run("Baku and Yerevan held negotiations under the OSCE Minsk Group for decades.", "2021-01-10")
    (talks,) = events(r, "Talks")
    assert roles(talks) == {("osce-minsk-group", "mediator"), ("az", "party"), ("am", "party")}


def test_a_whose_clause_between_subject_and_verb_is_skipped(run):
    r = run("Russia, whose peacekeepers left Karabakh last year, warned against outside interference.", "2025-08-09")
    (threat,) = events(r, "Threat")
    assert ("ru", "initiator") in roles(threat)


def test_a_verb_after_and_shares_the_subject_of_the_verb_before_it(run):
    r = run("Turkish Foreign Minister Hakan Fidan arrived in Damascus on Sunday and held talks with "
            "Syria's interim President Ahmed al-Sharaa, as fighting continued in the north.", "2024-12-23")
    (talks,) = events(r, "Talks")
    assert {p for p, _ in roles(talks)} == {"hakan-fidan", "ahmed-al-sharaa"}


def test_a_with_phrase_of_the_next_clause_is_not_the_first_event_s(run):
    r = run("Russia shelled Kharkiv and Ukraine held talks with Poland.", "2024-05-15")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("ru", "initiator")}
    (talks,) = events(r, "Talks")
    assert roles(talks) == {("ua", "party"), ("pl", "party")}


def test_a_demonym_before_a_weapon_and_a_noun_trigger_is_the_attacker(run):
    r = run("Russian glide bombs struck the city on Monday, officials said.", "2024-05-15")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("ru", "initiator")}


def test_a_relative_clause_that_hosts_the_meeting_names_its_host_and_tense(run):
    r = run("The ministers discussed the peace summit Switzerland will host in June.", "2024-05-15")
    (summit,) = events(r, "Meeting")
    assert roles(summit) == {("ch", "host")} and summit.status == "Planned"


def test_a_clause_after_comma_and_is_not_inside_the_accusation(run):
    r = run("Israel accused Iran of violating the ceasefire, and its army ordered new strikes on Tehran.",
            "2025-06-24")
    (violation,) = events(r, "CeasefireViolation")
    assert violation.status == "Alleged" and ("ir", "initiator") in roles(violation)
    (strikes,) = events(r, "Attack")
    assert strikes.status == "Asserted" and ("ir", "initiator") not in roles(strikes)


def test_what_a_denial_dates_itself_by_is_not_denied(run):
    r = run("Iran denied firing any missiles after the truce took effect.", "2025-06-24")
    assert all(e.status != "Denied" for e in events(r, "CeasefireAgreement"))


def test_welcoming_a_truce_hosts_nothing(run):
    r = run("UN Secretary-General Antonio Guterres welcomed the ceasefire.", "2025-06-24")
    (welcome,) = events(r, "Endorsement")
    assert {role for _, role in roles(welcome)} == {"initiator"}


def test_a_third_party_that_announces_the_truce_of_two_sides_brokered_it(run):
    r = run("Israel and Iran fought for twelve days. On Monday, US President Donald Trump announced a "
            "ceasefire between Israel and Iran.", "2025-06-24")
    (truce,) = events(r, "CeasefireAgreement")
    assert roles(truce) == {("donald-trump", "mediator"), ("il", "party"), ("ir", "party")}



def test_a_step_towards_an_agreement_is_no_agreement(run):
    r = run("Qatar said the declaration was a step towards a comprehensive peace agreement.", "2025-07-20")
    assert not events(r, "Agreement")


def test_agreeing_not_to_use_force_is_an_agreement_of_the_holders_named_by_state(run):
    r = run("The presidents of Venezuela, Nicolás Maduro, and Guyana, Irfaan Ali, agreed on Thursday not to "
            "use force against each other.", "2023-12-15")
    (pledge,) = events(r, "Agreement")
    assert roles(pledge) == {("nicolas-maduro", "party"), ("irfaan-ali", "party")}


def test_talks_only_a_third_party_is_named_at_are_between_the_conflict_s_sides(run):
    r = run("Thailand and Cambodia agreed to a ceasefire after border clashes. Malaysian Prime Minister "
            "Anwar Ibrahim, who hosted the talks, praised both sides.", "2025-07-28")
    (talks,) = events(r, "Talks")
    assert roles(talks) == {("anwar-ibrahim", "host"), ("th", "party"), ("kh", "party")}


def test_a_truce_that_takes_effect_and_the_deal_brokered_by_others(run):
    r = run("A ceasefire between Israel and Hezbollah took effect on Wednesday, after the US president "
            "announced a deal brokered by the United States and France.", "2024-11-27")
    (truce,) = events(r, "CeasefireAgreement")
    assert roles(truce) == {("il", "party"), ("hezbollah", "party"), ("us", "mediator"), ("fr", "mediator")}
    assert truce.date.value.isoformat() == "2024-11-27"
    assert not events(r, "Mediation")


def test_a_deal_brokered_by_others_is_a_deal_they_mediated(run):
    r = run("Israel and Hamas signed a deal brokered by Qatar and Egypt.", "2025-01-15")
    (deal,) = events(r, "Agreement")
    assert roles(deal) == {("il", "party"), ("hamas", "party"), ("qa", "mediator"), ("eg", "mediator")}


def test_holders_each_introduced_by_title_and_state_are_one_subject(run):
    r = run("The president of Serbia, Aleksandar Vucic, and the prime minister of Kosovo, Albin Kurti, reached "
            "an agreement in Ohrid on Saturday.", "2023-03-19")
    (deal,) = events(r, "Agreement")
    assert roles(deal) == {("aleksandar-vucic", "party"), ("albin-kurti", "party")}


def test_a_statement_verb_after_a_comma_has_its_speaker_after_it(run):
    r = run("The talks would resume in May, announced the EU foreign policy chief, Josep Borrell.", "2023-03-19")
    assert all(("josep-borrell", "target") not in roles(e) for e in events(r))


def test_discussing_something_by_phone_is_a_call(run):
    r = run("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed discussed the situation in "
            "Sudan by phone on Monday.", "2023-05-16")
    (call,) = events(r, "PhoneCall")
    assert {p for p, _ in roles(call)} == {"william-ruto", "abiy-ahmed"} and call.place is None


def test_a_state_adjective_before_a_titled_name_qualifies_the_person_who_acts(run):
    r = run("Kenyan President William Ruto met Sudanese army chief Abdel Fattah al-Burhan in Nairobi on Tuesday.",
            "2023-05-10")
    (meeting,) = events(r, "Meeting")
    assert {p for p, _ in roles(meeting)} == {"william-ruto", "abdel-fattah-al-burhan"}
    r = run("Chad's army commander Mahamat Deby rejected the plan on Sunday.", "2023-05-14")
    (rejection,) = events(r, "Rejection")
    assert {p for p, _ in roles(rejection)} == {"mahamat-deby"}
    r = run("The Sudanese army attacked the town on Sunday, the RSF said.", "2023-05-14")
    (attack,) = events(r, "Attack")
    assert ("sd", "initiator") in roles(attack), "a group with no name after it still acts for its state"


def test_a_group_of_several_nouns_acts_for_its_state(run):
    r = run("Sudanese army forces attacked RSF positions in Khartoum on Sunday.", "2023-05-14")
    (attack,) = events(r, "Attack")
    assert {("sd", "initiator"), ("rapid-support-forces", "target")} <= roles(attack)


def test_a_state_or_group_named_before_an_envoy_and_a_name_qualifies_the_person(run):
    r = run("Ukraine's President Volodymyr Zelensky met US envoy Steve Witkoff in Kyiv on Thursday.", "2025-07-26")
    (meeting,) = events(r, "Meeting")
    assert {p for p, _ in roles(meeting)} == {"volodymyr-zelensky", "steve-witkoff"}


def test_state_adjectives_joined_before_a_group_make_every_state_act(run):
    r = run("Thai and Cambodian troops clashed along the border on Thursday.", "2025-07-26")
    (clash,) = events(r, "ArmedClash")
    assert {("th", "party"), ("kh", "party")} <= roles(clash)
    r = run("Thai officials met the Cambodian delegation in Kuala Lumpur on Monday.", "2025-07-29")
    (meeting,) = events(r, "Meeting")
    assert {p for p, _ in roles(meeting)} >= {"th", "kh"}


def test_an_attack_aimed_at_a_state_has_it_as_target(run):
    r = run("Hezbollah fired rockets at northern Israel on Sunday.", "2024-08-26")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("hezbollah", "initiator"), ("il", "target")}
    r = run("Russia launched a massive drone attack against Ukraine overnight.", "2024-08-26")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("ru", "initiator"), ("ua", "target")}


def test_an_accuser_can_be_the_target_of_the_act_it_alleges(run):
    r = run("Israel accused Hezbollah of firing rockets at northern Israel on Sunday.", "2024-08-26")
    (attack,) = events(r, "Attack")
    assert attack.status == "Alleged"
    assert roles(attack) == {("hezbollah", "initiator"), ("il", "target")}


def test_a_trigger_phrase_does_not_reach_over_a_new_verb(run):
    r = run("Cambodia denied firing first and accused Thailand of shelling civilian areas.", "2025-07-29")
    (accusation,) = events(r, "Accusation")
    assert roles(accusation) == {("kh", "initiator"), ("th", "target")}
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("th", "initiator")} and attack.status == "Alleged"
    r = run("Russia fired dozens of drones and missiles at Kyiv overnight.", "2025-07-29")
    assert [roles(e) for e in events(r, "Attack")] == [{("ru", "initiator"), ("ua", "target")}], \
        "a list inside the phrase is no verb"


def test_an_appeal_to_hold_talks_is_an_invitation_not_talks(run):
    """CAMEO 026: a third party urging others to meet or negotiate; nobody has agreed to the talks yet."""
    r = run("Egypt urged Israel and Hamas to resume talks on Tuesday.", "2024-05-08")
    (appeal,) = events(r, "Invitation")
    assert roles(appeal) == {("eg", "initiator"), ("il", "target"), ("hamas", "target")}
    assert not events(r, "Talks")
    r = run("The African Union called for talks between Ethiopia and Eritrea.", "2024-05-08")
    (appeal,) = events(r, "Invitation")
    assert {("et", "target"), ("er", "target")} <= roles(appeal) and not events(r, "Talks")
    r = run("Norway called on Colombia and the ELN to return to the negotiating table.", "2024-05-08")
    (appeal,) = events(r, "Invitation")
    assert ("no", "initiator") in roles(appeal) and ("co", "target") in roles(appeal)


def test_a_place_right_after_one_trigger_is_not_the_next_ones(run):
    r = run("Guterres called for a ceasefire in Gaza and urged Israel and Hamas to resume talks.", "2024-05-08")
    (call,) = events(r, "CallForCeasefire")
    (appeal,) = events(r, "Invitation")
    assert short(call.place) == "gaza-strip" and appeal.place is None


def test_an_attack_on_what_a_state_adjective_qualifies_is_aimed_at_that_state(run):
    r = run("Pakistan denied that its forces had shelled Afghan border posts.", "2025-10-12")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("pk", "initiator"), ("af", "target")} and attack.status == "Denied"
    r = run("Azerbaijani forces shelled the Armenian positions near the border.", "2025-10-12")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("az", "initiator"), ("am", "target")}


def test_an_attack_on_a_capital_is_aimed_at_its_state(run):
    r = run("Ukrainian drones attacked Moscow early on Tuesday.", "2024-09-10")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("ua", "initiator"), ("ru", "target")} and short(attack.place) == "moscow"
    r = run("Israeli jets carried out strikes on Beirut on Sunday.", "2024-09-10")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("il", "initiator"), ("lb", "target")}
    r = run("Rebels shelled Khartoum on Monday.", "2024-09-10")
    (attack,) = events(r, "Attack")
    assert not roles(attack), "an unknown attacker may be the capital's own rebels"
    r = run("Sudanese army forces shelled Khartoum on Monday.", "2024-09-10")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("sd", "initiator")}, "a state's own capital is no target of its own"


def test_a_state_after_in_or_at_is_the_venue(run):
    r = run("Ethiopia and Eritrea held talks in Saudi Arabia on Sunday.", "2018-09-17")
    (talks,) = events(r, "Talks")
    assert short(talks.place) == "sa" and ("sa", "party") not in roles(talks)
    assert {("et", "party"), ("er", "party")} <= roles(talks)


def test_talks_that_led_to_a_deal_are_between_its_sides(run):
    r = run("Cambodia and Thailand agreed to an immediate ceasefire after talks in Malaysia.", "2025-07-29")
    (talks,) = events(r, "Talks")
    assert {("kh", "party"), ("th", "party")} <= roles(talks) and short(talks.place) == "my"


def test_who_imposes_sanctions_takes_them(run):
    r = run("The European Union imposed new sanctions on Russia.", "2025-07-29")
    (sanctions,) = events(r, "Sanctions")
    assert roles(sanctions) == {("european-union", "initiator"), ("ru", "target")}


def test_an_unnamed_counterpart_or_mediators_stand_for_their_state(run):
    r = run("Chinese Foreign Minister Wang Yi held talks with his Indian counterpart in New Delhi.", "2025-08-19")
    (talks,) = events(r, "Talks")
    assert ("in", "party") in roles(talks)
    r = run("Turkish Foreign Minister Hakan Fidan met his Iranian counterpart Abbas Araghchi in Ankara.", "2025-08-19")
    (meeting,) = events(r, "Meeting")
    assert {p for p, _ in roles(meeting)} == {"hakan-fidan", "abbas-araghchi"}, "a named counterpart acts himself"
    r = run("Qatari and Egyptian mediators met Hamas officials in Cairo.", "2025-08-19")
    (meeting,) = events(r, "Meeting")
    assert {("qa", "mediator"), ("eg", "mediator")} <= roles(meeting)


def test_the_consultation_an_adjunct_names_is_held_by_the_clause_s_subject(run):
    r = run("Erdogan and Putin discussed the war in Ukraine in a phone call on Thursday.", "2025-03-14")
    (call,) = events(r, "PhoneCall")
    assert roles(call) == {("recep-tayyip-erdogan", "participant"), ("vladimir-putin", "participant")}
    assert call.place is None, "a call has no venue; Ukraine is what they discussed"
    r = run("Azerbaijani forces shelled Stepanakert during talks in Geneva.", "2025-03-14")
    assert all(("az", "party") not in roles(e) for e in events(r, "Talks")), "an attacker is no party to the talks"


def test_mediators_proposing_a_truce_call_for_one_and_broker_none_yet(run):
    r = run("Egyptian mediators proposed a new ceasefire plan to Israel and Hamas on Monday.", "2025-03-14")
    assert not events(r, "CeasefireAgreement")
    (call,) = events(r, "CallForCeasefire")
    assert ("eg", "initiator") in roles(call) and call.date.value.isoformat() == "2025-03-10"


def test_an_exchange_in_a_deal_mediated_by_a_third_party_is_that_deal(run):
    r = run("Russia and Ukraine exchanged 150 prisoners of war on Saturday in a deal mediated by the United Arab "
            "Emirates.", "2025-03-14")
    (exchange,) = events(r, "DetaineeExchange")
    assert roles(exchange) == {("ru", "party"), ("ua", "party"), ("ae", "mediator")}
    assert not events(r, "Agreement"), "the deal is the exchange, not a second event"


def test_a_verb_after_comma_and_shares_the_first_verb_s_subject(run):
    r = run("Congolese President Felix Tshisekedi and Rwandan President Paul Kagame met in Doha under the auspices "
            "of the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, and called for an immediate ceasefire.",
            "2025-03-19")
    (call,) = events(r, "CallForCeasefire")
    assert roles(call) == {("felix-tshisekedi", "initiator"), ("paul-kagame", "initiator")}


def test_and_before_a_finite_verb_opens_the_accuser_s_own_clause(run):
    r = run("Israel accused Iran of violating the ceasefire and ordered new strikes on Tehran.", "2025-06-24")
    (violation,) = events(r, "CeasefireViolation")
    assert violation.status == "Alleged" and violation.place is None, "Tehran is where the strikes go"
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("il", "initiator"), ("ir", "target")} and attack.status == "Asserted"
    r = run("Armenia accused Azerbaijan of violating the truce and firing on border villages.", "2025-06-24")
    assert all(e.status == "Alleged" for e in events(r, "Attack")), "a gerund stays inside the charge"


def test_a_state_s_weapons_stand_for_it(run):
    r = run("Iranian missiles targeted an air base in Qatar on Monday.", "2025-06-24")
    (attack,) = events(r, "Attack")
    assert ("ir", "initiator") in roles(attack)


def test_who_helped_broker_a_deal_mediated_it(run):
    r = run("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani helped broker the deal between Israel and Iran.",
            "2025-06-24")
    (deal,) = events(r, "Agreement")
    assert ("mohammed-bin-abdulrahman-al-thani", "mediator") in roles(deal)
    assert {("il", "party"), ("ir", "party")} <= roles(deal)


def test_a_hyphened_pair_before_talks_are_their_sides_and_the_host_is_the_subject(run):
    r = run("Russia hosted the Armenia-Azerbaijan talks in Moscow.", "2025-03-19")
    (talks,) = events(r, "Talks")
    assert roles(talks) == {("am", "party"), ("az", "party"), ("ru", "host")}


def test_who_initials_or_inks_a_deal_is_its_party(run):
    r = run("Armenia and Azerbaijan initialled a peace agreement in Washington on August 8.", "2025-08-10")
    (deal,) = events(r, "Agreement")
    assert {("am", "party"), ("az", "party")} <= roles(deal)


def test_who_claims_responsibility_for_an_attack_made_it(run):
    r = run("The Houthis claimed responsibility for the drone attack on the tanker.", "2025-08-10")
    (attack,) = events(r, "Attack")
    assert ("houthis", "initiator") in roles(attack) and attack.status == "Asserted"


def test_a_verb_with_an_unnamed_subject_does_not_borrow_the_speaker(run):
    r = run("Sudan's army said it had killed hundreds of RSF fighters, a claim the paramilitary group denied.",
            "2025-08-10")
    assert all(("sd", "initiator") not in roles(e) for e in events(r, "Denial"))


def test_a_verb_after_but_shares_the_subject(run):
    r = run("Russia's Foreign Ministry welcomed the agreement but warned against outside interference.",
            "2025-08-09")
    (warning,) = events(r, "Threat")
    assert ("ministry-of-foreign-affairs-of-russia", "initiator") in roles(warning)


def test_a_title_after_an_owner_the_kb_lacks_still_names_its_person(run):
    r = run("The talks were hosted by Saint Vincent's Prime Minister Ralph Gonsalves.", "2023-12-15")
    (talks,) = events(r, "Talks")
    assert ("ralph-gonsalves", "host") in roles(talks)


def test_who_is_received_may_stand_inside_the_trigger_phrase(run):
    r = run("Lavrov received his Armenian and Azerbaijani counterparts in Moscow.", "2020-10-10")
    (visit,) = events(r, "Visit")
    assert ("sergey-lavrov", "host") in roles(visit) and {"am", "az"} <= {p for p, _ in roles(visit)}


def test_the_deal_mediated_by_third_parties_in_a_later_sentence_is_the_article_s_deal(run):
    r = run("Israel and Hamas agreed on Wednesday to a ceasefire in Gaza. The deal, mediated by Qatar, Egypt and "
            "the United States, will take effect on Sunday.", "2025-01-16")
    (truce,) = events(r, "CeasefireAgreement")
    assert {("qa", "mediator"), ("eg", "mediator"), ("us", "mediator"), ("il", "party")} <= roles(truce)
    assert not events(r, "Agreement") and not events(r, "Mediation")


def test_strikes_on_targets_in_another_state_are_aimed_at_it(run):
    r = run("Israel struck targets in Yemen on Sunday.", "2025-05-06")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("il", "initiator"), ("ye", "target")}
    r = run("The two sides struck a deal on prisoners.", "2025-05-06")
    assert not events(r, "Attack"), "striking a deal is no attack"


def test_launching_drones_or_missiles_at_a_state_is_an_attack_on_it(run):
    r = run("Russia launched 120 drones at Ukraine overnight.", "2025-10-20")
    (attack,) = events(r, "Attack")
    assert roles(attack) == {("ru", "initiator"), ("ua", "target")}
