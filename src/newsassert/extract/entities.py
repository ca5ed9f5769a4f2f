"""Extract people, the roles they hold, organizations and places.

People are found after a role title, in Arabic or English::

    رئيس مجلس الوزراء محمد شياع السوداني        -> prime minister
    وزير الدفاع الأمريكي لويد ج. أوستن          -> defense minister, United States
    The US Secretary of Defense, Lloyd J. Austin -> defense minister, United States

A title (``data/roles.toml``, with Arabic proclitics: ``لرئيس``) may be
followed by modifiers: a demonym (``الأمريكي``, ``(الأمريكي)``), an
organization or place in the genitive (``للبنتاغون``, ``للأمم المتحدة``), a
domain (``للشؤون الخارجية``), a person it belongs to (``مستشار السوداني``),
another title (``القائد العام للقوات المسلحة``) and a comma; English titles
take a demonym or country before them (``Iraqi Prime Minister``) or ``of``
after. Then comes the name, which ends before punctuation, a function word
(``في``, ``بأن``, ``لوكالة``), a verb (``دعا``, ``قال``), a time word, or a
title, organization or place of the lexicon (``data/entities.toml``); an
English name is the run of capitalized words and name particles.

Each title and name gives a ``role`` claim and a ``person`` mention. Later
mentions of a person's surname alone (``السوداني``, ``Austin``) are person
mentions too, with the full name's key and entity. Organizations, places and
demonyms (``الأمريكية`` names the United States) are looked up in the
lexicon, longest form first, Arabic proclitics (و ف ب ل ك, ``لل``) allowed.

The article is read once (per lexicon); the hook hands each segment its part.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

from newsassert.extract import lexicon_of, make_claim
from newsassert.extract.numbers import fold, fold_word
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon, LexiconEntry, form_key, read_data
from newsassert.model import Article, Claim, MentionClaim, RoleClaim, Segment
from newsassert.names import name_key, names_match

__all__ = ["Entities", "find_entities", "newsassert_extract_claims"]

_TOKEN = regex.compile(
    r"""
      (?P<word>(?:\p{L}\.)+(?!\p{L})                    # initials and abbreviations: J. ج. U.S.
        | \p{L}[\p{L}\p{M}]*(?:[-'’](?![sS]\b)[\p{L}][\p{L}\p{M}]*)*)  # الينا, Al-Sudani, Biden('s)
    | (?P<num>\p{N}+)
    | (?P<punct>[^\s\p{L}\p{M}\p{N}])                                 # one punctuation mark
    """,
    regex.VERBOSE,
)
_ARABIC = regex.compile(r"\p{Arabic}")
_MARKS = regex.compile(r"\p{Mn}+")
# An Arabic imperfect verb: a prefix ي ت ن and a bare root, no long vowel
# inside (يتهم, يدعم, تحذر, يتلقى), which given names have (يحيى, ياسر, ترامب).
_IMPERFECT = regex.compile(r"^[يتن][^اويى]{2,4}[ىي]?$")
# A verbal noun after a preposition (بتدمير, بتسببه): not part of a name.
_PREP_MASDAR = regex.compile(r"^[بل]ت\w{3,}$")
_UPPER = regex.compile(r"\p{Lu}")
# Proclitics an Arabic word may carry: a conjunction, then a preposition.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_MAX_NAME = 4


@attrs.frozen
class _Tok:
    start: int  # offsets into the folded text
    end: int
    text: str
    word: bool
    arabic: bool
    # Lookup keys of the word and of its forms without proclitics, with how
    # many letters each drops: computed once per token.
    variants: tuple[tuple[str, int], ...] = ()

    @property
    def key(self) -> str:
        return self.variants[0][0] if self.variants else self.text

    @property
    def bare(self) -> str:
        """The word as looked up (a possessive 's is a token of its own)."""
        return self.text


@attrs.frozen
class _Found:
    """A claim found in the article, before it is given to its segment."""

    kind: str  # "mention" or "role"
    start: int  # original offsets
    end: int
    fields: tuple[tuple[str, str | None], ...]


@attrs.frozen
class Entities:
    """Everything the entity extractor found in one text (original offsets)."""

    found: tuple[_Found, ...]

    def between(self, start: int, end: int) -> Iterable[_Found]:
        return (f for f in self.found if start <= f.start and f.end <= end)


# ---------------------------------------------------------------------------
# The vocabulary, compiled once per lexicon.
# ---------------------------------------------------------------------------


class _Table(dict[str, LexiconEntry]):
    """The forms of one kind by key, and the first words of those forms."""

    def __init__(self, forms: dict[str, LexiconEntry]) -> None:
        super().__init__(forms)
        # Most tokens start no form: checking the first word saves the n-grams.
        self.firsts = frozenset(k.split(" ")[0] for k in forms if k)


@attrs.frozen(eq=False)
class _Vocab:
    lexicon: Lexicon
    roles: _Table
    orgs: _Table
    places: _Table
    demonyms: _Table
    persons: tuple[LexiconEntry, ...]
    longest: int
    stop: frozenset[str]
    given_names: frozenset[str]  # as written (normalized), though their key is a stop word's
    particles: frozenset[str]
    not_names: frozenset[str]
    title_adjectives: frozenset[str]
    firsts: frozenset[str]  # the first words of every form: most tokens start none


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(form_key(fold_word(w)) for w in words)


@functools.lru_cache(maxsize=8)
def _vocab(lexicon: Lexicon) -> _Vocab:
    data = read_data("entities.toml")
    arabic, english = data["arabic"], data["english"]

    def index(kind: str) -> _Table:
        return _Table({form_key(fold_word(k)): v for k, v in lexicon.forms(kind).items()})

    roles, orgs, places, demonyms = index("role"), index("org"), index("place"), index("demonym")
    longest = max(
        (len(k.split()) for table in (roles, orgs, places, demonyms) for k in table), default=1
    )
    firsts = frozenset().union(*(t.firsts for t in (roles, orgs, places, demonyms)))
    return _Vocab(
        lexicon=lexicon,
        roles=roles,
        orgs=orgs,
        places=places,
        demonyms=demonyms,
        persons=lexicon.of_kind("person"),
        longest=longest,
        stop=_keys([*arabic["function_words"], *arabic["time_words"], *arabic["verbs"]]),
        given_names=frozenset(arabic["given_names"]),
        particles=frozenset(english["particles"]),
        not_names=frozenset(english["not_names"]),
        title_adjectives=_keys(arabic["title_adjectives"]),
        firsts=firsts,
    )


def _variants(text: str, arabic: bool) -> list[tuple[str, int]]:
    """A word's forms without its Arabic proclitics, with how many letters each drops."""
    out = [(text, 0)]
    if not arabic:
        return out
    stems = [(text, 0)]
    if text[:1] in _CONJUNCTIONS and len(text) > 3:
        stems.append((text[1:], 1))
    for stem, dropped in list(stems):
        if stem.startswith("لل") and len(stem) > 3:
            out.append(("ال" + stem[2:], dropped + 1))  # للعراق: ل + العراق
        elif stem[:1] in _PREPOSITIONS and len(stem) > 3:
            out.append((stem[1:], dropped + 1))
        if stem is not text:
            out.append((stem, dropped))
    return out


def _lookup(
    toks: Sequence[_Tok], i: int, tables: Sequence[_Table], longest: int
) -> tuple[LexiconEntry, int, int, int] | None:
    """The longest form starting at token ``i`` in any of ``tables``.

    Returns the entry, the number of tokens, the table's position and the
    number of proclitic letters to skip at the start.
    """
    starts = [
        (k, d) for k, d in toks[i].variants if any(k.split(" ")[0] in t.firsts for t in tables)
    ]
    if not starts or not toks[i].word:
        return None
    for size in range(min(longest, len(toks) - i), 0, -1):
        chunk = toks[i : i + size]
        if not all(t.word for t in chunk):
            continue
        rest = [t.key for t in chunk[1:]]
        for first, dropped in starts:
            key = " ".join([first, *rest])
            for position, table in enumerate(tables):
                entry = table.get(key)
                if entry is not None and _case_ok(chunk, entry, key):
                    return entry, size, position, dropped
    return None


def _case_ok(chunk: Sequence[_Tok], entry: LexiconEntry, key: str) -> bool:
    """Latin forms must look like names: capitalized, and acronyms in capitals."""
    if chunk[0].arabic:
        return True
    if not any(_UPPER.match(t.text) for t in chunk):
        return False
    if len(chunk) == 1:
        written = chunk[0].bare
        for form in (entry.canonical, *entry.forms):
            if form_key(form) == key and form.isupper() and written != form:
                return False
    return True


# ---------------------------------------------------------------------------
# Reading the article.
# ---------------------------------------------------------------------------


def _token(m: regex.Match[str]) -> _Tok:
    text, word = m.group(), m.lastgroup == "word"
    arabic = bool(_ARABIC.match(text))
    variants = tuple((_word_key(v), d) for v, d in _variants(text, arabic)) if word else ()
    return _Tok(m.start(), m.end(), text, word, arabic, variants)


@functools.lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return form_key(word)


def find_entities(text: str, lexicon: Lexicon) -> Entities:
    """People, roles, organizations and places in ``text`` (any language)."""
    return _find(text, lexicon)


@functools.lru_cache(maxsize=64)
def _find(text: str, lexicon: Lexicon) -> Entities:
    from newsassert.normalize import normalize

    norm = normalize(text)
    folded = fold(norm.text)
    toks = [_token(m) for m in _TOKEN.finditer(folded.text)]
    vocab = _vocab(lexicon)

    def original(start: int, end: int) -> tuple[int, int]:
        a, b = folded.span(start, end)
        return norm.to_original(a, b)

    def surface(start: int, end: int) -> str:
        # As written, normalized: the matching form without diacritics.
        a, b = folded.span(start, end)
        return str(_MARKS.sub("", norm.text[a:b]))

    reader = _Reader(toks, vocab, surface, original)
    reader.read_roles(known=())
    known = reader.surnames()
    if known:
        reader = _Reader(toks, vocab, surface, original)
        reader.read_roles(known=known)
    reader.read_surnames()
    reader.read_lexicon()
    return Entities(tuple(sorted(reader.found, key=lambda f: (f.start, f.end, f.kind))))


@attrs.define
class _Person:
    name: str
    key: str
    entity: str | None
    tokens: tuple[str, ...]  # form keys of the name's words


class _Reader:
    """One pass over the tokens of an article."""

    def __init__(
        self,
        toks: list[_Tok],
        vocab: _Vocab,
        surface: Callable[[int, int], str],
        original: Callable[[int, int], tuple[int, int]],
    ) -> None:
        self.toks = toks
        self.vocab = vocab
        self.surface = surface
        self.original = original
        self.found: list[_Found] = []
        self.taken = [False] * len(toks)
        self.people: list[_Person] = []

    # -- helpers ---------------------------------------------------------

    def _text(self, i: int, j: int) -> str:
        return self.surface(self.toks[i].start, self.toks[j - 1].end)

    def _span(self, i: int, j: int, skip: int = 0) -> tuple[int, int]:
        return self.original(self.toks[i].start + skip, self.toks[j - 1].end)

    def _emit(self, kind: str, i: int, j: int, skip: int = 0, **fields: str | None) -> None:
        start, end = self._span(i, j, skip)
        self.found.append(_Found(kind, start, end, tuple(fields.items())))
        for k in range(i, j):
            self.taken[k] = True

    def _key(self, tok: _Tok) -> str:
        return tok.key

    def _is_stop(self, tok: _Tok) -> bool:
        if tok.arabic and self.surface(tok.start, tok.end) in self.vocab.given_names:
            return False
        key = self._key(tok)
        if key in self.vocab.stop:
            return True
        return tok.arabic and key[:1] in _CONJUNCTIONS and key[1:] in self.vocab.stop

    # -- roles and the people after them -----------------------------------

    def read_roles(self, known: Sequence[str]) -> None:
        toks, vocab = self.toks, self.vocab
        i = 0
        while i < len(toks):
            hit = _lookup(toks, i, [vocab.roles], vocab.longest) if toks[i].word else None
            if hit is None:
                i += 1
                continue
            entry, size, _, skip = hit
            j = self._read_role(i, entry, size, skip, known)
            i = max(j, i + 1)

    def _read_role(
        self, i: int, entry: LexiconEntry, size: int, skip: int, known: Sequence[str]
    ) -> int:
        toks, vocab = self.toks, self.vocab
        titles = [(entry.canonical, i, skip)]
        country = self._country_before(i)
        j = i + size
        complement = False  # inside a genitive after the title (للأمم المتحدة في لبنان)
        last_word = toks[i + size - 1]
        definite = not last_word.arabic or (
            self._key(last_word)[skip if size == 1 else 0 :].startswith("ال")
        )
        while j < len(toks):
            tok = toks[j]
            key = self._key(tok) if tok.word else tok.text
            if complement and tok.arabic and key.startswith(("ال", "وال")):
                j += 1  # للأمم المتحدة لعمليات السلام
                continue
            if complement and tok.arabic and key[:1] == "و":
                hit = _lookup(toks, j, [vocab.orgs, vocab.places], vocab.longest)
                if hit is not None and hit[3] == 1:
                    j += hit[1]  # للشرق الأوسط وآسيا
                    continue
            if tok.text in ",،" and j + 1 < len(toks) and toks[j + 1].word:
                j += 1
                continue
            if tok.text == "(" and j + 2 < len(toks) and toks[j + 2].text == ")":
                hit = _lookup(toks, j + 1, [vocab.demonyms, vocab.places], 1)
                if hit is not None:
                    country = country or _country(hit[0])
                    j += 3
                    continue
            if not tok.word:
                break
            if key in vocab.title_adjectives:
                j += 1
                continue
            if tok.arabic and key in known:
                j += 1  # مستشار السوداني: the adviser of a person named before
                continue
            if key in ("للشوون", "لشوون") and j + 1 < len(toks) and toks[j + 1].word:
                j += 2  # للشؤون الخارجية
                continue
            if key in ("باسم", "لدى", "in", "to", "of", "في") or (
                tok.arabic and key[:1] in "لب" and len(key) > 3
            ):
                # باسم الخارجية, لدى العراق, للبنتاغون, of Iraq, في العراق
                start = j if key[:1] in "لب" and key not in ("باسم", "لدى") else j + 1
                hit = _lookup(toks, start, [vocab.orgs, vocab.places], vocab.longest)
                if hit is not None:
                    found, n, table, _ = hit
                    if key in ("of",) or (table == 0 and found.country):
                        country = country or _country(found)
                    j = start + n
                    complement = True
                    continue
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if (
                    tok.arabic
                    and key[:1] == "ل"
                    and start == j
                    and (key.startswith("لل") or (nxt is not None and self._key(nxt)[:2] == "ال"))
                ):
                    j += 1  # لعمليات السلام: a complement the lexicon does not know
                    complement = True
                    continue
                if key not in ("in", "to", "of", "في", "باسم", "لدى"):
                    break
            hit = _lookup(toks, j, [vocab.demonyms], vocab.longest)
            if hit is not None and tok.arabic and hit[3] == 0 and key.startswith("ال"):
                # An adjective agrees with a definite title (وزير الدفاع الأمريكي);
                # after an indefinite one it is a genitive noun: مستشار السوداني.
                if definite:
                    country = country or _country(hit[0])
                j += hit[1]
                continue
            hit = _lookup(toks, j, [vocab.orgs, vocab.places], vocab.longest)
            if hit is not None and tok.arabic and hit[3] == 0:
                # قائد الحشد الشعبي, رئيس إقليم كردستان: the title's own organization.
                found, n, table, _ = hit
                if (table == 0 and found.country) or table == 1:
                    country = country or _country(found)
                j += n
                complement = True
                continue
            more = _lookup(toks, j, [vocab.roles], vocab.longest)
            if more is not None and tok.arabic:
                titles.append((more[0].canonical, j, more[3]))
                j += more[1]
                continue
            break
        end = self._read_name(j)
        if end == j or not self._plausible(j, end):
            return i + size
        person = self._text(j, end)
        key = name_key(person)
        entity = self._person_entity(person)
        for title, at, dropped in titles:
            # Each title's claim spans from that title to the name.
            first, last = self._span(at, end, dropped)
            self.found.append(
                _Found(
                    "role",
                    first,
                    last,
                    (("title", title), ("country", country), ("person", person), ("key", key)),
                )
            )
        self._emit("mention", j, end, type="person", name=person, key=key, entity=entity)
        self.people.append(
            _Person(person, key, entity, tuple(self._key(t) for t in toks[j:end] if t.word))
        )
        return end

    def _country_before(self, i: int) -> str | None:
        """English: "Iraqi Prime Minister", "the US Secretary of Defense"."""
        toks = self.toks
        if i == 0 or toks[i].arabic:
            return None
        for back in (2, 1):
            k = i - back
            if k >= 0 and all(t.word for t in toks[k:i]):
                hit = _lookup(toks[k:i], 0, [self.vocab.demonyms, self.vocab.places], back)
                if hit is not None and hit[1] == back:
                    return _country(hit[0])
        return None

    def _read_name(self, j: int) -> int:
        """The end (exclusive) of the name starting at token ``j`` (``j`` if none)."""
        toks = self.toks
        if j >= len(toks) or not toks[j].word:
            return j
        arabic = toks[j].arabic
        end = j
        while end < len(toks) and end - j < _MAX_NAME:
            tok = toks[end]
            if not tok.word or tok.arabic != arabic:
                break
            ok = self._arabic_name_word(end, end > j) if arabic else self._latin_name_word(tok)
            if not ok:
                break
            end += 1
        # A name does not end in a particle or an initial.
        while end > j and (
            self._key(toks[end - 1]) in self.vocab.particles or toks[end - 1].text.endswith(".")
        ):
            end -= 1
        return end

    def _plausible(self, j: int, end: int) -> bool:
        """Whether tokens ``j:end`` can be a name: not a run of definite nouns.

        ``قائد القوات الدولية العاملة`` is a commander of forces, not a person
        named القوات; a name opens with at most one word with the article
        (الينا رومانسكي), and a lone word with it (السيسي) must end the clause.
        """
        toks = self.toks
        if not toks[j].arabic or not self._key(toks[j]).startswith("ال"):
            return True
        if end - j >= 2:
            return not self._key(toks[j + 1]).startswith("ال")
        nxt = toks[end] if end < len(toks) else None
        return nxt is None or not nxt.word or self._is_stop(nxt)

    def _arabic_name_word(self, i: int, inside: bool) -> bool:
        tok = self.toks[i]
        key = self._key(tok)
        if inside and key[:1] == "ل" and key.endswith("ه") and len(key) > 3:
            return False  # غوتيريش لقيادة: a preposition and a noun, after the name
        if inside and key[:1] == "و" and key not in self.vocab.particles:
            return False  # دونالد ترامب وكالة: a conjunction starts the next phrase
        if _IMPERFECT.match(key) or (inside and _PREP_MASDAR.match(key)):
            return False
        if tok.text.endswith("."):
            return inside and len(tok.text) == 2  # ج. (Lloyd J. Austin)
        if self._is_stop(tok):
            return False
        if key.startswith(("لل", "بال", "وال", "فال", "كال")) and not inside:
            return False
        vocab = self.vocab
        if _lookup(self.toks, i, [vocab.roles], vocab.longest):
            return False
        hit = _lookup(self.toks, i, [vocab.orgs, vocab.places, vocab.demonyms], 1)
        # A nisba surname is spelt like a demonym (السوداني): inside a name it is the name.
        return hit is None or (inside and hit[2] == 2 and hit[3] == 0)

    def _latin_name_word(self, tok: _Tok) -> bool:
        text = tok.bare
        if text in self.vocab.not_names:
            return False
        head = text.split("-")[0].casefold()
        if head in self.vocab.particles or text.casefold() in self.vocab.particles:
            return True
        return bool(_UPPER.match(text))

    def _person_entity(self, name: str) -> str | None:
        for entry in self.vocab.persons:
            if any(names_match(name, form) for form in (entry.canonical, *entry.forms)):
                return entry.canonical
        return None

    # -- later mentions of a surname ----------------------------------------

    def surnames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.tokens[-1] for p in self.people if p.tokens))

    def read_surnames(self) -> None:
        by_surname: dict[str, _Person] = {}
        for someone in self.people:
            if someone.tokens:
                by_surname.setdefault(someone.tokens[-1], someone)
        if not by_surname:
            return
        toks = self.toks
        for i, tok in enumerate(toks):
            if self.taken[i] or not tok.word:
                continue
            for form, dropped in tok.variants:
                linked = by_surname.get(form)
                if linked is None:
                    continue
                person = linked
                if tok.arabic and dropped == 0 and self._adjective(i):
                    break  # الجيش السوداني: an adjective, not the person
                if not tok.arabic and not _UPPER.match(tok.text):
                    break
                # Extend back over the rest of the name when it is written out.
                start = i
                for word in reversed(person.tokens[:-1]):
                    if start > 0 and toks[start - 1].word and self._key(toks[start - 1]) == word:
                        start -= 1
                    else:
                        break
                if any(self.taken[start:i]):
                    start = i
                name = self._text(start, i + 1)
                if dropped:
                    name = name[dropped:]
                self._emit(
                    "mention",
                    start,
                    i + 1,
                    skip=dropped if start == i else 0,
                    type="person",
                    name=name,
                    key=person.key,
                    entity=person.entity,
                )
                break

    def _adjective(self, i: int) -> bool:
        if i == 0 or not self.toks[i - 1].word:
            return False
        prev = self.toks[i - 1]
        key = self._key(prev)
        return prev.arabic and key.startswith("ال") and not self._is_stop(prev)

    # -- organizations, places and demonyms ------------------------------------

    def read_lexicon(self) -> None:
        toks, vocab = self.toks, self.vocab
        tables = [vocab.orgs, vocab.places, vocab.demonyms]
        kinds = ("org", "place", "place")
        i = 0
        while i < len(toks):
            if self.taken[i] or not toks[i].word:
                i += 1
                continue
            hit = _lookup(toks, i, tables, vocab.longest)
            if hit is None or any(self.taken[i : i + hit[1]]):
                i += 1
                continue
            entry, size, table, dropped = hit
            name = self._text(i, i + size)[dropped:]
            if name.startswith("ل") and toks[i].text.startswith("لل"):
                name = "ا" + name  # للعراق names العراق
            entity = entry.country if table == 2 else entry.canonical
            self._emit(
                "mention",
                i,
                i + size,
                skip=dropped,
                type=kinds[table],
                name=name,
                key=name_key(entity) if entity else name_key(name),
                entity=entity,
            )
            i += size


def _country(entry: LexiconEntry) -> str | None:
    """The country an entry stands for: a demonym's or city's country, or a country."""
    if entry.kind == "place" and entry.country is None:
        return entry.canonical
    return entry.country


# ---------------------------------------------------------------------------
# The hook.
# ---------------------------------------------------------------------------


@hookimpl
def newsassert_extract_claims(article: Article, segment: Segment) -> list[Claim]:
    entities = find_entities(article.text, lexicon_of(article))
    claims: list[Claim] = []
    for found in entities.between(segment.start, segment.end):
        fields = dict(found.fields)
        if found.kind == "role":
            claims.append(
                make_claim(
                    article,
                    segment,
                    RoleClaim,
                    found.start,
                    found.end,
                    title=fields["title"] or "",
                    country=fields["country"],
                    person=fields["person"] or "",
                    key=fields["key"] or "",
                )
            )
        else:
            claims.append(
                make_claim(
                    article,
                    segment,
                    MentionClaim,
                    found.start,
                    found.end,
                    type=fields["type"] or "person",
                    name=fields["name"] or "",
                    key=fields["key"] or "",
                    entity=fields["entity"],
                )
            )
    return claims
