"""The values that flow between the stages: articles, segments and claims.

All of them are frozen attrs classes; change one with :func:`attrs.evolve`.
Offsets are character offsets into the article's original text, end exclusive.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

if TYPE_CHECKING:
    from newsassert.lexicon import Lexicon
    from newsassert.normalize import Normalized
    from newsassert.query.selection import Selection

__all__ = [
    "KINDS",
    "LANGS",
    "QUALIFIERS",
    "SECTIONS",
    "Article",
    "Claim",
    "DateClaim",
    "MentionClaim",
    "QuantityClaim",
    "RoleClaim",
    "Segment",
    "claim_id",
    "computed",
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
MENTION_TYPES = ("person", "org", "place")
KINDS = ("quantity", "date", "mention", "role")


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
        from newsassert.normalize import normalize

        return normalize(self.text)

    @functools.cached_property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim in the article, in every section, in text order."""
        from newsassert.extract import extract_article

        stored = self._stored_claims
        if stored is not None:
            from newsassert.store import claims_from_stored

            object.__setattr__(self, "_stored_claims", None)
            found = claims_from_stored(self, stored)
            if found is not None:
                return found
        return extract_article(self)

    def query(self, text: str) -> Selection:
        """The claims of this article that a query selects."""
        from newsassert.query import compile_query
        from newsassert.query.selection import Selection

        query = compile_query(text)
        return Selection(query.evaluate(self.claims, lexicon=self.lexicon), query=query)

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
    KIND_FIELDS: ClassVar[tuple[str, ...]] = ("year", "month", "day", "resolved", "relative")

    year: int | None = None
    month: int | None = None
    day: int | None = None
    resolved: str | None = None
    relative: bool = False


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


CLAIM_CLASSES: Mapping[str, type[Claim]] = {
    cls.kind: cls for cls in (QuantityClaim, DateClaim, MentionClaim, RoleClaim)
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
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value
