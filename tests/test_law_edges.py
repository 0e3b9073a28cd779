"""The law at its edges (issue 9): sealed warrants, art. 127(2), the reach of art. 12(3) declarations,
VCLT art. 18, the immunity caveat, undetermined standing, deaths, territories, occupied places, cities
and airports, stated positions and the record in time. Every test runs on the real records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from warrantwatch.cli import main
from warrantwatch.law.assessment import Outcome
from warrantwatch.law.obligation import assess
from warrantwatch.law.territory import territory_scope
from warrantwatch.news.brief import build, to_markdown
from warrantwatch.news.reading import Article
from warrantwatch.records.knowledge import bundled
from warrantwatch.records.resolve import resolver_for

D = dt.date.fromisoformat
KB = bundled()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def kinds(a) -> list[str]:
    return [c.kind for c in a.caveats]


def caveat(a, kind: str) -> str:
    return next(c.text for c in a.caveats if c.kind == kind)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# The review's cases -------------------------------------------------------------------------------

def test_elmasry_italy_bound_under_the_sealed_warrant_it_was_sent():
    a = assess(KB, "osama-elmasry-njeem", "ITA", D("2025-01-19"))
    assert a.outcome is Outcome.OBLIGED
    assert "2025-01-18" in caveat(a, "sealed")
    assert "breach" not in a.summary  # the later finding is in the record, marked later, not the answer
    assert any(f.id == "ita-2025-10-17" for f in a.record.later_findings)
    assert a.outcome is not Outcome.NO_ACTIVE_WARRANT


def test_gbagbo_cote_divoire_bound_by_its_declaration_under_the_sealed_warrant():
    a = assess(KB, "laurent-gbagbo", "CIV", D("2011-11-25"))
    assert a.outcome is Outcome.OBLIGED_OTHER
    assert any("declaration of 2003-04-18" in b.ref for b in a.basis)
    assert "2011-11-29" in caveat(a, "sealed") and "not public" in caveat(a, "sealed")


def test_ag_ghaly_mali_undetermined_while_sealed():
    a = assess(KB, "iyad-ag-ghaly", "MLI", D("2020-01-01"))
    assert a.outcome is Outcome.UNDETERMINED
    assert "2017-07-18" in a.summary and "not public" in a.summary


def test_duterte_philippines_the_day_before_arrest_is_not_no_warrant():
    a = assess(KB, "rodrigo-duterte", "PHL", D("2025-03-10"))
    assert a.outcome is not Outcome.NO_ACTIVE_WARRANT
    assert a.outcome is Outcome.RESIDUAL_DUTY
    assert "2018-02-08" in a.summary  # the preliminary examination, before the withdrawal took effect


@pytest.mark.parametrize("state", ["RUS", "USA"])
def test_no_immunity_caveat_for_the_home_state_or_a_state_without_duty(state):
    a = assess(KB, "vladimir-putin", state, D("2024-09-03"))
    assert a.outcome is Outcome.NOT_OBLIGED
    assert "immunity" not in kinds(a)


def test_putin_ukraine_cites_only_the_2015_declaration():
    a = assess(KB, "vladimir-putin", "UKR", D("2024-06-01"))
    assert a.outcome is Outcome.OBLIGED_OTHER
    refs = [b.ref for b in a.basis if "declaration" in b.ref]
    assert refs == ["Ukraine's art. 12(3) declaration of 2015-09-08, covering 2014-02-20 to an open end"]
    assert "2014-04-17" not in a.summary


# Rules ---------------------------------------------------------------------------------------------

def test_immunity_caveat_names_the_jordan_limb_that_carries_over():
    text = caveat(assess(KB, "vladimir-putin", "MNG", D("2024-09-03")), "immunity")
    assert "customary-law limb" in text and "only the customary-law limb can carry over" in text
    assert "ICC-02/05-01/09-195 (Democratic Republic of the Congo)" in text
    assert "Appeals Chamber, 2019-05-06" in text
    later = caveat(assess(KB, "vladimir-putin", "HUN", D("2025-01-01")), "immunity")
    assert "Pre-Trial Chamber II, 2024-10-24" in later and "(Mongolia)" in later
    # al-Bashir, still in office on 2019-04-01: the rulings up to that day, not the later judgment
    darfur = caveat(assess(KB, "omar-al-bashir", "ZAF", D("2019-04-01")), "immunity")
    assert "S/RES/1593" in darfur and "ICC-02/05-01/09-309" in darfur and "2019-05-06" not in darfur
    # ousted on 2019-04-11: no serving office, no immunity caveat
    assert "immunity" not in kinds(assess(KB, "omar-al-bashir", "ZAF", D("2019-06-01")))


def test_libya_declaration_adds_to_resolution_1970_from_its_lodging():
    before = assess(KB, "osama-elmasry-njeem", "LBY", D("2025-05-11"))
    after = assess(KB, "osama-elmasry-njeem", "LBY", D("2025-05-12"))
    assert before.outcome is after.outcome is Outcome.OBLIGED_OTHER
    assert not any("declaration" in b.ref for b in before.basis)
    assert any("declaration of 2025-05-12, covering 2011 to 2027" in b.ref for b in after.basis)
    assert any(b.ref.startswith("S/RES/1970") for b in after.basis)


@pytest.mark.parametrize(("state", "notice"), [("USA", "2002-05-06"), ("ISR", "2002-08-28"),
                                               ("SDN", "2008-08"), ("RUS", "2016")])
def test_signatories_that_gave_notice_have_no_article_18_obligation(state, notice):
    a = assess(KB, "benjamin-netanyahu", state, D("2025-04-03"))
    assert "signatory" not in kinds(a)
    text = caveat(a, "signature_withdrawn")
    assert notice in text and "no longer bound" in text and "art. 18" in text


def test_a_signatory_without_notice_keeps_the_article_18_caveat():
    a = assess(KB, "vladimir-putin", "THA", D("2024-09-03"))
    assert a.outcome is Outcome.NOT_OBLIGED and "signatory" in kinds(a)


def test_residual_duty_counts_a_preliminary_examination_only_for_the_withdrawing_states_situation():
    assert assess(KB, "rodrigo-duterte", "PHL", D("2025-03-10")).outcome is Outcome.RESIDUAL_DUTY
    # Burundi left in 2017, after Ukraine's preliminary examination (2014) but before its investigation
    assert assess(KB, "vladimir-putin", "BDI", D("2024-01-01")).outcome is Outcome.NOT_OBLIGED


def test_undetermined_standing_gives_both_branches_and_what_they_share():
    a = assess(KB, "benjamin-netanyahu", "HUN", D("2026-07-01"))
    assert a.outcome is Outcome.UNDETERMINED
    assert "art. 68" in a.summary and "127(2)" in a.summary and "Either way" in a.summary
    assert "standing_branches" in kinds(a)
    assert "immunity" in kinds(a)  # a duty either way, so the immunity argument matters


def test_a_reported_death_keeps_the_warrant_until_the_court_terminates():
    deif = assess(KB, "mohammed-deif", "IRL", D("2025-02-10"))
    assert deif.outcome is Outcome.OBLIGED and "13 July 2024" in caveat(deif, "reported_death")
    assert assess(KB, "mohammed-deif", "IRL", D("2025-02-26")).outcome is Outcome.NO_ACTIVE_WARRANT
    gaddafi = assess(KB, "muammar-gaddafi", "FRA", D("2011-11-01"))  # died 2011-10-20
    assert gaddafi.outcome is Outcome.OBLIGED and "reported_death" in kinds(gaddafi)
    assert assess(KB, "muammar-gaddafi", "FRA", D("2011-11-22")).outcome is Outcome.NO_ACTIVE_WARRANT


def test_arrest_by_a_state_is_not_execution_of_the_warrant():
    a = assess(KB, "khaled-el-hishri", "DEU", D("2025-08-01"))
    assert a.outcome is Outcome.OBLIGED and "surrender" in caveat(a, "national_custody")


def test_small_errors_of_the_review():
    a = assess(KB, "vladimir-putin", "CHN", D("2024-09-03"))
    assert "not a basis for a duty of non-parties" in caveat(a, "voluntary_cooperation")
    hungary = assess(KB, "benjamin-netanyahu", "HUN", D("2025-04-03"))
    assert "art. 88" in caveat(hungary, "consultation") and "art. 27" in caveat(hungary, "consultation")
    kenya = assess(KB, "vladimir-putin", "KEN", D("2024-09-03"))
    assert any(f.document == "ICC-01/09-02/11-1037" for f in kenya.record.findings)
    assert any("not about an arrest warrant" in line for line in kenya.record.lines()[0])
    jordan = assess(KB, "omar-al-bashir", "JOR", D("2019-06-01"))
    assert any("reversed the referral" in line for line in jordan.record.lines()[0])


# Places ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("territory", KB.territories, ids=lambda t: t.code)
def test_each_territory_resolves_and_has_its_dated_scope(territory):
    located = resolver_for(KB).locate(territory.name)
    assert (located.state, located.place) == (territory.state, territory.code)
    assert territory.sources
    if territory.applies_from is None:
        assert territory_scope(KB, territory.state, territory.code, territory.name, D("2026-01-01")).covered is False
    else:
        start = territory.applies_from.first_day
        assert territory_scope(KB, territory.state, territory.code, territory.name, start).covered is True
        before = start - dt.timedelta(days=1)
        assert territory_scope(KB, territory.state, territory.code, territory.name, before).covered is False


@pytest.mark.parametrize("place", KB.places, ids=lambda p: p.id)
def test_each_occupied_place_resolves_to_the_un_recognised_state_with_a_control_caveat(place):
    located = resolver_for(KB).locate(place.name)
    assert (located.state, located.place) == (place.state, place.id)
    a = assess(KB, "vladimir-putin", place.state, D("2024-09-03"), place=place.id)
    text = caveat(a, "occupation")
    assert KB.state_by_code[place.state].name in text and "does not control it" in text
    if place.controlled_by:
        assert KB.state_by_code[place.controlled_by].name in text
    assert place.sources


@pytest.mark.parametrize(("place", "before", "on"), [
    ("crimea", "2010-01-01", "2014-02-27"),  # effective control from 27 February 2014 (ECtHR, re Crimea)
    ("donetsk", "2014-05-10", "2014-05-11"),  # from the "referendums" of 11 May 2014 (ECtHR, Ukraine and NL v. Russia)
    ("luhansk", "2014-05-10", "2014-05-11"),
    ("mariupol", "2022-05-19", "2022-05-20"),  # the Azovstal surrender
])
def test_an_occupied_place_is_the_territorial_states_own_before_control_passed(place, before, on):
    earlier = assess(KB, "joseph-kony", "UKR", D(before), place=place)
    assert "occupation" not in kinds(earlier)
    assert "had not yet passed to the control of Russia" in caveat(earlier, "control")
    later = assess(KB, "joseph-kony", "UKR", D(on), place=place)
    assert "control" not in kinds(later) and f"since {on}" in caveat(later, "occupation")
    assert earlier.outcome is later.outcome  # the territorial state's standing; control only adds the caveat


def test_control_known_only_to_the_month_is_said_to_be_undecided_within_it():
    import msgspec

    from warrantwatch.law.obligation import _place_caveat, person_on
    from warrantwatch.records.dates import PartialDate

    mariupol = msgspec.structs.replace(KB.place_by_id["mariupol"], control_from=PartialDate.parse("2022-05"))
    text = _place_caveat(KB, person_on(KB, "joseph-kony", D("2022-05-10")), mariupol)[0].text
    assert "in 2022-05, and the records do not say whether before or after 2022-05-10" in text
    assert "does not control it" in _place_caveat(KB, person_on(KB, "joseph-kony", D("2022-06-01")), mariupol)[0].text


def test_territory_scope_changes_the_answer_on_its_day():
    assert assess(KB, "omar-al-bashir", "GBR", D("2010-03-10"), place="BMU").outcome is Outcome.NOT_OBLIGED
    assert assess(KB, "omar-al-bashir", "GBR", D("2010-03-11"), place="BMU").outcome is Outcome.OBLIGED
    assert assess(KB, "joseph-kony", "DNK", D("2006-09-30"), place="FRO").outcome is Outcome.NOT_OBLIGED
    assert assess(KB, "joseph-kony", "DNK", D("2006-10-01"), place="FRO").outcome is Outcome.OBLIGED
    assert territory_scope(KB, "DNK", "GRL", "Greenland", D("2004-09-30")).covered is False
    assert territory_scope(KB, "DNK", "GRL", "Greenland", D("2004-10-01")).covered is True
    assert assess(KB, "vladimir-putin", "NZL", D("2024-09-03"), place="TKL").outcome is Outcome.NOT_OBLIGED
    gibraltar = assess(KB, "vladimir-putin", "GBR", D("2024-09-03"), place="GIB")
    assert gibraltar.outcome is Outcome.UNDETERMINED and "not settled" in gibraltar.summary
    france = assess(KB, "vladimir-putin", "FRA", D("2024-09-03"), place="NCL")  # no declaration: art. 29
    assert france.outcome is Outcome.OBLIGED and "art. 29" in caveat(france, "territory")


@pytest.mark.parametrize(("query", "state", "place"), [
    ("ulaanbaatar", "MNG", None), ("UBN", "MNG", None), ("ZMCK", "MNG", None), ("BDA", "GBR", "BMU"),
    ("crimea", "UKR", "crimea"), ("Sevastopol", "UKR", "crimea"), ("west bank", "PSE", "west-bank"),
    ("golan", "SYR", "golan"), ("south ossetia", "GEO", "south-ossetia"), ("mariupol", "UKR", "mariupol"),
    ("northern cyprus", "CYP", "northern-cyprus"), ("Mongolia", "MNG", None), ("greenland", "DNK", "GRL"),
    # no state of their own in the gazetteers: placed by position in the boundary data
    ("hong kong", "CHN", None), ("HKG", "CHN", None), ("LYR", "NOR", None), ("Nuuk", "DNK", "GRL"),
])
def test_cities_airports_and_places_resolve_through_registry_data(query, state, place):
    located = resolver_for(KB).locate(query)
    assert (located.state, located.place) == (state, place)


@pytest.mark.parametrize("argv", [("bashir", "bermuda", "--on", "2009-06-01"), ("putin", "crimea"),
                                  ("putin", "ulaanbaatar"), ("putin", "UBN")])
def test_check_answers_for_places(capsys, argv):
    code, out, _ = run(capsys, "check", *argv)
    assert code == 0
    first = out.splitlines()[0]
    assert {"bermuda": "Bermuda, United Kingdom", "crimea": "Crimea, Ukraine",
            "ulaanbaatar": "Mongolia", "UBN": "Chinggis Khaan International Airport"}[argv[1]] in first


# Stated positions and the record in time ------------------------------------------------------------------

def test_stated_positions_and_later_events_are_shown_apart_from_the_law(capsys):
    code, out, _ = run(capsys, "check", "putin", "mongolia", "--on", "2024-09-03")
    assert code == 0
    positions = out.index("Stated positions of Mongolia")
    later = out.index("Later (after 2024-09-03)")
    assert "95%" in out[positions:later] and "[later] 2024-10-24" in out[later:]
    assert "vladimir-putin" not in out  # names, not ids
    code, out, _ = run(capsys, "check", "putin", "mongolia", "--on", "2024-09-03", "--json")
    record = json.loads(out)["record"]
    assert record["stated_positions"][0]["stance"] == "explanation"
    assert [f["id"] for f in record["later"]["findings"]] == ["mng-2024-10-24"]
    assert record["visits"][0]["person_name"] == "Vladimir Putin"


def test_the_brief_tells_a_reader_today_what_happened_later():
    published = dt.date(2024, 8, 30)
    text = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    markdown = to_markdown(build(KB, Article(text, published), published, with_maps=False))
    assert "[later] 2024-10-24" in markdown and "stated positions, not the legal answer" in markdown
    assert "vladimir-putin" not in markdown


def test_france_position_on_netanyahu_is_news_not_law(capsys):
    code, out, _ = run(capsys, "check", "netanyahu", "france", "--on", "2025-04-03")
    assert code == 0 and out.splitlines()[1].startswith("OBLIGED")
    assert "immunities apply to Prime Minister Netanyahu" in out.split("Stated positions of France")[1]


def test_the_membership_map_shades_territories_by_their_own_scope():
    import re
    import xml.etree.ElementTree as ET

    from warrantwatch.maps.obligation import states_parties_map

    m = states_parties_map("2009-06-01", width=800)
    titles = re.findall(r"<title>([^<]*)</title>", m.svg)
    assert "Bermuda: United Kingdom's ratification does not reach it on 2009-06-01" in titles
    assert "Greenland: the Statute applies (Denmark)" in titles
    legend = [t.text for t in ET.fromstring(m.svg.encode()).iter("{http://www.w3.org/2000/svg}text")
              if t.get("class") == "legend-text"]
    # 11 UK territories before 2010-03-11 and the Isle of Man before 2013
    assert "territory of a party, not covered (12)" in legend
    assert "108 states parties" in m.caption  # the caption counts states, the legend territories too


def test_a_state_not_yet_independent_is_answered_as_a_place_of_the_state_it_was_part_of(capsys):
    # South Sudan before 9 July 2011 was part of Sudan, bound by S/RES/1593 for Darfur; after, a non-party
    before = assess(KB, "omar-al-bashir", "SSD", D("2010-05-01"))
    assert (before.state, before.place, before.outcome) == ("SDN", "SSD", Outcome.OBLIGED_OTHER)
    assert "2011-07-09" in caveat(before, "succession") and before.area == "SSD"
    assert before.area_name == "South Sudan (part of Sudan)"
    after = assess(KB, "omar-al-bashir", "SSD", D("2011-07-09"))
    assert (after.state, after.place, after.outcome) == ("SSD", None, Outcome.NOT_OBLIGED)
    # Montenegro before 3 June 2006 was part of the union of Serbia and Montenegro, a state party (SRB)
    union = assess(KB, "joseph-kony", "MNE", D("2006-01-01"))
    assert (union.state, union.place, union.outcome) == ("SRB", "MNE", Outcome.OBLIGED)
    assert "in Montenegro" in union.summary
    assert assess(KB, "joseph-kony", "MNE", D("2006-06-03")).state == "MNE"
    # the whole world on a day before: the later state's area is answered, under its own code
    code, out, _ = run(capsys, "world", "omar-al-bashir", "--on", "2010-05-01", "--json")
    assert code == 0
    states = json.loads(out)["states"]
    assert states["SSD"]["part_of"] == "SDN" and states["SSD"]["outcome"] == "OBLIGED_OTHER"
    assert states["SDN"]["name"] == "Sudan" and "part_of" not in states["SDN"]
    code, out, _ = run(capsys, "check", "omar-al-bashir", "south sudan", "--on", "2010-05-01")
    assert code == 0 and "South Sudan, Sudan (SDN)" in out and "became independent on 2011-07-09" in out



def test_a_state_not_yet_independent_keeps_its_area_when_no_warrant_is_in_force(capsys):
    # before al-Bashir's first warrant (2009) the answer is NO_ACTIVE_WARRANT everywhere; Montenegro and South
    # Sudan are still answered as the places they were, each once: no state of the world is lost or doubled
    early = assess(KB, "omar-al-bashir", "MNE", D("2005-05-01"))
    assert (early.state, early.place, early.outcome) == ("SRB", "MNE", Outcome.NO_ACTIVE_WARRANT)
    assert "2006-06-03" in caveat(early, "succession") and early.area_name == "Montenegro (part of Serbia)"
    code, out, _ = run(capsys, "world", "omar-al-bashir", "--on", "2005-05-01", "--json")
    assert code == 0
    document = json.loads(out)
    assert len(document["states"]) == sum(document["counts"].values()) == len(KB.states)
    assert (document["states"]["MNE"]["part_of"], document["states"]["SSD"]["part_of"]) == ("SRB", "SDN")
    code, out, _ = run(capsys, "world", "omar-al-bashir", "--on", "2005-05-01")
    assert code == 0 and f"{len(KB.states) - 2} states and 2 areas then part of another state" in out
