"""The example is a project of its own: run it from this folder (its pytest.ini
makes this folder the rootdir). When the repository's own suite walks past
it, it is left alone; tests/test_pytest_plugin.py runs it as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    return True if config.rootpath != HERE else None
