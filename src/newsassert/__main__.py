"""``python -m newsassert``."""

from newsassert.cli import console

console()
