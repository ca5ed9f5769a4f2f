"""Hypothesis strategies: news text whose claims are known in advance.

For newsassert's own property tests and for anyone testing an extractor::

    from hypothesis import given
    from newsassert import strategies as nst

    @given(nst.quantities(lang="ar"))
    def test_quantity_read_back(case):
        text, expected = case
        [claim] = [c for c in newsassert.extract(text) if c.kind == "quantity"]
        assert expected.matches(claim)

Every strategy takes keyword-only options, validated when it is called
(:class:`hypothesis.errors.InvalidArgument` for a bad one), and draws its
words from ``data/strategies.toml`` (units and hedges as the built-in lexicon
has them) and ``data/months.json`` (month names from CLDR):

* :func:`numbers`: a number as written, in ASCII, Arabic-Indic or Persian
  digits (with thousands and decimal separators), in Arabic or English words,
  or as digits and a scale word (``2.5 مليون``), with its value;
* :func:`quantities`: a sentence stating one quantity (a hedge, a counted
  noun, maybe a place) and the :class:`ExpectedQuantity` it states;
* :func:`dates`: a sentence stating one date and the :class:`ExpectedDate`;
* :func:`person_names` and :func:`name_pairs`: names of people in the news,
  real and generated, in Arabic or Latin script or both;
* :func:`articles`: a whole article (Arabic, English or mixed, optionally with a
  "read also" block of other stories appended) and every claim it makes;
* :func:`queries`: valid query DSL text.

Importing this module also registers strategies for the claim classes, so
``st.from_type(QuantityClaim)`` (and ``st.builds`` of anything that takes a
claim) gives valid claims.

This module needs Hypothesis: ``pip install 'newsassert[hypothesis]'``.
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
    from hypothesis.strategies import DrawFn, SearchStrategy
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "newsassert.strategies needs Hypothesis, which is not installed; "
        "install it with: pip install 'newsassert[hypothesis]'"
    ) from exc

import calendar
import functools
import math
from collections.abc import Sequence
from typing import Any, ClassVar, TypeAlias

import attrs

from newsassert.model import (
    LANGS,
    MENTION_TYPES,
    QUALIFIERS,
    SECTIONS,
    Claim,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    claim_id,
)
from newsassert.normalize import key
from newsassert.text.data import read_data

__all__ = [
    "ExpectedClaim",
    "ExpectedDate",
    "ExpectedMention",
    "ExpectedQuantity",
    "ExpectedRole",
    "articles",
    "claims",
    "dates",
    "interval",
    "match_claims",
    "name_pairs",
    "numbers",
    "person_names",
    "quantities",
    "queries",
]


SCRIPTS = ("ascii", "arabic", "persian")
_DIGITS = {"ascii": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}
_THOUSANDS = {"ascii": (",",), "arabic": ("٬", ","), "persian": ("٬",)}
_DECIMAL = {"ascii": ".", "arabic": "٫", "persian": "٫"}

# ---------------------------------------------------------------------------
# What a generated text states
# ---------------------------------------------------------------------------


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _section_fits(expected: str, found: str) -> bool:
    # The title counts as body everywhere checks look (PRODUCT.md).
    return found == expected or (expected == "body" and found == "title")


@attrs.frozen
class ExpectedQuantity:
    """A quantity a generated text states.

    ``value`` is ``None`` for vague quantities (``عشرات``, ``dozens``), which
    state only an interval. ``phrase`` is the generated expression (hedge,
    number, noun, place) as it appears in the text.
    """

    kind: ClassVar[str] = "quantity"

    value: float | None
    qualifier: str = attrs.field(validator=attrs.validators.in_(QUALIFIERS))
    low: float | None
    high: float | None
    unit: str | None
    place: str | None = None
    phrase: str = ""
    section: str = "body"

    def matches(self, claim: Claim) -> bool:
        """Whether ``claim`` is this quantity (value fields and section)."""
        return (
            isinstance(claim, QuantityClaim)
            and (self.value is None or _close(claim.value, self.value))
            and claim.qualifier == self.qualifier
            and _close(claim.low, self.low)
            and _close(claim.high, self.high)
            and claim.unit == self.unit
            and claim.place == self.place
            and _section_fits(self.section, claim.section)
        )


@attrs.frozen
class ExpectedDate:
    """A date a generated text states, as complete as the text gives it."""

    kind: ClassVar[str] = "date"

    year: int | None
    month: int | None
    day: int | None
    phrase: str = ""
    section: str = "body"

    @property
    def resolved(self) -> str | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def matches(self, claim: Claim) -> bool:
        return (
            isinstance(claim, DateClaim)
            and (claim.year, claim.month, claim.day) == (self.year, self.month, self.day)
            and claim.resolved == self.resolved
            and _section_fits(self.section, claim.section)
        )


@attrs.frozen
class ExpectedRole:
    """A person holding an office: canonical title and country, the name as written."""

    kind: ClassVar[str] = "role"

    title: str
    country: str | None
    person: str
    section: str = "body"

    def matches(self, claim: Claim) -> bool:
        return (
            isinstance(claim, RoleClaim)
            and claim.title == self.title
            and claim.country == self.country
            and key(claim.person) == key(self.person)
            and _section_fits(self.section, claim.section)
        )


@attrs.frozen
class ExpectedMention:
    """A person or place named in a generated text.

    A person is matched by its name as written; a place by its canonical
    English ``entity``.
    """

    kind: ClassVar[str] = "mention"

    type: str = attrs.field(validator=attrs.validators.in_(MENTION_TYPES))
    name: str
    entity: str | None = None
    section: str = "body"

    def matches(self, claim: Claim) -> bool:
        if not isinstance(claim, MentionClaim) or claim.type != self.type:
            return False
        if not _section_fits(self.section, claim.section):
            return False
        if self.type == "person":
            return key(claim.name) == key(self.name)
        return claim.entity == self.entity


ExpectedClaim: TypeAlias = ExpectedQuantity | ExpectedDate | ExpectedRole | ExpectedMention


def interval(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """The interval a hedged value asserts (PRODUCT.md's defaults; ``None`` is unbounded)."""
    if qualifier == "exact":
        return value, value
    if qualifier == "approx":
        return value * 0.9, value * 1.1
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return 0.0, value
    raise ValueError(f"no default interval for qualifier {qualifier!r}")


def match_claims(
    expected: Sequence[ExpectedClaim],
    claims: Sequence[Claim],
    *,
    strict: Sequence[str] = ("quantity", "date", "role"),
) -> tuple[tuple[ExpectedClaim, ...], tuple[Claim, ...]]:
    """Pair expected claims with extracted ones: ``(missing, unexpected)``.

    Each extracted claim answers at most one expectation. ``unexpected`` lists
    the extracted claims of the ``strict`` kinds that no expectation asked
    for; mentions are checked for recall only by default, since titles and
    frames may name places the generator did not mean as claims.
    """
    free = list(claims)
    missing: list[ExpectedClaim] = []
    for want in expected:
        for i, claim in enumerate(free):
            if want.matches(claim):
                del free[i]
                break
        else:
            missing.append(want)
    unexpected = tuple(c for c in free if c.kind in strict)
    return tuple(missing), unexpected


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


@functools.cache
def _vocabulary() -> dict[str, Any]:
    data: dict[str, Any] = read_data("strategies.toml")
    return data


@functools.cache
def _months() -> dict[str, tuple[tuple[int, str], ...]]:
    """Month names by language and system, from CLDR (``data/months.json``)."""
    table: dict[str, list[tuple[int, str]]] = {}
    for entry in read_data("months.json")["months"]:
        if entry["lang"] == "en":
            if "format-wide" not in entry["forms"]:
                continue
            system = "en"
        else:
            # Names that need context alone ("مارس" is also a verb) have it
            # here: a day or a year always stands beside them.
            system = entry.get("system", "standard")
        table.setdefault(system, []).append((int(entry["month"]), str(entry["name"])))
    return {
        system: tuple(sorted(table.get(system, ()))) for system in ("en", *_AR_SYSTEMS)
    }


def _check_choice(name: str, value: object, choices: Sequence[object]) -> None:
    if value not in choices:
        shown = ", ".join(repr(c) for c in choices)
        raise InvalidArgument(f"{name}={value!r} must be one of {shown}")


def _check_lang(lang: object, allowed: Sequence[str | None] = ("ar", "en", None)) -> None:
    _check_choice("lang", lang, allowed)


@functools.cache
def _langs(lang: str | None) -> SearchStrategy[str]:
    return st.just(lang) if lang is not None else st.sampled_from(("ar", "en"))


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

_EN_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Arabic 3-10 take the opposite gender of the counted noun's singular:
# "ثلاثة جنود" (masculine noun), "ثلاث غارات" (feminine noun).
_AR_WITH_MASCULINE = {
    3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة",
}  # fmt: skip
_AR_WITH_FEMININE = {
    3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر",
}  # fmt: skip
# Tens in the accusative/genitive (usual after verbs and prepositions) and nominative.
_AR_TENS = {
    20: ("عشرين", "عشرون"), 30: ("ثلاثين", "ثلاثون"), 40: ("أربعين", "أربعون"),
    50: ("خمسين", "خمسون"), 60: ("ستين", "ستون"), 70: ("سبعين", "سبعون"),
    80: ("ثمانين", "ثمانون"), 90: ("تسعين", "تسعون"),
}  # fmt: skip
_AR_HUNDREDS = {
    1: ("مئة", "مائة"), 3: ("ثلاثمئة", "ثلاثمائة"), 4: ("أربعمئة", "أربعمائة"),
    5: ("خمسمئة", "خمسمائة"), 6: ("ستمئة", "ستمائة"), 7: ("سبعمئة", "سبعمائة"),
    8: ("ثمانمئة", "ثمانمائة"), 9: ("تسعمئة", "تسعمائة"),
}  # fmt: skip


def _en_below_100(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    tens, ones = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")


def _en_below_1000(n: int, draw: DrawFn, leading: bool = True) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _en_below_100(rest)
    # "a hundred" only opens a number: "one thousand one hundred", not "… a hundred".
    a_hundred = hundreds == 1 and leading and draw(st.booleans())
    head = "a hundred" if a_hundred else f"{_EN_ONES[hundreds]} hundred"
    if not rest:
        return head
    joiner = draw(st.sampled_from((" and ", " ")))
    return f"{head}{joiner}{_en_below_100(rest)}"


def _en_words(n: int, draw: DrawFn) -> str:
    """``n`` (2-999,999) in English words: "two thousand five hundred"."""
    if n == 12 and draw(st.booleans()):
        return "a dozen"
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _en_below_1000(rest, draw)
    head = f"{_en_below_1000(thousands, draw)} thousand"
    if thousands == 1 and draw(st.booleans()):
        head = "a thousand"
    if not rest:
        return head
    # No comma after "thousand": in running text it would read as a list.
    joiner = " and " if rest < 100 else " "
    return f"{head}{joiner}{_en_below_1000(rest, draw, leading=False)}"


def _ar_below_100(n: int, gender: str, nominative: bool) -> str:
    """3-99 in Arabic words, agreeing with a counted noun of ``gender``."""
    three_to_ten = _AR_WITH_MASCULINE if gender == "m" else _AR_WITH_FEMININE
    if n <= 10:
        return three_to_ten[n]
    if n < 20:
        unit = n - 10
        if unit == 1:
            return "أحد عشر" if gender == "m" else "إحدى عشرة"
        if unit == 2:
            if gender == "m":
                return "اثنا عشر" if nominative else "اثني عشر"
            return "اثنتا عشرة" if nominative else "اثنتي عشرة"
        return f"{three_to_ten[unit]} عشر" if gender == "m" else f"{three_to_ten[unit]} عشرة"
    tens_value, unit = divmod(n, 10)
    tens = _AR_TENS[tens_value * 10][1 if nominative else 0]
    if not unit:
        return tens
    if unit == 1:
        ones = "واحد" if gender == "m" else "إحدى"
    elif unit == 2:
        ones = ("اثنان" if nominative else "اثنين") if gender == "m" else (
            "اثنتان" if nominative else "اثنتين"
        )
    else:
        ones = three_to_ten[unit]
    return f"{ones} و{tens}"


def _ar_words(
    parts: tuple[int, int, int], gender: str, draw: DrawFn
) -> tuple[str, str]:
    """(thousands, hundreds, rest) in Arabic words, and the form of the noun after it.

    The noun's form follows the last part said: ``plural`` after 3-10,
    ``accusative`` (singular) after 11-99, ``singular`` after a round hundred
    or thousand. ``rest`` is 0 or 3-99 (1 and 2 are said with the noun alone).
    """
    thousands, hundreds, rest = parts
    nominative = draw(st.booleans()) and draw(st.booleans())  # the rarer case in news
    said: list[str] = []
    last_is_round = rest == 0
    if thousands:
        construct = last_is_round and not hundreds  # "ألفي جندي", "عشرين ألف جندي"
        if thousands == 1:
            said.append("ألف")
        elif thousands == 2:
            said.append("ألفي" if construct else ("ألفان" if nominative else "ألفين"))
        elif thousands <= 10:
            said.append(f"{_AR_WITH_MASCULINE[thousands]} آلاف")  # ألف is masculine
        else:
            tail = "ألف" if construct else draw(st.sampled_from(("ألفا", "ألف")))
            said.append(f"{_ar_below_100(thousands, 'm', nominative)} {tail}")
    if hundreds:
        construct = last_is_round
        if hundreds == 2:
            spelling = draw(st.sampled_from(("مئت", "مائت")))
            said.append(spelling + ("ي" if construct else ("ان" if nominative else "ين")))
        else:
            said.append(draw(st.sampled_from(_AR_HUNDREDS[hundreds])))
    if rest:
        said.append(_ar_below_100(rest, gender, nominative))
    text = " و".join(said)
    if rest and rest <= 10:
        return text, "plural"
    if rest:
        return text, "accusative"
    return text, "singular"


@st.composite
def _ar_word_parts(draw: DrawFn) -> tuple[int, int, int]:
    rest = draw(st.sampled_from((0, *range(3, 100))))
    hundreds = draw(st.integers(0, 9))
    thousands = draw(st.sampled_from((0, 0, 0, *range(1, 100))))
    if thousands == hundreds == rest == 0:
        rest = draw(st.integers(3, 99))
    return thousands, hundreds, rest


def _value_of(parts: tuple[int, int, int]) -> float:
    thousands, hundreds, rest = parts
    return float(thousands * 1000 + hundreds * 100 + rest)


def _write_digits(
    value: float, script: str, draw: DrawFn, decimals: int = 0
) -> str:
    """``value`` in the digits of ``script``, grouped by thousands or not."""
    whole, _, fraction = f"{value:.{decimals}f}".partition(".")
    if len(whole) > 3 and draw(st.booleans()):
        separator = draw(st.sampled_from(_THOUSANDS[script]))
        groups: list[str] = []
        while len(whole) > 3:
            whole, group = whole[:-3], whole[-3:]
            groups.insert(0, group)
        whole = separator.join([whole, *groups])
    text = f"{whole}{_DECIMAL[script]}{fraction}" if fraction else whole
    return text.translate(str.maketrans("0123456789", _DIGITS[script]))


@functools.cache
def _scripts(script: str | None, lang: str) -> SearchStrategy[str]:
    if script is not None:
        return st.just(script)
    # Arabic text is written with either digit set; English with ASCII digits.
    return st.sampled_from(("ascii", "arabic", "persian")) if lang == "ar" else st.just("ascii")


@st.composite
def _integers(draw: DrawFn, low: int = 3, max_digits: int = 7) -> int:
    # Spread over magnitudes: counts in news run from a handful to millions.
    digits = draw(st.integers(len(str(low)), max_digits))
    return int(draw(st.integers(max(low, 10 ** (digits - 1)), 10**digits - 1)))


def numbers(
    *, script: str | None = None, words: bool | None = None, lang: str | None = None
) -> SearchStrategy[tuple[str, float]]:
    """A number as news writes it, and its value: ``("٢٬٥٠٠", 2500.0)``.

    :param script: the digits, ``"ascii"`` (0-9), ``"arabic"`` (٠-٩) or
        ``"persian"`` (۰-۹); any of them when ``None`` (ASCII in English).
    :param words: ``True`` for number words only (``ألفين وخمسمائة``,
        ``twenty-three``), ``False`` for digits only (with thousands and decimal
        separators), ``None`` for either or digits with a scale word
        (``2.5 مليون``, ``3 million``).
    :param lang: the language of words and scale words, ``"ar"`` or ``"en"``
        (either when ``None``).
    """
    _check_choice("script", script, (*SCRIPTS, None))
    _check_choice("words", words, (True, False, None))
    _check_lang(lang)
    if words is True and script is not None:
        raise InvalidArgument(
            f"script={script!r} chooses digits, but words=True writes no digits"
        )
    kinds = {True: ("words",), False: ("digits",), None: ("digits", "words", "scaled")}[words]
    return st.sampled_from(kinds).flatmap(
        lambda kind: _langs(lang).flatmap(lambda lg: _number(kind, lg, script))
    )


@functools.cache
def _number(kind: str, lang: str, script: str | None) -> SearchStrategy[tuple[str, float]]:
    @st.composite
    def build(draw: DrawFn) -> tuple[str, float]:
        if kind == "words":
            if lang == "ar":
                parts = draw(_ar_word_parts())
                text, _ = _ar_words(parts, "m", draw)
                return text, _value_of(parts)
            n = draw(_integers(low=2, max_digits=6))
            return _en_words(n, draw), float(n)
        chosen = draw(_scripts(script, lang))
        if kind == "scaled":
            text, value, _ = draw(_scaled(lang, chosen))
            return text, value
        if draw(st.integers(0, 4)) == 0:
            tenths = draw(st.integers(1, 99_999))
            if tenths % 10:
                return _write_digits(tenths / 10, chosen, draw, decimals=1), tenths / 10
        n = draw(_integers())
        return _write_digits(n, chosen, draw), float(n)

    return build()


@functools.cache
def _scaled(lang: str, script: str) -> SearchStrategy[tuple[str, float, str]]:
    """Digits and a scale word, its value, and the noun form after it (singular)."""

    @st.composite
    def build(draw: DrawFn) -> tuple[str, float, str]:
        tenths = draw(st.integers(10, 999))
        number = tenths / 10
        digits = _write_digits(number, script, draw, decimals=0 if tenths % 10 == 0 else 1)
        if lang == "en":
            scale, factor = draw(st.sampled_from((("million", 1e6), ("billion", 1e9))))
        elif tenths % 10 == 0 and 3 <= number <= 10:
            scale, factor = draw(st.sampled_from((("ملايين", 1e6), ("مليارات", 1e9))))
        else:
            scale, factor = draw(st.sampled_from((("مليون", 1e6), ("مليار", 1e9))))
        return f"{digits} {scale}", tenths * factor / 10, "singular"

    return build()


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


def quantities(
    *, lang: str | None = None, script: str | None = None, words: bool | None = None
) -> SearchStrategy[tuple[str, ExpectedQuantity]]:
    """A sentence stating one quantity, and the quantity it states.

    ``وسجلت السلطات نحو 150 هجوما منذ بداية العملية.`` →
    ``ExpectedQuantity(value=150, qualifier="approx", low=135, high=165, unit="attack")``.
    The quantity is a counted noun (with its Arabic number agreement), a
    percentage, a vague word (``عشرات الجنود``, ``dozens of soldiers``) or
    digits with a scale word, with a hedge before or after it and a place
    (``في العراق``) or not.

    :param lang: ``"ar"``, ``"en"``, or ``None`` for either.
    :param script: the digits (see :func:`numbers`), ``None`` for any.
    :param words: ``True``: counted nouns in number words only; ``False``:
        digits only; ``None``: either.
    """
    _check_lang(lang)
    _check_choice("script", script, (*SCRIPTS, None))
    _check_choice("words", words, (True, False, None))
    if words is True and script is not None:
        raise InvalidArgument(
            f"script={script!r} chooses digits, but words=True writes no digits"
        )
    return _langs(lang).flatmap(lambda lg: _quantity_sentence(lg, script, words))


@functools.cache
def _quantity_sentence(
    lang: str, script: str | None, words: bool | None
) -> SearchStrategy[tuple[str, ExpectedQuantity]]:
    frames = _vocabulary()["frames"][lang]["quantity"]
    return st.tuples(st.sampled_from(frames), _quantity_phrase(lang, script, words)).map(
        lambda pair: (pair[0].format(q=pair[1].phrase), pair[1])
    )


@functools.cache
def _quantity_phrase(
    lang: str, script: str | None, words: bool | None
) -> SearchStrategy[ExpectedQuantity]:
    vocabulary = _vocabulary()

    @st.composite
    def build(draw: DrawFn) -> ExpectedQuantity:
        shapes = ["counted"] if words is True else ["counted", "percent", "scaled", "vague"]
        shape = draw(st.sampled_from(shapes))
        unit = draw(st.sampled_from(vocabulary["unit"]))
        if shape == "vague":
            unit = draw(st.sampled_from([u for u in vocabulary["unit"] if u.get("vague", True)]))
            word = draw(st.sampled_from(vocabulary["vague"]))
            noun = unit["ar_definite_plural"] if lang == "ar" else unit["en_plural"]
            core = f"{word['ar']} {noun}" if lang == "ar" else f"{word['en']} of {noun}"
            place = _maybe_place(draw, lang)
            return ExpectedQuantity(
                value=None,
                qualifier="vague",
                low=float(word["low"]),
                high=float(word["high"]),
                unit=unit["lemma"],
                place=place[1] if place else None,
                phrase=core + (place[0] if place else ""),
            )
        chosen = draw(_scripts(script, lang))
        if shape == "percent":
            tenths = draw(st.integers(1, 999))
            decimals = 1 if tenths % 10 else 0
            value = tenths / 10
            number = _write_digits(value, chosen, draw, decimals=decimals)
            signs = (
                ("%", "٪", " في المئة", " في المائة", " بالمئة")
                if lang == "ar"
                else ("%", " percent", " per cent")
            )
            core, lemma = number + draw(st.sampled_from(signs)), "percent"
        elif shape == "scaled":
            number, value, _ = draw(_scaled(lang, chosen))
            noun = unit["ar_singular"] if lang == "ar" else unit["en_plural"]
            core, lemma = f"{number} {noun}", unit["lemma"]
        else:
            core, value = _counted(draw, lang, unit, chosen, words)
            lemma = unit["lemma"]
        qualifier, core = _hedge(draw, lang, core)
        low, high = interval(value, qualifier)
        place = _maybe_place(draw, lang) if shape != "percent" else None
        return ExpectedQuantity(
            value=value,
            qualifier=qualifier,
            low=low,
            high=high,
            unit=lemma,
            place=place[1] if place else None,
            phrase=core + (place[0] if place else ""),
        )

    return build()


def _counted(
    draw: DrawFn,
    lang: str,
    unit: dict[str, str],
    script: str,
    words: bool | None,
) -> tuple[str, float]:
    """A number and its counted noun, in the noun form the number calls for."""
    use_words = draw(st.booleans()) if words is None else words
    if lang == "en":
        if use_words:
            n = draw(_integers(low=2, max_digits=6))
            number = _en_words(n, draw)
        else:
            n = draw(_integers(low=2))
            number = _write_digits(n, script, draw)
        return f"{number} {unit['en_plural']}", float(n)
    if use_words:
        parts = draw(_ar_word_parts())
        number, form = _ar_words(parts, unit["gender"], draw)
        value = _value_of(parts)
    else:
        n = draw(_integers())
        number = _write_digits(n, script, draw)
        value = float(n)
        if n <= 10:
            form = "plural"
        elif 11 <= n % 100 <= 99:
            # After digits news writes the singular, with or without the accusative.
            form = draw(st.sampled_from(("accusative", "singular")))
        else:
            form = "singular"
    return f"{number} {unit['ar_' + form]}", value


def _hedge(
    draw: DrawFn, lang: str, core: str
) -> tuple[str, str]:
    hedges = [h for h in _vocabulary()["hedge"] if h["lang"] == lang]
    if draw(st.integers(0, 2)) == 0:
        return "exact", core
    hedge = draw(st.sampled_from(hedges))
    form = draw(st.sampled_from(hedge["forms"]))
    text = f"{form} {core}" if hedge["position"] == "before" else f"{core} {form}"
    return str(hedge["qualifier"]), text


def _maybe_place(
    draw: DrawFn, lang: str
) -> tuple[str, str] | None:
    if draw(st.booleans()):
        return None
    place = draw(st.sampled_from(_vocabulary()["place"]))
    return (f" في {place['ar']}" if lang == "ar" else f" in {place['en']}"), place["canonical"]


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


def dates(
    *, lang: str | None = None, script: str | None = None
) -> SearchStrategy[tuple[str, ExpectedDate]]:
    """A sentence stating one date, and the date.

    Full dates in every form issue-tracked news uses (``25 كانون الثاني/يناير 2024``,
    ``25 جانفي 2024``, ``27/1/2024``, ``2024-01-27``, ``January 27, 2024``,
    ``27 January 2024``), month and year (``يناير 2024``, ``in May 2024``) and
    years alone (``عام 2008``, ``in 2014``).

    :param lang: ``"ar"``, ``"en"``, or ``None`` for either.
    :param script: the digits (see :func:`numbers`), ``None`` for any.
    """
    _check_lang(lang)
    _check_choice("script", script, (*SCRIPTS, None))
    return _langs(lang).flatmap(lambda lg: _date_sentence(lg, script))


@functools.cache
def _date_sentence(lang: str, script: str | None) -> SearchStrategy[tuple[str, ExpectedDate]]:
    frames = _vocabulary()["frames"][lang]

    @st.composite
    def build(draw: DrawFn) -> tuple[str, ExpectedDate]:
        expected = draw(_date_phrase(lang, script))
        if expected.day is not None:
            frame = draw(st.sampled_from(frames["date_day"]))
        elif expected.month is not None:
            frame = draw(st.sampled_from(frames["date_month"]))
        else:
            frame = draw(st.sampled_from(frames["date_year"]))
        return frame.format(date=expected.phrase), expected

    return build()


@functools.cache
def _date_phrase(lang: str, script: str | None) -> SearchStrategy[ExpectedDate]:
    @st.composite
    def build(draw: DrawFn) -> ExpectedDate:
        chosen = draw(_scripts(script, lang))

        def digits(n: int, width: int = 0) -> str:
            return f"{n:0{width}d}".translate(str.maketrans("0123456789", _DIGITS[chosen]))

        year = draw(st.integers(1990, 2030))
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
        precision = draw(st.sampled_from(("day", "day", "day", "month", "year")))
        months = _months()
        if lang == "en":
            name = dict(months["en"])[month]
            if precision == "year":
                return ExpectedDate(year, None, None, f"in {digits(year)}")
            if precision == "month":
                return ExpectedDate(year, month, None, f"{name} {digits(year)}")
            shape = draw(st.sampled_from(("mdy", "dmy", "iso")))
            text = {
                "mdy": f"{name} {digits(day)}, {digits(year)}",
                "dmy": f"{digits(day)} {name} {digits(year)}",
                "iso": f"{digits(year)}-{digits(month, 2)}-{digits(day, 2)}",
            }[shape]
            return ExpectedDate(year, month, day, text)
        if precision == "year":
            return ExpectedDate(year, None, None, f"عام {digits(year)}")
        # Each month in each calendar tradition, "كانون الثاني/يناير" pairing two.
        names = {system: _names_of(months[system], month) for system in _AR_SYSTEMS}
        choices = [system for system in _AR_SYSTEMS if names[system]]
        if names["levantine"] and names["standard"]:
            choices.append("both")
        system = draw(st.sampled_from(choices))
        if system == "both":
            levantine = draw(st.sampled_from(names["levantine"]))
            standard = draw(st.sampled_from(names["standard"]))
            name = f"{levantine}/{standard}"
        else:
            name = draw(st.sampled_from(names[system]))
        if precision == "month":
            return ExpectedDate(year, month, None, f"{name} {digits(year)}")
        shape = draw(st.sampled_from(("dmy", "dmy", "of_month", "dashes", "slashes", "iso")))
        text = {
            "dmy": f"{digits(day)} {name} {digits(year)}",
            "of_month": f"{digits(day)} من شهر {name} {digits(year)}",
            "dashes": f"{digits(day)}-{digits(month)}-{digits(year)}",
            "slashes": f"{digits(day)}/{digits(month)}/{digits(year)}",
            "iso": f"{digits(year)}-{digits(month, 2)}-{digits(day, 2)}",
        }[shape]
        return ExpectedDate(year, month, day, text)

    return build()


_AR_SYSTEMS = ("standard", "levantine", "maghreb")


def _names_of(names: Sequence[tuple[int, str]], month: int) -> list[str]:
    return [name for number, name in names if number == month]


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


@functools.cache
def name_pairs() -> SearchStrategy[tuple[str, str]]:
    """One person's name in Arabic and in Latin script: ``("فؤاد حسين", "Fuad Hussein")``.

    Real people in the news, and names built from given and family names
    whose spellings correspond part by part.
    """
    vocabulary = _vocabulary()
    real = st.sampled_from([(p["ar"], p["en"]) for p in vocabulary["person"]])
    given = st.sampled_from([tuple(g) for g in vocabulary["names"]["given"]])
    family = st.sampled_from([tuple(f) for f in vocabulary["names"]["family"]])
    built = st.tuples(given, st.lists(given, max_size=1), family).map(
        lambda t: (
            " ".join([t[0][0], *(g[0] for g in t[1]), t[2][0]]),
            " ".join([t[0][1], *(g[1] for g in t[1]), t[2][1]]),
        )
    )
    return st.one_of(real, built)


def person_names(*, script: str | None = None) -> SearchStrategy[str]:
    """A person's name, real or generated, in ``"arabic"`` or ``"latin"`` script (either when ``None``)."""
    _check_choice("script", script, ("arabic", "latin", None))
    scripts = st.just(script) if script is not None else st.sampled_from(("arabic", "latin"))
    return st.tuples(name_pairs(), scripts).map(lambda t: t[0][0] if t[1] == "arabic" else t[0][1])


# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------


@functools.cache
def _role_sentence(lang: str) -> SearchStrategy[tuple[str, tuple[ExpectedClaim, ...]]]:
    vocabulary = _vocabulary()

    @st.composite
    def build(draw: DrawFn) -> tuple[str, tuple[ExpectedClaim, ...]]:
        role = draw(st.sampled_from(vocabulary["role"]))
        name = draw(person_names(script="arabic" if lang == "ar" else "latin"))
        frame = draw(st.sampled_from(vocabulary["frames"][lang]["role"]))
        text = frame.format(role=role[lang], name=name)
        return text, (
            ExpectedRole(role["title"], role.get("country"), name),
            ExpectedMention("person", name),
        )

    return build()


@functools.cache
def _quantity_sentence_claims(lang: str) -> SearchStrategy[tuple[str, tuple[ExpectedClaim, ...]]]:
    return _quantity_sentence(lang, None, None).map(lambda t: (t[0], _with_place(t[1])))


def _with_place(quantity: ExpectedQuantity) -> tuple[ExpectedClaim, ...]:
    if quantity.place is None:
        return (quantity,)
    return quantity, ExpectedMention("place", quantity.place, entity=quantity.place)


@functools.cache
def _sentence(lang: str) -> SearchStrategy[tuple[str, tuple[ExpectedClaim, ...]]]:
    filler = st.sampled_from(_vocabulary()["frames"][lang]["filler"]).map(lambda s: (s, ()))
    date = dates(lang=lang).map(lambda t: (t[0], (t[1],)))
    return st.one_of(_quantity_sentence_claims(lang), date, _role_sentence(lang), filler)


@functools.cache
def _paragraph(lang: str) -> SearchStrategy[tuple[str, tuple[ExpectedClaim, ...]]]:
    return st.lists(_sentence(lang), min_size=1, max_size=3).map(
        lambda sentences: (
            " ".join(s for s, _ in sentences),
            tuple(c for _, claims in sentences for c in claims),
        )
    )


@functools.cache
def _read_also(lang: str) -> SearchStrategy[tuple[str, tuple[ExpectedClaim, ...]]]:
    frames = _vocabulary()["frames"][lang]
    headline = st.tuples(
        st.sampled_from(frames["headline"]), _quantity_phrase(lang, None, None)
    ).map(lambda t: (t[0].format(q=t[1].phrase), t[1]))
    return st.lists(headline, min_size=1, max_size=3).map(
        lambda lines: (
            "\n".join([frames["read_also"], *(text for text, _ in lines)]),
            tuple(
                attrs.evolve(claim, section="boilerplate")
                for _, quantity in lines
                for claim in _with_place(quantity)
            ),
        )
    )


def articles(
    *, lang: str | None = None, boilerplate: bool | None = None
) -> SearchStrategy[tuple[str, tuple[ExpectedClaim, ...]]]:
    """An article and every claim it makes.

    Paragraphs of sentences built from templates, each stating a quantity, a
    date, a role with its holder, or nothing checkable. The expected claims
    are :class:`ExpectedQuantity`, :class:`ExpectedDate`,
    :class:`ExpectedRole` and :class:`ExpectedMention` values, in text order;
    compare them with the extracted claims through :func:`match_claims`.

    :param lang: ``"ar"``, ``"en"``, ``"mixed"`` (Arabic paragraphs and at
        least one English one, as a source with an English summary), or
        ``None`` for any.
    :param boilerplate: ``True`` appends a "read also" block (``اقرأ أيضا:``
        and headlines of other stories stating quantities) whose claims are
        expected in the ``boilerplate`` section, never in the body; ``None``
        for either.
    """
    _check_lang(lang, ("ar", "en", "mixed", None))
    _check_choice("boilerplate", boilerplate, (True, False, None))
    langs = st.just(lang) if lang is not None else st.sampled_from(("ar", "en", "mixed"))
    with_block = st.just(boilerplate) if boilerplate is not None else st.booleans()
    return st.tuples(langs, with_block).flatmap(lambda t: _article(t[0], t[1]))


@functools.cache
def _article(lang: str, boilerplate: bool) -> SearchStrategy[tuple[str, tuple[ExpectedClaim, ...]]]:
    @st.composite
    def build(
        draw: DrawFn,
    ) -> tuple[str, tuple[ExpectedClaim, ...]]:
        if lang == "mixed":
            paragraph_langs = [*["ar"] * draw(st.integers(1, 3)), "en"]
        else:
            paragraph_langs = [lang] * draw(st.integers(1, 4))
        paragraphs = [draw(_paragraph(lg)) for lg in paragraph_langs]
        if boilerplate:
            paragraphs.append(draw(_read_also(paragraph_langs[-1 if lang != "mixed" else 0])))
        separator = draw(st.sampled_from(("\n\n", "\n")))
        text = separator.join(p for p, _ in paragraphs) + "\n"
        return text, tuple(c for _, claims in paragraphs for c in claims)

    return build()


# ---------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------


def queries(*, kinds: Sequence[str] | None = None) -> SearchStrategy[str]:
    """Valid query DSL text: a kind and, usually, a ``where`` expression.

    Fields are those of the kind, each compared with values of its type
    (numbers, ISO dates, enum choices, quoted or bare text, regular
    expressions for ``~``, names for ``like``), combined with ``and``,
    ``or``, ``not`` and parentheses.

    :param kinds: the kinds to start queries with (every kind when ``None``).
    """
    from newsassert.query.fields import QUERY_KINDS

    if kinds is not None:
        for kind in kinds:
            _check_choice("kinds", kind, QUERY_KINDS)
        if not kinds:
            raise InvalidArgument("kinds= must name at least one kind")
    chosen = tuple(kinds) if kinds is not None else QUERY_KINDS
    return st.sampled_from(chosen).flatmap(_query_of)


@functools.cache
def _query_of(kind: str) -> SearchStrategy[str]:
    from newsassert.query.fields import fields_of

    fields = list(fields_of(kind).values())
    test = st.sampled_from(fields).flatmap(_test_of)
    expression = st.recursive(
        test,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from((" and ", " or ", " AND ")), inner).map(
                lambda t: f"{t[0]}{t[1]}{t[2]}"
            ),
            inner.map(lambda e: f"not {e}"),
            inner.map(lambda e: f"({e})"),
        ),
        max_leaves=6,
    )
    return st.one_of(st.just(kind), expression.map(lambda e: f"{kind} where {e}"))


_BARE = st.text(alphabet="abcdefghijklmnopqrstuvwxyzالعراقسوريا-", min_size=1, max_size=10).filter(
    lambda w: w.lower() not in {"where", "and", "or", "not", "in", "is", "null", "like"}
    and not w.startswith("-")
    and not w.endswith("-")
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


_STRING = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=12).map(
    lambda s: f'"{_escape(s)}"'
)
_REGEX = st.sampled_from(("^a", "ا$", "[0-9]+", "al-?", "(foo|bar)", ".*", "\\d{2}"))


def _number_text() -> SearchStrategy[str]:
    return st.one_of(
        st.integers(-10, 10**6).map(str),
        st.decimals(0, 10**4, places=2, allow_nan=False, allow_infinity=False).map(str),
    )


def _date_text() -> SearchStrategy[str]:
    return st.dates().filter(lambda d: d.year >= 1000).map(lambda d: d.isoformat())


def _test_of(field: Any) -> SearchStrategy[str]:
    name = field.name
    null = st.sampled_from((f"{name} is null", f"{name} is not null"))
    if field.type in ("number", "date"):
        value = _number_text() if field.type == "number" else _date_text()
        compare = st.tuples(st.sampled_from(("=", "!=", "<", "<=", ">", ">=")), value).map(
            lambda t: f"{name} {t[0]} {t[1]}"
        )
        members = st.lists(value, min_size=1, max_size=3).map(
            lambda vs: f"{name} in [{', '.join(vs)}]"
        )
        return st.one_of(compare, members, null)
    if field.type == "bool":
        return st.tuples(st.sampled_from(("=", "!=")), st.sampled_from(("true", "false"))).map(
            lambda t: f"{name} {t[0]} {t[1]}"
        )
    if field.type == "enum":
        choice = st.sampled_from(field.choices)
        return st.one_of(
            st.tuples(st.sampled_from(("=", "!=")), choice).map(lambda t: f"{name} {t[0]} {t[1]}"),
            st.lists(choice, min_size=1, max_size=3).map(
                lambda vs: f"{name} in [{', '.join(vs)}]"
            ),
        )
    value = st.one_of(_BARE, _STRING)
    tests = [
        st.tuples(st.sampled_from(("=", "!=")), value).map(lambda t: f"{name} {t[0]} {t[1]}"),
        _REGEX.map(lambda r: f'{name} ~ "{_escape(r)}"'),
        st.lists(value, min_size=1, max_size=3).map(lambda vs: f"{name} in [{', '.join(vs)}]"),
        null,
    ]
    if field.names:
        tests.append(person_names().map(lambda n: f'{name} like "{n}"'))
    return st.one_of(tests)


# ---------------------------------------------------------------------------
# Claims, for st.from_type
# ---------------------------------------------------------------------------

_IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12)
_SURFACE = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20)


@st.composite
def _common(draw: DrawFn, kind: str) -> dict[str, Any]:
    """The fields every claim shares, consistent with each other."""
    text = draw(_SURFACE)
    before = draw(st.text(max_size=10).filter(lambda s: "\x00" not in s))
    sentence = before + text
    start = draw(st.integers(0, 10_000)) + len(before)
    article = draw(_IDS)
    published = draw(st.none() | _date_text())
    return {
        "id": claim_id(article, kind, sentence, len(before), text),
        "article": article,
        "outlet": draw(st.none() | st.sampled_from(("Malay Mail", "الجزيرة", "AFP"))),
        "published": published,
        "lang": draw(st.sampled_from(LANGS)),
        "section": draw(st.sampled_from(SECTIONS)),
        "start": start,
        "end": start + len(text),
        "text": text,
        "sentence": sentence,
    }


@st.composite
def _quantity_claim(draw: DrawFn) -> QuantityClaim:
    common = draw(_common("quantity"))
    qualifier = draw(st.sampled_from(QUALIFIERS))
    low: float | None
    high: float | None
    if qualifier == "vague":
        word = draw(st.sampled_from(_vocabulary()["vague"]))
        value = float(word["low"])
        low, high = float(word["low"]), float(word["high"])
    else:
        value = float(draw(st.integers(0, 10**7) | st.floats(0, 1e9, allow_nan=False)))
        low, high = interval(value, qualifier)
    units = [u["lemma"] for u in _vocabulary()["unit"]]
    unit = draw(st.none() | st.sampled_from((*units, "percent")))
    return QuantityClaim(
        **common,
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        unit=unit,
        unit_text=draw(st.none() | _SURFACE) if unit else None,
        place=draw(st.none() | st.sampled_from([p["canonical"] for p in _vocabulary()["place"]])),
    )


@st.composite
def _date_claim(draw: DrawFn) -> DateClaim:
    common = draw(_common("date"))
    when = draw(st.dates())
    year = draw(st.none() | st.just(when.year))
    month = draw(st.none() | st.just(when.month))
    day = draw(st.none() | st.just(when.day)) if month is not None else None
    full = None not in (year, month, day)
    return DateClaim(
        **common,
        year=year,
        month=month,
        day=day,
        resolved=when.isoformat() if full else None,
        relative=draw(st.booleans()) if full else False,
    )


@st.composite
def _mention_claim(draw: DrawFn) -> MentionClaim:
    from newsassert.names import name_key

    common = draw(_common("mention"))
    kind = draw(st.sampled_from(MENTION_TYPES))
    if kind == "person":
        name = draw(person_names())
        return MentionClaim(**common, type=kind, name=name, key=name_key(name), entity=None)
    place = draw(st.sampled_from(_vocabulary()["place"]))
    name = draw(st.sampled_from((place["ar"], place["en"])))
    return MentionClaim(
        **common,
        type=kind,
        name=name,
        key=key(name),
        entity=draw(st.none() | st.just(place["canonical"])),
    )


@st.composite
def _role_claim(draw: DrawFn) -> RoleClaim:
    from newsassert.names import name_key

    common = draw(_common("role"))
    role = draw(st.sampled_from(_vocabulary()["role"]))
    person = draw(person_names())
    return RoleClaim(
        **common,
        title=role["title"],
        country=draw(st.none() | st.just(role["country"])),
        person=person,
        key=name_key(person),
    )


def claims(kind: str | None = None) -> SearchStrategy[Claim]:
    """Valid claims of ``kind`` (``quantity``, ``date``, ``mention``, ``role``; any when ``None``).

    Their fields are consistent (``end - start == len(text)``, intervals that
    fit the qualifier, dates that exist, a stable ``id``) but they point into
    no article. ``st.from_type(QuantityClaim)`` and the other claim classes
    use these.
    """
    builders: dict[str, SearchStrategy[Any]] = {
        "quantity": _quantity_claim(),
        "date": _date_claim(),
        "mention": _mention_claim(),
        "role": _role_claim(),
    }
    _check_choice("kind", kind, (*builders, None))
    if kind is not None:
        return builders[kind]
    return st.one_of(*builders.values())


st.register_type_strategy(QuantityClaim, claims("quantity"))
st.register_type_strategy(DateClaim, claims("date"))
st.register_type_strategy(MentionClaim, claims("mention"))
st.register_type_strategy(RoleClaim, claims("role"))
st.register_type_strategy(Claim, claims())
