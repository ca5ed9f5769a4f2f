"""Generate ``src/newsassert/data/given_names.json``: given names in Arabic script and Latin.

Sources (both on PyPI, both read from the installed package, nothing fetched):

* Arabic-script given names with their Latin spellings: the name index that
  ships in ``arabic-name-romanizer`` (MIT; its rows marked ``wikidata`` are
  Wikidata labels of people, CC0 1.0). Only the ``given`` rows from Wikidata
  are used, a name kept when it is the given name of at least
  ``MIN_PEOPLE`` people, and its Latin spellings when at least two people
  write it so. The package's code and model are not used (install it with
  ``--no-deps``: its ONNX runtime is not needed to read the index).
* Surnames in Arabic script (the ``surname`` rows of the same index, kept when
  at least ``MIN_PEOPLE`` people bear them): a word after a given name that
  is one of these is part of the name.
* Latin given names of the English-speaking press: the English first names
  of ``Faker`` (MIT); their Arabic spellings, where the English -> Arabic
  name dictionary shipped in ``arabnamer`` (data CC BY 4.0, Sayed Yousef)
  has one, join the Arabic given names (جو, دونالد, لويد).

Run it again when either package changes::

    pip install --no-deps arabic-name-romanizer arabnamer faker
    python scripts/gen_given_names.py
"""

from __future__ import annotations

import collections
import importlib.util
import json
import sqlite3
from pathlib import Path

from newsassert.normalize import key

OUT = Path(__file__).resolve().parent.parent / "src" / "newsassert" / "data" / "given_names.json"
MIN_PEOPLE = 2
MIN_SPELLING = 2
MAX_SPELLINGS = 4
# Letters of Urdu only: a name written with them is not an Arabic spelling.
URDU = set("ھےٹڈںڑۓ")

# Given names that are also common words of news Arabic (nouns, adjectives,
# demonyms, the ظل of في ظل), and words the index lists as given names that are
# titles or particles: never the start of a name without a title (a title's
# person or a later name word still may be). Curated from newswire headlines.
NOT_EVIDENCE = [
    "أمل",
    "نور",
    "سلام",
    "عام",
    "ملك",
    "أمير",
    "سيد",
    "شيخ",
    "حاج",
    "خان",
    "بيك",
    "بيگ",
    "بك",
    "باشا",
    "مير",
    "مولانا",
    "الله",
    "عبد",
    "ابو",
    "ابن",
    "بن",
    "بنت",
    "ام",
    "آل",
    "وفاء",
    "أمان",
    "فوز",
    "فائز",
    "نجاح",
    "نجاة",
    "هدى",
    "سعادة",
    "فرح",
    "ثورة",
    "دولة",
    "حرية",
    "وطن",
    "عدل",
    "علم",
    "شهيد",
    "شاهد",
    "قائد",
    "مدير",
    "وزير",
    "والي",
    "قاضي",
    "طالب",
    "واحد",
    "وحيد",
    "أول",
    "عون",
    "زمان",
    "دين",
    "ايمان",
    "إيمان",
    "ايران",
    "عراق",
    "مصر",
    "يمن",
    "شام",
    "لبنان",
    "سوريا",
    "تركيا",
    "فلسطين",
    "عرب",
    "عربي",
    "إسلام",
    "اسلام",
    "مجد",
    "حق",
    "نظيره",
    "نظيرته",
    "رئيس",
    "نائب",
    "سفير",
    "جديد",
    "حرب",
    "فجر",
    "شمس",
    "قمر",
    "نصر",
    "فتح",
    "عيد",
    "ظل",
    "حكم",
    "شاب",
    "أكبر",
    "علاوة",
    "إعتقال",
    "اعتقال",
    "أحمر",
    "جان",
    "أحد",
    "منصب",
    "ولي",
    "دون",
    "خبر",
    "بحر",
    "كبير",
    "جديد",
    "تركي",
    "مصري",
    "عراقي",
    "سوري",
    "يمني",
    "ليبي",
    "عربي",
    "كردي",
    "شيعي",
    "سني",
    "إقبال",
]


# Given names of foreign officials and public figures as the Arabic press
# spells them, with their Latin spelling: the Wikidata rows hold few people
# of these names in Arabic script, too few to start a name without a title
# (ستيفان دوجاريك, مارتن غريفيث, سيرغي لافروف). Curated by hand from the
# names in Arabic newswire; each is a strong start of a name.
FOREIGN = {
    "ستيفان": ["Stephane", "Stefan"],
    "ستيفن": ["Steven", "Stephen"],
    "ستيف": ["Steve"],
    "ميشال": ["Michel"],
    "ميشيل": ["Michel", "Michelle"],
    "مارتن": ["Martin"],
    "مارتين": ["Martin"],
    "سيرغي": ["Sergei", "Sergey"],
    "سيرجي": ["Sergei", "Sergey"],
    "فلاديمير": ["Vladimir"],
    "فولوديمير": ["Volodymyr"],
    "ديمتري": ["Dmitry"],
    "ديميتري": ["Dmitry"],
    "يفغيني": ["Yevgeny"],
    "إيغور": ["Igor"],
    "أليكسي": ["Alexei"],
    "أوليغ": ["Oleg"],
    "بوريس": ["Boris"],
    "إيمانويل": ["Emmanuel"],
    "فرانسوا": ["Francois"],
    "بيير": ["Pierre"],
    "شارل": ["Charles"],
    "أنطونيو": ["Antonio"],
    "جوزيب": ["Josep"],
    "جوزيبي": ["Giuseppe"],
    "أنجيلا": ["Angela"],
    "أولاف": ["Olaf"],
    "أورسولا": ["Ursula"],
    "ريشي": ["Rishi"],
    "كير": ["Keir"],
    "كامالا": ["Kamala"],
    "باراك": ["Barack"],
    "هيلاري": ["Hillary"],
    "ناريندرا": ["Narendra"],
    "فوميو": ["Fumio"],
    "إيهود": ["Ehud"],
    "بنيامين": ["Benjamin"],
    "نفتالي": ["Naftali"],
    "يائير": ["Yair"],
    "شمعون": ["Shimon"],
    "أفيغدور": ["Avigdor"],
    "يوآف": ["Yoav"],
    "إيتمار": ["Itamar"],
    "بتسلئيل": ["Bezalel"],
    "هاكان": ["Hakan"],
    "مولود": ["Mevlut"],
    "جيك": ["Jake"],
    "أنتوني": ["Antony", "Anthony"],
    "لويد": ["Lloyd"],
    "مايك": ["Mike"],
    "ليندسي": ["Lindsey"],
    "نيكولا": ["Nicolas", "Nikola"],
    "ماتيو": ["Matteo"],
    "ماريو": ["Mario"],
    "سيلفيو": ["Silvio"],
    "خوسيه": ["Jose"],
    "خوان": ["Juan"],
    "بيدرو": ["Pedro"],
    "لويس": ["Luis"],
    "كارلوس": ["Carlos"],
    "فيكتور": ["Viktor"],
    "جوليا": ["Julia"],
    "هانز": ["Hans"],
    "فرانك": ["Frank"],
    "فالتر": ["Walter"],
    "يورغن": ["Juergen"],
    "رالف": ["Ralph"],
    "ينس": ["Jens"],
    "أنالينا": ["Annalena"],
    "كاترين": ["Catherine"],
    "جوزيف": ["Joseph"],
    "جاريد": ["Jared"],
    "أموس": ["Amos"],
    "ويليام": ["William"],
    "ويليم": ["Willem"],
}


def _package(name: str) -> Path:
    # Located, not imported: the packages' own imports (ONNX, XGBoost) are not needed.
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"install {name} first (pip install --no-deps {name})")
    return Path(next(iter(spec.submodule_search_locations)))


def _index() -> Path:
    return _package("arabic_name_romanizer") / "resources" / "names.sqlite3"


def surnames() -> list[str]:
    people: collections.Counter[str] = collections.Counter()
    with sqlite3.connect(_index()) as db:
        rows = db.execute(
            "SELECT arabic_key, count FROM units WHERE role = 'surname' AND source = 'wikidata'"
        )
        for arabic, count in rows:
            arabic = " ".join(arabic.split())
            if arabic and not any(ch.isascii() or ch in URDU for ch in arabic):
                people[key(arabic)] += count
    return sorted(k for k, n in people.items() if n >= MIN_PEOPLE and k not in NOT_EVIDENCE)


def western_in_arabic(latin: list[str]) -> dict[str, list[str]]:
    path = _package("arabnamer") / "data" / "dict_FINAL.json"
    table = json.loads(path.read_text("utf-8"))
    out: dict[str, list[str]] = collections.defaultdict(list)
    for name in latin:
        arabic = table.get(name.casefold())
        if arabic and " " not in arabic.strip():
            out[key(arabic)].append(name)
    return out


def arabic_names() -> dict[str, list[int | str]]:
    people: collections.Counter[str] = collections.Counter()
    spellings: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    with sqlite3.connect(_index()) as db:
        rows = db.execute(
            "SELECT arabic_key, latin, count FROM units WHERE role = 'given' AND source = 'wikidata'"
        )
        for arabic, latin, count in rows:
            arabic = " ".join(arabic.split())
            if not arabic or any(ch.isascii() or ch in URDU for ch in arabic):
                continue
            arabic = key(arabic)
            people[arabic] += count
            if latin[:1].isupper():
                spellings[arabic][latin] += count
    out: dict[str, list[int | str]] = {}
    for arabic, count in sorted(people.items()):
        if count < MIN_PEOPLE:
            continue
        latin = [s for s, n in spellings[arabic].most_common(MAX_SPELLINGS) if n >= MIN_SPELLING]
        out[arabic] = [count, *latin]
    return out


def latin_names() -> list[str]:
    from faker.providers.person.en import Provider

    names = {*Provider.first_names_male, *Provider.first_names_female}
    return sorted(n for n in names if n.isalpha() and len(n) > 1)


def main() -> None:
    arabic = arabic_names()
    latin = latin_names()
    western = {
        name: spellings[:MAX_SPELLINGS]
        for name, spellings in sorted(western_in_arabic(latin).items())
        if name not in arabic
    }
    data = {
        "source": (
            "Arabic: the Wikidata given-name rows (CC0 1.0) of the name index shipped in "
            "arabic-name-romanizer 0.2 (MIT); Latin: Faker's English first names (MIT), "
            "their Arabic spellings from arabnamer's name dictionary (CC BY 4.0, Sayed Yousef); "
            "foreign given names in Arabic script curated for newsassert. "
            "Generated by scripts/gen_given_names.py."
        ),
        "licence": "CC0 1.0 (Wikidata), MIT (Faker), CC BY 4.0 (arabnamer dictionary)",
        "min_people": MIN_PEOPLE,
        # Keys (newsassert.normalize.key: hamza seats, ة and ى folded): [people, Latin spellings].
        "arabic": arabic,
        # Western given names in Arabic script: [Latin spellings].
        "western": western,
        "not_evidence": sorted(set(NOT_EVIDENCE)),
        # Foreign given names as the Arabic press spells them (curated, see FOREIGN).
        "foreign": {key(k): v for k, v in sorted(FOREIGN.items())},
        "surnames": surnames(),
        "latin": latin,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8")
    print(
        f"{len(arabic)} + {len(western)} Arabic given names, {len(data['latin'])} Latin, -> {OUT.name}"
    )


if __name__ == "__main__":
    main()
