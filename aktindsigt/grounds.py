"""The legal-ground catalogue: ``resources/legal_grounds.yaml`` (data, not code).

    load_grounds(path=None) -> dict[str, LegalGround]
    load_catalogue(path=None) -> dict[str, GroundEntry]   # + kind, check_wording, note

The default file is ``<resources>/legal_grounds.yaml`` where ``<resources>`` is the
``AKTINDSIGT_RESOURCES`` environment variable or else the repository's
``resources/`` folder next to the package.  Bad data raises :class:`GroundsError`
naming the file, the entry and the problem.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aktindsigt.core.model import LegalGround, Regime

FILENAME = "legal_grounds.yaml"
KINDS = ("entity", "document", "statement")
# ids other parts of the program rely on (detector, letter): they must stay in the file
REQUIRED_IDS = ("ofl14", "ofl30_1", "ofl30_2", "fvl15b", "dbl22")
_REQUIRED_FIELDS = ("id", "statute", "section", "short_label", "title", "kind", "regimes", "reasoning")
_OPTIONAL_FIELDS = ("check_wording", "note")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class GroundsError(ValueError):
    """The catalogue file is missing or invalid."""


@dataclass(frozen=True, slots=True)
class GroundEntry:
    ground: LegalGround
    kind: str  # "entity" | "document" | "statement"
    check_wording: bool = False
    note: str = ""


def resources_dir() -> Path:
    env = os.environ.get("AKTINDSIGT_RESOURCES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "resources"


def default_path() -> Path:
    return resources_dir() / FILENAME


def _fail(path: Path, where: str, msg: str) -> GroundsError:
    return GroundsError(f"{path}: {where}: {msg}")


def _entry(path: Path, i: int, raw: Any) -> GroundEntry:
    where = f"grounds[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "each ground must be a mapping")
    if isinstance(raw.get("id"), str):
        where = f"ground '{raw['id']}'"
    unknown = set(raw) - set(_REQUIRED_FIELDS) - set(_OPTIONAL_FIELDS)
    if unknown:
        raise _fail(path, where, f"unknown field(s) {sorted(unknown)}")
    for key in _REQUIRED_FIELDS:
        if key not in raw or raw[key] in (None, "", []):
            raise _fail(path, where, f"missing required field '{key}'")
    for key in ("id", "statute", "section", "short_label", "title", "kind", "reasoning"):
        if not isinstance(raw[key], str):
            raise _fail(path, where, f"field '{key}' must be text")
    if not _ID_RE.match(raw["id"]):
        raise _fail(path, where, "id must be lower case letters, digits and '_' (e.g. ofl30_1)")
    if raw["kind"] not in KINDS:
        raise _fail(path, where, f"kind must be one of {list(KINDS)}, got '{raw['kind']}'")
    if len(raw["short_label"]) > 30:
        raise _fail(path, where, "short_label is the box label and must be at most 30 characters")
    regimes = raw["regimes"]
    if not isinstance(regimes, list):
        raise _fail(path, where, "regimes must be a list, e.g. [ofl7, ofl8]")
    valid = {r.value for r in Regime}
    bad = [r for r in regimes if r not in valid]
    if bad:
        raise _fail(path, where, f"unknown regime(s) {bad}; valid: {sorted(valid)}")
    check = raw.get("check_wording", False)
    if not isinstance(check, bool):
        raise _fail(path, where, "check_wording must be true or false")
    note = raw.get("note") or ""
    if not isinstance(note, str):
        raise _fail(path, where, "note must be text")
    ground = LegalGround(
        id=raw["id"],
        statute=raw["statute"].strip(),
        section=raw["section"].strip(),
        short_label=raw["short_label"].strip(),
        reasoning=" ".join(raw["reasoning"].split()),
        regimes=[Regime(r) for r in regimes],
        title=raw["title"].strip(),
    )
    return GroundEntry(ground=ground, kind=raw["kind"], check_wording=check, note=" ".join(note.split()))


def load_catalogue(path: str | os.PathLike | None = None) -> dict[str, GroundEntry]:
    """All grounds with their catalogue details, in file order."""
    p = Path(path) if path is not None else default_path()
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GroundsError(f"{p}: the legal-ground catalogue was not found") from exc
    except OSError as exc:
        raise GroundsError(f"{p}: cannot read the legal-ground catalogue: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise GroundsError(f"{p}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("grounds"), list):
        raise _fail(p, "top level", "expected a mapping with a 'grounds' list")
    out: dict[str, GroundEntry] = {}
    for i, raw in enumerate(data["grounds"]):
        entry = _entry(p, i, raw)
        if entry.ground.id in out:
            raise _fail(p, f"ground '{entry.ground.id}'", "duplicate id")
        out[entry.ground.id] = entry
    missing = [g for g in REQUIRED_IDS if g not in out]
    if missing:
        raise _fail(p, "grounds", f"required id(s) missing: {missing}")
    return out


def load_grounds(path: str | os.PathLike | None = None) -> dict[str, LegalGround]:
    """id -> LegalGround for every ground in the catalogue."""
    return {k: e.ground for k, e in load_catalogue(path).items()}
