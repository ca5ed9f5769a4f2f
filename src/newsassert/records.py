"""What the cache holds, as rows: articles, their claims and check results, written and read back.

The encodings of :class:`newsassert.store.Store`, apart from its SQLite:
an article as a row of its fields, its claims as compact JSON rows (the
fields a claim shares with its article left out), check results as arrays
of their fields. Reading never trusts the bytes: what does not decode is
None, and the caller extracts or checks again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

from newsassert._gc import fewer_collections
from newsassert.lexicon import Lexicon
from newsassert.model import (
    CLAIM_CLASSES,
    CLAIM_INIT_FIELDS,
    SCHEMA_VERSION,
    Article,
    Claim,
    Segment,
    computed,
)

if TYPE_CHECKING:
    from newsassert.check.verdict import CheckResult

__all__ = [
    "article_from_row",
    "article_row",
    "claim_rows",
    "claims_from_rows",
    "claims_from_stored",
    "code_digest",
    "results_from_json",
    "results_json",
    "stored_claims",
]

# The fields a claim row holds in its fixed part; the kind's own fields follow.
_ROW_FIELDS = ("start", "end", "lang", "section")


# Fields a claim usually takes from its article: stored only when it does not.
_INHERITED = ("text", "article", "outlet", "published", "schema")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def article_row(article: Article) -> tuple[str, bytes]:
    """The article without its claims, and its claims with their sentences (JSON)."""
    fields = [
        article.id,
        article.text,
        article.path,
        article.title,
        article.outlet,
        article.published.isoformat() if article.published else None,
        article.lang,
        [
            [s.start, s.end, s.section, s.lang, [list(x) for x in s.sentences], s.reason]
            for s in article.segments
        ],
        [d.isoformat() for d in article.other_dates],
        [list(m) for m in article.meta],
    ]
    return _json(fields), stored_claims(article)


def stored_claims(article: Article) -> bytes:
    """The article's claims as the cache stores them: one JSON document.

    Claims extracted in a worker process come back in this form, so the
    calling process neither rebuilds them (they are decoded when first asked
    for, as from the cache) nor encodes them again to store them.
    """
    stored = article._stored_claims
    if stored is not None and not computed(article, "claims"):
        return stored
    sentences: dict[str, int] = {}
    claims = claim_rows(article, article.claims, sentences)
    return _json([claims, list(sentences)]).encode("utf-8", "surrogatepass")


def claim_rows(
    article: Article, claims: Iterable[Claim], sentences: dict[str, int]
) -> list[list[Any]]:
    """Claims as rows of values, each sentence once in ``sentences`` (filled in).

    A row is the kind, ``start``, ``end``, ``lang``, ``section``, the index
    of the sentence, the id, then the kind's own fields in schema order; what
    the claim does not take from its article (its text is
    ``article.text[start:end]``, its article, outlet and publication date the
    article's) follows as an object, only when there is any.
    """
    inherited = _inherited(article)
    rows: list[list[Any]] = []
    for claim in claims:
        sentence = sentences.setdefault(claim.sentence, len(sentences))
        row: list[Any] = [claim.kind, claim.start, claim.end, claim.lang, claim.section]
        row += [sentence, claim.id, *(getattr(claim, name) for name in claim.KIND_FIELDS)]
        given = {"text": article.text[claim.start : claim.end], **inherited}
        own = {k: getattr(claim, k) for k in _INHERITED if getattr(claim, k) != given[k]}
        if own:
            row.append(own)
        rows.append(row)
    return rows


def claims_from_rows(
    article: Article, rows: Iterable[Sequence[Any]], sentences: Sequence[str]
) -> tuple[Claim, ...]:
    """The claims of :func:`claim_rows`, sharing one string per sentence.

    Strings that recur across claims (a language, a section, a unit, a
    place's name and key, a mention's text) are shared too, through
    :func:`sys.intern`: the JSON parser makes a new string for every value,
    and a corpus of 10,000 articles holds 400,000 claims.
    """
    aid, outlet = article.id, article.outlet
    published = article.published.isoformat() if article.published else None
    text = article.text
    claims: list[Claim] = []
    for row in rows:
        cls = CLAIM_CLASSES[row[0]]
        names = cls.KIND_FIELDS
        size = 7 + len(names)
        if len(row) == size:
            start, end = row[1], row[2]
            own: list[Any] = [intern(v) if type(v) is str else v for v in row[7:]]
            claims.append(
                cls(
                    id=row[6],
                    article=aid,
                    outlet=outlet,
                    published=published,
                    lang=intern(row[3]),
                    section=intern(row[4]),
                    start=start,
                    end=end,
                    text=intern(text[start:end]),
                    sentence=sentences[row[5]],
                    **dict(zip(names, own, strict=False)),
                )
            )
        elif len(row) == size + 1:
            claims.append(_claim_with_own_fields(article, row, sentences))
        else:
            raise ValueError(f"a {row[0]} claim row of {len(row)} values")
    return tuple(claims)


def _claim_with_own_fields(article: Article, row: Sequence[Any], sentences: Sequence[str]) -> Claim:
    """A claim that does not take all of its common fields from its article."""
    cls = CLAIM_CLASSES[row[0]]
    start, end = row[1], row[2]
    fields = dict(zip(cls.KIND_FIELDS, row[7:-1], strict=True))
    fields.update(_inherited(article))
    fields.update(
        id=row[6],
        start=start,
        end=end,
        lang=row[3],
        section=row[4],
        text=article.text[start:end],
        sentence=sentences[row[5]],
    )
    fields.update(row[-1])
    return cls(**fields)


def _inherited(article: Article) -> dict[str, Any]:
    return {
        "article": article.id,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "schema": SCHEMA_VERSION,
    }


def claims_from_stored(article: Article, stored: bytes) -> tuple[Claim, ...] | None:
    """The claims :meth:`Store.get` left undecoded (``None`` if they cannot be read)."""
    try:
        with fewer_collections():
            rows, sentences = json.loads(stored)
            return claims_from_rows(article, rows, sentences)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # never trusted: the caller extracts them again


def article_from_row(row: Sequence[Any], claims: bytes, lexicon: Lexicon | None) -> Article:
    (aid, text, path, title, outlet, published, lang, segments, other, meta) = row
    article = Article(
        id=aid,
        text=text,
        path=path,
        title=title,
        outlet=outlet,
        published=dt.date.fromisoformat(published) if published else None,
        lang=lang,
        segments=tuple(
            Segment(
                start=s[0],
                end=s[1],
                section=s[2],
                lang=s[3],
                sentences=tuple(map(tuple, s[4])),
                reason=s[5],
            )
            for s in segments
        ),
        other_dates=tuple(dt.date.fromisoformat(d) for d in other),
        meta=tuple((k, v) for k, v in meta),
        lexicon=lexicon,
    )
    # Decoded on first use (Article.claims), so nothing is re-extracted.
    object.__setattr__(article, "_stored_claims", claims)
    return article


@functools.cache
def code_digest() -> str:
    """A digest of newsassert's own modules and data files.

    Check results are a pure function of the claims, the checks and this
    code; hashing the code itself (a few milliseconds) means no version
    number has to be remembered to be bumped.
    """
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json") and path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\x00" + path.read_bytes())
    return digest.hexdigest()


def results_json(results: Sequence[CheckResult]) -> bytes:
    """Results as JSON: each value an array of its fields in order, claims once each.

    Two documents on two lines: the claims (each sentence once), and the
    results, which refer to claims by index. A tuple of claims is stored
    once too, however many rows of evidence it is set against (an agreement
    over thousands of articles sets each dissenting row against the same
    majority: millions of references). The three classes of a result have
    fixed fields, so a value is an array, not an object naming its fields:
    smaller, and read back without a hook per object. A field holding
    anything else (a plugin's own value) raises ``TypeError``: not cached.
    """
    from newsassert.check.verdict import CheckResult, Evidence, Verdict

    claims: dict[int, int] = {}  # id() of a claim -> its index in the claim list
    claim_list: list[list[Any]] = []
    sentences: dict[str, int] = {}
    groups: dict[tuple[int, ...], int] = {}  # claim indexes -> index in the group list
    seen_groups: dict[int, tuple[Any, int]] = {}  # id() of a tuple -> (the tuple, its index)
    claim_types = tuple(CLAIM_CLASSES.values())

    def claim_index(value: Any) -> int:
        if type(value) not in claim_types:
            raise TypeError(f"cannot store a {type(value).__name__} as a claim")
        index = claims.get(id(value))
        if index is None:
            index = claims[id(value)] = len(claim_list)
            names = CLAIM_INIT_FIELDS[value.kind]
            row = [value.kind, *(getattr(value, n) for n in names)]
            at = 1 + names.index("sentence")
            row[at] = sentences.setdefault(row[at], len(sentences))
            claim_list.append(row)
        return index

    def group_index(value: tuple[Claim, ...]) -> int:
        known = seen_groups.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        members = tuple(claim_index(c) for c in value)
        index = groups.setdefault(members, len(groups))
        seen_groups[id(value)] = (value, index)
        return index

    def evidence(row: Evidence) -> list[Any]:
        _exactly(row, Evidence, "evidence")
        return [
            claim_index(row.claim),
            _text(row.value),
            row.role,
            group_index(row.against),
            _text(row.note),
        ]

    def verdict(value: Verdict) -> list[Any]:
        _exactly(value, Verdict, "a verdict")
        return [
            _text(value.check),
            bool(value.holds),
            _text(value.summary),
            _text(value.query),
            _text(value.majority, optional=True),
            [evidence(row) for row in value.evidence],
            [_text(key) for key in value.failures],
        ]

    def result(value: CheckResult) -> list[Any]:
        _exactly(value, CheckResult, "a result")
        where = value.location
        location = None if where is None else [_text(where[0]), int(where[1])]
        return [
            _text(value.name),
            _text(value.query),
            _text(value.expect),
            verdict(value.verdict),
            value.status,
            location,
            _text(value.error, optional=True),
        ]

    # As UTF-8 bytes, each intermediate dropped as soon as the next is made:
    # the results of a large corpus are tens of megabytes, and a run's peak
    # memory is reached here.
    body = _json([result(r) for r in results]).encode("utf-8", "surrogatepass")
    head = {"claims": claim_list, "sentences": list(sentences), "groups": list(groups)}
    return b"\n".join((_json(head).encode("utf-8", "surrogatepass"), body))


def _exactly(value: Any, cls: type[Any], what: str) -> None:
    if type(value) is not cls:
        raise TypeError(f"cannot store a {type(value).__name__} as {what}")


def _text(value: Any, *, optional: bool = False) -> str | None:
    if type(value) is str or (optional and value is None):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} where text is expected")


def results_from_json(text: bytes) -> list[CheckResult]:
    with fewer_collections():
        return _decode_results(text)


def _decode_results(text: bytes) -> list[CheckResult]:
    from newsassert.check.verdict import CheckResult, Evidence, Verdict

    head, _, body = text.partition(b"\n")
    data = json.loads(head)
    sentences = data["sentences"]
    claims = []
    for kind, *values in data["claims"]:
        names = CLAIM_INIT_FIELDS[kind]
        fields = dict(zip(names, values, strict=True))
        fields["sentence"] = sentences[fields["sentence"]]
        claims.append(CLAIM_CLASSES[kind](**fields))
    groups = [tuple(claims[i] for i in members) for members in data["groups"]]
    results = []
    for name, query, expect, v, status, location, error in json.loads(body):
        check, holds, summary, v_query, majority, rows, failures = v
        results.append(
            CheckResult(
                name=name,
                query=query,
                expect=expect,
                verdict=Verdict(
                    check=check,
                    holds=holds,
                    summary=summary,
                    query=v_query,
                    majority=majority,
                    evidence=tuple(
                        Evidence(
                            claim=claims[claim],
                            value=value,
                            role=role,
                            against=groups[against],
                            note=note,
                        )
                        for claim, value, role, against, note in rows
                    ),
                    failures=tuple(failures),
                ),
                status=status,
                location=(location[0], location[1]) if location is not None else None,
                error=error,
            )
        )
    return results
