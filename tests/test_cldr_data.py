"""The CLDR-derived data files are what the pinned Babel generates.

``pyproject.toml`` pins Babel in the ``data`` extra; ``data/months.json`` and
``data/places.json`` record the Babel and CLDR versions they were made from.
The versions must agree with the pin, and with that Babel installed the
generator scripts must reproduce both files byte for byte (so a hand edit,
or a regeneration with another Babel, fails here).
"""

from __future__ import annotations

import importlib.util
import json
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsassert" / "data"
GENERATED = {"months.json": "gen_cldr_dates.py", "places.json": "gen_cldr_places.py"}


def pinned_babel() -> str:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    pins = [re.fullmatch(r"babel==([\w.]+)", req.replace(" ", "")) for req in extras["data"]]
    found = [m.group(1) for m in pins if m]
    assert len(found) == 1, f"the data extra must pin babel exactly: {extras['data']}"
    return found[0]


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), ROOT / "scripts" / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_file_records_the_pinned_babel(name: str) -> None:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert data["generated_by"] == f"scripts/{GENERATED[name]}"
    assert data["babel_version"] == pinned_babel()
    assert re.fullmatch(r"\d+(\.\d+)*", data["cldr_version"])
    assert "Unicode" in data["licence"]


def test_both_files_come_from_one_cldr() -> None:
    versions = {
        json.loads((DATA / name).read_text(encoding="utf-8"))["cldr_version"] for name in GENERATED
    }
    assert len(versions) == 1


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_the_pinned_babel_regenerates_the_file_exactly(name: str) -> None:
    babel = pytest.importorskip("babel")
    if babel.__version__ != pinned_babel():
        pytest.skip(f"babel {babel.__version__} installed, the data extra pins {pinned_babel()}")
    script = _script(GENERATED[name])
    assert script.render(script.build()) == (DATA / name).read_text(encoding="utf-8")


def test_notice_names_the_cldr_version_and_every_generated_file() -> None:
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    cldr = json.loads((DATA / "months.json").read_text(encoding="utf-8"))["cldr_version"]
    assert f"Babel {pinned_babel()} (CLDR {cldr})" in notice
    assert "Unicode License" in notice
    for name in GENERATED:
        assert f"data/{name}" in notice
