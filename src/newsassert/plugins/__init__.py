"""The plugin manager and the hooks it calls (:mod:`newsassert.plugins.hookspecs`).

The manager is in :mod:`newsassert.plugins._manager`; this package hands on
its public names (and ``_callbacks``, the callbacks :func:`on_change` keeps,
for tests).
"""

from newsassert.plugins._manager import (
    BUILTIN_PLUGINS,
    DISABLE_VARIABLE,
    ENTRY_POINT_GROUP,
    PluginInfo,
    disable,
    disabled,
    enable,
    on_change,
    plugin_info,
    plugin_manager,
    register,
    reset,
    unregister,
)
from newsassert.plugins._manager import (
    _callbacks as _callbacks,
)

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_VARIABLE",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "disable",
    "disabled",
    "enable",
    "on_change",
    "plugin_info",
    "plugin_manager",
    "register",
    "reset",
    "unregister",
]
