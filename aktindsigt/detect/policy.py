"""The detector policy as data: ground id and pre-selection per regime and entity type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aktindsigt.core.model import EntityType, Regime
from aktindsigt.detect.resources import load_yaml


@dataclass(frozen=True, slots=True)
class PolicyEntry:
    ground_id: str | None
    preselected: bool
    suggest: bool
    #: a suggestion of this type whose score is at least this is pre-selected too (``None``: never by score)
    preselect_score: float | None = None

    def preselects(self, score: float) -> bool:
        """Whether a suggestion with this score starts pre-selected (never without a ground)."""
        if self.ground_id is None:
            return False
        return self.preselected or (self.preselect_score is not None and score >= self.preselect_score)


class Policy:
    """Reads ``resources/detect/policy.yaml`` (or a dict with the same shape)."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data = data if data is not None else load_yaml("policy.yaml")
        self._private = {str(k): v for k, v in (self.data.get("private_ground") or {}).items()}
        self._entities = self.data.get("entities") or {}
        self._overrides = self.data.get("overrides") or {}

    def entry(self, regime: Regime, entity: EntityType) -> PolicyEntry:
        spec: dict[str, Any] = dict(self._entities.get(entity.value) or {})
        spec.update((self._overrides.get(regime.value) or {}).get(entity.value) or {})
        ground = spec.get("ground", "private")
        if ground == "private":
            ground = self._private.get(regime.value)
        return PolicyEntry(
            ground_id=ground,
            preselected=bool(spec.get("preselected", False)) and ground is not None,
            suggest=bool(spec.get("suggest", True)),
            preselect_score=_score(spec.get("preselect_score")),
        )


def _score(value: Any) -> float | None:
    if value is None:
        return None
    score = float(value)
    if not 0.0 < score <= 1.0:
        raise ValueError(f"preselect_score must be in (0, 1], not {value!r}")
    return score
