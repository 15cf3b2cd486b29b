"""Helpers for the event tests: hand-built linked mentions.

Until the knowledge-base linker is part of the build, tests attach ``Mention`` objects
with entities by hand, from the small table below (written for these tests; ISO3 codes
and CAMEO-style actor codes). ``link`` finds each surface form as whole tokens.
"""

from __future__ import annotations

import regex

from ghatna.model import Article, Entity, Mention

# surface -> (id, name, type, country, org, sector, code)
TABLE = {
    "चीन": ("CHN", "China", "country", "CHN", None, None, "CHN"),
    "चीनी": ("CHN", "China", "country", "CHN", None, None, "CHN"),
    "बीजिंग": ("CHN", "China", "country", "CHN", None, None, "CHN"),
    "रूस": ("RUS", "Russia", "country", "RUS", None, None, "RUS"),
    "रूसी": ("RUS", "Russia", "country", "RUS", None, None, "RUS"),
    "अमेरिका": ("USA", "United States", "country", "USA", None, None, "USA"),
    "अमेरिकी": ("USA", "United States", "country", "USA", None, None, "USA"),
    "वाशिंगटन": ("USA", "United States", "country", "USA", None, None, "USA"),
    "भारत": ("IND", "India", "country", "IND", None, None, "IND"),
    "पाकिस्तान": ("PAK", "Pakistan", "country", "PAK", None, None, "PAK"),
    "ब्रिटेन": ("GBR", "United Kingdom", "country", "GBR", None, None, "GBR"),
    "कनाडा": ("CAN", "Canada", "country", "CAN", None, None, "CAN"),
    "जापान": ("JPN", "Japan", "country", "JPN", None, None, "JPN"),
    "ईरान": ("IRN", "Iran", "country", "IRN", None, None, "IRN"),
    "तेहरान": ("IRN", "Iran", "country", "IRN", None, None, "IRN"),
    "उत्तर कोरिया": ("PRK", "North Korea", "country", "PRK", None, None, "PRK"),
    "उत्तरी कोरिया": ("PRK", "North Korea", "country", "PRK", None, None, "PRK"),
    "प्योंगयांग": ("PRK", "North Korea", "country", "PRK", None, None, "PRK"),
    "दक्षिण कोरिया": ("KOR", "South Korea", "country", "KOR", None, None, "KOR"),
    "यूरोपीय संघ": ("EU", "European Union", "igo", None, "EU", None, "IGOEU"),
    "ईयू": ("EU", "European Union", "igo", None, "EU", None, "IGOEU"),
    "आसियान": ("ASEAN", "ASEAN", "igo", None, "ASEAN", None, "IGOASEAN"),
    "संयुक्त राष्ट्र": ("UN", "United Nations", "igo", None, "UN", None, "IGOUN"),
    "वांग यी": ("Q-wangyi", "Wang Yi", "person", "CHN", None, "GOV", "CHNGOV"),
    "सर्गेई लावरोव": ("Q-lavrov", "Sergey Lavrov", "person", "RUS", None, "GOV", "RUSGOV"),
    "सर्जेई लावरोव": ("Q-lavrov", "Sergey Lavrov", "person", "RUS", None, "GOV", "RUSGOV"),
    "सर्गेइ लावरोव": ("Q-lavrov", "Sergey Lavrov", "person", "RUS", None, "GOV", "RUSGOV"),
    "शी चिनफिंग": ("Q-xi", "Xi Jinping", "person", "CHN", None, "GOV", "CHNGOV"),
    "शी जिनपिंग": ("Q-xi", "Xi Jinping", "person", "CHN", None, "GOV", "CHNGOV"),
    "किम जोंग उन": ("Q-kim", "Kim Jong Un", "person", "PRK", None, "GOV", "PRKGOV"),
    "व्लादिमीर पुतिन": ("Q-putin", "Vladimir Putin", "person", "RUS", None, "GOV", "RUSGOV"),
    "नरेंद्र मोदी": ("Q-modi", "Narendra Modi", "person", "IND", None, "GOV", "INDGOV"),
    "मोदी": ("Q-modi", "Narendra Modi", "person", "IND", None, "GOV", "INDGOV"),
    "बाइडन": ("Q-biden", "Joe Biden", "person", "USA", None, "GOV", "USAGOV"),
    "केसीएनए": ("KCNA", "Korean Central News Agency", "org", "PRK", None, "MED", "PRKMED"),
    "नान्निंग": ("P-nanning", "Nanning", "place", "CHN", None, None, None),
    "मास्को": ("P-moscow", "Moscow", "place", "RUS", None, None, None),
    "दिल्ली": ("P-delhi", "Delhi", "place", "IND", None, None, None),
    "शिनजियांग": ("P-xinjiang", "Xinjiang", "place", "CHN", None, None, None),
    "पुलिस": ("COP", "Police", "agent", None, None, "COP", "COP"),
}
COORDS = {"P-nanning": (22.82, 108.32), "P-moscow": (55.75, 37.62), "P-delhi": (28.61, 77.21)}


def link(article: Article) -> Article:
    """Attach mentions for every TABLE surface found in the article's sentences."""
    surfaces = sorted(TABLE, key=len, reverse=True)
    for sent in article.sentences:
        taken: list[tuple[int, int]] = []
        for surf in surfaces:
            pat = regex.compile(r"(?<![\p{L}\p{M}])" + regex.escape(surf) + r"(?![\p{L}\p{M}])")
            for m in pat.finditer(sent.text):
                s, e = m.span()
                if any(s < te and e > ts for ts, te in taken):
                    continue
                taken.append((s, e))
                eid, name, typ, country, org, sector, code = TABLE[surf]
                ent = Entity(eid, name, typ, country, org, sector, code)
                if eid in COORDS:
                    ent.lat, ent.lon = COORDS[eid]  # type: ignore[attr-defined]
                label = "LOC" if typ in ("place", "country") else (
                    "PER" if typ == "person" else "ORG")
                if surf.endswith(("ी", "ीय")) and typ == "country":
                    label = "NORP"  # an adjective: रूसी, चीनी, अमेरिकी
                article.mentions.append(Mention(sent.index, s, e, surf, label, ent, "test-table"))
    return article
