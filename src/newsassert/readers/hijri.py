"""Hijri dates as Gregorian days, by the Umm al-Qura calendar.

The conversion is the ``hijridate`` package's (MIT): the Umm al-Qura tables
of Saudi Arabia, which cover 1343-1500 AH (1924-2077). A date outside them,
or a day the month does not have (30 in a month of 29 days), converts to
nothing: a Hijri date is never read as a Gregorian one.
"""

from __future__ import annotations

import datetime as dt
import functools

from hijridate import Hijri

__all__ = ["MONTH_NAMES", "day", "month_span", "year_span"]

# The months' names as the tables know them, for the docs and the strategies.
MONTH_NAMES = (
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
)


@functools.lru_cache(maxsize=4096)
def day(year: int, month: int, day_: int) -> dt.date | None:
    """The Gregorian day of a Hijri date, or ``None`` outside the tables."""
    try:
        hijri = Hijri(year, month, day_, validate=True)
        g = hijri.to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


@functools.lru_cache(maxsize=1024)
def month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian day of a Hijri month."""
    first = day(year, month, 1)
    if first is None:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    return first, first + dt.timedelta(days=length - 1)


def year_span(year: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian day of a Hijri year."""
    first, last = month_span(year, 1), month_span(year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]
