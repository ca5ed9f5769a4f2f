"""The one plugin manager: hookspecs, built-in plugins, then entry points.

newsassert's own loaders, extractors, lexicon and checks are plugins, and are
registered here exactly as third-party plugins are. The manager is built once,
on first use, in this order:

1. the hookspecs of :mod:`newsassert.plugins.hookspecs`;
2. the built-in plugins of :data:`BUILTIN_PLUGINS`, by name;
3. the installed plugins: every entry point of the group ``newsassert``,
   sorted by entry-point name, each registered under that name.

Plugins registered later are called first (pluggy's rule), so an installed
plugin overrides the built-ins for first-result hooks and its lexicon forms
win. A plugin can also be registered by hand with :func:`register`, and any
plugin (built-in or installed) disabled by name with :func:`disable` (the
pytest option ``--newsassert-disable NAME`` calls it) or, for any command,
with ``NEWSASSERT_DISABLE=NAME,…`` in the environment.

Whatever depends on the set of plugins (the default lexicon, compiled
extractor patterns) registers a callback with :func:`on_change`; every
registration, unregistration or disabling calls them all, so no cache outlives
the plugins it was built from.

Failures are :class:`~newsassert.errors.PluginError`\\ s naming the plugin and
its entry point: a plugin that cannot be imported, a hook implementation with
a parameter the hook does not have, a misspelt hook name, or an exception
escaping a hook (newsassert's own errors pass through unchanged).
"""

from __future__ import annotations

import difflib
import functools
import importlib
import importlib.metadata
import inspect
import os
import re
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

import attrs
import pluggy

from newsassert.errors import NewsAssertError, PluginError
from newsassert.plugins import hookspecs

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

ENTRY_POINT_GROUP = "newsassert"
# Plugins to leave out, comma-separated: the way to run past a broken plugin
# from the command line.
DISABLE_VARIABLE = "NEWSASSERT_DISABLE"
HOOK_PREFIX = "newsassert_"

# name -> "module" or "module:attribute" (an attribute is instantiated if a class).
BUILTIN_PLUGINS: dict[str, str] = {
    "newsassert.load": "newsassert.formats",
    "newsassert.lexicon": "newsassert.lexicon:BuiltinLexicon",
    # Calls the extractors still on the per-segment hook (deprecated).
    "newsassert.per_segment": "newsassert.extract.per_segment",
    "newsassert.quantities": "newsassert.extract.quantities",
    "newsassert.dates": "newsassert.extract.dates",
    "newsassert.entities": "newsassert.extract.entities",
    "newsassert.statements": "newsassert.extract.statements:StatementExtractor",
    "newsassert.checks": "newsassert.check.builtin",
}

F = TypeVar("F", bound=Callable[[], object])


@attrs.frozen
class PluginInfo:
    """One registered plugin: its name, where it comes from, and its version.

    ``distribution`` and ``version`` name the installed package of an
    entry-point plugin (``None`` for built-in and hand-registered ones);
    ``entry_point`` is ``"name = module:attr"``.
    """

    name: str
    module: str
    builtin: bool
    entry_point: str | None = None
    distribution: str | None = None
    version: str | None = None


class _Manager(pluggy.PluginManager):
    """pluggy's manager, with newsassert's rules for what a plugin is.

    * a function named ``newsassert_*`` is a hook implementation even without
      the ``@hookimpl`` marker (as pytest does for ``pytest_*``), so a
      misspelt hook name is reported instead of silently ignored;
    * every registration change invalidates the plugin-dependent caches;
    * an exception escaping a hook implementation becomes a PluginError that
      names the plugin and the hook.
    """

    def __init__(self) -> None:
        super().__init__("newsassert")
        self.entry_points: dict[str, importlib.metadata.EntryPoint] = {}

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        opts = super().parse_hookimpl_opts(plugin, name)
        if opts is None and name.startswith(HOOK_PREFIX):
            method = getattr(plugin, name, None)
            if inspect.isroutine(method):
                opts = pluggy.HookimplOpts(
                    wrapper=False,
                    hookwrapper=False,
                    optionalhook=False,
                    tryfirst=False,
                    trylast=False,
                    specname=None,
                )
        return opts

    def register(self, plugin: object, name: str | None = None) -> str | None:
        try:
            registered = super().register(plugin, name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(
                f"does not fit the hooks: {_validation_message(exc)}", plugin=name
            ) from None
        if registered is not None:
            _guard_hookimpls(self, plugin, registered)
            _changed()
        return registered

    def list_plugin_distinfo(self) -> list[tuple[object, Any]]:
        """(plugin, distribution) of each installed plugin, as pluggy gives them.

        The distributions have ``project_name`` and ``version`` (the cache
        keys on them, so upgrading a plugin invalidates what it extracted).
        """
        return [
            (plugin, _Distribution(ep.dist))
            for name, ep in sorted(self.entry_points.items())
            if ep.dist is not None and (plugin := self.get_plugin(name)) is not None
        ]

    def unregister(self, plugin: object | None = None, name: str | None = None) -> Any:
        removed = super().unregister(plugin, name)
        if removed is not None:
            _changed()
        return removed


class _Distribution:
    """A distribution with pluggy's ``project_name``; other attributes pass through."""

    def __init__(self, dist: importlib.metadata.Distribution) -> None:
        self._dist = dist

    @property
    def project_name(self) -> str:
        return str(self._dist.metadata["Name"])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._dist, name)


_lock = threading.RLock()
_manager: _Manager | None = None
_disabled: set[str] = set()
_callbacks: list[Callable[[], object]] = []


def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager every stage asks, built once on first use."""
    return _pm()


def _pm() -> _Manager:
    global _manager
    if _manager is not None:
        return _manager
    with _lock:
        if _manager is None:
            _manager = _build()
    return _manager


def _build() -> _Manager:
    pm = _Manager()
    pm.add_hookspecs(hookspecs)
    for name in sorted(_disabled | _disabled_by_environment()):
        pm.set_blocked(name)
    for name, spec in BUILTIN_PLUGINS.items():
        if not pm.is_blocked(name):
            pm.register(_builtin(name, spec), name=name)
    for ep in _entry_points():
        if not pm.is_blocked(ep.name) and not pm.has_plugin(ep.name):
            _load_entry_point(pm, ep)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise _unknown_hook_error(pm, exc) from None
    _changed()
    return pm


def _disabled_by_environment() -> set[str]:
    return {n.strip() for n in os.environ.get(DISABLE_VARIABLE, "").split(",") if n.strip()}


def _builtin(name: str, spec: str) -> object:
    module_name, _, attribute = spec.partition(":")
    try:
        obj: object = importlib.import_module(module_name)
        if attribute:
            obj = getattr(obj, attribute)
            if isinstance(obj, type):
                obj = obj()
    except Exception as exc:
        raise PluginError(f"cannot be loaded from {spec!r}: {_exc(exc)}", plugin=name) from exc
    return obj


def _entry_points() -> list[importlib.metadata.EntryPoint]:
    """The installed plugins, one per name (the first on ``sys.path`` wins), sorted."""
    found: dict[str, importlib.metadata.EntryPoint] = {}
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, ep)
    return [found[name] for name in sorted(found)]


def _load_entry_point(pm: _Manager, ep: importlib.metadata.EntryPoint) -> None:
    where = {"plugin": ep.name, "entry_point": f"{ep.name} = {ep.value}"}
    distribution = _distribution(ep)
    try:
        plugin = ep.load()
    except Exception as exc:
        raise PluginError(
            f"cannot be loaded: {_exc(exc)} (set {DISABLE_VARIABLE}={ep.name} to run without it)",
            distribution=distribution,
            **where,
        ) from exc
    if isinstance(plugin, type):
        # A class is instantiated, as for built-ins, so its hooks are methods.
        try:
            plugin = plugin()
        except Exception as exc:
            raise PluginError(
                f"cannot be instantiated: {_exc(exc)}", distribution=distribution, **where
            ) from exc
    try:
        pm.register(plugin, name=ep.name)
    except PluginError as exc:
        raise PluginError(exc.message, distribution=distribution, **where) from None
    pm.entry_points[ep.name] = ep


def _distribution(ep: importlib.metadata.EntryPoint) -> str | None:
    dist = ep.dist
    if dist is None:
        return None
    return f"{dist.metadata['Name']} {dist.version}"


def _describe_entry_point(ep: importlib.metadata.EntryPoint | None) -> str | None:
    return f"{ep.name} = {ep.value}" if ep is not None else None


def _guard_hookimpls(pm: _Manager, plugin: object, name: str) -> None:
    """Wrap the plugin's hook functions so that foreign exceptions name the plugin."""
    for caller in pm.get_hookcallers(plugin) or ():
        for impl in caller.get_hookimpls():
            if impl.plugin is plugin and not (impl.hookwrapper or impl.wrapper):
                # pluggy types the attribute Final but it is a plain slot; this
                # is the one place that knows both the plugin and the hook.
                impl.function = _guarded(impl.function, name, caller.name)  # type: ignore[misc]


def _guarded(function: Callable[..., Any], plugin: str, hook: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def call(*args: Any) -> Any:
        try:
            return function(*args)
        except NewsAssertError:
            raise
        except Exception as exc:
            raise PluginError(f"raised {_exc(exc)}", plugin=plugin, hook=hook) from exc

    return call


def _validation_message(exc: pluggy.PluginValidationError) -> str:
    # pluggy's first line repeats the plugin's name; the rest says what is wrong.
    lines = [line.strip() for line in str(exc).strip().splitlines()]
    return "; ".join(lines[1:]) if len(lines) > 1 else lines[0]


def _unknown_hook_error(pm: _Manager, exc: pluggy.PluginValidationError) -> PluginError:
    name = pm.get_name(exc.plugin)
    found = _UNKNOWN_HOOK.search(str(exc))
    hook = found[1] if found else "?"
    close = difflib.get_close_matches(hook, _hook_names(), n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    return PluginError(
        f"implements {hook}, which is not a newsassert hook; {hint}"
        f"the hooks are: {', '.join(_hook_names())}",
        plugin=name,
        entry_point=_describe_entry_point(pm.entry_points.get(name or "")),
    )


_UNKNOWN_HOOK = re.compile(r"unknown hook '([^']*)'")


def _hook_names() -> list[str]:
    return sorted(n for n in vars(hookspecs) if n.startswith(HOOK_PREFIX))


def _exc(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


# ---------------------------------------------------------------------------
# Registering and disabling
# ---------------------------------------------------------------------------


def register(plugin: object, name: str | None = None) -> str:
    """Register a plugin object or module by hand; return the name it got.

    The plugin's hooks are checked against the hookspecs at once; a plugin
    whose name is disabled is not registered (and :class:`PluginError` says so).
    """
    pm = _pm()
    if name is not None and pm.is_blocked(name):
        raise PluginError("is disabled; enable it first", plugin=name)
    try:
        registered = pm.register(plugin, name=name)
    except ValueError as exc:
        raise PluginError(f"cannot be registered: {exc}".splitlines()[0], plugin=name) from None
    if registered is None:
        raise PluginError("is disabled; enable it first", plugin=name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        error = _unknown_hook_error(pm, exc)
        pm.unregister(name=registered)
        raise error from None
    return registered


def unregister(name: str) -> object | None:
    """Unregister the plugin of that name; return it (``None`` if there was none)."""
    return plugin_manager().unregister(name=name)


def disable(*names: str) -> None:
    """Disable plugins by name (built-in, installed or registered by hand) from now on.

    An unknown name is a :class:`PluginError` listing the known ones, so a typo
    in ``--newsassert-disable`` does not go unnoticed.
    """
    known = _known_names()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise PluginError(
            f"no such plugin to disable; the plugins are: {', '.join(sorted(known))}",
            plugin=unknown[0],
        )
    with _lock:
        _disabled.update(names)
        if _manager is None:
            _changed()
        else:
            for name in names:
                _manager.set_blocked(name)  # unregistering tells on_change


def enable(*names: str) -> None:
    """Undo :func:`disable`: built-in and installed plugins are registered again.

    A plugin registered by hand and then disabled must be registered again.
    """
    with _lock:
        _disabled.difference_update(names)
        if _manager is None:
            return
        for name in names:
            _manager.unblock(name)
            if name in BUILTIN_PLUGINS:
                _manager.register(_builtin(name, BUILTIN_PLUGINS[name]), name=name)
            else:
                for ep in _entry_points():
                    if ep.name == name:
                        _load_entry_point(_manager, ep)
    _changed()


def disabled() -> frozenset[str]:
    """The names disabled with :func:`disable` or ``NEWSASSERT_DISABLE``."""
    return frozenset(_disabled | _disabled_by_environment())


def reset() -> None:
    """Forget the plugin manager and re-enable every plugin (for tests).

    The next :func:`plugin_manager` call builds a fresh one; plugins
    registered by hand are dropped.
    """
    global _manager
    with _lock:
        _manager = None
        _disabled.clear()
    _changed()


def _known_names() -> set[str]:
    names = set(BUILTIN_PLUGINS) | {ep.name for ep in _entry_points()} | _disabled
    names |= _disabled_by_environment()
    if _manager is not None:
        names.update(n for n, _ in _manager.list_name_plugin())
    return names


# ---------------------------------------------------------------------------
# What is registered
# ---------------------------------------------------------------------------


def plugin_info() -> tuple[PluginInfo, ...]:
    """Every registered plugin, sorted by name (for ``--version`` output and cache keys)."""
    pm = _pm()
    infos = []
    for name, plugin in sorted(pm.list_name_plugin()):
        if plugin is None:  # a blocked name
            continue
        ep = pm.entry_points.get(name)
        dist = ep.dist if ep is not None else None
        module = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__module__
        infos.append(
            PluginInfo(
                name=name,
                module=module,
                builtin=name in BUILTIN_PLUGINS,
                entry_point=_describe_entry_point(ep),
                distribution=dist.metadata["Name"] if dist is not None else None,
                version=dist.version if dist is not None else None,
            )
        )
    return tuple(infos)


# ---------------------------------------------------------------------------
# Caches that depend on the plugins
# ---------------------------------------------------------------------------


def on_change(callback: F) -> F:
    """Call ``callback()`` whenever the set of plugins changes; return it (a decorator).

    Register the ``cache_clear`` of anything computed from hook results::

        @functools.cache
        def unit_pattern() -> regex.Pattern[str]: ...

        plugins.on_change(unit_pattern.cache_clear)
    """
    with _lock:
        if callback not in _callbacks:
            _callbacks.append(callback)
    return callback


def _changed() -> None:
    for callback in list(_callbacks):
        callback()

