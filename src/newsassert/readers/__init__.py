"""The readers of numbers and dates, below the stages that use them.

:mod:`newsassert.readers.numbers` reads number expressions in digits or words
(``2,500``, ``ثلاثة وعشرين``, ``two and a half million``);
:mod:`newsassert.readers.dates` reads calendar dates, weekdays, relative days
and periods, resolved from a publication date. The metadata reader uses the
dates to find an article's own date; the extractors (:mod:`newsassert.extract`)
use both to make quantity and date claims. Neither reader knows about claims.
"""
