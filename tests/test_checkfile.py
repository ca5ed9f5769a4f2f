"""Check files: parsing into specs, errors with file, line and caret, and running."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsassert import CheckFileError
from newsassert.check.checkfile import (
    CheckSpec,
    InvalidCheck,
    load_check_file,
    read_check_file,
    render_error,
    run_check,
)

GOOD = """\
# The corpus, relative to this file.
corpus = "corpus"

[[check]]
name = "troops agree"
query = "quantity where unit = soldier"
expect = "agree"
tolerance = 0.05
min_sources = 2
marks = ["smoke"]

[[check]]
name = "summary supported"
query = "person where lang = en"
expect = "supported_by"
by = "person where lang = ar"

[[check]]
name = "a few outlets"
query = "quantity"
expect = "count"
min = 1
max = 9
of = "articles"

[[check]]
name = "no rockets"
query = "quantity where unit = rocket"
expect = "none"
corpus = "other"
"""


def write(tmp_path: Path, text: str, name: str = "x.checks.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> CheckFileError:
    with pytest.raises(CheckFileError) as caught:
        load_check_file(write(tmp_path, text))
    return caught.value


def test_specs_carry_every_key_and_where_they_are(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    troops, summary, few, rockets = load_check_file(path)
    assert troops == CheckSpec(
        name="troops agree",
        query="quantity where unit = soldier",
        expect="agree",
        tolerance=0.05,
        min_sources=2,
        path=str(path),
        line=4,
        corpus=str(tmp_path / "corpus"),
        marks=("smoke",),
    )
    assert troops.line_of("min_sources") == 9
    assert summary.by == "person where lang = ar" and summary.line == 12
    assert few.bounds == (("min", 1), ("max", 9))
    assert few.options["of"] == "articles"
    # A table's own corpus wins over the file's, relative to the file too.
    assert rockets.corpus == str(tmp_path / "other")


def test_without_a_corpus_key_the_configured_corpus_is_used(tmp_path: Path) -> None:
    (spec,) = load_check_file(
        write(tmp_path, '[[check]]\nname = "n"\nquery = "date"\nexpect = "agree"\n')
    )
    assert spec.corpus is None and spec.tolerance == 0.0 and spec.min_sources == 1


@pytest.mark.parametrize(
    ("table", "message", "line", "column"),
    [
        (
            'name = "n"\nquery = "q"\nexpect = "agreee"\n',
            "unknown expect 'agreee' (known: agree, count, distinct, none, supported_by)",
            4,
            10,
        ),
        ('name = "n"\nexpect = "agree"\n', "the check has no 'query'", 1, None),
        (
            'name = "troops [Iraq]"\nquery = "q"\nexpect = "agree"\n',
            "check names may not contain '::', '[' or ']' (got 'troops [Iraq]')",
            2,
            8,
        ),
        ('query = "q"\nexpect = "agree"\n', "the check has no 'name'", 1, None),
        (
            'name = "n"\nquery = "q"\nexpect = "agree"\ntolerance = "5%"\n',
            "'tolerance' must be a number (got '5%', a string)",
            5,
            13,
        ),
        (
            'name = "n"\nquery = "q"\nexpect = "agree"\nmin_sources = 0\n',
            "'min_sources' must be >= 1 (got 0)",
            5,
            15,
        ),
        (
            'name = "n"\nquery = "q"\nexpect = "count"\nmin = true\n',
            "'min' must be a whole number (got True, a boolean)",
            5,
            7,
        ),
        (
            'name = "n"\nquery = "q"\nexpect = "count"\nmin = 3\nmax = 2\n',
            "'min' (3) is greater than 'max' (2)",
            6,
            7,
        ),
        (
            'name = "n"\nquery = "q"\nexpect = "supported_by"\n',
            "expect = 'supported_by' needs 'by', the query of the supporting claims",
            1,
            None,
        ),
        (
            'name = "n"\nquery = "q"\nexpect = "agree"\nby = "person"\n',
            "key 'by' does not apply to expect = 'agree' (it applies to expect = supported_by)",
            5,
            6,
        ),
        (
            'name = "n"\nquery = "q"\nexpect = "none"\nmaximum = 3\n',
            "key 'maximum' does not apply to expect = 'none' "
            "(known keys for none: name, query, expect, corpus, marks, group_by, mostly)",
            5,
            11,
        ),
        (
            'name = "n"\nquery = 3\nexpect = "none"\n',
            "'query' must be a string (got 3, an integer)",
            3,
            9,
        ),
        (
            'name = "n"\nquery = "q"\nexpect = "none"\nmarks = ["not a name"]\n',
            "'marks' must be a list of mark names (got ['not a name'], an array)",
            5,
            9,
        ),
    ],
)
def test_a_bad_table_names_file_line_and_column(
    tmp_path: Path, table: str, message: str, line: int, column: int | None
) -> None:
    error = error_of(tmp_path, "[[check]]\n" + table)
    assert (error.message, error.line, error.column) == (message, line, column)
    assert str(error).startswith(f"{tmp_path / 'x.checks.toml'}, line {line}")


def test_toml_syntax_errors_give_line_column_and_a_caret(tmp_path: Path) -> None:
    error = error_of(tmp_path, '[[check]]\nname = "n"\nquery = "quantity\nexpect = "agree"\n')
    assert (error.line, error.column) == (3, 18)
    assert error.message == "invalid TOML: Illegal character '\\n'"
    assert render_error(error).splitlines()[1:] == ['  query = "quantity', " " * 19 + "^"]


def test_unclosed_at_end_of_document_points_at_the_last_line(tmp_path: Path) -> None:
    error = error_of(tmp_path, '[[check]]\nname = "n"\nmarks = ["a",\n')
    assert error.line == 3 and error.column is None
    assert error.message == "invalid TOML: Invalid value"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "a check file needs at least one [[check]] table", 1),
        (
            'title = "x"\n[[check]]\n',
            "unknown key 'title' at the top of the check file (known: corpus, check)",
            1,
        ),
        (
            '\ncorpus = 3\n[[check]]\nname = "n"\n',
            "'corpus' must be a path in a string (got 3, an integer)",
            2,
        ),
    ],
)
def test_file_level_errors(tmp_path: Path, text: str, message: str, line: int) -> None:
    error = error_of(tmp_path, text)
    assert (error.message, error.line) == (message, line)


def test_a_bad_table_spoils_only_itself(tmp_path: Path) -> None:
    text = (
        '[[check]]\nname = "good"\nquery = "date"\nexpect = "agree"\n\n'
        '[[check]]\nname = "bad"\nquery = "date"\nexpect = "agre"\n\n'
        '[[check]]\nname = "good"\nquery = "date"\nexpect = "none"\n'
    )
    good, bad, duplicate = read_check_file(write(tmp_path, text))
    assert isinstance(good, CheckSpec) and good.name == "good"
    assert isinstance(bad, InvalidCheck) and (bad.name, bad.line) == ("bad", 6)
    assert bad.error.line == 9
    assert isinstance(duplicate, InvalidCheck)
    assert duplicate.error.message == "check 'good' is already defined at line 1"
    assert duplicate.error.line == 12


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(CheckFileError, match=r"cannot read the check file"):
        load_check_file(tmp_path / "missing.checks.toml")


def test_plugin_check_types_are_known_and_get_their_own_keys(tmp_path: Path) -> None:
    from newsassert import hookimpl, plugins
    from newsassert.check.verdict import Verdict

    class OneOutlet:
        @hookimpl
        def newsassert_check_types(self) -> dict[str, object]:
            def at_most_outlets(corpus: object, selection: object, spec: CheckSpec) -> Verdict:
                limit = spec.options["outlets"]
                return Verdict(check="at_most_outlets", holds=limit >= 1, summary=f"<= {limit}")

            return {"at_most_outlets": at_most_outlets}

    plugins.plugin_manager().register(OneOutlet(), name="test-one-outlet")
    try:
        (spec,) = load_check_file(
            write(
                tmp_path,
                '[[check]]\nname = "n"\nquery = "date"\nexpect = "at_most_outlets"\noutlets = 2\n',
            )
        )
        assert spec.options["outlets"] == 2

        class Corpus:
            def query(self, text: str) -> list[object]:
                return []

        result = run_check(spec, Corpus())  # type: ignore[arg-type]
        assert result.status == "passed" and result.location == (spec.path, 1)
    finally:
        plugins.plugin_manager().unregister(name="test-one-outlet")


class _Corpus:
    """A corpus of claims by query, for checks that need no real one."""

    def __init__(self, answers: dict[str, list[object]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def query(self, text: str) -> list[object]:
        self.asked.append(text)
        return self.answers.get(text, [])


def _outlets_kind() -> object:
    from newsassert.check.types import Parameter, check_kind
    from newsassert.check.verdict import Verdict

    @check_kind(
        Parameter("outlets", (int,), default=1, must="a whole number >= 1", valid=lambda n: n >= 1),
        Parameter("against", doc="another query whose claims count too"),
    )
    def at_most_outlets(selection, select, params):  # type: ignore[no-untyped-def]
        claims = [*selection, *(select(params["against"]) if params["against"] else ())]
        holds = len(claims) <= params["outlets"]
        return Verdict(check="at_most_outlets", holds=holds, summary=f"{len(claims)} claims")

    return at_most_outlets


@pytest.fixture
def outlets_plugin() -> object:
    from newsassert import hookimpl, plugins

    class Outlets:
        @hookimpl
        def newsassert_check_types(self) -> dict[str, object]:
            return {"at_most_outlets": _outlets_kind()}

    plugins.plugin_manager().register(Outlets(), name="test-outlets")
    yield
    plugins.plugin_manager().unregister(name="test-outlets")


def test_a_plugin_check_kind_gets_its_parameters_and_a_select_callable(
    tmp_path: Path, outlets_plugin: object
) -> None:
    (spec,) = load_check_file(
        write(
            tmp_path,
            '[[check]]\nname = "n"\nquery = "date"\nexpect = "at_most_outlets"\n'
            'outlets = 2\nagainst = "person"\n',
        )
    )
    corpus = _Corpus({"date": ["d1"], "person": ["p1", "p2"]})
    result = run_check(spec, corpus)  # type: ignore[arg-type]
    assert corpus.asked == ["date", "person"]
    assert result.status == "failed" and "3 claims" in result.verdict.summary
    (spec,) = load_check_file(
        write(tmp_path, '[[check]]\nname = "n"\nquery = "date"\nexpect = "at_most_outlets"\n')
    )
    assert run_check(spec, _Corpus({"date": ["d1"]})).status == "passed"  # type: ignore[arg-type]


def test_a_plugin_check_kind_is_checked_as_a_builtin_one_is(
    tmp_path: Path, outlets_plugin: object
) -> None:
    # A key it does not declare is refused when the file is read, with the known keys.
    with pytest.raises(CheckFileError, match=r"key 'outlet' does not apply") as caught:
        load_check_file(
            write(
                tmp_path,
                '[[check]]\nname = "n"\nquery = "date"\nexpect = "at_most_outlets"\noutlet = 2\n',
            )
        )
    assert "outlets, against" in str(caught.value) and caught.value.line == 5
    # A key another kind declares says which.
    with pytest.raises(CheckFileError, match=r"it applies to expect = at_most_outlets"):
        load_check_file(
            write(
                tmp_path, '[[check]]\nname = "n"\nquery = "date"\nexpect = "agree"\noutlets = 1\n'
            )
        )
    # A bad value is named with its line when the check runs.
    (spec,) = load_check_file(
        write(
            tmp_path,
            '[[check]]\nname = "n"\nquery = "date"\nexpect = "at_most_outlets"\noutlets = 0\n',
        )
    )
    with pytest.raises(
        CheckFileError, match=r"'outlets' must be a whole number >= 1 \(got 0\)"
    ) as bad:
        run_check(spec, _Corpus({}))  # type: ignore[arg-type]
    assert bad.value.line == 5


def test_a_plugin_check_kind_that_declares_a_share_takes_mostly(
    tmp_path: Path, outlets_plugin: object
) -> None:
    import newsassert
    from newsassert import Evidence, Verdict, hookimpl, plugins
    from newsassert.check.types import Parameter, Share, check_kind

    @check_kind(Parameter("most", (int,), default=6), share=Share("claims", "are small"))
    def small(selection, select, params):  # type: ignore[no-untyped-def]
        rows = tuple(
            Evidence(
                claim=c,
                value=f"{c.value:g}",
                role="agrees" if c.value <= params["most"] else "dissent",
            )
            for c in selection
        )
        dissent = tuple(r.claim.id for r in rows if r.role == "dissent")
        return Verdict(
            check="small", holds=not dissent, summary="", evidence=rows, failures=dissent
        )

    class Small:
        @hookimpl
        def newsassert_check_types(self) -> dict[str, object]:
            return {"small": small}

    plugins.plugin_manager().register(Small(), name="test-small")
    try:
        claims = [
            c
            for c in newsassert.extract("5 soldiers died.\n\n6 soldiers died.\n\n7 soldiers died.")
            if c.kind == "quantity"
        ]
        assert [c.value for c in claims] == [5, 6, 7]
        table = '[[check]]\nname = "n"\nquery = "quantity"\nexpect = "small"\nmostly = {}\n'
        (spec,) = load_check_file(write(tmp_path, table.format(0.6)))
        result = run_check(spec, _Corpus({"quantity": claims}))  # type: ignore[arg-type]
        assert result.status == "passed"
        assert result.verdict.summary.startswith("small holds with mostly = 0.6: 2 of 3 claims")
        assert "are small" in result.verdict.summary
        (spec,) = load_check_file(write(tmp_path, table.format(0.9)))
        assert run_check(spec, _Corpus({"quantity": claims})).status == "failed"  # type: ignore[arg-type]
        # A kind that declares no share takes no mostly, and the message names those that do.
        with pytest.raises(
            CheckFileError, match=r"'mostly' applies to expect = .*small.*not 'at_most"
        ):
            load_check_file(
                write(
                    tmp_path,
                    '[[check]]\nname = "n"\nquery = "date"\nexpect = "at_most_outlets"\n'
                    "mostly = 0.5\n",
                )
            )
    finally:
        plugins.plugin_manager().unregister(name="test-small")


def test_the_builtin_kinds_declare_their_parameters() -> None:
    from newsassert.check.builtin import BUILTIN_TYPES
    from newsassert.check.types import CheckKind

    for name, kind in BUILTIN_TYPES.items():
        assert isinstance(kind, CheckKind), name
        assert all(p.doc for p in kind.parameters), name
    assert [p.name for p in BUILTIN_TYPES["supported_by"].parameters][:1] == ["by"]


# ---------------------------------------------------------------------------
# running on the seeds
# ---------------------------------------------------------------------------


def test_a_query_that_does_not_compile_names_the_line_of_the_query(
    tmp_path: Path, seeds: object
) -> None:
    (spec,) = load_check_file(
        write(
            tmp_path,
            '[[check]]\nname = "n"\nexpect = "supported_by"\nquery = "person"\n'
            'by = "person where nme = x"\n',
        )
    )
    with pytest.raises(CheckFileError) as caught:
        run_check(spec, seeds)  # type: ignore[arg-type]
    error = caught.value
    assert error.line == 5
    assert error.message.startswith("check 'n': by does not compile: unknown field 'nme'")
    assert error.message.splitlines()[-2:] == ["  person where nme = x", " " * 15 + "^"]


def test_run_check_gives_the_verdict_of_the_python_api(tmp_path: Path, seeds: object) -> None:
    (spec,) = load_check_file(
        write(
            tmp_path,
            '[[check]]\nname = "attacks"\nquery = "quantity where unit = attack"\n'
            'expect = "agree"\n',
        )
    )
    result = run_check(spec, seeds)  # type: ignore[arg-type]
    direct = seeds.query(spec.query).agree()  # type: ignore[attr-defined]
    assert result.verdict == direct
    assert (result.name, result.expect, result.query) == ("attacks", "agree", spec.query)
    assert result.status == ("passed" if direct else "failed")


def test_a_relative_corpus_may_not_leave_the_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "checks").mkdir(parents=True)
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    (project / "seeds").mkdir()
    inside = project / "checks" / "in.checks.toml"
    inside.write_text(
        'corpus = "../seeds"\n[[check]]\nname = "n"\nquery = "quantity"\nexpect = "none"\n',
        encoding="utf-8",
    )
    (spec,) = load_check_file(inside)
    assert spec.corpus == str((project / "seeds").resolve())
    outside = project / "checks" / "out.checks.toml"
    outside.write_text(
        'corpus = "../../../../etc"\n[[check]]\nname = "n"\nquery = "quantity"\nexpect = "none"\n',
        encoding="utf-8",
    )
    with pytest.raises(CheckFileError) as info:
        load_check_file(outside)
    assert "leads outside the project folder" in str(info.value)
    assert str(info.value).startswith(f"{outside}, line 1:")
    absolute = project / "checks" / "abs.checks.toml"
    absolute.write_text(
        f'corpus = "{tmp_path}"\n[[check]]\nname = "n"\nquery = "quantity"\nexpect = "none"\n',
        encoding="utf-8",
    )
    (spec,) = load_check_file(absolute)
    assert spec.corpus == str(tmp_path.resolve())


def test_supported_by_takes_precision_unplaced_and_open_bound(tmp_path: Path) -> None:
    import newsassert

    (tmp_path / "news.jsonl").write_text(
        '{"id": "source", "text": "Thousands of families fled the fighting."}\n'
        '{"id": "summary", "text": "9,000 families fled the fighting."}\n',
        encoding="utf-8",
    )
    corpus = newsassert.load(tmp_path / "news.jsonl")
    table = (
        '[[check]]\nname = "summary"\nquery = "quantity where article = summary"\n'
        'expect = "supported_by"\nby = "quantity where article = source"\n'
    )
    (loose,) = load_check_file(write(tmp_path, table))
    assert run_check(loose, corpus).verdict  # vague support, noted
    (strict,) = load_check_file(
        write(tmp_path, table + 'precision = "comparable"\n', "y.checks.toml")
    )
    assert not run_check(strict, corpus).verdict
    for bad in ('precision = "exact"', "unplaced = 1", "open_bound = 0.5"):
        (spec,) = load_check_file(write(tmp_path, f"{table}{bad}\n", "z.checks.toml"))
        with pytest.raises(CheckFileError, match=bad.split(" ")[0]):
            run_check(spec, corpus)
