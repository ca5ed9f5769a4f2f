"""What the words around a number say: whether it counts at all (a date, a
year, a label, an age), the noun it counts (its unit), a range it ends, and
the place its clause puts it in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from newsassert.extract.quantity_words import (
    _key,
    _Static,
    _Tables,
    _Tok,
    _tokens_after,
    _tokens_before,
    _widest,
)
from newsassert.lexicon import LexiconEntry
from newsassert.readers.numbers import FoundNumber
from newsassert.text.arabic import CONJUNCTIONS, PREPOSITIONS

_AR_PREP = "".join((*CONJUNCTIONS, *PREPOSITIONS))
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
# Between the ends of a range; the second may repeat the currency sign ("$3 to $5").
_RANGE_JOIN = re.compile(
    r"[ \t]*(?P<conj>-|و|and|to|الي|حتي|or|او)[ \t]*(?:[$€£][ \t]?)?", re.IGNORECASE
)
_BETWEEN = re.compile(r"(?<!\w)(?P<w>بين|between|from|من)[ \t]+\Z", re.IGNORECASE)
_OF_THE = re.compile(
    r"[ \t]+(?:of|من)[ \t]+(?:(?:the|these|those|its|their|his|her|our|my|your)[ \t]+)?",
    re.IGNORECASE,
)
_ENGLISH_COMPOUND = ("-backed", "-led", "-linked", "-allied", "-based", "-affiliated", "-aligned")


class _Noun(NamedTuple):
    """A counted noun found beside a number (offsets in the folded text).

    (A named tuple, not a frozen attrs class: one is made for nearly every
    number, and a tuple is several times cheaper to make.)
    """

    entry: LexiconEntry | None
    start: int
    end: int
    text: str
    place: str | None = None  # "ثلث العراق": the noun is itself a place
    definite: bool = False  # "من الجنود", "of the members", "الأعضاء"


def _exact(x: float) -> float:
    # "16.1 million" is 16,100,000, not 16100000.000000002: the digits written.
    return float(f"{x:.12g}")


def _words_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _interval(qualifier: str, value: float, approx: float) -> tuple[float | None, float | None]:
    if qualifier == "approx":
        ends = value * (1 - approx), value * (1 + approx)
        return min(ends), max(ends)
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return 0.0, value
    return value, value


def _not_a_count(
    text: str, n: FoundNumber, before: list[_Tok], st: _Static, tables: _Tables
) -> bool:
    digits_only = not n.words
    if n.words and _key(text[n.start : n.end]) in st.weekdays:
        return True  # "يوم الاثنين" is Monday
    if before and not before[0].stop:
        w0 = before[0]
        if _bare(w0.key) in st.labels or (w0.end == n.start and w0.key in ("#",)):
            return True
        if digits_only and (w0.key in st.year_markers or _is_month(w0, st)):
            return True  # "عام 2008", "January 27", "يناير 2024"
        if (
            digits_only
            and len(before) > 1
            and not before[1].stop
            and before[1].key in st.labels
            and not (w0.text.isascii() and w0.text.isalpha() and w0.text.islower())
        ):
            # "Resolution No. 2334", "القرار الأممي 2334"; not "the brigade sent 300"
            return tables.lookup("unit", w0.text) is None and w0.key not in st.not_units
    if digits_only and n.start > 1 and text[n.start - 1] == "-" and text[n.start - 2].isalpha():
        return True  # "S-300", "أس-300": a model, not a count
    if _in_date_or_label(text, n, before, st, tables):
        return True
    if digits_only and _LATIN_WORD.match(text, n.end):
        glued = _LATIN_WORD.match(text, n.end)
        if glued is not None and tables.lookup("unit", glued.group()) is None:
            return True  # 5G, 27th, 1990s
    if (
        digits_only
        and n.end < len(text)
        and text[n.end] in "مه"
        and not (n.end + 1 < len(text) and text[n.end + 1].isalpha())
    ):
        return True  # "2024م", "1445هـ": a year of an era
    return _date_follows(text, n.end, st)


_AGE = re.compile(
    # Runs of spaces bounded: two unbounded runs around an optional hyphen
    # backtrack quadratically on a number followed by thousands of spaces.
    r"[ \t]{0,3}-?[ \t]{0,3}(?P<w>(?P<per>year|month|week|day)s?[ \t]{0,3}-?[ \t]{0,3}old)(?!\w)",
    re.IGNORECASE,
)
_AGE_UNITS = {"year": "age", "month": "age in months", "week": "age in weeks", "day": "age in days"}
_LINE_START = re.compile(r"(?:\A|\n)[ \t]*\Z")
_LIST_MARK = re.compile(r"[ \t]{0,3}[-–).][ \t]")
_SEASON = re.compile(r"(?:1[89]|20)\d\d[-–/]\Z")
_ABBREVIATED_MONTH = re.compile(r"(?<![\w.])([A-Za-z]{3,4})\.[ \t]*\Z")
_CODE = re.compile(r"[A-Z]{2,5}")
_CODE_TAIL = re.compile(r"(?<![\w])[A-Z]{2,5}[ \t-]?\d+-\Z")


def _in_date_or_label(
    text: str, n: FoundNumber, before: list[_Tok], st: _Static, tables: _Tables
) -> bool:
    """A number inside a date span, a list marker, an identifier or a clock time.

    "Feb. 23, 2023", "on may 7" (lower-cased text), the "11" of the season
    "2010-11", "1- يطالب" (list numbering at the start of a line), "BIA
    10-2474" (a code in capitals), "8 pm", "7 a.m.": none is a count.
    """
    digits_only = not n.words
    after = _tokens_after(text, n.end, 1)
    if after and not after[0].stop and after[0].key in st.clock_words:
        return True
    if before and not before[0].stop and before[0].key in st.clock_words:
        return True  # "الساعة 8"
    if not digits_only:
        return False
    if _LIST_MARK.match(text, n.end) and _LINE_START.search(text, max(0, n.start - 40), n.start):
        return True
    if _SEASON.search(text, max(0, n.start - 5), n.start) and n.end - n.start <= 2:
        return True
    if _CODE_TAIL.search(text, max(0, n.start - 16), n.start):
        return True  # the "2474" of "BIA 10-2474"
    month = _ABBREVIATED_MONTH.search(text, max(0, n.start - 8), n.start)
    if month is not None and _key(month.group(1)) in st.months:
        return True
    if before and not before[0].stop:
        w0 = before[0]
        if (
            _key(w0.text) in st.months_capitalized
            and len(before) > 1
            and before[1].key in st.date_cues
        ):
            return True  # "on may 7", "since march 3"
        if w0.key in st.identifiers:
            return True
        if (
            w0.end + 1 >= n.start
            and _CODE.fullmatch(w0.text)
            and tables.lookup("unit", w0.text) is None
            and tables.lookup("place", w0.text) is None
        ):
            return True  # "BIA 10-2474", "TGN 1412": a code, not a count
    return False


def _bare(word: str) -> str:
    """An Arabic word without a glued preposition or conjunction ("للقرار" -> "القرار")."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    if word[:1] in _AR_PREP and word[1:3] == "ال":
        return word[1:]
    return word


def _is_month(tok: _Tok, st: _Static) -> bool:
    k = _key(tok.text)
    if k not in st.months:
        return False
    return k not in st.months_capitalized or tok.text[:1].isupper()


def _date_follows(text: str, pos: int, st: _Static) -> bool:
    """A month name after the number, across "و8", "من شهر", "/": it is a day."""
    if st.month_near.search(text, pos, pos + 40) is None:
        return False  # the common case, without tokenizing
    toks = _tokens_after(text, pos, 6)
    for i, tok in enumerate(toks):
        if tok.stop:
            return False
        if _is_month(tok, st) or (
            i + 1 < len(toks) and _key(tok.text + " " + toks[i + 1].text) in st.months
        ):
            return True
        k = tok.key
        if k in ("من", "شهر", "of", "th", "st", "nd", "rd", "and") or k.isdigit():
            continue
        if k[:1] == "و" and k[1:].isdigit():
            continue
        return False
    return False


def _next_word_end(text: str, pos: int) -> int | None:
    toks = _tokens_after(text, pos, 1)
    return toks[0].end if toks and not toks[0].stop else None


def _fraction_idiom(text: str, n: FoundNumber, st: _Static) -> bool:
    """The fraction is part of "نصف النهائي", "first half": a contest or a year's part."""
    lo = max(0, n.start - 16)
    for m in st.fraction_idioms.finditer(text, lo, min(len(text), n.end + 16)):
        if m.start() <= n.start < m.end() or m.start() < n.end <= m.end():
            return True
    return False


def _lookup_unit(words: Sequence[str], tables: _Tables) -> LexiconEntry | None:
    """The unit entry ``words`` are a form of, trying Arabic and English inflections."""
    entry = tables.lookup("unit", " ".join(words))
    if entry is not None:
        return entry
    last = words[-1]
    head = " ".join(words[:-1])
    variants: list[str] = []
    if _ARABIC_LETTER.match(last):
        if last.endswith("ا") and len(last) > 3:
            variants.append(last[:-1])  # the tanween alef: هجوماً -> هجوم
        if last.startswith("ال") and len(last) > 4:
            variants.append(last[2:])
    else:
        low = last.casefold()
        if low.endswith("ies"):
            variants.append(low[:-3] + "y")
        if low.endswith("es"):
            variants.append(low[:-2])
        if low.endswith("s"):
            variants.append(low[:-1])
    for v in variants:
        entry = tables.lookup("unit", f"{head} {v}".strip())
        if entry is not None:
            return entry
    return None


def _noun_after(text: str, n: FoundNumber, st: _Static, tables: _Tables) -> _Noun | None:
    """The counted noun after a number (after "من"/"of the" too)."""
    pos = n.end
    definite_ok = n.is_vague or n.fraction
    of = _OF_THE.match(text, pos)
    if of is not None:
        if n.weak and n.value == 1:
            return None  # "one of the officials", "واحد من": one among them
        pos, definite_ok = of.end(), True
    toks = _tokens_after(text, pos, 5)
    if not toks or toks[0].stop:
        return None
    if toks[0].text.startswith("%"):
        entry = tables.lookup("unit", "%")
        return _Noun(entry, toks[0].start, toks[0].start + 1, "%") if entry else None
    words = [t for t in toks if not t.stop]
    if words[0].key in st.adverbs:
        return None  # "قتل 7 أمس", "أصيب 4 اليوم": an adverb, no counted noun
    english = _ARABIC_LETTER.match(words[0].text) is None
    skip = _english_modifiers(words, st, tables) if english else 0
    if skip and len(words) > 1 and _lookup_unit([words[0].text, words[1].text], tables):
        skip = 0  # "Egyptian pounds", "Saudi riyals": the nationality is the unit's
    rest = words[skip:]
    widest = _widest([t.text for t in rest], tables.unit_prefixes, tables.unit_words)
    for size in range(min(widest, len(rest)), 0, -1):
        chunk = rest[:size]  # (words holds no punctuation)
        if size > 1 and chunk[-1].end - chunk[0].start > 60:
            continue
        entry = _lookup_unit([t.text for t in chunk], tables)
        if entry is not None:
            definite = of is not None or chunk[0].key.startswith("ال")
            span = text[chunk[0].start : chunk[-1].end]
            return _Noun(entry, chunk[0].start, chunk[-1].end, span, definite=definite)
    if not rest or (of is None and rest[0].start > pos + 1 + (rest[0].start - words[0].start)):
        return None
    first = rest[0]
    k = first.key
    if k in st.not_units or not first.text[:1].isalpha() or any(c.isdigit() for c in k):
        return None
    if not english and len(first.text) < 2:
        return None  # "7 و 8 جنود": an Arabic letter alone (و, ف, ب) is a particle
    if k in st.months or _is_number_word(k):
        return None
    place = tables.lookup("place", first.text.removesuffix("'s"))
    if place is not None:
        # "ثلث العراق", "a third of Iraq": a part of a place.
        if not n.fraction:
            return None
        return _Noun(None, first.start, first.end, first.text, place.canonical, definite=True)
    if english:
        if k.endswith("ly") or not first.text.isalpha() or _POSSESSIVE.match(text, first.end):
            return None  # "six of herrera 's seven goals": a name, not what is counted
        if len(rest) > 1 and n.value != 1 and not _plural_like(k):
            # Lower-cased text hides names and adjectives: "100 islamic
            # teachers", "hundreds of indecent images" count the plural noun.
            second = rest[1]
            entry = _lookup_unit([second.text], tables)
            if entry is not None or (
                _plural_like(second.key)
                and second.text.isalpha()
                and second.key not in st.not_units
                and second.start - first.end <= 2
            ):
                return _Noun(entry, second.start, second.end, second.text, definite=of is not None)
        return _Noun(None, first.start, first.end, first.text, definite=of is not None)
    if not definite_ok and k.startswith("ال"):
        return None
    if n.is_vague and of is None and not k.startswith("ال"):
        return None  # "عشرات الجنود" is a construct; "العشرات يغرقون" has no noun
    if (k[:1] in _AR_PREP and k[1:3] in ("ال", "لل")) or k.startswith("لل"):
        return None  # a preposition or conjunction on a definite word: "بالعراق"
    if k[:1] in "وف" and len(k) > 3:
        return None  # a conjunction: "قتل 3 وأصيب 5"
    return _Noun(None, first.start, first.end, first.text, definite=definite_ok)


_POSSESSIVE = re.compile(r"[ \t]?['’]s(?!\w)")


def _plural_like(k: str) -> bool:
    return len(k) > 3 and k.endswith("s") and not k.endswith(("ss", "us", "is"))


def _english_modifiers(words: Sequence[_Tok], st: _Static, tables: _Tables) -> int:
    """How many adjectives, demonyms and names stand before an English noun."""
    skip = 0
    while skip < len(words) - 1:
        w = words[skip]
        k = w.key
        # A capitalized word is a name before the noun ("2,500 US troops"), not
        # when a function word follows it ("133 Tests for England").
        proper = (
            w.text[:1].isupper()
            and k not in st.not_units
            and words[skip + 1].key not in st.not_units
        )
        if (
            k in st.adjectives
            or k.endswith(_ENGLISH_COMPOUND)
            or tables.lookup("demonym", w.text) is not None
            or tables.lookup("place", w.text) is not None
            or (proper and _lookup_unit([w.text], tables) is None)
        ):
            skip += 1
            continue
        break
    return skip


def _is_number_word(k: str) -> bool:
    from newsassert.readers.numbers import is_number_word

    return is_number_word(k)


def _noun_before(before: list[_Tok], st: _Static, tables: _Tables) -> _Noun | None:
    """The noun before a postposed number: "جندي واحد", "الدول الثلاث"."""
    if not before or before[0].stop:
        return None
    tok = before[0]
    if tok.key in st.one_idioms:
        return None
    entry = _lookup_unit([tok.text], tables)
    if entry is None and tok.text[:1] in "وف" and len(tok.text) > 4:
        entry = _lookup_unit([tok.text[1:]], tables)  # "وعوامل ثلاثة": and three factors
    if entry is None:
        return None
    return _Noun(entry, tok.start, tok.end, tok.text)


def _range(
    text: str,
    n: FoundNumber,
    nxt: FoundNumber | None,
    start: int,
    noun: _Noun | None,
    st: _Static,
    tables: _Tables,
) -> tuple[int, int, float, float, _Noun | None] | None:
    """A range "X-Y", "X إلى Y", "بين X و Y", "between $3 and $5", "$40-60 million"
    with the noun after Y: (start, end, low, high, noun)."""
    if nxt is None or n.is_vague or nxt.is_vague or nxt.value <= n.value or n.fraction:
        return None
    if noun is not None and noun.end > n.end:
        return None  # "3 جنود و5 مدنيين": two quantities
    join = _RANGE_JOIN.fullmatch(text, n.end, nxt.start)
    if join is None:
        return None
    between = _BETWEEN.search(text, max(0, start - 12), start)
    if between is not None and between.group("w").casefold() in ("from", "من"):
        # "ارتفع من 20 إلى 30", "rose from 20 to 30": a change, two quantities.
        verb = _tokens_before(text, between.start(), 2)
        if any(not t.stop and _bare(t.key) in st.change_verbs for t in verb):
            return None
    conj = join.group("conj").strip().casefold()
    if between is None and conj in ("و", "and", "or", "او"):
        return None
    noun2 = _noun_after(text, nxt, st, tables)
    if between is None and noun2 is None and not (noun is not None and noun.end <= n.start):
        return None
    end = max(nxt.end, noun2.end) if noun2 is not None else nxt.end
    low = n.value * nxt.scale if n.scale == 1 and nxt.scale > 1 and n.value < 1000 else n.value
    if low >= nxt.value:
        return None
    return (between.start() if between is not None else start), end, low, nxt.value, noun2


def _place(text: str, start: int, end: int, floor: int, st: _Static, tables: _Tables) -> str | None:
    """The place the quantity's own clause locates it in, or ``None``."""
    after = _tokens_after(text, end, 8)
    found = _locative_place(after, st, tables, forward=True)
    if found is not None:
        return found or None
    before = _tokens_before(text, start, 10, floor)
    clause = list(reversed(before))
    if clause and clause[0].stop:
        clause = clause[1:]
    for i, tok in enumerate(clause):
        if tok.key in st.clause_openers:
            clause = clause[i + 1 :]
            break
    found = _locative_place(clause, st, tables, forward=False)
    if found is not None:
        return found or None
    if before and before[-1].stop and before[-1].text in ",،":
        found = _fronted_place(text, before[-1].start, floor, st, tables)
        if found is not None:
            return found
    return _place_before_relative(text, start, floor, st, tables)


def _fronted_place(text: str, comma: int, floor: int, st: _Static, tables: _Tables) -> str | None:
    """A locative fronted before a comma at the start of the sentence ("في العراق، ينتشر ...")."""
    prior = _tokens_before(text, comma, 5, floor)
    if not prior or (len(prior) == 5 and not prior[-1].stop):
        return None
    words = [t for t in reversed(prior) if not t.stop]
    if not words or words[0].key not in st.locatives:
        return None
    return _locative_place(words, st, tables, forward=False) or None


def _place_before_relative(
    text: str, start: int, floor: int, st: _Static, tables: _Tables
) -> str | None:
    """ "... سوريا، حيث يوجد نحو 900 جندي": the place named just before حيث/where."""
    # Tokens are read only when حيث/where is in the window they come from (rare).
    window = text[max(floor, start - 16 * 12) : start].casefold()
    if not any(word in window for word in st.relative_place):
        return None
    rel = _tokens_before(text, start, 12, floor, through=",،")
    for tok in rel:
        if tok.key in st.relative_place:
            for t in _tokens_before(text, tok.start, 6, floor, through=",،"):
                if not t.stop:
                    place = _place_of([t], tables)
                    if place is not None:
                        return place
            return None
    return None


def _place_of(chunk: Sequence[_Tok], tables: _Tables) -> str | None:
    words = [t.text for t in chunk]
    if words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]  # "Iraq's"
    entry = tables.lookup("place", " ".join(words))
    first = words[0]
    if entry is None and _ARABIC_LETTER.match(first) and first[:1] in _AR_PREP and len(first) > 3:
        stripped = "ال" + first[2:] if first.startswith("لل") else first[1:]
        entry = tables.lookup("place", " ".join([stripped, *words[1:]]))
    return entry.canonical if entry is not None else None


def _place_at(toks: Sequence[_Tok], i: int, tables: _Tables) -> tuple[str, int] | None:
    widest = 1
    if i + 1 < len(toks):
        # The first word as _place_of reads it, or without a glued preposition.
        words = [t.text for t in toks[i : i + tables.place_words - 1]]
        first = words[0]
        widest = max(
            _widest(words, tables.place_prefixes, tables.place_words),
            _widest(
                ["ال" + first[2:] if first.startswith("لل") else first[1:], *words[1:]],
                tables.place_prefixes,
                tables.place_words,
            ),
        )
    for size in range(min(widest, len(toks) - i), 0, -1):
        chunk = toks[i : i + size]
        if any(t.stop for t in chunk):
            continue
        found = _place_of(chunk, tables)
        if found is not None:
            return found, i + size
    return None


def _locative_place(
    toks: Sequence[_Tok], st: _Static, tables: _Tables, forward: bool
) -> str | None:
    """A place after a locative (في, in, a glued بـ) among ``toks``.

    Returns the canonical place, ``""`` when the clause names two places
    joined by و/and (they locate nothing), or ``None`` when it names none.
    """
    for i, tok in enumerate(toks):
        if tok.stop or (forward and tok.key in st.clause_openers):
            return None
        k = tok.key
        glued = k[:1] == "ب" and k not in st.locatives  # a glued بـ (an Arabic letter)
        if k not in st.locatives and not (glued and (not forward or i <= 2)):
            continue
        j = i if glued else i + 1
        while j < len(toks) and not toks[j].stop and toks[j].key in st.place_modifiers:
            j += 1
        hit = _place_at(toks, j, tables)
        if hit is None:
            continue
        place, after = hit
        if after < len(toks) and not toks[after].stop:
            nk = toks[after].key
            if (nk in ("and", "or") and _place_at(toks, after + 1, tables)) or (
                nk[:1] == "و" and _place_at(toks, after, tables)
            ):
                return ""
        return place
    return None
