"""Segment: paragraphs, sentences, languages and sections.

(First version: every line is a body paragraph; the section classifier is
being written.)
"""

from __future__ import annotations

import regex

from newsassert.model import Segment

__all__ = ["detect_lang", "segment"]

_LINE = regex.compile(r"[^\n]*(?:\n|\Z)")
_SENTENCE_END = regex.compile(r"[.!?؟؛]+(?=\s|\Z)")
_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"\p{Latin}")


def detect_lang(text: str) -> str:
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    if arabic == latin == 0:
        return "und"
    return "ar" if arabic >= latin else "en"


def _sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans = []
    at = start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((at, m.end()))
        at = m.end()
    if at < end:
        spans.append((at, end))
    return tuple(spans)


def segment(text: str, *, lang: str | None = None) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        if segments and not text[segments[-1].start : segments[-1].end].strip():
            prev = segments.pop()
            start = prev.start
        else:
            start = m.start()
        if not m.group().strip() and segments:
            prev = segments.pop()
            segments.append(
                Segment(
                    start=prev.start,
                    end=m.end(),
                    section=prev.section,
                    lang=prev.lang,
                    sentences=prev.sentences,
                )
            )
            continue
        body = text[start : m.end()]
        segments.append(
            Segment(
                start=start,
                end=m.end(),
                section="body",
                lang=lang or detect_lang(body),
                sentences=_sentences(text, start, m.end()),
            )
        )
    return tuple(segments)
