"""The package's imports form no circle: each module stands above what it imports.

Every import counts, at the top of a module, inside a function, or under
``if TYPE_CHECKING:``: a reader follows any of them, and a circle of them
is a tangle of stages however late the import runs. The lowest layers
(``errors``, ``model``, ``text``) import no stage; ``newsassert.selection``
and ``newsassert.corpus`` are the front door above ``query`` and ``check``
(docs/concepts/pipeline.md, "Where each stage lives").
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsassert"

# Circles known and left to their module's owner, each with why. An entry
# that no longer ties a circle fails the test, so the list only shrinks.
KNOWN_CIRCLES: dict[frozenset[str], str] = {}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["newsassert", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported(name: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """The package's modules that ``name`` imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (
                (base + "." + node.module if node.module else base) if node.level else node.module
            )
            targets = [f"{target}.{alias.name}" for alias in node.names] + [target or ""]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target
                break


def _circles() -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    modules = _modules()
    edges = {m: sorted(set(_imported(m, p, modules))) for m, p in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_the_imports_form_no_circle() -> None:
    new = [sorted(c) for c in _circles() if c not in KNOWN_CIRCLES]
    assert not new, f"modules that import each other (function-level imports too): {new}"


def test_every_known_circle_is_still_there() -> None:
    circles = _circles()
    gone = [sorted(c) for c in KNOWN_CIRCLES if c not in circles]
    assert not gone, f"{gone} no longer import each other: drop them from KNOWN_CIRCLES"


def test_the_old_place_of_selection_hands_its_names_on_with_a_warning() -> None:
    import warnings

    import newsassert.query.selection as old
    import newsassert.selection as new

    for name in old.__all__:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert getattr(old, name) is getattr(new, name)
        assert [w.category for w in caught] == [DeprecationWarning]
        assert f"newsassert.selection.{name}" in str(caught[0].message)
    assert set(old.__all__) <= set(dir(old))


def test_no_module_imports_the_old_place_of_selection() -> None:
    modules = _modules()
    users = [
        m for m, p in modules.items() if "newsassert.query.selection" in _imported(m, p, modules)
    ]
    assert not users, f"{users} import newsassert.query.selection: import newsassert.selection"


# A module longer than this holds more than one job: split it by job (see
# docs/concepts/pipeline.md, "Where each stage lives"); 600 is the aim.
MOST_LINES = 800


def test_no_module_is_over_800_lines() -> None:
    long = {
        name: lines
        for name, path in _modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert not long, f"modules over {MOST_LINES} lines: {long}"


def test_the_pytest_plugin_is_named_apart_from_the_plugin_manager() -> None:
    modules = _modules()
    # pytest's plugin: the package of the pytest11 entry point; newsassert's
    # own plugins: the pluggy manager and its hookspecs.
    assert {"newsassert.pytest_plugin", "newsassert.pytest_plugin.hooks"} <= set(modules)
    assert {"newsassert.plugins._manager", "newsassert.plugins.hookspecs"} <= set(modules)
    # The old package is one deprecated module that hands the new ones on.
    old = [m for m in modules if m == "newsassert.plugin" or m.startswith("newsassert.plugin.")]
    assert old == ["newsassert.plugin"]
    users = [m for m, p in modules.items() if "newsassert.plugin" in _imported(m, p, modules)]
    assert not users, f"{users} import newsassert.plugin: import newsassert.pytest_plugin"


def test_the_old_place_of_the_pytest_plugin_hands_its_modules_on_with_a_warning() -> None:
    import subprocess
    import sys

    probe = (
        "import warnings; warnings.simplefilter('error', DeprecationWarning)\n"
        "try:\n    import newsassert.plugin\nexcept DeprecationWarning as w:\n    print(w)\n"
        "warnings.simplefilter('ignore', DeprecationWarning)\n"
        "import newsassert.plugin.options as old, newsassert.pytest_plugin.options as new\n"
        "from newsassert.plugin import state\n"
        "import newsassert.pytest_plugin.state as new_state\n"
        "print(old is new, state is new_state)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "newsassert.plugin is deprecated: import newsassert.pytest_plugin instead",
        "True True",
    ]
