"""The plugin manager: built-ins as plugins, registration, disabling, errors, caches."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import site
import subprocess
import sys
import tempfile
import types
from collections.abc import Iterator
from pathlib import Path
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


class Tunnels:
    @newsassert.hookimpl
    def newsassert_lexicon(self) -> list[LexiconEntry]:
        return [LexiconEntry("unit", "tunnel", ("tunnel", "tunnels", "نفق", "أنفاق"))]


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
        "newsassert_extract_article",
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
    assert before.lookup("unit", "أنفاق") is None
    assert plugins.register(Tunnels(), name="tunnels") == "tunnels"
    after = default_lexicon()
    assert after is not before
    entry = after.lookup("unit", "انفاق")  # through the lossy key: hamza folded
    assert entry is not None and entry.canonical == "tunnel"
    plugins.unregister("tunnels")
    assert default_lexicon().lookup("unit", "أنفاق") is None


def test_extraction_picks_up_a_unit_registered_after_it_ran() -> None:
    sentence = "دمر الجيش 12 نفقا خلال العملية."
    before = [c for c in newsassert.extract(sentence) if c.kind == "quantity"]
    assert all(c.unit != "tunnel" for c in before)
    plugins.register(Tunnels(), name="tunnels")
    after = [c for c in newsassert.extract(sentence) if c.kind == "quantity"]
    assert [(c.value, c.unit) for c in after] == [(12, "tunnel")]


def test_registering_through_pluggy_directly_also_clears_caches() -> None:
    default_lexicon()
    plugins.plugin_manager().register(Tunnels(), name="tunnels")
    assert default_lexicon().lookup("unit", "tunnels") is not None


def test_on_change_callbacks_run_on_every_change() -> None:
    calls: list[str] = []

    def callback() -> None:
        calls.append("x")

    assert plugins.on_change(callback) is callback
    plugins.on_change(callback)  # registered once
    plugins.plugin_manager()
    calls.clear()
    plugins.register(Tunnels(), name="tunnels")
    assert calls == ["x"]
    plugins.disable("tunnels")
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
        plugins.register(Tunnels(), name="newsassert.dates")


def test_registering_the_same_name_twice_is_an_error() -> None:
    plugins.register(Tunnels(), name="tunnels")
    with pytest.raises(PluginError, match="already registered"):
        plugins.register(Tunnels(), name="tunnels")


def test_later_plugins_win_for_lexicon_forms() -> None:
    class Other:
        @newsassert.hookimpl
        def newsassert_lexicon(self) -> list[LexiconEntry]:
            return [LexiconEntry("unit", "underpass", ("tunnel",))]

    plugins.register(Tunnels(), name="tunnels")
    plugins.register(Other(), name="other")
    assert default_lexicon().canonical("unit", "tunnel") == "underpass"
    assert default_lexicon().canonical("unit", "أنفاق") == "tunnel"


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
    module = types.ModuleType("fake_tunnels")
    module.Tunnels = Tunnels  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_tunnels", module)
    entry_points.append(_fake_entry_point("tunnels", "fake_tunnels:Tunnels"))
    pm = plugins.plugin_manager()
    assert pm.has_plugin("tunnels")  # the class was instantiated
    names = [n for n, _ in pm.list_name_plugin()]
    assert names.index("tunnels") > max(names.index(b) for b in plugins.BUILTIN_PLUGINS)
    info = {i.name: i for i in plugins.plugin_info()}["tunnels"]
    assert (info.builtin, info.distribution, info.version) == (False, "newsassert-fake", "9.9")
    assert info.entry_point == "tunnels = fake_tunnels:Tunnels"
    assert default_lexicon().canonical("unit", "نفق") == "tunnel"
    # pluggy's view of it, which the cache keys on.
    [(plugin, dist)] = pm.list_plugin_distinfo()
    assert plugin is pm.get_plugin("tunnels")
    assert (dist.project_name, dist.version) == ("newsassert-fake", "9.9")


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


# -- a real third-party plugin, installed -------------------------------------------
#
# tests/plugin_example is a plugin package written from docs/guide/plugins.md
# alone. It is installed (offline, no build isolation) into a fresh virtual
# environment that sees this one's packages, and used from there exactly as a
# user would: through its entry point, from the command line and from pytest.

EXAMPLE = Path(__file__).parent / "plugin_example"

CSV = """\
id,outlet,published,title,text
ahram,الأهرام,2024-01-28,تدمير أنفاق,"أعلن الجيش أنه دمر 12 نفقا في المنطقة خلال العملية.
"
nahar,النهار,2024-01-28,الجيش يدمر أنفاقا,"وقال الجيش إنه دمر نحو 13 نفقا خلال العملية.
"
wire,Wire,2024-01-29,Tunnels destroyed,"The army said it had destroyed 12 tunnels during the operation.
"
"""

CHECKS = """\
[[check]]
name = "tunnel counts are close"
query = "quantity where unit = tunnel"
expect = "max_spread"
percent = 20

[[check]]
name = "tunnel counts are identical"
query = "quantity where unit = tunnel"
expect = "max_spread"
percent = 1
"""


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(python of a venv with newsassert-csv installed, a project folder)."""
    root = tmp_path_factory.mktemp("plugin")
    source = root / "newsassert-csv"
    shutil.copytree(
        EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # The venv sees this environment's packages (newsassert, pluggy, pytest,
    # pip, setuptools) after its own, like --system-site-packages would.
    dirs = "; ".join(f"site.addsitedir({d!r})" for d in site.getsitepackages())
    (Path(purelib) / "zz_parent_environment.pth").write_text(f"import site; {dirs}\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--disable-pip-version-check", str(source)],
        check=True, cwd=root, env=_env(),
    )  # fmt: skip
    project = root / "project"
    project.mkdir()
    (project / "articles.csv").write_text(CSV, encoding="utf-8")
    (project / "tunnels.checks.toml").write_text(CHECKS, encoding="utf-8")
    return python, project


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSASSERT_", "PYTEST_"))}
    env["NEWSASSERT_CACHE_DIR"] = os.path.join(tempfile.gettempdir(), "newsassert-plugin-test")
    env.update(extra)
    return env


def _run(
    plugin_env: tuple[Path, Path], *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    python, project = plugin_env
    return subprocess.run(
        [str(python), *args], capture_output=True, text=True, cwd=project, env=_env(**env),
        timeout=120,
    )  # fmt: skip


API = """
import json, newsassert
from newsassert import plugins
corpus = newsassert.load("articles.csv")
info = {i.name: [i.distribution, i.version, i.entry_point] for i in plugins.plugin_info()}
print(json.dumps({
    "articles": [[a.id, a.outlet, str(a.published)] for a in corpus],
    "plugin": info.get("csv"),
}, ensure_ascii=False))
"""


def test_the_installed_plugin_loads_through_its_entry_point(
    plugin_env: tuple[Path, Path],
) -> None:
    done = _run(plugin_env, "-c", API)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["plugin"] == ["newsassert-csv", "0.1.0", "csv = newsassert_csv"]
    assert out["articles"] == [
        ["ahram", "الأهرام", "2024-01-28"],
        ["nahar", "النهار", "2024-01-28"],
        ["wire", "Wire", "2024-01-29"],
    ]


def test_the_plugin_loader_and_unit_from_the_command_line(plugin_env: tuple[Path, Path]) -> None:
    done = _run(plugin_env, "-m", "newsassert", "extract", "articles.csv", "--format", "jsonl",
                "-j", "1")  # fmt: skip
    assert done.returncode == 0, done.stderr
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    tunnels = [
        (c["article"], c["value"], c["qualifier"])
        for c in claims
        if c["kind"] == "quantity" and c["unit"] == "tunnel"
    ]
    assert tunnels == [("ahram", 12, "exact"), ("nahar", 13, "approx"), ("wire", 12, "exact")]


def test_the_plugin_check_type_from_the_command_line(plugin_env: tuple[Path, Path]) -> None:
    done = _run(plugin_env, "-m", "newsassert", "check", "--checks", "tunnels.checks.toml",
                "articles.csv")  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr  # one of the two checks fails
    assert "tunnel counts are close" in done.stdout
    assert "tunnel counts are identical" in done.stdout
    assert "nahar" in done.stdout  # the dissenting article, as evidence
    assert "Traceback" not in done.stderr


def test_the_plugin_from_pytest(plugin_env: tuple[Path, Path]) -> None:
    project = plugin_env[1]
    (project / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nnewsassert_corpus = "articles.csv"\n', encoding="utf-8"
    )
    (project / "test_tunnels.py").write_text(
        "def test_three_sources_count_tunnels(corpus):\n"
        "    tunnels = corpus.query('quantity where unit = tunnel')\n"
        "    assert sorted(tunnels.articles) == ['ahram', 'nahar', 'wire']\n",
        encoding="utf-8",
    )
    done = _run(plugin_env, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rN",
                "test_tunnels.py", "tunnels.checks.toml")  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 failed, 2 passed" in done.stdout, done.stdout
    assert "tunnel counts are identical" in done.stdout
    assert "Traceback" not in done.stdout


def test_disabling_the_installed_plugin(plugin_env: tuple[Path, Path]) -> None:
    done = _run(plugin_env, "-m", "newsassert", "check", "articles.csv", NEWSASSERT_DISABLE="csv")
    assert done.returncode == 2
    assert "unknown format '.csv'" in done.stderr
    # And the unit the plugin taught is not built in.
    assert default_lexicon().lookup("unit", "نفق") is None
