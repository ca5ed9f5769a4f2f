"""The bad-input corpus (tests/badinput/cases.toml): every case its exact message or behaviour.

A bad file is a one-sentence LoadError naming the file and the position, exit
code 2 from the command line, and never a traceback; ``skip_bad=True`` /
``--skip-bad`` skips it, names it on stderr and says how many were skipped.
A file that loads keeps its text exactly as decoded, and every segment and
claim offset points into it.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path
from typing import Any

import pytest

import newsassert
from newsassert.check.checkfile import load_check_file
from newsassert.cli import main
from newsassert.errors import AliasError, CheckFileError, LoadError
from newsassert.lexicon import load_aliases
from newsassert.load import SkippedInputWarning, decode

BAD = Path(__file__).parent / "badinput"
CASES = tomllib.loads((BAD / "cases.toml").read_text(encoding="utf-8"))
FILE_CASES: list[dict[str, Any]] = CASES["case"]
ERRORS = [c for c in FILE_CASES if "error" in c]
LOADS = [c for c in FILE_CASES if "error" not in c]


def _id(case: dict[str, Any]) -> str:
    return str(case["file"])


def _message(case: dict[str, Any], path: Path) -> str:
    return str(case["error"]).replace("{path}", str(path))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_file_of_the_corpus_is_a_case() -> None:
    listed = {c["file"] for c in (*FILE_CASES, *CASES["check_file"], *CASES["alias_file"])}
    present = {p.name for p in BAD.iterdir()} - {"cases.toml", "generate.py", "__pycache__", ".gitattributes"}
    assert present == listed


def test_the_reliability_doc_lists_every_case() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "reliability.md").read_text(encoding="utf-8")
    for case in (*FILE_CASES, *CASES["check_file"], *CASES["alias_file"]):
        assert f"`{case['file']}`" in doc, case["file"]


# --- files that are errors ---------------------------------------------------


@pytest.mark.parametrize("case", ERRORS, ids=_id)
def test_a_bad_file_is_one_load_error_naming_file_and_position(case: dict[str, Any]) -> None:
    path = BAD / case["file"]
    with pytest.raises(LoadError) as info:
        newsassert.load(path)
    assert str(info.value) == _message(case, path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("case", ERRORS, ids=_id)
def test_the_command_line_exits_2_with_the_message_and_no_traceback(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = BAD / case["file"]
    code, out, err = _run(["explain", str(path)], capsys)
    assert code == 2
    assert err == f"newsassert: {_message(case, path)}\n"
    assert out == ""


@pytest.mark.parametrize("case", ERRORS, ids=_id)
def test_skip_bad_skips_it_and_says_how_many(case: dict[str, Any]) -> None:
    path = BAD / case["file"]
    with pytest.warns(SkippedInputWarning) as caught:
        corpus = newsassert.load(path, skip_bad=True)
    assert len(corpus) == case["skipped"]
    assert [str(e) for e in corpus.skipped] == [_message(case, path)]
    assert [str(w.message) for w in caught] == [
        f"skipped 1 bad file or record; the first: {_message(case, path)}"
    ]


@pytest.mark.parametrize("command", ["explain", "query"])
def test_skip_bad_on_the_command_line_names_each_skipped_input_on_stderr(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [BAD / "broken_line.jsonl", BAD / "image.txt", BAD / "mixed_line_endings.txt"]
    argv = [command, *(["mention"] if command == "query" else []), *map(str, paths)]
    code, out, err = _run([*argv, "--skip-bad"], capsys)
    assert code == 0
    broken, image = (next(c for c in ERRORS if c["file"] == p.name) for p in paths[:2])
    assert err.splitlines() == [
        f"newsassert: warning: skipped {_message(broken, paths[0])}",
        f"newsassert: warning: skipped {_message(image, paths[1])}",
        "newsassert: warning: skipped 2 bad files or records (--skip-bad)",
    ]
    if command == "explain":
        assert out.count("\n== ") + out.startswith("== ") == 3  # lines 1 and 3, and the .txt
    # Without the flag, the first bad input stops the run.
    code, out, err = _run(argv, capsys)
    assert (code, out) == (2, "")
    assert err == f"newsassert: {_message(broken, paths[0])}\n"


def test_a_real_process_prints_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsassert", "explain", str(BAD / "invalid_utf8.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_console_that_cannot_show_arabic_gets_escapes_not_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsassert", "explain", str(BAD / "windows1256.txt")],
        capture_output=True,
        text=True,
        encoding="ascii",
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "\\u0642\\u062a\\u0644 30" in done.stdout  # قتل 30


def test_a_file_with_skipped_records_is_not_cached(tmp_path: Path) -> None:
    # A later run without skip_bad must see the bad line again, not a cached
    # corpus that silently lacks it.
    cache = tmp_path / "cache.sqlite3"
    path = BAD / "broken_line.jsonl"
    with pytest.warns(SkippedInputWarning):
        assert len(newsassert.load(path, skip_bad=True, cache=cache)) == 2
    with pytest.raises(LoadError, match="line 2"):
        newsassert.load(path, cache=cache)


# --- files that load ----------------------------------------------------------


@pytest.mark.parametrize("case", LOADS, ids=_id)
def test_a_file_that_loads_keeps_its_text_and_every_offset_points_into_it(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = BAD / case["file"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # loading a good file warns of nothing
        corpus = newsassert.load(path)
    assert len(corpus) == case["articles"]
    (article,) = corpus
    data = path.read_bytes()
    assert article.text == decode(data)  # never altered
    _assert_offsets(article)
    if "claims" in case:
        assert len(article.claims) == case["claims"]
    code, _, err = _run(["explain", str(path)], capsys)
    assert (code, err) == (0, "")


def _assert_offsets(article: newsassert.Article) -> None:
    text = article.text
    at = 0
    for segment in article.segments:  # the segments partition the text
        assert segment.start == at
        at = segment.end
        for start, end in segment.sentences:
            assert segment.start <= start < end <= segment.end
    assert at == len(text)
    for claim in article.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.text in claim.sentence or claim.sentence == ""


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("windows1256.txt", "cp1256"),
        ("utf16_bom.txt", "utf-16"),
        ("utf16le_no_bom.txt", "utf-16-le"),
        ("utf16be_no_bom.txt", "utf-16-be"),
        ("mixed_line_endings.txt", "utf-8"),
        ("unicode_categories.txt", "utf-8"),
    ],
)
def test_the_text_re_encoded_gives_the_file_back_byte_for_byte(name: str, encoding: str) -> None:
    (article,) = newsassert.load(BAD / name)
    assert article.text.encode(encoding) == (BAD / name).read_bytes()


def test_mixed_line_endings_end_paragraphs_and_keep_every_break_in_the_text() -> None:
    (article,) = newsassert.load(BAD / "mixed_line_endings.txt")
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    shown = [s.text_of(article.text).strip() for s in article.segments]
    assert shown == lines  # CR alone, LF alone and CR LF each end a paragraph
    for segment in article.segments:
        for start, end in segment.sentences:
            assert not {"\r", "\n"} & set(article.text[start:end])
    assert article.text.count("\r\n") == 3 and article.text.count("\r") == 5


def test_unicode_categories_load_and_extract_with_valid_offsets() -> None:
    (article,) = newsassert.load(BAD / "unicode_categories.txt")
    assert "\u202e" in article.text and "\x85" in article.text and "\U000f0000" in article.text
    _assert_offsets(article)


# --- folders and files that misbehave -------------------------------------------


def test_a_symlink_loop_in_the_corpus_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("قتل 30 جنديا.\n", encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to("..")  # a folder loop
    assert newsassert.load(tmp_path).ids == ("a",)
    # "**" follows symlinked folders: the file is still read once.
    assert newsassert.load(str(tmp_path / "**" / "*.txt")).ids == ("a",)


def test_a_file_symlink_loop_and_a_broken_link_are_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("About 900 troops.\n", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    with pytest.raises(LoadError) as info:
        newsassert.load(tmp_path)
    assert str(info.value) == (
        f"{tmp_path / 'loop.txt'}: cannot read the file: a symbolic link loop (to 'loop.txt')"
    )
    (tmp_path / "loop.txt").unlink()
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    with pytest.raises(LoadError) as info:
        newsassert.load(tmp_path)
    assert str(info.value) == (
        f"{tmp_path / 'gone.txt'}: cannot read the file: a broken symbolic link (to 'missing.txt')"
    )
    with pytest.warns(SkippedInputWarning, match="skipped 1 bad file or record"):
        assert newsassert.load(tmp_path, skip_bad=True).ids == ("a",)


def test_a_file_that_disappears_while_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    load_module = sys.modules["newsassert.load"]

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"{name}: About 900 troops.\n", encoding="utf-8")
    listed = load_module._walk

    def walk_then_delete(folder: Path) -> list[Path]:
        files = listed(folder)
        (tmp_path / "b.txt").unlink()  # gone between listing and reading
        return files

    monkeypatch.setattr(load_module, "_walk", walk_then_delete)
    code, out, err = _run(["explain", str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err == f"newsassert: {tmp_path / 'b.txt'}: cannot read the file: no such file or directory\n"
    (tmp_path / "b.txt").write_text("b\n", encoding="utf-8")
    with pytest.warns(SkippedInputWarning):
        assert newsassert.load(tmp_path, skip_bad=True).ids == ("a", "c")


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make ``denied`` unreadable: chmod 000, or (as root, who reads anything) a patched read."""
    if os.geteuid() != 0:
        denied.chmod(0)
        return
    real = os.open

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("About 900 troops.\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("About 900 troops.\n", encoding="utf-8")
    _deny(monkeypatch, secret)
    with pytest.raises(LoadError) as info:
        newsassert.load(tmp_path)
    assert str(info.value) == f"{secret}: cannot read the file: permission denied"
    with pytest.warns(SkippedInputWarning):
        assert newsassert.load(tmp_path, skip_bad=True).ids == ("a",)


def test_an_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("About 900 troops.\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("About 900 troops.\n", encoding="utf-8")
    if os.geteuid() != 0:
        locked.chmod(0)
    else:
        real = os.scandir

        def scandir(path: Any = ".") -> Any:
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        with pytest.raises(LoadError) as info:
            newsassert.load(tmp_path)
        assert str(info.value) == f"{locked}: cannot read the folder: permission denied"
        with pytest.warns(SkippedInputWarning):
            assert newsassert.load(tmp_path, skip_bad=True).ids == ("a",)
    finally:
        locked.chmod(0o755)


def test_json_nested_beyond_the_recursion_limit_is_a_load_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(LoadError) as info:
        newsassert.load(deep)
    assert str(info.value) == f"{deep}: not valid JSON: arrays or objects nest too deeply"
    lines = tmp_path / "deep.jsonl"
    lines.write_text('{"text": "About 900 troops."}\n' + "[" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        newsassert.load(lines)
    assert str(info.value) == f"{lines}, line 2: not valid JSON: arrays or objects nest too deeply"


def test_invalid_utf8_in_jsonl_spoils_one_line_when_skipping(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "one"}\n{"text": "t\xffo"}\n{"text": "three"}\n')
    with pytest.raises(LoadError) as info:
        newsassert.load(path)
    assert str(info.value) == (
        f"{path} at byte 27: not text in a supported encoding (UTF-8, UTF-16, Windows-1256, "
        "ISO-8859-6): byte 0xff on line 2"
    )
    with pytest.warns(SkippedInputWarning):
        corpus = newsassert.load(path, skip_bad=True)
    assert [a.text for a in corpus] == ["one", "three"]
    assert [str(e) for e in corpus.skipped] == [f"{path}, line 2: invalid UTF-8 (byte 0xff)"]


# --- check files and alias files ----------------------------------------------------


@pytest.mark.parametrize("case", CASES["check_file"], ids=_id)
def test_a_malformed_check_file(case: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / case["file"]
    with pytest.raises(CheckFileError) as info:
        load_check_file(path)
    assert str(info.value) == _message(case, path)
    code, out, err = _run(["check", str(BAD / "windows1256.txt"), "--checks", str(path)], capsys)
    assert code == 2
    assert err == f"newsassert: {_message(case, path)}\n"
    assert "Traceback" not in err + out


@pytest.mark.parametrize("case", CASES["alias_file"], ids=_id)
def test_a_malformed_alias_file(case: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / case["file"]
    with pytest.raises(AliasError) as info:
        load_aliases(path)
    assert str(info.value) == _message(case, path)
    code, out, err = _run(["explain", str(BAD / "windows1256.txt"), "--aliases", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err == f"newsassert: {_message(case, path)}\n"


def test_an_alias_file_nested_beyond_the_recursion_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("[place]\nIraq = " + "[" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(AliasError) as info:
        load_aliases(path)
    assert str(info.value) == f"{path}: not valid TOML: values nest too deeply"


def test_a_check_file_nested_beyond_the_recursion_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.checks.toml"
    path.write_text('[[check]]\nquery = "claim"\nexpect = ' + "[" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(CheckFileError) as info:
        load_check_file(path)
    assert str(info.value) == f"{path}: not valid TOML: values nest too deeply"


# --- paths named inside check files ---------------------------------------------------


def test_a_relative_corpus_in_a_check_file_resolves_against_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "checks").mkdir(parents=True)
    (project / "articles").mkdir()
    check = project / "checks" / "a.checks.toml"
    check.write_text(
        'corpus = "../articles"\n[[check]]\nname = "n"\nquery = "quantity"\nexpect = "agree"\n', "utf-8"
    )
    monkeypatch.chdir(tmp_path)  # not where the check file is
    (spec,) = load_check_file(check)
    assert spec.corpus == str((project / "articles").resolve())


def test_a_relative_corpus_cannot_escape_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "checks").mkdir(parents=True)
    check = project / "checks" / "a.checks.toml"
    check.write_text(
        'corpus = "../../../../etc"\n[[check]]\nname = "n"\nquery = "quantity"\nexpect = "agree"\n', "utf-8"
    )
    monkeypatch.chdir(project)
    try:
        load_check_file(check)
    except CheckFileError:
        return
    raise AssertionError("a relative corpus path left the project without an error")
