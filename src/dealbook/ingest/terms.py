"""Defined-term keys and the patterns that find a term's uses.

A defined term is used in the form the agreement defines it, with its first letters
capitalized: Hy-Tech defines ``"ESCROW SHARES"`` and writes "Escrow Shares"; Insynq
defines ``"Buyers"`` and writes "Buyer" and "Buyer's". :func:`term_key` folds a term to
its key; :func:`use_pattern` builds the regular expression that matches its uses (first
letter of each word as printed, the rest in any case, singular or plural), and
:class:`UseFinder` finds the uses of many terms in one pass over the text.

>>> term_key('Closing  Date')
'closing date'
>>> bool(re.fullmatch(use_pattern("ESCROW SHARES"), "Escrow Shares"))
True
>>> bool(re.fullmatch(use_pattern("Buyers"), "Buyer"))
True
>>> UseFinder(["Closing", "Closing Date"]).find("On the Closing Date, at the Closing")
[('closing date', 7, 19), ('closing', 28, 35)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)
_WORDS = re.compile(r"[^\s]+")
_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\s,.;:'\"]+|[\s,.;:'\"]+$")
_EDGE_CHARS = " \t\n\r,.;:'\""


@functools.lru_cache(maxsize=1 << 16)
def term_key(term: str) -> str:
    """The key of a term: words joined by one space, case folded, edge punctuation dropped."""
    return " ".join(term.strip(_EDGE_CHARS).split()).casefold()


def singular_key(key: str) -> str:
    """A plural key reduced to its singular form (``securities`` -> ``security``)."""
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith(("sses", "xes")):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss") and len(key) > 2:
        return key[:-1]
    return key


def _word_pattern(word: str, *, last: bool) -> str:
    low = word.lower()
    if low in SMALL_WORDS:
        body = f"(?i:{re.escape(word)})"
    elif word[0].isalpha():
        head, tail = word[0], word[1:]
        if last:
            stem = tail
            if low.endswith("ies") and len(low) > 4:
                stem, ending = tail[:-3], "(?i:ies|y)"
            elif low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
                stem, ending = tail[:-1], "(?i:y|ies)"
            elif low.endswith("s") and not low.endswith("ss") and len(low) > 2:
                stem, ending = tail[:-1], "(?i:s)?"
            else:
                ending = "(?i:s|es)?"
            body = (
                f"{re.escape(head)}(?i:{re.escape(stem)}){ending}"
                if stem
                else f"{re.escape(head)}{ending}"
            )
        else:
            body = f"{re.escape(head)}(?i:{re.escape(tail)})" if tail else re.escape(head)
    else:
        body = re.escape(word)
    return body


def use_pattern(term: str) -> str:
    """A regular expression (without word boundaries) matching the uses of ``term``."""
    words = _WORDS.findall(_EDGE.sub("", term))
    if not words:
        return r"(?!)"
    parts = [_word_pattern(w, last=i == len(words) - 1) for i, w in enumerate(words)]
    return r"\s+".join(parts)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
_JOINERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'\u2019-")
_GAP = r"(?:[ \t]*\n(?:[ \t]+\n)*[ \t]*|[ \t]+)"
_CAP = r"(?:[A-Z0-9][A-Za-z0-9'\u2019-]*)"
_RUN = re.compile(rf"{_CAP}(?:{_GAP}(?:(?:{'|'.join(sorted(SMALL_WORDS))}){_GAP})*{_CAP})*")


class UseFinder:
    """Find the uses of many defined terms in one pass over the words of a text.

    Every capitalized word starts a candidate; the longest run of following words
    (separated by whitespace only) whose folded form is a defined term, singular or
    plural, and whose words are capitalized as a defined term's are (small words
    aside), is a use.
    """

    __slots__ = ("_cache", "_keys", "_prefixes", "_starts")

    def __init__(self, terms: Iterable[str]) -> None:
        self._keys: dict[str, str] = {}
        for term in terms:
            key = term_key(term)
            if (
                not key
                or key.startswith("the ")
                or not (term.strip()[:1].isupper() or key[0].isdigit())
            ):
                continue
            self._keys.setdefault(key, key)
        for key in list(self._keys):
            single = singular_key(key)
            if single != key and single in self._keys:
                self._keys[key] = single
        for key in list(self._keys):
            self._keys.setdefault(singular_key(key), self._keys[key])
            words = key.split()
            words[-1] = _plural(words[-1])
            self._keys.setdefault(" ".join(words), key)
        self._prefixes = frozenset(
            " ".join(k.split()[:n]) for k in self._keys for n in range(1, len(k.split()))
        )
        self._starts = frozenset(k.split()[0] for k in self._keys)
        self._cache: dict[str, list[tuple[str, int, int]]] = {}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """``(key, start, end)`` for each use between ``start`` and ``end``."""
        if not self._keys:
            return []
        return self.find_in_runs(text, capitalized_runs(text, start, end))

    def find_in_runs(
        self, text: str, runs: Iterable[tuple[int, int]]
    ) -> list[tuple[str, int, int]]:
        """Uses within runs of capitalized words already found by :func:`capitalized_runs`."""
        out: list[tuple[str, int, int]] = []
        if not self._keys:
            return out
        keys = self._keys
        cache = self._cache
        append = out.append
        for run_start, run_end in runs:
            phrase = text[run_start:run_end]
            if phrase.isalnum():  # one word, no possessive (the common case)
                key = keys.get(phrase.casefold())
                if key is not None:
                    append((key, run_start, run_end))
                continue
            if (
                " " not in phrase
                and "\n" not in phrase
                and "\t" not in phrase
                and "'" not in phrase
            ):
                if "\u2019" in phrase:
                    folded, cut = _fold(phrase)
                else:
                    folded, cut = phrase.casefold(), 0
                key = keys.get(folded)
                if key is not None:
                    append((key, run_start, run_end - cut))
                continue
            found = cache.get(phrase)
            if found is None:
                found = []
                self._match_run(0, phrase, found)
                cache[phrase] = found
            for key, start, end in found:
                append((key, run_start + start, run_start + end))
        return out

    def _match_run(self, offset: int, phrase: str, out: list[tuple[str, int, int]]) -> None:
        """Longest defined terms within one run of capitalized words."""
        keys = self._keys
        prefixes = self._prefixes
        starts = self._starts
        if phrase.isascii():  # case folding keeps ASCII words apart: fold once
            lowered = phrase.casefold().split()
        else:
            lowered = [w.casefold() for w in phrase.split()]
        for low in lowered:
            if low in starts or low.rstrip("'s\u2019") in starts:
                break
        else:
            return
        words = phrase.split()
        count = len(words)
        positions: list[int] = []
        pos = 0
        for word in words:
            at = phrase.index(word, pos)
            positions.append(at)
            pos = at + len(word)
        if "'" not in phrase and "\u2019" not in phrase:
            self._match_plain(offset, words, lowered, positions, out)
            return
        folds = [_fold_folded(w) for w in lowered]
        i = 0
        while i < count:
            first = folds[i][0]
            if first not in starts and lowered[i] not in starts:
                i += 1
                continue
            best_key = ""
            best_next = i
            best_end = 0
            parts: list[str] = []
            j = i
            while j < count:
                bare, cut = folds[j]
                whole = lowered[j]
                if cut:
                    joined_whole = " ".join([*parts, whole])
                    if joined_whole in keys or joined_whole in prefixes:
                        bare, cut = whole, 0
                parts.append(bare)
                joined = " ".join(parts)
                key = keys.get(joined)
                if key is not None:
                    best_key, best_next = key, j + 1
                    best_end = offset + positions[j] + len(words[j]) - cut
                if cut or joined not in prefixes:
                    break
                j += 1
            if best_key:
                out.append((best_key, offset + positions[i], best_end))
                i = best_next
            else:
                i += 1

    def _match_plain(
        self,
        offset: int,
        words: list[str],
        lowered: list[str],
        positions: list[int],
        out: list[tuple[str, int, int]],
    ) -> None:
        """:meth:`_match_run` for a run without apostrophes (no word is possessive)."""
        keys = self._keys
        prefixes = self._prefixes
        starts = self._starts
        count = len(words)
        i = 0
        while i < count:
            joined = lowered[i]
            if joined not in starts:
                i += 1
                continue
            best_key = ""
            best_last = i
            j = i
            while True:
                key = keys.get(joined)
                if key is not None:
                    best_key, best_last = key, j
                j += 1
                if j >= count or joined not in prefixes:
                    break
                joined = f"{joined} {lowered[j]}"
            if best_key:
                end = offset + positions[best_last] + len(words[best_last])
                out.append((best_key, offset + positions[i], end))
                i = best_last + 1
            else:
                i += 1

    def key_of(self, text: str) -> str:
        """The defined-term key a use stands for ('' when none)."""
        folded = term_key(text)
        return self._keys.get(folded, self._keys.get(singular_key(folded), ""))


def _fold(word: str) -> tuple[str, int]:
    """A word folded for lookup, and how many possessive characters were cut from it."""
    return _fold_folded(word.casefold())


def _fold_folded(folded: str) -> tuple[str, int]:
    """:func:`_fold` of a word already case folded."""
    if folded.endswith(("'s", "\u2019s")):
        return folded[:-2], 2
    if folded.endswith(("'", "\u2019")):
        return folded[:-1], 1
    return folded, 0


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def capitalized_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of runs of capitalized words ("Securities and Exchange Commission").

    Small words ("of", "and", "the") may join capitalized words; a run never starts or
    ends with one.

    >>> text = "the United States Securities and Exchange Commission (the SEC)"
    >>> [text[s:e] for s, e in capitalized_runs(text)]
    ['United States Securities and Exchange Commission', 'SEC']
    """
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    append = out.append
    joiners = _JOINERS
    for match in _RUN.finditer(text, start, stop):
        span = match.span()
        at = span[0]
        if not (at and text[at - 1] in joiners):
            append(span)
    return out
