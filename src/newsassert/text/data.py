"""newsassert's data files (``src/newsassert/data/``), each read and parsed once per process.

Every stage reads its vocabulary through :func:`read_data`: the month and
weekday names of CLDR (``months.json``) that the dates, quantities and
metadata readers share, the lexicon's tables, the segmenter's labels. What it
returns is shared by every caller: read it, never change it.
"""

from __future__ import annotations

import functools
import json
import tomllib
from importlib import resources
from typing import Any

__all__ = ["has_data", "read_data"]


@functools.cache
def read_data(name: str) -> Any:
    """The parsed data file ``data/NAME`` (JSON or TOML), shared: do not change it."""
    text = resources.files("newsassert").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else tomllib.loads(text)


def has_data(name: str) -> bool:
    """Whether the data file ``data/NAME`` is installed."""
    return resources.files("newsassert").joinpath("data", name).is_file()
