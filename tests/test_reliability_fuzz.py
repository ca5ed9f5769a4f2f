"""Fuzzing and determinism: every stage is total, keeps offsets valid, and repeats itself.

Hypothesis properties over the loader (any bytes in a file of any format),
the normalizer, the segmenter, every extractor (``newsassert.extract`` on text
mixing Arabic, Latin, digits of every script, hedges, punctuation, bidi and
zero-width marks, line breaks of every kind and arbitrary code points, lone
surrogates included) and the query language (any text compiled and evaluated):

* only :class:`NewsAssertError` escapes;
* offsets lie inside the text and ``text[start:end] == claim.text``;
* segments partition the text and sentences lie inside their segment;
* the output is the same on a second run, in another process with another
  ``PYTHONHASHSEED``, and with ``jobs=2`` as with ``jobs=1`` (byte for byte).

The example budget follows the Hypothesis profile (tests/conftest.py); run the
large one with ``HYPOTHESIS_PROFILE=fuzz``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsassert
from badinput.generate import PARAGRAPHS, adversarial, every_category
from newsassert.errors import NewsAssertError, QueryError
from newsassert.load import SkippedInputWarning, decode, make_article
from newsassert.model import Article
from newsassert.normalize import key, normalize, normalize_text
from newsassert.segment import segment, sentences

BUDGET = settings.default.max_examples
SOME = settings(
    max_examples=max(20, BUDGET // 2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- what the fuzzed text is made of ----------------------------------------------

_WORDS = sorted({w for p in PARAGRAPHS for w in p.split()})
_PIECES = (
    *_WORDS,
    "و", "وثلاثة", "ثلاثة آلاف", "مئات", "عشرات", "نحو", "حوالي", "أكثر من", "أقل من", "ما لا يقل عن",
    "about", "more than", "at least", "nearly", "thousands", "dozens", "hundred", "million",
    "Mr.", "Dr.", "U.S.", "J.", "ج.", "Ali Hassan", "محمد شياع السوداني", "رئيس الوزراء",
    "الخميس", "كانون الثاني", "January", "27", "2024", "1/2", "٪", "%", "٫", "٬", "،", "؛", "؟",
    ".", ",", ":", "!", "?", "-", "–", "/", "(", ")", "«", "»", '"', "“", "”", "'",
    "\u200f", "\u200e", "\u202b", "\u202c", "\u202e", "\u2066", "\u2069", "\u061c", "\u200b",
    "\u200d", "\ufeff", "\u00ad", "\u0640", "\u064e", "\u0651", "\u0301",
    "\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x85", "\t", " ", "\u00a0",
)  # fmt: skip
_DIGITS = st.sampled_from(["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "０１２３４５６７８９"])


@st.composite
def _number(draw: st.DrawFn) -> str:
    script = draw(_DIGITS)
    digits = draw(st.lists(st.integers(0, 9), min_size=1, max_size=12))
    sep = draw(st.sampled_from(["", ",", ".", "٫", "٬", " "]))
    text = "".join(script[d] for d in digits)
    return sep.join(text[i : i + 3] for i in range(0, len(text), 3)) if sep else text


TEXTS = st.one_of(
    st.lists(
        st.one_of(st.sampled_from(_PIECES), _number(), st.characters()),
        max_size=60,
    ).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts)),
    st.text(max_size=200),
)


def _assert_article(article: Article, text: str) -> None:
    assert article.text is text or article.text == text
    at = 0
    for seg in article.segments:
        assert seg.start == at <= seg.end
        at = seg.end
        for start, end in seg.sentences:
            assert seg.start <= start < end <= seg.end
    assert at == len(text)
    for claim in article.claims:
        assert 0 <= claim.start < claim.end <= len(text), claim
        assert text[claim.start : claim.end] == claim.text
        assert article.segment_at(claim.start) is not None


# --- the stages, each on its own -------------------------------------------------


@SOME
@given(TEXTS)
def test_the_normalizer_maps_every_span_back_into_the_original(text: str) -> None:
    norm = normalize(text)
    assert norm.text == normalize_text(text)
    assert normalize_text(norm.text) == norm.text  # idempotent
    n = len(norm.text)
    last = 0
    for i in range(n + 1):
        at = norm.original_offset(i)
        assert 0 <= at <= len(text) and at >= last  # inside, and in order
        last = at
    for start in range(0, n, max(1, n // 7)):
        a, b = norm.to_original(start, n)
        assert 0 <= a <= b <= len(text)
    key(text)


@SOME
@given(TEXTS)
def test_the_segmenter_partitions_any_text(text: str) -> None:
    segments = segment(text)
    at = 0
    for seg in segments:
        assert seg.start == at
        at = seg.end
    assert at == len(text)
    for start, end in sentences(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip() or text[start:end].strip()


@SOME
@given(TEXTS, st.sampled_from([None, "ar", "en"]), st.sampled_from([None, "2024-01-27"]))
def test_extraction_is_total_and_its_offsets_point_into_the_text(
    text: str, lang: str | None, published: str | None
) -> None:
    try:
        claims = newsassert.extract(text, lang=lang, published=published)
    except NewsAssertError:
        return
    article = make_article(text, id="text", lang=lang)
    _assert_article(article, text)
    again = newsassert.extract(text, lang=lang, published=published)
    assert [c.to_dict() for c in claims] == [c.to_dict() for c in again]  # same on a rerun
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids))
    assert [(c.start, c.end) for c in claims] == sorted((c.start, c.end) for c in claims)


@SOME
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(
            st.sampled_from(
                [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\r\n", b"\n", b"---\n",
                 b"title: x\n", b'{"text": "', b'"}', b"[", b"]", b"\\ud800", b"\xff", b"\xd9",
                 "قتل 30 جنديا.".encode(), "قتل 30 جنديا.".encode("cp1256"),
                 "About 900 troops.".encode("utf-16-le")]
            ),
            max_size=20,
        ).map(b"".join),
    ),
    st.sampled_from([".txt", ".md", ".json", ".jsonl"]),
    st.booleans(),
)
def test_the_loader_takes_any_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, skip_bad: bool
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"a{suffix}"
    path.write_bytes(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedInputWarning)  # the fuzzer makes many
            corpus = newsassert.load(path, skip_bad=skip_bad)
    except NewsAssertError as error:
        assert not skip_bad  # skipping, every bad file or record is skipped
        assert str(path) in str(error) and "\n" not in str(error)
        return
    for article in corpus:
        _assert_article(article, article.text)
    if suffix == ".txt" and corpus.articles:
        (article,) = corpus
        assert article.text == decode(data)  # the text as decoded, never altered


_QUERY_PIECES = (
    "claim", "quantity", "date", "mention", "person", "org", "place", "role", "where", "and",
    "or", "not", "(", ")", "[", "]", ",", "=", "!=", "<", "<=", ">", ">=", "~", "like", "in",
    "is", "null", "value", "unit", "low", "high", "name", "text", "sentence", "published",
    "section", "lang", "year", "soldier", "troops", "Iraq", "العراق", "2500", "٢٥٠٠", "1e308",
    "-1", "2024-01-27", '"(a|aa)+$"', '"["', '"\\\\"', '"السوداني"', "\u200f", " ",
)  # fmt: skip


@pytest.fixture(scope="module")
def fuzz_corpus() -> newsassert.Corpus:
    texts = [*PARAGRAPHS, every_category(), adversarial("number words with spaces", 300)]
    return newsassert.Corpus([make_article(t, id=f"t{i}") for i, t in enumerate(texts)])


@SOME
@given(st.one_of(st.lists(st.sampled_from(_QUERY_PIECES), max_size=14).map(" ".join), st.text()))
def test_any_query_compiles_and_runs_or_is_a_query_error(
    fuzz_corpus: newsassert.Corpus, text: str
) -> None:
    try:
        selection = fuzz_corpus.query(text)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
        return
    for claim in selection:
        assert claim in fuzz_corpus.claims


def test_every_unicode_category_is_extracted_with_valid_offsets() -> None:
    text = every_category()
    assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)  # a lone surrogate too
    _assert_article(make_article(text, id="x"), text)


# --- determinism across runs, processes, hash seeds and jobs ----------------------------

_DUMP = """
import json, sys
from pathlib import Path
import newsassert
sys.path.insert(0, sys.argv[2])
from badinput.generate import PARAGRAPHS, every_category, adversarial
corpus = newsassert.load(sys.argv[1])
texts = [*PARAGRAPHS, every_category().replace("\\ud800", ""), adversarial("hedges", 500)]
extra = [c for t in texts for c in newsassert.extract(t, published="2024-01-27")]
out = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\\n" for c in (*corpus.claims, *extra))
sys.stdout.buffer.write(out.encode("utf-8", "surrogatepass"))
"""


def _dump_in(seed: str, seeds_path: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, str(seeds_path), str(Path(__file__).parent)],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_claims_are_byte_identical_across_processes_and_hash_seeds(seeds_path: Path) -> None:
    first = _dump_in("0", seeds_path)
    assert first.count(b"\n") > 100
    assert _dump_in("4242", seeds_path) == first
    assert _dump_in("random", seeds_path) == first


def test_jobs_do_not_change_a_byte(tmp_path: Path) -> None:
    from newsassert.parallel import MIN_ARTICLES_FOR_POOL

    path = tmp_path / "many.jsonl"
    records = [
        {"id": f"a{i:03d}", "text": "\n".join(PARAGRAPHS[(i + k) % 5] for k in range(3))}
        for i in range(MIN_ARTICLES_FOR_POOL + 6)
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")

    def dump(corpus: newsassert.Corpus) -> str:
        return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in corpus.claims)

    one = dump(newsassert.load(path, jobs=1))
    assert dump(newsassert.load(path, jobs=2)) == one
    assert dump(newsassert.load(path, jobs=2, cache=tmp_path / "c.sqlite3")) == one
    assert dump(newsassert.load(path, jobs=1, cache=tmp_path / "c.sqlite3")) == one  # from the cache


def test_the_command_line_output_is_identical_across_runs(seeds_path: Path) -> None:
    def run() -> bytes:
        return subprocess.run(
            [sys.executable, "-m", "newsassert", "query", "claim", str(seeds_path), "--format", "jsonl"],
            capture_output=True,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": "random"},
            check=True,
        ).stdout

    first = run()
    assert first and run() == first


@pytest.mark.parametrize("text", [t for t in PARAGRAPHS])
def test_a_claim_id_depends_only_on_its_article_and_sentence(text: str) -> None:
    alone = newsassert.extract(text)
    assert alone
    padded = newsassert.extract("مقدمة.\n\n" + text + "\n\nخاتمة.")
    assert [c.id for c in alone] == [c.id for c in padded]


@pytest.mark.parametrize("text", ["قتل 30 جنديا.وفي", "0 قا.ف"])
def test_a_claim_lies_inside_its_sentence(text: str) -> None:
    for claim in newsassert.extract(text):
        assert claim.text in claim.sentence, (claim.text, claim.sentence)
