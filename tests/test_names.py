"""Cross-script name matching: the issue's examples and the name-pair corpus.

The corpus (``tests/corpus/names/``) holds people in the news with their
Arabic spelling and the Latin spellings the press uses, and hard negatives
that share a surname, a given name or most of a skeleton.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsassert import names_match as exported
from newsassert.names import name_distance, name_key, name_parts, names_match

CORPUS = Path(__file__).parent / "corpus" / "names"
DATA = Path(__file__).parent.parent / "src" / "newsassert" / "data" / "names.toml"

MATCH = [
    ("محمد شياع السوداني", "Mohammed Shia al-Sudani"),
    ("السوداني", "Al-Sudani"),
    ("قاسم سليماني", "Qassem Soleimani"),
    ("لويد أوستن", "Lloyd Austin"),
    ("سابرينا سينغ", "Sabrina Singh"),
    ("الينا رومانسكي", "Alina Romanowski"),
    ("لويد ج. أوستن", "Lloyd J. Austin"),
    ("أوستن", "Austin"),
    ("Al-Kadhimi", "Mustafa Al-Kadhimi"),
    ("Al-Sudani, Mohammed", "محمد شياع السوداني"),
    ("Dr. Fuad Hussein", "فؤاد حسين"),
]
NO_MATCH = [
    ("الينا رومانسكي", "Yolanda Romanowski"),
    ("مسرور بارزاني", "Masoud Barzani"),
    ("صدام حسين", "Fuad Hussein"),
    ("محمد شياع السوداني", "Mustafa Al-Kadhimi"),
    ("حسن", "Hussein"),
    ("سعد", "Saeed"),
    ("محمد", "Mahmoud"),
    ("قاسم سليماني", "Qassem Suleiman"),
]


@pytest.mark.parametrize(("a", "b"), MATCH)
def test_names_that_match(a: str, b: str) -> None:
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize(("a", "b"), NO_MATCH)
def test_names_that_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)
    assert not names_match(b, a)


def test_exported_from_the_package() -> None:
    assert exported is names_match


def test_key_is_shared_across_scripts() -> None:
    assert name_key("محمد شياع السوداني") == name_key("Mohammed Shia al-Sudani")
    assert name_key("السوداني") == name_key("Al-Sudani") == name_key("al Sudani")
    assert name_key("قاسم سليماني") == name_key("Qassem Soleimani")
    assert name_key("Mustafa Al-Kadhimi") != name_key("Mohammed Shia al-Sudani")


def test_parts_leave_out_honorifics_particles_and_initials() -> None:
    assert name_parts("Dr. Lloyd J. Austin") == name_parts("Lloyd Austin")
    assert len(name_parts("Mohammed bin Salman")) == 2
    assert len(name_parts("عادل عبد المهدي")) == 2
    assert len(name_parts("Adel Abdul Mahdi")) == 2
    assert len(name_parts("فرهاد علاء الدين")) == 2


def test_empty_names_never_match() -> None:
    assert not names_match("", "")
    assert not names_match("...", "Austin")
    assert name_distance("", "x") == float("inf")


# --- the corpus -------------------------------------------------------------------


def _rows(name: str) -> Iterator[list[str]]:
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@functools.cache
def _words() -> dict[str, list[str]]:
    words: dict[str, list[str]] = tomllib.loads(DATA.read_text(encoding="utf-8"))["words"]
    return words


def _surname(name: str) -> str:
    """The surname as written alone: the last word, or the last compound."""
    words = _words()
    heads = {w.casefold() for w in words["joins_next"]}
    tails = {w.casefold() for w in words["joins_previous"]}
    tokens = name.split()
    last = tokens[-1]
    if len(tokens) >= 2 and (
        tokens[-2].casefold() in heads or last.split("-")[-1].casefold() in tails
    ):
        return " ".join(tokens[-2:])
    article = last.casefold().split("-")[0] in ("al", "el", "as", "ash", "ad", "at", "az", "an")
    return last if article else last.split("-")[-1]


def corpus_pairs(people: str, negatives: str) -> list[tuple[str, str, bool]]:
    """Every pair the corpus files imply, with whether it should match."""
    pairs: list[tuple[str, str, bool]] = []
    for arabic, latin in _rows(people):
        spellings = [s.strip() for s in latin.split(";")]
        pairs += [(arabic, s, True) for s in spellings]
        pairs += [(spellings[0], s, True) for s in spellings[1:]]
        pairs.append((_surname(arabic), spellings[0], True))
        pairs.append((_surname(spellings[0]), arabic, True))
    pairs += [(a, b, False) for a, b in _rows(negatives)]
    return pairs


def accuracy(pairs: list[tuple[str, str, bool]]) -> tuple[float, list[tuple[str, str, bool]]]:
    wrong = [(a, b, same) for a, b, same in pairs if names_match(a, b) != same]
    return 1 - len(wrong) / len(pairs), wrong


def test_name_pair_corpus_accuracy() -> None:
    pairs = corpus_pairs("people.tsv", "negatives.tsv")
    assert len(pairs) >= 200
    score, wrong = accuracy(pairs)
    assert score >= 0.95, f"accuracy {score:.3f}; wrong: {wrong}"


def test_matching_is_symmetric_on_the_corpus() -> None:
    for a, b, _ in corpus_pairs("people.tsv", "negatives.tsv"):
        assert names_match(a, b) == names_match(b, a), (a, b)


def test_held_out_name_pairs_accuracy() -> None:
    # Written after the matcher was tuned on the first corpus: 86.7 % on its
    # first run, before the fixes it suggested (see docs/concepts/names.md).
    pairs = corpus_pairs("holdout_people.tsv", "holdout_negatives.tsv")
    assert len(pairs) >= 200
    score, wrong = accuracy(pairs)
    assert score >= 0.95, f"accuracy {score:.3f}; wrong: {wrong}"


# --- pairs.tsv: given names from Wikidata, hard negatives, other languages' spellings --------


def _pairs() -> list[tuple[str, str, bool]]:
    path = Path(__file__).parent / "corpus" / "names" / "pairs.tsv"
    lines = path.read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(a, b, label == "same") for label, a, b in rows]


def test_labelled_pairs_accuracy() -> None:
    pairs = _pairs()
    assert len(pairs) >= 300
    assert sum(not same for *_, same in pairs) >= 100  # hard negatives
    score, wrong = accuracy(pairs)
    assert score >= 0.97, f"accuracy {score:.3f}; wrong: {wrong}"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("كريم", "كريمة"),
        ("Karim", "كريمة"),
        ("سمير", "سميرة"),
        ("Samir", "سميرة"),
        ("سمير", "سامر"),
        ("سالم", "سلام"),
    ],
)
def test_feminine_and_other_vowel_patterns_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)
    assert not names_match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mehmet", "محمد"),  # Turkish final t for d
        ("Recep Tayyip Erdoğan", "رجب طيب أردوغان"),
        ("Mevlüt Çavuşoğlu", "مولود جاويش أوغلو"),
        ("Muhd", "محمد"),  # Malaysian abbreviation
        ("Mohd Yassin", "محمد ياسين"),
        ("Gholamreza", "غلام رضا"),  # Persian compound, one word or two
        ("Petrović", "بتروفيتش"),  # Slavic ć
        ("Aleksandar Vučić", "ألكسندر فوتشيتش"),
        ("Nimet", "نعمة"),  # Turkish feminine -t
        ("سامح شكري", "سامح شكرى"),  # Egyptian final ى
        ("علي عبد الله صالح", "المخلوع علي عبدالله صالح"),  # joined عبدالله, an epithet
    ],
)
def test_other_languages_and_spellings_match(a: str, b: str) -> None:
    assert names_match(a, b)
    assert names_match(b, a)
