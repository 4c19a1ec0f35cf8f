"""CVR numbers (companies): 8 digits after CVR / SE / ``DK`` (VAT); checksum via stdnum.

Detected and labelled so the caseworker sees them, but never pre-selected and with no
ground: § 30 nr. 1 protects natural persons, not companies (sole traders need review).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.dk import cvr as stdnum_cvr

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit

_CVR = re.compile(
    r"(?=[cCsSmMdD])(?:(?<![a-zæøå])(?:cvr|se|momsnr|moms)[\s.-]*(?:nr|nummer)?\.?\s*:?\s*(?:DK[ -]?)?|(?<![\w-])DK[ -]?)"
    r"(?P<num>\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2})(?![\d]|[ .,/-]\d)",
    re.IGNORECASE,
)


class DaCvrRecognizer(DanishRecognizer):
    ENTITY = EntityType.CVR
    DETECTOR = "cvr"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        for m in _CVR.finditer(text):
            digits = m.group("num").replace(" ", "")
            valid = stdnum_cvr.is_valid(digits)
            yield m.start("num"), m.end("num"), 0.85 if valid else 0.6
