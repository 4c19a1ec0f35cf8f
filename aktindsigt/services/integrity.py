"""Integrity of the store: the audit hash chain and the blobs the redactor reads (issue #16).

``verify_audit`` recomputes the chain (``store/auditchain.py``); ``audit_head`` is what the journal note
and the export bundle quote; ``verified_rendition`` is the redactor's check that a document's PDF
rendition still has the SHA-256 it was stored under - a changed blob is refused, never released.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aktindsigt.core.danish import count
from aktindsigt.core.model import Document
from aktindsigt.store.auditchain import ChainReport


def audit_head_line(store: Any) -> str:
    """One Danish line for the journal note: the chain head when it was formed."""
    head, n = store.audit_head()
    return (f"Revisionsloggen ved dannelsen: {count(n, 'hændelse', 'hændelser')}, kædens hoved (SHA-256) "
            f"{head}. Kontrollér med: aktindsigt audit verify --head {head[:16]}")


class IntegrityServices:
    """Mixed into ``Services``."""

    store: Any

    def verify_audit(self, expect_head: str = "") -> ChainReport:
        return self.store.verify_audit(expect_head)

    def audit_head(self) -> tuple[str, int]:
        return self.store.audit_head()

    def verified_rendition(self, doc: Document) -> Path:
        """The path of ``doc``'s PDF rendition after checking its SHA-256 (``ServiceError`` in Danish if not)."""
        from aktindsigt.services.cases import ServiceError
        from aktindsigt.store.blobs import BlobChanged

        if not doc.rendition_sha256:
            raise ServiceError(f"PDF-udgaven af akt {doc.akt_nr} mangler i arkivet. Importér dokumentet igen.")
        try:
            return self.store.blobs.verified_path(doc.rendition_sha256)
        except BlobChanged as e:
            missing = not e.found
            raise ServiceError(
                f"PDF-udgaven af akt {doc.akt_nr} {'mangler i arkivet' if missing else 'er ændret, efter at den blev importeret (kontrolsummen passer ikke)'}"
                ", så dokumentet overstreges og udleveres ikke. Importér dokumentet igen fra originalen, og kontakt "
                "IT, hvis filen er ændret uden grund.", detail=str(e)) from e
