"""Spellings of a person's name that news copy writes: general transliteration rules, not per-item aliases.

Names of wanted persons come to English and French news through several transliteration habits, so one
report writes "Abdallah Senoussi", another "Abdullah al-Senussi", a third "Abdulla Senussi". Rather than
add each spelling met in one article as an alias, every name and alias of the knowledge base is expanded
here, once, into the spellings the rules below allow, and all of them go into the gazetteer's one
Aho-Corasick automaton (so the text is still scanned once, and case-sensitively: "Harun" and "Haroun",
never "haroun"). Text is folded to ASCII letter for letter before that scan (`fold`), so "Beïna" is read
as "Beina" at the same offsets.

Each rule is a general habit of romanising Arabic (and the French and English spellings of African
names), applied word by word; none is a string taken from an article:

- *Diacritics* are dropped on both sides ("Beïna" = "Beina", "Mambéré" = "Mambere").
- *The vowel /u/* is written "u", French "ou" or English "oo" ("Harun" = "Haroun", "Senussi" =
  "Senoussi", "Abdul" = "Abdoul", "Yusuf" = "Yousouf").
- *The long vowel /i:/* is written "i" or "ee" ("Rahim" = "Raheem", "Karim" = "Kareem").
- *The article in "Abd al-" names* (servant of ...) is written "al", "ul" or "el", joined to "Abd"
  ("Abdullah" = "Abdallah" = "Abdellah", "Abdul" = "Abdel" = "Abdal").
- *A final "-ah"* (ta marbuta, or a final h) is written or left out ("Abdullah" = "Abdulla").
- *Word-final "-ad"/"-ed"* (an unstressed short a): "Ahmad" = "Ahmed", "Muhammad" = "Muhammed".
- *Word-initial "Mu-"/"Mo-"* (the short u of the active participle prefix mu-): "Muhammad" =
  "Mohammad", "Muammar" = "Moammar".
- *Doubled consonants* (shadda) are written doubled or single ("Senussi" = "Senusi").
- *The article al-/el-* inside a name is written "al-", "Al-", "al ", "Al ", "el-", "El-" ..., or left
  out after a given name ("Abdullah al-Senussi" = "Abdullah Senussi"); a name that starts with it keeps
  it ("Al Hassan" = "Al-Hassan", never "Hassan" alone).
- *Hyphens* between parts are written as hyphens or spaces ("Lvova-Belova" = "Lvova Belova"), and
  *apostrophes* (hamza, ayn; "N'Diaye") are written, curled or left out.

The rules are applied to the knowledge base's forms only; a spelling the rules make for one person that
is also a spelling of another person's names is dropped for both by the gazetteer, and the rules that
guard a surname alone ("Joyce Banda" is not Abdallah Banda; a given name alone finds no one) apply to
the spellings as to the forms.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

# At most this many spellings of one name form, those that change fewest words first (a long full name
# such as "Al Hassan Ag Abdoul Aziz Ag Mohamed Ag Mahmoud" is written in full only by the court, in its
# own spelling).
MAX_SPELLINGS = 512

_VOWELS = "aeiouy"


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() and base.isalpha() else ch


# Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A/B) → their base letter, one for
# one, so offsets in the folded text are those of the original. Other characters (curly quotes, dashes,
# non-Latin scripts) stay as they are.
_FOLD = {chr(cp): _fold_char(chr(cp)) for cp in range(0xC0, 0x250) if _fold_char(chr(cp)) != chr(cp)}
_FOLDED = re.compile("[" + "".join(sorted(_FOLD)) + "]")
_APOSTROPHES = {"\u2019": "'", "\u02bc": "'", "\u02bf": "'", "\u02be": "'"}


def _folded(match: re.Match[str]) -> str:
    return _FOLD[match.group()]


def fold(text: str) -> str:
    """`text` with the diacritics of Latin letters dropped, letter for letter (the same length and
    offsets): "Edmond Beïna" → "Edmond Beina". Text without such letters is returned as it is. (A
    substitution over the few such letters: `str.translate` would look up every character.)"""
    if text.isascii():
        return text
    return _FOLDED.sub(_folded, text)


@cache
def word_spellings(word: str) -> frozenset[str]:
    """The spellings of one word of a name under the vowel, "Abd al-", final-h, -ad and doubled-consonant
    rules (the module's docstring); the word's own spelling first among them."""
    out = {word}
    frontier = [word]
    steps = (
        _u_vowel, _i_vowel, _abd_article, _final_h, _final_ad, _initial_mu, _doubled,
    )
    for step in steps:
        new: set[str] = set()
        for w in frontier:
            new |= step(w)
        out |= new
        frontier = sorted(out)
    return frozenset(out)


def _alternatives(word: str, pattern: re.Pattern[str], choices: tuple[str, ...]) -> set[str]:
    """Every way of writing each match of `pattern` in `word` as one of `choices` (case kept for a
    capitalised first letter)."""
    parts = pattern.split(word)
    if len(parts) == 1:
        return {word}
    # split with one group: text, match, text, match, ..., text
    options = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            options.append((part,))
        else:
            cap = part[0].isupper()
            options.append(tuple(c.capitalize() if cap else c for c in choices))
    return {"".join(p) for p in itertools.product(*options)}


_OU = re.compile(r"((?i:ou|oo)|(?<![aeiouAEIOU])u(?![aeiou]))")


def _u_vowel(word: str) -> set[str]:
    # "u" as a vowel between consonants or at an end ("Harun", "Yusuf"), not the glide of "ua"/"au".
    return _alternatives(word, _OU, ("u", "ou", "oo"))


_EE = re.compile(r"(ee|(?<=[bcdfghjklmnpqrstvwxz])i(?=[bcdfghjklmnpqrstvwxz]))")


def _i_vowel(word: str) -> set[str]:
    # "i" between consonants ("Rahim") or "ee" ("Raheem"); not a word's first letter.
    return _alternatives(word, _EE, ("i", "ee"))


_ABD = re.compile(r"^(Abd)(?:a|u|e)l(?=\w)")


def _abd_article(word: str) -> set[str]:
    if not _ABD.match(word):
        return {word}
    return {_ABD.sub(r"\g<1>" + v + "l", word) for v in "aue"}


def _final_h(word: str) -> set[str]:
    if len(word) >= 5 and word.endswith("ah"):
        return {word, word[:-1]}
    if len(word) >= 5 and word.endswith("lla"):  # "Abdulla" → "Abdullah" (the other way round)
        return {word, word + "h"}
    return {word}


def _final_ad(word: str) -> set[str]:
    if len(word) >= 5 and word[-2:] in ("ad", "ed") and word[-3] not in _VOWELS:
        return {word[:-2] + "ad", word[:-2] + "ed"}
    return {word}


def _initial_mu(word: str) -> set[str]:
    if word[:2] in ("Mu", "Mo") and len(word) >= 5 and word[2] not in _VOWELS + "o":
        return {"Mu" + word[2:], "Mo" + word[2:]}
    if word[:2] in ("Mu", "Mo") and len(word) >= 5 and word[2] == "a":  # "Muammar"
        return {"Mu" + word[2:], "Mo" + word[2:]}
    return {word}


_DOUBLE = re.compile(r"(bb|cc|dd|ff|gg|kk|ll|mm|nn|pp|rr|ss|tt|zz)")


def _doubled(word: str) -> set[str]:
    """A doubled consonant written doubled or single (a single one is never doubled: that would guess)."""
    parts = _DOUBLE.split(word)
    options = [(part,) if i % 2 == 0 else (part, part[0]) for i, part in enumerate(parts)]
    return {"".join(p) for p in itertools.product(*options)}


_ARTICLE = re.compile(r"^(?:al|el)$", re.I)
_JOINTS = ("-", " ")


def spellings(form: str) -> set[str]:
    """Every spelling of a name form the rules allow (the module's docstring), the form itself among
    them: "Abdullah Al-Senussi" → {"Abdullah Al-Senussi", "Abdallah Senoussi", "Abdulla al Senusi", ...}.
    """
    form = fold(form.strip())
    for curly, straight in _APOSTROPHES.items():
        form = form.replace(curly, straight)
    # words and the joints between them ("Lvova-Belova": ["Lvova", "-", "Belova"])
    tokens = re.split(r"([\s-]+)", form)
    words = tokens[0::2]
    if not all(words):
        return {form}
    per_word: list[list[tuple[str, str]]] = []  # (joint before, word) choices, the form's own first
    for i, word in enumerate(words):
        if _ARTICLE.match(word) and i + 1 < len(words):
            # the article: lower or capital, joined by hyphen or space; left out after a given name
            own = (" " if i else "", word + tokens[2 * i + 1])
            choices = [(" " if i else "", article + joint)
                       for article in ("al", "Al", "el", "El") for joint in _JOINTS]
            if i > 0:
                choices.append((" ", ""))
        else:
            own = ("" if i == 0 or _ARTICLE.match(words[i - 1]) else tokens[2 * i - 1], word)
            variants = sorted(word_spellings(word))
            if "'" in word:
                variants += sorted({v.replace("'", "") for v in variants}
                                   | {v.replace("'", "\u2019") for v in variants})
            # after an article the joint is the article's; a hyphen may be written as a space, not the reverse
            joints = (own[0],) if own[0] in ("", " ") else _JOINTS
            choices = [(joint, v) for v in variants for joint in joints]
        per_word.append([own, *(c for c in choices if c != own)])
    # Fewest changes first: the form, then every spelling with one word changed, then two, ... (each
    # word's own spelling is its first choice), up to MAX_SPELLINGS.
    out: set[str] = set()
    for changed in range(len(per_word) + 1):
        for where in itertools.combinations(range(len(per_word)), changed):
            options = [choices[1:] if i in where else choices[:1] for i, choices in enumerate(per_word)]
            for combo in itertools.product(*options):
                out.add("".join(joint + word for joint, word in combo).strip())
                if len(out) >= MAX_SPELLINGS:
                    break
            if len(out) >= MAX_SPELLINGS:
                break
        if len(out) >= MAX_SPELLINGS:
            break
    out.add(form)
    return out
