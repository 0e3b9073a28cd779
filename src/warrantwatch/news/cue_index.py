"""Speed, not reading: the searches of the cue patterns answered from one scan of the article.

A cue pattern (`cues.TRAVEL`, `FUTURE`, ...) is searched many times in an article: over each sentence,
in its clauses, in windows before each place. Python's `re` tries such a pattern at every position of
the text, and a pattern of many case-insensitive alternatives costs microseconds per sentence each
time. But every match of most cue patterns begins with one of a few literal words ("visit", "trip",
"will", ...), which the parsed pattern tells. One Aho-Corasick pass over the lowered article finds
where those words begin, for every pattern at once; a search then tries its pattern only at those
places (`Pattern.match` at each, in order). The first that matches is the very match
`Pattern.search` returns: a match can only begin where one of its words begins, and `match` at a
position tries exactly what `search` tries there (it sees the same text before the position and the
same end).

The same pass finds where the words that can begin a date expression (`dates.scan`'s anchors) begin a
word of the article, so that the date scan of the article needs no pass of its own.

A text that is not part of the article being read, or an article whose lower case is not letter for
letter its own (and the three letters that `re.IGNORECASE` matches to ASCII letters but `str.lower`
does not: "İ", "ı", "ſ"), is searched with the pattern itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

import ahocorasick

# Longer literal starts are more selective, but a pattern's set of them grows with the length.
_MAX_LITERAL = 6
_MAX_LITERALS = 600
_MIN_LITERAL = 3
# Characters that `re.IGNORECASE` matches to an ASCII letter while `str.lower` keeps them apart
# (found by trying every character: tests/test_news_cue_index.py).
FOLD_TO_ASCII = "İıſ"


def literal_starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings, one of which begins every match of `pattern` (in the lowered text), or None
    when the pattern can begin anywhere, with any single character, or match the empty string."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.getwidth()[0] == 0:
        return None
    try:
        open_, closed = _expand(parsed.data, {""}, set(), bool(pattern.flags & re.IGNORECASE))
    except _Unknown:
        return None
    found = open_ | closed
    if any(len(literal) < _MIN_LITERAL for literal in found):
        return None  # "in", "to", "he": found everywhere, no quicker than the pattern's own scan
    kept: list[str] = []
    for literal in sorted(found, key=len):  # none that begins with another: one candidate per place
        if not any(literal.startswith(k) for k in kept):
            kept.append(literal)
    return frozenset(kept)


class _Unknown(Exception):
    pass


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """The characters (lower case) one of which begins every match of `pattern`, or None when the parsed
    pattern does not tell a short list of them (or a match may be empty)."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.getwidth()[0] == 0:
        return None
    try:
        open_, closed = _expand(parsed.data, {""}, set(), bool(pattern.flags & re.IGNORECASE), 1)
    except _Unknown:
        return None
    found = open_ | closed
    if not found or any(len(ch) != 1 for ch in found) or len(found) > _MAX_FIRST:
        return None
    return "".join(sorted(found))


# A pattern that begins with a word boundary, a look-around or alternatives is tried by `re` at every
# position of the text in full; a look-ahead for its first characters, tested first, fails at once where
# none of them stands. (A pattern that begins with a character or a class `re` scans for by itself.)
_MAX_FIRST = 20


def guarded(pattern: re.Pattern[str], chars: str | None) -> re.Pattern[str]:
    """`pattern` with a look-ahead for `chars` (`first_chars`) in front: the same matches, groups and spans
    (the look-ahead reads nothing, and in any case holds the character every match begins with: case-
    insensitively, so that it also holds the other case of a letter, as a case-insensitive pattern reads
    it)."""
    if not chars or pattern in GUARDED or not _opens_slowly(pattern):
        return pattern
    ahead = "".join(re.escape(ch) for ch in chars)
    made = re.compile(f"(?=(?i:[{ahead}]))(?:{pattern.pattern})", pattern.flags)
    GUARDED[made] = pattern
    return made


# each guarded pattern → the pattern it guards (a pattern imported by a second module is guarded once)
GUARDED: dict[re.Pattern[str], re.Pattern[str]] = {}


def _opens_slowly(pattern: re.Pattern[str]) -> bool:
    """Whether the pattern begins with a word boundary, a look-around or alternatives (which `re` does not
    scan for), not with a character or class (which it does)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    items = _parser.parse(pattern.pattern, pattern.flags).data
    while items and items[0][0] is c.SUBPATTERN:
        items = items[0][1][-1].data
    if not items:
        return False
    op, av = items[0]
    if op is c.BRANCH:  # (alternatives that each begin with a character of one case: `re` scans for those)
        return bool(pattern.flags & re.IGNORECASE) or not all(b.data and b.data[0][0] is c.LITERAL for b in av[1])
    return op in (c.AT, c.ASSERT, c.ASSERT_NOT)


def _chars(op, av, ignorecase: bool) -> list[str] | None:
    """The lowered characters an item matches, or None when they are not a short list."""
    import _sre  # type: ignore[import-not-found]
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.LITERAL:
        codes = [av]
    elif op is c.IN:
        codes = []
        for o, a in av:
            if o is c.LITERAL:
                codes.append(a)
            elif o is c.RANGE and a[1] - a[0] < 40:
                codes.extend(range(a[0], a[1] + 1))
            else:
                return None  # a category, a negation, a long range
    else:
        return None
    out = set()
    for code in codes:
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1 or (ignorecase and not ch.isascii() and _sre.unicode_iscased(code)):
            return None  # a letter whose case-insensitive matches lower() does not tell
        out.add(low)
    return sorted(out)


def _expand(items, open_: set[str], closed: set[str], ignorecase: bool,
            longest: int = _MAX_LITERAL) -> tuple[set[str], set[str]]:
    """The starts after the items of one sequence, at most `longest` characters each: `open_` may grow,
    `closed` are all that is known."""
    from re import _constants as c  # type: ignore[attr-defined]

    for op, av in items:
        if not open_:
            break
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: nothing read
        if op in (c.LITERAL, c.IN):
            chars = _chars(op, av, ignorecase)
            if chars is None:
                return set(), closed | open_
            grown = {p + ch for p in open_ for ch in chars}
            closed = closed | {p for p in grown if len(p) >= longest}
            open_ = {p for p in grown if len(p) < longest}
        elif op is c.BRANCH:
            branches = [_expand(branch.data, open_, set(), ignorecase, longest) for branch in av[1]]
            open_ = set().union(*(o for o, _ in branches))
            closed = closed.union(*(k for _, k in branches))
        elif op is c.SUBPATTERN:
            _, add, remove, sub = av
            flags = True if add & re.IGNORECASE else False if remove & re.IGNORECASE else ignorecase
            open_, closed = _expand(sub.data, open_, closed, flags, longest)
        elif op is c.ATOMIC_GROUP:
            open_, closed = _expand(av.data, open_, closed, ignorecase, longest)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            once_open, once_closed = _expand(sub.data, open_, set(), ignorecase, longest)
            if high != 1:  # what follows may be the item again
                once_closed, once_open = once_closed | once_open, set()
            open_ = once_open if low >= 1 else open_ | once_open
            closed = closed | once_closed
        else:
            return set(), closed | open_  # anything else: the start read so far is all that is known
        if len(open_) + len(closed) > _MAX_LITERALS:
            raise _Unknown
    return open_, closed


_END = 2**63 - 1
# In a window this short the pattern's own scan costs no more than finding the window in the article.
_SHORT = 48


class Indexed:
    """A compiled pattern whose `search` and `finditer` over the article being read (or a part of it)
    try it only where one of its literal starts begins; everything else is the compiled pattern's own
    (`regex`), and it reads like one (`pattern` is its text)."""

    __slots__ = ("flags", "fullmatch", "groupindex", "id", "literals", "match", "pattern", "regex", "sub")

    def __init__(self, regex: re.Pattern[str], literals: frozenset[str]):
        self.regex, self.literals, self.id = regex, literals, -1
        self.match, self.fullmatch, self.sub = regex.match, regex.fullmatch, regex.sub
        self.pattern, self.flags, self.groupindex = regex.pattern, regex.flags, regex.groupindex

    def __getattr__(self, name: str):
        return getattr(self.regex, name)  # the rest of re.Pattern (findall, split, groups, ...)

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        n = len(text)
        if endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        article = _ARTICLE  # (read once: another thread may begin another article meanwhile)
        offset = article.offsets.get(text, _UNSEEN)
        if offset < 0 and (offset == _ABSENT or endpos - pos < _SHORT or (offset := article.place(text)) < 0):
            return self.regex.search(text, pos, endpos)
        starts = article.starts[self.id]
        last = offset + endpos  # a match is never empty: it begins before the end
        first = bisect_left(starts, offset + pos)
        if first == len(starts) or starts[first] >= last:
            return None  # (mostly: no literal start in the text searched)
        match = self.regex.match
        for i in range(first, bisect_left(starts, last, first)):
            m = match(text, starts[i] - offset, endpos)
            if m is not None:
                return m
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        n = len(text)
        if endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        article = _ARTICLE
        offset = article.offsets.get(text, _UNSEEN)
        if offset < 0 and (offset == _ABSENT or endpos - pos < _SHORT or (offset := article.place(text)) < 0):
            return self.regex.finditer(text, pos, endpos)
        # each match from the first candidate at or after the end of the last (a match is never empty)
        found = []
        starts = article.starts[self.id]
        i = bisect_left(starts, offset + pos)
        last = offset + endpos
        match = self.regex.match
        while i < len(starts) and starts[i] < last:
            m = match(text, starts[i] - offset, endpos)
            i += 1
            if m is not None:
                found.append(m)
                end = offset + m.end()
                while i < len(starts) and starts[i] < end:
                    i += 1
        return iter(found)


_UNSEEN, _ABSENT = -2, -1
_NEAR = 400


class _Article:
    """An article being read: where each literal start of each indexed pattern and each prefilter's
    word occurs in it, and where each text searched lies in it (a sentence, registered when the article
    is read; a clause or a window of one, found on first use; _ABSENT for a text that is not in it).
    Made whole before it replaces the last one, so that a search in another thread sees one article or
    the other, never a mixture."""

    __slots__ = ("anchors", "held", "near", "offsets", "starts", "text", "word_starts")

    def __init__(self, text: str = "", spans: list[tuple[int, int]] = ()) -> None:
        self.text, self.near, self.offsets = "", 0, {}
        self.starts: list[list[int]] = []
        self.anchors: list[list[tuple[int, int]]] = []
        self.word_starts: list[int] = []
        # each prefilter's answer for each text already asked of it (asked again for each place of a sentence)
        self.held: list[dict[str, bool]] = []
        lowered = text.lower()
        if not text or len(lowered) != len(text) or any(ch in text for ch in FOLD_TO_ASCII):
            return  # nothing is placed in it: every search is the pattern's own
        automaton = _automaton()
        starts: list[list[int]] = [[] for _ in _INDEXED]
        anchors: list[list[tuple[int, int]]] = [[] for _ in _ANCHORS]
        words: set[int] = set()
        for end, (length, ids, groups, word) in automaton.iter(lowered):
            at = end - length + 1
            for i in ids:
                starts[i].append(at)
            for g in groups:
                anchors[g].append((at, end + 1))
            if word and (at == 0 or not lowered[at - 1].isalnum()):
                words.add(at)  # (a word may begin with two of them: "mar", "march")
        for found in (starts, anchors):
            for s in found:
                if len(s) > 1:
                    s.sort()  # found in the order of their ends
        self.text, self.starts, self.anchors, self.word_starts = text, starts, anchors, sorted(words)
        self.held = [{} for _ in _ANCHORS]
        for a, b in spans:
            self.offsets.setdefault(text[a:b], a)

    def place(self, text: str) -> int:
        """Where `text` lies in the article (found once, first near the last text placed: mostly a part
        of the same sentence), or _ABSENT."""
        if not self.text or not text:
            found = -1
        else:
            found = self.text.find(text, max(0, self.near - _NEAR), self.near + _NEAR + len(text))
            if found < 0:
                found = self.text.find(text)
        if found >= 0:
            self.near = found
        at = self.offsets[text] = found if found >= 0 else _ABSENT
        return at


_INDEXED: list[Indexed] = []
_ANCHORS: list[tuple[str, ...]] = []  # the words of each cues.Prefiltered


def anchor_group(words: tuple[str, ...]) -> int:
    """Register the words of a prefilter (lower case): `anchored` then says whether a part of the article
    holds one of them without looking at its text."""
    if not all(word.isascii() for word in words):
        return -1  # (lowering a part could then differ from the part of the lowered article)
    kept: list[str] = []
    for word in sorted(set(words), key=len):  # a word that holds another adds nothing
        if not any(k in word for k in kept):
            kept.append(word)
    _ANCHORS.append(tuple(kept))
    _BUILT.clear()
    return len(_ANCHORS) - 1


def anchored(group: int, text: str) -> bool | None:
    """Whether `text.lower()` holds one of the words of `group`, or None when `text` is not a part of the
    article (or a short one not yet placed in it). (Lowering a part gives the part of the lowered article:
    the article is read only when lowering keeps every character's place, and the words are ASCII.)"""
    article = _ARTICLE
    offset = article.offsets.get(text, _UNSEEN)
    if offset == _UNSEEN and len(text) >= _SHORT:
        offset = article.place(text)  # (a clause of a sentence: found in the article once)
    if offset < 0 or group < 0:
        return None
    held = article.held[group]
    known = held.get(text)
    if known is not None:
        return known
    found = article.anchors[group]
    last = offset + len(text)
    i = bisect_left(found, (offset, 0))
    while i < len(found) and found[i][0] < last:
        if found[i][1] <= last:
            held[text] = True
            return True
        i += 1
    held[text] = False
    return False


_WORDS: list[str] = []  # (lower case) the words whose starts at the start of a word each article's pass keeps


def collect_word_starts(words: set[str] | frozenset[str]) -> None:
    """Have the article's pass also find where one of `words` (lower case) begins a word of it (not after a
    letter or digit): `word_starts` then answers for the article without a pass of its own."""
    _WORDS[:] = sorted(words)
    _BUILT.clear()


def word_starts(text: str) -> list[int] | None:
    """The sorted offsets where a word of `collect_word_starts` begins a word of `text`, when `text` is the
    article being read (the very string given to `read_article`); else None."""
    article = _ARTICLE
    return article.word_starts if text and text is article.text else None


_BUILT: list[ahocorasick.Automaton] = []


def read_article(text: str, sentences: list[tuple[int, int]] = ()) -> None:
    """Index `text` (an article, with the spans of its sentences) for the searches that follow, until
    the next article."""
    global _ARTICLE
    _ARTICLE = _Article(text, sentences)


def forget_article() -> None:
    global _ARTICLE
    _ARTICLE = _Article()


_ARTICLE = _Article()


def _automaton() -> ahocorasick.Automaton:
    if _BUILT:
        return _BUILT[0]
    by_literal: dict[str, tuple[list[int], list[int]]] = {}
    for p in _INDEXED:
        for literal in p.literals:
            by_literal.setdefault(literal, ([], []))[0].append(p.id)
    for g, words in enumerate(_ANCHORS):
        for word in words:
            by_literal.setdefault(word, ([], []))[1].append(g)
    for word in _WORDS:
        by_literal.setdefault(word, ([], []))
    words = set(_WORDS)
    automaton = ahocorasick.Automaton()
    for literal, (ids, groups) in by_literal.items():
        automaton.add_word(literal, (len(literal), tuple(ids), tuple(groups), literal in words))
    automaton.make_automaton()
    _BUILT.append(automaton)
    return automaton


def index_patterns(namespace: dict, plain: tuple[str, ...] = ()) -> None:
    """Put every compiled pattern of a module (`globals()`), and every pattern an object there holds as
    `pattern` (`cues.Prefiltered`), behind the index where its matches have literal starts; one without
    them gets a look-ahead for its first characters where it has a short list of them (`guarded`). The
    patterns named in `plain` are left out of the index (here and in a module that imports them): searched
    seldom, for literal starts found often, they would cost each article's pass more than they save."""
    cache = _Literals()
    _PLAIN.update(namespace[name] for name in plain)
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern):
            if value in _PLAIN:
                namespace[name] = made = guarded(value, cache.first(value))
                _PLAIN.add(made)
                continue
            wrapped = _indexed(value, cache)
            namespace[name] = wrapped if wrapped is not None else guarded(value, cache.first(value))
        elif not isinstance(value, Indexed) and isinstance(getattr(value, "pattern", None), re.Pattern):
            wrapped = _indexed(value.pattern, cache)
            value.pattern = wrapped if wrapped is not None else guarded(value.pattern, cache.first(value.pattern))
    cache.save()


_PLAIN: set[re.Pattern[str]] = set()


def _indexed(pattern: re.Pattern[str], cache: _Literals) -> Indexed | None:
    literals = cache.get(pattern)
    if not literals:
        return None
    wrapped = Indexed(pattern, literals)
    wrapped.id = len(_INDEXED)
    _INDEXED.append(wrapped)
    _BUILT.clear()
    return wrapped


class _Literals:
    """`literal_starts` of each pattern, kept on disk beside the other caches (reading them from the
    parsed patterns takes tens of milliseconds, a start-up cost), under a hash of this code and the
    Python version; the patterns' text and flags are the keys."""

    def __init__(self) -> None:
        import hashlib
        import json
        import sys
        from pathlib import Path

        from warrantwatch.records.cache import cache_dir

        digest = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()[:24]
        folder = cache_dir()
        self.path = folder / f"cue-literals-{digest}.json" if folder is not None else None
        self.known: dict[str, list[str] | None] = {}
        self.changed = False
        if self.path is not None:
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(raw, dict) and all(v is None or (isinstance(v, list) and all(
                        isinstance(x, str) for x in v)) for v in raw.values()):
                    self.known = raw
            except (OSError, ValueError):
                pass

    def get(self, pattern: re.Pattern[str]) -> frozenset[str] | None:
        key = f"{int(pattern.flags)}:{pattern.pattern}"
        if key not in self.known:
            found = literal_starts(pattern)
            self.known[key] = sorted(found) if found else None
            self.changed = True
        value = self.known[key]
        return frozenset(value) if value else None

    def first(self, pattern: re.Pattern[str]) -> str | None:
        key = f"first:{int(pattern.flags)}:{pattern.pattern}"
        if key not in self.known:
            found = first_chars(pattern)
            self.known[key] = [found] if found else None
            self.changed = True
        value = self.known[key]
        return value[0] if value else None

    def save(self) -> None:
        if not self.changed or self.path is None:
            return
        import json

        from warrantwatch.records.canonical import write_atomically

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(self.known, ensure_ascii=False))
        except OSError:
            pass  # a read-only home: found again next time
