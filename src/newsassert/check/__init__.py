"""Check: agreement and support between selections of claims.

Every check returns a :class:`Verdict`, truthy when the check holds, whose
``repr`` is the evidence table, so a bare ``assert
corpus.query("…").agree()`` shows the evidence in pytest's failure output.

- :func:`agree` — the selected claims, grouped by article, state one value;
- :func:`supported_by` — each selected claim has a match in another selection;
- :func:`count`, :func:`none`, :func:`distinct` — sizes against bounds;
- :func:`consistency` — no two claims of one article conflict.
"""

from __future__ import annotations

from newsassert.check.agree import agree
from newsassert.check.bounds import count, distinct, none
from newsassert.check.consistency import consistency, consistency_check_name
from newsassert.check.support import supported_by
from newsassert.check.verdict import CheckResult, Evidence, Verdict

__all__ = [
    "CheckResult",
    "Evidence",
    "Verdict",
    "agree",
    "consistency",
    "consistency_check_name",
    "count",
    "distinct",
    "none",
    "supported_by",
]
