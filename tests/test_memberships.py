"""Memberships the text states, on sentences about several organisations (written for these tests)."""
from ingest.namespaces import ID


def iri(path):
    return str(ID[path])


def stated(record):
    return {(m.member.rsplit("/", 1)[-1], m.organisation.rsplit("/", 1)[-1], m.role) for m in record.memberships}


def test_countries_that_preside_over_a_group_are_its_co_chairs_and_the_rest_members(run):
    r = run("Russia and France, together with the United States, are the three countries that preside over "
            "the Minsk Group, which also includes Germany, Italy and Turkey, as well as Armenia.")
    assert stated(r) == {("ru", "osce-minsk-group", "CoChair"), ("fr", "osce-minsk-group", "CoChair"),
                         ("us", "osce-minsk-group", "CoChair"), ("de", "osce-minsk-group", "Member"),
                         ("it", "osce-minsk-group", "Member"), ("tr", "osce-minsk-group", "Member"),
                         ("am", "osce-minsk-group", "Member")}


def test_a_treaty_organisation_between_states_lists_its_members(run):
    r = run("Moscow's obligations come from the Collective Security Treaty Organization (CSTO) between "
            "Armenia, Belarus and Tajikistan.")
    assert stated(r) == {("am", "csto", "Member"), ("by", "csto", "Member"), ("tj", "csto", "Member")}


def test_led_by_names_the_chairs_wherever_the_organisation_stands(run):
    r = run("Kyiv said it would work with the group led by Poland and Germany, the Weimar Triangle.")
    # the Weimar Triangle is not an organisation the KB knows; nothing is invented
    assert stated(r) == set()
    r = run("The African Union, led by Angola, sent a mission.")
    assert stated(r) == {("ao", "african-union", "Chair")}


def test_belonging_to_a_union_with_years(run):
    r = run("Georgia and Armenia belonged to the Soviet Union (1936-1991).")
    years = {(m.member.rsplit("/", 1)[-1], m.begin_year, m.end_year) for m in r.memberships}
    assert years == {("ge", 1936, 1991), ("am", 1936, 1991)}


def test_joining_and_membership(run):
    r = run("Finland joined NATO while Sweden is a member of the European Union.")
    assert stated(r) == {("fi", "nato", "Member"), ("se", "european-union", "Member")}


def test_talks_between_states_are_not_a_membership(run):
    r = run("The OSCE hosted talks between Armenia and Azerbaijan. Envoys met in Vienna between the rounds.")
    assert stated(r) == set()
