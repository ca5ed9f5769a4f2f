"""The pytest plugin, registered through the ``pytest11`` entry point.

Installing newsassert is enough. The hooks and fixtures are in
:mod:`newsassert.plugin.hooks`; this module hands them on under pytest 8 or
newer. Under an older pytest (newsassert installed without its ``pytest``
extra, which asks for pytest 8, beside a pytest 7) the plugin switches itself
off with one warning instead of stopping every run of that environment with
an INTERNALERROR.
"""

from __future__ import annotations

import pytest

__all__ = ["MINIMUM_PYTEST"]

#: The lowest pytest the plugin runs under (the ``pytest`` extra asks for it).
MINIMUM_PYTEST = (8, 0)

if tuple(pytest.version_tuple[:2]) >= MINIMUM_PYTEST:
    from newsassert.plugin import hooks as _hooks

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
