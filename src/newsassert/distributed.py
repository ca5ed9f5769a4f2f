"""Extract and check on a Dask cluster, for corpora that outgrow one machine.

Needs the ``dask`` extra (``pip install newsassert[dask]``: ``dask[bag]`` and
``distributed``). The corpus is cut into *partitions*: each article file is
one, and a JSON Lines file larger than ``partition_bytes`` is cut at line
breaks into several. The partitions form a :mod:`dask.bag`; each worker loads
its partition with newsassert's own loader, extracts the claims and writes
them as one JSON Lines shard, ``claims-00000.jsonl``, ``claims-00001.jsonl``
and so on, in corpus order: the shards read one after another are exactly
what ``newsassert extract`` writes in one process. ``manifest.json`` beside
them lists each shard with the ids of its articles (an article without
claims is in no shard's lines, but it is in the manifest).

:func:`check_shards` runs the built-in checks of ``newsassert check`` over
the shards: the consistency of each article on the workers (an article's
claims are all in one shard), then the agreement across articles on the
driver, over the quantity and office claims only, which the workers pick
out. The results are those of :func:`newsassert.check.auto.builtin_checks`
over the loaded corpus, in the same order.

The output folder may be any path or URL that :mod:`fsspec` writes to and
every worker can reach (a shared file system, ``s3://...`` with ``s3fs``);
the input files must be readable at the same path on every worker.

Workers run newsassert's own code on files the user named, and send back
plain records (claims as schema dicts, check results); nothing read from the
input is ever unpickled.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from newsassert.errors import ConfigError, LoadError
from newsassert.lexicon import LexiconEntry, load_aliases
from newsassert.model import Article, Claim, claim_from_dict

if TYPE_CHECKING:
    from newsassert.check.verdict import CheckResult
    from newsassert.corpus import Corpus

__all__ = [
    "Partition",
    "check_shards",
    "claims_corpus",
    "dask_client",
    "extract_shards",
    "partitions",
    "read_claims",
]

#: A JSON Lines file larger than this is cut into several partitions.
PARTITION_BYTES = 16 * 1024 * 1024
MANIFEST = "manifest.json"


@attrs.frozen
class Partition:
    """A piece of the corpus: a whole file, or lines of a JSON Lines file.

    ``start`` and ``end`` are byte offsets (``end`` is ``None`` for the whole
    file); ``line`` is the number of the first line in the range.
    """

    path: str
    named: bool = True
    start: int = 0
    end: int | None = None
    line: int = 1


def partitions(
    paths: Sequence[str | Path], *, partition_bytes: int = PARTITION_BYTES
) -> list[Partition]:
    """The partitions of the files, folders and globs ``paths``, in corpus order."""
    from newsassert.load import _files

    out: list[Partition] = []
    for file, named in _files(list(paths)):
        size = file.stat().st_size
        if file.suffix.lower() != ".jsonl" or size <= partition_bytes:
            out.append(Partition(str(file), named))
            continue
        out.extend(_jsonl_ranges(file, named, size, partition_bytes))
    return out


def _jsonl_ranges(file: Path, named: bool, size: int, step: int) -> Iterator[Partition]:
    """Byte ranges of about ``step`` bytes, each ending after a line break."""
    with file.open("rb") as stream:
        start, line = 0, 1
        while start < size:
            stream.seek(min(start + step, size))
            stream.readline()  # on to the end of the line the cut fell in
            end = min(stream.tell(), size)
            stream.seek(start)
            lines = stream.read(end - start).count(b"\n")
            yield Partition(str(file), named, start, end if end < size else None, line)
            start, line = end, line + lines


# ---------------------------------------------------------------------------
# Extraction on the workers
# ---------------------------------------------------------------------------


def _load_partition(part: Partition) -> list[Article]:
    """The articles of a partition, read by newsassert's loader as :func:`newsassert.load` does."""
    from newsassert.limits import check_article_size
    from newsassert.load import _read_articles
    from newsassert.plugins import plugin_manager

    hook = plugin_manager().hook.newsassert_load_article
    if part.start == 0 and part.end is None:
        found = list(_read_articles(hook, Path(part.path), part.named))
    else:
        found = _load_lines(part, hook)
    for article in found:
        check_article_size(len(article.text), path=article.path or part.path)
    return found


def _load_lines(part: Partition, hook: Any) -> list[Article]:
    """A range of JSON Lines, read as a file of the same name whose earlier lines are blank.

    Blank lines are skipped by the loader, so line numbers, default ids
    (``stem:line``) and messages are those of the whole file.
    """
    from newsassert.load import _read_articles

    with open(part.path, "rb") as stream:
        stream.seek(part.start)
        data = stream.read() if part.end is None else stream.read(part.end - part.start)
    pad = part.line - 1
    with tempfile.TemporaryDirectory(prefix="newsassert-") as tmp:
        piece = Path(tmp) / Path(part.path).name
        piece.write_bytes(b"\n" * pad + data)
        try:
            return list(_read_articles(hook, piece, True))
        except LoadError as error:
            offset = None if error.offset is None else error.offset - pad + part.start
            raise LoadError(
                error.message, path=part.path, line=error.line, column=error.column, offset=offset
            ) from None


def _extract_partition(
    index: int, part: Partition, out: str, extra: tuple[LexiconEntry, ...]
) -> dict[str, Any]:
    import fsspec  # type: ignore[import-untyped]

    from newsassert.lexicon import default_lexicon

    articles = _load_partition(part)
    if extra:
        lexicon = default_lexicon().extended(extra)
        articles = [attrs.evolve(a, lexicon=lexicon) for a in articles]
    name = f"claims-{index:05d}.jsonl"
    claims = 0
    with fsspec.open(f"{out.rstrip('/')}/{name}", "w", encoding="utf-8", newline="\n") as stream:
        for article in articles:
            for claim in article.claims:
                stream.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
                claims += 1
    return {
        "shard": name,
        "articles": [a.id for a in articles],
        "about": [_about(a) for a in articles],
        "claims": claims,
    }


def _about(article: Article) -> dict[str, Any]:
    """What a report says of an article besides its claims (its text stays in the corpus)."""
    return {
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "lang": article.lang,
    }


def extract_shards(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    scheduler: Any = "local",
    aliases: Sequence[str | Path] = (),
    partition_bytes: int = PARTITION_BYTES,
) -> dict[str, Any]:
    """Extract every claim of the corpus at ``paths`` on Dask, into JSON Lines shards in ``out``.

    ``scheduler`` is ``"local"`` (a local cluster, one worker process per
    core), a scheduler address (``"tcp://10.0.0.5:8786"``), or a
    ``distributed.Client``. Returns the manifest (also written to
    ``out/manifest.json``): the shards in order, with their article ids and
    claim counts. An article id that two partitions share is a
    :class:`~newsassert.errors.LoadError`, as in one process.
    """
    bag, client, owned = _bag_and_client(scheduler, partitions(paths, partition_bytes=partition_bytes))
    extra = tuple(entry for alias_file in aliases for entry in load_aliases(alias_file))
    target = str(out)
    _makedirs(target)
    try:
        results = bag.map(lambda ip: _extract_partition(ip[0], ip[1], target, extra)).compute()
    finally:
        if owned:
            client.close()
    results.sort(key=lambda r: r["shard"])
    seen: dict[str, str] = {}
    for result in results:
        for article_id in result["articles"]:
            if article_id in seen:
                raise LoadError(
                    f"duplicate article id {article_id!r}: in {seen[article_id]} and "
                    f"{result['shard']}",
                    path=str(paths[0]) if len(paths) == 1 else None,
                )
            seen[article_id] = result["shard"]
    manifest = {"schema": 2, "shards": results}
    _write_text(f"{target.rstrip('/')}/{MANIFEST}", json.dumps(manifest, ensure_ascii=False))
    return manifest


# ---------------------------------------------------------------------------
# Checks over the shards
# ---------------------------------------------------------------------------


def read_claims(out: str | Path) -> Iterator[Claim]:
    """Every claim of the shards in ``out``, in corpus order."""
    for shard in _manifest(str(out))["shards"]:
        yield from _read_shard(str(out), shard["shard"])


def _read_shard(out: str, name: str) -> list[Claim]:
    import fsspec

    with fsspec.open(f"{out.rstrip('/')}/{name}", "r", encoding="utf-8") as stream:
        return [claim_from_dict(json.loads(line)) for line in stream if line.strip()]


def claims_corpus(out: str | Path) -> Corpus:
    """The corpus of the shards in ``out``: every article, in corpus order, with its claims.

    The articles carry what the manifest says of them (path, title, outlet,
    publication date, language) and their claims, not their text: check
    files, baselines and reports read no more (a report quotes each claim's
    sentence).
    """
    target = str(out)
    shards = _manifest(target)["shards"]
    articles: list[Article] = []
    for shard in shards:
        claims: dict[str, list[Claim]] = {a: [] for a in shard["articles"]}
        for claim in _read_shard(target, shard["shard"]):
            claims[claim.article].append(claim)
        about = shard.get("about") or [{} for _ in shard["articles"]]  # schema 1: ids only
        for article_id, known in zip(shard["articles"], about, strict=True):
            articles.append(_claims_only(article_id, claims[article_id], known))
    from newsassert.corpus import Corpus

    return Corpus(tuple(articles))


def _claims_only(
    article_id: str, claims: Sequence[Claim], about: dict[str, Any] | None = None
) -> Article:
    """An article that carries only its claims: what the checks read of it."""
    import datetime as dt

    known = about or {}
    published = known.get("published")
    article = Article(
        id=article_id,
        text="",
        path=known.get("path"),
        title=known.get("title"),
        outlet=known.get("outlet"),
        published=dt.date.fromisoformat(published) if published else None,
        lang=known.get("lang") or "und",
    )
    object.__setattr__(article, "claims", tuple(claims))  # the cached property, filled
    return article


def _check_shard(out: str, shard: dict[str, Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    """The consistency results of a shard's articles, and its claims that agreement compares."""
    from newsassert.check.auto import builtin_checks

    by_article: dict[str, list[Claim]] = {a: [] for a in shard["articles"]}
    for claim in _read_shard(out, shard["shard"]):
        by_article[claim.article].append(claim)
    from newsassert.corpus import Corpus

    corpus = Corpus(tuple(_claims_only(a, cs) for a, cs in by_article.items()))
    consistency = [r for r in builtin_checks(corpus) if r.expect == "consistency"]
    compared = [c.to_dict() for cs in by_article.values() for c in cs if _compared(c)]
    return consistency, compared


def _compared(claim: Claim) -> bool:
    """Whether the built-in agreement checks look at ``claim`` (quantities with a unit, offices)."""
    from newsassert.check.consistency import CHECKED_SECTIONS
    from newsassert.compare import single_holder
    from newsassert.model import QuantityClaim, RoleClaim

    if claim.section not in CHECKED_SECTIONS:
        return False
    if isinstance(claim, QuantityClaim):
        return bool(claim.unit)
    return isinstance(claim, RoleClaim) and single_holder(claim.title)


def check_shards(out: str | Path, *, scheduler: Any = "local") -> list[CheckResult]:
    """The built-in checks of ``newsassert check`` over the claim shards in ``out``."""
    from newsassert.check.auto import builtin_checks
    from newsassert.corpus import Corpus

    target = str(out)
    shards = _manifest(target)["shards"]
    bag, client, owned = _bag_and_client(scheduler, shards)
    try:
        done = bag.map(lambda item: _check_shard(target, item[1])).compute()
    finally:
        if owned:
            client.close()
    results: list[CheckResult] = [r for consistency, _ in done for r in consistency]
    compared: dict[str, list[Claim]] = {}
    for _, records in done:
        for record in records:
            claim = claim_from_dict(record)
            compared.setdefault(claim.article, []).append(claim)
    corpus = Corpus(tuple(_claims_only(a, cs) for a, cs in compared.items()))
    results.extend(r for r in builtin_checks(corpus) if r.expect != "consistency")
    return results


# ---------------------------------------------------------------------------
# Dask plumbing
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def dask_client(scheduler: Any = "local") -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler``, closed after the block if opened here.

    ``"local"`` starts a cluster on this machine (one worker process per
    core); an address connects to a running scheduler; a client is used as
    it is. The command line extracts and checks on one client this way.
    """
    client, owned = _client(scheduler)
    try:
        yield client
    finally:
        if owned:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _bag_and_client(scheduler: Any, items: Sequence[Any]) -> tuple[Any, Any, bool]:
    """A bag of ``(index, item)`` pairs, one partition each, and the client that runs it."""
    client, owned = _client(scheduler)
    import dask.bag as db

    pairs = list(enumerate(items))
    bag = db.from_sequence(pairs, npartitions=max(1, len(pairs)))  # type: ignore[no-untyped-call]
    return bag, client, owned


def _client(scheduler: Any) -> tuple[Any, bool]:
    """The client for ``scheduler``, and whether it was opened here (to be closed here)."""
    try:
        import dask.bag  # noqa: F401
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(
            "the Dask engine needs the dask extra: pip install 'newsassert[dask]'"
        ) from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if scheduler == "local":
        from newsassert.parallel import available_cores

        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=available_cores(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), True  # type: ignore[no-untyped-call]
    return Client(str(scheduler)), True  # type: ignore[no-untyped-call]


def _manifest(out: str) -> dict[str, Any]:
    import fsspec

    try:
        with fsspec.open(f"{out.rstrip('/')}/{MANIFEST}", "r", encoding="utf-8") as stream:
            manifest: dict[str, Any] = json.load(stream)
    except FileNotFoundError:
        raise ConfigError(f"{out} has no {MANIFEST}: extract the claims there first") from None
    return manifest


def _makedirs(target: str) -> None:
    import fsspec

    fs, _, (root,) = fsspec.get_fs_token_paths(target)
    fs.makedirs(root, exist_ok=True)


def _write_text(url: str, text: str) -> None:
    import fsspec

    with fsspec.open(url, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text + "\n")
