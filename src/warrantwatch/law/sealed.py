"""Sealed warrants: the duty to arrest arises when a state receives the Court's request (arts. 89(1),
59(1), 91), not when the warrant is made public. What in the record proves that a state received one."""

from __future__ import annotations

import datetime as dt

import msgspec

from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.models import VisitKind, Warrant


class RequestProof(msgspec.Struct, frozen=True):
    warrant: Warrant
    text: str  # how the record shows that the request reached the state
    sources: tuple[str, ...]


def request_proof(kb: KnowledgeBase, warrant: Warrant, state: str, state_name: str,
                  on: dt.date) -> RequestProof | None:
    """A recorded request to `state` (sent by `on`, or executed), an arrest by `state` while the
    warrant was sealed, or a non-compliance finding against `state` about a visit while it was sealed."""
    person = kb.person_by_id[warrant.person].name
    for request in kb.requests_under.get(warrant.id, ()):
        if request.state != state:
            continue
        if request.sent is not None and request.sent.first_day <= on:
            text = f"the Court's request for arrest and surrender was sent to {state_name} on {request.sent}"
            if request.executed is not None:
                text += f", and {state_name} arrested {person} on it on {request.executed}"
            return RequestProof(warrant, text + ".", tuple(request.sources))
        if request.sent is None and request.executed is not None:
            return RequestProof(warrant, f"{state_name} executed the Court's request by arresting "
                                f"{person} on {request.executed}, while the warrant was sealed; the day "
                                f"the request reached {state_name} is not public, so whether it had "
                                f"arrived by {on} is not certain.", tuple(request.sources))
    sealed_until = warrant.made_public.first_day
    for visit in kb.visits_to.get(state, ()):
        stay_end = (visit.end or visit.start).last_day
        if (visit.person == warrant.person and visit.kind is VisitKind.arrest
                and visit.start.first_day <= sealed_until and warrant.issued.first_day <= stay_end):
            return RequestProof(warrant, f"{state_name} arrested {person} on the Court's request "
                                f"(stay beginning {visit.start}) while the warrant was still sealed.",
                                tuple(visit.sources))
    for finding in kb.findings_against.get(state, ()):
        if (finding.non_compliance and finding.person == warrant.person and finding.visit is not None
                and finding.visit.first_day <= sealed_until):
            doc = f", {finding.document}" if finding.document else ""
            return RequestProof(warrant, f"{finding.chamber} found on {finding.date} that {state_name} "
                                f"failed to comply with the Court's request to arrest and surrender "
                                f"{person} (art. 87(7){doc}): the request had reached {state_name} while "
                                "the warrant was sealed.", tuple(finding.sources))
    return None
