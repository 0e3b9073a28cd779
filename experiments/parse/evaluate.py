"""Issue 11's parse experiment: does a dependency parse of the candidate sentences improve extraction?

Runs `extract` (the rules and the learned stage, as shipped) on every development set and, beside it,
`extract` followed by the readings of `readings.py` (spaCy, en_core_web_sm 3.8.0), each alone and all
together, and prints whole-event precision / recall / F1 (correct/found/expected) per set:

- `kind`: the kind of a planned / occurred / cancelled event from the parse of the place in its
  evidence sentence (negation → cancelled, a video medium → remote, a modal → planned, a past verb that
  governs the place → occurred; `parse.kind_of`);
- `arrest`: arrests the parse reads (the passive subject or object of "arrested", "detained",
  "captured", "surrendered", "handed over"; the place the verb governs with "in"/"at" or that names the
  arresting authorities; `parse.arrests`), added where the rules found no arrest of that person.

Only sentences that hold a place and a person, title or pronoun (kind), or an arrest verb (arrest) are
parsed. Never a `*final7*` set (the untouched set; the lead evaluates it).

    python experiments/parse/evaluate.py [--errors READING] [SET ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import math
import re
import sys
from pathlib import Path

from warrantwatch.news.dates import resolve_all, scan
from warrantwatch.news.evaluate import evaluate, load_items
from warrantwatch.news.extract import _OBJECT_OF, COURT_SEAT, Event, _undated, extract, normalise, sentence_spans
from warrantwatch.news.gazetteer import gazetteer_for
from warrantwatch.records.knowledge import bundled

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT / "scripts")]
import readings as parse  # noqa: E402
from train_event_model import UNTOUCHED_SETS  # noqa: E402

_ARREST_WORD = re.compile(r"\b(?:arrest|detain|captur|apprehend|surrender|seiz|handed)", re.I)
_DOCS: dict[str, object] = {}


def _doc(sentence: str):
    doc = _DOCS.get(sentence)
    if doc is None:
        doc = _DOCS[sentence] = parse.load()(sentence)
    return doc


def _kind(kb, text: str, published: dt.date, events: list[Event]) -> list[Event]:
    gazetteer = gazetteer_for(kb)
    out = []
    for event in events:
        sentence = event.evidence[0] if event.evidence else ""
        hit = next((h for h in gazetteer.find(sentence, published)
                    if h.kind == "place" and h.value == event.host and not h.demonym), None)
        if hit is not None and sentence[hit.start:hit.end] == hit.text:
            kind = parse.kind_of(_doc(sentence), hit.start, hit.end, event.kind)
            if kind is not None:
                event = dataclasses.replace(event, kind=kind)
        out.append(event)
    return out


def _arrest(kb, text: str, published: dt.date, events: list[Event]) -> list[Event]:
    gazetteer = gazetteer_for(kb)
    norm = normalise(text)
    last_person = None
    out = list(events)
    for start, end in sentence_spans(norm):
        sentence = norm[start:end]
        hits = gazetteer.find(sentence, published)
        people = [h for h in hits if h.kind != "place"]
        if _ARREST_WORD.search(sentence):
            places = [h for h in hits if h.kind == "place" and sentence[h.start:h.end] == h.text]
            for arrest in parse.arrests(_doc(sentence), [(h.start, h.end) for h in places]):
                if not arrest.places:
                    continue
                inside = [h for h in people if arrest.patient[0] <= h.start < arrest.patient[1]]
                if inside:
                    person = inside[0].value  # the head of the phrase, not a name in its aside
                elif arrest.pronoun and last_person:
                    person = last_person
                else:
                    continue
                host = next(h.value for h in places if (h.start, h.end) == arrest.places[0])
                if host == COURT_SEAT or any(e.person == person and e.kind == "arrest" for e in out):
                    continue
                dates = [d for d in resolve_all(scan(sentence), published, False)
                         if arrest.subtree[0] <= d.start < arrest.subtree[1] and d.first <= published]
                date = min(dates, key=lambda d: (d.span_days, d.start)) if dates else None
                event = Event(person, host, "arrest", date.as_partial if date else None, (sentence,),
                              date.text if date else None, 0.6)
                out.append(_undated(event, published))
        # the last person named as a subject, not after a preposition ("under Muammar Gaddafi")
        subjects = [h for h in people if not _OBJECT_OF.search(sentence, max(0, h.start - 45), h.start)]
        if subjects:
            last_person = subjects[-1].value
    return out


READINGS = {"kind": _kind, "arrest": _arrest}


def parse_features(event: Event) -> dict[str, float]:
    """What the parse says of a candidate's place in its evidence sentence, as features of the learned stage."""
    reading = event.reading
    if reading is None or reading.place is None:
        return {"parse:no_place": 1.0}
    doc = _doc(reading.sentence)
    start, end = reading.place
    place = parse.read_place(doc, start, end)
    if place is None or not place.verb:
        return {"parse:no_verb": 1.0}
    f = {f"parse:prep={place.preposition or '-'}": 1.0}
    for name in ("modal", "negated", "past", "direct", "passive"):
        if getattr(place, name):
            f[f"parse:{name}"] = 1.0
    if parse.remote(doc, start, end):
        f["parse:remote"] = 1.0
    if parse.kind_of(doc, start, end, event.kind) is not None:
        f["parse:kind_disagrees"] = 1.0
    if event.kind == "arrest" and any((start, end) in a.places for a in parse.arrests(doc, [(start, end)])):
        f["parse:arrest_at_place"] = 1.0
    return f


def model_cv(sets: list[Path]) -> None:
    """Leave-one-set-out figures of the learned stage with and without the parse features (C and the alert
    threshold chosen by a nested leave-one-set-out on the training sets, as `train_event_model.py --cv`)."""
    from sklearn.metrics import roc_auc_score
    from train_event_model import _counts, _scored, alert_threshold, choose, fit, label

    kb = bundled()
    labelled = [label(kb, s) for s in sets]
    base = {id(c): dict(c.features) for s in labelled for c in s.candidates}
    extra = {id(c): {**base[id(c)], **parse_features(c.event)} for s in labelled for c in s.candidates}
    for name, table in (("learned stage as shipped", base), ("+ parse features", extra)):
        for s in labelled:
            for c in s.candidates:
                c.features = table[id(c)]
        probabilities, alerting, rows = {}, [0, 0, 0], []
        for held in labelled:
            train = [s for s in labelled if s is not held]
            c, _, inner = choose(train)
            alert = alert_threshold(train, inner, 0.0)
            model = fit([cand for s in train for cand in s.candidates], c)
            for cand in held.candidates:
                probabilities[id(cand)] = model.probability(cand.features)
            expected = sum(len(set(i.expected)) for i in held.items)
            tp, found, exp = _counts(_scored([held], probabilities), expected, alert)
            for i, v in enumerate((tp, found, exp)):
                alerting[i] += v
            rows.append(f"{held.name} {tp}/{found}/{exp} (C {c}, alert {alert:.2f})")
        cands = [c for s in labelled for c in s.candidates]
        y = [c.right for c in cands]
        p = [probabilities[id(c)] for c in cands]
        loss = -sum(math.log(max(1e-12, q if r else 1 - q)) for q, r in zip(p, y, strict=True)) / len(y)
        tp, found, exp = alerting
        print(f"{name}: {len(cands)} candidates ({sum(y)} right); held-out log-loss {loss:.4f}, "
              f"ROC AUC {roc_auc_score(y, p):.3f}; alerting precision {tp / found:.3f}, recall {tp / exp:.3f} "
              f"({tp}/{found}/{exp})")
        print("   " + "; ".join(rows))


def reader(names: tuple[str, ...]):
    def read(kb, text: str, published: dt.date) -> list[Event]:
        events = extract(kb, text, published)
        for name in names:
            events = READINGS[name](kb, text, published, events)
        return events
    return read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--errors", choices=[*READINGS, "all"], help="print the items whose events change")
    parser.add_argument("--model-cv", action="store_true",
                        help="the learned stage with and without parse features, leave-one-set-out")
    args = parser.parse_args()
    sets = args.sets or sorted(p for p in (ROOT / "tests" / "data").glob("news*") if p.is_dir())
    sets = [s for s in sets if s.resolve().name not in UNTOUCHED_SETS]
    if not sets:
        sys.exit("no set")
    if args.model_cv:
        model_cv(sets)
        return
    kb = bundled()
    variants = {"rules (today)": (), "+ kind": ("kind",), "+ arrest": ("arrest",), "+ both": ("kind", "arrest")}
    print("| set | " + " | ".join(variants) + " |")
    print("|---|" + "---|" * len(variants))
    totals = {v: [0, 0, 0] for v in variants}
    for folder in sorted(sets, key=lambda s: (s.name != "news-final6", s.name)):
        items = load_items(folder)
        cells = []
        for label, names in variants.items():
            report = evaluate(kb, items, reader(names))
            s = report.scores["event"]
            for i, v in enumerate((s.true_positives, s.predicted, s.expected)):
                totals[label][i] += v
            counts = f"({s.true_positives}/{s.predicted}/{s.expected})"
            cells.append(f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} {counts}")
        print(f"| `{folder.name}` | " + " | ".join(cells) + " |", flush=True)
        if args.errors:
            names = ("kind", "arrest") if args.errors == "all" else (args.errors,)
            for item in items:
                before = {(e.person, e.host, e.kind) for e in extract(kb, item.text, item.published)}
                after = reader(names)(kb, item.text, item.published)
                if {(e.person, e.host, e.kind) for e in after} != before:
                    now = [(e.person, e.host, e.kind, e.date and e.date.isoformat()) for e in after]
                    print(f"    {item.id}: now {now}; expected {sorted(item.expected)}")
    cells = []
    for c, f, e in totals.values():
        p, r = (c / f if f else 0.0), (c / e if e else 0.0)
        cells.append(f"{p:.3f} / {r:.3f} / {2 * p * r / (p + r) if p + r else 0.0:.3f} ({c}/{f}/{e})")
    print("| all | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
