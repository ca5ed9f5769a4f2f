"""The file formats newsassert reads, as the built-in ``newsassert_load_article`` plugin.

``.txt`` (the whole file), ``.md`` (after an optional front-matter block),
``.json`` (a record or a list of records) and ``.jsonl`` (a record a line);
see :mod:`newsassert.load` for the fields of a record.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

from newsassert.articles import make_article
from newsassert.decode import (
    BOMS,
    ReadSession,
    current_session,
    decode_file,
    file_size,
    read_bytes,
    read_text,
)
from newsassert.errors import LoadError
from newsassert.limits import check_article_size, check_file_size
from newsassert.model import LANGS, Article
from newsassert.plugins.hookspecs import hookimpl

__all__ = ["FORMATS", "newsassert_load_article"]


FORMATS = (".txt", ".md", ".json", ".jsonl")


@hookimpl(trylast=True)
def newsassert_load_article(path: Path) -> Sequence[Article] | None:
    """newsassert's own loader: ``.txt``, ``.md``, ``.json`` and ``.jsonl``."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        # One article a file: a file too big for any article under the limit
        # is refused before it is read.
        check_file_size(file_size(path), path=str(path))
    if suffix == ".txt":
        return [make_article(read_text(path), id=path.stem, path=str(path))]
    if suffix == ".md":
        return [_load_markdown(path)]
    if suffix == ".json":
        return _load_json(path)
    if suffix == ".jsonl":
        return _load_jsonl(path)
    return None


_FRONT_MATTER_FENCE = regex.compile(r"---[ \t]*(?:\r\n|\n|\r)")


# The value is stripped in Python: a lazy ".*?" before "\s*" at the end would
# backtrack quadratically over a long run of spaces.
_FRONT_MATTER_LINE = regex.compile(r"\s*(?P<key>[A-Za-z_][\w-]*)\s*:(?P<value>.*)", regex.DOTALL)


_FRONT_MATTER_END = regex.compile(r"^---[ \t]*$(?:\r\n|\n|\r)?", regex.MULTILINE)


def _load_markdown(path: Path) -> Article:
    text = read_text(path)
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    fence = _FRONT_MATTER_FENCE.match(text)
    if fence is not None:
        end = _FRONT_MATTER_END.search(text, fence.end())
        if end is None:
            raise LoadError(
                "the front matter opened by '---' on line 1 is never closed", path=str(path), line=1
            )
        block = text[: end.start()].splitlines()[1:]
        items: list[str] | None = None  # the list the last `key:` with no value opened
        for number, line in enumerate(block, 2):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            item = _FRONT_MATTER_ITEM.fullmatch(line)
            if item is not None and items is not None:
                # YAML's block list, as Hugo and Jekyll write tags: and categories:
                items.append(_unquote(item["value"].strip()))
                continue
            match = _FRONT_MATTER_LINE.fullmatch(line)
            if match is None:
                raise LoadError(
                    f"front matter lines are 'key: value' (got {line.strip()[:40]!r})",
                    path=str(path),
                    line=number,
                )
            name, value = match["key"].lower(), match["value"].strip()
            if name in lines:
                raise LoadError(
                    f"the front matter gives {name!r} twice (also on line {lines[name]})",
                    path=str(path),
                    line=number,
                )
            lines[name] = number
            if not value:
                items = lists[name] = []
                continue
            items = None
            inline = _FRONT_MATTER_LIST.fullmatch(value)
            if inline is not None:
                # A flow list: tags: [flood, "Basra, Iraq"]
                lists[name] = [
                    _unquote(v.strip()) for v in _split_flow(inline["items"]) if v.strip()
                ]
                continue
            fields[name] = _unquote(value)
        for name, values in lists.items():
            # Kept as the JSON list a .json record gives; meta.<name> matches any item.
            fields[name] = json.dumps(values, ensure_ascii=False) if values else ""
        text = text[end.end() :]
    return _article_from_fields(
        text, fields, default_id=path.stem, path=str(path), line=None, lines=lines
    )


# "- item" under a "key:" line with no value (a YAML block list).
_FRONT_MATTER_ITEM = regex.compile(r"\s*-\s+(?P<value>.*)", regex.DOTALL)


# "[a, b]" as a whole value (a YAML flow list).
_FRONT_MATTER_LIST = regex.compile(r"\[(?P<items>.*)\]", regex.DOTALL)


# A comma outside double or single quotes.
_FLOW_ITEM = regex.compile(r"""(?:"[^"]*"|'[^']*'|[^,])+""")


def _split_flow(items: str) -> list[str]:
    return [m.group() for m in _FLOW_ITEM.finditer(items)]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _load_json(path: Path) -> list[Article]:
    data = _parse_json(read_text(path), path)
    records = data if isinstance(data, list) else [data]
    single = not isinstance(data, list)
    articles = []
    session = current_session()
    first: dict[str, int] = {}  # id -> the record that has it
    for n, record in enumerate(records, 1):
        default = path.stem if single else f"{path.stem}:{n}"
        try:
            article = _article_from_record(record, default, path, record_no=None if single else n)
            if article.id in first:
                raise LoadError(
                    f"record {n}: duplicate article id {article.id!r}: also record {first[article.id]}",
                    path=str(path),
                )
            first[article.id] = n
            articles.append(article)
        except LoadError as error:
            if single or not session.skip(error):
                raise
    return articles


def _parse_json(text: str, path: Path, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"not valid JSON: {exc.msg}",
            path=str(path),
            line=exc.lineno if line is None else line,
            column=exc.colno,
        ) from None
    except RecursionError:
        # The parser recurses once per level of nesting: a record nested a
        # thousand levels deep is not an article, and must not crash the run.
        raise LoadError(
            "not valid JSON: arrays or objects nest too deeply", path=str(path), line=line
        ) from None


def _load_jsonl(path: Path) -> list[Article]:
    session = current_session()
    articles = []
    first: dict[str, int] = {}  # id -> the line that has it
    for number, line in _jsonl_lines(path, session):
        if not line.strip():
            continue
        try:
            record = _parse_json(line, path, line=number)
            article = _article_from_record(record, f"{path.stem}:{number}", path, line=number)
            if article.id in first:
                raise LoadError(
                    f"duplicate article id {article.id!r}: also on line {first[article.id]}",
                    path=str(path),
                    line=number,
                )
            first[article.id] = number
            articles.append(article)
        except LoadError as error:
            if not session.skip(error):
                raise
    return articles


def _jsonl_lines(path: Path, session: ReadSession) -> Iterator[tuple[int, str]]:
    """The numbered lines of a JSON Lines file.

    Split on "\n" only: U+2028 and friends may stand raw inside JSON strings.
    When bad records are skipped, a line of invalid UTF-8 is one bad record,
    not a bad file.
    """
    data = read_bytes(path)
    try:
        yield from enumerate(decode_file(data, path).split("\n"), 1)
        return
    except LoadError:
        if not session.skip_bad or any(data.startswith(bom) for bom, _ in BOMS[1:]):
            raise
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            session.skip(
                LoadError(
                    f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})", path=str(path), line=number
                )
            )


_RECORD_FIELDS = (
    "id",
    "text",
    "title",
    "outlet",
    "published",
    "lang",
    "path",
    "other_dates",
    "meta",
)


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _article_from_record(
    record: Any,
    default_id: str,
    path: Path,
    *,
    line: int | None = None,
    record_no: int | None = None,
) -> Article:
    where = f"record {record_no}: " if record_no is not None else ""

    def fail(message: str) -> LoadError:
        return LoadError(where + message, path=str(path), line=line)

    if not isinstance(record, dict):
        raise fail(f"a record must be a JSON object (got {type(record).__name__})")
    text = record.get("text")
    if not isinstance(text, str):
        raise fail("a record needs a 'text' string")
    fields: dict[str, str] = {}
    for name in ("id", "title", "outlet", "published", "lang"):
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, (int, float)) and name == "id" and not isinstance(value, bool):
            if value != value or value in (float("inf"), float("-inf")):
                raise fail(f"'id' must be a string or a finite number (got {value!r})")
            value = str(value)
        if not isinstance(value, str):
            raise fail(f"'{name}' must be a string (got {value!r})")
        fields[name] = value
    source = record.get("path")
    if source is not None and not isinstance(source, str):
        raise fail(f"'path' must be a string (got {source!r})")
    meta = record.get("meta", {})
    if not isinstance(meta, dict):
        raise fail(f"'meta' must be an object (got {meta!r})")
    extra = {k: v for k, v in record.items() if k not in _RECORD_FIELDS}
    for name, value in {**meta, **extra}.items():
        fields[f"meta:{name}"] = (
            value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        )
    other_dates = record.get("other_dates")
    if other_dates is not None and not (
        isinstance(other_dates, list) and all(isinstance(d, str) for d in other_dates)
    ):
        raise fail("'other_dates' must be a list of YYYY-MM-DD strings")
    for value in (text, source or "", *fields.values()):
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            raise fail(
                f"a lone surrogate \\u{ord(surrogate.group()):04x} is not text (column {surrogate.start() + 1} of that string)"
            )
    return _article_from_fields(
        text,
        fields,
        default_id=default_id,
        path=source or str(path),
        line=line,
        other_dates=None
        if other_dates is None
        else [_date(d, path, line, where) for d in other_dates],
        error_prefix=where,
    )


def _article_from_fields(
    text: str,
    fields: Mapping[str, str],
    *,
    default_id: str,
    path: str,
    line: int | None,
    other_dates: Sequence[dt.date] | None = None,
    error_prefix: str = "",
    lines: Mapping[str, int] | None = None,
) -> Article:
    """An article from its text and fields; ``lines`` says where each field was written."""
    check_article_size(len(text), path=path, line=line, prefix=error_prefix)
    rest = dict(fields)
    where = dict(lines or {})

    def take(*names: str) -> str | None:
        values = [rest.pop(name) for name in names if name in rest]
        return next((v for v in values if v is not None), None)

    lang = take("lang")
    if lang is not None and lang not in LANGS:
        raise LoadError(
            f"{error_prefix}'lang' must be one of {', '.join(LANGS)} (got {lang!r})",
            path=path,
            line=where.get("lang", line),
        )
    date_key = "published" if "published" in rest else "date"
    published = take("published", "date")
    return make_article(
        text,
        id=take("id") or default_id,
        path=path,
        title=take("title"),
        outlet=take("outlet", "source"),
        published=_date(published, Path(path), where.get(date_key, line), error_prefix)
        if published
        else None,
        lang=lang,
        meta=tuple((k.removeprefix("meta:"), v) for k, v in rest.items()),
        other_dates=other_dates,
    )


def _date(value: str, path: Path, line: int | None, prefix: str = "") -> dt.date:
    value_ = value.strip()
    try:
        if len(value_) > 10:
            # A date and time: the whole of it must be one (not 2024-01-01T25:99:99garbage).
            dt.datetime.fromisoformat(value_)
        return dt.date.fromisoformat(value_[:10])
    except ValueError:
        raise LoadError(
            f"{prefix}a date must be written YYYY-MM-DD (got {value!r})", path=str(path), line=line
        ) from None
