"""Texts whose claims are known: numbers, quantities, dates, names and roles, and whole articles."""

from __future__ import annotations

import calendar
import functools
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from newsassert.strategies._expected import (
    ExpectedClaim,
    ExpectedDate,
    ExpectedMention,
    ExpectedQuantity,
    ExpectedRole,
    interval,
)
from newsassert.strategies._words import (
    _AR_SYSTEMS,
    _DIGITS,
    SCRIPTS,
    _ar_word_parts,
    _ar_words,
    _check_choice,
    _check_lang,
    _en_words,
    _integers,
    _langs,
    _months,
    _scripts,
    _value_of,
    _vocabulary,
    _write_digits,
)


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
        raise InvalidArgument(f"script={script!r} chooses digits, but words=True writes no digits")
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
        raise InvalidArgument(f"script={script!r} chooses digits, but words=True writes no digits")
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


def _hedge(draw: DrawFn, lang: str, core: str) -> tuple[str, str]:
    hedges = [h for h in _vocabulary()["hedge"] if h["lang"] == lang]
    if draw(st.integers(0, 2)) == 0:
        return "exact", core
    hedge = draw(st.sampled_from(hedges))
    form = draw(st.sampled_from(hedge["forms"]))
    text = f"{form} {core}" if hedge["position"] == "before" else f"{core} {form}"
    return str(hedge["qualifier"]), text


def _maybe_place(draw: DrawFn, lang: str) -> tuple[str, str] | None:
    if draw(st.booleans()):
        return None
    place = draw(st.sampled_from(_vocabulary()["place"]))
    return (f" في {place['ar']}" if lang == "ar" else f" in {place['en']}"), place["canonical"]


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


def _names_of(names: Sequence[tuple[int, str]], month: int) -> list[str]:
    return [name for number, name in names if number == month]


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
