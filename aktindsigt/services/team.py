"""Team use cases: the team lead's desk (review queue, comments, changes since a return, the audit trail
as a table), who else has a case open, the change feed, and the checklist items of a shared store.

Mixed into ``Services`` (``TeamServices``); the UI for it is in ``ui/team_desk.py``, ``ui/comments.py``,
``ui/audit_table.py`` and ``ui/live.py``.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import func, select

log = logging.getLogger(__name__)


def decision_problems(store: Any, case_id: int) -> list[Any]:
    """Checklist items: a suggestion with more than one decision (cannot be written any more, but a store
    copied from elsewhere may hold one), and the conflicting decisions an older team store held, kept by
    migration 0002 until the suggestion is decided again."""
    from aktindsigt.outputs.checklist import Problem
    from aktindsigt.store.schema import DecisionRow, DocumentRow, SuggestionRow

    out: list[Problem] = []
    with store.transaction() as s:
        several = s.execute(
            select(DecisionRow.suggestion_id, func.count(), func.min(DocumentRow.akt_nr), func.min(DocumentRow.id))
            .join(DocumentRow, DocumentRow.id == DecisionRow.document_id)
            .where(DecisionRow.case_id == case_id, DecisionRow.suggestion_id.is_not(None))
            .group_by(DecisionRow.suggestion_id).having(func.count() > 1)).all()
        for sid, n, akt, doc_id in several:
            text = s.scalar(select(SuggestionRow.text).where(SuggestionRow.id == sid)) or ""
            out.append(Problem("several_decisions", f"Forslaget '{' '.join(text.split())}' har {n} afgørelser. "
                               "Afgør det igen, så det har én.", "suggestions", doc_id, akt))
        kept = store.get_setting(f"case:{case_id}:conflicting_decisions", []) or []
        for item in kept:
            row = s.execute(select(SuggestionRow.status, SuggestionRow.text, DocumentRow.akt_nr, DocumentRow.id)
                            .join(DocumentRow, DocumentRow.id == SuggestionRow.document_id)
                            .where(SuggestionRow.id == item.get("suggestion_id"))).first()
            if row is None or row.status != "pending":
                continue
            verbs = {"redact": "overstreg", "keep": "behold"}
            who = ", ".join(f"{verbs.get(d.get('action'), d.get('action'))} af {d.get('who')}"
                            for d in item.get("decisions", []))
            out.append(Problem("conflicting_decisions", f"Forslaget '{' '.join(row.text.split())}' havde "
                               f"modstridende afgørelser ({who}) og skal afgøres igen.", "suggestions", row.id,
                               row.akt_nr))
    return out


class TeamServices:
    """Mixed into ``Services``."""

    store: Any
    user: str


__all__ = ["TeamServices", "decision_problems"]
