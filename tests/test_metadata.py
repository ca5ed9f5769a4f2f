from __future__ import annotations

import datetime as dt

import pytest

from newsassert.load import make_article
from newsassert.metadata import dates_in, find_metadata, is_date_line, label_value
from newsassert.segment import segment


def test_seed_outlets_and_dates(seeds) -> None:  # type: ignore[no-untyped-def]
    got = {a.id[:3]: (a.outlet, a.published) for a in seeds}
    assert got == {
        "000": (None, None),
        "001": ("دار الهلال", dt.date(2024, 1, 27)),
        "002": ("Malay Mail", None),
        "003": ("Sputnik", None),
        "004": ("بوابة الوفد", dt.date(2024, 1, 27)),
    }


def test_001_keeps_the_page_date_as_another_date(seeds) -> None:  # type: ignore[no-untyped-def]
    article = seeds["001_0c47c0a1c8d85d33"]
    assert article.published == dt.date(2024, 1, 27)
    assert article.other_dates == (dt.date(2024, 5, 3),)
    assert (
        article.title
        == "انطلاق الجلسة الأولى من الحوار الأمريكي - العراقي لإنهاء مهمة التحالف الدولي"
    )


def _meta(text: str):  # type: ignore[no-untyped-def]
    return find_metadata(text, segment(text))


_TWO_DATES = "الجمعة 3 مايو 2024\n\nعنوان الخبر هنا\n\n27-1-2024 | 15:13\n\n{body}\n"


def test_the_body_weekday_chooses_between_two_dates() -> None:
    saturday = _meta(
        _TWO_DATES.format(body="انطلقت اليوم السبت، الجولة الأولى من الحوار في بغداد.")
    )
    assert saturday.published == dt.date(2024, 1, 27)
    assert saturday.other_dates == (dt.date(2024, 5, 3),)
    friday = _meta(_TWO_DATES.format(body="انطلقت اليوم الجمعة، الجولة الأولى من الحوار في بغداد."))
    assert friday.published == dt.date(2024, 5, 3)
    assert friday.other_dates == (dt.date(2024, 1, 27),)


def test_without_a_weekday_the_date_below_the_title_wins() -> None:
    found = _meta(_TWO_DATES.format(body="انطلقت الجولة الأولى من الحوار في بغداد."))
    assert found.published == dt.date(2024, 1, 27)


def test_a_labelled_date_wins() -> None:
    text = (
        "Talks open\n3 May 2024\nPublished: 27th, January 2024 GMT\nThe talks opened in Baghdad.\n"
    )
    assert _meta(text).published == dt.date(2024, 1, 27)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("عرب وعالم27-1-2024 | 15:13", True),
        ("تاريخ النشر: 27th, January 2024 GMT", True),
        ("الجمعة 3 مايو 2024", True),
        ("January 27, 2024", True),
        (
            "انطلقت الجولة الأولى من الحوار الثنائي بين العراق والولايات المتحدة في 27 يناير 2024",
            False,
        ),
        ("عرب وعالم", False),
    ],
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_dates_in() -> None:
    assert dates_in("27-1-2024 | 15:13") == [dt.date(2024, 1, 27)]
    assert dates_in("no date here") == []


def test_source_labels() -> None:
    assert label_value("المصدر: Malay Mail") == "Malay Mail"
    assert label_value("Source: Reuters.") == "Reuters"
    assert label_value("المصدر : بوابة الوفد") == "بوابة الوفد"
    assert label_value("Sputnik") is None


def test_given_metadata_wins_over_the_text() -> None:
    text = "المصدر: Malay Mail\nعقد العراق والولايات المتحدة اليوم الجولة الأولى من المحادثات.\n"
    article = make_article(text, id="x", outlet="AFP", published=dt.date(2024, 1, 1))
    assert (article.outlet, article.published) == ("AFP", dt.date(2024, 1, 1))
    assert make_article(text, id="x").outlet == "Malay Mail"


@pytest.mark.parametrize(
    "line",
    [
        "ارتفعت أسعار النفط في العراق يوم السبت 27 يناير 2024",
        "Oil prices rose sharply across Iraq on 27 January 2024",
    ],
)
def test_a_sentence_with_a_date_is_no_dateline(line: str) -> None:
    # Five words beside a date are a report, not a label: as the only line of
    # a text it must give body claims, or a one-line summary checks nothing.
    assert not is_date_line(line)
    article = make_article(line, id="one-line")
    assert {c.section for c in article.claims} == {"body"}
    assert any(c.kind == "date" for c in article.claims)


@pytest.mark.parametrize(
    "line", ["عرب وعالم27-1-2024 | 15:13", "Last updated 27 January 2024 14:05 GMT"]
)
def test_a_dateline_with_its_labels_and_time_stays_one(line: str) -> None:
    assert is_date_line(line)
