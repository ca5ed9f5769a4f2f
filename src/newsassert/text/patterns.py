r"""Regex alternations of words and phrases, built one way for every reader.

Vocabulary is data, so its patterns are built when first used: an alternation
tried longest first (:func:`alternation`), or one factored as a trie
(:func:`trie_pattern`), which fails at the first letter no word shares and so
costs little at each of the many places a scan tries it. In both a space
inside a phrase (``كانون الثاني``) matches any run of spaces.

Two engines, on purpose. ``regex`` wherever a pattern needs what ``re`` has
not: Unicode properties (``\p{L}``, ``\p{Bidi_Class=AL}``), variable-width
lookbehind, ``spans()`` of a repeated group. The stdlib ``re`` for the scans
that try a word trie at every word of a whole text: on 300 generated
articles the number reader's word scans took 13 times (``\W(?:…)``) and 33
times (``(?<!\w)(?:…)``) as long under ``regex`` (its digit scan the same),
6 times in all. The trie is built with ``re.escape``; the text patterns of
both engines read it alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import regex

__all__ = ["alternation", "literal", "trie_pattern"]


def literal(ch: str) -> str:
    """One character of a phrase as a pattern: a space matches any run of spaces."""
    return r"\s+" if ch == " " else re.escape(ch)


def trie_pattern(words: Iterable[str], piece: Callable[[str], str] = literal) -> str:
    """An alternation of ``words`` factored as a trie; ``piece`` gives each character's pattern.

    A word that is the prefix of another makes the rest optional, so the
    longer word wins where both match.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [piece(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def alternation(phrases: Iterable[str]) -> str:
    """``a|b|…`` of ``phrases``, each once, longest first (``كانون الثاني`` before ``كانون``)."""
    ordered = sorted(set(phrases), key=lambda s: (-len(s), s))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)
