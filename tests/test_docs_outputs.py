"""What the docs show a command or a Python block printing is what it prints.

A ```text block that follows a ```python block (nothing but blank lines
between) shows that block's output; one that follows a ```sh block of ``newsassert``
commands shows the last command's output (stdout, or stderr when it printed
nothing else), the commands before it run first in the same folder. Both are run here and compared:

- a shown output without ``…`` must be the printed output, line for line
  (trailing spaces aside);
- ``…`` marks an elision: a line that is only ``…`` skips printed lines, and
  ``…`` inside a line stands for any text (a path, a size); the shown lines
  must then appear in the printed output in order.

``NEWSASSERT_DOCS_REGENERATE=1`` rewrites the shown outputs without ``…``
from what was printed, for a change that alters them all.
"""

from __future__ import annotations

import contextlib
import io
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
    r"(?P<skip><!--\s*no-run\s*-->\s*\n)?^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$",
    regex.M | regex.S,
)
REGENERATE = os.environ.get("NEWSASSERT_DOCS_REGENERATE") == "1"


def _pairs(page: Path) -> list[tuple[int, str, str, regex.Match[str]]]:
    """(index of the block run, its kind, its body, the text block) for each shown output."""
    text = page.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    pairs = []
    for i, block in enumerate(blocks[1:], 1):
        before = blocks[i - 1]
        if block["lang"] != "text" or before["skip"] or text[before.end() : block.start()].strip():
            continue
        if before["lang"] == "python" and not before["body"].lstrip().startswith(">>>"):
            pairs.append((i - 1, "python", before["body"], block))
        elif before["lang"] in ("sh", "bash", "shell"):
            commands = [
                line.strip()
                for line in before["body"].splitlines()
                if line.strip().startswith("newsassert ")
            ]
            if commands:
                pairs.append((i - 1, "sh", "\n".join(commands), block))
    return pairs


def agrees(shown: str, printed: str) -> bool:
    want = [line.rstrip() for line in shown.rstrip("\n").splitlines()]
    got = [line.rstrip() for line in printed.rstrip("\n").splitlines()]
    if not any("…" in line for line in want):
        return want == got
    at = 0
    for line in want:
        if line.strip() == "…":
            continue
        pattern = regex.compile(".*".join(regex.escape(p) for p in line.split("…")))
        while at < len(got) and not pattern.fullmatch(got[at]):
            at += 1
        if at == len(got):
            return False
        at += 1
    return True


def _python_outputs(page: Path) -> dict[int, str]:
    """Every Python block of the page run in order in one namespace, with what each printed."""
    text = page.read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    printed = {}
    for i, block in enumerate(BLOCK.finditer(text)):
        if block["lang"] != "python" or block["skip"] or block["body"].lstrip().startswith(">>>"):
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block["body"], f"{page.name} block {i}", "exec"), namespace)
        printed[i] = out.getvalue()
    return printed


def _run(command: str, scratch: Path) -> str:
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "NEWSASSERT_CACHE_DIR": ".newsassert_cache",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    done = subprocess.run(
        shlex.split(command.split(" #", 1)[0]),
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout if done.stdout.strip() else done.stderr


def _id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", [p for p in PAGES if _pairs(p)], ids=_id)
def test_shown_outputs_are_printed(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    pairs = _pairs(page)
    python = _python_outputs(page) if any(kind == "python" for _, kind, _, _ in pairs) else {}
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for entry in ("seeds", "docs", "tests", "benchmarks"):
        (scratch / entry).symlink_to(ROOT / entry)
    wrong = []
    replacements = []
    for index, kind, body, shown in pairs:
        if kind == "python":
            printed = python.get(index, "")
        else:
            *first, last = body.splitlines()
            for command in first:
                _run(command, scratch)
            printed = _run(last, scratch)
        if not agrees(shown["body"], printed):
            what = f"block {index + 1}" if kind == "python" else f"`{body.splitlines()[-1]}`"
            wrong.append(
                f"{_id(page)}, after {what}:\n--- shown\n{shown['body']}--- printed\n{printed}"
            )
            if "…" not in shown["body"]:
                replacements.append((shown.span("body"), printed.rstrip("\n") + "\n"))
    if REGENERATE and replacements:
        text = page.read_text(encoding="utf-8")
        for (start, end), new in sorted(replacements, reverse=True):
            text = text[:start] + new + text[end:]
        page.write_text(text, encoding="utf-8")
    assert not wrong, "\n\n".join(wrong)


def test_an_elision_is_no_wildcard_for_everything() -> None:
    printed = "a\nb 12 bytes\nc\n"
    assert agrees("a\nb 12 bytes\nc\n", printed)
    assert agrees("a\n…\nc\n", printed)
    assert agrees("b … bytes\n", printed)
    assert not agrees("a\nc\n", printed)  # no …: line for line
    assert not agrees("c\n…\na\n", printed)  # in order
    assert not agrees("b … files\n", printed)
