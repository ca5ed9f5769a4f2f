"""Numeric intervals with open or closed ends: what a hedged quantity asserts.

``نحو 150`` asserts [135, 165], ``أكثر من 150`` asserts (150, ∞); the two agree
because they share a point. The ends come from the claim's ``low`` and
``high`` (``None`` is unbounded); a ``more_than`` claim's low end and a
``less_than`` claim's high end are open when they equal the stated value.

:class:`Interval` is a value like the claims, defined below them in
:mod:`newsassert.interval` (the rules of :mod:`newsassert.compare` use it too);
the checks import it from here.
"""

from newsassert.interval import Interval, format_number

__all__ = ["Interval", "format_number"]
