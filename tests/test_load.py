from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsassert
from newsassert.corpus import Corpus, dump_jsonl
from newsassert.errors import LoadError, NewsAssertError
from newsassert.load import decode, make_article
from newsassert.plugins import plugin_manager

ENCODINGS = Path(__file__).parent / "data" / "encodings"
EXPECTED = (ENCODINGS / "expected.txt").read_text(encoding="utf-8")


# --- the seeds -------------------------------------------------------------


def test_seeds_are_five_articles_in_file_name_order(seeds, seeds_path: Path) -> None:  # type: ignore[no-untyped-def]
    stems = sorted(p.stem for p in seeds_path.glob("*.txt"))
    assert len(seeds) == 5
    assert list(seeds.ids) == stems
    for article in seeds:
        raw = (seeds_path / f"{article.id}.txt").read_text(encoding="utf-8")
        assert article.text == raw  # never altered
        assert article.path is not None and article.path.endswith(f"{article.id}.txt")


def test_file_glob_and_folder_give_the_same_articles(seeds_path: Path) -> None:
    by_folder = newsassert.load(seeds_path)
    by_glob = newsassert.load(str(seeds_path / "*.txt"))
    by_files = newsassert.load(*sorted(seeds_path.glob("*.txt")))
    assert by_folder == by_glob == by_files


# --- encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["utf8", "utf8_bom", "utf16_bom", "utf16be_bom", "cp1256", "iso8859_6"]
)
def test_each_encoding_decodes_to_the_same_arabic_text(name: str) -> None:
    (article,) = newsassert.load(ENCODINGS / f"{name}.txt")
    assert article.text == EXPECTED
    assert article.title is not None and article.title.startswith("رئيس الوزراء")


def test_damaged_utf8_names_the_file_and_byte() -> None:
    with pytest.raises(LoadError, match=r"broken_utf8\.txt at byte \d+: invalid UTF-8") as info:
        newsassert.load(ENCODINGS / "broken_utf8.txt")
    data = (ENCODINGS / "broken_utf8.txt").read_bytes()
    assert info.value.offset is not None
    with pytest.raises(UnicodeDecodeError) as raw:
        data.decode("utf-8")
    assert info.value.offset == raw.value.start


@pytest.mark.parametrize(
    ("data", "offset"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00", 6), (b"abc\x00def", 3), ("日本語".encode("shift_jis"), 0)],
)
def test_bytes_of_no_encoding_are_an_error_with_an_offset(data: bytes, offset: int) -> None:
    with pytest.raises(LoadError) as info:
        decode(data, "f.txt")
    assert info.value.offset == offset
    assert str(info.value).startswith(f"f.txt at byte {offset}:")


def test_a_bom_is_dropped_but_nothing_else_changes() -> None:
    assert decode(b"\xef\xbb\xbfa\r\nb") == "a\r\nb"
    assert decode("x\u200fy".encode("utf-16")) == "x\u200fy"
    assert decode(b"\x7f\x1c") == "\x7f\x1c"  # odd, but text
    assert decode(b"") == ""


# --- formats ---------------------------------------------------------------


def test_markdown_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        '---\nid: talks\ntitle: "Talks open"\noutlet: AFP\npublished: 2024-01-27\n'
        "lang: en\nauthor: J. Doe\n---\nThe talks opened on Saturday.\n",
        encoding="utf-8",
    )
    (article,) = newsassert.load(tmp_path / "a.md")
    assert article.id == "talks"
    assert article.title == "Talks open"
    assert (article.outlet, article.published, article.lang) == ("AFP", dt.date(2024, 1, 27), "en")
    assert article.meta == (("author", "J. Doe"),)
    assert article.text == "The talks opened on Saturday.\n"


@pytest.mark.parametrize(
    ("content", "line"),
    [("---\ntitle: x\nno colon here\n---\nbody\n", 3), ("---\ntitle: x\nbody\n", 1)],
)
def test_malformed_front_matter(tmp_path: Path, content: str, line: int) -> None:
    (tmp_path / "a.md").write_text(content, encoding="utf-8")
    with pytest.raises(LoadError) as info:
        newsassert.load(tmp_path / "a.md")
    assert info.value.line == line and "a.md" in str(info.value)


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(
        json.dumps({"text": "نص الخبر.", "outlet": "AFP"}), encoding="utf-8"
    )
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": "a.", "id": "x"}, {"text": "b.", "published": "2024-01-27"}]),
        encoding="utf-8",
    )
    (tmp_path / "lines.jsonl").write_text(
        '{"text": "c.", "id": 7, "section": "world"}\n\n{"text": "d.\\u2028e."}\n', encoding="utf-8"
    )
    corpus = newsassert.load(tmp_path)
    assert corpus.ids == ("lines:1", "lines:3", "x", "many:2", "one")[0:0] or set(corpus.ids) == {
        "7",
        "lines:3",
        "x",
        "many:2",
        "one",
    }
    assert corpus["one"].outlet == "AFP"
    assert corpus["many:2"].published == dt.date(2024, 1, 27)
    assert corpus["7"].meta == (("section", "world"),)
    assert corpus["lines:3"].text == "d.\u2028e."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.jsonl", '{"text": "a"}\n{"text": \n', r"a\.jsonl, line 2, column \d+: not valid JSON"),
        ("a.jsonl", '{"id": "x"}\n', r"line 1: a record needs a 'text' string"),
        ("a.json", '[{"text": "a"}, 3]', r"record 2: a record must be a JSON object"),
        ("a.json", '{"text": "a", "published": "27/1/2024"}', r"YYYY-MM-DD"),
        ("a.json", '{"text": "a", "lang": "fr"}', r"'lang' must be one of"),
        ("a.json", '{"text": "\\ud800"}', r"lone surrogate"),
    ],
)
def test_bad_records_are_load_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(LoadError, match=message):
        newsassert.load(tmp_path / name)


def test_unknown_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a.", encoding="utf-8")
    (tmp_path / "b.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("h.", encoding="utf-8")
    assert newsassert.load(tmp_path).ids == ("a",)
    with pytest.raises(LoadError, match=r"b\.png: unknown format '\.png'"):
        newsassert.load(tmp_path / "b.png")


def test_missing_paths_and_empty_globs(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file or folder"):
        newsassert.load(tmp_path / "nope")
    with pytest.raises(LoadError, match="no file matches"):
        newsassert.load(str(tmp_path / "*.txt"))


def test_duplicate_ids_name_both_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("one.", encoding="utf-8")
    (tmp_path / "x.md").write_text("two.", encoding="utf-8")
    with pytest.raises(LoadError, match=r"x\.md: duplicate article id 'x': also in .*a/x\.txt"):
        newsassert.load(tmp_path)


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b/2.txt", "b/1.txt", "a.txt", "c/z/0.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}.", encoding="utf-8")
    assert newsassert.load(tmp_path).ids == ("a", "1", "2", "0")


def test_a_plugin_loader_adds_a_format(tmp_path: Path) -> None:
    class CsvLoader:
        @newsassert.hookimpl
        def newsassert_load_article(self, path: Path):  # type: ignore[no-untyped-def]
            if path.suffix != ".csv":
                return None
            rows = path.read_text(encoding="utf-8").splitlines()
            return [make_article(t, id=f"row{n}", path=str(path)) for n, t in enumerate(rows)]

    (tmp_path / "a.csv").write_text("first.\nsecond.\n", encoding="utf-8")
    pm = plugin_manager()
    pm.register(CsvLoader(), name="test-csv")
    try:
        assert newsassert.load(tmp_path).ids == ("row0", "row1")
    finally:
        pm.unregister(name="test-csv")
    # Without the plugin the folder holds no article: an empty corpus is an error.
    from newsassert.errors import EmptyCorpusError

    with pytest.raises(EmptyCorpusError):
        newsassert.load(tmp_path)


def test_aliases_extend_the_lexicon(tmp_path: Path, seeds_path: Path) -> None:
    (tmp_path / "aliases.toml").write_text(
        '[person]\n"Lloyd Austin" = ["لويد أوستن"]\n', encoding="utf-8"
    )
    corpus = newsassert.load(seeds_path, aliases=[tmp_path / "aliases.toml"])
    assert corpus.lexicon is not None
    assert corpus.lexicon.canonical("person", "لويد أوستن") == "Lloyd Austin"
    assert all(a.lexicon is corpus.lexicon for a in corpus)


# --- round trip and robustness ----------------------------------------------


def test_seeds_round_trip_through_jsonl(seeds, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dump_jsonl(seeds, tmp_path / "seeds.jsonl")
    assert newsassert.load(tmp_path / "seeds.jsonl") == seeds


_DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
_ARTICLES = st.builds(
    lambda text, id, title, outlet, published, lang, meta, path: make_article(
        text,
        id=id,
        title=title,
        outlet=outlet,
        published=published,
        lang=lang,
        meta=meta,
        path=path,
    ),
    path=st.text(min_size=1, max_size=10),
    text=st.text(),
    id=st.text(min_size=1, max_size=10),
    title=st.none() | st.text(max_size=10),
    outlet=st.none() | st.text(max_size=10),
    published=st.none() | _DATES,
    lang=st.none() | st.sampled_from(["ar", "en", "und"]),
    meta=st.lists(
        st.tuples(st.text(min_size=1, max_size=5), st.text(max_size=5)),
        max_size=3,
        unique_by=lambda kv: kv[0],
    ),
)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_ARTICLES, max_size=4, unique_by=lambda a: a.id))
def test_jsonl_round_trip(tmp_path: Path, articles: list[newsassert.Article]) -> None:
    corpus = Corpus(articles)
    path = tmp_path / "c.jsonl"
    dump_jsonl(corpus, path)
    assert newsassert.load(path) == corpus


@given(st.binary(max_size=200))
def test_decode_raises_only_load_errors(data: bytes) -> None:
    try:
        text = decode(data)
    except LoadError as error:
        assert error.offset is not None and 0 <= error.offset < len(data)
    else:
        assert isinstance(text, str)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200), st.sampled_from([".txt", ".md", ".json", ".jsonl"]))
def test_loading_arbitrary_bytes_raises_only_newsassert_errors(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    with contextlib.suppress(NewsAssertError):
        newsassert.load(path)


def test_an_empty_folder_or_pattern_is_an_error_naming_it(tmp_path: Path) -> None:
    from newsassert.errors import EmptyCorpusError

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".hidden.txt").write_text("not read")
    with pytest.raises(EmptyCorpusError, match="no articles found here") as raised:
        newsassert.load(empty)
    assert raised.value.path == str(empty)
    # Skipping bad files does not make an empty corpus acceptable.
    with pytest.raises(EmptyCorpusError):
        newsassert.load(empty, skip_bad=True)
