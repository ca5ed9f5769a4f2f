"""What importing newsassert must not do: compile the extraction patterns.

A warm ``newsassert check`` reads its claims from the cache and never runs
an extractor; the largest patterns (the date pattern, the word gates in
front of it) are compiled on first use so that such a run does not pay for
them. No time is asserted: what is checked is that nothing was compiled.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import newsassert, newsassert.cli
from newsassert.readers import date_pattern
compiled = {
    "date pattern": date_pattern._pattern.cache_info().currsize,
    "word gates": date_pattern._word_gates.cache_info().currsize,
}
print(sorted(name for name, n in compiled.items() if n))
"""


def test_importing_the_command_line_compiles_no_date_pattern() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
