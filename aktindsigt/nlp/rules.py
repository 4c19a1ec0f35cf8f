"""Post-processing of the NER output with Danish name patterns (run-time, shippable lists only).

Registered as the spaCy component ``aktindsigt_name_rules`` (added after ``ner`` when the
build decides that it helps).  Uses the same run-time resources as the features: Faker's
``da_DK`` name lists and wordfreq's Danish frequency list.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from aktindsigt.nlp.features import _faker_names, freq_bucket

TITLE_WORDS = {
    "direktør", "formand", "minister", "borgmester", "læge", "dr.", "professor", "sagsbehandler", "hr.", "fru",
    "rådmand", "chef", "forfatter", "instruktør", "træner", "advokat", "præst", "biskop", "kaptajn", "general",
    "statsminister", "udenrigsminister", "direktøren", "formanden", "sygeplejerske", "overlæge",
}


# separators that never belong to a name ("G. Svensson / Center for ..."); quotes do
# ('Sylvester " Rambo " Stallone')
CUT_TOKENS = {"/", "|", ";", "•", "–", "(", ")", "[", "]", "<", ">", "@"}


def _at_line_start(tok) -> bool:
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or prev.text in (":", "-", "–", "(", '"', "/", "•")


def trim_entities(doc: Doc, min_freq: int = 5) -> Doc:
    """Repair PER boundaries:

    * cut an entity at a separator token such as a slash or a line break ("G. Svensson / Center" -> "G. Svensson");
    * drop punctuation-only tokens at either end;
    * drop a leading capitalised ordinary word or title at the start of a sentence/line
      ("Kontakt Isa Jørgensen", "Erfarne Ivan Nielsen", "Direktør Henrik Klæbel"), when it is a
      frequent Danish word (wordfreq Zipf >= ``min_freq``) and not in the first-name list.
    """
    first, last = _faker_names()
    new = []
    changed = False
    for ent in doc.ents:
        s, e = ent.start, ent.end
        if ent.label_ == "PER":
            for k in range(s + 1, e):
                if doc[k].text in CUT_TOKENS or doc[k].is_space:
                    e = k
                    break
            while e > s and not any(c.isalnum() for c in doc[e - 1].text):
                e -= 1
            while s < e and not any(c.isalnum() for c in doc[s].text):
                s += 1
            if e - s >= 2:
                t = doc[s]
                low = t.text.lower()
                if low in TITLE_WORDS or (
                    _at_line_start(t) and t.text[:1].isupper() and freq_bucket(t.text) >= min_freq
                    and low not in first
                ):
                    s += 1
        if (s, e) != (ent.start, ent.end):
            changed = True
            if e > s:
                new.append(Span(doc, s, e, label=ent.label_))
        else:
            new.append(ent)
    if changed:
        doc.ents = filter_spans(new)
    return doc


@Language.component("aktindsigt_name_rules")
def name_rules(doc: Doc) -> Doc:
    return trim_entities(doc)
