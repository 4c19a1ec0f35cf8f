"""The one way the project imports PyMuPDF: ``from aktindsigt.pdflib import pymupdf``.

Importing this module first keeps PyMuPDF's optional layout analysis, pymupdf4llm and onnxruntime
(telemetry) out of the process (see :mod:`aktindsigt.offline`); ``tests/test_offline.py`` fails when
a module of the project imports ``pymupdf`` or ``fitz`` any other way.
"""

from __future__ import annotations

from aktindsigt.offline import keep_out

keep_out()

import pymupdf  # noqa: E402  (after keep_out, on purpose)

__all__ = ["pymupdf"]
