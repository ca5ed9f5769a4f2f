"""Hand-made claims for the check tests: each factory fills what a test does not care about."""

from __future__ import annotations

import itertools
from typing import Any

import regex

from newsassert.hookspecs import hookimpl
from newsassert.model import DateClaim, MentionClaim, QuantityClaim, RoleClaim

_ids = itertools.count()

# A check file for the seeds: the troops in Iraq agree, one prime minister does not.
SEED_CHECKS = """\
[[check]]
name = "troops in Iraq agree"
query = "quantity where unit = soldier and place = Iraq"
expect = "agree"
min_sources = 2

[[check]]
name = "one prime minister"
query = 'role where title = "prime minister"'
expect = "distinct"
max = 1
"""


def _common(
    article: str, text: str, sentence: str | None, lang: str, **extra: Any
) -> dict[str, Any]:
    n = next(_ids)
    start = extra.pop("start", n * 10)
    return {
        "id": extra.pop("id", f"{article}-{n}"),
        "article": article,
        "outlet": extra.pop("outlet", None),
        "lang": lang,
        "section": extra.pop("section", "body"),
        "start": start,
        "end": start + len(text),
        "text": text,
        "sentence": sentence if sentence is not None else f"… {text} …",
        **extra,
    }


def quantity(
    article: str,
    value: float,
    qualifier: str = "exact",
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str | None = "soldier",
    place: str | None = None,
    lang: str = "ar",
    text: str | None = None,
    sentence: str | None = None,
    **extra: Any,
) -> QuantityClaim:
    if low is None and high is None and qualifier == "exact":
        low = high = value
    text = text if text is not None else f"{value:g}"
    return QuantityClaim(
        **_common(article, text, sentence, lang, **extra),
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        unit=unit,
        unit_text=unit,
        place=place,
    )


def date(
    article: str,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    *,
    lang: str = "ar",
    text: str = "الخميس",
    sentence: str | None = None,
    **extra: Any,
) -> DateClaim:
    resolved = f"{year:04d}-{month:02d}-{day:02d}" if year and month and day else None
    return DateClaim(
        **_common(article, text, sentence, lang, **extra),
        year=year,
        month=month,
        day=day,
        resolved=resolved,
    )


def person(
    article: str, name: str, *, lang: str = "ar", entity: str | None = None, **extra: Any
) -> MentionClaim:
    return MentionClaim(
        **_common(article, name, extra.pop("sentence", None), lang, **extra),
        type="person",
        name=name,
        key=extra.get("key", ""),
        entity=entity,
    )


def mention(
    article: str,
    name: str,
    type: str = "org",
    *,
    entity: str | None = None,
    lang: str = "ar",
    **extra: Any,
) -> MentionClaim:
    return MentionClaim(
        **_common(article, name, extra.pop("sentence", None), lang, **extra),
        type=type,
        name=name,
        key=name.casefold(),
        entity=entity,
    )


def role(
    article: str,
    person: str,
    title: str = "prime minister",
    country: str | None = "Iraq",
    *,
    lang: str = "ar",
    **extra: Any,
) -> RoleClaim:
    return RoleClaim(
        **_common(article, person, extra.pop("sentence", None), lang, **extra),
        title=title,
        country=country,
        person=person,
        key="",
    )


# ---------------------------------------------------------------------------
# A toy extractor, so that tests of whole runs do not depend on the real ones.
# ---------------------------------------------------------------------------

_TOY_QUANTITY = regex.compile(
    r"(?P<hedge>about |more than )?(?P<n>\d+) (?P<unit>troops|attacks)(?: in (?P<place>[A-Z]\w+))?"
)
_TOY_ROLE = regex.compile(
    r"(?P<title>Prime Minister|Ambassador) (?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+)*)"
)
_TOY_UNITS = {"troops": "soldier", "attacks": "attack"}


class ToyExtractor:
    """Finds ``N troops in Place``, ``about N attacks``, ``Prime Minister Name`` in English text."""

    @hookimpl
    def newsassert_extract_article(self, context: Any) -> list[Any]:
        return [c for s in context.article.segments for c in self.segment_claims(context, s)]

    def segment_claims(self, context: Any, segment: Any) -> list[Any]:
        from newsassert.extract import make_claim

        text = context.article.text
        found: list[Any] = []
        for m in _TOY_QUANTITY.finditer(text, segment.start, segment.end):
            n = float(m["n"])
            qualifier, low, high = "exact", n, n
            if m["hedge"] == "about ":
                qualifier, low, high = "approx", n * 0.9, n * 1.1
            elif m["hedge"] == "more than ":
                qualifier, low, high = "more_than", n, None
            found.append(
                make_claim(
                    context,
                    segment,
                    QuantityClaim,
                    m.start(),
                    m.end(),
                    value=n,
                    qualifier=qualifier,
                    low=low,
                    high=high,
                    unit=_TOY_UNITS[m["unit"]],
                    unit_text=m["unit"],
                    place=m["place"],
                )
            )
        for m in _TOY_ROLE.finditer(text, segment.start, segment.end):
            title = m["title"].lower()
            found.append(
                make_claim(
                    context,
                    segment,
                    RoleClaim,
                    m.start(),
                    m.end(),
                    title=title,
                    country="Iraq" if title == "prime minister" else None,
                    person=m["name"],
                    key="",
                )
            )
        return found


def use_toy_extractor() -> None:
    """Replace the built-in extractors with :class:`ToyExtractor` (undo with plugins.reset())."""
    from newsassert import plugins

    plugins.reset()
    plugins.disable("newsassert.quantities", "newsassert.dates", "newsassert.entities")
    plugins.register(ToyExtractor(), name="toy-extractor")


TOY_CORPUS = {
    "a.txt": "Officials said 2500 troops in Iraq remain, after about 150 attacks.\n\n"
    "Prime Minister Mohammed Shia Al-Sudani spoke.\n",
    "b.txt": "There are 2500 troops in Iraq and more than 150 attacks happened.\n\n"
    "Prime Minister Mustafa Al-Kadhimi spoke. Prime Minister Mohammed Shia Al-Sudani too.\n",
    "c.txt": "Some 900 troops in Syria stay.\n\nPrime Minister Mohammed Shia Al-Sudani said so.\n",
}


def write_toy_corpus(folder: Any) -> Any:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in TOY_CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
