"""Selection is now :mod:`newsassert.selection`, the front door above the query and the checks.

Code written against this old place still finds ``Selection``, ``select`` and
``stated_value`` here, with a :class:`DeprecationWarning` that names the new
one. The names are looked up on first use (a module ``__getattr__``): importing
this module imports nothing above the query language, and no module of
newsassert imports it. It goes in the next release; the import of
``newsassert.selection`` below is the one import of the package that runs from
a lower layer to a higher one (docs/concepts/pipeline.md).
"""

from __future__ import annotations

import warnings
from typing import Any

# Defined by __getattr__ below, on first use.
__all__ = ["Selection", "select", "stated_value"]  # noqa: F822


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"newsassert.query.selection.{name} is newsassert.selection.{name}: import it from there",
        DeprecationWarning,
        stacklevel=2,
    )
    from newsassert import selection

    return getattr(selection, name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
