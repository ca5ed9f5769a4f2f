"""The statement extractor's words: its vocabulary (data/statements.toml,
data/predicates.toml, the antonyms), and the stems and families that tell two
predicates are the same or contrary, in Arabic and English.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

import attrs
import snowballstemmer

from newsassert.text.arabic import ARTICLE, CONJUNCTIONS, proclitic_runs
from newsassert.text.data import read_data
from newsassert.text.normalize import key

_MARKS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_WEAK = str.maketrans("", "", "اويىءئؤأإآ")
# The light stemmer's prefixes: the shared proclitic runs (see
# _AR_PROCLITICS below) as they stand once the long vowels and hamza
# carriers are dropped (ال -> ل, و -> nothing, وبال -> بل), and the future
# س. Shortest first: a word starts with at most one prefix of each length,
# and its analyses go from the least stripped to the most.
_AR_PREFIXES = tuple(
    sorted(
        dict.fromkeys(
            run.translate(_WEAK)
            for base in proclitic_runs()
            for run in (base, base + "ل" if base.endswith("ل") else base + ARTICLE, "س")
        ),
        key=len,
    )
)
_AR_INFLECTION = ("", "ت", "ن", "م")
_AR_SUFFIXES = ("", "ه", "هم", "هن", "ت", "ن", "تن", "كم", "هم")


@attrs.frozen
class Vocabulary:
    """The data the extractor and the statement checks read, built once."""

    ar_forms: dict[str, str]  # a form and its stems before a suffix -> family key
    ar_verbs: dict[str, str]  # the stem an imperfect prefix goes on (رتفع of ارتفع) -> family key
    ar_adjectives: dict[str, str]  # a participle or adjective that takes ة (مستقر، قياسي)
    en_forms: dict[str, str]  # Snowball stem of an English lemma -> family key
    antonyms: frozenset[tuple[str, str]]  # pairs of keys or stems that contradict
    en_polar: frozenset[str]  # English stems that have an antonym
    en_derived: dict[str, str]  # stem of an event noun -> stem of its verb that has an antonym
    irregular: dict[str, str]  # irregular English verb form -> lemma
    negation_ar: frozenset[str]
    negation_en: frozenset[str]
    particles: frozenset[str]
    without: frozenset[str]
    not_negation: dict[str, tuple[tuple[str, ...], ...]]
    reach: int
    reach_ar: int
    clause_words: frozenset[str]
    clause_phrases: dict[str, tuple[tuple[str, ...], ...]]
    conditional: frozenset[str]
    conditional_phrases: dict[str, tuple[tuple[str, ...], ...]]
    stop: frozenset[str]
    aux: frozenset[str]
    reversal: frozenset[str]
    reversible: frozenset[str]
    intention: frozenset[str]
    intention_phrases: dict[str, tuple[tuple[str, ...], ...]]
    said_not: dict[str, str]
    theme_skip: frozenset[str]


@functools.cache
def vocabulary() -> Vocabulary:
    """The statement vocabulary of ``data/predicates.toml``, ``predicates_ar.tsv``, ``statements.toml`` and ``antonyms_en.tsv``."""
    families = read_data("predicates.toml")["family"]
    grammar = read_data("statements.toml")
    ar_forms: dict[str, str] = {}
    ar_verbs: dict[str, str] = {}
    ar_adjectives: dict[str, str] = {}
    en_forms: dict[str, str] = {}
    antonyms: set[tuple[str, str]] = set()
    # The curated contrary pairs' forms, made by scripts/gen_arabic_predicates.py
    # from data/contraries_ar.tsv. Their imperfect stems come first: they are
    # the imperfects of listed verbs (يشيد بـ "praises"), where a stem of
    # predicates.toml is whatever its form gives (شيد "built").
    generated = [
        line.split("\t")
        for line in resources.files("newsassert")
        .joinpath("data", "predicates_ar.tsv")
        .read_text("utf-8")
        .splitlines()
        if line and not line.startswith("#")
    ]
    for kind, name, word in generated:
        if kind == "verb":
            ar_verbs.setdefault(word, name)
    for family in families:
        name = family["key"]
        for form in family.get("ar", ()):
            for written, verb in _ar_bases(key(form)):
                ar_forms.setdefault(written, name)
                if verb:
                    ar_verbs.setdefault(verb, name)
            folded = key(form)
            if folded.startswith("م") or folded.endswith("ي"):
                ar_adjectives.setdefault(folded, name)
        for lemma in (name, *family.get("en", ())):
            en_forms.setdefault(_en_stem(lemma), name)
        for other in family.get("contrary", ()):
            antonyms.add((name, other))
            antonyms.add((other, name))
    # A form of predicates.toml keeps its family.
    for kind, name, word in generated:
        if kind == "form":
            # Its imperfect stems are the "verb" lines: a noun or an
            # adjective (سري "secret") has none (يسري is "is in force").
            for written, _ in _ar_bases(word):
                ar_forms.setdefault(written, name)
            if word.startswith("م") or word.endswith("ي"):
                ar_adjectives.setdefault(word, name)
        elif kind == "contrary":
            antonyms.add((name, word))
            antonyms.add((word, name))
    irregular: dict[str, str] = {}
    polar: set[str] = set()
    derivations: list[tuple[str, str]] = []
    text = resources.files("newsassert").joinpath("data", "antonyms_en.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "exc":
            irregular.setdefault(fields[1], fields[2])
        elif fields[0] == "ant" and fields[1] in ("v", "a"):
            a, b = _en_stem(fields[2]), _en_stem(fields[3])
            if a != b:
                antonyms.add((a, b))
                antonyms.add((b, a))
                polar.update((a, b))
        elif fields[0] == "der":
            derivations.append((_en_stem(fields[1]), _en_stem(fields[2])))
    # An event noun is read as its verb ("invasion" as invade, "death" as
    # die), unless the noun is a predicate of its own.
    derived: dict[str, str] = {}
    for noun, verb in derivations:
        if noun == verb or noun in en_forms or noun in polar or noun in derived:
            continue
        if verb in en_forms:
            en_forms[noun] = en_forms[verb]
        elif verb in polar:
            derived[noun] = verb
    negation, clause = grammar["negation"], grammar["clause"]
    words = grammar["words"]
    reversal, mood, theme = grammar["reversal"], grammar["mood"], grammar["theme"]
    intention = (*mood["intention_ar"], *mood["intention_en"])
    return Vocabulary(
        ar_forms=ar_forms,
        ar_verbs=ar_verbs,
        ar_adjectives=ar_adjectives,
        en_forms=en_forms,
        antonyms=frozenset(antonyms),
        en_polar=frozenset(polar),
        en_derived=derived,
        irregular=irregular,
        negation_ar=_keys(negation["ar"]),
        negation_en=frozenset(negation["en"]),
        particles=_keys(negation["particles"]),
        without=_keys(negation["without"]),
        not_negation=_phrases((*negation["not_negation_ar"], *negation["not_negation_en"])),
        reach=int(negation["reach"]),
        reach_ar=int(negation["reach_ar"]),
        clause_words=_keys(w for w in (*clause["ar"], *clause["en"]) if " " not in w),
        clause_phrases=_phrases(w for w in (*clause["ar"], *clause["en"]) if " " in w),
        conditional=_keys(
            w for w in (*clause["conditional_ar"], *clause["conditional_en"]) if " " not in w
        ),
        conditional_phrases=_phrases(
            w for w in (*clause["conditional_ar"], *clause["conditional_en"]) if " " in w
        ),
        stop=_keys((*words["ar"], *words["en"])),
        aux=_keys((*words["aux_en"], *words["aux_ar"])),
        reversal=_keys((*reversal["ar"], *reversal["en"])),
        reversible=frozenset(reversal["families"]),
        intention=_keys(w for w in intention if " " not in w),
        intention_phrases=_phrases(w for w in intention if " " in w),
        said_not=dict(mood["said_not"]),
        theme_skip=_keys((*theme["ar"], *theme["en"])),
    )


def _keys(words: Iterable[str]) -> frozenset[str]:
    # Each folded word, and an Arabic one that ends in ه also as written with
    # ة (the extractor keeps a word's ة; see _fold).
    found: set[str] = set()
    for word in words:
        folded = key(word)
        found.add(folded)
        if folded.endswith("ه") and not folded.isascii():
            found.add(folded[:-1] + "ة")
    return frozenset(found)


def _phrases(items: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    # By first word, longest first, so that "لا يزالون" is tried before "لا يزال".
    found = sorted(
        {tuple(key(w) for w in item.split()) for item in items}, key=lambda p: (-len(p), p)
    )
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in found:
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


_ENGLISH = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def _en_stem(word: str) -> str:
    return str(_ENGLISH.stemWord(word.lower()))


def ar_stem(word: str) -> str:
    """The light stem of a folded Arabic word: without clitics, long vowels and the imperfect prefix."""
    return _ar_analyses(word)[-1]


@functools.lru_cache(maxsize=65536)
def _ar_analyses(word: str) -> tuple[str, ...]:
    # Every reading of the word as prefix + stem + suffix, the least stripped
    # first; the last is the default stem (article and prepositions, the
    # imperfect prefix and a pronoun suffix off, at least three letters left).
    # A word written with ة ends with its ة, never a pronoun suffix ه
    # (الداخلية is not داخل + ه): its stem keeps the letter.
    taa = word.endswith("ة")
    bare = (word[:-1] + "ه" if taa else word).translate(_WEAK)
    out: list[str] = []
    for prefix in _AR_PREFIXES:
        if not bare.startswith(prefix):
            continue
        rest = bare[len(prefix) :]
        for inflection in _AR_INFLECTION:
            if not rest.startswith(inflection):
                continue
            core = rest[len(inflection) :]
            for suffix in ("",) if taa else _AR_SUFFIXES:
                if suffix and not core.endswith(suffix):
                    continue
                stem = core[: len(core) - len(suffix)] if suffix else core
                # Two letters are a stem only as written (زاد، يزيد), never
                # after a preposition or a suffix is taken off (بعد is not عاد).
                if len(stem) >= 3 or (len(stem) == 2 and not (prefix or suffix)):
                    out.append(stem)
    if not out:
        return (bare,)
    default = next((s for s in reversed(out) if len(s) >= 3), out[0])
    return (*dict.fromkeys(out), default)


# Arabic forms are matched as written, less what may stand around them:
# the proclitics (conjunction, prepositions, article, future س), the
# imperfect prefix, and the endings of person, number and case with a
# pronoun after them (ارتفاعاتها، يرتفعون، وبانخفاضه). Nothing inside the
# word is dropped, so تونس is not نسي nor سلمان سلم. The proclitics are the
# shared runs of newsassert.text.arabic, each also with the article (ل + ال
# is written لل), and the future س after a conjunction; an imperfect takes
# no article nor ب ك (التوصل is no ت + وصل).
_AR_RUNS = proclitic_runs()
_AR_PROCLITICS = tuple(
    dict.fromkeys(
        (
            *_AR_RUNS,
            *(run + "ل" if run.endswith("ل") else run + ARTICLE for run in _AR_RUNS),
            *(c + "س" for c in ("", *CONJUNCTIONS)),
        )
    )
)
_AR_VERB_CLITICS = frozenset(
    run
    for run in _AR_PROCLITICS
    if ARTICLE not in run and "لل" not in run and not set(run) & {"ب", "ك"}
)
# No ي: a nisba adjective (الاجتماعي، اليمنية) is no event.
_AR_ENDINGS = ("", "ت", "تا", "وا", "ون", "ين", "ان", "ن", "نا", "تم", "ات", "ا")
_AR_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "ني", "نا")
_AR_SUFFIXES_ALL = frozenset(e + p for e in _AR_ENDINGS for p in _AR_PRONOUNS)
# Tried the least taken off first: ارتفاع before ارتف + اع.
_AR_SUFFIX_LONGEST = max(map(len, _AR_SUFFIXES_ALL))


def _ar_bases(form: str) -> list[tuple[str, str | None]]:
    """The written bases of a listed form, each with the stem its imperfect is made on.

    A feminine noun in ـه takes its endings on ـت (زيادته، زيادات); a verb in
    ـي (تعافى) ends in ـت، ـوا when conjugated (تعافت); a verb's imperfect
    puts ي ت ن before the perfect, less the ا of the derived forms (ارتفع ->
    يرتفع، أعلن -> يعلن، تراجع -> يتراجع).
    """
    verb = form[1:] if form.startswith("ا") and len(form) >= 4 else form
    found: list[tuple[str, str | None]] = [(form, verb if len(verb) >= 3 else None)]
    if form.endswith("ه"):
        found += [(form[:-1] + "ت", None), (form[:-1] + "ات", None)]
    if form.endswith("ي") and len(form) >= 4:
        found += [(form[:-1] + "ت", None), (form[:-1] + "وا", None)]
    return found


@functools.lru_cache(maxsize=65536)
def _ar_family(word: str) -> str | None:
    # ``word`` is folded with its ة kept: a ة ends a noun (رحلة is no رحل
    # with a pronoun); it follows a listed form in ـه (زيادة) or the
    # feminine of a participle or adjective (مستقرة، قياسية، ناجحة).
    vocab = vocabulary()
    taa = word.endswith("ة")
    for clitic in _AR_PROCLITICS:
        if not word.startswith(clitic):
            continue
        rest = word[len(clitic) :]
        if taa:
            stem = rest[:-1]
            if (found := vocab.ar_forms.get(stem + "ه")) is not None:
                return found
            if len(stem) >= 3 and (found := vocab.ar_adjectives.get(stem)) is not None:
                return found
            continue
        for cut in range(min(_AR_SUFFIX_LONGEST, len(rest)) + 1):
            if cut and rest[-cut:] not in _AR_SUFFIXES_ALL:
                continue
            core = rest[: len(rest) - cut]
            # A form of two letters (فر، حل) only as written.
            if len(core) < 3 and (clitic or cut or not core):
                continue
            # The future س goes before an imperfect only (سيرتفع).
            if clitic[-1:] != "س" and (found := vocab.ar_forms.get(core)) is not None:
                return found
            # An imperfect takes no article nor ب ك (التوصل is no ت + وصل).
            if (
                core[0] in "يتن"
                and clitic in _AR_VERB_CLITICS
                and (found := vocab.ar_verbs.get(core[1:])) is not None
            ):
                return found
    return None


def family_of(word: str, lang: str) -> str | None:
    """The predicate family of a word (folded Arabic, or English), or ``None``."""
    vocab = vocabulary()
    if lang == "ar":
        return _ar_family(word)
    return vocab.en_forms.get(_en_stem(vocab.irregular.get(word, word)))


@functools.lru_cache(maxsize=65536)
def predicate_key(word: str, lang: str) -> tuple[str, bool]:
    """(the predicate of a word, whether a family or WordNet knows it)."""
    vocab = vocabulary()
    family = family_of(word, lang)
    if family is not None:
        return family, True
    if lang == "ar":
        return ar_stem(word), False
    stem = _en_stem(vocab.irregular.get(word, word))
    stem = vocab.en_derived.get(stem, stem)
    return stem, stem in vocab.en_polar


def contrary(a: str, b: str) -> bool:
    """Whether the predicates ``a`` and ``b`` say opposite things (rise/fall, فاز/خسر)."""
    return (a, b) in vocabulary().antonyms
