"""Date extraction: the data-driven corpus, the seeds, a round trip and the API."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsassert
from newsassert.extract.dates import FoundDate, find_dates
from newsassert.load import make_article
from newsassert.strategies import feast_dates, hijri_dates

CORPUS = Path(__file__).parent / "corpus" / "dates"
PUBLISHED = dt.date(2024, 1, 27)  # the seeds' publication day, a Saturday


def _cases() -> list[Any]:
    out = []
    for path in sorted(CORPUS.glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))["cases"]):
            # A known failure stays in the corpus, marked, so that the accuracy is honest.
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            )
            out.append(pytest.param(case, id=f"{path.stem}-{i}", marks=marks))
    return out


def _as_record(text: str, f: FoundDate) -> dict[str, Any]:
    return {
        "text": text[f.start : f.end],
        "year": f.year,
        "month": f.month,
        "day": f.day,
        "resolved": f.resolved.isoformat() if f.resolved else None,
        "relative": f.relative,
        "low": f.low,
        "high": f.high,
    }


def _expected(item: dict[str, Any]) -> dict[str, Any]:
    base = {
        "year": None,
        "month": None,
        "day": None,
        "resolved": None,
        "relative": False,
        "low": None,
        "high": None,
    }
    return {**base, **item}


def check_case(case: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    # A case may state its outlet's order of numeric dates, as article metadata does.
    month_first = {"month-first": True, "day-first": False}.get(case.get("date_order", ""))
    found = find_dates(case["text"], published=published, month_first=month_first)
    got = [_as_record(case["text"], f) for f in found]
    return got, [_expected(e) for e in case["expect"]]


@pytest.mark.parametrize("case", _cases())
def test_corpus(case: dict[str, Any]) -> None:
    got, expected = check_case(case)
    assert got == expected


def test_corpus_is_large_enough() -> None:
    assert len(_cases()) >= 100


# ---------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------

SEED_DATES = json.loads((CORPUS / "seeds" / "seed_dates.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def dated_seeds(seeds: Any) -> dict[str, Any]:
    return {a.id: make_article(a.text, id=a.id, published=PUBLISHED) for a in seeds}


@pytest.mark.parametrize("article_id", sorted(SEED_DATES))
def test_seed_dates(dated_seeds: dict[str, Any], article_id: str) -> None:
    article = dated_seeds[article_id]
    got = [
        {
            "section": c.section,
            "text": c.text,
            "year": c.year,
            "month": c.month,
            "day": c.day,
            "resolved": c.resolved,
            "relative": c.relative,
            "low": c.low,
            "high": c.high,
        }
        for c in article.claims
        if c.kind == "date"
    ]
    expected = [{"section": "body", **_expected(e)} for e in SEED_DATES[article_id]]
    assert got == expected


def test_seed_claims_point_into_the_text(dated_seeds: dict[str, Any]) -> None:
    for article in dated_seeds.values():
        for claim in article.claims:
            if claim.kind == "date":
                assert article.text[claim.start : claim.end] == claim.text
                assert claim.text in claim.sentence


def test_without_publication_date_relative_dates_stay_unresolved(seeds: Any) -> None:
    article = make_article(next(iter(seeds)).text, id="x", published=None)
    relative = [c for c in article.claims if c.kind == "date" and c.relative]
    assert [c.text for c in relative] == [
        "اليوم السبت",
        "يوم الخميس 25 من شهر كانون الثاني/يناير الجاري",
        "الخميس",
    ]
    assert all(c.resolved is None and c.year is None for c in relative)


def test_extract_api_resolves_with_published() -> None:
    claims = newsassert.extract("قال الوزير أمس إن المحادثات نجحت.", published="2024-01-27")
    dates = [c for c in claims if c.kind == "date"]
    assert [(d.text, d.resolved, d.relative) for d in dates] == [("أمس", "2024-01-26", True)]


# ---------------------------------------------------------------------------
# Round trip: a generated date, formatted any way, is extracted back
# ---------------------------------------------------------------------------

# Every month name of the data file, in every system, with its number.
MONTH_ROWS = json.loads(
    (Path(newsassert.__file__).parent / "data" / "months.json").read_text("utf-8")
)["months"]
NAMES = {
    lang: sorted((row["name"], row["month"]) for row in MONTH_ROWS if row["lang"] == lang)
    for lang in ("ar", "en")
}
LEVANTINE = {
    r["month"]: r["name"]
    for r in MONTH_ROWS
    if r.get("system") == "levantine" and r["source"] == "cldr"
}
STANDARD = {r["month"]: r["name"] for r in MONTH_ROWS if r["lang"] == "ar" and "ar" in r["locales"]}
DIGITS = {"ascii": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}


def _digits(n: int, script: str, width: int = 0) -> str:
    return "".join(DIGITS[script][int(c)] for c in str(n).zfill(width))


@st.composite
def formatted_dates(draw: st.DrawFn) -> tuple[str, dt.date]:
    day = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
    ar_name = draw(st.sampled_from([n for n, m in NAMES["ar"] if m == day.month]))
    en_name = draw(st.sampled_from([n for n, m in NAMES["en"] if m == day.month]))
    script = draw(st.sampled_from(sorted(DIGITS)))
    d, y = _digits(day.day, script), _digits(day.year, script)
    style = draw(st.sampled_from(["ar", "ar-pair", "ar-min", "en-dmy", "en-mdy", "numeric", "iso"]))
    if style == "ar":
        surface = f"{d} {ar_name} {y}"
        sentence = f"وقالت الوزارة إن الاجتماع عقد في {surface} بحضور الوفد."
    elif style == "ar-pair":
        pair = f"{LEVANTINE[day.month]}/{STANDARD[day.month]}"
        surface = f"{d} من شهر {pair} {y}"
        sentence = f"أعلنت الحكومة يوم {surface} نجاح المفاوضات."
    elif style == "ar-min":
        surface = f"{d} {ar_name} من عام {y}"
        sentence = f"وفي {surface}، وقع الطرفان الاتفاق."
    elif style == "en-dmy":
        surface = f"{day.day} {en_name} {day.year}"
        sentence = f"The agreement was signed on {surface} in Baghdad."
    elif style == "en-mdy":
        surface = f"{en_name} {day.day}, {day.year}"
        sentence = f"Officials met on {surface}, the ministry said."
    elif style == "numeric":
        sep = draw(st.sampled_from("-/."))
        surface = sep.join([d, _digits(day.month, script), y])
        sentence = f"نشر بتاريخ {surface} الساعة 10:30"
    else:
        surface = "-".join(
            [_digits(day.year, script), _digits(day.month, script, 2), _digits(day.day, script, 2)]
        )
        sentence = f"Updated {surface}T10:30:00Z"
    return sentence, day


@given(formatted_dates())
def test_round_trip(example: tuple[str, dt.date]) -> None:
    sentence, day = example
    found = find_dates(sentence)
    assert [f.resolved for f in found] == [day], sentence
    assert all(0 <= f.start < f.end <= len(sentence) for f in found)


@given(st.text(max_size=200))
def test_any_text_gives_valid_spans(text: str) -> None:
    for f in find_dates(text, published=PUBLISHED):
        assert 0 <= f.start < f.end <= len(text)
        assert f.resolved is None or (f.year, f.month, f.day) == (
            f.resolved.year,
            f.resolved.month,
            f.resolved.day,
        )


# ---------------------------------------------------------------------------
# Hijri dates: a drawn Hijri day is read as its Umm al-Qura Gregorian day.
# ---------------------------------------------------------------------------


@given(hijri_dates())
def test_hijri_dates_round_trip(drawn: tuple[str, dt.date]) -> None:
    text, day = drawn
    found = find_dates(f"صدر القرار في {text} بعد نقاش.")
    assert [f.resolved for f in found] == [day], text


@given(feast_dates() | feast_dates(arabic=True))
def test_feasts_round_trip(drawn: tuple[str, dt.date, dt.date]) -> None:
    # The reader's computus and Hijri feasts against an independent reckoning.
    text, low, high = drawn
    (found,) = find_dates(text)
    if low == high:
        assert found.resolved == low, text
    else:
        assert (found.low, found.high) == (low.isoformat(), high.isoformat()), text


def test_easter_matches_dateutil() -> None:
    easter_of = pytest.importorskip("dateutil.easter")
    from newsassert.readers.date_feasts import easter, orthodox_easter

    # An oracle written by others (the bench extra installs it with dateparser).
    for year in range(1583, 2400):
        assert easter(year) == easter_of.easter(year, easter_of.EASTER_WESTERN), year
        assert orthodox_easter(year) == easter_of.easter(year, easter_of.EASTER_ORTHODOX), year
