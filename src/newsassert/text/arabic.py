"""The Arabic letter folds, defined once: which letters a reader takes as one.

Three readers fold letters, each as far as its vocabulary allows, and each
fold is the one before it and more:

* :data:`NUMBER_FOLDS`, the number reader's (:mod:`newsassert.text.folded`,
  and through it quantities and entities): hamza on or under alef, madda and
  wasla alef are alef; ة is ه; ى is ي.
* :data:`DATE_FOLDS`, the date reader's: those, and the hamza carriers ؤ (و)
  and ئ (ي), so ``الرئيس``-style spellings of month and weekday words match.
* :data:`KEY_FOLDS`, the lookup key's (:func:`newsassert.normalize.key`):
  those, and three alef variants of other Arabic-script languages.

Why the number reader does not fold the hamza carriers: measured on the
seeds, the shared development data and 300 generated articles (23,924
claims), folding them as the key does changes two claims, both wrong:
``مئتا`` (two hundred) folds to ``ميتا``, which is also "dead" (``ميتا``,
``ميتاً``), so a headline's "dead" was read as 200.
"""

from __future__ import annotations

__all__ = [
    "ARTICLE",
    "CONJUNCTIONS",
    "DATE_FOLDS",
    "KEY_FOLDS",
    "NUMBER_FOLDS",
    "PREPOSITIONS",
    "proclitic_runs",
]

NUMBER_FOLDS: tuple[tuple[str, str], ...] = (
    ("\u0623", "\u0627"),  # أ
    ("\u0625", "\u0627"),  # إ
    ("\u0622", "\u0627"),  # آ
    ("\u0671", "\u0627"),  # ٱ
    ("\u0629", "\u0647"),  # ة -> ه
    ("\u0649", "\u064a"),  # ى -> ي
)
DATE_FOLDS: tuple[tuple[str, str], ...] = (
    *NUMBER_FOLDS,
    ("\u0624", "\u0648"),  # ؤ -> و
    ("\u0626", "\u064a"),  # ئ -> ي
)
KEY_FOLDS: tuple[tuple[str, str], ...] = (
    *DATE_FOLDS,
    ("\u0672", "\u0627"),  # ٲ
    ("\u0673", "\u0627"),  # ٳ
    ("\u0675", "\u0627"),  # ٵ
)

# The proclitics an Arabic word may carry, in the order they come: a
# conjunction (و "and", ف "so"), then a preposition (ب "by, with", ل "for,
# to", ك "like"), then the article; ل + ال is written لل. Each reader allows
# the ones its words take (the people reader no ك, the date reader no ك and no
# article), built from these.
CONJUNCTIONS: tuple[str, ...] = ("\u0648", "\u0641")  # و ف
PREPOSITIONS: tuple[str, ...] = ("\u0628", "\u0644", "\u0643")  # ب ل ك
ARTICLE = "\u0627\u0644"  # ال


def proclitic_runs(
    conjunctions: tuple[str, ...] = CONJUNCTIONS, prepositions: tuple[str, ...] = PREPOSITIONS
) -> tuple[str, ...]:
    """Every run of proclitics a word may start with, none first: ``""``, each
    conjunction, each preposition, then each conjunction with each preposition."""
    return ("", *conjunctions, *prepositions, *(c + p for c in conjunctions for p in prepositions))
