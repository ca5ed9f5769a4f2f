"""Selection is now :mod:`newsassert.selection`, the front door above the query and the checks.

This module hands its names on, for code that imports them from here.
"""

from newsassert.selection import Selection, select, stated_value

__all__ = ["Selection", "select", "stated_value"]
