"""The Arabic contrary-predicate lexicon: its generator, its size, and every pair at work.

``data/contraries_ar.tsv`` is curated; ``scripts/gen_arabic_predicates.py``
makes its forms into ``data/predicates_ar.tsv``. Here the generated file must
be the script's output, the verb patterns must give the forms a reader
writes, and every pair must set a statement against its contrary in both
directions while a paraphrase in the same family still holds.
"""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from newsassert.check import supported_by
from newsassert.extract.statements import _fold, contrary, family_of, vocabulary
from newsassert.load import make_article
from newsassert.model import StatementClaim

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsassert" / "data"


def _script() -> ModuleType:
    path = ROOT / "scripts" / "gen_arabic_predicates.py"
    spec = importlib.util.spec_from_file_location("gen_arabic_predicates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _script()
PAIRS = GEN.read_pairs((DATA / "contraries_ar.tsv").read_text(encoding="utf-8"))
FAMILIES = tomllib.loads((DATA / "predicates.toml").read_text(encoding="utf-8"))["family"]


def test_generated_file_is_the_script_s_output() -> None:
    text, _ = GEN.generate((DATA / "contraries_ar.tsv").read_text(encoding="utf-8"), FAMILIES)
    assert (DATA / "predicates_ar.tsv").read_text(encoding="utf-8") == text, (
        "data/predicates_ar.tsv is out of date: run python scripts/gen_arabic_predicates.py"
    )


@pytest.mark.parametrize(
    ("root", "form", "perfect", "stem", "noun"),
    [
        ("خفض", "II", "خفض", "خفض", "تخفيض"),
        ("قوي", "II", "قوي", "قوي", "تقويه"),  # defective: تقوية
        ("وصل", "III", "واصل", "واصل", "مواصله"),
        ("غلق", "IV", "اغلق", "غلق", "اغلاق"),
        ("قول", "IV", "اقال", "قيل", "اقاله"),  # hollow: يقيل، إقالة
        ("عطي", "IV", "اعطي", "عطي", "اعطاء"),  # defective: أعطى، إعطاء
        ("وقف", "IV", "اوقف", "وقف", "ايقاف"),  # assimilated: إيقاف
        ("قدم", "V", "تقدم", "تقدم", "تقدم"),
        ("رجع", "VI", "تراجع", "تراجع", "تراجع"),
        ("خفض", "VII", "انخفض", "نخفض", "انخفاض"),
        ("هور", "VII", "انهار", "نهار", "انهيار"),  # hollow
        ("ضمم", "VII", "انضم", "نضم", "انضمام"),  # doubled
        ("رفع", "VIII", "ارتفع", "رتفع", "ارتفاع"),
        ("وفق", "VIII", "اتفق", "تفق", "اتفاق"),  # و + ت: اتّفق
        ("زيد", "VIII", "ازداد", "زداد", "ازدياد"),  # ز + ت -> زد, hollow
        ("نهي", "VIII", "انتهي", "نتهي", "انتهاء"),  # defective: انتهى
        ("حلل", "VIII", "احتل", "حتل", "احتلال"),  # doubled
        ("مرر", "X", "استمر", "ستمر", "استمرار"),  # doubled
        ("قول", "X", "استقال", "ستقيل", "استقاله"),  # hollow
        ("ورد", "X", "استورد", "ستورد", "استيراد"),  # assimilated
        ("ثني", "X", "استثني", "ستثني", "استثناء"),  # defective
    ],
)
def test_verb_patterns(root: str, form: str, perfect: str, stem: str, noun: str) -> None:
    made = GEN.derive(root, form, participle=False)
    assert made["form"] == [perfect, noun]
    assert made["verb"] == [stem]


def test_participles_on_request() -> None:
    assert GEN.derive("رفع", "VIII", participle=True)["form"][-1] == "مرتفع"
    assert GEN.derive("اكد", "II", participle=True)["form"][-1] == "موكد"  # مؤكد
    assert GEN.derive("قرر", "X", participle=True)["form"][-1] == "مستقر"


def test_form_one_is_written_out_and_only_its_imperfect_gives_a_stem() -> None:
    made = GEN.lexeme("I فاز يفوز فوز فائز")
    assert made["form"] == ["فاز", "فوز", "فايز"]
    assert made["verb"] == ["فوز"]
    # A noun or adjective has no imperfect: سري "secret" is not يسري "is in force".
    assert family_of(_fold("يسري"), "ar") is None
    assert family_of(_fold("سرية"), "ar") == "secret"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rise\tVIII رفع\tfall\n", "line 1: four tab-separated fields"),
        ("rise\tVIII رفع\trise\tVII خفض\n", "line 1: a family is not its own contrary"),
        ("# x\nrise\tXI رفع\tfall\tVII خفض\n", "line 2: unknown verb form 'XI'"),
        ("rise\tVIII رفعت\tfall\tVII خفض\n", "line 1: a root has three letters"),
        ("rise\tVIII رفع\tnosuch\tVII خفض\n", "line 1: 'nosuch' is no family"),
        # A word of predicates.toml keeps its family: هبوط is a fall.
        ("rise\tI هبوط\tfall\tVII خفض\n", "line 1: هبوط is of the family 'fall', not 'rise'"),
    ],
)
def test_bad_lines_are_named(text: str, message: str) -> None:
    with pytest.raises(GEN.PairError, match=message):
        GEN.generate(text, FAMILIES)


def test_at_least_300_pairs_each_a_contrary() -> None:
    pairs = {(a, lex_a, b, lex_b) for a, lex_a, b, lex_b, _ in PAIRS}
    assert len(pairs) == len(PAIRS), "a pair is listed twice"
    assert len(pairs) >= 300
    for a, _, b, _ in pairs:
        assert contrary(a, b) and contrary(b, a), (a, b)
    # Many families, not one pair written many ways.
    assert len({(min(a, b), max(a, b)) for a, _, b, _ in pairs}) >= 80


def test_every_generated_form_reads_as_its_family() -> None:
    wrong = []
    for line in (DATA / "predicates_ar.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        kind, family, word = line.split("\t")
        if kind == "form":
            written = [word, "و" + word, "ب" + word]
        elif kind == "verb":
            # Not ت + stem: توافق، تبني are as often the nouns of forms V and
            # VI (agreement, adoption), which a listed form reads first.
            written = ["ي" + word, "وي" + word, "سي" + word]
        else:
            continue
        wrong += [(w, family, got) for w in written if (got := family_of(w, "ar")) != family]
    assert not wrong, wrong[:20]


# The sentence each predicate is tried in: a subject, and a place to anchor it.
_FRAME = "{} الشركة الوطنية في القاهرة"


def _said(word: str, id: str) -> list[StatementClaim]:
    article = make_article(_FRAME.format(word), id=id)
    return [c for c in article.claims if isinstance(c, StatementClaim)]


def _forms(spec: str) -> list[str]:
    """A lexeme's words as a reader writes them, less the function words.

    A verb of saying (أضاف، ذكر) is read as a function word, and أنهى، افتقر
    as negations first: the lexeme is tried in its other forms.
    """
    vocab = vocabulary()
    made = GEN.lexeme(spec)
    words = [w for w in made["form"] if len(w) >= 3]
    words += ["ي" + s for s in made["verb"] if len(s) >= 3]
    return [w for w in words if w not in vocab.stop and w not in vocab.negation_ar] or words


def _conflicts(summary: list[StatementClaim], source: list[StatementClaim]) -> bool:
    verdict = supported_by(summary, source)
    return any(row.role == "conflict" for row in verdict.evidence)


def test_every_pair_conflicts_both_ways_and_paraphrases_hold() -> None:
    problems = []
    for a, lex_a, b, lex_b, number in PAIRS:
        forms_a, forms_b = _forms(lex_a), _forms(lex_b)
        word_a, word_b = forms_a[0], forms_b[0]
        said_a, said_b = _said(word_a, "a"), _said(word_b, "b")
        preds_a = {c.predicate for c in said_a}
        preds_b = {c.predicate for c in said_b}
        if a not in preds_a or b not in preds_b:
            problems.append(f"line {number}: {word_a} {preds_a} / {word_b} {preds_b}")
            continue
        if not (_conflicts(said_a, said_b) and _conflicts(said_b, said_a)):
            problems.append(f"line {number}: {word_a} / {word_b} do not conflict")
        # The same family said another way (its imperfect, or another form).
        for word in forms_a[1:3]:
            said = _said(word, "p")
            if a not in {c.predicate for c in said} or _conflicts(said, said_a):
                problems.append(f"line {number}: {word} is no paraphrase of {word_a}")
    assert not problems, "\n".join(problems[:30])
