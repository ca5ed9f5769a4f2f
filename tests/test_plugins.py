"""The plugin manager: built-ins as plugins, registration, disabling, errors, caches."""

from __future__ import annotations

import importlib.metadata
import sys
import types
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest

import newsassert
from newsassert import LexiconEntry, PluginError, hookspecs, plugins
from newsassert.lexicon import default_lexicon


@pytest.fixture(autouse=True)
def fresh_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(plugins.DISABLE_VARIABLE, raising=False)
    plugins.reset()
    yield
    plugins.reset()


class Drones:
    @newsassert.hookimpl
    def newsassert_lexicon(self) -> list[LexiconEntry]:
        return [LexiconEntry("unit", "drone", ("drone", "drones", "مسيرة", "مسيرات"))]


# -- the manager ---------------------------------------------------------------


def test_one_manager_with_every_builtin_registered_by_name() -> None:
    pm = plugins.plugin_manager()
    assert plugins.plugin_manager() is pm
    assert newsassert.plugin_manager() is pm
    for name in plugins.BUILTIN_PLUGINS:
        assert pm.has_plugin(name), name
    infos = {i.name: i for i in plugins.plugin_info()}
    assert infos["newsassert.lexicon"].builtin
    assert infos["newsassert.lexicon"].module == "newsassert.lexicon"
    assert infos["newsassert.quantities"].module == "newsassert.extract.quantities"


def test_every_hook_is_prefixed_and_documented() -> None:
    hooks = [n for n in vars(hookspecs) if n.startswith("newsassert_")]
    assert set(hooks) >= {
        "newsassert_load_article",
        "newsassert_extract_claims",
        "newsassert_lexicon",
        "newsassert_compare",
        "newsassert_check_types",
    }
    pm = plugins.plugin_manager()
    for name in hooks:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert ":return:" in doc and "::" in doc, f"{name} lacks its reference docstring"
        assert getattr(pm.hook, name).has_spec()
    first = {n for n in hooks if getattr(pm.hook, n).spec.opts.get("firstresult")}
    assert first == {"newsassert_load_article", "newsassert_compare"}


def test_builtins_are_plain_plugins_that_can_be_disabled(tmp_path: Any) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نص الخبر\n", encoding="utf-8")
    hook = plugins.plugin_manager().hook
    assert hook.newsassert_load_article(path=path)  # the built-in .txt loader
    plugins.disable("newsassert.load")
    assert not plugins.plugin_manager().has_plugin("newsassert.load")
    assert hook.newsassert_load_article(path=path) is None
    plugins.enable("newsassert.load")
    assert hook.newsassert_load_article(path=path)


def test_disable_before_the_manager_exists_keeps_the_plugin_out() -> None:
    plugins.disable("newsassert.dates")
    pm = plugins.plugin_manager()
    assert pm.is_blocked("newsassert.dates")
    assert "newsassert.dates" in plugins.disabled()


def test_disable_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(plugins.DISABLE_VARIABLE, "newsassert.dates, newsassert.entities")
    pm = plugins.plugin_manager()
    assert pm.is_blocked("newsassert.dates") and pm.is_blocked("newsassert.entities")
    assert pm.has_plugin("newsassert.quantities")


def test_disabling_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(PluginError) as info:
        plugins.disable("newsassert.quantites")
    message = str(info.value)
    assert message.startswith("plugin 'newsassert.quantites': no such plugin to disable")
    assert "newsassert.quantities" in message


# -- registering by hand -------------------------------------------------------


def test_a_registered_lexicon_changes_the_default_lexicon_at_once() -> None:
    before = default_lexicon()
    assert before.lookup("unit", "مسيرات") is None
    assert plugins.register(Drones(), name="drones") == "drones"
    after = default_lexicon()
    assert after is not before
    entry = after.lookup("unit", "المسيرات".removeprefix("ال"))
    assert entry is not None and entry.canonical == "drone"
    plugins.unregister("drones")
    assert default_lexicon().lookup("unit", "مسيرات") is None


def test_registering_through_pluggy_directly_also_clears_caches() -> None:
    default_lexicon()
    plugins.plugin_manager().register(Drones(), name="drones")
    assert default_lexicon().lookup("unit", "drones") is not None


def test_on_change_callbacks_run_on_every_change() -> None:
    calls: list[str] = []

    def callback() -> None:
        calls.append("x")

    assert plugins.on_change(callback) is callback
    plugins.on_change(callback)  # registered once
    plugins.plugin_manager()
    calls.clear()
    plugins.register(Drones(), name="drones")
    assert calls == ["x"]
    plugins.disable("drones")
    assert len(calls) == 2
    plugins._callbacks.remove(callback)


def test_unmarked_hook_functions_count_and_misspelt_ones_are_errors() -> None:
    module = types.ModuleType("unmarked_plugin")

    def newsassert_lexicon() -> list[LexiconEntry]:
        return [LexiconEntry("org", "Wagner Group", ("فاغنر",))]

    module.newsassert_lexicon = newsassert_lexicon  # type: ignore[attr-defined]
    plugins.register(module, name="unmarked")
    assert default_lexicon().canonical("org", "فاغنر") == "Wagner Group"

    class Typo:
        def newsassert_lexicons(self) -> list[LexiconEntry]:
            return []

    with pytest.raises(PluginError) as info:
        plugins.register(Typo(), name="typo")
    assert str(info.value).startswith(
        "plugin 'typo': implements newsassert_lexicons, which is not a newsassert hook; "
        "did you mean newsassert_lexicon?"
    )
    assert not plugins.plugin_manager().has_plugin("typo")


def test_a_parameter_the_hook_lacks_is_an_error_naming_it() -> None:
    class Wrong:
        @newsassert.hookimpl
        def newsassert_lexicon(self, lang: str) -> list[LexiconEntry]:
            return []

    with pytest.raises(PluginError) as info:
        plugins.register(Wrong(), name="wrong")
    message = str(info.value)
    assert message.startswith("plugin 'wrong': does not fit the hooks:")
    assert "'lang'" in message


def test_an_exception_in_a_hook_names_the_plugin_and_hook() -> None:
    class Broken:
        @newsassert.hookimpl
        def newsassert_lexicon(self) -> list[LexiconEntry]:
            raise KeyError("canonical")

    plugins.register(Broken(), name="broken")
    with pytest.raises(PluginError) as info:
        default_lexicon()
    assert str(info.value) == (
        "plugin 'broken' in newsassert_lexicon: raised KeyError: 'canonical'"
    )
    assert isinstance(info.value.__cause__, KeyError)


def test_newsassert_errors_from_a_hook_pass_through_unchanged(tmp_path: Any) -> None:
    class Strict:
        @newsassert.hookimpl
        def newsassert_load_article(self, path: Any) -> None:
            raise newsassert.LoadError("bad row", path=str(path), line=3)

    plugins.register(Strict(), name="strict")
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    hook = plugins.plugin_manager().hook
    with pytest.raises(newsassert.LoadError, match="line 3: bad row"):
        hook.newsassert_load_article(path=path)


def test_registering_a_disabled_name_says_so() -> None:
    plugins.disable("newsassert.dates")
    with pytest.raises(PluginError, match="is disabled"):
        plugins.register(Drones(), name="newsassert.dates")


def test_registering_the_same_name_twice_is_an_error() -> None:
    plugins.register(Drones(), name="drones")
    with pytest.raises(PluginError, match="already registered"):
        plugins.register(Drones(), name="drones")


def test_later_plugins_win_for_lexicon_forms() -> None:
    class Other:
        @newsassert.hookimpl
        def newsassert_lexicon(self) -> list[LexiconEntry]:
            return [LexiconEntry("unit", "UAV", ("drone",))]

    plugins.register(Drones(), name="drones")
    plugins.register(Other(), name="other")
    assert default_lexicon().canonical("unit", "drone") == "UAV"
    assert default_lexicon().canonical("unit", "مسيرات") == "drone"


# -- entry points --------------------------------------------------------------


class _FakeDist:
    version = "9.9"
    metadata: ClassVar[dict[str, str]] = {"Name": "newsassert-fake"}


def _fake_entry_point(name: str, value: str) -> importlib.metadata.EntryPoint:
    ep = importlib.metadata.EntryPoint(name=name, value=value, group="newsassert")
    return ep._for(_FakeDist())  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> list[importlib.metadata.EntryPoint]:
    found: list[importlib.metadata.EntryPoint] = []

    def fake(group: str) -> list[importlib.metadata.EntryPoint]:
        return [ep for ep in found if ep.group == group]

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    return found


def test_entry_point_plugins_load_after_builtins(
    entry_points: list[importlib.metadata.EntryPoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("fake_drones")
    module.Drones = Drones  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_drones", module)
    entry_points.append(_fake_entry_point("drones", "fake_drones:Drones"))
    pm = plugins.plugin_manager()
    assert pm.has_plugin("drones")  # the class was instantiated
    names = [n for n, _ in pm.list_name_plugin()]
    assert names.index("drones") > max(names.index(b) for b in plugins.BUILTIN_PLUGINS)
    info = {i.name: i for i in plugins.plugin_info()}["drones"]
    assert (info.builtin, info.distribution, info.version) == (False, "newsassert-fake", "9.9")
    assert info.entry_point == "drones = fake_drones:Drones"
    assert default_lexicon().canonical("unit", "مسيرة") == "drone"


def test_an_entry_point_that_cannot_load_names_itself(
    entry_points: list[importlib.metadata.EntryPoint],
) -> None:
    entry_points.append(_fake_entry_point("ghost", "newsassert_no_such_module"))
    with pytest.raises(PluginError) as info:
        plugins.plugin_manager()
    assert str(info.value) == (
        "plugin 'ghost' (entry point 'ghost = newsassert_no_such_module' from "
        "newsassert-fake 9.9): cannot be loaded: ModuleNotFoundError: No module named "
        "'newsassert_no_such_module' (set NEWSASSERT_DISABLE=ghost to run without it)"
    )
    plugins.reset()
    plugins.disable("ghost")  # a known name: it is installed
    assert not plugins.plugin_manager().has_plugin("ghost")


def test_an_entry_point_with_a_misspelt_hook_names_itself(
    entry_points: list[importlib.metadata.EntryPoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("fake_typo")
    module.newsassert_compares = lambda a, b: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_typo", module)
    entry_points.append(_fake_entry_point("typo", "fake_typo"))
    with pytest.raises(PluginError) as info:
        plugins.plugin_manager()
    assert str(info.value).startswith(
        "plugin 'typo' (entry point 'typo = fake_typo'): implements newsassert_compares, "
        "which is not a newsassert hook; did you mean newsassert_compare?"
    )


def test_the_only_errors_are_newsassert_errors() -> None:
    assert issubclass(PluginError, newsassert.NewsAssertError)
