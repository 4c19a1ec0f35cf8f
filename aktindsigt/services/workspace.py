"""What the desktop workspace asks the services for beyond the use cases: the legal grounds a case may use
(by regime, grouped), the ground proposed for a redaction of a type (the last one the user chose for that type
in that regime, else the detector policy's ground), and text snippets around occurrences.

Mixed into ``Services``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aktindsigt.core.model import EntityType, LegalGround, Regime, Suggestion

SNIPPET_CONTEXT = 40  # characters of context on each side of an occurrence

# purpose -> the catalogue kinds offered, in the order they are listed (statements are never grounds)
PURPOSE_KINDS = {"redaction": ("entity", "document"), "document": ("document", "entity")}
KIND_GROUPS = {"entity": "Oplysninger i dokumentet", "document": "Hele dokumenter"}


@dataclass(frozen=True)
class GroundChoice:
    """One entry of a ground combo: the ground, the group it is listed under and the text shown."""

    ground: LegalGround
    group: str
    kind: str

    @property
    def id(self) -> str:
        return self.ground.id

    @property
    def text(self) -> str:
        g = self.ground
        head = f"{g.statute} {g.section}".strip()
        return f"{head} — {g.title}" if g.title else head


@dataclass(frozen=True)
class Snippet:
    before: str
    text: str
    after: str

    def plain(self) -> str:
        return f"{self.before}{self.text}{self.after}"


class WorkspaceServices:
    """Mixed into ``Services``."""

    store: Any
    user: str

    # --- grounds -----------------------------------------------------------------------------------

    def _ground_kinds(self) -> dict[str, str]:
        """ground id -> catalogue kind ("entity", "document", "statement")."""
        override = getattr(self, "grounds_override", None)
        if override is not None:
            statements = set(getattr(self, "statement_grounds_override", set()))
            return {gid: ("statement" if gid in statements else "entity") for gid in override}
        from aktindsigt.grounds import load_catalogue

        return {gid: e.kind for gid, e in load_catalogue().items()}

    def regime_grounds(self, regime: Regime | str) -> list[LegalGround]:
        """The grounds of the catalogue that may be used under ``regime`` (every kind), in catalogue order.

        The one place that decides which grounds belong to a regime for the workspace; switch it to the
        catalogue's own per-regime function when that exists."""
        regime = Regime(regime)
        grounds = self.legal_grounds()  # type: ignore[attr-defined]
        return [g for g in grounds.values() if not g.regimes or regime in g.regimes]

    def ground_choices(self, case_ref: str | int, purpose: str = "redaction") -> list[GroundChoice]:
        """The grounds offered in the case's ground combos: only the case regime's, never statement sections
        (§ 14, § 26, §§ 28-29 ...), grouped ("Oplysninger i dokumentet", "Hele dokumenter") in catalogue order."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        kinds = self._ground_kinds()
        order = PURPOSE_KINDS.get(purpose, PURPOSE_KINDS["redaction"])
        found = [(g, kinds.get(g.id, "entity")) for g in self.regime_grounds(case.regime)]
        out: list[GroundChoice] = []
        for kind in order:
            out += [GroundChoice(g, _group(g, kind), kind) for g, k in found if k == kind]
        return out

    def _profile_key(self) -> str:
        from aktindsigt.services.workflow import profile_key

        return profile_key(getattr(self, "login", self.user)) + ":grounds"

    def default_ground(self, case_ref: str | int, entity_type: EntityType | str = EntityType.MANUAL,
                       purpose: str = "redaction") -> str | None:
        """The ground proposed for a redaction of ``entity_type`` in the case: the one this user chose last for
        the type under the case's regime, else the detector policy's ground for the type; ``None`` when neither
        is a ground the case may use (the caseworker must then choose)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        entity_type = EntityType(entity_type)
        valid = {c.id for c in self.ground_choices(case.id, purpose)}
        remembered = (self.store.get_setting(self._profile_key(), {}) or {}).get(case.regime.value, {})
        last = remembered.get(entity_type.value)
        if last in valid:
            return last
        from aktindsigt.detect.policy import Policy

        proposed = Policy().entry(case.regime, entity_type).ground_id
        return proposed if proposed in valid else None

    def remember_ground(self, case_ref: str | int, entity_type: EntityType | str, ground_id: str) -> None:
        """Remember the ground the user chose for a type (per regime); written only when it changes."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        key = self._profile_key()
        saved = dict(self.store.get_setting(key, {}) or {})
        per_regime = dict(saved.get(case.regime.value) or {})
        if per_regime.get(EntityType(entity_type).value) == ground_id:
            return
        per_regime[EntityType(entity_type).value] = ground_id
        saved[case.regime.value] = per_regime
        self.store.set_setting(key, saved, self.user)

    # --- snippets ------------------------------------------------------------------------------------

    def occurrence_snippets(self, suggestions: Iterable[Suggestion],
                            context: int = SNIPPET_CONTEXT) -> dict[int, Snippet]:
        """The text around each occurrence (whitespace collapsed), by suggestion id."""
        texts: dict[int, str] = {}
        out: dict[int, Snippet] = {}
        for s in suggestions:
            if s.id is None:
                continue
            text = texts.get(s.document_id)
            if text is None:
                text = texts[s.document_id] = self.store.document_text(s.document_id)
            before = text[max(0, s.start - context):s.start]
            after = text[s.end:s.end + context]
            before = " ".join(before.split()) + (" " if before[-1:].isspace() else "")
            after = (" " if after[:1].isspace() else "") + " ".join(after.split())
            lead = "…" if s.start > context else ""
            tail = "…" if s.end + context < len(text) else ""
            out[s.id] = Snippet(lead + before.lstrip(), " ".join(text[s.start:s.end].split()), after.rstrip() + tail)
        return out


def _group(g: LegalGround, kind: str) -> str:
    return f"{g.statute}: {KIND_GROUPS.get(kind, kind).lower()}"


__all__ = ["GroundChoice", "Snippet", "WorkspaceServices"]
