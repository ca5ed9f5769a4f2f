"""What an installation promises: the pytest it needs, its licence, its notices, its URLs.

The plugin is loaded by every pytest run of an environment newsassert is
installed in, so the lowest pytest the package declares must really run it:
:func:`test_the_plugin_runs_under_the_lowest_supported_pytest` installs that
pytest (without dependencies, into a temporary folder) and runs a small
project with it. It is skipped when the package index cannot be reached.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def _pytest_requirements() -> list[str]:
    reqs = [*PROJECT["dependencies"]]
    for extra in PROJECT["optional-dependencies"].values():
        reqs.extend(extra)
    return [r.replace(" ", "") for r in reqs if re.match(r"pytest\b(?!-)", r)]


def lowest_pytest() -> str:
    """The lowest pytest release the package accepts (``pytest>=8`` -> ``8``)."""
    floors = {re.fullmatch(r"pytest>=([\d.]+)", r).group(1) for r in _pytest_requirements()}  # type: ignore[union-attr]
    assert len(floors) == 1, f"every extra must ask for the same pytest: {floors}"
    return floors.pop()


def test_every_pytest_requirement_is_at_least_8() -> None:
    # The plugin collects the corpus with pytest.Directory, which pytest 8 introduced.
    reqs = _pytest_requirements()
    assert reqs, "no extra requires pytest"
    for req in reqs:
        floor = re.fullmatch(r"pytest>=([\d.]+)", req)
        assert floor is not None, req
        assert int(floor.group(1).split(".")[0]) >= 8, req


def test_licence_is_apache_2_in_full() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PROJECT["license"] == "Apache-2.0"
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text
    assert set(PROJECT["license-files"]) == {"LICENSE", "NOTICE"}


def test_notice_names_every_shipped_data_file() -> None:
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    shipped = sorted(
        p.name for p in (ROOT / "src" / "newsassert" / "data").iterdir() if p.is_file()
    )
    missing = [name for name in shipped if f"data/{name}" not in notice]
    assert not missing, f"NOTICE does not name {missing}"


def test_project_urls() -> None:
    urls = PROJECT["urls"]
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())


# `pip install newsassert` (or `newsassert[extra]`) from an index, which has no release yet.
_FROM_INDEX = re.compile(
    r"""pip\ install\ (?:-{1,2}[\w-]+\ )*   # options
        (['"]?)newsassert(?:\[[\w,]+\])?\1  # the package, an extra, quoted or not
        (?=\s|$)(?!\ @)                     # not `newsassert @ git+…`, not newsassert-csv
    """,
    re.VERBOSE | re.MULTILINE,
)


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))], ids=lambda p: p.name
)
def test_docs_install_from_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    found = [m.group(0) for m in _FROM_INDEX.finditer(text)]
    assert not found, f"{page.name} installs from a package index: {found}"


def _pytest_release(version: str, target: Path) -> None:
    """Install one pytest release into ``target`` (no dependencies), or skip when offline."""
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-input",
             "--disable-pip-version-check", "--target", str(target), f"pytest=={version}.*"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"pytest=={version}.* could not be installed (offline?): {error}")


def _project(root: Path) -> Path:
    project = root / "project"
    (project / "corpus").mkdir(parents=True)
    (project / "corpus" / "a.txt").write_text("About 2,500 soldiers are in Iraq.\n", "utf-8")
    (project / "corpus" / "b.txt").write_text("There are 900 soldiers in Iraq.\n", "utf-8")
    (project / "tests").mkdir()
    (project / "tests" / "soldiers.checks.toml").write_text(
        'corpus = "../corpus"\n\n[[check]]\nname = "one figure"\n'
        'query = "quantity where unit = soldier"\nexpect = "agree"\n',
        "utf-8",
    )
    (project / "tests" / "test_plain.py").write_text(
        "def test_arithmetic():\n    assert 1 + 1 == 2\n", "utf-8"
    )
    (project / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nnewsassert_corpus = "corpus"\n', "utf-8"
    )
    return project


def _run_pytest(project: Path, target: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(target), *sys.path]),
        # Only newsassert's plugin: the other installed plugins may need a newer pytest.
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "newsassert.pytest_plugin", "-p", "no:cacheprovider",
         "-rA", *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_plugin_runs_under_the_lowest_supported_pytest(tmp_path: Path) -> None:
    version = lowest_pytest()
    target = tmp_path / "site"
    _pytest_release(version, target)
    project = _project(tmp_path)
    project.joinpath("tests", "test_corpus.py").write_text(
        "def test_corpus(corpus):\n    assert len(corpus) == 2\n", "utf-8"
    )
    done = _run_pytest(project, target, "--newsassert-no-cache")
    out = done.stdout + done.stderr
    assert f"pytest-{version}." in out, out
    assert "INTERNALERROR" not in out, out
    assert done.returncode == 1, out  # the figures disagree: one check fails, nothing breaks
    assert "PASSED tests/test_corpus.py::test_corpus" in out, out
    assert "FAILED tests/soldiers.checks.toml::one figure" in out, out


def test_beside_pytest_7_the_plugin_switches_itself_off(tmp_path: Path) -> None:
    # pip refuses newsassert[pytest] beside pytest 7; newsassert alone it may
    # install there, and the suite must then run as if it were not installed.
    target = tmp_path / "site"
    _pytest_release("7.4", target)
    done = _run_pytest(_project(tmp_path), target, "-W", "always")
    out = done.stdout + done.stderr
    assert "pytest-7.4." in out, out
    assert "INTERNALERROR" not in out, out
    assert done.returncode == 0, out
    assert "PASSED tests/test_plain.py::test_arithmetic" in out, out
    assert "newsassert's pytest plugin needs pytest 8.0 or newer (this is pytest 7.4." in out, out
