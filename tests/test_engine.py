"""The engine's classes on real records: the cases the foundation issue names, and more."""

import datetime as dt

import pytest

from warrantwatch.law import Outcome, assess, world
from warrantwatch.law.membership import Standing, standing_on
from warrantwatch.records.knowledge import bundled

D = dt.date.fromisoformat


def outcome(kb, person, state, on):
    return assess(kb, person, state, D(on)).outcome


def test_seed_story_putin_in_mongolia_is_an_obligation(kb):
    a = assess(kb, "vladimir-putin", "MNG", D("2024-09-03"))
    assert a.outcome is Outcome.OBLIGED
    refs = [b.ref for b in a.basis]
    assert "Rome Statute, art. 86" in refs and "Rome Statute, art. 89(1)" in refs
    assert any("art. 59" in r for r in refs)
    immunity = next(c for c in a.caveats if c.kind == "immunity")
    assert immunity.contested and "98(1)" in immunity.text
    assert "2019-05-06" in immunity.text  # the Appeals Chamber's Jordan judgment
    assert any(v.person == "vladimir-putin" for v in a.record.visits)
    assert a.sources and all(a.sources)


def test_mongolia_record_gains_the_finding_only_after_it_was_made(kb):
    before = assess(kb, "vladimir-putin", "MNG", D("2024-09-03"))
    after = assess(kb, "vladimir-putin", "MNG", D("2024-10-25"))
    assert not before.record.findings
    assert [f.state for f in after.record.findings] == ["MNG"]


def test_putin_in_kazakhstan_no_duty(kb):
    a = assess(kb, "vladimir-putin", "KAZ", D("2024-07-03"))
    assert a.outcome is Outcome.NOT_OBLIGED
    assert any(c.kind == "voluntary_cooperation" for c in a.caveats)


def test_putin_in_armenia_obliged_from_entry_into_force(kb):
    assert outcome(kb, "vladimir-putin", "ARM", "2023-12-15") is Outcome.NOT_OBLIGED
    last_day = assess(kb, "vladimir-putin", "ARM", D("2024-01-31"))
    assert last_day.outcome is Outcome.NOT_OBLIGED
    assert any(c.kind == "pending_entry_into_force" for c in last_day.caveats)
    assert outcome(kb, "vladimir-putin", "ARM", "2024-02-01") is Outcome.OBLIGED


def test_netanyahu_has_no_warrant_anywhere_before_it_was_issued(kb):
    before = world(kb, "benjamin-netanyahu", D("2024-11-20"))
    assert before.counts == {"NO_ACTIVE_WARRANT": len(kb.states)}
    issued = world(kb, "benjamin-netanyahu", D("2024-11-21"))
    assert issued.counts["OBLIGED"] >= 124


def test_bashir_in_sudan_bound_by_resolution_1593(kb):
    a = assess(kb, "omar-al-bashir", "SDN", D("2015-06-15"))
    assert a.outcome is Outcome.OBLIGED_OTHER
    assert a.basis[0].ref == "S/RES/1593 (2005)"
    assert "shall cooperate fully" in a.basis[0].why


def test_resolution_1593_only_urges_other_non_parties(kb):
    a = assess(kb, "omar-al-bashir", "SAU", D("2015-09-01"))
    assert a.outcome is Outcome.NOT_OBLIGED
    assert any(c.kind == "urged" and "1593" in c.text for c in a.caveats)


def test_bashir_visit_to_south_africa_2015_was_an_obligation(kb):
    a = assess(kb, "omar-al-bashir", "ZAF", D("2015-06-14"))
    assert a.outcome is Outcome.OBLIGED
    assert any(v.host == "ZAF" and v.start.isoformat() == "2015-06-13" for v in a.record.visits)


def test_withdrawn_burundi_keeps_a_contested_residual_duty_for_darfur(kb):
    a = assess(kb, "omar-al-bashir", "BDI", D("2018-01-15"))
    assert a.outcome is Outcome.RESIDUAL_DUTY
    assert a.basis[0].ref == "Rome Statute, art. 127(2)"
    assert any(c.contested for c in a.caveats)


def test_withdrawn_burundi_has_no_duty_for_an_investigation_opened_later(kb):
    assert outcome(kb, "vladimir-putin", "BDI", "2024-01-01") is Outcome.NOT_OBLIGED


def test_burundi_bound_as_a_party_until_its_withdrawal_took_effect(kb):
    assert outcome(kb, "omar-al-bashir", "BDI", "2017-10-26") is Outcome.OBLIGED
    assert outcome(kb, "omar-al-bashir", "BDI", "2017-10-27") is Outcome.RESIDUAL_DUTY


def test_philippines_after_withdrawal(kb):
    # Darfur (2005) was opened while the Philippines was a party; Palestine (2021) was not.
    assert outcome(kb, "omar-al-bashir", "PHL", "2020-01-01") is Outcome.RESIDUAL_DUTY
    assert outcome(kb, "benjamin-netanyahu", "PHL", "2025-06-01") is Outcome.NOT_OBLIGED


def test_hungary_under_withdrawal_notice_is_still_a_party(kb):
    a = assess(kb, "benjamin-netanyahu", "HUN", D("2025-07-01"))
    assert a.outcome is Outcome.OBLIGED
    assert any(c.kind == "pending_withdrawal" for c in a.caveats)


def test_netanyahu_in_hungary_april_2025_and_the_finding(kb):
    a = assess(kb, "benjamin-netanyahu", "HUN", D("2025-04-03"))
    assert a.outcome is Outcome.OBLIGED
    later = assess(kb, "benjamin-netanyahu", "HUN", D("2025-08-01"))
    assert any(f.state == "HUN" and f.non_compliance for f in later.record.findings)


def test_ukraine_bound_by_its_declaration_before_it_became_a_party(kb):
    a = assess(kb, "vladimir-putin", "UKR", D("2024-06-01"))
    assert a.outcome is Outcome.OBLIGED_OTHER
    assert any("12(3)" in b.ref for b in a.basis)
    assert outcome(kb, "vladimir-putin", "UKR", "2025-01-01") is Outcome.OBLIGED


def test_signatory_is_not_a_party(kb):
    a = assess(kb, "vladimir-putin", "THA", D("2025-01-01"))
    assert a.outcome is Outcome.NOT_OBLIGED
    assert any(c.kind == "signatory" and "art. 18" in c.text for c in a.caveats)
    assert standing_on(kb, "USA", D("2025-08-15")).standing is Standing.SIGNATURE_WITHDRAWN


def test_warrant_that_ended_means_no_active_warrant(kb):
    deif = assess(kb, "mohammed-deif", "FRA", D("2025-03-01"))
    assert deif.outcome is Outcome.NO_ACTIVE_WARRANT
    assert "terminated" in deif.summary or "withdrawn" in deif.summary
    assert outcome(kb, "mohammed-deif", "FRA", "2024-12-01") is Outcome.OBLIGED
    assert outcome(kb, "rodrigo-duterte", "NLD", "2025-04-01") is Outcome.NO_ACTIVE_WARRANT


def test_sealed_warrant_binds_only_states_shown_to_have_received_the_request(kb):
    """Rule 1: a sealed warrant is not 'no warrant'. Where no request to the state is shown, the answer
    is UNDETERMINED; where the state arrested the person, it had received the request."""
    mali = assess(kb, "iyad-ag-ghaly", "MLI", D("2020-01-01"))
    assert mali.outcome is Outcome.UNDETERMINED
    assert "under seal" in mali.summary and "not public" in mali.summary
    philippines = assess(kb, "rodrigo-duterte", "PHL", D("2025-03-08"))
    assert philippines.outcome is not Outcome.NO_ACTIVE_WARRANT
    assert any(c.kind == "sealed" and "2025-03-11" in c.text for c in philippines.caveats)
    before = assess(kb, "rodrigo-duterte", "PHL", D("2025-03-06"))  # not yet issued
    assert before.outcome is Outcome.NO_ACTIVE_WARRANT


def test_a_sealed_warrant_that_reached_the_host_says_so(kb):
    """Italy was sent the request on 2025-01-18 under a sealed warrant; Germany arrested El Hishri
    under one. Both are bound, with a `sealed` caveat; France, with no request known, is undetermined."""
    italy = assess(kb, "osama-elmasry-njeem", "ITA", D("2025-01-19"))
    assert italy.outcome is Outcome.OBLIGED
    sealed = [c for c in italy.caveats if c.kind == "sealed"]
    assert len(sealed) == 1 and "2025-01-18" in sealed[0].text
    assert "ita-2025-10-17" in [f.id for f in italy.record.later_findings]  # the breach, marked later
    germany = assess(kb, "khaled-el-hishri", "DEU", D("2025-07-16"))
    assert germany.outcome is Outcome.OBLIGED
    assert any(c.kind == "sealed" and "arrested" in c.text for c in germany.caveats)
    elsewhere = assess(kb, "osama-elmasry-njeem", "FRA", D("2025-01-19"))  # no request known
    assert elsewhere.outcome is Outcome.UNDETERMINED
    assert any(c.kind == "sealed" for c in elsewhere.caveats)


def test_a_future_day_says_what_the_statute_fixes_in_advance(kb):
    asked = D("2026-11-29")
    later = assess(kb, "vladimir-putin", "MNG", D("2027-03-01"), as_of=asked)
    assert later.outcome is Outcome.OBLIGED
    future = next(c for c in later.caveats if c.kind == "future")
    assert "2027-11-30" in future.text and "127(1)" in future.text  # no withdrawal can bite sooner
    assert "2027-02-01" in future.text and "126(2)" in future.text  # nor a new ratification
    past = assess(kb, "vladimir-putin", "MNG", D("2024-09-03"), as_of=asked)
    assert not any(c.kind == "future" for c in past.caveats)
    assert all(any(c.kind == "future" for c in a.caveats)
               for a in world(kb, "vladimir-putin", D("2027-03-01"), as_of=asked).assessments)


def test_a_former_head_of_state_raises_no_immunity_caveat(kb):
    serving = assess(kb, "omar-al-bashir", "ZAF", D("2015-06-14"))
    former = assess(kb, "omar-al-bashir", "ZAF", D("2020-06-01"))
    assert any(c.kind == "immunity" for c in serving.caveats)
    assert not any(c.kind == "immunity" for c in former.caveats)


def test_world_classifies_every_state_once(kb):
    w = world(kb, "vladimir-putin", D("2024-09-03"))
    assert len(w.assessments) == len(kb.states) == len({a.state for a in w.assessments})
    assert sum(w.counts.values()) == len(kb.states)
    by_state = {a.state: a.outcome for a in w.assessments}
    assert by_state["MNG"] is Outcome.OBLIGED and by_state["RUS"] is Outcome.NOT_OBLIGED


@pytest.mark.parametrize("person", ["vladimir-putin", "omar-al-bashir", "benjamin-netanyahu"])
def test_every_assessment_names_its_basis_or_its_reason(kb, person):
    for a in world(kb, person, D("2025-06-01")).assessments:
        assert a.summary
        if a.outcome.duty:
            assert a.basis and a.sources


def test_unconfirmed_revocation_leaves_hungary_undetermined_after_the_effective_date(kb):
    before = assess(kb, "benjamin-netanyahu", "HUN", D("2026-06-01"))
    after = assess(kb, "benjamin-netanyahu", "HUN", D("2026-06-02"))
    assert before.outcome is Outcome.OBLIGED
    assert any(c.kind == "pending_withdrawal" and "not confirmed" in c.text for c in before.caveats)
    assert after.outcome is Outcome.UNDETERMINED
    assert "not confirmed by the depositary" in after.summary and "127(2)" in after.summary


def test_with_future_keeps_every_field_as_replace_would():
    """obligation._with_future calls the constructor positionally (faster than replace()); a field
    added to Assessment out of that order must fail here, not shift values silently."""
    import msgspec

    from warrantwatch.law.assessment import Caveat
    from warrantwatch.law.obligation import _with_future

    kb = bundled()
    a = assess(kb, "vladimir-putin", "MNG", dt.date(2024, 9, 3), place=None)
    extra = Caveat("x", "y")
    assert _with_future(a, extra, None, reviewed=dt.date(2026, 1, 1)) == msgspec.structs.replace(
        a, caveats=(*a.caveats, extra), reviewed=dt.date(2026, 1, 1))


@pytest.mark.parametrize("person,on", [("vladimir-putin", "2024-09-03"), ("omar-al-bashir", "2015-06-14"),
                                       ("benjamin-netanyahu", "2025-04-03")])
def test_source_quality_caveat_matches_a_full_walk_of_the_records(person, on):
    """evidence_caveat skips the walk for states with no weakly graded record: the same answer as
    grading every record the assessment rests on, state by state."""
    from warrantwatch.law.evidence import WHY, label, rested_on
    from warrantwatch.records.sources import Evidence

    kb = bundled()
    seen = 0
    for a in world(kb, person, dt.date.fromisoformat(on)).assessments:
        flagged = [(r, e) for r in rested_on(kb, a) if (e := kb.grader.of(r)) is not Evidence.sound]
        got = next((c.text for c in a.caveats if c.kind == "source_quality"), None)
        if not flagged:
            assert got is None
            continue
        seen += 1
        assert got is not None and "; ".join(f"{label(kb, r)} ({e.value}: {WHY[e]})" for r, e in flagged) in got
    assert seen  # the bundled data has weakly sourced records somewhere


def test_standing_and_record_tables_give_what_the_rules_give_day_by_day(kb):
    """world() reads each state's standing and record from tables of the days on which they can
    change (law.membership.standing_facts, law.obligation.host_record; from the second question about
    a state); on every such day, the days either side of it and a sample of others, they must equal
    the rules worked out afresh for that day."""
    import random

    from warrantwatch.law.membership import _change_days, _standing_on, standing_facts
    from warrantwatch.law.obligation import NO_RECORD, _host_record, host_record

    rng = random.Random(16)
    sample = {dt.date(1998, 7, 17) + dt.timedelta(days=rng.randrange(12_000)) for _ in range(30)}
    checked = 0
    for state in kb.states:
        code = state.iso3
        events = [v.start for v in kb.visits_to.get(code, ())] + [f.date for f in kb.findings_against.get(code, ())]
        events += [p.date for p in kb.positions_of.get(code, ())]
        days = set(_change_days(kb, code)) | {d.first_day for d in events}
        for day in {d + dt.timedelta(days=k) for d in days for k in (-1, 0, 1)} | sample:
            standing, described, sources = standing_facts(kb, code, day)
            fresh = _standing_on(kb, code, day)
            assert (standing, described, sources) == (fresh, fresh.describe(), fresh.sources), (code, day)
            record = _host_record(kb, code, day) if events else NO_RECORD  # no event: the empty record
            assert host_record(kb, code, day) == record, (code, day)
            checked += 1
    assert checked > 198 * len(sample)
