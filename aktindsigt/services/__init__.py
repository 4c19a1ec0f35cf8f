"""The use cases: the only API that ``cli.py`` and ``ui/`` call.

``Services`` combines the case/import use cases (``cases.py``) and the review
use cases (``review.py``: suggestions, decisions, undo/redo).
"""

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
from aktindsigt.services.review import Operation, ReviewServices, SuggestionGroup


class Services(CaseServices, ReviewServices):
    """All use cases over one store and one user."""


__all__ = [
    "CaseDetail",
    "CaseOverview",
    "Changes",
    "ImportSummary",
    "ImportedFile",
    "Operation",
    "ServiceError",
    "Services",
    "SuggestionGroup",
    "collect_files",
]
