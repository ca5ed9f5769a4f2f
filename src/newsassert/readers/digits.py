"""Digits: the value of a run of digits with its separators, and its sign.

A run of digits in the matching form (ASCII digits; the Arabic decimal and
thousands signs already ``.`` and ``,``) may carry separators the news of
both languages write differently. :func:`read_run` decides which is which by
the rule of the groups:

* a separator followed by exactly three digits, all through the run, groups
  thousands: ``2,500``, ``2،500،000`` (the Arabic comma), ``1.234.567``,
  ``3 250 000`` (a space, or a narrow space folded to one), and the Indian
  lakh grouping ``3,45,678`` (groups of two before the last three);
* a run with two kinds of separator takes the last kind as the decimal point
  when it is used once, after the thousands groups: ``14،250,75``,
  ``1,234.56``, ``1.234,56``, ``3,45,678.25``;
* a single ``.`` is a decimal point (``1.5``); a single comma followed by
  other than three digits is a decimal comma (``0,65``, ``12,50725``) unless
  the group before it has four digits (``2011,2012`` lists two years);
* anything else (``1.2.3``, ``1,23,4``) is read up to where it stops making
  sense, the way a list ``7,8`` reads as 7.

A leading-dot decimal (``.35``) and an exponent (``1e10``, ``2.5E-3``) are
read too. The sign (``-3``; the minus sign ``−`` is folded to ``-``) is the
number reader's business: it needs the text before the run.
"""

from __future__ import annotations

import re

__all__ = ["RUN", "read_run"]

# A run of digits and the separators it may contain; read_run decides how
# much of it is one number. Each repetition consumes a separator and digits,
# so the pattern never backtracks more than one group.
RUN = r"""
    (?: \d* (?<!\d{4}) (?: [ ](?=\d{3}(?!\d))\d{3} )+   # 3 250 000: spaces only between groups of three
        (?: [.,]\d+ )?
      | \d* (?: [.,،]\d+ )* )
    (?: [eE][+-]?\d{1,3} (?![\w.]) )?            # 1e10, 2.5E-3
"""

_EXPONENT = re.compile(r"[eE]([+-]?\d{1,3})\Z")
_GROUPS = re.compile(r"[.,، ]")


def read_run(run: str) -> tuple[float, int] | None:
    """The value of a run of digits and how many of its characters it takes.

    ``None`` when the run does not start with a number (it always does when
    it starts with a digit).
    """
    exponent = 0
    body = run
    e = _EXPONENT.search(run)
    if e is not None:
        exponent = int(e.group(1))
        body = run[: e.start()]
    parts = _GROUPS.split(body)
    seps = _GROUPS.findall(body)
    if not parts or not parts[0].isdigit():
        return None
    value, used = _grouped(parts, seps)
    if used == len(parts) and e is not None:
        return value * 10.0**exponent, len(run)
    taken = sum(len(p) for p in parts[:used]) + sum(len(s) for s in seps[: used - 1])
    return value, taken


def _grouped(parts: list[str], seps: list[str]) -> tuple[float, int]:
    """The value of the first groups of a run and how many groups it takes."""
    if len(parts) == 1:
        return float(parts[0]), 1
    kinds = list(dict.fromkeys(seps))
    last = seps[-1]
    if len(kinds) == 2 and seps.count(last) == 1 and seps[-1] != seps[-2] and last != " ":
        # Thousands groups, then one decimal separator of another kind.
        n = _thousands(parts[:-1], seps[:-1])
        if n == len(parts) - 1:
            whole = "".join(parts[:-1])
            return float(f"{whole}.{parts[-1]}"), len(parts)
        return float("".join(parts[:n])), n
    if len(kinds) == 1:
        sep = kinds[0]
        if len(seps) == 1 and sep in ".":
            return float(f"{parts[0]}.{parts[1]}"), 2
        if len(seps) == 1 and sep in ",،" and len(parts[1]) != 3:
            if len(parts[0]) >= 4:
                return float(parts[0]), 1  # 2011,2012: a list
            return float(f"{parts[0]}.{parts[1]}"), 2  # 0,65 · 12,50725
        n = _thousands(parts, seps)
        if n > 1:
            return float("".join(parts[:n])), n
        return float(parts[0]), 1
    # Three kinds, or a mixture that is no grouping: the first group, or the
    # longest run of thousands groups.
    n = _thousands(parts, seps)
    return float("".join(parts[:n])), max(n, 1)


def _thousands(parts: list[str], seps: list[str]) -> int:
    """How many leading groups form a thousands grouping (western or Indian)."""
    if not parts or not 1 <= len(parts[0]) <= 3:
        return 1
    if len(parts) == 1:
        return 1
    sep = seps[0]
    n = 1
    while n < len(parts) and seps[n - 1] == sep and len(parts[n]) == 3:
        n += 1
    if n == len(parts) or n > 1:
        return n
    # Indian grouping: 3,45,678 / 1,00,00,000 (twos, then the last three).
    indian = (
        sep in ",،"
        and len(parts) >= 3
        and all(s == sep for s in seps)
        and all(len(p) == 2 for p in parts[1:-1])
        and len(parts[-1]) == 3
        and len(parts[0]) <= 2
    )
    return len(parts) if indian else 1
