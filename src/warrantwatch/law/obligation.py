"""assess() and world(): the obligation rules, in the order of DESIGN.md, each citing its basis.

Pure functions over an immutable KnowledgeBase. Facts (dates, decisions) come from the records;
the rules and the articles they rest on are stated here.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

import msgspec

from warrantwatch.law.assessment import Assessment, Basis, Caveat, HostRecord, Outcome, World
from warrantwatch.law.currency import currency_caveat
from warrantwatch.law.evidence import evidence_caveat, weak_records
from warrantwatch.law.membership import Standing, StandingOn, standing_facts, standing_on
from warrantwatch.law.sealed import RequestProof, request_proof
from warrantwatch.law.territory import territory_scope
from warrantwatch.law.warrants import WarrantOn, WarrantState, warrant_on
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import (
    Declaration,
    Finding,
    Person,
    Place,
    Position,
    PositionKind,
    Resolution,
    Situation,
    Warrant,
    WarrantStatus,
)
from warrantwatch.records.treaty import entry_into_force_for, withdrawal_effective_for

PARTY_BASIS = (
    Basis("Rome Statute, art. 86", "states parties shall cooperate fully with the Court"),
    Basis("Rome Statute, art. 89(1)", "states parties shall comply with requests for arrest and "
          "surrender of a person found on their territory"),
    Basis("Rome Statute, art. 59(1)", "the custodial state shall immediately take steps to arrest "
          "the person"),
    Basis("Rome Statute, art. 27", "official capacity, including as head of state, is irrelevant "
          "before the Court; immunities do not bar its jurisdiction"),
)
RESIDUAL_BASIS = Basis(
    "Rome Statute, art. 127(2)", "withdrawal does not affect cooperation in investigations and "
    "proceedings in relation to which the withdrawing state had a duty to cooperate and which "
    "were commenced before the withdrawal became effective")
UNSC_BASIS = (
    Basis("Rome Statute, art. 13(b)", "the Security Council referred the situation under "
          "Chapter VII of the UN Charter"),
    Basis("UN Charter, art. 25", "UN members agree to accept and carry out the decisions of the "
          "Security Council"),
)
DECLARATION_BASIS = Basis(
    "Rome Statute, art. 12(3); Rules of Procedure and Evidence, rule 44", "a state that accepts "
    "the Court's jurisdiction by declaration shall cooperate without delay or exception in "
    "accordance with Part 9")
CONSULTATION = Caveat(
    "consultation", "If the state finds problems that may impede execution of the request, it "
    "must consult the Court without delay (art. 97); consultations do not suspend the duty, and "
    "a failure to comply can lead to a finding under art. 87(7) and referral to the Assembly of "
    "States Parties or the Security Council. Nor can a state invoke the absence or shortcomings of "
    "its national implementing law: it must ensure procedures for every form of cooperation (art. 88), "
    "and a party may not invoke its internal law to justify a failure to perform a treaty (Vienna "
    "Convention on the Law of Treaties, art. 27).")
VOLUNTARY = Caveat(
    "voluntary_cooperation", "A state without a duty may still cooperate: the Court may invite it "
    "to assist on the basis of an ad hoc arrangement or agreement (art. 87(5)(a)), and its own law may "
    "allow it to act on a request. (Art. 87(1)(b), transmission through INTERPOL, is a channel for "
    "requests to states parties, not a basis for a duty of non-parties.)")
SIGNATORY = Caveat(
    "signatory", "A signatory that has not ratified is not a party and has no duty to arrest; its "
    "only obligation is to refrain from acts that would defeat the treaty's object and purpose "
    "(Vienna Convention on the Law of Treaties, art. 18). Reporting often confuses signatories "
    "with parties.")
IMMUNITY_OFFICES = (PositionKind.head_of_state, PositionKind.head_of_government,
                    PositionKind.foreign_minister)


class PersonOn(msgspec.Struct, frozen=True):
    """Everything about the person on the day that does not depend on the host state."""

    person: Person
    on: dt.date
    warrants: tuple[WarrantOn, ...]
    active: tuple[Warrant, ...]
    situations: tuple[Situation, ...]
    immunity: Caveat | None
    sources: tuple[str, ...]
    urged: tuple[Caveat, ...]  # resolutions that only urge non-bound states
    urged_sources: tuple[str, ...]
    warrant_ids: tuple[str, ...]
    warrant_text: str  # "the warrant of 2009-03-04, the warrant of 2010-07-12", for summaries
    home: str | None = None  # the state whose office gives the person an immunity argument
    in_force_caveats: tuple[Caveat, ...] = ()  # reported deaths: the same for every host
    custody: tuple[WarrantStatus, ...] = ()  # arrested by a state, not yet surrendered


def _held_on(position: Position, on: dt.date) -> bool:
    started = position.from_ is None or position.from_.on_or_before(on) is not False
    ended = position.to is not None and position.to.last_day < on
    return started and not ended


def _binding_resolutions(kb: KnowledgeBase, state: str,
                         situations: tuple[Situation, ...]) -> list[Resolution]:
    return [r for s in situations for r in kb.resolutions_for.get(s.id, ()) if state in r.binds]


def _decision_ref(kb: KnowledgeBase, finding: Finding) -> str:
    doc = f", {finding.document}" if finding.document else ""
    return f"{finding.chamber}, {finding.date}{doc} ({kb.state_by_code[finding.state].name})"


JORDAN_LIMBS = (
    "In its Jordan judgment of 6 May 2019 (ICC-02/05-01/09-397) the Appeals Chamber gave two grounds: "
    "(i) customary international law knows no head-of-state immunity when a state arrests a person for "
    "an international court (the customary-law limb, the most criticised part of the judgment); and "
    "(ii) a Security Council resolution obliging a state to cooperate puts it in a position analogous to "
    "a party, so that art. 27(2) applies to it (the resolution limb).")


def _immunity_caveat(kb: KnowledgeBase, person: Person, on: dt.date,
                     situations: tuple[Situation, ...]) -> Caveat | None:
    office = next((p for p in person.positions
                   if p.kind in IMMUNITY_OFFICES and p.state and _held_on(p, on)), None)
    if office is None or office.state is None:
        return None
    home = standing_on(kb, office.state, on)
    if home.standing is Standing.PARTY:
        return None  # art. 27 applies between parties: no immunity to argue
    home_name = kb.state_by_code[office.state].name
    bound = _binding_resolutions(kb, office.state, situations)
    rulings = [f for f in kb.findings if "immunity" in f.topics and f.date.last_day <= on]
    text = (f"{person.name} holds office as {office.title}, and {home_name} is not a party to the "
            f"Statute on {on}. Hosts have argued that the personal immunity of a serving "
            f"{office.kind.value.replace('_', ' ')} of a non-party survives under customary law "
            "and that art. 98(1) bars the request without a waiver by that state. ")
    if bound:
        res = ", ".join(f"S/RES/{r.resolution}" for r in bound)
        text += (f"{home_name} is bound by {res}, and whether that resolution removes the "
                 "immunity (by implicit waiver, or by placing the state in a position analogous to a "
                 "party) is part of the same dispute. ")
    if rulings:
        text += ("The Court has rejected the immunity argument in: "
                 + "; ".join(_decision_ref(kb, f) for f in rulings) + ". ")
        if any(f.date.last_day >= dt.date(2019, 5, 6) for f in rulings):
            text += JORDAN_LIMBS + " "
            if bound:
                text += f"Both limbs can be argued here, since {home_name} is bound by a resolution."
            else:
                text += (f"{home_name} is bound by no Security Council resolution for this situation, so "
                         "only the customary-law limb can carry over; the resolution-based reasoning of "
                         "the Darfur decisions does not.")
    else:
        text += "The Court had not yet ruled on this argument at that date."
    return Caveat("immunity", text.strip(), contested=True)


def _immunity_home(person: Person, on: dt.date) -> str | None:
    office = next((p for p in person.positions
                   if p.kind in IMMUNITY_OFFICES and p.state and _held_on(p, on)), None)
    return office.state if office else None


def _context(kb: KnowledgeBase, person: Person, on: dt.date, states: tuple[WarrantOn, ...],
             active: tuple[Warrant, ...]) -> PersonOn:
    situations = tuple({w.situation: kb.situation_by_id[w.situation] for w in active}.values())
    sources = tuple(dict.fromkeys(src for w in active for src in w.sources))
    urging = [r for s in situations for r in kb.resolutions_for.get(s.id, ()) if r.urges_text]
    urged = tuple(Caveat("urged", f"S/RES/{r.resolution} ({r.adopted.year}) urges all states to "
                         "cooperate, but binds only "
                         f"{', '.join(kb.state_by_code[c].name for c in r.binds)}: \"{r.urges_text}\"")
                  for r in urging)
    ids = tuple(w.id for w in active)
    text = ", ".join(f"the warrant of {w.issued}" for w in active)
    deaths = tuple(
        Caveat("reported_death", f"{person.name}'s death was reported on {d.since}, but the warrant of "
               f"{w.warrant.issued} stays in force until the Court terminates the proceedings, which had not "
               f"happened by {on}." + (f" {d.note}" if d.note else ""))
        for w in states if w.warrant in active and (d := w.reported_death) is not None)
    custody = tuple(c for w in states if w.warrant in active and (c := w.national_custody) is not None)
    return PersonOn(person, on, states, active, situations,
                    _immunity_caveat(kb, person, on, situations), sources, urged,
                    tuple(src for r in urging for src in r.sources), ids, text,
                    _immunity_home(person, on), deaths, custody)


def person_on(kb: KnowledgeBase, person_id: str, on: dt.date) -> PersonOn:
    """The person's context on the day, made once per (person, day) for the last few thousand asked
    (a run over many articles asks about one person and day for several hosts, and again and again)."""
    made = kb.tables("law.person_on")
    key = (person_id, on)
    found = made.get(key)
    if found is None:
        person = kb.person_by_id[person_id]
        states = tuple(warrant_on(w, on) for w in kb.warrants_of.get(person_id, ()))
        found = _context(kb, person, on, states, tuple(s.warrant for s in states if s.active))
        if len(made) >= PERSON_ON_KEPT:
            del made[next(iter(made))]  # the oldest
        made[key] = found
    return found


PERSON_ON_KEPT = 2048


def host_record(kb: KnowledgeBase, state: str, on: dt.date) -> HostRecord:
    """The host's record up to `on`, and what happened after it, kept apart and marked as later:
    the same for every day until the next event's first day, so, from the second question about
    the host in a process, made once for each such span (as law.membership.standing_facts)."""
    visits = kb.visits_to.get(state, ())
    findings = kb.findings_against.get(state, ())
    positions = kb.positions_of.get(state, ())
    if not visits and not findings and not positions:
        return NO_RECORD
    tables = kb.tables("law.host_record")  # per host: its events' first days, its record in each span
    table = tables.get(state)
    if table is None:
        tables[state] = ()  # asked once
        return _host_record(kb, state, on)
    if not table:
        events = (*(v.start for v in visits), *(f.date for f in findings), *(p.date for p in positions))
        table = tables[state] = (sorted({d.first_day for d in events}), {})
    days, spans = table
    span = bisect_right(days, on)
    found = spans.get(span)
    if found is None:
        found = spans[span] = _host_record(kb, state, on)
    return found


def _host_record(kb: KnowledgeBase, state: str, on: dt.date) -> HostRecord:
    visits = kb.visits_to.get(state, ())
    findings = kb.findings_against.get(state, ())
    positions = kb.positions_of.get(state, ())
    return HostRecord(
        tuple(v for v in visits if v.start.first_day <= on),
        tuple(f for f in findings if f.date.first_day <= on),
        tuple(p for p in positions if p.date.first_day <= on),
        tuple(v for v in visits if v.start.first_day > on),
        tuple(f for f in findings if f.date.first_day > on),
        tuple(p for p in positions if p.date.first_day > on),
        kb.person_names,
    )


NO_RECORD = HostRecord()


def _pending_withdrawal_caveat(standing: StandingOn) -> Caveat | None:
    w = standing.pending_withdrawal
    if w is None:
        return None
    if w.revoked is not None and not w.revocation_confirmed:
        return Caveat("pending_withdrawal", f"The state notified its withdrawal on {w.notified}, to take "
                      f"effect on {w.effective} (art. 127(1)); a revocation ({w.revoked}) is reported but not "
                      "confirmed by the depositary. Until the effective date all duties of a party remain.")
    if w.revoked is not None:
        return Caveat("pending_withdrawal", f"The state notified its withdrawal on {w.notified} "
                      f"and revoked the notification in {w.revoked}, before it took effect; it "
                      "remained a party throughout, with all the duties of a party.")
    effective = w.effective or withdrawal_effective_for(w.notified.first_day)
    return Caveat("pending_withdrawal", f"The state notified its withdrawal on {w.notified}; it "
                  f"takes effect on {effective} (art. 127(1)). Until then all duties of a party "
                  "remain, and duties in proceedings commenced before that date survive it "
                  "(art. 127(2)).")


def _commenced(situation: Situation, state: str) -> PartialDate | None:
    """When the matter came before the Court for the withdrawing `state`. For a situation on its own
    territory, the preliminary examination counts: the matter was then "under consideration by the
    Court" (art. 127(2), second sentence, as Pre-Trial Chamber I read it in the Duterte jurisdiction
    decision of 2025-10-23). For another state's situation only the investigation counts: the first
    sentence keeps cooperation in investigations in which the withdrawing state, as a party, already
    had a duty to cooperate, and a preliminary examination imposes no such duty on third states."""
    own = state in situation.states
    dates = [d for d in ((situation.preliminary_examination if own else None), situation.investigation_opened) if d]
    return min(dates, key=lambda d: d.first_day) if dates else None


def _residual(situations: tuple[Situation, ...], effective: PartialDate, state: str
              ) -> tuple[list[Situation], list[Situation]]:
    """Situations before the Court before the withdrawal took effect, and those whose start is unknown."""
    earlier, unknown = [], []
    for situation in situations:
        started = _commenced(situation, state)
        if started is None or started.on_or_before(effective.first_day) is None:
            unknown.append(situation)
        elif started.last_day < effective.first_day:
            earlier.append(situation)
    return earlier, unknown


def _since_text(situation: Situation, state: str) -> str:
    if situation.preliminary_examination and _commenced(situation, state) == situation.preliminary_examination:
        return f"{situation.name} (preliminary examination opened {situation.preliminary_examination})"
    return f"{situation.name} (investigation opened {situation.investigation_opened})"


def _covers(declaration: Declaration, warrant: Warrant, on: dt.date) -> bool | None:
    """Does the declaration's period cover the warrant's alleged crimes? None when the warrant's
    period is not recorded."""
    if warrant.crimes_from is None and warrant.crimes_to is None:
        return None
    crimes_from = (warrant.crimes_from or warrant.crimes_to).first_day
    crimes_to = (warrant.crimes_to or warrant.issued).last_day
    starts_ok = declaration.period_from is None or declaration.period_from.first_day <= crimes_to
    ends_ok = declaration.period_to is None or declaration.period_to.last_day >= crimes_from
    return starts_ok and ends_ok


def _declarations(kb: KnowledgeBase, state: str, on: dt.date, ctx: PersonOn) -> list[Declaration]:
    """Art. 12(3) declarations lodged by `on` for the person's situations whose period covers the
    alleged crimes of at least one of the warrants (all of them where no warrant's period is known)."""
    found = []
    for d in kb.declarations_of.get(state, ()):
        if d.lodged.last_day > on:
            continue
        warrants = [w for w in ctx.active if w.situation == d.situation]
        if warrants and any(_covers(d, w, on) is not False for w in warrants):
            found.append(d)
    return found


def _declaration_ref(d: Declaration, state_name: str) -> str:
    period = ""
    if d.period_from or d.period_to:
        period = f", covering {d.period_from or '…'} to {d.period_to or 'an open end'}"
    return f"{state_name}'s art. 12(3) declaration of {d.lodged}{period}"


def _sealed_caveats(proofs: list[RequestProof]) -> tuple[Caveat, ...]:
    return tuple(Caveat("sealed", f"The warrant of {p.warrant.issued} was under seal until "
                        f"{p.warrant.made_public}. A sealed warrant binds the states that receive the "
                        f"Court's request for arrest and surrender or for provisional arrest (arts. 89(1), 91, 92); "
                        f"here {p.text}") for p in proofs)


def _death_and_custody(kb: KnowledgeBase, ctx: PersonOn, state: str) -> list[Caveat]:
    caveats = list(ctx.in_force_caveats)
    for custody in ctx.custody:
        assert custody.held_by is not None
        holder = kb.state_by_code[custody.held_by].name
        here = " This is the state asked about: its remaining duty is to surrender him." \
            if custody.held_by == state else ""
        caveats.append(Caveat("national_custody", f"{ctx.person.name} was arrested by {holder} on "
                              f"{custody.since} and is held there pending surrender to the Court; the "
                              f"warrant is executed only on surrender.{here}"))
    return caveats


def _place_caveat(kb: KnowledgeBase, ctx: PersonOn, place: Place) -> tuple[Caveat, tuple[str, ...]]:
    state_name = kb.state_by_code[place.state].name
    since = place.control_from
    controller_name = kb.state_by_code[place.controlled_by].name if place.controlled_by else "de facto authorities"
    if since is not None and ctx.on < since.first_day:
        # before the day control passed (data/places.yaml `control_from`): the state's own territory, in its hands
        return Caveat("control", f"On {ctx.on} {place.name} had not yet passed to the control of {controller_name} "
                      f"(the records date that from {since}): the answer is {state_name}'s, as for the rest of its "
                      "territory.", contested=False), tuple(place.sources)
    if since is not None and not since.is_exact and ctx.on <= since.last_day:
        return Caveat("occupation", f"{place.name} is, for the United Nations, part of {state_name}; control of it "
                      f"passed to {controller_name} in {since}, and the records do not say whether before or after "
                      f"{ctx.on}. If {state_name} still controlled it, this answer is its duty; if not, it cannot "
                      "execute a request there.", contested=True), tuple(place.sources)
    text = (f"{place.name} is, for the United Nations, part of {state_name}, which does not control it: "
            f"it is controlled by {place.control}" + (f", since {since}." if since is not None else "."))
    if place.controlled_by:
        controller = assess_state(kb, ctx, place.controlled_by)
        text += (f" {state_name}'s duty under the Statute extends to its whole territory, but it cannot "
                 f"execute a request where it has no control. For {controller.state_name}, which controls "
                 f"the place, the answer on {ctx.on} is {controller.outcome.name} "
                 f"({controller.outcome.value}).")
    else:
        text += (f" {state_name}'s duty extends to its whole territory, but it cannot execute a request "
                 "where it has no control, and the de facto authorities are not bound by the Statute.")
    return Caveat("occupation", text, contested=True), tuple(place.sources)


_NO_DUTY_REASONS = {
    Standing.NON_SIGNATORY: "has never signed nor acceded to the Statute",
    Standing.SIGNATORY: "signed the Statute but never ratified it",
    Standing.SIGNATURE_WITHDRAWN: "signed the Statute but later gave notice that it does "
                                  "not intend to become a party",
    Standing.PENDING_ENTRY_INTO_FORCE: "has deposited its instrument, but the Statute is not "
                                       "yet in force for it",
    Standing.WITHDRAWN: "withdrew from the Statute, and the matter came before the Court after the "
                        "withdrawal took effect",
}


def assess_state(kb: KnowledgeBase, ctx: PersonOn, state: str, place: str | None = None) -> Assessment:
    """The rules for one host state (or a territory or occupied place of it), given the person's
    situation on the day."""
    person, on = ctx.person, ctx.on
    state_name = kb.state_by_code[state].name
    standing, described, standing_sources = standing_facts(kb, state, on)
    record = host_record(kb, state, on)
    territory = kb.territory_by_code.get(place) if place else None
    occupied = kb.place_by_id.get(place) if place else None
    # a later state's territory before its independence ("SSD" on 2010-05-01, then part of Sudan)
    successor = kb.state_by_code.get(place) if place and territory is None and occupied is None else None
    place_name = (territory.name if territory else occupied.name if occupied else successor.name if successor else
                  _area_name(place) if place else None)
    caveats: list[Caveat] = []
    sources: list[str] = []
    if successor is not None:
        caveats.append(Caveat("succession", f"{successor.name} became independent on {successor.independent_since}; "
                              f"on {on} its territory was part of {state_name}, whose standing and duties this "
                              "answer applies."))
        sources += successor.sources

    # Rule 1: no warrant in force; a sealed warrant binds only the states the Court asked.
    if not ctx.active:
        sealed = [w for w in ctx.warrants if w.state is WarrantState.SEALED]
        proofs = [p for w in sealed if (p := request_proof(kb, w.warrant, state, state_name, on))]
        if proofs:
            ctx = _context(kb, person, on, ctx.warrants, tuple(p.warrant for p in proofs))
            caveats += _sealed_caveats(proofs)
            sources += [src for p in proofs for src in p.sources]
        else:
            common = dict(person=person.id, person_name=person.name, state=state, state_name=state_name,
                          on=on, standing=described, record=record, warrants=ctx.warrant_ids,
                          place=place, place_name=place_name, reviewed=kb.reviewed)
            srcs = tuple(dict.fromkeys(s for w in ctx.warrants for s in w.warrant.sources))
            if sealed:
                first = min(sealed, key=lambda w: w.warrant.issued.first_day).warrant
                return Assessment(
                    outcome=Outcome.UNDETERMINED,
                    summary=f"A warrant for {person.name} existed under seal on {on} (issued {first.issued}, "
                            f"made public {first.made_public}); whether {state_name} had received the Court's "
                            "request to arrest and surrender him is not public.",
                    caveats=(*caveats, Caveat(
                        "sealed", "The duty to arrest arises when a state receives the Court's request for arrest "
                        "and surrender or for provisional arrest (arts. 89(1), 59(1), 91, 92), not when the warrant "
                        "is made public; no recorded request, arrest or finding shows that this state received one.")),
                    sources=(*srcs, *sources), **common)
            undecided = [w for w in ctx.warrants if w.state is WarrantState.UNDETERMINED]
            reasons = "; ".join(w.explain() for w in ctx.warrants) or \
                f"no ICC arrest warrant is recorded for {person.name}"
            return Assessment(outcome=Outcome.UNDETERMINED if undecided else Outcome.NO_ACTIVE_WARRANT,
                              summary=f"No ICC warrant for {person.name} is in force on {on}: {reasons}.",
                              caveats=tuple(caveats), sources=(*srcs, *sources), **common)

    common = dict(person=person.id, person_name=person.name, state=state, state_name=state_name,
                  on=on, standing=described, record=record, warrants=ctx.warrant_ids,
                  place=place, place_name=place_name, reviewed=kb.reviewed)
    warrant_text = ctx.warrant_text
    sources += [*standing_sources, *ctx.sources]
    caveats += _death_and_custody(kb, ctx, state)
    if occupied is not None:
        caveat, srcs = _place_caveat(kb, ctx, occupied)
        caveats.append(caveat)
        sources += srcs
    home = ctx.home

    def done(outcome: Outcome, summary: str, basis: tuple[Basis, ...] = ()) -> Assessment:
        extra = []
        if ctx.immunity and outcome.duty and state != home:
            extra.append(ctx.immunity)
        return Assessment(outcome=outcome, summary=summary, basis=basis,
                          caveats=tuple(extra + caveats), sources=tuple(dict.fromkeys(sources)), **common)

    if standing.standing is Standing.UNDETERMINED:
        return _undetermined_standing(kb, ctx, state, state_name, standing, caveats, sources, common)

    # Territorial scope: a ratification may not (yet) extend to a territory of the state.
    scope = territory_scope(kb, state, place, place_name, on) if place and occupied is None and successor is None \
        else None
    if scope is not None:
        sources += scope.sources
        caveats.append(Caveat("territory", scope.text.strip()))

    # Rule 2: a state party, the Statute in force for it and its ratification covering the place.
    if standing.standing is Standing.PARTY and (scope is None or scope.covered):
        pending = _pending_withdrawal_caveat(standing)
        caveats += [c for c in (pending, CONSULTATION) if c]
        if person.nationality == state:
            caveats.append(Caveat("national", f"{person.name} is a national of {state_name}. "
                                  "Surrender to the Court is not extradition (art. 102), and the "
                                  "Statute allows no refusal on grounds of nationality."))
        where = f" in {place_name}" if place_name else " on its territory"
        return done(Outcome.OBLIGED,
                    f"{state_name}, a state party since {standing.since}, is bound to arrest and surrender "
                    f"{person.name} to the Court if found{where} on {on} ({warrant_text}).", PARTY_BASIS)
    if standing.standing is Standing.PARTY and scope is not None and scope.covered is None:
        return done(Outcome.UNDETERMINED,
                    f"{state_name} is a state party on {on}, but whether its ratification extends to "
                    f"{place_name} is not settled by the recorded facts. If it does, {state_name} is bound to "
                    f"arrest and surrender {person.name} there (arts. 86, 89(1)); if not, it has no duty "
                    "under the Statute there.")

    # Rule 3: withdrawal in effect, but the matter was before the Court while the state was a party.
    if standing.standing is Standing.WITHDRAWN:
        assert standing.withdrawal is not None and standing.withdrawal.effective is not None
        earlier, unknown = _residual(ctx.situations, standing.withdrawal.effective, state)
        if earlier:
            caveats += [Caveat("residual_duty", "Whether art. 127(2) obliges a former party to arrest is "
                               "contested: it preserves cooperation in investigations and proceedings "
                               "commenced, and any matter under consideration by the Court, before the "
                               "withdrawal took effect. Pre-Trial Chamber I held in October 2025 (Duterte) "
                               "that a preliminary examination is such a matter; withdrawing states have "
                               "disputed that their duties survive.", contested=True), CONSULTATION]
            sources += [src for s in earlier for src in s.sources]
            return done(Outcome.RESIDUAL_DUTY,
                        f"{state_name}'s withdrawal took effect on {standing.since}, but "
                        f"{', '.join(_since_text(s, state) for s in earlier)} was before the Court before that, so a "
                        f"duty to cooperate arguably survives under art. 127(2) ({warrant_text}).",
                        (RESIDUAL_BASIS, *PARTY_BASIS[:2]))
        if unknown:
            return done(Outcome.UNDETERMINED,
                        f"{state_name}'s withdrawal took effect on {standing.since}; whether art. 127(2) keeps "
                        "a duty depends on when the matter came before the Court, which is not recorded "
                        "precisely enough for " + ", ".join(s.name for s in unknown) + ".")

    # Rule 4: bound by a Security Council decision or by its own art. 12(3) declaration.
    resolutions = _binding_resolutions(kb, state, ctx.situations)
    declarations = _declarations(kb, state, on, ctx)
    if resolutions or declarations:
        basis: list[Basis] = []
        for r in resolutions:
            basis.append(Basis(f"S/RES/{r.resolution} ({r.adopted.year})", r.binding_text))
            sources += r.sources
        if resolutions:
            basis += UNSC_BASIS
        for d in declarations:
            basis.append(Basis(_declaration_ref(d, state_name), "accepts the Court's jurisdiction over "
                               "the situation for the period covering the warrant's alleged crimes"))
            sources += d.sources
        if declarations:
            basis.append(DECLARATION_BASIS)
            if any(_covers(d, w, on) is None for d in declarations for w in ctx.active):
                caveats.append(Caveat("declaration_period", "The period of the warrant's alleged crimes is "
                                      "not recorded, so every declaration for the situation is cited."))
        instruments = [f"Security Council resolution {r.resolution}" for r in resolutions] + \
            [f"its art. 12(3) declaration of {d.lodged}" for d in declarations]
        caveats.append(CONSULTATION)
        return done(Outcome.OBLIGED_OTHER,
                    f"{state_name} is not a state party on {on} ({described}) but is bound to "
                    f"cooperate by {' and '.join(instruments)}, which includes arresting {person.name} "
                    f"({warrant_text}).", tuple(basis))

    # Rule 5: no duty. Say why, and what the state could still do.
    if standing.standing is Standing.SIGNATORY:
        caveats.append(SIGNATORY)
    if standing.standing is Standing.SIGNATURE_WITHDRAWN and standing.membership:
        caveats.append(Caveat("signature_withdrawn", f"{state_name} signed the Statute on "
                              f"{standing.membership.signed} but notified the depositary on "
                              f"{standing.membership.signature_withdrawn} that it does not intend to become a "
                              "party. It is therefore no longer bound even by the obligation of a signatory "
                              "not to defeat the treaty's object and purpose (Vienna Convention on the Law "
                              "of Treaties, art. 18(a)). Reporting often confuses signatories with parties."))
    if standing.standing is Standing.PENDING_ENTRY_INTO_FORCE and standing.membership:
        m = standing.membership
        caveats.append(Caveat("pending_entry_into_force", f"{state_name} deposited its instrument "
                              f"on {m.deposited}; the Statute enters into force for it on "
                              f"{m.entry_into_force} (art. 126(2)). Until then it has no Part 9 "
                              "duty, though it must not defeat the treaty's object and purpose "
                              "(Vienna Convention on the Law of Treaties, art. 18)."))
    caveats += ctx.urged
    sources += ctx.urged_sources
    caveats.append(VOLUNTARY)
    if standing.standing is Standing.PARTY:  # a territory its ratification did not reach
        return done(Outcome.NOT_OBLIGED,
                    f"{state_name} is a state party, but its ratification did not extend to {place_name} on "
                    f"{on}, and no Security Council decision or declaration binds it for the case: it has no "
                    f"legal duty to arrest {person.name} there ({warrant_text}).")
    return done(Outcome.NOT_OBLIGED,
                f"{state_name} {_NO_DUTY_REASONS[standing.standing]} and is bound by no Security Council decision "
                f"or declaration covering the case: it has no legal duty to arrest {person.name} on {on} "
                f"({warrant_text}).")


def _undetermined_standing(kb: KnowledgeBase, ctx: PersonOn, state: str, state_name: str,
                           standing: StandingOn, caveats: list[Caveat], sources: list[str],
                           common: dict) -> Assessment:
    """Where the state's standing itself is unsettled, give each branch with its basis, and what they share."""
    w = standing.withdrawal
    if w is None or w.effective is None or w.revoked is None:
        return Assessment(outcome=Outcome.UNDETERMINED, summary=f"{state_name}'s standing under the "
                          f"Statute on {ctx.on} cannot be settled: {standing.reason}.",
                          caveats=tuple(caveats), sources=tuple(dict.fromkeys(sources)), **common)
    earlier, unknown = _residual(ctx.situations, w.effective, state)
    branch_a = (f"If the revocation reported for {w.revoked} stands (a notification of withdrawal may be "
                "revoked before it takes effect; Vienna Convention on the Law of Treaties, art. 68), "
                f"{state_name} is still a party and bound to arrest and surrender {ctx.person.name} "
                "(arts. 86, 89(1)).")
    if earlier and not unknown:
        branch_b = (f"If it does not, the withdrawal took effect on {w.effective}, but "
                    f"{', '.join(_since_text(s, state) for s in earlier)} was before the Court before then, so a duty "
                    "arguably survives under art. 127(2) (contested).")
        shared = (f" Either way {state_name} has a duty, full or residual, towards {ctx.person.name}'s "
                  f"warrant ({ctx.warrant_text}).")
    else:
        branch_b = (f"If it does not, the withdrawal took effect on {w.effective}, and art. 127(2) keeps a "
                    "duty only for matters before the Court before then, which does not clearly include this one.")
        shared = ""
    caveats = [*caveats, Caveat("standing_branches", f"{branch_a} {branch_b}", contested=True)]
    if shared and ctx.immunity and state != ctx.home:  # a duty on either branch: the argument matters
        caveats.insert(0, ctx.immunity)
    return Assessment(outcome=Outcome.UNDETERMINED,
                      summary=f"{state_name}'s standing under the Statute on {ctx.on} cannot be settled: a "
                              f"revocation of its withdrawal is reported but not confirmed by the depositary. "
                              f"{branch_a} {branch_b}{shared}",
                      basis=(PARTY_BASIS[0], PARTY_BASIS[1], RESIDUAL_BASIS),
                      caveats=tuple(caveats), sources=tuple(dict.fromkeys(sources)), **common)


def _area_name(code: str) -> str:
    from warrantwatch.records.resolve import area_name

    return area_name(code)


def future_caveat(on: dt.date, as_of: dt.date | None) -> Caveat | None:
    """For a day after `as_of` (today): what the recorded facts can and cannot settle in advance.
    The Statute fixes the earliest day a new withdrawal or a new ratification could take effect."""
    if as_of is None or on <= as_of:
        return None
    no_exit_before = withdrawal_effective_for(as_of + dt.timedelta(days=1))
    no_entry_before = entry_into_force_for(as_of + dt.timedelta(days=1))
    return Caveat("future", f"{on} is after {as_of}: this applies the facts recorded up to {as_of}. "
                  f"A withdrawal notified after {as_of} cannot take effect before {no_exit_before} "
                  f"(art. 127(1)), nor a ratification or accession deposited after it before "
                  f"{no_entry_before} (art. 126(2)); but a warrant can be issued, executed or "
                  "withdrawn, an art. 12(3) declaration lodged or a Security Council resolution "
                  "adopted at any time, and offices held (and so immunity arguments) can change.")


def _with_future(assessment: Assessment, *caveats: Caveat | None,
                 reviewed: dt.date | None = None) -> Assessment:
    # The constructor called directly: msgspec.structs.replace() costs more, and this
    # runs once per state in world().
    a = assessment
    return Assessment(a.person, a.person_name, a.state, a.state_name, a.on, a.outcome, a.summary, a.standing,
                      a.basis, (*a.caveats, *(c for c in caveats if c is not None)), a.warrants, a.record,
                      a.sources, reviewed, a.place, a.place_name)


def assess(kb: KnowledgeBase, person_id: str, state: str, on: dt.date,
           as_of: dt.date | None = None, place: str | None = None) -> Assessment:
    """Is `state` bound to arrest `person_id` if the person is on its territory on `on`?
    `place`: a territory code or an occupied place's id, resolved to `state`.
    `as_of`: the day the question is asked (today); a later `on` gets the `future` caveat, and an
    `on` after the record's review stamp (or an `as_of` long after it) the `review_age` caveat."""
    answer = assess_state(kb, person_on(kb, person_id, on), *state_then(kb, state, on, place))
    return _with_future(answer, evidence_caveat(kb, answer), future_caveat(on, as_of),
                        currency_caveat(kb.reviewed, on, as_of, kb.evidence_to), reviewed=kb.reviewed)


def state_then(kb: KnowledgeBase, state: str, on: dt.date, place: str | None = None) -> tuple[str, str | None]:
    """(state, place) as they stood on `on`: a state not yet independent then is a place of the state it
    was part of (South Sudan before 9 July 2011 is a place of Sudan; Montenegro before 3 June 2006 of the
    union of Serbia and Montenegro, recorded as Serbia)."""
    record = kb.state_by_code.get(state)
    before = record.part_of_on(on) if record is not None and place is None else None
    return (before, state) if before is not None else (state, place)


def world(kb: KnowledgeBase, person_id: str, on: dt.date, as_of: dt.date | None = None) -> World:
    """assess() for every state in the knowledge base, sharing the person's context."""
    ctx = person_on(kb, person_id, on)
    caveats = tuple(c for c in (future_caveat(on, as_of), currency_caveat(kb.reviewed, on, as_of, kb.evidence_to))
                    if c is not None)
    weak = weak_records(kb)
    answers = []
    for state in kb.states:
        a = assess_state(kb, ctx, *state_then(kb, state.iso3, on))  # carries kb.reviewed already
        quality = evidence_caveat(kb, a, weak)
        if quality is not None or caveats:
            a = _with_future(a, quality, *caveats, reviewed=kb.reviewed)
        answers.append(a)
    return World(ctx.person.id, ctx.person.name, on, tuple(answers), reviewed=kb.reviewed, caveats=caveats)
