"""The scan of a folded text for numbers, and the reader of one number
expression, atom by atom, by the grammar of each language (see
:mod:`newsassert.readers.numbers`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from operator import itemgetter

import attrs

from newsassert.readers.digits import read_run
from newsassert.readers.number_words import (
    _A_BEFORE,
    _BLANK,
    _DAMMA,
    _DIGIT_ORDINAL,
    _MIXED,
    _NOT_A_COUNT,
    _SLASH_FRACTION,
    _TANWEEN_FATH,
    FoundNumber,
    _connector,
    _is_ratio,
    _ordinal,
    _point_word,
    _regexes,
    _signed,
    _slash_fraction,
    _vocabulary,
    _Word,
    _word_in,
)
from newsassert.text.folded import Folded


def scan(folded: Folded, start: int = 0, end: int | None = None) -> list[FoundNumber]:
    """The numbers of ``folded.text[start:end]``, with offsets in the folded text."""
    text = folded.text
    stop = len(text) if end is None else end
    out: list[FoundNumber] = []
    last_end = start
    for begin, m in _starts(text, start, stop):
        if begin < last_end:
            continue
        if m.lastgroup in ("ord_ar", "ord_en"):
            ordinal = _ordinal(text, m)
            if ordinal is not None:
                out.append(ordinal)
                last_end = ordinal.end
                continue
            # "a third": a fraction, read as a number word.
            cardinal = _regexes().cardinal_at.match(text, begin, stop)
            if cardinal is None:
                continue
            m = cardinal
        digits = m.lastgroup == "num"
        if digits:
            slash = _SLASH_FRACTION.match(text, begin, stop)
            if slash is not None and int(slash.group(1)) < int(slash.group(2)):
                out.append(_slash_fraction(slash, begin))
                last_end = slash.end()
                continue
            ordinal_digits = _DIGIT_ORDINAL.match(text, begin, stop)
            if ordinal_digits is not None:
                out.append(
                    FoundNumber(
                        begin, ordinal_digits.end(), float(ordinal_digits.group(1)), ordinal=True
                    )
                )
                last_end = ordinal_digits.end()
                continue
            skip = _NOT_A_COUNT.match(text, begin, stop)
            if skip is not None:
                last_end = skip.end()
                continue
        found = _Reader(folded, stop).read(m)
        if found is not None:
            found = _signed(text, found, max(start, last_end))
            if out and _is_ratio(text, out[-1], found):
                prev = out.pop()
                found = attrs.evolve(
                    prev,
                    end=found.end,
                    value=prev.value / found.value,
                    ratio=True,
                    fraction=True,
                    weak=False,
                    words=prev.words or found.words,
                    scale=1.0,
                )
            out.append(found)
            last_end = found.end
        elif digits:
            last_end = m.end()
    return out


def _starts(text: str, start: int, stop: int) -> list[tuple[int, re.Match[str]]]:
    """The matches that may start a number, by where their atom starts, in text order."""
    patterns = _regexes()
    found = [(m.start(), m) for m in patterns.digits.finditer(text, start, stop)]
    first = patterns.word_at.match(text, start, stop)
    first_end = start
    if first is not None:
        found.append((start, first))
        first_end = first.end()
    for m in patterns.words.finditer(text, start, stop):
        at = m.start(m.lastgroup or 0)
        if at >= first_end:
            found.append((at, m))
    found.sort(key=itemgetter(0))
    return found


_WORD_AT = re.compile(r"\w+")
_POWER = re.compile(r"\^([+-]?\d{1,2})(?![\d.,]\d)")
_PER_BEFORE = re.compile(r"(?<!\w)في[ \t]+\Z")
# Roles that make up the group below a scale ("ثلاثمائة وخمسة وعشرين").
_GROUP = frozenset({"one", "ten", "teen", "tens", "hundred", "digits"})


@attrs.define
class _Reader:
    """The state of one expression: completed scale groups plus the group being read."""

    folded: Folded
    stop: int
    total: float = 0.0  # completed scale groups ("ألفين" of "ألفين وخمسمائة")
    cur: float | None = None  # the group being read, below the last scale
    ceiling: float = float("inf")  # a part joined by و/and must stay below this
    last: str = ""  # role of the last atom read
    last_value: float = 0.0
    vague: tuple[float, float] | None = None
    fraction: bool = False
    words: bool = False
    weak: bool = False
    definite: bool = False
    lang: str | None = None
    closed: bool = False  # nothing joins after "ونصف"
    a_start: int | None = None  # where an English "a" before the first word starts
    jump: int = 0  # where the expression goes on when one join read two atoms

    def read(self, m: re.Match[str]) -> FoundNumber | None:
        """Read the expression a match of :func:`_starts` begins."""
        if m.lastgroup == "num":
            start = m.start()
            run = self._digits(m.group("num"), m.end("num"))
            if run is None:
                return None
            self.cur, self.last, self.last_value = run[0], "digits", run[0]
            end = run[1]
        else:
            word, start = self._word_of(m)
            if word is None or self._per_hundred(word, m, start) or not self._first(word, start):
                return None
            end = m.end()
            if self.a_start is not None:
                start = self.a_start
        extended = self._extend(end)
        if extended is None:
            return None
        if self.words and self.vague is None and not self.fraction and self.cur is not None:
            extended = self._point(extended)
        return self._result(start, extended)

    def _point(self, end: int) -> int:
        """A decimal point as a word: "three point five", "ثلاثة فاصلة خمسة"."""
        text = self.folded.text
        point = _point_word().match(text, end, self.stop)
        if point is None:
            return end
        digits = ""
        at = point.end()
        scale = 1.0
        for n in scan(self.folded, at, self.stop):
            if n.start != at or n.is_vague or n.fraction or n.ordinal or n.value < 0:
                break
            value = n.value / n.scale  # "point five million": five, then the scale
            if value % 1 or value >= 100 or (value >= 10 and digits):
                break
            digits += str(int(value))  # "point zero five" digit by digit; "point twenty-five"
            if n.scale != 1.0 or value >= 10:
                scale, at = n.scale, n.end
                break
            blank = _BLANK.match(text, n.end, self.stop)
            at = n.end
            if blank is None:
                break
            at = blank.end()
        if not digits:
            return end
        while at > end and text[at - 1] in " \t":
            at -= 1
        self.cur = (self.cur or 0.0) + float("0." + digits)
        if scale != 1.0:  # "two point five million"
            self.total, self.cur, self.ceiling, self.last = self.cur * scale, None, scale, "scale"
        return at

    # -- atoms ------------------------------------------------------------

    def _per_hundred(self, word: _Word, m: re.Match[str], start: int) -> bool:
        """ "بالمئة", "في المائة": per cent, not the number 100."""
        if word.role != "hundred" or word.value != 100 or not self.definite:
            return False
        prefix = m.group("ar") or ""
        if prefix.lstrip("وف").startswith("بال"):
            return True
        return _PER_BEFORE.search(self.folded.text, max(0, start - 6), start) is not None

    def _word_of(self, m: re.Match[str]) -> tuple[_Word | None, int]:
        """The word a start match found, and where its span starts."""
        vocab = _vocabulary()
        if m.group("ar") is None:
            return vocab.english.get(m.group("en").casefold()), m.start("en")
        prefix, core = vocab.prefixed[m.group("ar")]
        self.definite = prefix.endswith(("ال", "لل"))
        # The span leaves out a conjunction or preposition but keeps the article
        # (of "للستين" it keeps the second ل, the article's).
        back = 1 if prefix.endswith("لل") else 2 if self.definite else 0
        return vocab.arabic.get(core), m.start("ar") + len(prefix) - back

    def _digits(self, run: str, run_end: int) -> tuple[float, int] | None:
        """The value of a run of digits and where it ends (see :mod:`.digits`)."""
        begin = run_end - len(run)
        if _NOT_A_COUNT.match(self.folded.text, begin, self.stop):
            return None
        if run.startswith("."):
            tail = read_run(run[1:])
            if tail is None or "." in run[1 : 1 + tail[1]]:
                return None
            return float("0" + run[: 1 + tail[1]]), begin + 1 + tail[1]
        read = read_run(run)
        if read is None:
            return None
        return read[0], begin + read[1]

    def _scale_follows(self, at: int) -> bool:
        patterns = _regexes()
        if patterns.suffix.match(self.folded.text, at, self.stop):
            return True
        nxt = patterns.following.match(self.folded.text, at, self.stop)
        if nxt is None or nxt.group("conn").strip():
            return False
        word = _word_in(nxt)
        return word is not None and word.role in ("scale", "plural", "dual")

    def _first(self, word: _Word, start: int) -> bool:
        """Take the first word of an expression; False when it cannot start one."""
        self.words, self.lang = True, word.lang
        role, value = word.role, word.value
        if word.lang == "en" and role in ("scale", "hundred", "dozen", "fraction"):
            # English "a hundred", "a dozen", "a third"; "half" needs no "a".
            a = _A_BEFORE.search(self.folded.text, max(0, start - 4), start)
            if a is not None:
                self.a_start = a.start()
            elif role != "fraction" or word.needs_count:
                return False
            if role == "scale":
                self._apply_scale(1.0, word)
                return True
            if role in ("hundred", "dozen"):
                self._set(role, value, cur=value)
                self.weak = value == 2  # "a couple" of a known noun; alone, two people
                return True
        if role in ("one", "ten") and self._damma(start):
            marked = _vocabulary().marked.get(self._core(start))
            if marked is not None:  # خُمس, عُشر: the fifth, the tenth
                word = _Word("fraction", "ar", value=marked)
                role, value = word.role, word.value
        if role == "zero":
            self._set("zero", 0.0, cur=0.0)
            self.weak = self.definite
            return True
        if role == "dozen" and not word.needs_count:  # دزينة, دزينتان
            self._set("dozen", 12.0, cur=value)
            self.weak = self.definite
            return True
        if role == "fraction":
            if word.needs_count and self.a_start is None:
                return False
            if word.marked and not self._damma(start):
                return False
            self.fraction = True
            self._set("fraction", value, cur=value)
            return True
        if word.only_before_ten:
            self._set("one-before-ten", value, cur=value)
            return True
        if role in _GROUP:
            self._set(role, value, cur=value)
            self.weak = word.weak or self.definite
            return True
        if role == "scale":
            self.total, self.ceiling = value, value
            self._set("scale", value)
            self.weak = self.definite
            return True
        if role == "dual":
            # "ألفاً" (tanween written) is one thousand; "ألفا دولار" two.
            self.total = value * (1.0 if self._tanween(start) else 2.0)
            self.ceiling = value
            self._set("scale", value)
            return True
        if role in ("plural", "vague", "few"):
            high = word.high if role != "plural" else value * 10 - 1
            low = word.low if role != "plural" else value
            self.vague = (low, high)
            self._set("few" if role == "few" else "vague", value)
            return True
        return False

    def _set(self, last: str, value: float, cur: float | None = None) -> None:
        self.last, self.last_value = last, value
        if cur is not None:
            self.cur = cur

    def _damma(self, start: int) -> bool:
        """Whether the word at folded ``start`` has a damma on its first letter."""
        m = _WORD_AT.match(self.folded.text, start)
        if m is None:
            return False
        a, b = self.folded.span(m.start(), m.start() + 1)
        return _DAMMA in self.folded.source[a + 1 : b]

    def _core(self, start: int) -> str:
        m = _WORD_AT.match(self.folded.text, start)
        return m.group() if m is not None else ""

    def _tanween(self, start: int) -> bool:
        """Whether the word at folded ``start`` carries a written tanween fath."""
        m = _WORD_AT.match(self.folded.text, start)
        if m is None:
            return False
        a, b = self.folded.span(m.start(), m.end())
        return _TANWEEN_FATH in self.folded.source[a:b]

    def _apply_scale(self, count: float, word: _Word) -> None:
        self.total += count * word.value
        self.cur = None
        self.ceiling = word.value
        self._set("scale", word.value)
        self.weak = False

    # -- extension --------------------------------------------------------

    def _extend(self, end: int) -> int | None:
        patterns = _regexes()
        following, suffix = patterns.following, patterns.suffix
        text = self.folded.text
        if self.last == "digits":
            power = _POWER.match(text, end, self.stop)
            if power is not None and self.cur:
                # "1.1^23", "2,5^-1": a power written with a caret.
                self.cur = float(Decimal(repr(self.cur)) ** int(power.group(1)))
                return power.end()
            mixed = _MIXED.match(text, end, self.stop)
            if mixed is not None and (self.cur or 0) % 1 == 0:
                numerator, denominator = int(mixed.group(1)), int(mixed.group(2))
                if numerator < denominator:
                    self.cur = (self.cur or 0.0) + numerator / denominator
                    return mixed.end()
            s = suffix.match(text, end, self.stop)
            if s is not None:
                form = (s.group("glued") or s.group("spaced")).casefold()
                scale, _ = _vocabulary().suffixes[form]
                self.total, self.cur = (self.cur or 0.0) * scale, None
                self.ceiling, self.last = scale, "scale"
                suffix_end: int = s.end()
                return suffix_end
        while not self.closed:
            nxt = following.match(text, end, self.stop)
            if nxt is None or not self._join(nxt):
                break
            end = self.jump or nxt.end()
            self.jump = 0
        if self.last in ("one-before-ten", "few"):
            return None  # "أحد" alone is "one of"; "a few" alone is no number
        return end

    def _join(self, nxt: re.Match[str]) -> bool:
        """Join the next atom to the expression; False when it does not belong to it."""
        conn = _connector(nxt.group("conn"))
        if nxt.group("num") is not None:
            run = self._digits(nxt.group("num"), nxt.end("num"))
            if run is None or run[1] != nxt.end("num"):
                return False
            word = _Word("digits", "", value=run[0])
        else:
            found = _word_in(nxt)
            if found is None:
                return False
            word = found
            definite = bool(nxt.group("ar")) and nxt.group("ar").startswith("ال")
            if definite and word.role not in ("plural", "scale", "dual"):
                return False  # only "عشرات الآلاف" takes the article mid-expression
            if word.lang and self.lang and word.lang != self.lang:
                return False
        if self._fraction_sum(nxt, word, conn):
            return True
        if conn == "space" and word.role == "digits" and self.last == "scale":
            # "٧ آلاف ٥ مائة و ٤٠": digits and their hundred after a scale, no و.
            after = _regexes().following.match(self.folded.text, nxt.end(), self.stop)
            then = _word_in(after) if after is not None else None
            if then is not None and then.role == "hundred" and then.value == 100:
                conn = "wa"
        joined = self._join_word(word, conn)
        if joined and word.role != "digits":
            self.words = True
            self.lang = self.lang or word.lang
        return joined

    def _join_word(self, word: _Word, conn: str) -> bool:
        role, value, last = word.role, word.value, self.last
        if self.vague is not None:
            return self._join_vague(word, conn)
        # 11-19: "خمسة عشر", "إحدى عشرة", "اثنا عشر".
        if last in ("one", "one-before-ten") and role == "ten" and conn == "space":
            if word.lang != "ar":
                return False
            self.cur = (self.cur or 0) + 10
            self._set("teen", self.cur)
            self.weak = False
            return True
        if last == "one-before-ten":
            return False
        # Units and tens: "ثلاثة وعشرين", "twenty-three", "twenty three".
        if last == "one" and role == "tens" and conn == "wa":
            return self._add(value, "tens")
        if last == "tens" and role == "one" and conn in ("hyphen", "space") and word.lang == "en":
            return self._add(value, "one")
        # A unit times a hundred: "ثلاث مائة", "one hundred".
        if (
            role == "hundred"
            and value == 100
            and conn == "space"
            and last in _GROUP
            and last != "hundred"
        ):
            if (self.cur or 0) >= 100:
                return False
            self.cur = (self.cur or 0) * 100
            self._set("hundred", 100)
            self.weak = False
            return True
        # A fraction scaling what follows: "نصف مليون", "half a million", "half a dozen".
        if (
            last == "fraction"
            and conn in ("space", "a")
            and role in ("scale", "dozen")
            and value != 2
        ):
            factor, self.cur, self.fraction = self.cur or 0.0, None, False
            if role == "dozen":
                self._set("dozen", 12, cur=factor * 12)
            else:
                self.total, self.ceiling = factor * value, value
                self._set("scale", value)
            return True
        # A count times a scale: "ثلاثة آلاف", "2.5 مليون", "خمسة وعشرين ألفا".
        if role in ("scale", "plural", "dual") and conn == "space" and self.cur is not None:
            if last not in (*_GROUP, "half") or self.fraction or value >= self.ceiling:
                return False
            self._apply_scale(self.cur, word)
            return True
        if (
            role == "dozen"
            and value == 12
            and conn == "space"
            and self.cur is not None
            and last in (*_GROUP, "fraction")
        ):
            self.cur *= 12
            self.fraction = False
            self._set("dozen", 12)
            self.weak = False
            return True
        # A count of parts: "ثلاثة أرباع", "two-thirds", "one third".
        if (
            last in ("one", "digits")
            and conn in ("space", "hyphen")
            and (
                role == "fractions" or (role == "fraction" and word.lang == "en" and self.cur == 1)
            )
        ):
            self.cur = (self.cur or 0) * value
            self.fraction, self.weak = True, False
            self._set("fraction", value)
            return True
        # "ونصف", "and a half": half of the last scale, or a half.
        # "وربع", "and a quarter", "وثُمن" likewise: a sum of a number and a fraction.
        if role == "fraction" and conn in ("wa", "and_a") and not self.fraction:
            if word.lang == "en" and conn == "wa":
                return False
            self._add_part(value)
            self.closed = word.lang == "ar" or value != 0.5
            return True
        # "ثلاثمائة ودزينتان": a dozen (or two) added after a hundred or a scale.
        if last in ("scale", "hundred") and role == "dozen" and conn == "wa" and word.lang == "ar":
            return self._add(value, "dozen")
        # After a scale or a hundred, a smaller part: "ألفين وخمسمائة", "مليون و200
        # ألف", "two thousand five hundred", "one hundred and fifty".
        if last in ("scale", "hundred") and role in _GROUP:
            if conn not in (("wa",) if word.lang == "ar" or role == "digits" else ("space", "and")):
                return False
            if last == "scale":
                if value >= self.ceiling:
                    return False
                self.cur = value
                self._set(role, value)
                self.weak = False
                return True
            if value >= 100:
                return False
            return self._add(value, role)
        return False

    def _add_part(self, part: float) -> None:
        """Add a fraction: of the last scale ("مليون وربع"), or of one ("ثلاثة وربع")."""
        if self.last == "scale" and self.cur is None:
            self.total += part * self.ceiling
        elif self.last == "dozen" and self.last_value == 12:
            self.cur = (self.cur or 0) + part * 12  # "a dozen and a half": eighteen
        else:
            self.cur = (self.cur or 0) + part
        self._set("half", part)

    def _fraction_sum(self, nxt: re.Match[str], word: _Word, conn: str) -> bool:
        """ "سبعون وثلاثة أرباع", "five and three quarters": a count of parts added."""
        if conn not in ("wa", "and") or self.fraction or self.vague is not None:
            return False
        if self.last not in (*_GROUP, "scale") or word.role not in ("one", "digits"):
            return False
        parts = _regexes().following.match(self.folded.text, nxt.end(), self.stop)
        if parts is None or _connector(parts.group("conn")) not in ("space", "hyphen"):
            return False
        of = _word_in(parts)
        if of is None or of.role != "fractions" or (word.lang and of.lang != word.lang):
            return False
        self._add_part(word.value * of.value)
        self.closed, self.jump = True, parts.end()
        return True

    def _add(self, value: float, role: str) -> bool:
        self.cur = (self.cur or 0) + value
        self._set(role, value)
        self.weak = False
        return True

    def _join_vague(self, word: _Word, conn: str) -> bool:
        """Vague words times a scale: "عشرات الآلاف", "tens of thousands", "بضع مئات"."""
        role = word.role
        if role in ("plural", "scale", "hundred"):
            base = word.value
        elif role == "vague":
            base = word.low
        else:
            return False
        if base <= self.last_value:
            return False
        if not ((conn == "space" and role != "fraction") or (conn == "of" and role == "vague")):
            return False
        low, high = self.vague or (0.0, 0.0)
        self.vague = (low * base, (high + 1) * base - 1)
        self._set("vague", base)
        return True

    def _result(self, start: int, end: int) -> FoundNumber | None:
        if self.vague is not None:
            low, high = self.vague
            return FoundNumber(
                start, end, low, True, low, high, words=True, definite=self.definite, lang=self.lang
            )
        value = self.total + (self.cur or 0.0)
        if value == 0 and not self.fraction and self.last not in ("digits", "zero"):
            return None
        return FoundNumber(
            start,
            end,
            value,
            words=self.words,
            weak=self.weak,
            fraction=self.fraction,
            definite=self.definite,
            lang=self.lang,
            scale=self.ceiling if self.last == "scale" and self.cur is None else 1.0,
        )
