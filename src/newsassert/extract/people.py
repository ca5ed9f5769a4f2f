"""People named without a title, in Arabic and English, found without a model.

Arabic writes no capitals, so a name is recognized by what it is made of
(``data/given_names.json``: given names and surnames of people in Arabic
script, and ``data/entities.toml``: name particles):

* it starts with a given name (``محمد``, ``سامح``, ``جو``), a kunya
  (``أبو مازن``, ``أم كلثوم``: ``أبو``/``أم`` and a given name), or ``عبد``
  and a divine name (``عبد الله``, ``عبد الفتاح``);
* it goes on while the words are name words: given names and surnames, a
  nisba (``السوداني``, ``شكري``: a word ending in ``ي``), a particle and the
  word it governs (``بن سلمان``, ``آل ثاني``, ``أبو الغيط``, ``عبد الأمير``),
  or, as the second word only, any word without the article that is not a
  function word, verb, title, place or organization (``محمد شياع``);
* it ends before anything else: a common noun (``الوفد``), a verb, a time
  word, punctuation, a title, a place or an organization;
* it has two name words at least: a given name alone (``قال محمد``) is too
  weak to report.

English capitalizes names, so a person is a run of capitalized words and
particles anchored by a given name (``data/given_names.json``: Latin given
names) or followed by a reporting verb (``Shoukry said``); sentence-initial
words that are not given names need the verb.
"""

from __future__ import annotations

import functools

import regex

from newsassert.extract.entity_words import _LEXICON, _NAMED, _ROLES, _Word
from newsassert.extract.entity_words import NameReader as _Reader
from newsassert.lexicon import default_lexicon, form_key
from newsassert.text.arabic import CONJUNCTIONS, PREPOSITIONS
from newsassert.text.data import read_data
from newsassert.text.normalize import key

__all__ = [
    "NameWords",
    "lower_cased",
    "lower_title_name",
    "name_end",
    "name_words",
    "read_lower_names",
    "read_people",
    "single_name",
    "start_of_name",
]

_MAX_WORDS = 6
# Particles that govern the next word of a name: it is a name word whatever it is.
_GOVERNING = frozenset({"بن", "ابن", "بنت", "ال", "ابو", "ام", "عبد", "ولد"})
# A conjunction or preposition a name may carry at its start (ومحمد, لمحمد);
# not ك.
_PROCLITICS = (*CONJUNCTIONS, *(p for p in PREPOSITIONS if p != "ك"))
# A given name borne by this many people (in the data) is evidence enough to
# start a name followed by an unknown word; rarer ones need a known second word.
_STRONG = 10
_ATTESTED = 3
# Regnal numbers after a given name (محمد السادس, عبد الله الثاني).
_ORDINALS = frozenset(
    key(w)
    for w in [
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
    ]
)
# Data files whose words are common words, never the start of a name: a
# given name spelt like one of them (رئيس, خمسة, قوات) is no evidence.
_COMMON_WORDS = ("roles.toml", "units.toml", "numbers.toml", "hedges.toml", "entities.toml")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _calendar_words() -> set[str]:
    """The keys of the one-word Arabic names of months and weekdays."""
    data = read_data("months.json")
    return {
        key(str(e["name"]))
        for e in [*data["months"], *data["weekdays"]]
        if e.get("lang") == "ar" and " " not in str(e["name"])
    }


class NameWords:
    """The name vocabulary, as lossy keys (hamza, ة and ى folded)."""

    def __init__(self) -> None:
        data = read_data("given_names.json")
        common = {key(w) for f in _COMMON_WORDS for s in _strings(read_data(f)) for w in s.split()}
        # Month and weekday names (يناير, آب, الثلاثاء) are listed as given
        # names of a few people, but after a date's day number they start no
        # name (27 يناير قتلت ...). Hijri months are real given names (رمضان,
        # رجب) and are not in this file.
        calendar = _calendar_words()
        weak = {key(w) for w in data["not_evidence"]} | common | calendar
        arabic: dict[str, list[object]] = data["arabic"]
        counts = {key(k): int(str(v[0])) for k, v in arabic.items()}
        western = {key(w) for w in (*data["western"], *data["foreign"])}
        given = set(counts) | western
        never = {key(w) for w in data["not_evidence"]} | calendar
        # Given names of the West and foreign officials (جو, فلاديمير): the
        # surname after them is foreign too and may end like a plural (بوتين,
        # ماكرون) or start like a preposition (بلينكن).
        self.foreign = frozenset(western)
        self.strong = frozenset(
            k for k in given if (k in western or counts.get(k, 0) >= _STRONG) and k not in weak
        )
        # A "given name" with the article (المصري) is a nisba the data mislabelled.
        self.given = frozenset(
            k
            for k in given
            if k not in never and (k not in common or k in counts) and not k.startswith("ال")
        )
        # Inside a name, a given name borne by one or two people in the data is
        # as likely a common word the data mislabelled (اعتقال) as a name.
        attested = {k for k in given if k in western or counts.get(k, 0) >= _ATTESTED}
        # Common words of newsassert's own vocabulary (units, numbers, hedges,
        # function words) are no name words though the data lists them.
        titles = {key(w) for s in _strings(read_data("roles.toml")) for w in s.split()}
        plain = (common | never) - titles
        known = attested | {key(w) for w in data["surnames"]} | _ORDINALS
        self.known = frozenset(known - plain)
        spelt = (str(w) for v in arabic.values() for w in v[1:])
        self.latin = frozenset(w.casefold() for w in (*data["latin"], *spelt))
        words = read_data("entities.toml")
        self.reporting = frozenset(words["english"]["reporting_verbs"])
        self.org_heads = frozenset(words["english"]["org_heads"])
        self.joiners = frozenset(words["english"]["name_joiners"])
        self.epithets = frozenset(key(w) for w in words["arabic"]["epithets"])
        english = read_data("english_words.json")
        self.common = frozenset(english["common"]) | frozenset(words["english"]["common_words"])
        self.surnames = frozenset(english["surnames"])
        self.function = frozenset(words["english"]["function_words"])
        self.honorifics = frozenset(words["english"]["honorifics"])
        self.calendar = frozenset(
            key(str(e["name"]))
            for part in ("months", "weekdays")
            for e in read_data("months.json")[part]
            if e.get("lang") == "en"
        )
        # One-word places, organizations and demonyms that are given names
        # too (london, jordan, chelsea): in lower case as weak as a common word.
        lexicon = default_lexicon()
        self.named = frozenset(
            k
            for kind in ("place", "org", "demonym")
            for form in lexicon.forms(kind)
            if " " not in (k := form_key(form)) and k.isascii()
        )

    def common_word(self, word: str) -> bool:
        """Whether the lower-case English ``word`` is a common word or a form of one."""
        if word in self.common or word in self.function:
            return True
        return any(
            len(stem) >= 3 and stem in self.common
            for ending, stem in _inflections(word)
            if word.endswith(ending)
        )


def _inflections(word: str) -> tuple[tuple[str, str], ...]:
    """The lemmas a regular English form may have, with the ending each drops."""
    return (
        ("s", word[:-1]),  # claims
        ("es", word[:-2]),  # reaches
        ("ies", word[:-3] + "y"),  # carries
        ("d", word[:-1]),  # moved
        ("ed", word[:-2]),  # learned
        ("ed", word[:-3]),  # stopped
        ("ied", word[:-3] + "y"),  # carried
        ("ing", word[:-3]),  # playing
        ("ing", word[:-3] + "e"),  # moving
        ("ing", word[:-4]),  # stopping
        ("ly", word[:-2]),  # quickly
        ("er", word[:-2]),  # bigger: not a name test, a common comparative
        ("est", word[:-3]),
        ("est", word[:-3] + "e"),  # largest
        ("men", word[:-3] + "man"),  # gunmen
    )


@functools.cache
def name_words() -> NameWords:
    return NameWords()


def start_of_name(key_: str, names: NameWords) -> tuple[int, bool]:
    """How many proclitic letters to skip when ``key_`` can start a name (else -1), and
    whether it is strong evidence."""
    for skip in (0, 1, 2):
        if skip and (len(key_) - skip < 3 or key_[skip - 1] not in _PROCLITICS):
            break
        if skip == 2 and key_[0] not in "وف":
            break
        rest = key_[skip:]
        if rest in ("عبد", "ابو", "ام"):
            return skip, True
        # After a proclitic (ودان, بشأن) only a common given name is read as one.
        if rest in names.given and (not skip or rest in names.strong):
            return skip, rest in names.strong
    return -1, False


def read_people(reader: _Reader) -> None:
    """Add the people named without a title to ``reader`` (after roles, before surnames)."""
    words, taken = reader.words, reader.taken
    names = name_words()
    n = len(words)
    lower = reader.lower_cased = lower_cased(words)
    reader.read_known_people()
    i = 0
    while i < n:
        tok = words[i]
        if taken[i] or not tok.word:
            i += 1
            continue
        if tok.arabic:
            starts = tok.name_start >= 0 and not (tok.stop and reader._is_stop(i))
            end, skip = _arabic_name(reader, i, names) if starts else (i, 0)
        elif lower:
            end, skip = _lower_case_name(reader, i, names), 0
        else:
            end, skip = _latin_name(reader, i, names), 0
        if end > i and not any(taken[i:end]):
            reader.add_person(i, end, skip)
            i = end
        else:
            i += 1


def _arabic_name(reader: _Reader, i: int, names: NameWords) -> tuple[int, int]:
    words = reader.words
    first = words[i]
    skip = first.name_start
    head = first.key[skip:]
    if reader._lookup(i, _NAMED, reader.vocab.longest):
        return i, 0  # واشنطن, صلاح الدين: a place or organization of the lexicon
    n = len(words)
    if head in ("عبد", "ابو", "ام"):
        # عبد الله, أبو مازن, أم كلثوم: a particle and the word it governs.
        nxt = words[i + 1] if i + 1 < n else None
        if nxt is None or not nxt.word or not nxt.arabic or reader._is_stop(i + 1):
            return i, 0
        if head == "عبد" and not nxt.key.startswith("ال"):
            return i, 0
        if head != "عبد" and nxt.key not in names.known:
            return i, 0
    end = name_end(reader, i, titled=False, strong=first.strong_start)
    return (end, skip) if end - i >= 2 else (i, 0)


def name_end(reader: _Reader, j: int, *, titled: bool, strong: bool = True) -> int:
    """The end of the Arabic name whose first word is token ``j``.

    After a title (``titled``) the first word is taken as given and unknown
    words (foreign names: الينا رومانسكي) may follow; without one, the first
    word is a given name or a particle, and a weak given name needs a known
    second word.
    """
    words = reader.words
    names = name_words()
    known = names.known
    n = len(words)
    end = j + 1
    limit = _MAX_WORDS if not titled else _MAX_WORDS - 1
    while end < n and end - j < limit:
        tok = words[end]
        if not tok.word or not tok.arabic or reader._is_stop(end):
            break
        k = tok.key
        prev = words[end - 1].key
        if titled and len(tok.text) == 2 and tok.text.endswith("."):
            end += 1  # an initial: لويد ج. أوستن
            continue
        if prev in _GOVERNING:
            end += 1  # عبد الأمير, أبو الغيط, بن سلمان: governed, whatever it is
            continue
        if k in _GOVERNING:
            nxt = words[end + 1] if end + 1 < n else None
            if nxt is None or not nxt.word or not nxt.arabic or reader._is_stop(end + 1):
                break
            if k in ("ام", "ال") and nxt.key not in known:
                break  # أم is also "or"; آل needs a known family (آل ثاني)
            end += 1
            continue
        if k[:3] in ("بال", "لل", "وال", "فال", "كال") or k[:2] == "لل":
            break  # بالفوز, للشعب: a preposition and a noun
        if k in known:
            # A name, though spelt like a verb (نصر) or with و (وهبي): only a
            # title, a place or an organization stops it.
            kind = reader.lexicon_kind(end)
            if kind in ("named", "title", "demonym") or (kind == "role" and k.startswith("ال")):
                break  # روحاني | واشنطن, محمد بن سلمان | ولي العهد, شاب | عراقي
            if (
                end - 1 > j
                and _NISBA.match(prev)
                and words[end - 2].key not in _GOVERNING
                and not _NISBA.match(k)
            ):
                # A definite family name ends the name, though the next word
                # is a name word too: راشد الغنوشي | أنصار, حيدر العبادي | النصر
                # (another nisba goes on: محمد الحسيني الشيرازي).
                break
        elif not reader._arabic_name_word(end, True):
            break
        elif prev.startswith("ال") and end - 1 > j and words[end - 2].key not in _GOVERNING:
            break  # the definite surname ends a name: السوداني | الوفد
        # A nisba the data lacks is a name word with the article (السوداني);
        # without it, it is as likely an adjective (حكم قضائي).
        if k in known or (len(k) >= 6 and k.startswith("ال") and k.endswith("ي")):
            end += 1
            continue
        # An unknown word is a name word second (محمد شياع), or third when it
        # is long and no verbal noun (رجب طيب أردوغان, not: جو بايدن فرض).
        bare = (titled or strong) and (
            end - j == 1
            or (end - j == 2 and len(k) >= 5 and not _MASDAR.match(k) and not _FUTURE.match(k))
        )
        if k.startswith("ال"):
            # A definite family name the data lacks (الدبيبة) ends the name,
            # unless an adjective agreeing with it follows (الوفد الأمريكي).
            # It is the name only when the clause plainly goes on after it
            # (a particle, a verb, a comma): at a sentence's end or before
            # content it is as likely the verb's object (التقى سامح شكري الوفد.).
            after = words[end + 1] if end + 1 < n else None
            goes_on = after is not None and (
                (after.word and after.arabic and reader._is_stop(end + 1)) or after.text in ",،:؛"
            )
            # After a foreign surname the data lacks (غوتيريش), a definite
            # word is the verb's object: أنطونيو غوتيريش | الهجوم.
            foreign = end - j >= 2 and prev not in known
            if (titled or strong or end - j >= 2) and goes_on and not foreign:
                end += 1
            break
        foreign = end - j == 1 and words[j].key[max(0, words[j].name_start) :] in names.foreign
        if bare and _bare_word(k, titled or foreign):
            end += 1
            continue
        break
    while end > j + 1 and words[end - 1].key in _GOVERNING:
        end -= 1
    return end


# Verbal nouns of the derived forms, which follow a name as its verb's object:
# إرسال (إفعال), اعتقال and افتتاح (افتعال), استقبال (استفعال), انسحاب (انفعال),
# تدمير (تفعيل), تعاون (تفاعل).
_MASDAR = regex.compile(r"^(?:ا..ا.|ا.ت.ا.|است..ا.|ان..ا.|ت..ي.|ت.ا..|ت...ه)$")
_MASDAR_NOT_TAFAAUL = regex.compile(r"^(?:ا..ا.|ا.ت.ا.|است..ا.|ان..ا.|ت..ي.|ت...ه)$")


_FAEEL = regex.compile(r"^..ي.$")
# A verb in the future (سيزور, ستعقد): not the third word of a name.
_FUTURE = regex.compile(r"^س[يتن]")
# A definite nisba: السوداني, الغنوشي.
_NISBA = regex.compile(r"^ال..+ي$")


def single_name(k: str) -> bool:
    """Whether one word after a title may be the whole name (السيسي, ترامب).

    A known name, or a word without the article shaped like neither a verb
    nor a verbal noun nor a preposition and its noun (الملك بتجميد, السفير
    توقف, الزعيم له).
    """
    names = name_words()
    if k in names.known:
        return True
    if len(k) <= 2:
        return False
    if k.startswith("ال"):
        # A nisba the data does not know as a surname is an adjective that
        # agrees with the title (السفير الفلبيني), and a definite noun no
        # name (الاعتقال); السيسي and السوداني are known.
        return False
    if k[0] in "بلكوف" and k[1] not in "اوي":
        return False  # بدفع, لقيامه: a preposition and a noun (not بايدن, بوتين)
    # (Not تفاعل: ترامب has its shape.)
    if len(k) <= 2 or _MASDAR_NOT_TAFAAUL.match(k) or (len(k) == 4 and k[0] in "يت"):
        return False  # توقف, يقول, تحويل
    # A preposition or conjunction and a noun (بتجميد, لإعادة, وكالة).
    return not (k[0] in "بلكوف" and (_MASDAR.match(k[1:]) or k[1:3] == "ال"))


def after_definite(after: _Word | None) -> bool:
    """Whether ``after`` is an Arabic definite word (an adjective agreeing with the one before)."""
    return after is not None and after.word and after.arabic and after.key.startswith("ال")


def _bare_word(k: str, titled: bool = False) -> bool:
    """Whether an unknown word may be a name word (محمد شياع, رجب طيب أردوغان)."""
    if k.startswith("ال") or len(k) < 3:
        return False
    if not titled and len(k) >= 4:
        # Without a title: a verb (يناهز, تتوفى, تروي), or a proclitic and a
        # noun (بخطف, لقيامه); a long vowel second is a foreign name (بايدن,
        # بوتين), and ترامب has none of a verb's shapes.
        if k[0] in "يت" and (len(k) == 4 or k[1] in "تن" or k.endswith(("ي", "ون", "ان"))):
            return False
        if k[0] in "بلكوف" and k[1] not in "اوي":
            return False
    # An accusative or feminine noun, a plural (وفدا, زيارة, قوات) or an
    # adjective of the pattern فعيل (كبير, جديد) is read as the next phrase.
    # After a title the plural endings are let through: foreign names end so
    # (ماكرون, بوتين, كلينتون).
    endings = ("ا", "ه", "ات") if titled else ("ا", "ه", "ات", "ون", "ين")
    return not k.endswith(endings) and not _FAEEL.match(k)


def _latin_name(reader: _Reader, i: int, names: NameWords) -> int:
    words = reader.words
    tok = words[i]
    if not tok.upper or tok.text in reader.vocab.not_names:
        return i
    if i > 0:
        prev = words[i - 1]
        if prev.word and not prev.arabic and prev.upper and prev.text not in reader.vocab.not_names:
            return i  # inside a capitalized run that is no name (New York Times)
    n = len(words)
    end = i
    while end < n and end - i < _MAX_WORDS:
        w = words[end]
        if not w.word or w.arabic or not reader._latin_name_word(w):
            break
        if end > i and reader._lookup(end, _ROLES, reader.vocab.longest):
            break
        end += 1
    while end > i and words[end - 1].key in reader.vocab.particles:
        end -= 1
    if end - i < 2:
        return i
    # A run with a place, organization or title of the lexicon in it is no
    # person (New York, West London), nor one headed like an organization
    # (Met Police, Revolutionary Guard).
    if reader._lookup(i, _ROLES, reader.vocab.longest):
        return i
    for k in range(i, end):
        if words[k].text in names.org_heads or reader._lookup(k, _LEXICON, end - k):
            return i
    # A run after "of"/"for" that follows a capitalized word is the end of a
    # longer name (Ministry of Foreign Affairs, Bank of England), no person;
    # after "and" only when an organization's head word comes before it
    # (Department of Trade and Industry; not Joss Ackland and Nicole
    # Keniheart, Brian and Charlotte Smith).
    if (
        i >= 2
        and words[i - 1].key in names.joiners
        and words[i - 2].upper
        and (words[i - 1].key != "and" or words[i - 2].text in names.org_heads)
    ):
        return i
    given = tok.key in names.latin
    said = end < n and words[end].key in names.reporting
    if not (given or said):
        return i
    return end


# A text is read as lower-cased when at most this share of its Latin words is
# capitalized (acronyms such as UNK do not count), and it has enough words to tell.
_LOWER_SHARE = 0.01
_LOWER_WORDS = 6


def lower_cased(words: list[_Word]) -> bool:
    """Whether the Latin words of a text are (almost) all lower case."""
    latin = capitalized = 0
    for w in words:
        if w.word and not w.arabic:
            latin += 1
            capitalized += w.upper and not w.text.isupper()
    return latin >= _LOWER_WORDS and capitalized <= latin * _LOWER_SHARE


def lower_title_name(reader: _Reader, j: int) -> int:
    """The end of the name after a title in lower-cased English (``j`` if none).

    Capitals tell nothing there: the name is the given names, particles and
    words no list knows after the title (``prime minister mustafa al-kadhimi
    said``, ``president obama``), and a known surname after a given name
    (``gordon brown``); it ends at a function word, a reporting verb or a
    common word (``the president said``, ``president of the club``).
    """
    words = reader.words
    names = name_words()
    n = len(words)
    end = j
    while end < n and end - j < _MAX_LOWER:
        tok = words[end]
        if not _latin_word(tok) or not tok.text.replace("-", "").replace("'", "").isalpha():
            break
        k = tok.key
        if " " in k and k.split(" ")[0] in reader.vocab.particles:
            end += 1  # al-kadhimi
            continue
        if k in names.function or k in names.reporting or k in names.honorifics:
            break
        if k in reader.vocab.particles:
            end += 1
            continue
        given = k in names.latin
        if given and end == j and names.common_word(k):
            # A given name that is a common word (mark, rose) is the name when
            # a name word follows it (president mark carney; not the king rose to).
            nxt = words[end + 1] if end + 1 < n else None
            given = (
                _latin_word(nxt)
                and nxt is not None
                and nxt.key not in names.function
                and (nxt.key in names.latin or not names.common_word(nxt.key))
            )
        if given or not names.common_word(k) or (end > j and k in names.surnames):
            end += 1
            continue
        break
    while end > j and words[end - 1].key in reader.vocab.particles:
        end -= 1
    return end


def _latin_word(tok: _Word | None) -> bool:
    return tok is not None and tok.word and not tok.arabic


def _surname_like(word: str, names: NameWords, *, strict: bool) -> bool:
    """Whether the lower-case ``word`` after a given name may be a surname.

    ``strict``: after a given name that is a common word, only a word that is
    none may follow (``will smith``, not ``will be``).
    """
    if len(word) < 2 or word in names.function or word in names.reporting:
        return False
    if not word.replace("-", "").replace("'", "").isalpha():
        return False
    if not names.common_word(word):
        return True
    return not strict and word in names.surnames


def _lower_case_name(reader: _Reader, i: int, names: NameWords) -> int:
    """The end of a person's name in lower-cased English starting at token ``i`` (else ``i``)."""
    words = reader.words
    n = len(words)
    first = words[i]
    if first.arabic or i + 1 >= n or not _latin_word(words[i + 1]):
        return i
    w1, w2 = first.key, words[i + 1].key
    if w1 in names.function or w1 in names.reporting or w1 in reader.vocab.particles:
        return i
    # Two words that are no common words before a reporting verb (shezoy
    # bleary said, jordan henderson said).
    said = i + 2 < n and words[i + 2].key in names.reporting
    if said and all(_surname_like(w, names, strict=True) for w in (w1, w2)):
        return i + 2
    if w1 in names.latin:
        # A given name that is a common word or a place (will, mark, london)
        # needs a second word that is neither, nor another given name
        # (mark zuckerberg; not will be, sister nicole, london wasps).
        if w1 in names.named or names.common_word(w1):
            if w2 in names.latin or w2 in names.named or not _surname_like(w2, names, strict=True):
                return i  # north brisbane, north american
        elif not _surname_like(w2, names, strict=False):
            return i
        end = i + 2
        # A middle name or a particle (mary kate olsen, abu bakr al-baghdadi).
        nxt = words[end] if end < n else None
        if (
            _latin_word(nxt)
            and nxt is not None
            and (w2 in names.latin or w2 in reader.vocab.particles)
            and _surname_like(nxt.key, names, strict=True)
        ):
            end += 1
        return end
    return i


# Tokens of the Penn Treebank's escapes for brackets (-lrb- psu -rrb-), which
# tokenized data sets write as words.
_TREEBANK = frozenset({"lrb", "rrb", "lsb", "rsb", "lcb", "rcb"})


def _unknown_word(tok: _Word, names: NameWords) -> bool:
    """Whether a word of a lower-cased English text is a name no list knows (moffat)."""
    if tok.arabic or not tok.word:
        return False
    k = tok.key
    if len(k) < 3 or k in names.function or k in names.reporting or k in _TREEBANK:
        return False
    if k in names.named or k in names.calendar or k in names.latin:
        return False  # a given name alone is no evidence of anything (alex)
    parts = k.replace("’", "'").replace("'", "-").split("-")
    if not all(p.isalpha() for p in parts):
        return False
    if len(parts) > 1:
        if any(p in names.function for p in parts):
            return False
        return any(len(p) >= 3 and not names.common_word(p) for p in parts)
    return not names.common_word(k)


def read_lower_names(reader: _Reader) -> None:
    """English names that no word list knows (``new moffat``, ``Bueno played``).

    A word that no list knows (not a common word of WordNet, nor a function
    word, a month, a given name alone, a place or organization of the
    lexicon) is read as a name, with the unknown words and given names next
    to it; in cased text only capitalized words are. In lower-cased text,
    where capitals tell nothing, it is a person's after an honorific (``ms
    stevens``: then any word is the name) or before a reporting verb
    (``moffat said``); else its kind is not told and the mention's type is
    ``name``.
    """
    lower = reader.lower_cased
    words, taken = reader.words, reader.taken
    names = name_words()
    n = len(words)
    i = 0
    while i < n:
        tok = words[i]
        if taken[i] or tok.arabic or not tok.word or not (lower or tok.upper):
            i += 1
            continue
        prev = words[i - 1] if i > 0 else None
        honored = (
            lower
            and prev is not None
            and prev.key in names.honorifics
            and tok.key not in names.function
            and tok.key.isalpha()
        )
        if not (honored or _unknown_word(tok, names)):
            i += 1
            continue
        start = i
        if (
            prev is not None
            and not taken[i - 1]
            and _latin_word(prev)
            and prev.key in names.latin
            and (lower or prev.upper)
        ):
            start = i - 1
        end = i + 1
        while end < n and end - start < _MAX_LOWER and not taken[end]:
            nxt = words[end]
            if not (lower or nxt.upper) or not (
                _unknown_word(nxt, names)
                or (nxt.key in names.latin and _surname_like(nxt.key, names, strict=True))
            ):
                break
            end += 1
        said = end < n and words[end].key in names.reporting
        reader.add_name(start, end, "person" if honored or (lower and said) else "name")
        i = end


_MAX_LOWER = 4
