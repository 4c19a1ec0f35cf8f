"""Template texts and small formatting helpers for the outputs.

All wording a municipal lawyer may want to change lives in
``resources/templates/`` (``texts.yaml``, ``aktliste.yaml`` and the ``.docx``
templates made by ``make_templates.py``); this module only loads it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from aktindsigt.core.danish import MONTHS_DA, da_date, join  # noqa: F401  (re-exported: outputs use them from here)

ENV_VAR = "AKTINDSIGT_RESOURCES"


# A complaint deadline stated to the requester. There is none under OFL or FVL;
# the Ombudsman has criticised municipalities that invented one. "inden for 7
# arbejdsdage" (the municipality's own forwarding time) is not matched.
DEADLINE_RE = re.compile(
    r"klagefrist"
    r"|frist\s+for\s+at\s+klage"
    r"|\b(?:inden|senest|indenfor)\s+(?:for\s+)?\S+\s+(?:dage|dag|uger|uge|måneder|måned|år)\b"
    r"|\bskal\s+(?:du\s+)?klage\s+(?:inden|senest)",
    re.IGNORECASE,
)


def resources_dir() -> Path:
    """``<repo>/resources`` (or ``$AKTINDSIGT_RESOURCES``)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "resources"


def templates_dir() -> Path:
    return resources_dir() / "templates"


def load_yaml(name: str) -> dict[str, Any]:
    """Read a YAML file of ``resources/templates`` (parsed again when the file changes: edits apply at once)."""
    from aktindsigt.core import yamlfiles

    data = yamlfiles.load(templates_dir() / name) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data


def load_texts() -> dict[str, Any]:
    return load_yaml("texts.yaml")


def load_aktliste_config() -> dict[str, Any]:
    return load_yaml("aktliste.yaml")


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: Mapping[str, Any]) -> str:
    """Fill ``{name}`` placeholders; unknown ones are left as they are. Whitespace is normalised."""
    return " ".join(str(text or "").format_map(_Keep(values)).split())


def short_date(d: date | None) -> str:
    """``28.11.2026`` (tables)."""
    return d.strftime("%d.%m.%Y") if d else ""


def join_da(items: Iterable[str], last: str = "og") -> str:
    """``a, b og c``."""
    return join(list(items), last)


def akt_list(numbers: Iterable[int]) -> str:
    """``akt 2`` / ``akt 2, 5 og 7`` (sorted, unique)."""
    nums = sorted(set(numbers))
    if not nums:
        return ""
    return "akt " + join_da(str(n) for n in nums)


CHECK_NOTE_RE = re.compile(r"\s*\[\s*KONTROLL[ÉE]R\b[^\]]*\]", re.IGNORECASE)


def check_notes(text: str) -> list[str]:
    """The ``[KONTROLLÉR: ...]`` notes in a catalogue or template text."""
    return [m.group(0).strip() for m in CHECK_NOTE_RE.finditer(text or "")]


def strip_check_notes(text: str) -> str:
    """Remove ``[KONTROLLÉR: ...]`` notes: they guide the municipality and never reach a final letter."""
    return " ".join(CHECK_NOTE_RE.sub("", text or "").split())


def complaint_deadline_phrases(text: str) -> list[str]:
    """Phrases in ``text`` that look like a complaint deadline (must be empty)."""
    return [m.group(0) for m in DEADLINE_RE.finditer(text or "")]


def load_indsigt() -> dict[str, Any]:
    """The municipality's texts for the GDPR art. 15(1)(a)-(h) information (``indsigt.yaml``)."""
    return load_yaml("indsigt.yaml")


def load_areas() -> dict[str, Any]:
    """The catalogue of underlying-matter areas and their complaint bodies (``resources/klageinstanser.yaml``),
    id -> ``ComplaintArea``."""
    from aktindsigt.outputs.data import ComplaintArea

    path = resources_dir() / "klageinstanser.yaml"
    from aktindsigt.core import yamlfiles

    data = yamlfiles.load(path) or {}
    areas = data.get("areas") if isinstance(data, dict) else None
    if not isinstance(areas, list):
        raise ValueError(f"{path}: expected a mapping with an 'areas' list")
    out = {}
    names = set(ComplaintArea.__dataclass_fields__)
    for i, raw in enumerate(areas):
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("label"):
            raise ValueError(f"{path}: areas[{i}] needs an id and a label")
        values = {k: v for k, v in raw.items() if k in names}
        for k in ("klageportalen", "via_municipality", "confirmed"):
            values[k] = bool(values.get(k, False))
        for k in ("id", "label", "complaint_body", "address", "note"):
            values[k] = " ".join(str(values.get(k) or "").split())
        if values["id"] in out:
            raise ValueError(f"{path}: duplicate area id '{values['id']}'")
        out[values["id"]] = ComplaintArea(**values)
    return out


# A placeholder left in a text: "[Skriv ...]", "[…]", "[klageinstansen]", "[dato for afgørelsen]".
PLACEHOLDER_RE = re.compile(r"\[[^\[\]]{0,300}\]|\[\s*(?:…|\.\.\.)\s*\]|\{[a-z_]+\}")


def placeholders_in(text: str) -> list[str]:
    """Placeholders (``[...]`` or an unfilled ``{name}``) in a text that is about to be sent (must be empty)."""
    return [m.group(0) for m in PLACEHOLDER_RE.finditer(text or "")]


def strings_in(value: Any) -> list[str]:
    """Every string in a nested template context (dicts, lists), for the placeholder check."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in strings_in(v)]
    return []
