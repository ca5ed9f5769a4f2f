"""Every Python block and every ``newsassert`` command in the docs runs here.

Python blocks of one page run in order in one namespace, from the project's
root (so ``seeds/`` is there); a ``test_*`` function a page defines is called
afterwards, so its assertions hold. A block written as an interactive session
(``>>>`` prompts) runs as a doctest: its printed output must match. In ``sh`` blocks, each line that starts
with ``newsassert`` is run; it must exit 0 (all checks hold) or 1 (a check
failed, which some examples show on purpose), never 2 (bad input or usage).
A block preceded by the comment ``<!-- no-run -->`` is left out.
"""

from __future__ import annotations

import doctest
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
BLOCK = regex.compile(
    r"(?P<skip><!--\s*no-run\s*-->\s*\n)?^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```",
    regex.M | regex.S,
)


def _blocks(page: Path, langs: tuple[str, ...]) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [
        m["body"] for m in BLOCK.finditer(text) if m["lang"] in langs and not m["skip"]
    ]


def _id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p, ("python",))], ids=_id)
def test_python_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    before = set(namespace)
    for number, block in enumerate(_blocks(page, ("python",)), 1):
        name = f"{_id(page)} (python block {number})"
        if block.lstrip().startswith(">>>"):
            _run_doctest(block, name, namespace)
            continue
        exec(compile(block, name, "exec"), namespace)
    for name, value in list(namespace.items()):
        if name.startswith("test_") and name not in before and callable(value):
            value()


def _run_doctest(block: str, name: str, namespace: dict[str, object]) -> None:
    test = doctest.DocTestParser().get_doctest(block, namespace, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    runner.run(test, out=out.append, clear_globs=False)
    assert runner.failures == 0, "".join(out)


def _commands(page: Path) -> list[str]:
    lines = []
    for block in _blocks(page, ("sh", "bash", "shell")):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            if line.startswith("newsassert "):
                lines.append(line)
    return lines


@pytest.mark.parametrize("page", [p for p in PAGES if _commands(p)], ids=_id)
def test_shell_commands_run(page: Path, tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "NEWSASSERT_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    # Commands run in a scratch folder that sees the project's folders, so a
    # report or baseline an example writes does not land in the repository.
    for entry in ("seeds", "docs", "tests", "benchmarks"):
        (tmp_path / entry).symlink_to(ROOT / entry)
    for command in _commands(page):
        argv = shlex.split(command.split(" #", 1)[0])
        done = subprocess.run(
            argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode in (0, 1), (
            f"{_id(page)}: `{command}` exited {done.returncode}\n{done.stderr[-2000:]}"
        )
        assert "Traceback" not in done.stderr, done.stderr
