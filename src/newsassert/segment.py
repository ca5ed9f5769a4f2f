"""Segment: paragraphs, sentences, languages and sections.

An article is cut into paragraphs: one per line of text, each owning the line
break and any blank lines after it (blank lines at the very start belong to the
first paragraph), so the segments partition the text exactly. Each paragraph
gets

* its **sentences**, cut after ``. ! ? ؟ ؛ …`` (with any closing quotes) that
  are followed by a space, the end, or an Arabic letter; a period after an
  initial (``Lloyd J. Austin``, ``لويد ج. أوستن``), a known abbreviation
  (``Dr.``) or inside an acronym (``U.S.``) does not end a sentence;
* its **language** from its script: ``ar`` or ``en`` when one script clearly
  dominates its letters, the article's language when they are mixed, ``und``
  without letters;
* its **section** and the ``reason`` for it, from features of the line and
  its place in the article rather than from any particular site's layout.

How sections are decided. Each line is first described on its own: a labelled
line (``اقرأ أيضا:``, ``كلمات دلالية:``, ``المصدر:``, ``تاريخ النشر:``, a
byline, a caption), a dateline, an interface word, a known outlet name, *prose*
(it ends like a sentence, or goes on like one, or is long) or a *short* line
(headline-like: no final punctuation, few words). Then the article's shape
decides the rest: the first and last prose lines bound the body; a short line
before the body is the title (the first one) or header metadata; a short line
between body paragraphs is a related-story headline; short lines after the body
are credits or interface text; a read-also block, and a keyword line after the
body, end the article: everything after them is boilerplate.

The label word lists live in ``data/segment.toml``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

import attrs
import regex

from newsassert.metadata import is_date_line
from newsassert.model import Segment
from newsassert.text.data import read_data
from newsassert.text.normalize import key
from newsassert.text.patterns import alternation

__all__ = ["detect_lang", "segment", "segment_and_lang", "sentences"]

_DATA = read_data("segment.toml")


def _alternation(forms: Sequence[str]) -> str:
    return alternation(" ".join(key(f).split()) for f in forms)


def _exact(forms: Sequence[str]) -> frozenset[str]:
    return frozenset(" ".join(key(f).split()) for f in forms)


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

# Abbreviations as written (case matters: "No." is one, "no." ends a sentence).
_ABBREVIATIONS = "|".join(
    regex.escape(a) for a in sorted(set(_DATA["abbreviations"]), key=lambda s: (-len(s), s))
)

_SENTENCE_END = regex.compile(
    rf"""
    (?:
        [!?؟؛…]                                # unambiguous terminators
      | \.                                     # a period, but not one that ends
        (?<! (?<![\p{{L}}\p{{M}}.]) \p{{L}}\p{{M}}* \. )           # an initial: J. ج.
        (?<! (?<![\p{{L}}\p{{M}}]) (?:{_ABBREVIATIONS}) \. )      # an abbreviation: Dr. Gen.
        (?<! \p{{Lu}} \. \p{{Lu}} \. )   # an acronym: U.S. U.N. (two letters decide:
                                         # looking further back is quadratic on U.S.U.S.…)
    )
    [.!?؟؛…]*                                  # ?! ... ؟!
    ["'”’»)\]]*                                # closing quotes stay with their sentence
    (?= \s | \Z | (?=\p{{Arabic}})\p{{L}} )    # then a space, the end, or an Arabic letter
    """,
    regex.VERBOSE,
)
# Spaces and invisible format characters (bidi and zero-width marks): trimmed
# from sentence ends with str.strip, which is faster than a regex.
_BLANK = (
    "".join(
        ch for ch in map(chr, range(0x3100)) if ch.isspace() or unicodedata.category(ch) == "Cf"
    )
    + "\ufeff"
)


def sentences(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """The sentences of ``text[start:end]`` as (start, end) spans, spaces trimmed.

    Line breaks end sentences too.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    at = start
    for match in _SENTENCE_OR_LINE_END.finditer(text, start, end):
        _add_sentence(text, spans, at, match.end())
        at = match.end()
    _add_sentence(text, spans, at, end)
    return tuple(spans)


# Line breaks end sentences too (a paragraph is one line, but sentences() is
# also used on free text).
_SENTENCE_OR_LINE_END = regex.compile(
    rf"{_SENTENCE_END.pattern} | [\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+", regex.VERBOSE
)


def _add_sentence(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.lstrip(_BLANK)
    start += len(piece) - len(stripped)
    end = start + len(stripped.rstrip(_BLANK))
    if start < end:
        spans.append((start, end))


# ---------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------

# Marks and Arabic punctuation count too; digits do not, of any script: a
# line says the same in ١٩٩٠ as in 1990.
_ARABIC_RUN = regex.compile(r"[\p{Arabic}--\p{N}]+", regex.VERSION1)
_LATIN_RUN = regex.compile(r"\p{Latin}+")


def _script_counts(text: str) -> tuple[int, int]:
    arabic = sum(map(len, _ARABIC_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    return arabic, latin


def _lang_of(arabic: int, latin: int, default: str) -> str:
    total = arabic + latin
    if total == 0:
        return default
    if arabic >= 0.75 * total:
        return "ar"
    if latin >= 0.75 * total:
        return "en"
    return default if default != "und" else ("ar" if arabic >= latin else "en")


def detect_lang(text: str) -> str:
    """``ar``, ``en`` or ``und``: the script most of the letters of ``text`` are in."""
    return _detected(*_script_counts(text))


def _detected(arabic: int, latin: int) -> str:
    if arabic == latin == 0:
        return "und"
    return "ar" if arabic >= latin else "en"


# ---------------------------------------------------------------------------
# Line features
# ---------------------------------------------------------------------------

_SEPARATOR = r"\s*[:：\-–—|]"
_READ_ALSO = regex.compile(rf"^(?:{_alternation(_DATA['read_also'])})(?:{_SEPARATOR}|\s*$)")
_KEYWORDS = regex.compile(rf"^(?:{_alternation(_DATA['keywords'])}){_SEPARATOR}")
_SOURCE = regex.compile(rf"^(?:{_alternation(_DATA['source'])}){_SEPARATOR}")
_PUBLISHED = regex.compile(rf"^(?:{_alternation(_DATA['published'])}){_SEPARATOR}")
_BYLINE = regex.compile(
    rf"""
    ^(?:{_alternation(_DATA["byline"])}) (?:{_SEPARATOR}|\s) \s* \S     # بقلم: X, By X
    | ^(?:{_alternation(_DATA["name_titles"])}) \. \s* \p{{L}}         # Dr.Randa, د. رضوى
    """,
    regex.VERBOSE,
)
_CAPTION = regex.compile(rf"^(?:{_alternation(_DATA['caption'])})(?:{_SEPARATOR}|\s|$)")
_UI = _exact(_DATA["ui"])
_OUTLETS = _exact(_DATA["outlets"])
_BULLET = regex.compile(r"^\s*(?:[-•*·▪◦‣–—]|\d{1,3}[.)])\s")

# How a line ends: like a sentence (. ! ? …, perhaps inside quotes), or like a
# clause that goes on (: ، , ;), or neither (a headline).
_ENDS_SENTENCE = regex.compile(r"""[.!?؟…]["'”’»)\]\p{Cf}]*\s*\Z""")  # Cf: a bidi mark may follow
_ENDS_CLAUSE = regex.compile(r"""[:،,;؛\-–—]\p{Cf}*\s*\Z""")
_VISIBLE = regex.compile(r"[^\s\p{Cf}\p{Cc}]")

_HEADLINE_MAX_WORDS = 24  # a longer line without final punctuation is prose
_LONE_NAME_MAX_WORDS = 4  # an outlet or a credit is a few words


@attrs.frozen
class _Line:
    """A paragraph and what its text looks like."""

    start: int
    end: int  # after its line break and the blank lines it owns
    text: str  # the visible line, stripped
    words: int
    kind: str  # a label kind (read-also, keywords, …), "prose" or "short"
    arabic: int
    latin: int


def _paragraphs(text: str) -> tuple[list[tuple[int, int, str]], int, int]:
    """(start, end, stripped line) of each paragraph; blank lines join the one before.

    Also the Arabic and Latin characters of the blank lines (invisible format
    characters of those scripts), so that the paragraphs' counts and these
    make the counts of the whole text.
    """
    out: list[tuple[int, int, str]] = []
    blank_arabic = blank_latin = 0
    at = 0
    for line in text.splitlines(keepends=True):
        after = at + len(line)
        if _VISIBLE.search(line) is None:
            if line.strip():
                arabic, latin = _script_counts(line)
                blank_arabic += arabic
                blank_latin += latin
            if out:
                start, _, content = out[-1]
                out[-1] = (start, after, content)
            else:
                out.append((at, after, ""))  # leading blank lines, held for the first paragraph
        elif out and not out[-1][2]:
            out[-1] = (out[-1][0], after, line.strip())
        else:
            out.append((at, after, line.strip()))
        at = after
    return out, blank_arabic, blank_latin


# How far into a line's key a read-also or keyword label can reach: the
# longest label, a space and a separator.
_LABEL_REACH = max(len(k) for k in _exact([*_DATA["read_also"], *_DATA["keywords"]])) + 2


@functools.lru_cache(maxsize=8192)
def _word_key(word: str) -> str:
    return key(word)


def _head_start(line: str) -> str:
    """The start of ``" ".join(key(line[:60]).split())``, enough to tell a label.

    The key is made character by character (translations, dropped marks,
    decompositions that never cross a space), so the key of the line is the
    keys of its words joined by spaces, and the keys of frequent words are
    remembered. Words are added until the start reaches past any label; a
    line that ends sooner gives its whole head.
    """
    head: list[str] = []
    length = -1
    for raw in line[:60].split(" "):
        for word in _word_key(raw).split():
            head.append(word)
            length += len(word) + 1
        if length > _LABEL_REACH:
            break
    return " ".join(head)


def _kind(line: str, words: int) -> str:
    if words > 12:
        # A long line is a label only when it opens a read-also block or a
        # keyword line (the other labels are short): the start of its key is
        # enough to tell, and most lines are long.
        start = _head_start(line)
        if _READ_ALSO.match(start):
            return "read-also"
        if _KEYWORDS.match(start):
            return "keywords"
        if _BULLET.match(line):
            return "prose"
        short = words <= _HEADLINE_MAX_WORDS and _ENDS_SENTENCE.search(line) is None
        if not short or _ENDS_CLAUSE.search(line):
            return "prose"
        return "short"
    head = " ".join(key(line[:60]).split())
    short = words <= _HEADLINE_MAX_WORDS and _ENDS_SENTENCE.search(line) is None
    if _READ_ALSO.match(head):
        return "read-also"
    if _KEYWORDS.match(head):
        return "keywords"
    if _SOURCE.match(head) and words <= 8:
        return "outlet"
    if _PUBLISHED.match(head) and words <= 12:
        return "date-line"
    if words <= 12 and short and is_date_line(line):
        return "date-line"
    if words <= 8:  # interface phrases and outlet names are short
        exact = " ".join(key(line).strip(" .:|-").split())
        if exact in _UI:
            return "ui"
        if exact in _OUTLETS:
            return "outlet"
    if words <= 8 and short and _BYLINE.match(head):
        return "byline"
    if words <= 12 and short and _CAPTION.match(head):
        return "caption"
    if _BULLET.match(line):
        return "prose"
    if not short or _ENDS_CLAUSE.search(line):
        return "prose"
    return "short"


# Where a label kind goes, whatever its position.
_LABEL_SECTIONS = {
    "read-also": "boilerplate",
    "keywords": "metadata",
    "outlet": "metadata",
    "date-line": "metadata",
    "byline": "metadata",
    "caption": "boilerplate",
    "ui": "boilerplate",
}


# ---------------------------------------------------------------------------
# Segmentation
# ---------------------------------------------------------------------------


def segment(text: str, *, lang: str | None = None) -> tuple[Segment, ...]:
    """Split ``text`` into paragraph segments with sentences, languages and sections.

    ``lang`` is the language to give paragraphs whose script does not decide
    (no letters, or Arabic and Latin mixed); by default the article's own.
    """
    return segment_and_lang(text, lang=lang)[0]


def segment_and_lang(text: str, *, lang: str | None = None) -> tuple[tuple[Segment, ...], str]:
    """:func:`segment`, and :func:`detect_lang` of the whole ``text``.

    The letters are counted once, paragraph by paragraph, for both.
    """
    lines: list[_Line] = []
    paragraphs, blank_arabic, blank_latin = _paragraphs(text)
    for start, end, content in paragraphs:
        arabic, latin = _script_counts(content)
        words = len(content.split())
        lines.append(_Line(start, end, content, words, _kind(content, words), arabic, latin))
    total_arabic = sum(line.arabic for line in lines)
    total_latin = sum(line.latin for line in lines)
    # Every letter of the text is on a paragraph's line, but for the format
    # characters of the script (U+0600 …) that a blank line may hold.
    text_lang = _detected(total_arabic + blank_arabic, total_latin + blank_latin)
    if not lines:
        return (), text_lang
    default = lang or _lang_of(total_arabic, total_latin, "und")
    latin_article = total_latin > total_arabic
    placed = _sections(lines, latin_article)
    segments = tuple(
        Segment(
            start=line.start,
            end=line.end,
            section=section,
            lang=_lang_of(line.arabic, line.latin, default),
            sentences=sentences(text, line.start, line.end),
            reason=reason,
        )
        for line, (section, reason) in zip(lines, placed, strict=True)
    )
    return segments, text_lang


def _sections(lines: list[_Line], latin_article: bool) -> list[tuple[str, str]]:
    n = len(lines)
    kinds = [line.kind for line in lines]
    prose = [i for i, k in enumerate(kinds) if k == "prose"]
    if not prose:
        # No running text to give the shape: only labelled lines are set apart.
        return [_labelled(k) if k in _LABEL_SECTIONS else ("body", "") for k in kinds]

    # The end of the article: a read-also block, or a keyword line after the
    # body; after a keyword line only metadata lines keep their section.
    first = prose[0]
    cut = next((i for i in range(first + 1, n) if kinds[i] in ("read-also", "keywords")), n)
    read_also = next((i for i in range(cut, n) if kinds[i] == "read-also"), n)
    last = max(i for i in prose if i < cut)

    out: list[tuple[str, str]] = []
    title_seen = False
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if i >= read_also:
            out.append(("boilerplate", "read-also"))
        elif i > cut:
            metadata = kind in _LABEL_SECTIONS and _LABEL_SECTIONS[kind] == "metadata"
            out.append(_labelled(kind) if metadata else ("boilerplate", "tail"))
        elif kind in _LABEL_SECTIONS:
            out.append(_labelled(kind))
        elif kind == "prose":
            out.append(("body", ""))
        elif i < first:
            # Before the body: the first headline-like line is the title; other
            # short lines are lone outlet names, longer ones a standfirst.
            if not title_seen:
                title_seen = True
                out.append(("title", "title"))
            elif line.words <= _LONE_NAME_MAX_WORDS:
                out.append(("metadata", "outlet"))
            else:
                out.append(("body", ""))
        elif i < last:
            if line.words <= _LONE_NAME_MAX_WORDS and _foreign(line, latin_article):
                out.append(("metadata", "outlet"))  # a wire credit: Sputnik in Arabic text
            else:
                out.append(("boilerplate", "related-headline"))
        elif line.words <= _LONE_NAME_MAX_WORDS and _foreign(line, latin_article):
            out.append(("metadata", "byline"))  # a credit after the body
        else:
            out.append(("boilerplate", "tail"))
    return out


def _labelled(kind: str) -> tuple[str, str]:
    return _LABEL_SECTIONS[kind], kind


def _foreign(line: _Line, latin_article: bool) -> bool:
    """Written in the other script than the article (a name in Latin letters)."""
    return (line.latin > line.arabic) != latin_article
