"""A bound on what compiling a user's ``~`` pattern may cost.

The search has a time limit (:data:`newsassert.query.evaluate.REGEX_TIMEOUT`),
but compiling has none: a counted repeat is compiled as that many copies of
what it repeats, so repeats nested in repeats multiply,
``(?:(?:a{1000}){1000}){1000}`` is a billion copies and took 23 GB before it
failed. Before compiling, the pattern is scanned once (linear, no recursion)
for the largest product of counted repeats along one nesting of groups; over
:data:`MAX_REPEAT_PRODUCT` (or over :data:`MAX_PATTERN_CHARS` characters) it is
refused with a :class:`~newsassert.errors.QueryError`. A hundred thousand
copies compile in well under a second and a few tens of megabytes.
"""

from __future__ import annotations

import re

__all__ = ["MAX_PATTERN_CHARS", "MAX_REPEAT_PRODUCT", "pattern_problem"]

MAX_REPEAT_PRODUCT = 100_000
MAX_PATTERN_CHARS = 10_000

_COUNTED = re.compile(r"\{(\d*)(?:,(\d*))?\}")
# Escapes with a braced argument: \p{L}, \N{name}, \x{200f}, \g{1}.
_BRACED_ESCAPE = re.compile(r"\\[pPNxXg]\{[^}]*\}")


def pattern_problem(pattern: str) -> tuple[str, int] | None:
    """Why ``pattern`` may not be compiled, and the offset to point at; None when it may."""
    if len(pattern) > MAX_PATTERN_CHARS:
        return (
            f"the regular expression has {len(pattern):,} characters, more than "
            f"{MAX_PATTERN_CHARS:,}",
            MAX_PATTERN_CHARS,
        )
    frames = [1]  # the largest product of repeats inside each open group
    last = 1  # the product of the last atom or group, which a repeat multiplies
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            braced = _BRACED_ESCAPE.match(pattern, i)
            i = braced.end() if braced else i + 2
            last = 1
        elif char == "[":
            i = _class_end(pattern, i)
            last = 1
        elif char == "(":
            frames.append(1)
            i += 1
            continue
        elif char == ")":
            last = frames.pop() if len(frames) > 1 else 1
            i += 1
        elif char == "{" and (counted := _COUNTED.match(pattern, i)) and counted.group(1):
            low, high = counted.group(1), counted.group(2)
            count = int(high) if high else int(low)
            last *= max(count, 1)
            if last > MAX_REPEAT_PRODUCT:
                return (
                    f"the regular expression repeats too much: its counted repeats nest to "
                    f"more than {MAX_REPEAT_PRODUCT:,} copies; simplify it",
                    i,
                )
            i = counted.end()
        else:
            last = 1
            i += 1
        frames[-1] = max(frames[-1], last)
    return None


def _class_end(pattern: str, start: int) -> int:
    """The offset after the character class opening at ``start`` (the end if unclosed)."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1  # a ']' first is a member
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "]":
            return i + 1
        else:
            i += 1
    return len(pattern)
