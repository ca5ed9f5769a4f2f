"""The pytest plugin (being written)."""

from __future__ import annotations
