"""Write ``tests/corpus/names/pairs.tsv``: labelled name pairs for ``names_match``.

Three parts, each labelled by how it is made:

* ``same``: an Arabic given name and a Latin spelling that at least
  ``MIN_SPELLING`` people write it with (``data/given_names.json``, from
  Wikidata), for the ``TOP`` most common names;
* ``differ`` (hard negatives, made from the same data): a masculine name and
  its feminine (``كريم``/``كريمة``, ``Karim``/``كريمة``), and two Arabic
  names of one consonant skeleton whose long vowels differ (``سمير``/``سامر``);
* the hand-written pairs in ``HAND`` below: Turkish, Malay, Persian and
  Slavic spellings of names the Arabic press writes.

    python scripts/gen_name_pairs.py
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsassert" / "data" / "given_names.json"
OUT = ROOT / "tests" / "corpus" / "names" / "pairs.tsv"
TOP = 160
MIN_PEOPLE = 20

HAND = """
same	Mehmet	محمد
same	Ahmet	أحمد
same	Mahmut	محمود
same	Murat	مراد
same	Mustafa	مصطفى
same	Recep Tayyip Erdoğan	رجب طيب أردوغان
same	Mevlüt Çavuşoğlu	مولود جاويش أوغلو
same	Mehmet Şimşek	محمد شيمشك
same	Hakan Fidan	هاكان فيدان
same	Ahmet Davutoğlu	أحمد داود أوغلو
same	Abdullah Öcalan	عبد الله أوجلان
same	Binali Yıldırım	بن علي يلدريم
same	Cevdet Yılmaz	جودت يلماز
same	Hulusi Akar	خلوصي أكار
same	Nimet	نعمة
same	Muhd Najib	محمد نجيب
same	Mohd Yassin	محمد ياسين
same	Muhammad Yunus	محمد يونس
same	Anwar Ibrahim	أنور إبراهيم
same	Mahathir Mohamad	مهاتير محمد
same	Muhyiddin Yassin	محيي الدين ياسين
same	Hossein Amir-Abdollahian	حسين أمير عبد اللهيان
same	Mohammad Javad Zarif	محمد جواد ظريف
same	Ebrahim Raisi	إبراهيم رئيسي
same	Masoud Pezeshkian	مسعود بزشكيان
same	Ali Khamenei	علي خامنئي
same	Abbas Araghchi	عباس عراقجي
same	Fatemeh	فاطمة
same	Gholamreza	غلام رضا
same	Aleksandar Vučić	ألكسندر فوتشيتش
same	Petrović	بتروفيتش
same	Slobodan Milošević	سلوبودان ميلوشيفيتش
same	Vladimir Putin	فلاديمير بوتين
same	Sergey Lavrov	سيرغي لافروف
same	Volodymyr Zelensky	فولوديمير زيلينسكي
same	Ramzan Kadyrov	رمضان قديروف
same	Sameh Shoukry	سامح شكرى
same	سامح شكري	سامح شكرى
same	علي عبد الله صالح	علي عبدالله صالح
same	علي عبد الله صالح	المخلوع علي عبدالله صالح
same	مصطفى	مصطفي
differ	Samir	سميرة
differ	Karim	كريمة
differ	Samer	سمير
differ	Hasan	حسين
differ	Saad	سعيد
differ	Jamal	جميل
differ	Kamal	كميل
differ	Nabil	نبيلة
differ	Amin	أمينة
differ	Mehmet	محمود
"""


def _skeleton(name: str) -> str:
    return re.sub(r"[اويىءأإآئؤة]", "", name)


def main() -> None:
    data = json.loads(DATA.read_text("utf-8"))["arabic"]
    ranked = sorted(data.items(), key=lambda kv: -int(kv[1][0]))
    rows: list[tuple[str, str, str]] = []
    for arabic, (_, *latin) in ranked[:TOP]:
        if " " in arabic:
            continue
        for spelling in map(str, latin[:2]):
            # The data's keys fold final ى to ي: a name a Latin spelling
            # ends in a (Mustafa) is written with ى.
            written = (
                arabic[:-1] + "ى" if arabic.endswith("ي") and spelling.endswith("a") else arabic
            )
            # A Latin spelling shorter than the Arabic is of a part only
            # (Mohammad for محمدرضا); Bengali -ur/-ul forms (Habibur) add a word.
            if len(spelling) < len(arabic) or spelling.endswith(("ur", "ul")):
                continue
            rows.append(("same", spelling, written))
    common = {k: v for k, v in data.items() if int(v[0]) >= MIN_PEOPLE and " " not in k}
    for name, (_, *latin) in sorted(common.items()):
        feminine = name + "ه"  # keys fold ة to ه
        if feminine in common:
            rows.append(("differ", name, feminine[:-1] + "ة"))
            if latin:
                rows.append(("differ", latin[0], feminine[:-1] + "ة"))
    by_skeleton: dict[str, list[str]] = {}
    for name in sorted(common):
        if not name.endswith("ه"):
            by_skeleton.setdefault(_skeleton(name), []).append(name)
    for names in by_skeleton.values():
        for a, b in itertools.pairwise(names):
            # Two spellings of one skeleton with their long vowels elsewhere
            # (سامر, سمير) are two names; a final hamza or alef (زكريا,
            # زكرياء) is one name's two spellings. Latin spellings are left
            # out here: Hassan writes both حسن and حسان.
            variants = a.rstrip("ءا") == b.rstrip("ءا") or a.replace("ا", "") == b.replace("ا", "")
            if len(_skeleton(a)) >= 3 and a.startswith(b[:1]) and not variants:
                rows.append(("differ", a, b))
    for line in HAND.strip().splitlines():
        label, a, b = line.split("\t")
        rows.append((label, a, b))
    lines = [
        "# Labelled name pairs for names_match, made by scripts/gen_name_pairs.py (see its",
        "# docstring for how each part is labelled). label\ta\tb",
    ]
    lines += ["\t".join(r) for r in dict.fromkeys(rows)]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines) - 2} pairs -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
