"""Escaping for the HTML report: text from articles and check files is data, never markup.

Three forms, by where a string lands:

* :func:`text` for a piece of running text (a paragraph cut at its claims,
  a quoted sentence): HTML-escaped, and every control shown as ``U+XXXX``
  (:data:`newsassert._bidi.CONTROLS`: the bidi embeddings, overrides and
  isolates, and the C0 and C1 controls). An RLO left raw would reverse the
  rest of its paragraph (``0052`` shown as ``2500``); shown, it acts on nothing.
* :func:`isolated` for a string standing on its own among the report's words
  (a check name, an article id, an outlet, a path, a heading): :func:`text`
  inside ``<bdi>``, whose direction (``auto`` unless given) comes from the
  string itself, so an Arabic name cannot reorder the words around it.
* :func:`attribute` for an attribute value (a tooltip): quotes escaped too,
  and controls shown the same way; :func:`shown` for data a script puts on
  the page as text (the article index): controls shown, nothing else changed.

The bidi marks (LRM, RLM, ALM) and the joiners are kept: they are common in
Arabic and Persian text, and act only on the characters next to them.
"""

from __future__ import annotations

import html

from newsassert._bidi import CONTROLS, visible

__all__ = ["attribute", "isolated", "shown", "text"]


def _shown(char: str) -> str:
    return f'<bdi class="cc" dir="ltr">{visible(char)}</bdi>'


def text(value: str) -> str:
    """``value`` as running text: escaped, controls shown as ``U+XXXX``."""
    escaped = html.escape(value, quote=False)
    if CONTROLS.search(escaped) is None:
        return escaped
    return CONTROLS.sub(lambda m: _shown(m.group()), escaped)


def isolated(value: str, direction: str = "auto") -> str:
    """``value`` on its own: :func:`text` isolated in ``<bdi>`` (``dir`` when not ``auto``).

    Printable ASCII is left bare when the direction is ``auto``: it holds no
    right-to-left letter and no control, so it is laid out in order (and a
    thousand article ids do not each cost eleven bytes).
    """
    if direction == "auto" and value.isascii() and value.isprintable():
        return text(value)
    attributes = "" if direction == "auto" else f' dir="{direction}"'
    return f"<bdi{attributes}>{text(value)}</bdi>"


def shown(value: str) -> str:
    """``value`` with its controls written as ``U+XXXX``, not escaped otherwise
    (for data a script puts on the page as text)."""
    if CONTROLS.search(value) is None:
        return value
    return CONTROLS.sub(lambda m: visible(m.group()), value)


def attribute(value: str) -> str:
    """``value`` for a quoted attribute: escaped, quotes too, controls shown as ``U+XXXX``."""
    escaped = html.escape(value, quote=True)
    if CONTROLS.search(escaped) is None:
        return escaped
    return CONTROLS.sub(lambda m: visible(m.group()), escaped)
