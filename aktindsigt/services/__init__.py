"""The use cases: the only API that ``cli/`` and ``ui/`` call.

``Services`` combines the case/import use cases (``cases.py``), the review use
cases (``review.py``: suggestions, decisions, undo/redo), analysis
(``analysis.py``: detection, propagation, allowlists) and the outputs
(``outputs.py``: checklist, letter, aktliste, journal note, other letters), redaction, export,
the user profile and review workflow (``workflow.py``: submit, approve, return, reopen, read-only cases,
delivered and journalised), the team lead's desk and the shared store (``team.py``: review queue, comments,
audit trail, presence), document properties and failed-file actions (``documents.py``) and what the
desktop workspace asks for (``workspace.py``: a case's grounds, proposed grounds, snippets).
"""

from aktindsigt.services.analysis import AnalysisServices, AnalysisSummary
from aktindsigt.services.cases import (
    CaseDetail,
    CaseOverview,
    CaseServices,
    Changes,
    ImportedFile,
    ImportSummary,
    ServiceError,
    collect_files,
)
from aktindsigt.services.documents import DocumentServices
from aktindsigt.services.esdh import EsdhServices
from aktindsigt.services.esdh_import import EsdhImportServices
from aktindsigt.services.export import ExportCheck, ExportResult, ExportServices
from aktindsigt.services.integrity import IntegrityServices
from aktindsigt.services.outputs import OutputServices
from aktindsigt.services.redaction import CaseRedaction, RedactionServices
from aktindsigt.services.review import DocumentAccess, Operation, ReviewServices, SuggestionGroup
from aktindsigt.services.team import TeamServices
from aktindsigt.services.workflow import ReviewState, UserProfile, WorkflowServices
from aktindsigt.services.workspace import GroundChoice, Snippet, WorkspaceServices


class Services(CaseServices, ReviewServices, AnalysisServices, OutputServices, RedactionServices, ExportServices,
               WorkflowServices, TeamServices, EsdhServices, EsdhImportServices, IntegrityServices,
               DocumentServices, WorkspaceServices):
    """All use cases over one store and one user."""


__all__ = [
    "AnalysisSummary",
    "CaseDetail",
    "CaseRedaction",
    "CaseOverview",
    "Changes",
    "DocumentAccess",
    "ExportCheck",
    "ExportResult",
    "GroundChoice",
    "ImportSummary",
    "ImportedFile",
    "Operation",
    "ReviewState",
    "ServiceError",
    "Services",
    "Snippet",
    "SuggestionGroup",
    "UserProfile",
    "collect_files",
]
