"""Statements: what a clause says happened, affirmed or negated, and about whom.

A sentence is cut into clauses at punctuation and at the words that open a
new clause (``but``, ``while``, بينما، لكن …; ``data/statements.toml``). In
each clause a *predicate* is a word of a predicate family
(``data/predicates.toml``: ارتفع، ارتفاع، "climbed" are the family ``rise``),
an English word WordNet gives an antonym (``data/antonyms_en.tsv``), or the
word a negation governs (``لم يعلن``, "was not arrested"). Each predicate is a
:class:`~newsassert.model.StatementClaim`:

- ``predicate``: the family key (an Arabic word meets a listed form as
  written, less its clitics, imperfect prefix and endings), else the word's
  stem: for Arabic a light stem (clitics و ف ب ل ك ال, the imperfect prefix and the pronoun suffixes
  taken off, then the long vowels, so that يعلن، أعلن and إعلان share
  ``علن``), for English the Snowball stem of the lemma (irregular forms from
  WordNet's ``verb.exc``: "rose" is ``rise``);
- ``polarity``: ``negated`` when a negation cue (لم، لن، لا، ليس، غير، عدم،
  نفى، دون، "not", "n't", "never", "no", "failed to", "denied") stands at most
  a few words before it in the same clause, with the cue's span; phrases that
  only look negative (لا يزال "still", "not only") are skipped;
- ``mood``: ``conditional`` after "if", إذا، لو in its clause, ``quoted``
  inside quotation marks (the checks never set such a statement against
  another);
- ``anchors``: the persons, organizations, places, figures and dates that
  the other extractors found in the same clause, and ``terms``: the stems of
  the clause's other content words, by which two statements align.

The extractor runs as a wrapper around the other extractors of the
``newsassert_extract_article`` hook, so the anchors of a segment's statements
are their claims in that segment; it is the plugin ``newsassert.statements``
and disabling it switches statements off.

Its vocabulary and the stems and families of its predicates are
:mod:`newsassert.extract.statement_words`; the reading of clauses is here.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Generator, Iterable, Sequence
from typing import Any, NamedTuple

from newsassert.extract import make_claim
from newsassert.extract.context import ArticleContext
from newsassert.extract.statement_words import (
    _AR_PREFIXES,
    _ARABIC,
    _MARKS,
    _WEAK,
    Vocabulary,
    _en_stem,
    contrary,
    family_of,
    predicate_key,
    vocabulary,
)
from newsassert.hookspecs import hookimpl
from newsassert.model import (
    Article,
    Claim,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    Segment,
    StatementClaim,
)
from newsassert.text.normalize import key

__all__ = ["Vocabulary", "contrary", "family_of", "statement_claims", "vocabulary"]

# A word, "n't" on its own, or a mark that ends a clause or opens a quotation.
_TOKEN = re.compile(
    r"""
      [A-Za-z]+(?=n['’]t\b)        # "did" of "didn't"
    | n['’]t\b                     # its negation
    | (?:[^\W\d_]|[\u064b-\u065f\u0670])+(?:['’][a-z]+)?
                                   # a word of any script, with its Arabic diacritics
                                   # ("Iraq's" stays one word)
    | \d+(?:[.,]\d+)*              # a figure: a clause's anchor, never a term
    | [,;:()\[\]«»"“”„؛،—–?!]      # clause boundaries and quotation marks
    | (?<![A-Z])\.(?=\s)            # a full stop the segmenter may not have split at
                                   # ("0.1%.\u200f Officials"), not "U.S. officials"
    """,
    re.VERBOSE,
)
_QUOTES = frozenset('«»"“”„')
# The families of the negation cues that say something of their own: أنهى
# الحصار ends the siege (against استمرار الحصار) as it negates it.
_NEGATING_PREDICATES = frozenset(
    {"deny", "reject", "refuse", "fail", "withdraw", "end", "shortage"}
)
_AND = frozenset({"و", "and", "or", "او"})


class _Token(NamedTuple):
    # A tuple, not an attrs class: there is one per word of the text.
    start: int  # offsets into the matching form
    end: int
    word: str  # folded (Arabic) or lower-cased (English)
    mark: bool  # punctuation


class StatementExtractor:
    """The plugin ``newsassert.statements``: a wrapper that adds statements to an article's claims."""

    @hookimpl(wrapper=True)
    def newsassert_extract_article(
        self, context: ArticleContext
    ) -> Generator[None, list[Sequence[Claim] | None], list[Sequence[Claim] | None]]:
        results = yield
        segments = [
            s
            for s in context.article.segments
            if s.section in ("body", "title") and s.start < s.end
        ]
        if not segments:
            return results
        # The anchors of a segment's statements are the claims found in it.
        starts = [s.start for s in segments]
        others: list[list[Claim]] = [[] for _ in segments]
        for found in results:
            for claim in found or ():
                i = bisect.bisect_right(starts, claim.start) - 1
                if i >= 0 and claim.start < segments[i].end:
                    others[i].append(claim)
        statements: list[Claim] = []
        for segment, anchors in zip(segments, others, strict=True):
            statements.extend(statement_claims(context, segment, anchors))
        if statements:
            results = [*results, statements]
        return results


def statement_claims(
    source: ArticleContext | Article, segment: Segment, others: Sequence[Claim] = ()
) -> list[StatementClaim]:
    """The statements of one segment; ``others`` are its claims of other kinds (the anchors)."""
    article = source.article if isinstance(source, ArticleContext) else source
    norm = article.normalized
    vocab = vocabulary()
    anchors = sorted((c.start, c.end, label) for c in others if (label := _anchor(c)) is not None)
    names = sorted((c.start, c.end) for c in others if isinstance(c, MentionClaim))
    claims: list[StatementClaim] = []
    quoted = False
    for s_start, s_end in segment.sentences or ((segment.start, segment.end),):
        ns, ne = norm.from_original(s_start), norm.from_original(s_end)
        text = norm.text[ns:ne]
        tokens = [
            _Token(ns + m.start(), ns + m.end(), _fold(w := m.group()), not w[0].isalnum())
            for m in _TOKEN.finditer(text)
        ]
        if not tokens:
            continue
        lang = "ar" if _ARABIC.search(text) is not None else "en"
        for clause, in_quotes in _clauses(tokens, vocab, quoted):
            quoted = in_quotes
            claims.extend(
                _statements(article, segment, clause, lang, anchors, names, vocab, quoted)
            )
        quoted = False  # a quotation left open ends with its paragraph's sentence
    return claims


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    if word.isascii():
        return word.lower().replace("’", "'")
    folded = key(word)
    # The lossy key writes ة as ه; the stemmer needs to tell them apart.
    if folded.endswith("ه") and word.rstrip(_MARKS).endswith("ة"):
        return folded[:-1] + "ة"
    return folded


def _clauses(
    tokens: Sequence[_Token], vocab: Vocabulary, quoted: bool
) -> Iterable[tuple[list[_Token], bool]]:
    """The clauses of a sentence, each with whether it stands inside quotation marks."""
    clause: list[_Token] = []
    for i, tok in enumerate(tokens):
        # صعود وسقوط هارفي واينستين: two predicates joined share what follows;
        # الذهب يهبط والدولار يصعد: a second subject opens a second event.
        joined = (
            _conjoined(tok.word, tokens[i + 1].word if i + 1 < len(tokens) else "")
            if tok.word[0] == "و"
            else None
        )
        if clause and (
            joined == "subject"
            or (joined == "predicate" and family_of(clause[-1].word, "ar") is None)
        ):
            yield clause, quoted
            clause = []
        if tok.mark:
            if clause:
                yield clause, quoted
                clause = []
            if tok.word in _QUOTES:
                quoted = not quoted
            continue
        if tok.word in vocab.clause_words and clause:
            yield clause, quoted
            clause = []
        clause.append(tok)
    if clause:
        yield clause, quoted


def _conjoined(word: str, after: str) -> str | None:
    """Whether an Arabic word opens a clause of its own, and how.

    ``"predicate"``: و and a predicate (وارتفاع), or و alone before one (صعود
    و سقوط); ``"subject"``: و with a noun before a predicate (واليورو يهبط،
    وروسيا تنفي), a headline's second event with a subject of its own. وال
    before a noun and no predicate (الحكومة والمعارضة) joins two names of one
    clause.
    """
    if not word.startswith("و") or word.isascii():
        return None
    if len(word) > 1 and family_of(word[1:], "ar") is not None:
        return "predicate"
    # An imperfect verb (يواصل، تنفي) is a predicate here even if no family lists it.
    verb = len(after) > 3 and after[0] in "يت"
    if word == "و":
        return "predicate" if family_of(after, "ar") is not None else None
    if len(word) > 3 and (verb or (word.startswith("وال") and family_of(after, "ar"))):
        return "subject"
    return None


def _statements(
    article: Article,
    segment: Segment,
    clause: Sequence[_Token],
    lang: str,
    anchors: Sequence[tuple[int, int, str]],
    names: Sequence[tuple[int, int]],
    vocab: Vocabulary,
    quoted: bool,
) -> list[StatementClaim]:
    norm = article.normalized
    words = [t.word for t in clause]
    negation = vocab.negation_ar if lang == "ar" else vocab.negation_en
    # Most clauses hold no predicate a family or WordNet knows and no
    # negation: nothing below can find a statement in them.
    if not any(
        w in negation or (w[0].isalpha() and w not in vocab.stop and predicate_key(w, lang)[1])
        for w in words
    ):
        return []
    c_start, c_end = norm.to_original(clause[0].start, clause[-1].end)
    # An anchor belongs to the clause it starts in ("0.1%" reaches past the
    # clause's last word, "0.1").
    # The anchors are sorted by start: the clause's are a slice (a long
    # paragraph of many clauses stays linear).
    lo = bisect.bisect_left(anchors, (c_start,))
    hi = bisect.bisect_left(anchors, (c_end,))
    inside = tuple(dict.fromkeys(label for _, _, label in anchors[lo:hi]))
    # The anchor each word stands in (ستة of figure:6, روسيا of place:russia):
    # a theme names it by its anchor. Anchors and names are compared with the
    # words in the matching form: the few anchors are mapped there, rather
    # than every word back to the article (the map is monotonic, so a word
    # overlaps or lies inside a span the same way in both).
    to_norm = norm.from_original
    labels: dict[int, str] = {}
    for a_start, a_end, label in anchors[lo:hi]:
        n_start, n_end = to_norm(a_start), to_norm(a_end)
        for j, tok in enumerate(clause):
            if tok.start < n_end and n_start < tok.end and not tok.mark:
                labels.setdefault(j, label)
    # Names are anchors, never predicates nor terms; the noun a figure
    # counts (عشرات المدنيين) stays a term.
    lo = bisect.bisect_left(names, (c_start,))
    hi = bisect.bisect_left(names, (c_end,))
    mentioned = [(to_norm(a), to_norm(b)) for a, b in names[lo:hi] if b <= c_end]
    named = (
        {
            j
            for j, tok in enumerate(clause)
            if any(a <= tok.start and tok.end <= b for a, b in mentioned)
        }
        if mentioned
        else set()
    )
    # (token, predicate, cue): a cue negates the first predicate a family
    # knows within reach after it, else the first content word after it.
    found: list[tuple[int, str, int | None]] = []
    readings: list[tuple[str, bool] | None] = []
    cues: set[int] = set()
    skip = 0
    conditional = False
    intended_after = len(words)  # the first word of intention ("plans to", يعتزم)
    reversers: list[int] = []
    for i, word in enumerate(words):
        reading: tuple[str, bool] | None = None
        if skip:
            skip -= 1
        elif word in vocab.not_negation and (phrase := _phrase_at(words, i, vocab.not_negation)):
            skip = phrase - 1
        elif word in vocab.conditional or (
            word in vocab.conditional_phrases and _phrase_at(words, i, vocab.conditional_phrases)
        ):
            conditional = True
        elif word in negation:
            cues.add(i)
        elif not (word in vocab.stop or word in vocab.aux or not word[0].isalpha() or i in named):
            # A name is an anchor, not a predicate; a stem of one letter is no word.
            reading = predicate_key(word, lang)
            if len(reading[0]) < 2:
                reading = None
            if word in vocab.intention or (
                word in vocab.intention_phrases and _phrase_at(words, i, vocab.intention_phrases)
            ):
                intended_after = min(intended_after, i)
            if word in vocab.reversal:
                reversers.append(i)
        readings.append(reading)
    negated: dict[int, int] = {}
    reach = vocab.reach_ar if lang == "ar" else vocab.reach
    for i in sorted(cues):
        # "denied", نفى، فشل are predicates too, and negate only a predicate
        # a family knows right after them (فشل في تحقيق), not the subject
        # that may stand between (نفى محمد بن سلمان معرفته).
        pred, is_known = predicate_key(words[i], lang)
        family = is_known and pred in _NEGATING_PREDICATES
        verb = words[i] not in vocab.particles
        if family:
            found.append((i, pred, None))
        # The cue governs the first content word after it (auxiliaries,
        # adverbs and, after a verb, a preposition between: فشل في تحقيق),
        # never one further on: "ليس لديها خطط لإعادة" negates لديها.
        target = None
        for j in range(i + 1, min(len(words), i + 1 + reach)):
            if j in cues:
                break
            if (reading := readings[j]) is not None:
                # نفى، فشل take a long object: only a predicate a family
                # knows is surely theirs; تفتقر إلى، "lacks" any word.
                if reading[1] or not family:
                    target = j
                break
            if not (words[j] in vocab.aux or (verb and words[j] in vocab.stop)):
                break
        if family and target is None and i + 1 < len(words) and i + 1 in named:
            # نفى محمد بن سلمان معرفته: a verb's object may follow its subject,
            # a name; it is the clause's next predicate a family knows.
            target = next(
                (j for j in range(i + 1, len(words)) if (r := readings[j]) is not None and r[1]),
                None,
            )
        if target is not None and target not in negated:
            negated[target] = i
    # A verb that undoes a gain or a loss ("recouped its losses", يعوض بعض
    # خسائره) negates it, and says nothing of its own: the oil that recoups
    # its losses neither fell nor is said to rise by it.
    undone: set[int] = set()
    for i in reversers:
        for j in range(i + 1, min(len(words), i + 1 + reach)):
            if (reading := readings[j]) is not None:
                if reading[1] and reading[0] in vocab.reversible and j not in negated:
                    negated[j] = i
                    undone.add(i)
                break
            if not (words[j] in vocab.stop or words[j] in vocab.aux):
                break
    for i, reading in enumerate(readings):
        if reading is None or i in undone:
            continue
        if reading[1] or i in negated:
            found.append((i, reading[0], negated.get(i)))
    found.sort()
    # Contraries joined by "and" (صعود وسقوط، "rose and fell", ups and downs)
    # say that it moved both ways: neither is set against anything.
    both = {
        k
        for (i, a, cue_a), (j, b, cue_b) in itertools.pairwise(found)
        if (cue_a is None) == (cue_b is None)
        and contrary(a, b)
        and ((j == i + 1 and words[j].startswith("و")) or (j == i + 2 and words[i + 1] in _AND))
        for k in (i, j)
    }
    found = [f for f in found if f[0] not in both]
    if not found:
        return []
    predicates = {i for i, *_ in found} | both
    content = [
        j not in predicates
        and j not in cues
        and w not in vocab.stop
        and w not in negation
        and w not in vocab.aux
        and w not in vocab.clause_words
        and w[0].isalpha()
        and len(w) > 2
        for j, w in enumerate(words)
    ]
    glue = [
        not content[j] and (w in vocab.stop or w in vocab.aux or w in negation)
        for j, w in enumerate(words)
    ]
    terms = tuple(
        sorted(
            {_term(w, lang) for j, w in enumerate(words) if content[j] and j not in named} - {""}
        )
    )
    # A verb of saying whose complement is negated says the opposite: إعلان
    # روسيا عدم وجود أدلة is a denial, as روسيا تنفي وجود أدلة.
    last_particle = max((j for j in cues if words[j] in vocab.particles), default=-1)
    found = [
        (i, vocab.said_not[pred], cue)
        if cue is None and pred in vocab.said_not and i < last_particle
        else (i, pred, cue)
        for i, pred, cue in found
    ]
    clause_text = article.text[c_start:c_end]
    out: list[StatementClaim] = []
    for i, pred, cue_at in found:
        start, end = norm.to_original(clause[i].start, clause[i].end)
        if quoted:
            mood = "quoted"
        elif conditional:
            mood = "conditional"
        elif i > intended_after:
            mood = "intended"
        else:
            mood = "asserted"
        neg: dict[str, Any] = {}
        if cue_at is not None:
            n_start, n_end = norm.to_original(clause[cue_at].start, clause[cue_at].end)
            neg = {
                "polarity": "negated",
                "negation": article.text[n_start:n_end],
                "negation_start": n_start,
                "negation_end": n_end,
            }
        out.append(
            make_claim(
                article,
                segment,
                StatementClaim,
                start,
                end,
                predicate=pred,
                anchors=inside,
                terms=terms,
                theme=_theme(words, i, content, glue, labels, lang, vocab),
                mood=mood,
                clause=clause_text,
                clause_start=c_start,
                clause_end=c_end,
                **neg,
            )
        )
    return out


# How far from its predicate, in words, the theme is looked for, and how many
# content words it takes on each side (ارتفاع أسعار النفط: أسعار and النفط).
_THEME_REACH = 4
_THEME_WORDS = 2


def _theme(
    words: Sequence[str],
    i: int,
    content: Sequence[bool],
    glue: Sequence[bool],
    labels: dict[int, str],
    lang: str,
    vocab: Vocabulary,
) -> tuple[str, ...]:
    """The content words a predicate is said of: its subject or object, not another predicate's.

    The nearest content words on each side, up to another predicate; after an
    Arabic verb with بـ (يهبط بالذهب، ترتفع بالأسعار) the object only: the
    word before is the cause (ارتفاع الدولار ينزل بالذهب is a fall of gold).
    """

    def usable(j: int) -> bool:
        return j in labels or (content[j] and words[j] not in vocab.theme_skip)

    def named(j: int) -> set[str]:
        # A word of an anchor is said by both (عشرات المدنيين: figure:12 and مدن).
        return {labels.get(j, ""), _term(words[j], lang)}

    n = len(words)
    picked: list[int] = []
    if lang == "ar" and i + 1 < n and words[i + 1].startswith("ب") and usable(i + 1):
        picked = [i + 1] + ([i + 2] if i + 2 < n and usable(i + 2) else [])
        return tuple(sorted(set().union(*(named(j) for j in picked)) - {""}))
    for step in (-1, 1):
        taken = 0
        j = i + step
        while 0 <= j < n and abs(j - i) <= _THEME_REACH and taken < _THEME_WORDS:
            if step < 0 and words[j] in vocab.without:
                break  # غارات دون قتلى: what stands before "without" is another event
            if glue[j] and j not in labels:
                j += step  # a function word or a negation between
                continue
            if not usable(j):
                break  # another predicate, a negation, a figure: the theme ends
            picked.append(j)
            taken += 1
            j += step
    return tuple(sorted(set().union(*(named(j) for j in picked)) - {""}))


def _phrase_at(
    words: Sequence[str], i: int, phrases: dict[str, tuple[tuple[str, ...], ...]]
) -> int:
    for phrase in phrases.get(words[i], ()):
        n = len(phrase)
        if tuple(words[i : i + n]) == phrase:
            return n
    return 0


def _term(word: str, lang: str) -> str:
    # A stem of two letters is too many words to align two clauses by.
    stem = _ar_term(word) if lang == "ar" else _en_stem(word)
    return stem if len(stem) >= 3 else ""


@functools.lru_cache(maxsize=65536)
def _ar_term(word: str) -> str:
    """The stem of a content word: article, prepositions and a pronoun suffix off.

    Unlike a predicate's stem, the first letter is kept (إنتاج and إنتاجها
    are نتج, not تج): a noun has no imperfect prefix to lose.
    """
    taa = word.endswith("ة")
    bare = (word[:-1] + "ه" if taa else word).translate(_WEAK)
    for prefix in sorted(_AR_PREFIXES, key=len, reverse=True):
        if prefix and bare.startswith(prefix) and len(bare) - len(prefix) >= 3:
            bare = bare[len(prefix) :]
            break
    if not taa:
        for suffix in ("هم", "هن", "كم", "ه", "ت", "ن"):
            if bare.endswith(suffix) and len(bare) - len(suffix) >= 3:
                return bare[: -len(suffix)]
    return bare


def _anchor(claim: Claim) -> str | None:
    if isinstance(claim, MentionClaim):
        return f"{claim.type}:{(claim.entity or claim.key).casefold()}"
    if isinstance(claim, QuantityClaim):
        return f"figure:{claim.value:g}"
    if isinstance(claim, DateClaim):
        day = claim.resolved or "-".join(
            str(p) for p in (claim.year, claim.month, claim.day) if p is not None
        )
        return f"date:{day}" if day else None
    return None
