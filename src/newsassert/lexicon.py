"""The vocabulary newsassert knows: units, roles, places, organizations, people.

Entries come from plugins through the ``newsassert_lexicon`` hook (the
built-in data files are one such plugin) and from users' alias files. Lookups
go through :func:`newsassert.normalize.key`, so spelling variants (hamza forms,
``ة``/``ه``, case, diacritics) find the same entry.

An alias file is TOML, one table per kind, mapping a canonical name to its
other spellings::

    [place]
    Iraq = ["Irak", "بلاد الرافدين"]

    [person]
    "Mohammed Shia al-Sudani" = ["محمد شياع السوداني", "Al-Sudani"]

or a table with the spellings and the country the entry belongs to (a head of
state or government, an organization)::

    [person]
    "Recep Tayyip Erdoğan" = { forms = ["رجب طيب أردوغان", "أردوغان"], country = "Türkiye" }
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsassert._files import read_regular
from newsassert.errors import AliasError
from newsassert.limits import MAX_CONFIG_BYTES
from newsassert.model import LEXICON_KINDS, Lexicon, LexiconEntry, form_key
from newsassert.plugins import on_change, plugin_manager
from newsassert.plugins.hookspecs import hookimpl
from newsassert.text.data import has_data, read_data

__all__ = [
    "LEXICON_KINDS",
    "Lexicon",
    "LexiconEntry",
    "default_lexicon",
    "form_key",
    "load_aliases",
]

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def load_aliases(path: str | Path) -> tuple[LexiconEntry, ...]:
    """Read an alias file (TOML: ``[kind]`` tables of canonical = [spellings])."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasError(f"cannot read the alias file: {_reason(exc)}", path=str(path)) from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_POSITION.search(str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        message = _TOML_POSITION.sub("", str(exc)).strip()
        raise AliasError(
            f"not valid TOML: {message}", path=str(path), line=line, column=column
        ) from None
    except RecursionError:
        # tomllib recurses once per nested array or table.
        raise AliasError("not valid TOML: values nest too deeply", path=str(path)) from None
    entries: list[LexiconEntry] = []
    owners: dict[tuple[str, str], str] = {}  # (kind, spelling folded) -> its name
    for kind, table in data.items():
        if kind not in LEXICON_KINDS:
            raise AliasError(
                f"unknown table [{kind}]; the tables are: {', '.join(LEXICON_KINDS)}",
                path=str(path),
                line=_line_of(raw, f"[{kind}]"),
            )
        if not isinstance(table, dict):
            raise AliasError(f"'{kind}' must be a table", path=str(path), line=_line_of(raw, kind))
        for canonical, spellings in table.items():
            country = None
            if isinstance(spellings, dict):
                # "Recep Tayyip Erdoğan" = { forms = ["أردوغان"], country = "Türkiye" }
                extra = sorted(set(spellings) - {"forms", "country"})
                country = spellings.get("country")
                if extra or not isinstance(country, (str, type(None))):
                    raise AliasError(
                        f"the table of {canonical!r} in [{kind}] takes 'forms' (a list of "
                        f"strings) and 'country' (a string) only (got {spellings!r})",
                        path=str(path),
                        line=_line_of(raw, canonical),
                    )
                spellings = spellings.get("forms", [])
            if isinstance(spellings, str):
                spellings = [spellings]
            if not isinstance(spellings, list) or not all(isinstance(s, str) for s in spellings):
                raise AliasError(
                    f"the spellings of {canonical!r} in [{kind}] must be a list of strings",
                    path=str(path),
                    line=_line_of(raw, canonical),
                )
            if not canonical.strip() or any(not s.strip() for s in spellings):
                raise AliasError(
                    f"a name in [{kind}] and each of its spellings must be some text "
                    f"(got {canonical!r} = {spellings!r})",
                    path=str(path),
                    line=_line_of(raw, f"{canonical} =") or _line_of(raw, kind),
                )
            for spelling in (canonical, *spellings):
                folded = " ".join(spelling.casefold().split())
                other = owners.setdefault((kind, folded), canonical)
                if other != canonical:
                    raise AliasError(
                        f"the spelling {spelling!r} in [{kind}] names both {other!r} and "
                        f"{canonical!r}",
                        path=str(path),
                        line=_line_of(raw, canonical),
                    )
            entries.append(LexiconEntry(kind, canonical, tuple(spellings), country))
    return tuple(entries)


def _line_of(raw: str, needle: str) -> int | None:
    for number, line in enumerate(raw.splitlines(), 1):
        if needle in line:
            return number
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


# ---------------------------------------------------------------------------
# The built-in lexicon plugin: newsassert's own data files.
# ---------------------------------------------------------------------------


def entries_from_data(data: Mapping[str, Any]) -> list[LexiconEntry]:
    """Entries from a data table: ``{kind: [{canonical, forms, country?, ...}]}``."""
    out: list[LexiconEntry] = []
    for kind, items in data.items():
        if kind not in LEXICON_KINDS:
            continue  # a generated file's provenance (generated_by, cldr_version, ...)
        for item in items:
            extra = tuple(
                (k, str(v)) for k, v in item.items() if k not in ("canonical", "forms", "country")
            )
            out.append(
                LexiconEntry(
                    kind,
                    item["canonical"],
                    tuple(item.get("forms", ())),
                    item.get("country"),
                    extra,
                )
            )
    return out


BUILTIN_DATA_FILES = (
    "units.toml",
    "currencies.toml",
    "roles.toml",
    "places.json",
    "cities.toml",
    "orgs.toml",
    "leaders.toml",
)


class BuiltinLexicon:
    """newsassert's own vocabulary, registered as a plugin like any other."""

    @hookimpl
    def newsassert_lexicon(self) -> list[LexiconEntry]:
        entries: list[LexiconEntry] = []
        for name in BUILTIN_DATA_FILES:
            if has_data(name):
                entries.extend(entries_from_data(read_data(name)))
        return entries


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon of every registered plugin (cached; cleared when plugins change)."""
    results = plugin_manager().hook.newsassert_lexicon()
    entries: list[LexiconEntry] = []
    # pluggy calls the last registered plugin first; reverse so that later
    # plugins' forms overwrite the built-in ones in the index.
    for result in reversed(results):
        entries.extend(result or ())
    return Lexicon(entries)


on_change(default_lexicon.cache_clear)
