"""assess() and world(): the obligation rules, in the order of DESIGN.md, each citing its basis.

Pure functions over an immutable KnowledgeBase. Facts (dates, decisions) come from the records;
the rules and the articles they rest on are stated here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from warrantwatch.law.assessment import Assessment, Basis, Caveat, HostRecord, Outcome, World
from warrantwatch.law.membership import Standing, StandingOn, standing_on
from warrantwatch.law.treaty import entry_into_force_for, withdrawal_effective_for
from warrantwatch.law.warrants import WarrantOn, WarrantState, warrant_on
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import (
    Declaration,
    Finding,
    Person,
    Position,
    PositionKind,
    Resolution,
    Situation,
    Visit,
    VisitKind,
    Warrant,
)

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
    "States Parties or the Security Council.")
VOLUNTARY = Caveat(
    "voluntary_cooperation", "A state without a duty may still cooperate: the Court may invite it "
    "to assist on the basis of an ad hoc arrangement or agreement (art. 87(5)(a)), and it may act "
    "on a request transmitted through INTERPOL (art. 87(1)(b)).")
SIGNATORY = Caveat(
    "signatory", "A signatory that has not ratified is not a party and has no duty to arrest; its "
    "only obligation is to refrain from acts that would defeat the treaty's object and purpose "
    "(Vienna Convention on the Law of Treaties, art. 18). Reporting often confuses signatories "
    "with parties.")
IMMUNITY_OFFICES = (PositionKind.head_of_state, PositionKind.head_of_government,
                    PositionKind.foreign_minister)


@dataclass(frozen=True, slots=True)
class PersonOn:
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
    warrant_text: str  # "the ICC warrants of 2009-03-04 and 2010-07-12", for summaries (ids stay in `warrants`)


def _held_on(position: Position, on: dt.date) -> bool:
    started = position.from_ is None or position.from_.on_or_before(on) is not False
    ended = position.to is not None and position.to.last_day < on
    return started and not ended


def _binding_resolutions(kb: KnowledgeBase, state: str,
                         situations: tuple[Situation, ...]) -> list[Resolution]:
    return [r for s in situations for r in kb.resolutions_for.get(s.id, ()) if state in r.binds]


def _decision_ref(finding: Finding) -> str:
    doc = f", {finding.document}" if finding.document else ""
    return f"{finding.chamber}, {finding.date}{doc} ({finding.state})"


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
                 + "; ".join(_decision_ref(f) for f in rulings) + ".")
    else:
        text += "The Court had not yet ruled on this argument at that date."
    return Caveat("immunity", text, contested=True)


def person_on(kb: KnowledgeBase, person_id: str, on: dt.date) -> PersonOn:
    person = kb.person_by_id[person_id]
    states = tuple(warrant_on(w, on) for w in kb.warrants_of.get(person_id, ()))
    active = tuple(s.warrant for s in states if s.active)
    situations = tuple({w.situation: kb.situation_by_id[w.situation] for w in active}.values())
    sources = tuple(dict.fromkeys(src for w in active for src in w.sources))
    urging = [r for s in situations for r in kb.resolutions_for.get(s.id, ()) if r.urges_text]
    urged = tuple(Caveat("urged", f"S/RES/{r.resolution} ({r.adopted.year}) urges all states to "
                         f"cooperate, but binds only {', '.join(r.binds)}: \"{r.urges_text}\"")
                  for r in urging)
    ids = tuple(w.id for w in active)
    days = [str(w.issued) for w in active]
    text = ("the ICC warrant of " + days[0] if len(days) == 1
            else "the ICC warrants of " + ", ".join(days[:-1]) + " and " + days[-1]) if days else ""
    return PersonOn(person, on, states, active, situations,
                    _immunity_caveat(kb, person, on, situations), sources, urged,
                    tuple(src for r in urging for src in r.sources), ids, text)


NO_RECORD = HostRecord()


def host_record(kb: KnowledgeBase, state: str, on: dt.date) -> HostRecord:
    if state not in kb.visits_to and state not in kb.findings_against:
        return NO_RECORD
    visits = tuple(v for v in kb.visits_to.get(state, ()) if v.start.first_day <= on)
    findings = tuple(f for f in kb.findings_against.get(state, ()) if f.date.first_day <= on)
    return HostRecord(visits, findings)


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


def _residual(kb: KnowledgeBase, standing: StandingOn,
              situations: tuple[Situation, ...]) -> tuple[list[Situation], list[Situation]]:
    """Situations opened before the withdrawal took effect, and those whose opening is unknown."""
    assert standing.withdrawal is not None and standing.withdrawal.effective is not None
    effective = standing.withdrawal.effective.first_day
    earlier, unknown = [], []
    for situation in situations:
        opened = situation.investigation_opened
        if opened is None or opened.on_or_before(effective) is None:
            unknown.append(situation)
        elif opened.last_day < effective:
            earlier.append(situation)
    return earlier, unknown


def _declarations(kb: KnowledgeBase, state: str, on: dt.date,
                  situations: tuple[Situation, ...]) -> list[Declaration]:
    ids = {s.id for s in situations}
    return [d for d in kb.declarations_of.get(state, ())
            if d.situation in ids and d.lodged.last_day <= on]


SEALED_REACH = ("A sealed warrant binds the states to which the Court sends a request for arrest and "
                "surrender (arts. 89(1), 58(5)); which states received one is not public.")


def _visits_covering(kb: KnowledgeBase, person: str, state: str, on: dt.date) -> list[Visit]:
    return [v for v in kb.visits_to.get(state, ()) if v.person == person
            and v.start.first_day <= on <= (v.end or v.start).last_day]


def _findings_for_visit(visits: list[Visit], kb: KnowledgeBase, state: str) -> list[Finding]:
    """Non-compliance findings against `state` about these visits: proof that the Court's request
    had reached the state, however sealed the warrant was."""
    starts = {v.start for v in visits}
    return [f for f in kb.findings_against.get(state, ())
            if f.non_compliance and f.visit is not None and f.visit in starts
            and any(f.person == v.person for v in visits)]


def _sealed_request_text(finding: Finding, state_name: str) -> str:
    return (f"{finding.chamber} found on {finding.date} that {state_name} failed to comply with the "
            f"Court's request to arrest and surrender the person during this visit (art. 87(7)"
            f"{', ' + finding.document if finding.document else ''}): the request had reached "
            f"{state_name} while the warrant was still sealed.")


def assess_state(kb: KnowledgeBase, ctx: PersonOn, state: str) -> Assessment:
    """The rules for one host state, given the person's situation on the day."""
    person, on = ctx.person, ctx.on
    state_name = kb.state_by_code[state].name
    standing = standing_on(kb, state, on)
    record = host_record(kb, state, on)
    common = dict(person=person.id, person_name=person.name, state=state, state_name=state_name,
                  on=on, standing=standing.describe(), record=record,
                  warrants=ctx.warrant_ids)

    # Rule 1: no public warrant outstanding.
    if not ctx.active:
        undecided = [w for w in ctx.warrants if w.state is WarrantState.UNDETERMINED]
        reasons = "; ".join(w.explain() for w in ctx.warrants) or \
            f"no ICC arrest warrant is recorded for {person.name}"
        sealed = [w for w in ctx.warrants if w.state is WarrantState.SEALED]
        caveats = tuple(Caveat("sealed", f"{w.explain()}. {SEALED_REACH}") for w in sealed)
        sources = tuple(dict.fromkeys(s for w in ctx.warrants for s in w.warrant.sources))
        summary = f"No public ICC warrant for {person.name} is outstanding on {on}: {reasons}."
        visits = _visits_covering(kb, person.id, state, on) if sealed else []
        findings = _findings_for_visit(visits, kb, state)
        arrests = [v for v in visits if v.kind is VisitKind.arrest] if not findings else []
        if arrests:
            arrest = arrests[0]
            caveats += (Caveat("sealed_request", f"{state_name} arrested {person.name} on {arrest.start} "
                               "on the Court's request under the sealed warrant: the request had "
                               f"reached {state_name} before the warrant was public."),)
            sources += tuple(s for s in arrest.sources if s not in sources)
            summary += (f" {state_name} nonetheless arrested {person.name} on {arrest.start} at the "
                        "Court's request under the sealed warrant.")
        if findings:
            first = min(findings, key=lambda f: f.date.first_day)
            caveats += (Caveat("sealed_request", _sealed_request_text(first, state_name)),)
            sources += tuple(s for s in first.sources if s not in sources)
            summary += (f" The Court had nonetheless asked {state_name} to arrest {person.name} under "
                        f"the sealed warrant, and later found that it failed to comply "
                        f"({first.chamber}, {first.date}).")
        outcome = Outcome.UNDETERMINED if undecided else Outcome.NO_ACTIVE_WARRANT
        return Assessment(outcome=outcome, summary=summary, caveats=caveats, sources=sources, **common)

    warrant_ids = ctx.warrant_text
    caveats: list[Caveat] = []
    if ctx.immunity:
        caveats.append(ctx.immunity)
    sources = list(standing.sources) + list(ctx.sources)

    if standing.standing is Standing.UNDETERMINED:
        return Assessment(outcome=Outcome.UNDETERMINED, summary=f"{state_name}'s standing under "
                          f"the Statute on {on} cannot be settled: {standing.reason}.",
                          caveats=tuple(caveats), sources=tuple(dict.fromkeys(sources)), **common)

    # Rule 2: a state party, the Statute in force for it.
    if standing.standing is Standing.PARTY:
        pending = _pending_withdrawal_caveat(standing)
        caveats += [c for c in (pending, CONSULTATION) if c]
        if person.nationality == state:
            caveats.append(Caveat("national", f"{person.name} is a national of {state_name}. "
                                  "Surrender to the Court is not extradition (art. 102), and the "
                                  "Statute allows no refusal on grounds of nationality."))
        return Assessment(
            outcome=Outcome.OBLIGED,
            summary=f"{state_name}, a state party since {standing.since}, is bound to arrest "
                    f"and surrender {person.name} to the Court if found on its territory on "
                    f"{on} (under {warrant_ids}).",
            basis=PARTY_BASIS, caveats=tuple(caveats), sources=tuple(dict.fromkeys(sources)),
            **common)

    # Rule 3: withdrawal in effect, but the investigation began while the state was a party.
    if standing.standing is Standing.WITHDRAWN:
        earlier, unknown = _residual(kb, standing, ctx.situations)
        if earlier:
            names = ", ".join(f"{s.name} (investigation opened {s.investigation_opened})"
                              for s in earlier)
            caveats += [Caveat("residual_duty", "Whether art. 127(2) obliges a former party to "
                               "arrest in such investigations is contested: the Court has held "
                               "that cooperation duties continue, and withdrawing states have "
                               "disputed this.", contested=True), CONSULTATION]
            sources += [src for s in earlier for src in s.sources]
            return Assessment(
                outcome=Outcome.RESIDUAL_DUTY,
                summary=f"{state_name}'s withdrawal took effect on {standing.since}, but {names} "
                        f"began before that, so a duty to cooperate arguably survives under "
                        f"art. 127(2) (under {warrant_ids}).",
                basis=(RESIDUAL_BASIS, *PARTY_BASIS[:2]), caveats=tuple(caveats),
                sources=tuple(dict.fromkeys(sources)), **common)
        if unknown:
            return Assessment(
                outcome=Outcome.UNDETERMINED,
                summary=f"{state_name}'s withdrawal took effect on {standing.since}; whether "
                        "art. 127(2) keeps a duty depends on when the investigation opened, "
                        "which is not recorded precisely enough for "
                        + ", ".join(s.name for s in unknown) + ".",
                caveats=tuple(caveats), sources=tuple(dict.fromkeys(sources)), **common)

    # Rule 4: bound by a Security Council decision or by its own art. 12(3) declaration.
    resolutions = _binding_resolutions(kb, state, ctx.situations)
    declarations = _declarations(kb, state, on, ctx.situations)
    if resolutions or declarations:
        basis: list[Basis] = []
        for r in resolutions:
            basis.append(Basis(f"S/RES/{r.resolution} ({r.adopted.year})", r.binding_text))
            sources += r.sources
        if resolutions:
            basis += UNSC_BASIS
        for d in declarations:
            basis.append(Basis(f"{state_name}'s art. 12(3) declaration of {d.lodged}",
                               "accepts the Court's jurisdiction over the situation"))
            sources += d.sources
        if declarations:
            basis.append(DECLARATION_BASIS)
        instruments = [f"Security Council resolution {r.resolution}" for r in resolutions] + \
            [f"its art. 12(3) declaration of {d.lodged}" for d in declarations]
        caveats.append(CONSULTATION)
        return Assessment(
            outcome=Outcome.OBLIGED_OTHER,
            summary=f"{state_name} is not a state party on {on} ({standing.describe()}) but is "
                    f"bound to cooperate by {' and '.join(instruments)}, which includes arresting "
                    f"{person.name} (under {warrant_ids}).",
            basis=tuple(basis), caveats=tuple(caveats), sources=tuple(dict.fromkeys(sources)),
            **common)

    # Rule 5: no duty. Say why, and what the state could still do.
    reasons = {
        Standing.NON_SIGNATORY: "has never signed nor acceded to the Statute",
        Standing.SIGNATORY: "signed the Statute but never ratified it",
        Standing.SIGNATURE_WITHDRAWN: "signed the Statute but later gave notice that it does "
                                      "not intend to become a party",
        Standing.PENDING_ENTRY_INTO_FORCE: "has deposited its instrument, but the Statute is not "
                                           "yet in force for it",
        Standing.WITHDRAWN: "withdrew from the Statute, and the investigation began after the "
                            "withdrawal took effect",
    }
    if standing.standing in (Standing.SIGNATORY, Standing.SIGNATURE_WITHDRAWN):
        caveats.append(SIGNATORY)
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
    return Assessment(
        outcome=Outcome.NOT_OBLIGED,
        summary=f"{state_name} {reasons[standing.standing]} and is bound by no Security Council "
                f"decision or declaration covering the case: it has no legal duty to arrest "
                f"{person.name} on {on} (under {warrant_ids}).",
        caveats=tuple(caveats), sources=tuple(dict.fromkeys(sources)), **common)


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


def _with_future(assessment: Assessment, caveat: Caveat | None) -> Assessment:
    if caveat is None:
        return assessment
    return dataclasses.replace(assessment, caveats=(*assessment.caveats, caveat))


def assess(kb: KnowledgeBase, person_id: str, state: str, on: dt.date,
           as_of: dt.date | None = None) -> Assessment:
    """Is `state` bound to arrest `person_id` if the person is on its territory on `on`?
    `as_of`: the day the question is asked (today); a later `on` gets the `future` caveat."""
    return _with_future(assess_state(kb, person_on(kb, person_id, on), state), future_caveat(on, as_of))


def world(kb: KnowledgeBase, person_id: str, on: dt.date, as_of: dt.date | None = None) -> World:
    """assess() for every state in the knowledge base, sharing the person's context."""
    ctx = person_on(kb, person_id, on)
    caveat = future_caveat(on, as_of)
    return World(ctx.person.id, ctx.person.name, on,
                 tuple(_with_future(assess_state(kb, ctx, s.iso3), caveat) for s in kb.states))
