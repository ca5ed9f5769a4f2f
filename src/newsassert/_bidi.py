"""The invisible characters that change what a reader sees, and where they act.

Scraped text carries bidirectional formatting characters. The marks (LRM,
RLM, ALM) only nudge the neutral characters next to them and are common in
Arabic pages; the embeddings, overrides and isolates open a scope that lasts
until its closing character (PDF, PDI) or the end of the paragraph, and an
override (LRO, RLO) lays out every character in it in one direction: the
digits ``0052`` inside an RLO are shown as ``2500``. A number read there is
not the number a reader sees, so the extractors drop claims that lie in an
override (:func:`overridden_spans`), and the outputs show every scoped
control visibly (:data:`SCOPED`) instead of letting it reorder what follows.

The C0 and C1 controls (``\\x1b`` starts a terminal escape sequence) are
listed here too: the text and HTML outputs show them escaped.
"""

from __future__ import annotations

import re

__all__ = ["CONTROLS", "SCOPED", "overridden_spans", "visible"]

#: Embeddings (LRE, RLE), PDF, overrides (LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
SCOPED = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: What an output shows escaped: the scoped bidi controls, and the C0 and C1
#: controls other than tab, line feed and carriage return (DEL included).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + SCOPED + "]")

_OVERRIDES = "\u202d\u202e"
_OPENERS = "\u202a\u202b\u202d\u202e"
_ISOLATES = "\u2066\u2067\u2068"
_PDF, _PDI = "\u202c", "\u2069"
# What ends every scope: a paragraph break (line breaks end newsassert's paragraphs).
_BREAKS = "\n\r\u2029\x1c\x1d\x1e\x85"
_EVENTS = re.compile("[" + SCOPED + re.escape(_BREAKS) + "]")


def visible(char: str) -> str:
    """How an output writes a control: ``U+202E``."""
    return f"U+{ord(char):04X}"


def overridden_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` laid out by a directional override, in order.

    A scope opens at LRE, RLE, LRO, RLO (closed by PDF) or LRI, RLI, FSI
    (closed by PDI, which also closes what opened inside the isolate), and
    every scope ends at a paragraph break. A span is overridden when the
    innermost open scope is an override. Linear in the text.
    """
    if "\u202d" not in text and "\u202e" not in text:
        return []
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start = -1  # where the current overridden span began

    def update(at: int) -> None:
        nonlocal start
        active = bool(stack) and stack[-1] in _OVERRIDES
        if active and start < 0:
            start = at
        elif not active and start >= 0:
            if at > start:
                spans.append((start, at))
            start = -1

    for m in _EVENTS.finditer(text):
        char, at = m.group(), m.start()
        if char in _BREAKS:
            stack.clear()
        elif char in _OPENERS or char in _ISOLATES:
            stack.append(char)
            update(at + 1)
            continue
        elif char == _PDF:
            if stack and stack[-1] in _OPENERS:
                stack.pop()
        elif char == _PDI:
            while stack and stack[-1] not in _ISOLATES:
                stack.pop()
            if stack:
                stack.pop()
        update(at)
    update(len(text))
    return spans
