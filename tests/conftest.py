from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import newsassert

# `import newsassert` loads no stage until a name is used; load them all now.
# pytester's in-process runs drop the modules a run imported when it ends, and
# a stage imported inside one would come back as a second copy of its classes.
newsassert.Corpus  # noqa: B018

# Data, not tests: the bad-input corpus holds malformed check files (*.checks.toml)
# on purpose, which the newsassert plugin would otherwise collect as failing items.
collect_ignore = ["badinput"]

# The suite's runs of `newsassert check` and `load(cache=True)` share a cache
# of their own, never the user's (a test that needs another sets its own).
if "NEWSASSERT_CACHE_DIR" not in os.environ:
    os.environ["NEWSASSERT_CACHE_DIR"] = _cache = tempfile.mkdtemp(prefix="newsassert-tests-")
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def seeds_path() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds(seeds_path: Path):  # type: ignore[no-untyped-def]
    import newsassert

    return newsassert.load(seeds_path)
