"""JUnit XML names for the items of a corpus outside the rootdir.

Such a corpus's node ids start with ``../`` (``../../seeds/000_….txt::
internal-consistency``, so that ``--lf`` finds them again), and junitxml
turns each ``/`` into a dot: the classname would be ``......seeds.000_…``.
The test case gets the classname pytest gives a file inside the rootdir,
``seeds.000_…txt``, instead; its name and the node id are unchanged.
"""

from __future__ import annotations

import pytest

__all__ = ["JunitNames", "classname_of"]


def classname_of(nodeid: str, prefix: str | None = None) -> str:
    """The JUnit classname of a node id whose path climbs out of the rootdir."""
    path, *names = nodeid.split("::")
    parts = [p for p in path.split("/") if p not in ("..", ".", "")]
    classnames = [".".join(parts), *names[:-1]]
    if prefix:
        classnames.insert(0, prefix)
    return ".".join(classnames)


class JunitNames:
    """Registered when ``--junitxml`` is given: renames the classnames of such test cases."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # Before junitxml records the case: attributes set first are kept.
        if not report.nodeid.startswith("../"):
            return
        from _pytest.junitxml import xml_key

        xml = self.config.stash.get(xml_key, None)
        if xml is not None:
            classname = classname_of(report.nodeid, xml.prefix)
            xml.node_reporter(report).add_attribute("classname", classname)
