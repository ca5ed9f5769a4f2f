"""Generate ``docs/reference/api.md``: every name in ``newsassert.__all__``.

Run from the project's root after changing the public API or its docstrings::

    python scripts/gen_api_docs.py           # rewrite docs/reference/api.md
    python scripts/gen_api_docs.py --check   # exit 1 when the page is out of date

Each name gets a heading, its signature, and the first paragraph of its
docstring; a class also lists its fields (attrs classes), its properties and
its public methods, each with the first paragraph of its own docstring. The
page is grouped by pipeline stage (:data:`GROUPS`); a public name no group
lists still gets a section, under "Other", so nothing public goes unlisted.
``tests/test_api_docs.py`` fails when a public name has no docstring or no
section on the committed page.

reStructuredText roles (``:class:`Corpus```) become plain code spans, so the
page reads the same as ``help()`` without Sphinx.
"""

from __future__ import annotations

import argparse
import enum
import functools
import inspect
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

import newsassert

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reference" / "api.md"

# Sections of the page, in pipeline order; each lists names of newsassert.__all__.
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Loading a corpus",
        "Read files, folders and globs into articles; see "
        "[Loading and segments](../concepts/loading-and-segments.md).",
        ("load", "make_article", "Corpus", "Article", "Segment"),
    ),
    (
        "Claims",
        "What the extractors find; the JSON Lines form of each kind is in [Claims](claims.md).",
        ("extract", "Claim", "QuantityClaim", "DateClaim", "MentionClaim", "RoleClaim"),
    ),
    (
        "Queries and selections",
        "The language is described in [Query language](query.md).",
        ("compile_query", "Query", "Selection"),
    ),
    (
        "Verdicts",
        "What a check returns; the semantics are in [Checks](../concepts/checks.md).",
        ("Verdict", "Evidence"),
    ),
    (
        "Names",
        "Cross-script name matching.",
        ("names_match", "name_key"),
    ),
    (
        "Vocabulary",
        "Units, roles, places, organizations and people; alias files are "
        "described in [Alias files](aliases.md).",
        ("Lexicon", "LexiconEntry"),
    ),
    (
        "Plugins",
        "See [Writing a plugin](../guide/plugins.md).",
        ("hookimpl", "plugin_manager"),
    ),
    (
        "Errors",
        "Every error newsassert raises on purpose is a `NewsAssertError`; its "
        "message is one sentence naming the file, line and column, or the query "
        "position.",
        (
            "NewsAssertError",
            "LoadError",
            "QueryError",
            "AliasError",
            "CheckFileError",
            "ConfigError",
            "PluginError",
        ),
    ),
)

# Special methods worth a line, shown as the expression that calls them.
DUNDERS = {
    "__len__": "len({x})",
    "__iter__": "iter({x})",
    "__getitem__": "{x}[key]",
    "__bool__": "bool({x})",
    "__repr__": "repr({x})",
}

_RST_ROLE = re.compile(
    r"""
    :(?:class|func|meth|data|attr|mod|exc|obj):   # a Sphinx role such as :class:
    `~?(?P<target>[^`]+)`                          # its target, maybe with ~
    """,
    re.X,
)
_DOUBLE_BACKTICK = re.compile(r"``(?P<code>[^`]+)``")


def _markdown(text: str) -> str:
    """Docstring prose (reStructuredText) as Markdown."""
    text = _RST_ROLE.sub(lambda m: f"`{m['target'].rsplit('.', 1)[-1]}`", text)
    text = _DOUBLE_BACKTICK.sub(lambda m: f"`{m['code']}`", text)
    return text


def _summary(obj: object) -> str:
    """The first paragraph of an object's own docstring, as one Markdown line."""
    doc = inspect.getdoc(obj) or ""
    first = doc.split("\n\n", 1)[0].strip()
    # A paragraph that introduces a literal block ends with "::"; keep one colon.
    first = first.removesuffix("::") + (":" if first.endswith("::") else "")
    return _markdown(" ".join(first.split()))


def own_docstring(obj: object) -> str | None:
    """The docstring written for ``obj`` itself, not one inherited from a base."""
    doc = obj.__doc__ if isinstance(obj, type) else getattr(obj, "__doc__", None)
    if isinstance(obj, type):
        doc = obj.__dict__.get("__doc__")
    return doc if isinstance(doc, str) and doc.strip() else None


def _signature(name: str, obj: Any) -> str | None:
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    params = _parameters(sig)
    returns = ""
    if not isinstance(obj, type) and sig.return_annotation is not inspect.Signature.empty:
        returns = " -> " + _annotation(sig.return_annotation)
    one_line = f"{name}({', '.join(params)}){returns}"
    if len(one_line) <= 88:
        return one_line
    body = "".join(f"    {p},\n" for p in params)
    return f"{name}(\n{body}){returns}"


def _class_members(cls: type) -> Iterator[tuple[str, str, str]]:
    """(kind, display, summary) for a class's own public members, in source order."""
    for name, member in vars(cls).items():
        if name in DUNDERS:
            if _hand_written(member) and (own_docstring(member) or name in ("__bool__", "__len__")):
                yield "method", DUNDERS[name].format(x=_instance_name(cls)), _summary(member)
            continue
        if name.startswith("_"):
            continue
        if isinstance(member, property | functools.cached_property):
            yield "property", f"{name}", _summary(member)
        elif isinstance(member, classmethod | staticmethod):
            func = member.__func__
            yield (
                "method",
                _method_signature(
                    f"{cls.__name__}.{name}", func, drop=1 if isinstance(member, classmethod) else 0
                ),
                _summary(func),
            )
        elif inspect.isfunction(member):
            yield "method", _method_signature(f".{name}", member, drop=1), _summary(member)


def _method_signature(name: str, func: Callable[..., Any], drop: int) -> str:
    sig = inspect.signature(func)
    params = _parameters(sig)[drop:]
    ann = sig.return_annotation
    returns = "" if ann is inspect.Signature.empty else f" -> {_annotation(ann)}"
    return f"{name}({', '.join(params)}){returns}"


def _annotation(ann: Any) -> str:
    # Under `from __future__ import annotations` an annotation is already its source text.
    return ann if isinstance(ann, str) else inspect.formatannotation(ann)


STARS: dict[inspect._ParameterKind, str] = {
    inspect.Parameter.VAR_POSITIONAL: "*",
    inspect.Parameter.VAR_KEYWORD: "**",
}


def _parameters(sig: inspect.Signature) -> list[str]:
    """Each parameter as written in source: name, annotation, default (strings quoted)."""
    out: list[str] = []
    star_done = False
    for param in sig.parameters.values():
        if param.kind is param.KEYWORD_ONLY and not star_done:
            out.append("*")
            star_done = True
        if param.kind is param.VAR_POSITIONAL:
            star_done = True
        prefix = STARS.get(param.kind, "")
        text = prefix + param.name
        if param.annotation is not inspect.Parameter.empty:
            text += f": {_annotation(param.annotation)}"
        if param.default is not inspect.Parameter.empty:
            text += f" = {param.default!r}"
        out.append(text)
    return out


def _hand_written(member: object) -> bool:
    # attrs generates __repr__, __eq__ … with this docstring; they say nothing new.
    return not (getattr(member, "__doc__", None) or "").startswith("Method generated by attrs")


def _instance_name(cls: type) -> str:
    return cls.__name__.lower()


def _fields(cls: type) -> list[str]:
    if not attrs.has(cls):
        return []
    own = cls.__dict__.get("__attrs_attrs__", ())
    inherited = {a.name for base in cls.__mro__[1:] if attrs.has(base) for a in attrs.fields(base)}
    rows = []
    for field in own:
        if field.name.startswith("_") or field.name in inherited:
            continue
        kind = field.type if isinstance(field.type, str) else inspect.formatannotation(field.type)
        rows.append(f"`{field.name}: {kind.replace(chr(39), '')}`")
    return rows


def _section(name: str) -> list[str]:
    obj = getattr(newsassert, name)
    lines = [f"### `{name}`", ""]
    if name == "__version__":
        lines += [f"The installed version, a string (`{obj}`).", ""]
        return lines
    kind = "class" if isinstance(obj, type) else "function"
    if isinstance(obj, type) and issubclass(obj, BaseException):
        kind = "exception"
    if isinstance(obj, enum.Enum) or not callable(obj):
        kind = "value"
    elif (
        not isinstance(obj, type)
        and not inspect.isfunction(obj)
        and not hasattr(obj, "__wrapped__")
    ):
        kind = f"`{type(obj).__name__}` instance"
    signature = _signature(name, obj)
    if signature:
        lines += ["<!-- no-run -->", "```python", signature, "```", ""]
    lines += [f"*{kind}*{f' ({_bases(obj)})' if kind == 'exception' else ''}. {_summary(obj)}", ""]
    if isinstance(obj, type):
        fields = _fields(obj)
        if fields:
            lines += ["Fields: " + ", ".join(fields) + ".", ""]
        if hasattr(obj, "kind") and isinstance(vars(obj).get("kind"), str):
            lines += [f'Its `kind` is `"{obj.kind}"`.', ""]
        members = list(_class_members(obj))
        for member_kind, display, summary in members:
            label = "property " if member_kind == "property" else ""
            lines.append(f"- {label}`{display}`" + (f": {summary}" if summary else ""))
        if members:
            lines.append("")
    return lines


def _bases(cls: type) -> str:
    # Name the nearest public ancestor, not a private helper base such as _FileError.
    public = next(b for b in cls.__mro__[1:] if not b.__name__.startswith("_"))
    return f"a subclass of `{public.__name__}`"


def render() -> str:
    """The whole page."""
    public = list(newsassert.__all__)
    grouped = {n for _, _, names in GROUPS for n in names}
    others = [n for n in public if n not in grouped]
    out = [
        "# Python API",
        "",
        "<!-- Generated by scripts/gen_api_docs.py from the docstrings; do not edit by hand. -->",
        "",
        "Everything below is importable from `newsassert` (it is `newsassert.__all__`).",
        "Values are frozen [attrs](https://www.attrs.org/) classes: change one with "
        "`attrs.evolve`. Offsets are character offsets into an article's original text, "
        "end exclusive.",
        "",
        "```python",
        "import newsassert",
        "",
        'corpus = newsassert.load("seeds/")',
        'troops = corpus.query("quantity where unit = soldier and place = Syria")',
        "assert troops.agree()",
        "```",
        "",
    ]
    for title, intro, names in GROUPS:
        present = [n for n in names if n in public]
        if not present:
            continue
        out += [f"## {title}", "", intro, ""]
        for name in present:
            out += _section(name)
    if others:
        out += ["## Other", ""]
        for name in others:
            out += _section(name)
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != text:
            print(f"{PAGE.relative_to(ROOT)} is out of date: run scripts/gen_api_docs.py")
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
