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

import re
from collections.abc import Iterable

SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())
_WORDS = re.compile(r"[^\s]+")
_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\s,.;:'\"]+|[\s,.;:'\"]+$")


def term_key(term: str) -> str:
    """The key of a term: words joined by one space, case folded, edge punctuation dropped."""
    return _SPACE.sub(" ", _EDGE.sub("", term)).casefold()


def singular_key(key: str) -> str:
    """A plural key reduced to its singular form (``securities`` -> ``security``)."""
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("sses") or key.endswith("xes"):
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
            body = f"{re.escape(head)}(?i:{re.escape(stem)}){ending}" if stem else f"{re.escape(head)}{ending}"
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


class UseFinder:
    """Find the uses of many defined terms in one pass, longest term first."""

    __slots__ = ("_keys", "_regex")

    def __init__(self, terms: Iterable[str]) -> None:
        unique: dict[str, str] = {}
        for term in terms:
            key = term_key(term)
            if key and not key.startswith("the ") and key[0].isalnum():
                unique.setdefault(key, _EDGE.sub("", term))
        self._keys: dict[str, str] = {}
        for key in unique:
            self._keys[key] = key
            self._keys.setdefault(singular_key(key), key)
        ordered = sorted(unique.values(), key=lambda t: (-len(t), t))
        body = "|".join(use_pattern(t) for t in ordered if t[0].isupper() or t[0].isdigit())
        self._regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])") if body else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """``(key, start, end)`` for each use between ``start`` and ``end``."""
        if self._regex is None:
            return []
        stop = len(text) if end is None else end
        out: list[tuple[str, int, int]] = []
        for match in self._regex.finditer(text, start, stop):
            key = self.key_of(match.group(0))
            if key:
                out.append((key, match.start(), match.end()))
        return out

    def key_of(self, text: str) -> str:
        """The defined-term key a matched use stands for ('' when none)."""
        folded = term_key(text)
        if folded in self._keys:
            return self._keys[folded]
        single = singular_key(folded)
        if single in self._keys:
            return self._keys[single]
        for ending, repl in (("ies", "y"), ("y", "ies"), ("s", ""), ("es", ""), ("", "s")):
            if folded.endswith(ending):
                candidate = folded[: len(folded) - len(ending)] + repl
                if candidate in self._keys:
                    return self._keys[candidate]
        return ""
