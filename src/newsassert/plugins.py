"""The one plugin manager: hookspecs, built-in plugins, then entry points.

newsassert's own loaders, extractors, lexicon and checks are registered here
exactly as third-party plugins are; a third-party plugin is found through the
``newsassert`` entry-point group or registered with
``plugin_manager().register(obj, name=...)``. Any plugin can be disabled by
name with :func:`disable` (``--newsassert-disable NAME`` in pytest).
"""

from __future__ import annotations

import importlib

import pluggy

from newsassert import hookspecs

__all__ = ["BUILTIN_PLUGINS", "disable", "plugin_manager", "reset"]

# name -> "module" or "module:attribute" (an attribute is instantiated if a class).
BUILTIN_PLUGINS: dict[str, str] = {
    "newsassert.load": "newsassert.load",
    "newsassert.lexicon": "newsassert.lexicon:BuiltinLexicon",
    "newsassert.quantities": "newsassert.extract.quantities",
    "newsassert.dates": "newsassert.extract.dates",
    "newsassert.entities": "newsassert.extract.entities",
    "newsassert.checks": "newsassert.check.builtin",
}

_manager: pluggy.PluginManager | None = None
_disabled: set[str] = set()


def _builtin(spec: str) -> object:
    module_name, _, attribute = spec.partition(":")
    module = importlib.import_module(module_name)
    if not attribute:
        return module
    obj = getattr(module, attribute)
    return obj() if isinstance(obj, type) else obj


def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager every stage asks, created once."""
    global _manager
    if _manager is None:
        pm = pluggy.PluginManager("newsassert")
        pm.add_hookspecs(hookspecs)
        for name in _disabled:
            pm.set_blocked(name)
        for name, spec in BUILTIN_PLUGINS.items():
            if not pm.is_blocked(name):
                pm.register(_builtin(spec), name=name)
        pm.load_setuptools_entrypoints("newsassert")
        _manager = pm
        _clear_caches()
    return _manager


def disable(*names: str) -> None:
    """Disable plugins by name (built-in or entry-point names) from now on."""
    _disabled.update(names)
    if _manager is not None:
        for name in names:
            _manager.set_blocked(name)
    _clear_caches()


def reset() -> None:
    """Forget the plugin manager and re-enable every plugin (for tests)."""
    global _manager
    _manager = None
    _disabled.clear()
    _clear_caches()


def _clear_caches() -> None:
    from newsassert.lexicon import default_lexicon

    default_lexicon.cache_clear()
