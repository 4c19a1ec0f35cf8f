"""The legal-ground catalogue: ``resources/legal_grounds.yaml`` (data, not code).

    load_grounds(path=None) -> dict[str, LegalGround]
    load_catalogue(path=None) -> dict[str, GroundEntry]   # + kind, check_wording, note, ...
    grounds_for_regime(regime, kinds=None, path=None) -> dict[str, LegalGround]
    regime_error(ground_id, regime, grounds) -> str | None  # Danish message, or None when valid

Each ground belongs to one regime family (``statute_version``): the 2013 offentlighedslov to
OFL § 7 and § 8, the 1985 offentlighedslov and miljøoplysningsloven to MOL, forvaltningsloven to
FVL § 9, databeskyttelsesloven and the GDPR to art. 15. The loader refuses a ground whose regimes
do not fit its statute version.

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
REQUIRED_IDS = ("ofl14", "ofl26", "ofl30_1", "ofl30_2", "fvl13", "fvl15b", "mol85_8", "mol85_12_1_1",
                "mol85_12_1_2", "mol2_3", "mol2_5", "dbl22_1")
_REQUIRED_FIELDS = ("id", "statute", "section", "short_label", "title", "kind", "regimes", "reasoning",
                    "statute_version", "source")
_OPTIONAL_FIELDS = ("check_wording", "note", "source_confirmed", "counter_exception", "requires_text")
#: statute version -> the regimes a ground citing it may be used in
VERSION_REGIMES: dict[str, frozenset[str]] = {
    "ofl2013": frozenset({"ofl7", "ofl8"}),
    "ofl1985": frozenset({"mol"}),
    "mol": frozenset({"mol"}),
    "fvl": frozenset({"fvl9"}),
    "dbl": frozenset({"gdpr15"}),
    "gdpr": frozenset({"gdpr15"}),
}
#: what a ground with ``requires_text`` needs the caseworker to write
REQUIRED_TEXTS = ("law", "interest", "weighing")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class GroundsError(ValueError):
    """The catalogue file is missing or invalid."""


@dataclass(frozen=True, slots=True)
class GroundEntry:
    ground: LegalGround
    kind: str  # "entity" | "document" | "statement"
    check_wording: bool = False
    note: str = ""
    source_confirmed: bool = False  # the quoted wording was checked against a public copy of the statute
    counter_exception: str = ""  # a statement ground that must be considered per document (ofl26, fvl13 ...)
    requires_text: str = ""  # "law" (§ 35), "interest" (dbl. § 22), "weighing" (fvl. § 15 b)


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
    for key in ("id", "statute", "section", "short_label", "title", "kind", "reasoning", "statute_version",
                "source"):
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
    version = raw["statute_version"]
    if version not in VERSION_REGIMES:
        raise _fail(path, where, f"statute_version must be one of {sorted(VERSION_REGIMES)}, got '{version}'")
    outside = sorted(set(regimes) - VERSION_REGIMES[version])
    if outside:
        raise _fail(path, where, f"a ground citing {version} cannot be used under {outside}: each ground belongs "
                    f"to the regime of the statute it cites ({sorted(VERSION_REGIMES[version])})")
    check = raw.get("check_wording", False)
    if not isinstance(check, bool):
        raise _fail(path, where, "check_wording must be true or false")
    confirmed = raw.get("source_confirmed", False)
    if not isinstance(confirmed, bool):
        raise _fail(path, where, "source_confirmed must be true or false")
    counter = raw.get("counter_exception") or ""
    if not isinstance(counter, str):
        raise _fail(path, where, "counter_exception must be the id of a ground")
    needs = raw.get("requires_text") or ""
    if needs and needs not in REQUIRED_TEXTS:
        raise _fail(path, where, f"requires_text must be one of {list(REQUIRED_TEXTS)}, got '{needs}'")
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
        statute_version=version,
        source=" ".join(raw["source"].split()),
    )
    return GroundEntry(ground=ground, kind=raw["kind"], check_wording=check, note=" ".join(note.split()),
                       source_confirmed=confirmed, counter_exception=counter, requires_text=needs)


def load_catalogue(path: str | os.PathLike | None = None) -> dict[str, GroundEntry]:
    """All grounds with their catalogue details, in file order."""
    from aktindsigt.core import yamlfiles

    p = Path(path) if path is not None else default_path()
    try:
        data = yamlfiles.load(p)  # parsed once per change of the file (the case window asks often)
    except FileNotFoundError as exc:
        raise GroundsError(f"{p}: the legal-ground catalogue was not found") from exc
    except OSError as exc:
        raise GroundsError(f"{p}: cannot read the legal-ground catalogue: {exc}") from exc
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
    for gid, entry in out.items():
        ce = entry.counter_exception
        if not ce:
            continue
        target = out.get(ce)
        if target is None or target.kind != "statement":
            raise _fail(p, f"ground '{gid}'", f"counter_exception '{ce}' must be the id of a statement ground")
        if not set(entry.ground.regimes) <= set(target.ground.regimes):
            raise _fail(p, f"ground '{gid}'", f"counter_exception '{ce}' belongs to another regime")
    return out


def load_grounds(path: str | os.PathLike | None = None) -> dict[str, LegalGround]:
    """id -> LegalGround for every ground in the catalogue."""
    return {k: e.ground for k, e in load_catalogue(path).items()}


def grounds_for_regime(regime: Regime | str, kinds: tuple[str, ...] | None = ("entity", "document"),
                       path: str | os.PathLike | None = None,
                       catalogue: dict[str, GroundEntry] | None = None) -> dict[str, LegalGround]:
    """The grounds a caseworker may choose in a case under ``regime``, in catalogue order.

    ``kinds``: which kinds (default: the exceptions, "entity" and "document"; ``None``: all, including
    the statements such as § 14 and the counter-exceptions)."""
    reg = Regime(regime)
    cat = catalogue if catalogue is not None else load_catalogue(path)
    return {gid: e.ground for gid, e in cat.items()
            if reg in e.ground.regimes and (kinds is None or e.kind in kinds)}


def regime_error(ground_id: str | None, regime: Regime | str, grounds: dict[str, LegalGround]) -> str | None:
    """A Danish message when ``ground_id`` cannot be used under ``regime`` (unknown, or another regime's);
    ``None`` when it can (or when no ground is given)."""
    if not ground_id:
        return None
    reg = Regime(regime)
    g = grounds.get(ground_id)
    if g is None:
        return f"Hjemlen '{ground_id}' findes ikke i kataloget over hjemler."
    if g.valid_in(reg):
        return None
    label = f"{g.statute} {g.section}".strip()
    return (f"{label} kan ikke bruges i en sag efter {reg.label.lower() if reg is Regime.MOL else reg.label}. "
            "Vælg en af sagens egne hjemler.")
