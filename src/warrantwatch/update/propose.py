"""Match what the sources say against the knowledge base: each fact is known, new or changed.

Nothing here writes to data/: the result is a list of proposals, each with the source it came from,
for a person to review (and, with `--write`, a patch in canonical form to apply and commit).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from warrantwatch.errors import WarrantWatchError
from warrantwatch.records.knowledge import KnowledgeBase
from warrantwatch.records.resolve import resolver_for
from warrantwatch.records.treaty import entry_into_force_for, withdrawal_effective_for
from warrantwatch.update.depositary import Note, Participant
from warrantwatch.update.icc import Event


@dataclass(frozen=True)
class Proposal:
    status: str  # new | changed | known
    file: str  # the data file it would change
    key: str  # the record it concerns
    summary: str
    source: str
    fields: dict[str, Any] = field(default_factory=dict)  # new record, or changed fields (new values)
    needs: str | None = None  # what a reviewer must add by hand before it can be written

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "file": self.file, "key": self.key, "summary": self.summary,
                "source": self.source, "fields": {k: str(v) if isinstance(v, dt.date) else v
                                                  for k, v in self.fields.items()},
                "needs": self.needs}


def _state(kb: KnowledgeBase, name: str) -> str | None:
    try:
        return resolver_for(kb).state(name)
    except WarrantWatchError:
        return None


def _person(kb: KnowledgeBase, name: str) -> str | None:
    try:
        return resolver_for(kb).person(name)
    except WarrantWatchError:
        return None


def membership(kb: KnowledgeBase, participants: list[Participant], url: str) -> list[Proposal]:
    out = []
    for p in participants:
        code = _state(kb, p.name)
        if code is None:
            out.append(Proposal("new", "states.yaml", p.name, f"participant {p.name!r} is not a known state",
                                url, needs="add the state, or a name for it, in states.yaml"))
            continue
        m = kb.membership_of.get(code)
        recorded = {"signed": m.signed if m else None, "deposited": m.deposited if m else None,
                    "deposit_kind": m.deposit_kind if m else None}
        changes: dict[str, Any] = {}
        for name, value in (("signed", p.signed), ("deposited", p.deposited), ("deposit_kind", p.deposit_kind)):
            old = recorded[name]
            if value is None:
                continue
            if name == "deposit_kind":
                if old != value and (old is not None or p.deposited is not None):
                    changes[name] = value.value
            elif old is None or not (old.is_exact and old.first_day == value):
                changes[name] = value
        if "deposited" in changes:
            changes["entry_into_force"] = entry_into_force_for(p.deposited)
        if not changes:
            out.append(Proposal("known", "membership.yaml", code, f"{code}: as recorded", url))
        elif m is None:
            out.append(Proposal("new", "membership.yaml", code,
                                f"{code}: new Rome Statute record ({_describe(changes)})", url, changes))
        else:
            out.append(Proposal("changed", "membership.yaml", code, f"{code}: {_describe(changes, m)}", url, changes))
    return out


def withdrawals(kb: KnowledgeBase, notes: list[Note], url: str) -> list[Proposal]:
    out = []
    for n in notes:
        code = _state(kb, n.state_name)
        source = f"{url} ({n.cn})" if n.cn else url
        if code is None:
            out.append(Proposal("new", "states.yaml", n.state_name, f"{n.state_name!r} is not a known state",
                                source, needs="add the state in states.yaml"))
            continue
        recorded = kb.withdrawals_of.get(code, ())
        if n.action == "withdrawal":
            if any(w.notified.is_exact and w.notified.first_day == n.on for w in recorded):
                out.append(Proposal("known", "withdrawals.yaml", f"{code} {n.on}", f"{code}: withdrawal "
                                    f"notified {n.on} as recorded", source))
                continue
            effective = n.effective or withdrawal_effective_for(n.on)
            fields = {"state": code, "notified": n.on, "effective": effective}
            out.append(Proposal("new", "withdrawals.yaml", f"{code} {n.on}", f"{code}: withdrawal notified {n.on}"
                                f", effective {effective}" + ("" if n.effective else " (computed, art. 127(1))"),
                                source, fields))
            continue
        # a revocation: it ends the latest withdrawal notified before it
        earlier = [w for w in recorded if w.notified.first_day <= n.on]
        if not earlier:
            out.append(Proposal("new", "withdrawals.yaml", f"{code} {n.on}", f"{code}: revocation on {n.on} of "
                                "a withdrawal that is not recorded", source, needs="record the withdrawal first"))
            continue
        target = max(earlier, key=lambda w: w.notified.sort_key)
        key = f"{code} {target.notified}"
        if target.revoked is not None and target.revoked.is_exact and target.revoked.first_day == n.on \
                and target.revocation_confirmed:
            out.append(Proposal("known", "withdrawals.yaml", key, f"{code}: revocation of {n.on} as recorded",
                                source))
            continue
        changes = {"revoked": n.on, "revocation_confirmed": True}
        was = f"recorded as {target.revoked} (unconfirmed)" if not target.revocation_confirmed else \
            f"recorded as {target.revoked}" if target.revoked else "not recorded"
        out.append(Proposal("changed", "withdrawals.yaml", key, f"{code}: withdrawal of {target.notified} revoked "
                            f"on {n.on}, confirmed by the depositary ({was})", source, changes))
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _situation(kb: KnowledgeBase, name: str | None) -> str | None:
    if not name:
        return None
    wanted = name.lower()
    for s in kb.situations:
        if wanted in s.name.lower() or wanted == s.id.replace("-", " "):
            return s.id
    return None


def warrants(kb: KnowledgeBase, events: list[Event]) -> list[Proposal]:
    out = []
    for e in events:
        pid = _person(kb, e.person_name)
        recorded = kb.warrants_of.get(pid, ()) if pid else ()
        if e.kind == "warrant":
            if any(w.issued.is_exact and w.issued.first_day == e.day for w in recorded):
                out.append(Proposal("known", "warrants.yaml", f"{pid} {e.day}", f"{pid}: warrant of {e.day} "
                                    "as recorded", e.url))
                continue
            situation = _situation(kb, e.situation)
            person = pid or _slug(e.person_name)
            fields = {"id": f"{person}-{e.day.year}", "person": person, "situation": situation,
                      "issued": e.day, "made_public": e.made_public or e.day}
            needs = []
            if pid is None and not any(p.key == person for p in out):
                out.append(Proposal("new", "persons.yaml", person, f"new person {e.person_name} (name as the "
                                    "release gives it; add aliases and nationality by hand)", e.url,
                                    {"id": person, "name": e.person_name}))
            if situation is None:
                needs.append(f"the situation ({e.situation or 'not named in the release'})")
            out.append(Proposal("new", "warrants.yaml", fields["id"], f"warrant for {e.person_name} issued {e.day}"
                                f", made public {fields['made_public']}" + ("" if pid else " (a new person)"),
                                e.url, fields, "; ".join(needs) or None))
            continue
        if pid is None or not recorded:
            out.append(Proposal("new", "warrants.yaml", e.person_name, f"{e.kind} of {e.person_name} on {e.day}, "
                                "who has no recorded warrant", e.url, needs="a warrant record for this person"))
            continue
        status = "in_custody" if e.kind == "custody" else "terminated"
        warrant = max(recorded, key=lambda w: w.issued.sort_key)
        if any(s.status.value == status and s.since.first_day <= e.day for w in recorded for s in w.status):
            out.append(Proposal("known", "warrants.yaml", warrant.id, f"{warrant.id}: {status} as recorded", e.url))
            continue
        out.append(Proposal("changed", "warrants.yaml", warrant.id, f"{warrant.id}: {status} since {e.day}",
                            e.url, {"status": {"since": e.day, "status": status}}))
    return out


def _describe(changes: dict[str, Any], before=None) -> str:
    parts = []
    for name, value in changes.items():
        old = getattr(before, name, None) if before is not None else None
        parts.append(f"{name} {old} → {value}" if old is not None else f"{name} {value}")
    return ", ".join(parts)
