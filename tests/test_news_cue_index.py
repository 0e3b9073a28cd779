"""The cue index (news.cue_index) answers every search exactly as the pattern's own search does, and
extraction with it gives the events extraction without it gives."""

import random
import re
import sys
from pathlib import Path

import pytest

from warrantwatch.news import cue_index, cues
from warrantwatch.news import extract as ex
from warrantwatch.news.cue_index import FOLD_TO_ASCII, Indexed, literal_starts, read_article
from warrantwatch.news.evaluate import load_items

DATA = Path(__file__).parent / "data"
SETS = ("news", "news-dev2", "news-dev3", "news-dev4")
SEED = (Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt").read_text(encoding="utf-8")


def _indexed(holders: bool = False) -> dict:
    found = {}
    for module in (cues, ex):
        for name, value in vars(module).items():
            wrapped = value if isinstance(value, Indexed) else getattr(value, "pattern", None)
            if isinstance(wrapped, Indexed):
                found[name] = value if holders else wrapped
    return found


def _articles() -> list[str]:
    texts = [SEED] + [item.text for name in SETS for item in load_items(DATA / name)]
    return [ex.normalise(t) for t in texts]


def test_the_sentence_patterns_are_indexed():
    names = _indexed()
    for name in ("TRAVEL", "CANCELLED", "FUTURE", "PAST", "ARREST"):
        assert name in names, name
    travel = names["TRAVEL"]  # and read like the compiled pattern
    assert travel.pattern == travel.regex.pattern and travel.flags == travel.regex.flags
    assert travel.findall("He will visit Mongolia.") == travel.regex.findall("He will visit Mongolia.")


def test_literal_starts_of_written_patterns():
    assert literal_starts(re.compile(r"\b(?:visit(?:s|ed)?|trip)\b", re.I)) == {"visit", "trip"}
    assert literal_starts(re.compile(r"\b(?:the )?(?:visit|tour)", re.I)) == {"the vi", "the to", "visit", "tour"}
    assert literal_starts(re.compile(r"(?<!\w)(?-i:Rec)eived [A-Z]", re.I)) == {"receiv"}
    assert literal_starts(re.compile(r"fl(?:y|ew)s?", re.I)) == {"fly", "flew"}
    assert literal_starts(re.compile(r"\w+ visit", re.I)) is None  # begins anywhere
    assert literal_starts(re.compile(r"(?:the )?visit|\bin\b", re.I)) is None  # "in": too short to help
    assert literal_starts(re.compile(r"(?=visit)", re.I)) is None  # matches the empty string


def test_the_letters_that_fold_to_ascii_unlike_lower():
    # every character that re.IGNORECASE matches to an ASCII letter while str.lower() does not give it
    letters = [(letter, re.compile(letter, re.I)) for letter in "abcdefghijklmnopqrstuvwxyz"]
    found = set()
    for code in range(128, sys.maxunicode + 1):
        ch = chr(code)
        if ch.lower() == ch and ch.upper() == ch:
            continue  # no case: matches only itself
        found.update(ch for letter, pattern in letters if pattern.fullmatch(ch) and ch.lower() != letter)
    assert found == set(FOLD_TO_ASCII)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups()


@pytest.mark.parametrize("name", sorted(_indexed()))
def test_search_through_the_index_is_the_patterns_own(name):
    wrapped = _indexed()[name]
    holder = _indexed(holders=True)[name]  # a cues.Prefiltered, or the pattern itself
    rng = random.Random(name)
    checked = 0
    for article in _articles():
        read_article(article, ex.sentence_spans(article))
        spans = ex.sentence_spans(article)
        texts = [article[a:b] for a, b in spans] + [article]
        texts += [article[a:b][: len(article[a:b]) // 2] for a, b in spans]  # a clause-like part
        for text in texts:
            windows = [(0, len(text))] + [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1))))
                                           for _ in range(4)] + [(rng.randrange(len(text) + 1), len(text) + 5)]
            for pos, endpos in windows:
                ours = wrapped.search(text, pos, endpos)
                theirs = wrapped.regex.search(text, pos, endpos)
                assert _same(ours, theirs), (name, text, pos, endpos)
                assert [m.span() for m in wrapped.finditer(text, pos, endpos)] == \
                    [m.span() for m in wrapped.regex.finditer(text, pos, endpos)], (name, text, pos, endpos)
                if holder is not wrapped:  # the prefilter's plain answer: the search, where an anchor occurs
                    plain = theirs if any(a in text.lower() for a in holder.anchors) else None
                    assert _same(holder.search(text, pos, endpos), plain), (name, text, pos, endpos)
                checked += 1
    cue_index.forget_article()
    assert checked > 1000


def test_a_text_with_letters_that_fold_apart_is_searched_without_the_index():
    article = "Putin will viſit Mongolia. He was ın Ulaanbaatar."
    read_article(article)
    assert cues.TRAVEL.search(article).group() == cues.TRAVEL.regex.search(article).group() == "viſit"
    cue_index.forget_article()


def test_extraction_with_the_index_is_extraction_without_it(kb, monkeypatch):
    items = [item for name in SETS for item in load_items(DATA / name)]
    with_index = [[e.to_dict() for e in ex.extract(kb, i.text, i.published)] for i in items]
    monkeypatch.setattr(ex, "read_article", lambda text, spans: cue_index.forget_article())
    without = [[e.to_dict() for e in ex.extract(kb, i.text, i.published)] for i in items]
    assert with_index == without
    assert sum(map(len, with_index)) > 50


def test_articles_read_in_threads_at_once_give_the_events_read_one_by_one(kb):
    import threading

    items = [item for name in SETS for item in load_items(DATA / name)][:60]
    alone = [[e.to_dict() for e in ex.extract(kb, i.text, i.published)] for i in items]
    results: dict[int, list] = {}
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can

    def read(k: int) -> None:
        for i, item in enumerate(items):
            results[(k, i)] = [e.to_dict() for e in ex.extract(kb, item.text, item.published)]

    try:
        threads = [threading.Thread(target=read, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(before)
    for (_, i), events in results.items():
        assert events == alone[i], items[i].id


def test_the_date_scan_of_the_article_read_finds_what_its_own_pass_finds():
    from warrantwatch.news.dates import scan

    edge = ("March 3 and mar. 4, 2024; the G20 on 5th, 12-13 May; next Tuesday at 10 tonight, 3 weeks ago. "
            "Half of 2025: _9 June, 1st half. today")
    for article in [*_articles()[:200], edge]:
        read_article(article, ex.sentence_spans(article))
        assert cue_index.word_starts(article) is not None
        shared = scan(article)
        assert cue_index.word_starts(article + " ") is None  # another text: its own pass
        cue_index.forget_article()
        assert scan(article) == shared, article[:60]
    assert scan(edge)  # (and the edge cases do hold dates)
    read_article("İstanbul, March 3")  # a letter whose lower case is longer: the article is not indexed
    assert cue_index.word_starts("İstanbul, March 3") is None
    cue_index.forget_article()


def _prefiltered() -> dict:
    return {name: value for module in (cues, ex) for name, value in vars(module).items()
            if isinstance(value, cues.Prefiltered)}


@pytest.mark.parametrize("name", sorted(_prefiltered()))
def test_a_prefilter_never_hides_a_match(name):
    # every match of the pattern holds one of its words: on every sentence of the development sets and its
    # halves (read with the article's index and without), the prefiltered search is the pattern's own
    holder = _prefiltered()[name]
    regex = getattr(holder.pattern, "regex", holder.pattern)
    checked = 0
    for article in _articles():
        spans = ex.sentence_spans(article)
        texts = [article[a:b] for a, b in spans]
        texts += [t[: len(t) // 2] for t in texts] + [t[len(t) // 2:] for t in texts]
        for indexed in (True, False):
            read_article(article, spans) if indexed else cue_index.forget_article()
            for text in texts:
                ours, theirs = holder.search(text), regex.search(text)
                assert _same(ours, theirs), (name, text)
                checked += 1
    cue_index.forget_article()
    assert checked > 1000


def test_a_prefilter_searches_a_text_with_letters_that_fold_apart():
    # "ſtay" matches "stay" under re.IGNORECASE, though its lower case holds no "stay"
    for text in ("Putin ſtayed away from the summit.", "Bashir will not attend: he ſtays home."):
        assert cues.CANCELLED.search(text) is not None
        assert cues.CANCELLED.search(text).span() == cues.CANCELLED.pattern.regex.search(text).span()


def test_first_characters_of_written_patterns():
    assert cue_index.first_chars(re.compile(r"\b(?:visit|Trip|tour)s?\b", re.I)) == "tv"
    assert cue_index.first_chars(re.compile(r"(?<!\w)(?:in|at)\s+$", re.I)) == "ai"
    assert cue_index.first_chars(re.compile(r"\b(?:(?-i:[A-C])\w+|to)", re.I)) == "abct"
    assert cue_index.first_chars(re.compile(r"\s*(?:and )?visit")) is None  # begins with any space
    assert cue_index.first_chars(re.compile(r"(?=ahead)|visit")) is None  # may match the empty string


def _guarded() -> dict:
    found = {}
    for module in (cues, ex):
        for name, value in vars(module).items():
            pattern = value if isinstance(value, re.Pattern) else getattr(value, "pattern", None)
            if pattern in cue_index.GUARDED:
                found[name] = pattern
    return found


def test_the_patterns_that_begin_slowly_are_guarded():
    names = _guarded()
    for name in ("HYPOTHETICAL_BEFORE", "NOT_TRIP_DATE_BEFORE", "ARRIVED_FROM", "DESTINATION_CUE", "HOSTED_PERSON"):
        assert name in names, name
    assert "GOVERNOR_TOKEN" not in names  # (any letter may begin it: a look-ahead would only cost)


_EVERY_CHARACTER = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


@pytest.mark.parametrize("name", sorted(_guarded()))
def test_a_guard_holds_every_character_a_match_may_begin_with(name):
    guarded = _guarded()[name]
    plain = cue_index.GUARDED[guarded]
    chars = cue_index.first_chars(plain)
    ahead = re.compile("(?i:[" + "".join(re.escape(ch) for ch in chars) + "])")
    allowed = set(ahead.findall(_EVERY_CHARACTER))
    for ch in chars:
        for form in {ch, ch.upper()}:  # what the first literal matches, under the pattern's own flags
            assert set(re.findall(re.escape(form), _EVERY_CHARACTER, plain.flags & re.IGNORECASE)) <= allowed


@pytest.mark.parametrize("name", sorted(_guarded()))
def test_a_guarded_pattern_finds_what_the_pattern_finds(name):
    guarded = _guarded()[name]
    plain = cue_index.GUARDED[guarded]
    assert guarded.groupindex == plain.groupindex and guarded.groups == plain.groups
    rng = random.Random(name)
    checked = 0
    for article in _articles():
        for a, b in ex.sentence_spans(article):
            text = article[a:b]
            windows = [(0, len(text))] + [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1))))
                                           for _ in range(3)]
            for pos, endpos in windows:
                for method in ("search", "match", "fullmatch"):
                    assert _same(getattr(guarded, method)(text, pos, endpos), getattr(plain, method)(text, pos, endpos))
                assert [(m.span(), m.groups()) for m in guarded.finditer(text, pos, endpos)] == \
                    [(m.span(), m.groups()) for m in plain.finditer(text, pos, endpos)]
                checked += 1
    assert checked > 1000


def test_clause_breaks_are_found_as_without_their_look_ahead():
    plain = re.compile(cues.CLAUSE_BREAK.pattern.removeprefix("(?=[;:—,abw])(?:").removesuffix(")"))
    assert plain.pattern.startswith("[;:—]|")
    texts = [article[a:b] for article in _articles() for a, b in ex.sentence_spans(article)]
    texts += ["ahead of the talks; and then, before", "Awhile, whereas and will"]
    for text in texts:
        assert [m.span() for m in cues.CLAUSE_BREAK.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_sentence_ends_are_found_as_with_a_look_behind_for_each_abbreviation():
    one_each = re.compile(
        r"(?<=[.!?])" + "".join(rf"(?<!\b{a}\.)" for a in ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "No",
                                                            "vs", "Sen", "Rep", "Gov", "Prof"))
        + "(?!(?:" + "|".join(rf"(?<=\b{a}\.)" for a in (
            "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "Jun",
            "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")) + r")\s+\d)"
        + r"(?<!\b[A-Z]\.)[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
    texts = [*_articles(), "Mr. Putin met Prof. Li and Gen. Ola. Mrs. Ng left on Thurs. 5 May. He went. On Sept. 4 Ms.",
             "It ended on Tue. 4. Then Tues. 5, Thur. 6 and Thurs. 7! Dr. No. vs. Smith? Lt. Col. Abe."]
    breaks = re.compile("[.!?]" + one_each.pattern.removeprefix("(?<=[.!?])") + r"|\n\n")  # (as extract's _BREAK)
    for text in texts:
        assert [m.span() for m in cues.SENTENCE_END.finditer(text)] == [m.span() for m in one_each.finditer(text)]
        assert [m.span() for m in ex._BREAK.finditer(text)] == [m.span() for m in breaks.finditer(text)]
    assert len(ex.sentences(texts[-1])) == 4


def test_every_prefilter_is_answered_by_the_articles_scan():
    # An anchor outside ASCII ("won’t") takes its whole group out of the article's one scan (`anchor_group` gives
    # -1), and every search of that pattern then lowers and scans its text again: round fourteen's "won’t" cost 6 %
    # of extraction until it was written "won".
    groups = {name: value.group for module in (cues, ex) for name, value in vars(module).items()
              if isinstance(value, cues.Prefiltered)}
    assert groups and all(group >= 0 for group in groups.values()), {n: g for n, g in groups.items() if g < 0}
