"""Generate ``src/newsassert/data/places.json`` from CLDR (through babel).

Countries and territories come from CLDR's territory names in Arabic and
English (two-letter region codes only: no continents, no "world"). CLDR
knows neither the other names the press uses (أمريكا, Britain) nor
demonyms (عراقي, Iraqi) nor most cities, so those come from the small tables
below, which are the only hand-typed part. Run it again when babel's CLDR
changes::

    python scripts/gen_cldr_places.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.core import get_cldr_version

OUT = Path(__file__).resolve().parent.parent / "src" / "newsassert" / "data" / "places.json"

# Region codes CLDR lists that are not places a story is located in.
NOT_PLACES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

# Shorter canonical English names than CLDR's, as the press writes them.
CANONICAL = {
    "PS": "Palestine",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "MM": "Myanmar",
    "HK": "Hong Kong",
    "MO": "Macau",
}

# Other names of countries, in both scripts, keyed by region code.
ALIASES = {
    "US": [
        "United States of America",
        "USA",
        "U.S.",
        "US",
        "U.S.A.",
        "America",
        "the United States",
        "الولايات المتحدة الأمريكية",
        "الولايات المتحدة الأميركية",
        "أمريكا",
        "أميركا",
    ],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "بريطانيا", "المملكة المتحدة"],
    "SY": ["سورية"],
    "PS": ["Palestinian Territories", "فلسطين", "الأراضي الفلسطينية"],
    "SA": ["Saudi", "the Kingdom of Saudi Arabia", "السعودية"],
    "AE": ["UAE", "the UAE", "Emirates", "الإمارات"],
    "RU": ["Russian Federation", "روسيا الاتحادية"],
    "IR": ["Islamic Republic of Iran", "الجمهورية الإسلامية الإيرانية"],
    "KP": ["DPRK", "كوريا الديمقراطية"],
    "TR": ["Türkiye", "Turkiye", "Turkey", "تركيا"],
    "CZ": ["Czech Republic"],
    "MM": ["Burma", "بورما"],
    "CI": ["Ivory Coast", "ساحل العاج"],
    "NL": ["Holland", "هولندا"],
    "CN": ["China", "الصين الشعبية"],
    "YE": ["اليمن"],
    "LY": ["ليبيا"],
}

# Cities and regions the press names, with their country (canonical English).
CITIES = [
    ("Baghdad", "Iraq", ["بغداد"]),
    ("Basra", "Iraq", ["البصرة", "Basrah"]),
    ("Mosul", "Iraq", ["الموصل"]),
    ("Erbil", "Iraq", ["أربيل", "اربيل", "Irbil", "Arbil"]),
    ("Kirkuk", "Iraq", ["كركوك"]),
    ("Najaf", "Iraq", ["النجف"]),
    ("Karbala", "Iraq", ["كربلاء"]),
    ("Fallujah", "Iraq", ["الفلوجة", "Falluja"]),
    ("Ramadi", "Iraq", ["الرمادي"]),
    ("Anbar", "Iraq", ["الأنبار", "الانبار", "Al Anbar"]),
    ("Sulaymaniyah", "Iraq", ["السليمانية", "Sulaimaniya"]),
    (
        "Kurdistan Region",
        "Iraq",
        ["إقليم كردستان", "اقليم كردستان", "Kurdistan", "كردستان العراق", "Iraqi Kurdistan"],
    ),
    (
        "Ain al-Asad",
        "Iraq",
        ["عين الأسد", "قاعدة عين الأسد", "Ain al-Asad air base", "Al-Asad Airbase"],
    ),
    ("Damascus", "Syria", ["دمشق"]),
    ("Aleppo", "Syria", ["حلب"]),
    ("Idlib", "Syria", ["إدلب", "ادلب"]),
    ("Deir ez-Zor", "Syria", ["دير الزور", "Deir el-Zour", "Deir ez-Zour"]),
    ("Homs", "Syria", ["حمص"]),
    ("Raqqa", "Syria", ["الرقة"]),
    ("Beirut", "Lebanon", ["بيروت"]),
    ("Naqoura", "Lebanon", ["الناقورة", "Naqura"]),
    ("Tyre", "Lebanon", []),  # صور is also "pictures"
    ("Sidon", "Lebanon", ["صيدا"]),
    ("Tripoli", "Libya", ["طرابلس"]),
    ("Gaza", "Palestine", ["غزة", "قطاع غزة", "Gaza Strip", "the Gaza Strip"]),
    ("West Bank", "Palestine", ["الضفة الغربية", "the West Bank"]),
    ("Jerusalem", None, ["القدس", "Al-Quds"]),
    ("Rafah", "Palestine", ["رفح"]),
    ("Khan Younis", "Palestine", ["خان يونس", "Khan Yunis"]),
    ("Ramallah", "Palestine", ["رام الله"]),
    ("Tel Aviv", "Israel", ["تل أبيب", "تل ابيب"]),
    ("Golan Heights", "Syria", ["الجولان", "هضبة الجولان", "Golan", "the Golan Heights"]),
    ("Washington", "United States", ["واشنطن", "Washington, D.C."]),
    ("New York", "United States", ["نيويورك"]),
    ("Tehran", "Iran", ["طهران"]),
    ("Riyadh", "Saudi Arabia", ["الرياض"]),
    ("Jeddah", "Saudi Arabia", ["جدة"]),
    ("Doha", "Qatar", ["الدوحة"]),
    ("Abu Dhabi", "United Arab Emirates", ["أبوظبي", "أبو ظبي", "ابوظبي"]),
    ("Dubai", "United Arab Emirates", ["دبي"]),
    ("Cairo", "Egypt", ["القاهرة"]),
    ("Sinai", "Egypt", ["سيناء", "شبه جزيرة سيناء", "the Sinai"]),
    # عمان is also Oman (عُمان): Amman is left to its Latin name.
    ("Amman", "Jordan", []),
    ("Ankara", "Turkey", ["أنقرة", "انقرة"]),
    ("Istanbul", "Turkey", ["إسطنبول", "اسطنبول"]),
    ("Moscow", "Russia", ["موسكو"]),
    ("Kyiv", "Ukraine", ["كييف", "Kiev"]),
    ("London", "United Kingdom", ["لندن"]),
    ("Paris", "France", ["باريس"]),
    ("Berlin", "Germany", ["برلين"]),
    ("Brussels", "Belgium", ["بروكسل"]),
    ("Geneva", "Switzerland", ["جنيف"]),
    ("Beijing", "China", ["بكين"]),
    ("Sanaa", "Yemen", ["صنعاء", "Sana'a"]),
    ("Aden", "Yemen", ["عدن"]),
    ("Hodeidah", "Yemen", ["الحديدة"]),
    ("Khartoum", "Sudan", ["الخرطوم"]),
    ("Benghazi", "Libya", ["بنغازي"]),
    ("Tunis", "Tunisia", ["تونس العاصمة"]),
    ("Algiers", "Algeria", ["الجزائر العاصمة"]),
    ("Rabat", "Morocco", ["الرباط"]),
    ("Manama", "Bahrain", ["المنامة"]),
    ("Muscat", "Oman", ["مسقط"]),
    ("Kuwait City", "Kuwait", ["مدينة الكويت"]),
    ("Red Sea", None, ["البحر الأحمر", "the Red Sea"]),
    ("Strait of Hormuz", None, ["مضيق هرمز", "Hormuz"]),
    ("Middle East", None, ["الشرق الأوسط", "the Middle East"]),
    ("Asia", None, ["آسيا"]),
    ("Europe", None, ["أوروبا", "أوربا"]),
    ("Africa", None, ["أفريقيا", "إفريقيا"]),
    ("Pacific", None, ["المحيط الهادئ", "the Pacific"]),
    ("Gulf", None, ["الخليج", "الخليج العربي", "the Gulf", "Persian Gulf", "the Persian Gulf"]),
    ("South Lebanon", "Lebanon", ["جنوب لبنان", "southern Lebanon", "south Lebanon"]),
]

# Demonyms: country code, English forms, Arabic masculine singular (the
# other Arabic forms, with the article, feminine, plural and accusative, are
# derived from it).
DEMONYMS = [
    ("US", ["American", "Americans", "US", "U.S."], ["أمريكي", "أميركي", "امريكي"]),
    ("IQ", ["Iraqi", "Iraqis"], ["عراقي"]),
    ("SY", ["Syrian", "Syrians"], ["سوري"]),
    ("LB", ["Lebanese"], ["لبناني"]),
    ("IL", ["Israeli", "Israelis"], ["إسرائيلي", "اسرائيلي"]),
    ("IR", ["Iranian", "Iranians"], ["إيراني", "ايراني"]),
    ("PS", ["Palestinian", "Palestinians"], ["فلسطيني"]),
    ("JO", ["Jordanian", "Jordanians"], ["أردني", "اردني"]),
    ("EG", ["Egyptian", "Egyptians"], ["مصري"]),
    ("SA", ["Saudi", "Saudis"], ["سعودي"]),
    ("AE", ["Emirati", "Emiratis"], ["إماراتي", "اماراتي"]),
    ("QA", ["Qatari", "Qataris"], ["قطري"]),
    ("KW", ["Kuwaiti", "Kuwaitis"], ["كويتي"]),
    ("BH", ["Bahraini", "Bahrainis"], ["بحريني"]),
    ("OM", ["Omani", "Omanis"], ["عماني"]),
    ("YE", ["Yemeni", "Yemenis"], ["يمني"]),
    ("TR", ["Turkish", "Turks"], ["تركي"]),
    ("RU", ["Russian", "Russians"], ["روسي"]),
    ("UA", ["Ukrainian", "Ukrainians"], ["أوكراني", "اوكراني"]),
    ("GB", ["British", "Britons"], ["بريطاني"]),
    ("FR", ["French"], ["فرنسي"]),
    ("DE", ["German", "Germans"], ["ألماني", "الماني"]),
    ("CN", ["Chinese"], ["صيني"]),
    ("SD", ["Sudanese"], ["سوداني"]),
    ("LY", ["Libyan", "Libyans"], ["ليبي"]),
    ("TN", ["Tunisian", "Tunisians"], ["تونسي"]),
    ("DZ", ["Algerian", "Algerians"], ["جزائري"]),
    ("MA", ["Moroccan", "Moroccans"], ["مغربي"]),
    ("AF", ["Afghan", "Afghans"], ["أفغاني", "افغاني"]),
    ("PK", ["Pakistani", "Pakistanis"], ["باكستاني"]),
    ("IN", ["Indian", "Indians"], ["هندي"]),
    ("IT", ["Italian", "Italians"], ["إيطالي", "ايطالي"]),
    ("ES", ["Spanish"], ["إسباني", "اسباني"]),
    ("JP", ["Japanese"], ["ياباني"]),
    ("KR", ["South Korean", "South Koreans"], ["كوري جنوبي"]),
    ("KP", ["North Korean", "North Koreans"], ["كوري شمالي"]),
    ("CA", ["Canadian", "Canadians"], ["كندي"]),
    ("AU", ["Australian", "Australians"], ["أسترالي", "استرالي"]),
    ("BE", ["Belgian", "Belgians"], ["بلجيكي"]),
    ("NL", ["Dutch"], ["هولندي"]),
    ("SO", ["Somali", "Somalis"], ["صومالي"]),
    ("MR", ["Mauritanian", "Mauritanians"], ["موريتاني"]),
    ("DJ", ["Djiboutian"], ["جيبوتي"]),
]


# The capitals among the cities above: a capital stands for its government
# ("Washington imposed sanctions"), see newsassert.places.
CAPITALS = {
    "Baghdad", "Damascus", "Beirut", "Washington", "Tehran", "Riyadh", "Doha", "Abu Dhabi",
    "Cairo", "Amman", "Ankara", "Moscow", "Kyiv", "London", "Paris", "Berlin", "Brussels",
    "Beijing", "Sanaa", "Khartoum", "Tunis", "Algiers", "Rabat", "Manama", "Muscat",
    "Kuwait City", "Tripoli",
}


# English demonyms of countries the table above lacks (common English usage,
# as the press writes them): the adjective first, then the plural noun.
ENGLISH_DEMONYMS = {
    "AR": ["Argentine", "Argentinian", "Argentines", "Argentinians"],
    "BR": ["Brazilian", "Brazilians"], "MX": ["Mexican", "Mexicans"],
    "CO": ["Colombian", "Colombians"], "VE": ["Venezuelan", "Venezuelans"],
    "CL": ["Chilean", "Chileans"], "PE": ["Peruvian", "Peruvians"], "CU": ["Cuban", "Cubans"],
    "ET": ["Ethiopian", "Ethiopians"], "ER": ["Eritrean", "Eritreans"],
    "ZA": ["South African", "South Africans"], "NG": ["Nigerian", "Nigerians"],
    "KE": ["Kenyan", "Kenyans"], "GH": ["Ghanaian", "Ghanaians"], "UG": ["Ugandan", "Ugandans"],
    "TZ": ["Tanzanian", "Tanzanians"], "SN": ["Senegalese"], "TD": ["Chadian", "Chadians"],
    "NE": ["Nigerien", "Nigeriens"], "SS": ["South Sudanese"], "CM": ["Cameroonian", "Cameroonians"],
    "GR": ["Greek", "Greeks"], "CY": ["Cypriot", "Cypriots"], "PL": ["Polish", "Poles"],
    "SE": ["Swedish", "Swedes"], "NO": ["Norwegian", "Norwegians"], "DK": ["Danish", "Danes"],
    "FI": ["Finnish", "Finns"], "CH": ["Swiss"], "AT": ["Austrian", "Austrians"],
    "PT": ["Portuguese"], "IE": ["Irish"], "HU": ["Hungarian", "Hungarians"],
    "CZ": ["Czech", "Czechs"], "RO": ["Romanian", "Romanians"], "BG": ["Bulgarian", "Bulgarians"],
    "RS": ["Serbian", "Serbs"], "HR": ["Croatian", "Croats"], "BY": ["Belarusian", "Belarusians"],
    "GE": ["Georgian", "Georgians"], "AM": ["Armenian", "Armenians"],
    "AZ": ["Azerbaijani", "Azerbaijanis"], "KZ": ["Kazakh", "Kazakhs"],
    "ID": ["Indonesian", "Indonesians"], "MY": ["Malaysian", "Malaysians"],
    "PH": ["Filipino", "Filipinos"], "VN": ["Vietnamese"], "TH": ["Thai"],
    "BD": ["Bangladeshi", "Bangladeshis"], "LK": ["Sri Lankan", "Sri Lankans"],
    "NZ": ["New Zealander", "New Zealanders"], "TW": ["Taiwanese"], "SG": ["Singaporean", "Singaporeans"],
}

# Arabic broken plurals of demonyms, which no suffix makes (أتراك for تركي).
ARABIC_PLURALS = {
    "TR": ["أتراك", "اتراك"], "RU": ["روس"], "DE": ["ألمان", "الالمان"],
    "US": ["أمريكان", "أميركان", "امريكان"], "GB": ["إنجليز", "انجليز", "إنكليز", "انكليز"],
    "AF": ["أفغان", "افغان"], "IN": ["هنود"], "MA": ["مغاربة"], "TN": ["توانسة"],
    "KR": ["كوريون جنوبيون"], "FR": ["فرنسيس"],
}

# Regions with a demonym of their own (the regions are in CITIES, by canonical
# name). Arabic only: in English "European", "African" name institutions
# (the European Commission) more often than the region.
REGION_DEMONYMS = [
    ("Europe", ["أوروبي", "اوروبي", "أوربي"]),
    ("Gulf", ["خليجي"]),
    ("Africa", ["أفريقي", "إفريقي", "افريقي"]),
    ("Asia", ["آسيوي", "اسيوي"]),
]

# Arabic demonyms the regular nisba does not make from CLDR's name (النمسا).
ARABIC_IRREGULAR = {"AT": ["نمساوي"], "CL": ["تشيلي"]}

# Generated nisbas that are also common words, or too rare to tell apart:
# مالي is "financial", and Mali is named in full where it is meant.
NOT_DEMONYMS = {"مالي", "نمسي"}


def arabic_nisba(name: str) -> str | None:
    """The demonym (nisba) a one-word Arabic country name regularly makes.

    الأرجنتين -> أرجنتيني, إثيوبيا -> إثيوبي, كندا -> كندي, سنغافورة -> سنغافوري;
    جنوب أفريقيا -> جنوب أفريقي; None for other names of several words and
    for one already ending in ي.
    """
    head, _, rest = name.partition(" ")
    if head in ("جنوب", "شمال") and rest and " " not in rest:
        inner = arabic_nisba(rest)  # جنوب أفريقيا -> جنوب أفريقي
        return f"{head} {inner}" if inner else None
    if " " in name:
        return None
    stem = name.removeprefix("ال")
    if stem.endswith("ي"):
        return None
    for ending in ("يا", "ية", "ة", "ا"):
        if stem.endswith(ending) and len(stem) > len(ending) + 1:
            stem = stem[: -len(ending)]
            break
    nisba = stem + "ي"
    return None if nisba in NOT_DEMONYMS else nisba


def arabic_demonym_forms(base: str) -> list[str]:
    """عراقي -> العراقي, عراقية, العراقية, عراقيون, العراقيين, عراقيا …

    In a name of several words (جنوب أفريقي, كوري جنوبي) every word takes the
    article and the last the suffix; the words agree as the press writes them.
    """
    words = base.split()
    forms = []
    for article in ("", "ال"):
        for suffix in ("", "ة", "ون", "ين", "ا", "اً", "تان", "تين", "ات"):
            if len(words) > 1 and words[0] in ("جنوب", "شمال"):
                # a construct: جنوب أفريقي, جنوب الأفريقي, not الجنوب
                forms.append(" ".join([words[0], *(article + w for w in words[1:-1]), article + words[-1] + suffix]))
            else:
                forms.append(" ".join(article + w + suffix for w in words))
    return forms


def build() -> dict[str, Any]:
    en, ar = Locale("en").territories, Locale("ar").territories
    places = []
    names = {}
    for code in sorted(en):
        if len(code) != 2 or not code.isalpha() or code in NOT_PLACES or code not in ar:
            continue
        canonical = CANONICAL.get(code, en[code])
        names[code] = canonical
        forms = [en[code], ar[code], *ALIASES.get(code, ())]
        forms = [f for f in dict.fromkeys(forms) if f != canonical]
        places.append({"canonical": canonical, "forms": forms, "code": code})
    for canonical, country, forms in CITIES:
        item: dict[str, object] = {"canonical": canonical, "forms": forms}
        if country:
            item["country"] = country
        if canonical in CAPITALS:
            item["capital"] = True
        places.append(item)
    demonyms = []
    curated = {code for code, _, _ in DEMONYMS}
    table = list(DEMONYMS)
    # Every other country whose Arabic name is one word gets its regular nisba
    # (الأرجنتين -> أرجنتيني), and its English demonym where the table above has one.
    for code in sorted(names):
        if code in curated:
            continue
        nisba = arabic_nisba(ar[code])
        arabic = ARABIC_IRREGULAR.get(code, [nisba] if nisba else [])
        english = ENGLISH_DEMONYMS.get(code)
        if not arabic and english is None:
            continue
        # Without an English demonym, the Arabic one names the claim.
        table.append((code, english or arabic[:1], arabic))
    for code, english, arabic in sorted(table, key=lambda row: row[0]):
        plurals = [f for p in ARABIC_PLURALS.get(code, ()) for f in (p, "ال" + p)]
        forms = list(
            dict.fromkeys(
                [*english[1:], *(f for a in arabic for f in arabic_demonym_forms(a)), *plurals]
            )
        )
        forms = [f for f in forms if f != english[0]]
        demonyms.append({"canonical": english[0], "forms": forms, "country": names[code]})
    for region, arabic in REGION_DEMONYMS:
        forms = [f for a in arabic for f in arabic_demonym_forms(a) if f != arabic[0]]
        demonyms.append({"canonical": arabic[0], "forms": forms, "country": region})
    # Generated: countries from CLDR territory names (ar, en) via babel, plus
    # the press's other names, cities and demonyms (see this script).
    return {
        "generated_by": "scripts/gen_cldr_places.py",
        "babel_version": babel.__version__,
        "cldr_version": str(get_cldr_version()),
        "licence": "Unicode License v3 (CLDR); see NOTICE",
        "place": places,
        "demonym": demonyms,
    }


def render(data: dict[str, Any]) -> str:
    """The file's text (tests/test_cldr_data.py compares it with the shipped file)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    data = build()
    OUT.write_text(render(data), encoding="utf-8")
    print(f"{OUT.name}: {len(data['place'])} places, {len(data['demonym'])} demonyms")


if __name__ == "__main__":
    main()
