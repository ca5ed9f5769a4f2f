"""The pytest plugin, registered through the ``pytest11`` entry point.

Installing newsassert is enough. (newsassert's own plugins, found through the
``newsassert`` entry points, are another thing: the pluggy manager in
:mod:`newsassert.plugins`.) The hooks and fixtures are in
:mod:`newsassert.pytest_plugin.hooks`; this package hands them on under
pytest 8 or newer. Under an older pytest (newsassert installed without its
``pytest`` extra, which asks for pytest 8, beside a pytest 7) the plugin
switches itself off with one warning instead of stopping every run of that
environment with an INTERNALERROR.

Its parts, each of one job:

- :mod:`~newsassert.pytest_plugin.hooks`: pytest's hooks, thin, delegating;
- :mod:`~newsassert.pytest_plugin.options`: the ``--newsassert-*`` options and ini keys;
- :mod:`~newsassert.pytest_plugin.state`: what one pytest run knows (settings,
  the corpus, results) and what it writes at the end (baseline, report);
- :mod:`~newsassert.pytest_plugin.collect`: check files and articles as test items;
- :mod:`~newsassert.pytest_plugin.fixtures`: the ``corpus`` and ``article`` fixtures;
- :mod:`~newsassert.pytest_plugin.header`, :mod:`~newsassert.pytest_plugin.verdicts`,
  :mod:`~newsassert.pytest_plugin.asserts`, :mod:`~newsassert.pytest_plugin.junit`:
  the run's header, the verdicts recorded, evidence in assertion failures,
  JUnit names.
"""

from __future__ import annotations

import pytest

__all__ = ["MINIMUM_PYTEST"]

#: The lowest pytest the plugin runs under (the ``pytest`` extra asks for it).
MINIMUM_PYTEST = (8, 0)

if tuple(pytest.version_tuple[:2]) >= MINIMUM_PYTEST:
    from newsassert.pytest_plugin import hooks as _hooks

    # pytest finds hooks and fixtures among a plugin module's names.
    globals().update(
        (name, getattr(_hooks, name))
        for name in dir(_hooks)
        if name.startswith("pytest_") or name in ("article", "corpus", "MARKER")
    )
else:

    def pytest_configure(config: pytest.Config) -> None:
        config.issue_config_time_warning(
            pytest.PytestConfigWarning(
                f"newsassert's pytest plugin needs pytest "
                f"{'.'.join(map(str, MINIMUM_PYTEST))} or newer (this is pytest "
                f"{pytest.__version__}); it is off in this run: pip install -U 'pytest>=8'"
            ),
            stacklevel=2,
        )
