"""PDF redaction that really removes: boxes, labels, sanitising, page stamps, verification.

Public API::

    redact_pdf(input_path, output_path, boxes, withholds=(), options=None) -> RedactResult
    verify(output_path, redacted_strings, expected_surviving=(), *, ocr_pages=None,
           require_ocr=True, ocr_dpi=300) -> VerificationReport
    find_term_boxes(doc, terms, label=..., ocr="auto", ocr_dpi=300) -> TermSearchResult
    cli.register(app)  # adds ``aktindsigt redact``
"""

from aktindsigt.redact.engine import RedactError, redact_pdf
from aktindsigt.redact.model import (
    DEFAULT_LABEL,
    DEFAULT_STAMP_FORMAT,
    PageWithhold,
    RedactionBox,
    RedactOptions,
    RedactResult,
)
from aktindsigt.redact.search import TermSearchResult, find_term_boxes
from aktindsigt.redact.verify import CheckResult, VerificationReport, verify

__all__ = [
    "DEFAULT_LABEL",
    "DEFAULT_STAMP_FORMAT",
    "CheckResult",
    "PageWithhold",
    "RedactError",
    "RedactOptions",
    "RedactResult",
    "RedactionBox",
    "TermSearchResult",
    "VerificationReport",
    "find_term_boxes",
    "redact_pdf",
    "verify",
]
