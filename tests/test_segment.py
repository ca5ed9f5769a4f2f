from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsassert.errors import NewsAssertError
from newsassert.model import Article, Segment
from newsassert.segment import detect_lang, segment, sentences


def _texts(article: Article, section: str) -> list[str]:
    return [s.text_of(article.text).strip() for s in article.segments if s.section == section]


def _segment_of(article: Article, needle: str) -> Segment:
    at = article.text.index(needle)
    found = article.segment_at(at)
    assert found is not None
    return found


# --- the seeds -------------------------------------------------------------


def test_000_has_three_arabic_then_three_english_body_paragraphs(seeds) -> None:  # type: ignore[no-untyped-def]
    article = seeds["000_4c148d8a33c5d998"]
    body = list(article.sections("body"))
    assert [s.lang for s in body] == ["ar", "ar", "ar", "en", "en", "en"]
    assert len(article.segments) == 6


def test_001_sections(seeds) -> None:  # type: ignore[no-untyped-def]
    article = seeds["001_0c47c0a1c8d85d33"]
    assert _texts(article, "title") == [
        "انطلاق الجلسة الأولى من الحوار الأمريكي - العراقي لإنهاء مهمة التحالف الدولي"
    ]
    assert _segment_of(article, "جانب من الجلسة").section != "body"
    assert _segment_of(article, "جانب من الجلسة").reason == "caption"
    for credit in ("Dr.Randa", "Dr.Radwa"):
        assert _segment_of(article, credit).section != "body"
        assert _segment_of(article, credit).reason == "byline"
    assert _segment_of(article, "دار الهلال").section == "metadata"
    assert _segment_of(article, "27-1-2024").reason == "date-line"
    assert _segment_of(article, "الجمعة 3 مايو 2024").reason == "date-line"
    assert len(list(article.sections("body"))) == 10


def test_002_source_line_is_metadata(seeds) -> None:  # type: ignore[no-untyped-def]
    article = seeds["002_ab8256f9fa7ad429"]
    line = _segment_of(article, "المصدر: Malay Mail")
    assert (line.section, line.reason) == ("metadata", "outlet")
    assert all(s.section == "body" for s in article.segments[1:])


def test_003_related_headlines_and_trailing_ui_word_are_not_body(seeds) -> None:  # type: ignore[no-untyped-def]
    article = seeds["003_c8c07972d2a5d857"]
    for headline in ("العراق: سنتعامل مع الضربات", 'السوداني: بعثة "الناتو"'):
        found = _segment_of(article, headline)
        assert (found.section, found.reason) == ("boilerplate", "related-headline")
    last = article.segments[-1]
    assert last.text_of(article.text) == "مناقشة"
    assert (last.section, last.reason) == ("boilerplate", "ui")
    assert _segment_of(article, "Sputnik").section == "metadata"
    assert _texts(article, "title")[0].startswith("رئيس الوزراء العراقي يرعى")
    assert len(list(article.sections("body"))) == 10


def test_004_nothing_is_body_from_the_keywords_to_the_end(seeds) -> None:  # type: ignore[no-untyped-def]
    article = seeds["004_987e725a71a5c5d0"]
    start = article.text.index("كلمات دلالية")
    after = [s for s in article.segments if s.end > start]
    assert after and all(s.section != "body" for s in after)
    assert after[0].reason == "keywords"
    assert any(s.reason == "read-also" for s in after)
    assert all(s.section == "boilerplate" for s in after[1:])
    assert "غوتيريش" not in " ".join(_texts(article, "body"))
    assert _segment_of(article, "المصدر: بوابة الوفد").section == "metadata"
    assert _segment_of(article, "تاريخ النشر").reason == "date-line"


def test_seed_sentences_keep_initials_together(seeds) -> None:  # type: ignore[no-untyped-def]
    article = seeds["000_4c148d8a33c5d998"]
    texts = [article.text[a:b] for s in article.segments for a, b in s.sentences]
    assert any("لويد ج. أوستن، الخميس" in t for t in texts)
    assert any("Lloyd J. Austin, confirmed" in t for t in texts)
    assert len(article.segments[3].sentences) == 6


# --- sentences -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met Dr. Smith. Then he left!", ["He met Dr. Smith.", "Then he left!"]),
        ("Lloyd J. Austin spoke. It was late.", ["Lloyd J. Austin spoke.", "It was late."]),
        (
            "Troops left the U.S. base on Monday. Talks go on.",
            ["Troops left the U.S. base on Monday.", "Talks go on."],
        ),
        ("قال: هل انتهى؟ نعم. انتهى؛ ثم غادر", ["قال: هل انتهى؟", "نعم.", "انتهى؛", "ثم غادر"]),
        ('الصحيح".وكان رئيس الحكومة', ['الصحيح".', "وكان رئيس الحكومة"]),
        ("بلغت النسبة 2.5 في المئة. ثم ارتفعت", ["بلغت النسبة 2.5 في المئة.", "ثم ارتفعت"]),
        ("first line\nsecond line", ["first line", "second line"]),
        ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected


# --- language ---------------------------------------------------------------


def test_language_of_paragraphs() -> None:
    segs = segment("بدأت المحادثات اليوم.\nTalks began today.\n2024\n")
    assert [s.lang for s in segs] == ["ar", "en", "ar"]  # no letters: the article's language
    assert segment("2024", lang="en")[0].lang == "en"
    assert detect_lang("123") == "und"
    mixed = segment("عقد العراق اجتماعا مع Malay Mail اليوم.\n")
    assert mixed[0].lang == "ar"


def test_digits_do_not_decide_a_language() -> None:
    # Arabic-Indic digits are of the Arabic script, but a date written with
    # them in an English line leaves the line English (found by the property
    # that extraction is the same whatever script the digits are in).
    text = "وقال رئيس الوزراء إن المحادثات ستستمر.\n\nThe attack took place on ١٩٩٠-٠١-٠١.\n"
    assert [s.lang for s in segment(text)] == ["ar", "en"]
    assert detect_lang("٢٠٢٤") == "und"


# --- the shape rules, on text that is not a seed ----------------------------


def test_general_shape() -> None:
    text = (
        "Talks open in Baghdad\n"
        "By Jane Doe\n"
        "Published: 2024-01-27\n"
        "\n"
        "The first round of talks opened on Saturday, officials said.\n"
        "Story continues below advertisement\n"
        "Officials said the talks would last several months.\n"
        "Minister: we will respond to any strike on our soil\n"
        "The minister spoke after the meeting, which lasted three hours.\n"
        "Read more: Another story entirely\n"
        "Something unrelated happened elsewhere.\n"
    )
    got = [(s.section, s.reason) for s in segment(text)]
    assert got == [
        ("title", "title"),
        ("metadata", "byline"),
        ("metadata", "date-line"),
        ("body", ""),
        ("boilerplate", "ui"),
        ("body", ""),
        ("boilerplate", "related-headline"),
        ("body", ""),
        ("boilerplate", "read-also"),
        ("boilerplate", "read-also"),
    ]


def test_a_short_text_without_prose_is_body() -> None:
    assert [(s.section, s.reason) for s in segment("2500 soldiers in Iraq")] == [("body", "")]
    assert segment("") == ()
    only_blank = segment("\n \n")
    assert len(only_blank) == 1 and (only_blank[0].start, only_blank[0].end) == (0, 3)


def test_lead_in_lines_and_bullets_stay_body() -> None:
    text = (
        "The ministry said the following in a statement on Saturday evening.\n"
        "The statement read:\n"
        "- 2500 troops remain in Iraq\n"
        "The talks will resume next week, the ministry added.\n"
    )
    assert [s.section for s in segment(text)] == ["body"] * 4


# --- properties -------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "انطلقت الجولة الأولى اليوم السبت.",
        "العراق: سنتعامل مع الضربات",
        "Dr.Randa",
        "مناقشة",
        "إقرأ أيضاً:",
        "كلمات دلالية: العراق",
        "المصدر: Malay Mail",
        "عرب وعالم27-1-2024 | 15:13",
        "Lloyd J. Austin said so.",
        "\u200f\u0640",
        "",
        " ",
    ]
)
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=12).map("\n".join),
    st.lists(
        st.one_of(_PIECES, st.sampled_from(["\r\n", "\n\n", "\u2028", "\r", "\x0c"])), max_size=15
    ).map("".join),
)


def _check_partition(text: str, segs: tuple[Segment, ...]) -> None:
    if not text:
        assert segs == ()
        return
    assert segs[0].start == 0 and segs[-1].end == len(text)
    for a, b in itertools.pairwise(segs):
        assert a.end == b.start
    for s in segs:
        assert s.start < s.end
        for a, b in s.sentences:
            assert s.start <= a < b <= s.end
        assert s.section in ("title", "metadata", "body", "boilerplate")
        assert s.lang in ("ar", "en", "und")


@given(_TEXTS)
def test_segments_partition_the_text(text: str) -> None:
    try:
        segs = segment(text)
    except NewsAssertError:
        return
    _check_partition(text, segs)
    assert segment(text) == segs  # deterministic
