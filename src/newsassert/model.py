"""The values that flow between the stages: articles, segments, claims, the lexicon.

All of them are frozen attrs classes; change one with :func:`attrs.evolve`.
Offsets are character offsets into the article's original text, end exclusive.

This module imports no stage. An article's claims come from the stages that
make them: :mod:`newsassert.extract` and :mod:`newsassert.store` hand their
functions to :data:`CLAIM_SOURCES` when they are imported (``import
newsassert`` imports both), and :meth:`Article.query` goes through the
selection that :mod:`newsassert.selection` hands over.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from newsassert.interval import Interval, format_number
from newsassert.text.normalize import key, normalize

if TYPE_CHECKING:
    from newsassert.text.normalize import Normalized

__all__ = [
    "CLAIM_SOURCES",
    "KINDS",
    "LANGS",
    "LEXICON_KINDS",
    "QUALIFIERS",
    "SECTIONS",
    "Article",
    "Claim",
    "ClaimSources",
    "Comparison",
    "DateClaim",
    "Interval",
    "Lexicon",
    "LexiconEntry",
    "MentionClaim",
    "QuantityClaim",
    "RoleClaim",
    "Segment",
    "StatementClaim",
    "claim_id",
    "computed",
    "date_fields",
    "form_key",
    "format_number",
]

# 2: a stated range ("بين 20 و30", "$40-60 million") is qualifier "range", no
# longer "vague"; quantities carry "currency", dates "low" and "high".
SCHEMA_VERSION = 2
SECTIONS = ("title", "metadata", "body", "boilerplate")
LANGS = ("ar", "en", "und")
QUALIFIERS = (
    "exact",
    "approx",
    "more_than",
    "less_than",
    "at_least",
    "at_most",
    "vague",
    "range",
)
# A demonym (المصري, Iraqi) names its country (``entity``) without being a
# place: it is a mention of its own type, which supports the country's name.
MENTION_TYPES = ("person", "org", "place", "demonym", "name")
POLARITIES = ("affirmed", "negated")
MOODS = ("asserted", "conditional", "quoted", "intended")
KINDS = ("quantity", "date", "mention", "role", "statement")


def _in(choices: tuple[str, ...]) -> Any:
    return attrs.validators.in_(choices)


@attrs.frozen(kw_only=True)
class Segment:
    """A paragraph of an article: a span of its text with a section and a language.

    The segments of an article partition its text: every character belongs to
    exactly one of them (a paragraph owns the line breaks that follow it).
    ``sentences`` are (start, end) spans inside the segment, in article offsets.
    ``reason`` says why the segment got its section (``"read-also"``,
    ``"byline"``, ``"date-line"`` …), empty for plain body text.
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    section: str = attrs.field(validator=_in(SECTIONS))
    lang: str
    sentences: tuple[tuple[int, int], ...] = ()
    reason: str = ""

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"'end' must be >= start ({self.start}) (got {value})")

    def text_of(self, article_text: str) -> str:
        return article_text[self.start : self.end]


@attrs.frozen(kw_only=True)
class Article:
    """One news article: its original text, its metadata and its segments.

    ``text`` is the text as read, never altered; every offset in newsassert
    points into it. ``published`` is the publication date when it is known;
    ``other_dates`` are dates found in the metadata that are not it (a page
    date, for example).
    """

    id: str
    text: str = attrs.field(repr=False)
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    lang: str = "und"
    segments: tuple[Segment, ...] = attrs.field(default=(), repr=False)
    other_dates: tuple[dt.date, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    lexicon: Lexicon | None = attrs.field(default=None, eq=False, repr=False)
    # Claims read from the cache and not yet decoded (see newsassert.store):
    # a run that never looks at them does not pay for them.
    _stored_claims: bytes | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @functools.cached_property
    def normalized(self) -> Normalized:
        """The matching form of the text, with its map back to original offsets."""
        return normalize(self.text)

    @functools.cached_property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim in the article, in every section, in text order."""
        stored = self._stored_claims
        if stored is not None:
            object.__setattr__(self, "_stored_claims", None)
            found = CLAIM_SOURCES.decoder()(self, stored)
            if found is not None:
                return found
        return CLAIM_SOURCES.extractor()(self)

    def query(self, text: str) -> Any:
        """The claims of this article that a query selects: a :class:`newsassert.Selection`.

        (Typed ``Any`` because the values import no stage: the selection is
        made by :mod:`newsassert.selection`, which stands above them.)
        """
        return CLAIM_SOURCES.selector()(self.claims, text, self.lexicon, (self,))

    def segment_at(self, offset: int) -> Segment | None:
        for segment in self.segments:
            if segment.start <= offset < segment.end:
                return segment
        return None

    def sections(self, section: str) -> Iterator[Segment]:
        return (s for s in self.segments if s.section == section)


@attrs.frozen(kw_only=True)
class Claim:
    """A checkable statement found in an article (the fields every kind shares).

    ``text`` equals ``article_text[start:end]``; ``sentence`` is the sentence
    that contains it. ``id`` is stable: the same claim in the same text gets
    the same id on every run and machine.
    """

    kind: ClassVar[str] = "claim"
    KIND_FIELDS: ClassVar[tuple[str, ...]] = ()

    id: str
    article: str
    outlet: str | None = None
    published: str | None = None
    lang: str = "und"
    section: str = attrs.field(default="body", validator=_in(SECTIONS))
    start: int
    end: int
    text: str
    sentence: str = ""
    schema: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The claim as a JSON-ready mapping, in the schema's field order."""
        record: dict[str, Any] = {
            "schema": self.schema,
            "id": self.id,
            "article": self.article,
            "outlet": self.outlet,
            "published": self.published,
            "kind": self.kind,
            "lang": self.lang,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
        }
        for name in self.KIND_FIELDS:
            record[name] = _jsonable(getattr(self, name))
        return record

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        """Names of the fields of this kind, common ones first."""
        return (*COMMON_FIELDS, *cls.KIND_FIELDS)


COMMON_FIELDS = (
    "id",
    "article",
    "outlet",
    "published",
    "kind",
    "lang",
    "section",
    "start",
    "end",
    "text",
    "sentence",
)


@attrs.frozen(kw_only=True)
class QuantityClaim(Claim):
    """A number with what it counts: ``value``, a ``qualifier``, the interval it asserts."""

    kind: ClassVar[str] = "quantity"
    KIND_FIELDS: ClassVar[tuple[str, ...]] = (
        "value",
        "qualifier",
        "low",
        "high",
        "unit",
        "unit_text",
        "place",
        "currency",
    )

    value: float
    qualifier: str = attrs.field(default="exact", validator=_in(QUALIFIERS))
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_text: str | None = None
    place: str | None = None
    currency: str | None = None  # ISO 4217 code of a sum of money ("EGP", "KWD")


@attrs.frozen(kw_only=True)
class DateClaim(Claim):
    """A calendar date, as complete as the text gives it."""

    kind: ClassVar[str] = "date"
    KIND_FIELDS: ClassVar[tuple[str, ...]] = (
        "year",
        "month",
        "day",
        "resolved",
        "relative",
        "low",
        "high",
    )

    year: int | None = None
    month: int | None = None
    day: int | None = None
    resolved: str | None = None
    relative: bool = False
    # An interval of days (a range, a Hijri month, an ambiguous 09/11/2001):
    # first and last day as ISO text ("2024-03-11", "2024-03", "2024", "--10-08").
    low: str | None = None
    high: str | None = None


@attrs.frozen(kw_only=True)
class MentionClaim(Claim):
    """A person, organization or place named in the text."""

    kind: ClassVar[str] = "mention"
    KIND_FIELDS: ClassVar[tuple[str, ...]] = ("type", "name", "key", "entity")

    type: str = attrs.field(validator=_in(MENTION_TYPES))
    name: str
    key: str
    entity: str | None = None


@attrs.frozen(kw_only=True)
class RoleClaim(Claim):
    """A person holding an office: ``title`` (canonical English), ``country``, ``person``."""

    kind: ClassVar[str] = "role"
    KIND_FIELDS: ClassVar[tuple[str, ...]] = ("title", "country", "person", "key")

    title: str
    country: str | None = None
    person: str
    key: str


def _strings_tuple(value: Any) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class StatementClaim(Claim):
    """What a clause says happened: its predicate, affirmed or negated, and its anchors.

    The claim's span is the predicate word (the main verb or verbal noun).
    ``predicate`` is its family key (an English lemma such as ``rise``, shared
    by ارتفع، ارتفاع and "climbed") or, for a word no family lists, its stem;
    ``polarity`` is ``affirmed`` or ``negated``, and ``negation`` the negating
    word with its span (``negation_start``, ``negation_end``), null when
    affirmed. ``anchors`` are the keys of the persons, organizations, places,
    figures and dates of the same clause; ``terms`` the stems of its other
    content words, and ``theme`` those of them the predicate is said of (its
    subject or object: الذهب of الذهب يهبط and of يهبط بالذهب); ``clause``
    the clause itself, from ``clause_start`` to ``clause_end``. ``mood`` is
    ``conditional`` inside "if"/إذا/لو and ``quoted`` inside quotation marks:
    such a statement supports others but is never set against them;
    ``intended`` is a plan (خطة لزيادة الإنتاج, "plans to raise"),
    set only against another one.
    """

    kind: ClassVar[str] = "statement"
    KIND_FIELDS: ClassVar[tuple[str, ...]] = (
        "predicate",
        "polarity",
        "negation",
        "negation_start",
        "negation_end",
        "anchors",
        "terms",
        "theme",
        "mood",
        "clause",
        "clause_start",
        "clause_end",
    )

    predicate: str
    polarity: str = attrs.field(default="affirmed", validator=_in(POLARITIES))
    negation: str | None = None
    negation_start: int | None = None
    negation_end: int | None = None
    anchors: tuple[str, ...] = attrs.field(default=(), converter=_strings_tuple)
    terms: tuple[str, ...] = attrs.field(default=(), converter=_strings_tuple)
    theme: tuple[str, ...] = attrs.field(default=(), converter=_strings_tuple)
    mood: str = attrs.field(default="asserted", validator=_in(MOODS))
    clause: str = ""
    clause_start: int = 0
    clause_end: int = 0


CLAIM_CLASSES: Mapping[str, type[Claim]] = {
    cls.kind: cls for cls in (QuantityClaim, DateClaim, MentionClaim, RoleClaim, StatementClaim)
}


# The constructor's keywords of each kind: every field of the record but ``kind``.
CLAIM_INIT_FIELDS: Mapping[str, tuple[str, ...]] = {
    kind: tuple(a.name for a in attrs.fields(cls)) for kind, cls in CLAIM_CLASSES.items()
}
_INIT_NAMES = {kind: frozenset(names) for kind, names in CLAIM_INIT_FIELDS.items()}


def computed(article: Article, name: str) -> bool:
    """Whether the cached property ``name`` of ``article`` (``claims``, ``normalized``) holds a value."""
    try:
        object.__getattribute__(article, name)
    except AttributeError:
        return False
    return True


@attrs.define
class ClaimSources:
    """The stages an :class:`Article` asks for its claims, handed over when they are imported.

    ``extract`` finds the claims of an article (:mod:`newsassert.extract`);
    ``decode`` reads claims a cache handed to the article as bytes, or returns
    None when they cannot be used (:mod:`newsassert.store`); ``select`` runs a
    query over claims (:mod:`newsassert.selection`). The values name no
    stage; one not handed over yet is imported by its module's name when first
    needed (``import newsassert`` imports no stage until one of its names is
    used), as the plugin manager imports the built-in plugins.
    """

    PROVIDERS: ClassVar[Mapping[str, str]] = {
        "extract": "newsassert.extract",
        "decode": "newsassert.store",
        "select": "newsassert.selection",
    }

    extract: Callable[[Article], tuple[Claim, ...]] | None = None
    decode: Callable[[Article, bytes], tuple[Claim, ...] | None] | None = None
    # (claims, query text, lexicon, the articles the claims come from) -> a Selection
    select: Callable[[Sequence[Claim], str, Lexicon | None, Iterable[Article]], Any] | None = None


    def extractor(self) -> Callable[[Article], tuple[Claim, ...]]:
        if self.extract is None:
            self._import("extract")
        return self.extract or _missing("extract")

    def decoder(self) -> Callable[[Article, bytes], tuple[Claim, ...] | None]:
        if self.decode is None:
            self._import("decode")
        return self.decode or _missing("decode")

    def selector(self) -> Callable[[Sequence[Claim], str, Lexicon | None, Iterable[Article]], Any]:
        if self.select is None:
            self._import("select")
        return self.select or _missing("select")

    def _import(self, stage: str) -> None:
        importlib.import_module(self.PROVIDERS[stage])


def _missing(stage: str) -> Any:
    raise RuntimeError(f"{ClaimSources.PROVIDERS[stage]} did not hand newsassert.model its {stage!r}")


CLAIM_SOURCES = ClaimSources()


# ---------------------------------------------------------------------------
# The lexicon: the vocabulary every stage reads (newsassert.lexicon builds the
# default one from the plugins and reads alias files).
# ---------------------------------------------------------------------------

LEXICON_KINDS = ("unit", "role", "place", "demonym", "org", "person")


def _entries(items: Iterable[LexiconEntry]) -> tuple[LexiconEntry, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _pairs(items: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(items)


@attrs.frozen
class LexiconEntry:
    """One word or name: its ``kind``, canonical English form and written forms.

    ``country`` ties a demonym (``أمريكي``, ``Iraqi``) or a city to its
    country. ``data`` holds any further ``(name, value)`` pairs a kind needs.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(LEXICON_KINDS))
    canonical: str
    forms: tuple[str, ...] = attrs.field(converter=_strings, default=())
    country: str | None = None
    data: tuple[tuple[str, str], ...] = attrs.field(converter=_pairs, default=())

    def get(self, name: str, default: str | None = None) -> str | None:
        return dict(self.data).get(name, default)


def form_key(text: str) -> str:
    """The key of a (possibly multi-word) form: lossy key, hyphens and spaces folded."""
    return " ".join(key(text).replace("-", " ").split())


@attrs.frozen(eq=False)
class Lexicon:
    """An immutable, indexed collection of :class:`LexiconEntry`."""

    entries: tuple[LexiconEntry, ...] = attrs.field(converter=_entries)
    _index: Mapping[str, Mapping[str, LexiconEntry]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, dict[str, LexiconEntry]] = {k: {} for k in LEXICON_KINDS}
        for entry in self.entries:
            table = index[entry.kind]
            for form in (entry.canonical, *entry.forms):
                table[form_key(form)] = entry
        object.__setattr__(self, "_index", index)

    def lookup(self, kind: str, text: str) -> LexiconEntry | None:
        """The entry of ``kind`` that ``text`` is a form of, if any."""
        return self._index[kind].get(form_key(text))

    def canonical(self, kind: str, text: str) -> str | None:
        entry = self.lookup(kind, text)
        return entry.canonical if entry else None

    def forms(self, kind: str) -> Mapping[str, LexiconEntry]:
        """Every form of ``kind`` (by key) and its entry."""
        return self._index[kind]

    def of_kind(self, kind: str) -> tuple[LexiconEntry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    def same(self, kind: str, a: str, b: str) -> bool:
        """Whether two texts are the same entry of ``kind`` (or equal by key)."""
        if form_key(a) == form_key(b):
            return True
        ea, eb = self.lookup(kind, a), self.lookup(kind, b)
        return ea is not None and eb is not None and ea.canonical == eb.canonical

    def extended(self, entries: Iterable[LexiconEntry]) -> Lexicon:
        """A new lexicon with ``entries`` added (they win over existing forms)."""
        return Lexicon((*self.entries, *entries))


# ---------------------------------------------------------------------------
# Comparing claims (newsassert.compare holds the rules).
# ---------------------------------------------------------------------------


class Comparison(enum.Enum):
    """Two claims of one kind either agree, conflict, or say nothing about each other."""

    AGREE = "agree"
    CONFLICT = "conflict"
    UNRELATED = "unrelated"


def date_fields(claim: DateClaim) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a date claim, taken from ``resolved`` when it is set."""
    if claim.resolved:
        try:
            year, month, day = (int(part) for part in claim.resolved.split("-"))
        except ValueError:
            pass
        else:
            return year, month, day
    return claim.year, claim.month, claim.day


def claim_from_dict(record: Mapping[str, Any]) -> Claim:
    """Rebuild a claim from :meth:`Claim.to_dict` output (the JSON Lines schema)."""
    kind = record["kind"]
    cls, names = CLAIM_CLASSES[kind], _INIT_NAMES[kind]
    if len(record) == len(names) + 1:
        # The common case, a record as to_dict writes it: only ``kind`` is
        # not a keyword.
        fields = dict(record)
        del fields["kind"]
        try:
            return cls(**fields)
        except TypeError:
            pass  # a key the schema does not have, in place of one with a default
    return cls(**{k: v for k, v in record.items() if k in names})


def claim_id(article: str, kind: str, sentence: str, offset_in_sentence: int, text: str) -> str:
    """A stable id: the same claim in the same sentence of the same article, same id."""
    return claim_id_in(sentence_digest(article, kind, sentence), offset_in_sentence, text)


def sentence_digest(article: str, kind: str, sentence: str) -> Any:
    """The part of :func:`claim_id` that its sentence fixes (hash it once per sentence)."""
    digest = hashlib.blake2b(digest_size=8)
    for part in (article, kind, sentence):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest


def claim_id_in(sentence: Any, offset_in_sentence: int, text: str) -> str:
    """:func:`claim_id` from the :func:`sentence_digest` of its sentence."""
    digest = sentence.copy()
    # The same bytes as one update per part, each followed by \x1f.
    digest.update(f"{offset_in_sentence}\x1f{text}\x1f".encode("utf-8", "surrogatepass"))
    return str(digest.hexdigest())


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value
