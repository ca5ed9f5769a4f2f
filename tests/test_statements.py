"""Statements: extraction, the statement checks, the corpus of pairs, and properties."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsassert
from newsassert.check import agree, supported_by
from newsassert.check.statements import aligned, opposition
from newsassert.extract.statements import _fold, contrary, family_of, vocabulary
from newsassert.load import make_article
from newsassert.model import StatementClaim
from newsassert.query import compile_query
from newsassert.text.data import read_data

CORPUS = Path(__file__).parent / "corpus" / "statements"


def statements(text: str, id: str = "text") -> list[StatementClaim]:
    article = make_article(text, id=id)
    return [c for c in article.claims if isinstance(c, StatementClaim)]


def one(text: str, word: str) -> StatementClaim:
    found = [c for c in statements(text) if c.text == word]
    assert found, f"no statement at {word!r} in {[c.text for c in statements(text)]}"
    return found[0]


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------


def test_arabic_family_and_inflections() -> None:
    for word in ("ارتفع", "ترتفع", "ارتفاع", "بارتفاع", "والارتفاع", "يرتفعون", "صعود"):
        assert family_of(newsassert.normalize.key(word), "ar") == "rise", word
    for word in ("انخفض", "تنخفض", "هبوط", "تراجع", "تهوي"):
        assert family_of(newsassert.normalize.key(word), "ar") == "fall", word
    # Endings, pronouns and clitics around a listed form; ة after a form in
    # ـه or an adjective; the imperfect of a derived form and of a verb in ـى.
    for word, family in (
        ("ارتفاعاتها", "rise"), ("وبانخفاضه", "fall"), ("سيرتفع", "rise"), ("زيادته", "rise"),
        ("زيادات", "rise"), ("مستقرة", "calm"), ("قياسية", "first"), ("يتعافى", "rise"),
        ("تعافت", "rise"), ("يعلن", "confirm"), ("أعلنت", "confirm"),
    ):
        assert family_of(_fold(word), "ar") == family, word


def test_words_that_only_share_letters_with_a_form_are_no_predicates() -> None:
    # Nothing inside a word is dropped: تونس is not نسي "forgot", سلمان not
    # سلم, مدينة not دين, المحروقات not حرق; a nisba adjective (اليمنية،
    # الاجتماعي) is no event; a ة ends a noun, not a verb (رحلة is not رحل).
    for word in ("تونس", "سلمان", "مدينة", "المحروقات", "اليمنية", "الاجتماعي", "رحلة", "وزارة"):
        assert family_of(_fold(word), "ar") is None, word


def test_function_words_are_no_predicates() -> None:
    # بعد "after" is not عاد "returned"; جوية is not واجه; الداخلية is not دخل + ه.
    for word in ("بعد", "جوية", "دون", "احد", "الداخلية"):
        assert family_of(_fold(word), "ar") is None, word
    assert family_of(_fold("اتفاق"), "ar") == "agree"
    # قبل "before" is read as a function word before any family.
    assert "قبل" not in [c.text for c in statements("وصل الوفد قبل الاجتماع في بغداد")]


def test_english_lemmas_through_irregular_forms() -> None:
    assert family_of("rose", "en") == "rise"
    assert family_of("fell", "en") == "fall"
    assert family_of("won", "en") == "win"
    assert contrary("rise", "fall") and contrary("fall", "rise")
    assert contrary("win", "lose")
    assert not contrary("rise", "rise")


def test_english_event_nouns_are_read_as_their_verbs() -> None:
    # WordNet's derivational links (data/antonyms_en.tsv "der" lines): an
    # event noun is its verb's predicate; a noun that is a predicate of its
    # own ("loss") keeps its own.
    assert family_of("invasion", "en") == "war"
    assert family_of("death", "en") == "kill"
    assert family_of("denial", "en") == "deny"
    assert family_of("closure", "en") == "close"
    assert family_of("loss", "en") == "loss"
    assert one("The ministry announced the closure of the border.", "closure").predicate == "close"


def test_arabic_negation_with_its_span() -> None:
    text = "مصر: لم ترتفع أسعار النفط"
    claim = one(text, "ترتفع")
    assert claim.predicate == "rise"
    assert claim.polarity == "negated"
    assert claim.negation == "لم"
    assert text[claim.negation_start : claim.negation_end] == "لم"  # type: ignore[misc]
    assert claim.text == text[claim.start : claim.end]


def test_english_negation_skips_auxiliaries_and_adverbs() -> None:
    claim = one("The founder was not immediately arrested on Thursday.", "arrested")
    assert (claim.predicate, claim.polarity, claim.negation) == ("arrest", "negated", "not")
    claim = one("The suspect didn't leave Paris.", "leave")
    assert claim.polarity == "negated" and claim.negation == "n't"


def test_negation_reaches_only_the_word_it_governs() -> None:
    # "ليس لديها خطط لزيادة": the negation is of لديها, not of زيادة.
    claim = one("تونس تقول إنه ليس لديها خطط لزيادة الضرائب على الوقود", "لزيادة")
    assert claim.polarity == "affirmed"


def test_phrases_that_only_look_negative() -> None:
    assert one("لا تزال أسعار الذهب ترتفع", "ترتفع").polarity == "affirmed"
    assert one("Prices not only rose in Cairo, they doubled.", "rose").polarity == "affirmed"


def test_moods() -> None:
    assert one("If oil prices fell, bread would be cheaper.", "fell").mood == "conditional"
    assert one("إذا ارتفعت أسعار الذهب", "ارتفعت").mood == "conditional"
    assert one('"Oil prices fell," a trader said.', "fell").mood == "quoted"
    assert one("Oil prices fell.", "fell").mood == "asserted"


def test_intended_statements() -> None:
    # A purpose (لـ and a verbal noun) or a plan is intended, not asserted.
    assert one("الحكومة تدرس خطة لخفض الضرائب", "لخفض").mood == "intended"
    assert one("The board plans to cut the dividend.", "cut").mood == "intended"
    # لأدنى مستوى is where a fall went, not a purpose.
    assert one("الذهب يهبط لأدنى مستوى", "لأدنى").mood == "asserted"


def test_theme_is_what_the_predicate_is_said_of() -> None:
    # يهبط بالذهب: the object after بـ, not the cause before it.
    assert one("ارتفاع الدولار ينزل بالذهب", "ينزل").theme == ("ذهب",)
    assert one("ارتفاع الدولار ينزل بالذهب", "ارتفاع").theme == ("دلر",)
    # A second subject opens a second clause: the dollar is not gold's.
    claim = one("الذهب يهبط والدولار يواصل صعوده", "يهبط")
    assert claim.theme == ("ذهب",) and claim.clause == "الذهب يهبط"
    # A word of an anchor gives its anchor too.
    assert "figure:5" in one("مقتل خمسة مدنيين في قصف", "مقتل").theme


def test_a_recouped_loss_is_negated_and_its_verb_says_nothing() -> None:
    claim = one("النفط يعوض بعض خسائره", "خسائره")
    assert claim.polarity == "negated" and claim.negation == "يعوض"
    assert [c.text for c in statements("النفط يعوض بعض خسائره")] == ["خسائره"]
    assert one("Copper pared its gains.", "gains").polarity == "negated"
    # Only a gain or a loss is undone: يقلص الإنتاج is a cut.
    assert one("أوبك تقلص الإنتاج", "تقلص").predicate == "fall"


def test_a_saying_with_a_negated_complement_is_a_denial() -> None:
    assert one("إعلان روسيا عدم وجود أدلة", "إعلان").predicate == "deny"
    assert one("إعلان روسيا وجود أدلة", "إعلان").predicate == "confirm"


def test_anchors_are_the_clause_s_names_figures_and_dates() -> None:
    claim = one("ارتفاع أسعار النفط في مصر بنسبة 5 بالمئة", "ارتفاع")
    assert "place:egypt" in claim.anchors
    assert "figure:5" in claim.anchors
    # Another clause's place is not an anchor of this one.
    claim = one("Prices rose in Egypt, but oil fell in Morocco.", "rose")
    assert "place:egypt" in claim.anchors and "place:morocco" not in claim.anchors


def test_statements_are_switched_off_with_their_plugin() -> None:
    from newsassert import plugins

    assert statements("Oil prices fell.")
    plugins.disable("newsassert.statements")
    try:
        assert not statements("Oil prices fell again.")
    finally:
        plugins.enable("newsassert.statements")


def test_statement_claim_round_trips_through_its_record() -> None:
    from newsassert.model import claim_from_dict

    claim = one("مصر: لم ترتفع أسعار النفط", "ترتفع")
    record = json.loads(json.dumps(claim.to_dict(), ensure_ascii=False))
    assert claim_from_dict(record) == claim


# ---------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------


def test_arabic_lexicon_size_and_consistency() -> None:
    families = read_data("predicates.toml")["family"]
    keys = {f["key"] for f in families}
    assert len(keys) == len(families), "a family key is given twice"
    pairs = 0
    for family in families:
        for other in family.get("contrary", ()):
            assert other in keys, f"{family['key']} names an unknown contrary {other!r}"
            b = next(f for f in families if f["key"] == other)
            pairs += len(family.get("ar", ())) * len(b.get("ar", ()))
        for form in family.get("ar", ()):
            assert " " not in form, f"{form!r}: forms are single words"
    # Contrary pairs of Arabic verbs and verbal nouns, each with its family.
    assert pairs >= 300


def test_wordnet_file_names_its_source() -> None:
    from importlib import resources

    head = resources.files("newsassert").joinpath("data", "antonyms_en.tsv").read_text("utf-8")
    assert "WordNet 3.0" in head.split("\n\n")[0]
    assert ("fall", "rise") in vocabulary().antonyms or ("fall", "rise") in {
        (a, b) for a, b in vocabulary().antonyms
    }


@pytest.mark.skipif(
    not Path("/usr/share/wordnet/data.noun").is_file(), reason="WordNet's files (wordnet-base)"
)
def test_wordnet_file_is_the_generator_s_output() -> None:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / "gen_wordnet_antonyms.py"
    spec = importlib.util.spec_from_file_location("gen_wordnet_antonyms", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run python scripts/gen_wordnet_antonyms.py"


def test_grammar_file_parses() -> None:
    grammar = read_data("statements.toml")
    assert grammar["negation"]["reach"] >= 1
    assert tomllib.loads("x = 1")  # the data files are TOML


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def _pair(source: str, summary: str) -> tuple[list[Any], list[Any]]:
    a = [c for c in make_article(source, id="source").claims]
    b = [c for c in make_article(summary, id="summary").claims]
    return a, b


def test_supported_by_marks_a_reversed_statement_and_names_the_words() -> None:
    source, summary = _pair("ارتفعت أسعار النفط في مصر.", "انخفاض أسعار النفط في مصر.")
    verdict = supported_by([c for c in summary if c.kind == "statement"], source)
    assert not verdict
    row = next(r for r in verdict.evidence if r.role == "conflict")
    assert "انخفاض" in row.note and "ارتفعت" in row.note
    assert "«" in row.note  # both clauses quoted
    assert any(f.startswith("statement:") for f in verdict.failures)
    assert "statements" in verdict.summary


def test_unmatched_statements_do_not_fail() -> None:
    source, summary = _pair("Oil prices rose in Egypt.", "The minister visited Cairo.")
    verdict = supported_by([c for c in summary if c.kind == "statement"], source)
    assert verdict
    assert {r.role for r in verdict.evidence} <= {"aside", "supported"}


def test_statements_can_be_left_out_of_a_check() -> None:
    source, summary = _pair("Oil prices rose in Egypt.", "Oil prices fell in Egypt.")
    assert not supported_by(summary, source)
    assert supported_by(summary, source, statements=False)


def test_agree_over_statements() -> None:
    corpus_text = [
        ("a", "ارتفعت أسعار النفط في مصر."),
        ("b", "صعود أسعار النفط في مصر."),
        ("c", "انخفاض أسعار النفط في مصر."),
    ]
    claims = [
        c
        for id, text in corpus_text
        for c in make_article(text, id=id).claims
        if c.kind == "statement"
    ]
    verdict = agree(claims)
    assert not verdict
    dissent = [r for r in verdict.evidence if r.role == "dissent"]
    assert [r.claim.article for r in dissent] == ["c"]
    assert agree([c for c in claims if c.article != "c"])


def test_query_selects_statements_by_predicate_in_either_language() -> None:
    claims = newsassert.extract("ارتفاع أسعار النفط في مصر. Oil prices rose in Egypt. Gold fell.")
    rise = compile_query("statement where predicate = rise").evaluate(claims)
    assert sorted(c.text for c in rise) == ["rose", "ارتفاع"]
    same = compile_query("statement where predicate = ارتفع").evaluate(claims)
    assert sorted(c.text for c in same) == ["rose", "ارتفاع"]
    negated = compile_query("statement where polarity = negated").evaluate(claims)
    assert list(negated) == []
    egypt = compile_query('statement where anchors = "place:egypt"').evaluate(claims)
    assert {c.text for c in egypt} == {"rose", "ارتفاع"}


def test_alignment_needs_a_shared_anchor_when_both_name_one() -> None:
    a = one("Oil prices rose in Egypt.", "rose")
    b = one("Oil prices fell in Morocco.", "fell")
    assert not aligned(a, b)
    c = one("Oil prices fell in Egypt.", "fell")
    assert aligned(a, c) and opposition(a, c) == "contrary"


# ---------------------------------------------------------------------------
# The corpus of pairs
# ---------------------------------------------------------------------------


def _cases() -> list[Any]:
    found = []
    for path in sorted(CORPUS.glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text("utf-8"))["cases"]):
            found.append(pytest.param(case, id=f"{path.stem}-{i}"))
    return found


@pytest.mark.parametrize("case", _cases())
def test_corpus(case: dict[str, Any]) -> None:
    source, summary = _pair(case["source"], case["summary"])
    said = [c for c in summary if c.kind == "statement"]
    assert said, "the summary has no statement"
    verdict = supported_by(said, [c for c in source if c.kind == "statement"])
    conflicts = [r for r in verdict.evidence if r.role == "conflict"]
    if case["expect"] == "holds":
        assert not conflicts, [r.note for r in conflicts]
    else:
        assert conflicts, [(r.claim.text, r.claim.predicate, r.role) for r in verdict.evidence]
        note = " ".join(r.note for r in conflicts)
        for word in case["words"]:
            assert word in note


def test_corpus_has_both_languages_and_both_answers() -> None:
    cases = [p.values[0] for p in _cases()]
    assert len(cases) >= 40
    assert {c["expect"] for c in cases} == {"conflict", "holds"}


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

_SUBJECTS = ["Oil prices", "The dollar", "Gold", "Shares of Aramco", "Wheat exports"]
_PLACES = ["Egypt", "Iraq", "Morocco", "Jordan"]
_VERBS = [("rose", "rise"), ("fell", "fall"), ("won", "win"), ("closed", "close")]
_BASE = {"rose": "rise", "fell": "fall", "won": "win", "closed": "close"}


@given(
    subject=st.sampled_from(_SUBJECTS),
    place=st.sampled_from(_PLACES),
    verb=st.sampled_from(_VERBS),
    negation=st.sampled_from(["did not", "didn't", "never"]),
)
def test_inserting_a_negation_flips_polarity_and_conflicts(
    subject: str, place: str, verb: tuple[str, str], negation: str
) -> None:
    past, family = verb
    affirmed = f"{subject} {past} in {place} on Monday."
    negated = f"{subject} {negation} {_BASE[past]} in {place} on Monday."
    a = [c for c in statements(affirmed) if c.predicate == family]
    b = [c for c in statements(negated) if c.predicate == family]
    assert [c.polarity for c in a] == ["affirmed"]
    assert [c.polarity for c in b] == ["negated"]
    assert not supported_by(b, a)
    assert not supported_by(a, b)


@given(
    place=st.sampled_from(["مصر", "العراق", "الأردن", "المغرب"]),
    verb=st.sampled_from([("ترتفع", "rise"), ("تنخفض", "fall"), ("تفتح", "open")]),
    negation=st.sampled_from(["لم", "لن", "لا"]),
)
def test_arabic_negation_flips_polarity(place: str, verb: tuple[str, str], negation: str) -> None:
    word, family = verb
    affirmed = f"الأسعار {word} في {place}."
    negated = f"الأسعار {negation} {word} في {place}."
    assert [c.polarity for c in statements(affirmed) if c.predicate == family] == ["affirmed"]
    assert [c.polarity for c in statements(negated) if c.predicate == family] == ["negated"]


@given(
    subject=st.sampled_from(["The minister", "The president", "The envoy"]),
    place=st.sampled_from(_PLACES),
    verb=st.sampled_from(["resign", "win", "leave"]),
)
def test_a_negation_moved_within_a_paraphrase_does_not_flag(
    subject: str, place: str, verb: str
) -> None:
    # "did not say he would X" and "said he would not X" negate the same X.
    source = f"{subject} of {place} did not say he would {verb}."
    summary = f"{subject} of {place} said he would not {verb}."
    said = statements(summary, id="summary")
    assert said
    assert supported_by(said, statements(source, id="source"))


def test_a_check_file_switches_statements_off(tmp_path: Path) -> None:
    from newsassert.check.checkfile import load_check_file, run_checks

    (tmp_path / "a.txt").write_text("Oil prices rose in Egypt.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Oil prices fell in Egypt.\n", encoding="utf-8")
    checks = tmp_path / "summary.checks.toml"
    for statements, holds in (("true", False), ("false", True)):
        checks.write_text(
            "[[check]]\n"
            'name = "summary"\n'
            "query = 'claim where article = \"b\"'\n"
            'expect = "supported_by"\n'
            "by = 'claim where article = \"a\"'\n"
            f"statements = {statements}\n",
            encoding="utf-8",
        )
        corpus = newsassert.load(tmp_path / "*.txt")
        (spec,) = load_check_file(checks)
        (result,) = run_checks(spec, corpus)
        assert result.verdict.holds is holds, result.verdict.summary


def test_verdict_counts_its_failures_by_kind() -> None:
    from newsassert.check.verdict import kinds_line
    from newsassert.report.json_report import json_report

    source, summary = _pair("ارتفعت أسعار النفط في مصر.", "انخفاض أسعار النفط في مصر.")
    verdict = supported_by(summary, source)
    assert verdict.by_kind == {"statement": 1}
    assert verdict.to_dict()["by_kind"] == {"statement": 1}
    assert kinds_line(verdict) == "failing: statement 1"
    assert "failing: statement 1" in str(verdict)
    # A run's report sums them over its failed checks.
    from newsassert.check.verdict import CheckResult

    result = CheckResult.of("s", "claim", "supported_by", verdict)
    assert json_report([result])["by_kind"] == {"statement": 1}
    # Without statements the verdict holds and counts nothing.
    held = supported_by(summary, source, statements=False)
    assert held and held.by_kind == {} and kinds_line(held) == ""
