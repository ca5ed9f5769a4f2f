"""One pass over an article's tokens: roles and the people who hold them, later
surnames, and the lexicon's organizations, places and demonyms.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from newsassert.extract.entity_vocab import _FORMS, _extend, _lookup, _Vocab, last_part_key
from newsassert.extract.entity_words import (
    _COUNTRY,
    _DEMONYMS,
    _LEXICON,
    _NAMED,
    _ROLES,
    _Tables,
    _Word,
)
from newsassert.extract.people import (
    lower_cased,
    lower_title_name,
    name_end,
    name_words,
    single_name,
)
from newsassert.lexicon import LexiconEntry, form_key
from newsassert.names import name_key, names_match
from newsassert.text.data import read_data
from newsassert.text.folded import Folded, fold_word
from newsassert.text.normalize import Normalized

_MARKS = regex.compile(r"\p{Mn}+")
# An Arabic imperfect verb: a prefix ي ت ن and a bare root, no long vowel
# inside (يتهم, يدعم, تحذر, يتلقى), which given names have (يحيى, ياسر, ترامب).
_IMPERFECT = regex.compile(r"^[يتن][^اويى]{2,4}[ىي]?$")
# A verbal noun after a preposition (بتدمير, بتسببه): not part of a name.
_PREP_MASDAR = regex.compile(r"^[بل]ت\w{3,}$")
_MAX_NAME = 4
_MAX_KNOWN = 6  # words of a form of a known person (تميم بن حمد آل ثاني)
# Name particles that govern the next word: after them a title word is a name.
_GOVERNING = frozenset({"عبد", "ابو", "ابن", "بن"})
_MAX_TITLE_WORDS = 24
# Offices one person holds at a time in one country (data/offices.toml).
_SINGLE_HOLDER = frozenset(
    read_data("offices.toml")["single_holder"]
)  # words (and commas) from a title to the name it gives a role


class _Found(NamedTuple):
    """A claim found in the article, before it is given to its segment."""

    kind: str  # "mention" or "role"
    start: int  # original offsets
    end: int
    fields: dict[str, str | None]  # the claim's own fields, as make_claim takes them


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
        words: list[_Word],
        bounds: list[int],
        marked: list[int],
        vocab: _Vocab,
        norm: Normalized,
        folded: Folded,
    ) -> None:
        self.words = words
        self.bounds = bounds
        self.marked = marked  # the tokens some form of the lexicon starts with
        self.vocab = vocab
        self.norm = norm
        # Folding drops marks only: when it dropped none, its offsets are the
        # normalized text's and need no mapping.
        self.to_input = folded.to_input if len(folded.text) != len(norm.text) else None
        # A text normalizing changed nothing maps to itself. (No character is
        # removed or expanded then: what replaces one is never that character.)
        self.same = norm.text == norm.original
        self.found: list[_Found] = []
        self.taken = [False] * len(words)
        self.people: list[_Person] = []
        # The keys of the words read_roles asked whether they are a known
        # person's: only those can make a second reading differ.
        self.tested: set[str] = set()
        # Whether the text is lower-cased: then a Latin surname is linked to
        # its full name without a capital, a title's name is read without
        # capitals, and the lexicon's forms are looked up in lower case.
        self.lower_cased = lower_cased(words)

    # -- helpers ---------------------------------------------------------

    def _lookup(
        self, i: int, tables: _Tables, longest: int
    ) -> tuple[LexiconEntry, int, int, int] | None:
        return _lookup(self.vocab, self.words, i, tables, longest)

    def _normalized(self, start: int, end: int) -> tuple[int, int]:
        """A span of the folded text as a span of the normalized text."""
        to_input = self.to_input
        if to_input is None:
            return start, end
        first = to_input(start)
        return first, to_input(end) if end > start else first

    def _text(self, i: int, j: int) -> str:
        """Tokens ``i:j`` as written, normalized: the matching form without diacritics."""
        a, b = self._normalized(self.bounds[2 * i], self.bounds[2 * j - 1])
        return str(_MARKS.sub("", self.norm.text[a:b]))

    def _span(self, i: int, j: int, skip: int = 0) -> tuple[int, int]:
        """The original span of tokens ``i:j``, their first ``skip`` letters left out."""
        a, b = self._normalized(self.bounds[2 * i] + skip, self.bounds[2 * j - 1])
        return (a, b) if self.same else self.norm.to_original(a, b)

    def _text_and_span(self, i: int, j: int, skip: int) -> tuple[str, tuple[int, int]]:
        """:meth:`_text` and :meth:`_span` of tokens ``i:j``, mapping their end once."""
        start, end = self.bounds[2 * i], self.bounds[2 * j - 1]
        to_input = self.to_input
        if to_input is None:
            a, b, first = start, end, start + skip
        else:
            a, b = to_input(start), to_input(end)
            first = to_input(start + skip) if skip else a
        text = str(_MARKS.sub("", self.norm.text[a:b]))
        if end <= start + skip:
            b = first
        return text, (first, b) if self.same else self.norm.to_original(first, b)

    def _emit(
        self,
        i: int,
        j: int,
        span: tuple[int, int],
        type: str,
        name: str,
        key: str,
        entity: str | None,
    ) -> None:
        """A mention of tokens ``i:j`` at ``span`` of the original text."""
        fields = {"type": type or "person", "name": name or "", "key": key or "", "entity": entity}
        self.found.append(_Found("mention", span[0], span[1], fields))
        for k in range(i, j):
            self.taken[k] = True

    def _is_stop(self, i: int) -> bool:
        word = self.words[i]
        if not word.stop:
            return False
        # علي is the name Ali, though its key is the preposition على's.
        return not (word.given and self._text(i, i + 1) in self.vocab.given_names)

    # -- roles and the people after them -----------------------------------

    def read_roles(self, known: Sequence[str]) -> None:
        words, vocab = self.words, self.vocab
        bits = _ROLES.bits
        i = 0
        for at in self.marked:
            if at < i or not words[at].mask & bits:
                continue
            if at > 0 and words[at - 1].key in _GOVERNING:
                continue  # عبد الملك, أبو الأمير: a name, not a title
            hit = _lookup(vocab, words, at, _ROLES, vocab.longest)
            if hit is None:
                continue
            entry, size, _, skip = hit
            j = self._read_role(at, entry, size, skip, known)
            i = max(j, at + 1)

    def _read_role(
        self, i: int, entry: LexiconEntry, size: int, skip: int, known: Sequence[str]
    ) -> int:
        words, vocab = self.words, self.vocab
        titles = [(entry.canonical, i, skip)]
        country = self._country_before(i)
        j = i + size
        complement = False  # inside a genitive after the title (للأمم المتحدة في لبنان)
        last_word = words[i + size - 1]
        definite = not last_word.arabic or (
            last_word.key[skip if size == 1 else 0 :].startswith("ال")
        )
        while j < len(words):
            if j - i > _MAX_TITLE_WORDS:
                # A title and its complements never run this long ("رئيس الوزراء"
                # repeated was read to its end from every title: quadratic); the
                # titles nearer the name read it.
                return i + size
            tok = words[j]
            key = tok.key
            if complement and tok.arabic and key.startswith(("ال", "وال")):
                j += 1  # للأمم المتحدة لعمليات السلام
                continue
            if complement and tok.arabic and key[:1] == "و":
                hit = self._lookup(j, _NAMED, vocab.longest)
                if hit is not None and hit[3] == 1:
                    j += hit[1]  # للشرق الأوسط وآسيا
                    continue
            if tok.text in ",،" and j + 1 < len(words) and words[j + 1].word:
                j += 1
                continue
            if tok.text == "(" and j + 2 < len(words) and words[j + 2].text == ")":
                hit = self._lookup(j + 1, _COUNTRY, 1)
                if hit is not None:
                    country = country or _country(hit[0])
                    j += 3
                    continue
            if not tok.word:
                break
            if key in vocab.title_adjectives:
                j += 1
                continue
            if tok.arabic:
                self.tested.add(key)
                if key in known and self._name_follows(j + 1):
                    j += 1  # مستشار السوداني: the adviser of a person named before
                    continue
            if key in ("للشوون", "لشوون") and j + 1 < len(words) and words[j + 1].word:
                j += 2  # للشؤون الخارجية
                continue
            if key in ("باسم", "لدى", "in", "to", "of", "في") or (
                tok.arabic and key[:1] in "لب" and len(key) > 3
            ):
                # باسم الخارجية, لدى العراق, للبنتاغون, of Iraq, في العراق
                start = j if key[:1] in "لب" and key not in ("باسم", "لدى") else j + 1
                hit = self._lookup(start, _NAMED, vocab.longest) if start < len(words) else None
                if hit is not None:
                    found, n, table, _ = hit
                    if key in ("of",) or (table == 0 and found.country):
                        country = country or _country(found)
                    j = start + n
                    complement = True
                    continue
                nxt = words[j + 1] if j + 1 < len(words) else None
                if (
                    tok.arabic
                    and key[:1] == "ل"
                    and start == j
                    and (key.startswith("لل") or (nxt is not None and nxt.key[:2] == "ال"))
                ):
                    j += 1  # لعمليات السلام: a complement the lexicon does not know
                    complement = True
                    continue
                if key not in ("in", "to", "of", "في", "باسم", "لدى"):
                    break
            hit = self._lookup(j, _DEMONYMS, vocab.longest)
            if hit is not None and tok.arabic and hit[3] == 0 and key.startswith("ال"):
                # An adjective agrees with a definite title (وزير الدفاع الأمريكي);
                # after an indefinite one it is a genitive noun: مستشار السوداني.
                if definite:
                    country = country or _country(hit[0])
                j += hit[1]
                continue
            hit = self._lookup(j, _NAMED, vocab.longest)
            if hit is not None and tok.arabic and hit[3] == 0:
                # قائد الحشد الشعبي, رئيس إقليم كردستان: the title's own organization.
                found, n, table, _ = hit
                if (table == 0 and found.country) or table == 1:
                    country = country or _country(found)
                j += n
                complement = True
                continue
            more = self._lookup(j, _ROLES, vocab.longest)
            if more is not None and tok.arabic:
                titles.append((more[0].canonical, j, more[3]))
                j += more[1]
                continue
            break
        end = self._read_name(j)
        apposition = False
        if end == j and not words[i].arabic:
            before = self._name_before(i)
            if before is not None:
                j, end = before  # Mohammed al-Sudani, the prime minister,
                apposition = True
        if end == j or not self._plausible(j, end):
            return i + size
        person = self._text(j, end)
        key = name_key(person)
        holder = self._person_entry(person)
        entity = holder.canonical if holder is not None else None
        for title, at, dropped in titles:
            # Each title's claim spans from that title to the name.
            if apposition:
                first, last = self._span(j, i + size)
            else:
                first, last = self._span(at, end, dropped)
            where = country
            if where is None and holder is not None and title in _SINGLE_HOLDER:
                # A leader's office without a stated country is the office of
                # the country the alias data links the leader to (الرئيس أردوغان).
                where = holder.country
            fields = {"title": title or "", "country": where, "person": person or "", "key": key}
            self.found.append(_Found("role", first, last, fields))
        self._emit(j, end, self._span(j, end), "person", person, key, entity)
        self.people.append(
            _Person(person, key, entity, tuple(w.key for w in words[j:end] if w.word))
        )
        return end

    def _name_follows(self, j: int) -> bool:
        """Whether token ``j`` can start a name (after مستشار السوداني), not the next
        phrase (الرئيس ترامب | وكالة غوث: ترامب is the president)."""
        words = self.words
        if j >= len(words) or not words[j].word:
            return False
        w = words[j]
        if not w.arabic:
            return w.upper
        return w.name_start >= 0 or w.key in name_words().known or w.key.startswith("ال")

    def _name_before(self, i: int) -> tuple[int, int] | None:
        """English apposition: the name before ", the (country's) TITLE" (tokens ``start:end``)."""
        words = self.words
        k = i - 1
        if k >= 2 and words[k].text in ("s", "S") and words[k - 1].text in "'’":
            k -= 3  # Iraq's
        elif k >= 0 and self._lookup(k, _DEMONYMS, 1):
            k -= 1  # the Iraqi prime minister
        if k >= 0 and words[k].key == "the":
            k -= 1
        if k < 1 or words[k].text != ",":
            return None
        end = k
        start = end
        while start > 0 and end - start < _MAX_NAME:
            w = words[start - 1]
            if not w.word or w.arabic or not self._latin_name_word(w) or self.taken[start - 1]:
                break
            start -= 1
        while start < end and words[start].key in self.vocab.particles:
            start += 1
        return (start, end) if end - start >= 2 else None

    def _country_before(self, i: int) -> str | None:
        """English: "Iraqi Prime Minister", "the US Secretary of Defense"."""
        words = self.words
        if i == 0 or words[i].arabic:
            return None
        if i >= 3 and words[i - 1].text in ("s", "S") and words[i - 2].text in "'’":
            i -= 2  # Iraq's interior minister
        for back in (2, 1):
            k = i - back
            if k >= 0 and all(w.word for w in words[k:i]):
                hit = self._lookup(k, _COUNTRY, back)
                if hit is None and self.lower_cased:
                    hit, _ = _extend(self.vocab, words, k, _COUNTRY, back, any_case=True)
                if hit is not None and hit[1] == back:
                    return _country(hit[0])
        return None

    def _read_name(self, j: int) -> int:
        """The end (exclusive) of the name starting at token ``j`` (``j`` if none)."""
        words = self.words
        if j >= len(words) or not words[j].word:
            return j
        arabic = words[j].arabic
        if arabic:
            if words[j].key in ("باسم", "لدى"):
                return j  # a title's complement that the text ends before (المتحدث باسم)
            written = self._text(j, j + 1)[:2]
            if written in ("لإ", "لأ", "بإ", "بأ") and words[j].key not in name_words().known:
                return j  # الرئيس التركي لإعادة تحويل: a preposition and a verbal noun
            end = name_end(self, j, titled=True) if self._arabic_name_word(j, False) else j
            if end - j > 1 and words[end - 1].text.endswith("."):
                end -= 1
            if end - j == 1 and not single_name(words[j].key):
                return j  # الملك بتجميد, السفير توقف, الزعيم له: no name
            return end
        if self.lower_cased:
            return lower_title_name(self, j)
        end = j
        size = 0  # name words, particles not counted (Luiz Inacio Lula da Silva)
        while end < len(words) and size < _MAX_NAME:
            tok = words[end]
            if not tok.word or tok.arabic != arabic:
                break
            ok = self._arabic_name_word(end, end > j) if arabic else self._latin_name_word(tok)
            if not ok:
                break
            end += 1
            size += arabic or tok.key not in self.vocab.particles
        # A name does not end in a particle or an initial.
        while end > j and (
            words[end - 1].key in self.vocab.particles or words[end - 1].text.endswith(".")
        ):
            end -= 1
        return end

    def _plausible(self, j: int, end: int) -> bool:
        """Whether tokens ``j:end`` can be a name: not a run of definite nouns.

        ``قائد القوات الدولية العاملة`` is a commander of forces, not a person
        named القوات; a name opens with at most one word with the article
        (الينا رومانسكي), and a lone word with it (السيسي) must end the clause.
        """
        words = self.words
        if not words[j].arabic or not words[j].key.startswith("ال"):
            return True
        if end - j >= 2:
            return not words[j + 1].key.startswith("ال")
        return end >= len(words) or not words[end].word or self._is_stop(end)

    def lexicon_kind(self, i: int) -> str | None:
        """What token ``i`` is in the lexicon: ``"role"`` (it starts a one-word title),
        ``"title"`` (a longer one), ``"named"`` (a place or organization),
        ``"demonym"`` (one without the article), or None."""
        role = self._lookup(i, _ROLES, self.vocab.longest)
        if role is not None:
            return "role" if role[1] == 1 else "title"
        hit = self._lookup(i, _LEXICON, 1)
        if hit is None or self._clitic_name(i, hit):
            return None
        if hit[2] == 2:
            return None if self.words[i].key.startswith("ال") else "demonym"
        return "named"

    def _arabic_name_word(self, i: int, inside: bool) -> bool:
        tok = self.words[i]
        key = tok.key
        if inside and key[:1] == "ل" and key.endswith("ه") and len(key) > 3:
            return False  # غوتيريش لقيادة: a preposition and a noun, after the name
        if inside and key[:1] == "و" and key not in self.vocab.particles:
            return False  # دونالد ترامب وكالة: a conjunction starts the next phrase
        if (_IMPERFECT.match(key) and key not in name_words().known) or (
            inside and _PREP_MASDAR.match(key)
        ):
            return False
        if tok.text.endswith("."):
            return inside and len(tok.text) == 2  # ج. (Lloyd J. Austin)
        if self._is_stop(i):
            return False
        if key.startswith(("لل", "بال", "وال", "فال", "كال")) and not inside:
            return False
        vocab = self.vocab
        if self._lookup(i, _ROLES, vocab.longest):
            return False
        hit = self._lookup(i, _LEXICON, 1)
        # A nisba surname is spelt like a demonym (السوداني): inside a name it is the name.
        return hit is None or (inside and hit[2] == 2 and hit[3] == 0) or self._clitic_name(i, hit)

    def _clitic_name(self, i: int, hit: tuple[LexiconEntry, int, int, int]) -> bool:
        """Whether a lookup that read a proclitic off a word (كريم: ك + ريم) missed a name."""
        return hit[3] > 0 and self.words[i].key in name_words().known

    def _latin_name_word(self, tok: _Word) -> bool:
        text = tok.text  # a possessive 's is a token of its own
        if text in self.vocab.not_names:
            return False
        head = text.split("-")[0].casefold()
        if head in self.vocab.particles or text.casefold() in self.vocab.particles:
            return True
        return tok.upper

    def _person_entity(self, name: str) -> str | None:
        entry = self._person_entry(name)
        return entry.canonical if entry is not None else None

    def _person_entry(self, name: str) -> LexiconEntry | None:
        """The lexicon's person (a leader, an alias file's) that ``name`` names."""
        if len(name.split()) < 2:
            # One word names a known person only as one of the entry's forms
            # (أردوغان), not as any surname that sounds alike (mustafa).
            return self.vocab.person_forms.get(form_key(fold_word(name)))
        for entry in self.vocab.persons_by_last.get(last_part_key(name), ()):
            if any(names_match(name, form) for form in (entry.canonical, *entry.forms)):
                return entry
        return None

    def read_known_people(self) -> None:
        """People the lexicon knows, named by one of their forms without a title
        (``أردوغان``, ``محمد بن سلمان``, ``Erdogan``): the longest form wins."""
        vocab = self.vocab
        starts, table = vocab.person_starts, vocab.person_forms
        if not table:
            return
        words, taken = self.words, self.taken
        n = len(words)
        i = 0
        while i < n:
            tok = words[i]
            if taken[i] or not tok.word or tok.forms.isdisjoint(starts):
                i += 1
                continue
            if not tok.arabic and not (tok.upper or self.lower_cased):
                i += 1
                continue
            best: tuple[int, int] | None = None  # size, dropped letters
            for form, dropped in tok.variants:
                if form not in starts:
                    continue
                key, size = form, 1
                while True:
                    if key in table and (best is None or size > best[0]):
                        best = (size, dropped)
                    if size >= _MAX_KNOWN or i + size >= n or not words[i + size].word:
                        break
                    key = key + " " + words[i + size].key
                    size += 1
            if best is None or any(taken[i : i + best[0]]):
                i += 1
                continue
            self.add_person(i, i + best[0], best[1])
            i += best[0]

    def add_name(self, i: int, end: int, type: str) -> None:
        """A name of tokens ``i:end`` of a lower-cased text (a person's, or of a kind not told)."""
        if type == "person":
            self.add_person(i, end, 0)
            return
        name, span = self._text_and_span(i, end, 0)
        self._emit(i, end, span, type, name, name_key(name), None)

    def add_person(self, i: int, end: int, skip: int) -> None:
        """A person named without a title: tokens ``i:end``, ``skip`` proclitic letters left out."""
        person, span = self._text_and_span(i, end, skip)
        person = person[skip:]
        key = name_key(person)
        entity = self._person_entity(person)
        self._emit(i, end, span, "person", person, key, entity)
        tokens = [w.key for w in self.words[i:end] if w.word]
        if tokens and skip:
            tokens[0] = tokens[0][skip:]
        self.people.append(_Person(person, key, entity, tuple(tokens)))

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
        words, taken = self.words, self.taken
        # The words that read as a surname, then where they stand (both
        # tested in C: a word is linked when its forms meet the surnames).
        distinct = list(set(words))
        disjoint = map(frozenset.isdisjoint, map(_FORMS, distinct), itertools.repeat(by_surname))
        linked_words = set(itertools.compress(distinct, map(operator.not_, disjoint)))
        for i in itertools.compress(range(len(words)), map(linked_words.__contains__, words)):
            tok = words[i]
            if taken[i]:
                continue
            for form, dropped in tok.variants:
                linked = by_surname.get(form)
                if linked is None:
                    continue
                person = linked
                if tok.arabic and dropped == 0 and self._adjective(i):
                    break  # الجيش السوداني: an adjective, not the person
                if not tok.arabic and not tok.upper and not self._lower_surname(tok):
                    break
                # Extend back over the rest of the name when it is written out.
                start = i
                for part in reversed(person.tokens[:-1]):
                    if start > 0 and words[start - 1].word and words[start - 1].key == part:
                        start -= 1
                    else:
                        break
                if any(taken[start:i]):
                    start = i
                name, span = self._text_and_span(start, i + 1, dropped if start == i else 0)
                if dropped:
                    name = name[dropped:]
                self._emit(start, i + 1, span, "person", name, person.key, person.entity)
                break

    def _lower_surname(self, tok: _Word) -> bool:
        """A lower-case surname of a lower-cased text, not a common word (copeland, not moon)."""
        return self.lower_cased and not name_words().common_word(tok.key)

    def _adjective(self, i: int) -> bool:
        if i == 0 or not self.words[i - 1].word:
            return False
        prev = self.words[i - 1]
        return prev.arabic and prev.key.startswith("ال") and not self._is_stop(i - 1)

    # -- organizations, places and demonyms ------------------------------------

    def read_lexicon(self) -> None:
        words, vocab, taken, found = self.words, self.vocab, self.taken, self.found
        bits, longest = _LEXICON.bits, vocab.longest
        # A demonym names its country but is no place: a mention of its own type.
        kinds = ("org", "place", "demonym")
        i = 0
        # Most articles mention a place or an organization every few words:
        # this loop calls as little as it can per mention.
        for at in self.marked:
            word = words[at]
            if at < i or taken[at] or not word.mask & bits:
                continue
            hit = _lookup(vocab, words, at, _LEXICON, longest)
            if hit is None and self.lower_cased and not word.arabic:
                hit = self._lower_case_form(at)
            if hit is None:
                continue
            entry, size, table, dropped = hit
            if dropped and word.arabic and self._clitic_name(at, hit):
                continue
            end = at + size
            if size > 1 and any(taken[at + 1 : end]):
                continue
            demonym = self._demonym_after(end) if table == 0 and entry.country is None else None
            span_end = end if demonym is None else end + demonym[1]
            name, (first, last) = self._text_and_span(at, span_end, dropped)
            name = name[dropped:]
            if name.startswith("ل") and word.text.startswith("لل"):
                name = "ا" + name  # للعراق names العراق
            entity = entry.country if table == 2 else entry.canonical
            key = name_key(entity) if entity else name_key(name)
            fields = {"type": kinds[table], "name": name, "key": key, "entity": entity}
            found.append(_Found("mention", first, last, fields))
            if demonym is not None:
                # وزارة الدفاع التركية: the ministry's name takes its country's
                # adjective, which still names the country on its own.
                country = demonym[0].country
                text, span = self._text_and_span(end, span_end, 0)
                fields = {
                    "type": "demonym",
                    "name": text,
                    "key": name_key(country) if country else name_key(text),
                    "entity": country,
                }
                found.append(_Found("mention", span[0], span[1], fields))
            for k in range(at, span_end):
                taken[k] = True
            i = span_end

    def _lower_case_form(self, at: int) -> tuple[LexiconEntry, int, int, int] | None:
        """A form of the lexicon written in lower case, in a lower-cased text
        (``new york``, ``baghdad``); not a one-word form that is also a common
        word or a given name (``turkey``, ``jordan``, ``reading``)."""
        words = self.words
        limit = min(self.vocab.longest, len(words) - at)
        hit, _ = _extend(self.vocab, words, at, _LEXICON, limit, any_case=True)
        if hit is not None and hit[1] == 1:
            names = name_words()
            k = words[at].key
            if names.common_word(k):
                return None
            nxt = words[at + 1] if at + 1 < len(words) else None
            if (
                k in names.latin
                and nxt is not None
                and nxt.word
                and not nxt.arabic
                and not names.common_word(nxt.key)
            ):
                return None  # jordan henderson: a given name and a surname
        return hit

    def _demonym_after(self, end: int) -> tuple[LexiconEntry, int] | None:
        """The Arabic demonym agreeing with the organization that ends before token ``end``."""
        words = self.words
        if end >= len(words) or not words[end].arabic or not words[end].key.startswith("ال"):
            return None
        hit = self._lookup(end, _DEMONYMS, self.vocab.longest)
        if hit is None or hit[3] != 0:
            return None
        return hit[0], hit[1]


def _country(entry: LexiconEntry) -> str | None:
    """The country an entry stands for: a demonym's or city's country, or a country."""
    if entry.kind == "place" and entry.country is None:
        return entry.canonical
    return entry.country
