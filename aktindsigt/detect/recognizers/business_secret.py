"""Possible business secrets (offentlighedsloven § 30, nr. 2), from a lexicon kept as data:
``resources/detect/business_secret_da.yaml``.

Domain guide §3: business secrets are *flagged for review, never automatically* - the
policy gives type BUSINESS_SECRET the ground ``ofl30_2`` and never pre-selects it.  A hit
suggests the sentence around it (low score).  ``strong`` terms count on their own
("forretningshemmelighed", "konkurrencefølsomme oplysninger", "know-how"); ``weak`` terms
("enhedspris", "dækningsbidrag", "fortrolige oplysninger") only when the sentence or the
one before it names a company, a bidder or a contract (``company_cues``: "A/S", "CVR",
"tilbudsgiveren", "leverandøren" ...), so a citizen's "indtjening" or a social "tilbud"
is not flagged.  The category is in the detector name: ``business_secret:strong``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit
from aktindsigt.detect.recognizers.sensitive import Lexicon, by_sentence, sentence_bounds, sentence_span
from aktindsigt.detect.resources import load_yaml

BASE = 0.35


@lru_cache(maxsize=1)
def _data() -> tuple[Lexicon, re.Pattern[str]]:
    data = load_yaml("business_secret_da.yaml")
    cues = sorted((re.escape(c.lower()) for c in data.get("company_cues", [])), key=len, reverse=True)
    cue_rx = re.compile(r"(?<![\wæøå/-])(?:" + "|".join(cues) + r")(?![\wæøå/-])", re.IGNORECASE)
    return Lexicon(data["categories"]), cue_rx


class DaBusinessSecretRecognizer(DanishRecognizer):
    ENTITY = EntityType.BUSINESS_SECRET
    DETECTOR = "business_secret"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        lexicon, cue_rx = _data()
        hits = lexicon.find(text)
        if not hits:
            return
        bounds = sentence_bounds(text)
        for idx, items in by_sentence(bounds, hits).items():
            if all(c != "strong" for _, _, c in items):
                lo = bounds[max(0, idx - 1)]
                hi = bounds[idx + 1] if idx + 1 < len(bounds) else len(text)
                if not cue_rx.search(text, lo, hi):
                    continue  # a price or a turnover, but no company in sight
            s, e = sentence_span(text, bounds, idx, items[0][0], items[-1][1])
            cats = sorted({c for _, _, c in items})
            score = min(0.6, BASE + 0.1 * (len(items) - 1) + (0.1 if "strong" in cats else 0.0))
            yield s, e, score, {"detector": "business_secret:" + "+".join(cats)}
