"""Deprecated: the pytest plugin's parts are now :mod:`newsassert.pytest_plugin`.

``newsassert.plugin`` was easy to take for the pluggy manager
(:mod:`newsassert.plugins`). Importing it, or any of its old modules
(``newsassert.plugin.options`` …), warns and hands on the module of
:mod:`newsassert.pytest_plugin` by the same name: the same module object, so
its state is shared. It goes in the next release.
"""

from __future__ import annotations

import sys
import warnings

from newsassert.pytest_plugin import (
    asserts,
    collect,
    fixtures,
    header,
    hooks,
    junit,
    options,
    state,
    verdicts,
)

warnings.warn(
    "newsassert.plugin is deprecated: import newsassert.pytest_plugin instead",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = [
    "asserts",
    "collect",
    "fixtures",
    "header",
    "hooks",
    "junit",
    "options",
    "state",
    "verdicts",
]

# Each old module name is the new module itself, so that both
# ``from newsassert.plugin import options`` and ``import
# newsassert.plugin.options`` give what they gave before.
for _module in (asserts, collect, fixtures, header, hooks, junit, options, state, verdicts):
    sys.modules[f"{__name__}.{_module.__name__.rpartition('.')[2]}"] = _module
