"""The built-in check types, registered as a plugin (being written)."""

from __future__ import annotations
