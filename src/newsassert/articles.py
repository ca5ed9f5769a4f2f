"""Articles from text: segmented, with the metadata the text states (the article builder every format uses)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsassert.errors import ConfigError
from newsassert.extract import extract_article
from newsassert.lexicon import Lexicon
from newsassert.limits import check_article_size
from newsassert.metadata import find_metadata
from newsassert.model import Article, Claim
from newsassert.segment import segment_and_lang

__all__ = ["extract", "make_article"]


def make_article(
    text: str,
    *,
    id: str,
    path: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    lang: str | None = None,
    meta: Sequence[tuple[str, str]] = (),
    lexicon: Lexicon | None = None,
    other_dates: Sequence[dt.date] | None = None,
) -> Article:
    """An article from its text: segmented, with the metadata found in the text.

    ``title``, ``outlet`` and ``published`` given here win over what the text
    says. ``lang`` is the article's language and the language of paragraphs
    whose script does not decide it; by default it is read from the script.
    ``other_dates`` are dates that are not the publication date (found in the
    text when not given).
    """
    check_article_size(len(text), path=path)
    segments, text_lang = segment_and_lang(text, lang=lang)
    found = find_metadata(text, segments)
    if other_dates is None:
        chosen = published or found.published
        other_dates = [d for d in (found.published, *found.other_dates) if d and d != chosen]
    return Article(
        id=id,
        text=text,
        path=path,
        title=title if title is not None else found.title,
        outlet=outlet if outlet is not None else found.outlet,
        published=published if published is not None else found.published,
        lang=lang or text_lang,
        segments=segments,
        other_dates=tuple(dict.fromkeys(other_dates)),
        meta=tuple(meta),
        lexicon=lexicon,
    )


def extract(
    text: str,
    lang: str | None = None,
    published: dt.date | str | None = None,
    *,
    date_order: str | None = None,
) -> list[Claim]:
    """The claims of a loose text (segmented as an article with id ``"text"``).

    ``lang`` forces the language of every paragraph; ``published`` (a date or
    ``YYYY-MM-DD``) resolves weekdays and relative dates; ``date_order``
    (``"month-first"`` or ``"day-first"``) is the order of the numeric dates
    of English text, as an article's ``date_order`` metadata gives it.
    """
    if date_order is not None and date_order not in ("month-first", "day-first"):
        raise ConfigError(f"date_order must be month-first or day-first (got {date_order!r})")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise ConfigError(
                f"published must be a date or YYYY-MM-DD (got {published!r})"
            ) from None
    meta = (("date_order", date_order),) if date_order else ()
    article = make_article(text, id="text", published=published, lang=lang, meta=meta)
    return list(extract_article(article))
