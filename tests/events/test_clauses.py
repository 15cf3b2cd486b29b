"""Clause analysis: clauses, postposition arguments, noun phrases and their heads."""

from __future__ import annotations

import regex

from ghatna.events.clauses import analyse, free_runs, tokenize
from ghatna.model import Entity, Mention, Sentence

ENTITIES = {
    "चीन": Entity("CHN", "China", "country", "CHN"),
    "रूस": Entity("RUS", "Russia", "country", "RUS"),
    "रूसी": Entity("RUS", "Russia", "country", "RUS"),
    "अमेरिका": Entity("USA", "United States", "country", "USA"),
    "भारत": Entity("IND", "India", "country", "IND"),
    "ईयू": Entity("EU", "European Union", "igo", None, "EU"),
    "वांग यी": Entity("wang", "Wang Yi", "person", "CHN", sector="GOV"),
    "सर्गेई लावरोव": Entity("lavrov", "Sergey Lavrov", "person", "RUS", sector="GOV"),
}


def _sentence(text: str) -> tuple[Sentence, list[Mention]]:
    sent = Sentence(0, "body", 0, len(text), text, tokenize(text))
    mentions = []
    for surf, ent in sorted(ENTITIES.items(), key=lambda kv: -len(kv[0])):
        for m in regex.finditer(r"(?<![\p{L}\p{M}])" + regex.escape(surf) + r"(?![\p{L}\p{M}])", text):
            if any(m.start() < x.end and x.start < m.end() for x in mentions):
                continue
            label = "NORP" if surf.endswith("ी") and ent.type == "country" else "GPE"
            mentions.append(Mention(0, m.start(), m.end(), surf, label, ent))
    return sent, mentions


def _args(text):
    sent, ms = _sentence(text)
    an = analyse(sent, ms)
    return an, [(a.role, an.text(a.np_start, a.np_end)) for a in an.args]


def test_postposition_arguments_and_genitive_chains():
    an, args = _args("चीन के विदेश मंत्री वांग यी और रूसी विदेश मंत्री सर्गेई लावरोव ने अमेरिका से "
                     "मुलाकात की।")
    assert args == [("ne", "चीन के विदेश मंत्री वांग यी और रूसी विदेश मंत्री सर्गेई लावरोव"),
                    ("se", "अमेरिका")]
    ne = an.args[0]
    heads = [g[0].text for g in an.conjunct_heads(ne.np_start, ne.np_end)]
    assert heads == ["वांग यी", "सर्गेई लावरोव"]


def test_compound_postpositions():
    _, args = _args("ईयू की ओर से लगाए गए प्रतिबंधों के खिलाफ भारत और चीन के बीच सहमति बनी")
    assert ("agent", "ईयू") in args
    assert ("ke_khilaf", "लगाए गए प्रतिबंधों") in args
    assert ("ke_beech", "भारत और चीन") in args


def test_adjacent_names_are_separate_phrases():
    an, args = _args("रूस चीन के साथ साझेदारी मजबूत करने के लिए तैयार है")
    assert ("ke_saath", "चीन") in args
    runs = [an.text(s, e) for s, e in free_runs(an, 0, len(an.tokens))]
    assert runs[0] == "रूस"


def test_clauses_and_reporters():
    an, _ = _args("वांग यी ने कहा कि रूस के साथ सहयोग बढ़ेगा, जो दोनों के हित में है।")
    kinds = [c.kind for c in an.clauses]
    assert kinds[:3] == ["main", "complement", "relative"]
    rep = an.clauses[1].reporter
    assert rep is not None and an.text(rep.np_start, rep.np_end) == "वांग यी"


def test_quoted_phrase_is_not_speech_but_quote_after_kaha_is():
    an, _ = _args("उन्होंने प्रतिबंधों को “बाहरी दखल” करार दिया")
    assert len(an.clauses) == 1
    an, _ = _args("अमेरिका ने कहा, “ चीन की कार्रवाई गलत है ”")
    assert [c.kind for c in an.clauses][:2] == ["main", "quote"]
    assert an.clauses[1].reporter is not None


def test_scrambled_genitive_object_stays_out_of_the_agent():
    _, args = _args("चीन के अभियान का रूस ने समर्थन किया")
    assert ("ne", "रूस") in args
