"""The Python API page is built from the docstrings, and lists every public name.

``docs/reference/api.md`` holds a ``::: newsassert.<name>`` directive per
public name; mkdocstrings renders each from the code when the site is built,
so the page cannot fall behind a signature. A name added to
``newsassert.__all__`` without a directive, or without a docstring, fails here;
the last test builds the site and reads the rendered page.
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsassert

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reference" / "api.md"
NAMES = [n for n in newsassert.__all__ if n != "__version__"]


@pytest.mark.parametrize("name", NAMES)
def test_public_name_is_on_the_api_page(name: str) -> None:
    assert f"::: newsassert.{name}\n" in PAGE.read_text(encoding="utf-8"), (
        f"newsassert.{name} has no '::: newsassert.{name}' in docs/reference/api.md"
    )


@pytest.mark.parametrize("name", NAMES)
def test_public_name_has_its_own_docstring(name: str) -> None:
    value = getattr(newsassert, name)
    own = value.__dict__.get("__doc__") if inspect.isclass(value) else value.__doc__
    assert isinstance(own, str) and own.strip(), f"newsassert.{name} has no docstring"


def test_the_docs_build_renders_the_api_page_from_the_code(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocstrings_handlers") is None:
        pytest.skip("the docs extra is not installed (pip install -e '.[docs]')")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    page = (site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        assert f'id="newsassert.{name}"' in page, f"newsassert.{name} is not rendered"
    # Rendered from the signature in the code: a keyword added to load() shows.
    for parameter in inspect.signature(newsassert.load).parameters:
        if not parameter.startswith("_"):
            assert parameter in page, f"load({parameter}=…) is not on the rendered page"
    # The configuration reference is built too.
    assert (site / "reference" / "configuration" / "index.html").is_file()
