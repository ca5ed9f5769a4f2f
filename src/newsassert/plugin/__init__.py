"""The pytest plugin's parts; :mod:`newsassert.plugin.hooks` holds the hooks, which
:mod:`newsassert.pytest_plugin` (the entry point) hands on under pytest 8 or newer.

- :mod:`~newsassert.plugin.options`: the ``--newsassert-*`` options and ini keys;
- :mod:`~newsassert.plugin.state`: what one pytest run knows (settings, the
  corpus, results) and what it writes at the end (baseline, report);
- :mod:`~newsassert.plugin.collect`: check files and articles as test items;
- :mod:`~newsassert.plugin.fixtures`: the ``corpus`` and ``article`` fixtures.
"""
