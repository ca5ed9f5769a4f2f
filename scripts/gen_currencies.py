"""Generate ``src/newsassert/data/currencies.toml``: currencies, their codes and forms.

Run from the repository root::

    python scripts/gen_currencies.py

The table below is curated by hand: ISO 4217 codes, the currency's English
lemma (the quantity's ``unit``) and the Arabic and English words the press
writes it with. A currency named with its nationality (جنيه مصري, ريال
سعودي, "Kuwaiti dinar") gets its code; a bare name that several countries
share (جنيه, دينار, ريال, "pound") gets none, because which one it is depends
on the outlet. A bare dollar (دولار, "$") is taken as the US dollar, as the
Arabic and international press use it.

Arabic forms are expanded here, not at run time: every form of the noun
(singular, accusative, dual, plurals) with every form of the nationality
adjective (جنيه مصري, جنيها مصريا, جنيهات مصرية).
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsassert" / "data" / "currencies.toml"

# Arabic noun forms by lemma: singular, accusative, duals, plurals.
NOUNS = {
    "dollar": ["دولار", "دولارا", "دولاران", "دولارين", "دولارات"],
    "pound": ["جنيه", "جنيها", "جنيهان", "جنيهين", "جنيهات"],
    "dinar": ["دينار", "دينارا", "ديناران", "دينارين", "دنانير"],
    "riyal": ["ريال", "ريالا", "ريالان", "ريالين", "ريالات"],
    "dirham": ["درهم", "درهما", "درهمان", "درهمين", "دراهم"],
    "lira": ["ليرة", "ليرتان", "ليرتين", "ليرات"],
    "franc": ["فرنك", "فرنكا", "فرنكات"],
    "rupee": ["روبية", "روبيات"],
    "yen": ["ين"],
}
ENGLISH = {
    "dollar": ["dollar", "dollars"],
    "pound": ["pound", "pounds"],
    "dinar": ["dinar", "dinars"],
    "riyal": ["riyal", "riyals", "rial", "rials"],
    "dirham": ["dirham", "dirhams"],
    "lira": ["lira", "liras", "lire"],
    "franc": ["franc", "francs"],
    "rupee": ["rupee", "rupees"],
    "yen": ["yen"],
}

# (code, lemma, Arabic adjective stem, English adjectives, abbreviations and symbols)
NATIONAL: list[tuple[str, str, list[str], list[str], list[str]]] = [
    ("USD", "dollar", ["أمريكي", "أميركي"], ["US", "U.S.", "American"], ["USD", "US$", "$"]),
    ("CAD", "dollar", ["كندي"], ["Canadian"], ["CAD", "C$"]),
    ("AUD", "dollar", ["أسترالي", "استرالي"], ["Australian"], ["AUD", "A$"]),
    ("GBP", "pound", ["إسترليني", "استرليني"], ["British"], ["GBP", "£"]),
    ("EGP", "pound", ["مصري"], ["Egyptian"], ["EGP", "ج.م", "ج م", "ج.م.", "LE"]),
    ("SDG", "pound", ["سوداني"], ["Sudanese"], ["SDG"]),
    ("KWD", "dinar", ["كويتي"], ["Kuwaiti"], ["KWD", "د.ك", "د ك", "KD"]),
    ("IQD", "dinar", ["عراقي"], ["Iraqi"], ["IQD", "د.ع", "د ع"]),
    # د.أ (JOD) and د.إ (AED) are one key once hamza forms fold: neither is listed.
    ("JOD", "dinar", ["أردني", "اردني"], ["Jordanian"], ["JOD", "JD"]),
    ("BHD", "dinar", ["بحريني"], ["Bahraini"], ["BHD", "د.ب", "د ب", "BD"]),
    ("LYD", "dinar", ["ليبي"], ["Libyan"], ["LYD", "د.ل", "د ل"]),
    ("TND", "dinar", ["تونسي"], ["Tunisian"], ["TND", "د.ت", "د ت"]),
    ("DZD", "dinar", ["جزائري"], ["Algerian"], ["DZD", "د.ج", "د ج"]),
    ("SAR", "riyal", ["سعودي"], ["Saudi"], ["SAR", "ر.س", "ر س", "SR"]),
    ("QAR", "riyal", ["قطري"], ["Qatari"], ["QAR", "ر.ق", "ر ق", "QR"]),
    ("OMR", "riyal", ["عماني"], ["Omani"], ["OMR", "ر.ع", "ر ع", "RO"]),
    ("YER", "riyal", ["يمني"], ["Yemeni"], ["YER"]),
    ("IRR", "riyal", ["إيراني", "ايراني"], ["Iranian"], ["IRR"]),
    (
        "AED",
        "dirham",
        ["إماراتي", "اماراتي"],
        ["UAE", "Emirati"],
        ["AED", "Dh", "Dhs"],
    ),
    ("MAD", "dirham", ["مغربي"], ["Moroccan"], ["MAD", "د.م", "د م"]),
    ("TRY", "lira", ["تركي"], ["Turkish"], ["TRY", "₺"]),
    ("LBP", "lira", ["لبناني"], ["Lebanese"], ["LBP", "ل.ل", "ل ل"]),
    ("SYP", "lira", ["سوري"], ["Syrian"], ["SYP", "ل.س", "ل س"]),
    ("CHF", "franc", ["سويسري"], ["Swiss"], ["CHF"]),
    ("INR", "rupee", ["هندي"], ["Indian"], ["INR", "₹"]),
    ("JPY", "yen", ["ياباني"], ["Japanese"], ["JPY", "¥"]),
]
# The Lebanese and Syrian lira are "pounds" in English.
ENGLISH_EXTRA = {
    "LBP": ["Lebanese pound", "Lebanese pounds"],
    "SYP": ["Syrian pound", "Syrian pounds"],
}

# Currencies of one country, and their words: (code, lemma, forms).
SINGLE: list[tuple[str, str, list[str]]] = [
    ("EUR", "euro", ["يورو", "اليورو", "أورو", "اورو", "€", "EUR", "euro", "euros"]),
    (
        "ILS",
        "shekel",
        [
            "شيكل",
            "شيكلا",
            "شيكلات",
            "شيقل",
            "شيقلا",
            "شواقل",
            "شيكلين",
            "شيقلين",
            "₪",
            "ILS",
            "NIS",
            "shekel",
            "shekels",
        ],
    ),
    ("CNY", "yuan", ["يوان", "يوانا", "yuan", "renminbi", "CNY", "RMB"]),
    ("RUB", "ruble", ["روبل", "روبلا", "روبلات", "ruble", "rubles", "rouble", "roubles", "RUB"]),
    ("USD", "cent", ["سنت", "سنتا", "سنتات", "cent", "cents", "¢"]),
    ("", "fils", ["فلس", "فلسا", "فلوس", "fils"]),
    ("", "piastre", ["قرش", "قرشا", "قروش", "piastre", "piastres", "piaster", "piasters"]),
    ("SAR", "halala", ["هللة", "هللات", "halala", "halalas"]),
]


def _adjectives(stem: str, feminine: bool) -> list[str]:
    """The forms of a nationality adjective (stem in -ي) that agree with the noun's forms."""
    forms = (
        [stem + "ة", stem + "تان", stem + "تين"]
        if feminine
        else [stem, stem + "ا", stem + "ان", stem + "ين"]
    )
    return [*forms, stem + "ة"]  # a broken or sound plural takes the feminine singular


def _national(
    code: str, lemma: str, stems: list[str], english: list[str], marks: list[str]
) -> list[str]:
    forms: list[str] = []
    feminine = lemma in ("lira", "rupee")
    for noun in NOUNS[lemma]:
        for stem in stems:
            for adjective in dict.fromkeys(_adjectives(stem, feminine)):
                forms.append(f"{noun} {adjective}")
    for adjective in english:
        for noun in ENGLISH[lemma]:
            forms.append(f"{adjective} {noun}")
    forms.extend(ENGLISH_EXTRA.get(code, []))
    forms.extend(marks)
    return forms


def _toml_list(items: list[str]) -> str:
    return (
        "["
        + ", ".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items)
        + "]"
    )


def main() -> int:
    lines = [
        "# Currencies: the unit of a sum of money and its ISO 4217 code.",
        "#",
        "# Generated by scripts/gen_currencies.py from its hand-curated table (ISO 4217",
        "# codes; the Arabic and English names the press writes); do not edit by hand.",
        "# Read by the built-in lexicon plugin as [[unit]] entries: `canonical` is the",
        "# quantity's unit, `code` its currency. A name several countries share",
        "# (جنيه, دينار, ريال, pound) has no code; a bare dollar is the US dollar.",
        "",
    ]

    def entry(lemma: str, code: str, forms: list[str]) -> None:
        lines.append("[[unit]]")
        lines.append(f'canonical = "{lemma}"')
        if code:
            lines.append(f'code = "{code}"')
        lines.append(f"forms = {_toml_list(list(dict.fromkeys(forms)))}")
        lines.append("")

    for lemma in NOUNS:
        code = "USD" if lemma == "dollar" else ""
        entry(lemma, code, [*NOUNS[lemma], *ENGLISH[lemma]])
    for code, lemma, stems, english, marks in NATIONAL:
        entry(lemma, code, _national(code, lemma, stems, english, marks))
    for code, lemma, forms in SINGLE:
        entry(lemma, code, forms)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.name}: {sum(1 for line in lines if line == '[[unit]]')} currencies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
