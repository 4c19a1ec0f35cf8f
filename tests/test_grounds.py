"""The legal-ground catalogue: the shipped file is complete and valid; bad data is refused clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from aktindsigt.core.model import LegalGround, Regime
from aktindsigt.grounds import GroundsError, default_path, load_catalogue, load_grounds

EXPECTED = (
    "ofl14 ofl19 ofl20 ofl21 ofl22 ofl23_1_1 ofl24 ofl25 ofl26 ofl27_3 ofl27_4 ofl28 ofl29 ofl30_1 ofl30_2 "
    "ofl31 ofl32 ofl33_1 ofl33_2 ofl33_3 ofl33_4 ofl33_5 ofl34 ofl35 "
    "fvl12 fvl13 fvl14 fvl14a fvl14b fvl15 fvl15a fvl15b fvl15c "
    "mol85_7 mol85_8 mol85_10_3 mol85_10_4 mol85_11 mol85_12_1_1 mol85_12_1_2 mol85_13_1_6 mol2_3 mol2_5 "
    "gdpr15_4 dbl22_1 dbl22_2"
).split()


def test_shipped_catalogue_is_complete():
    grounds = load_grounds()
    assert set(EXPECTED) <= set(grounds)
    g = grounds["ofl30_1"]
    assert isinstance(g, LegalGround)
    assert g.short_label == "§ 30, nr. 1"
    assert g.statute == "Offentlighedsloven"
    assert Regime.OFL7 in g.regimes
    assert grounds["fvl15b"].regimes == [Regime.FVL9]
    assert grounds["dbl22_1"].regimes == [Regime.GDPR15]
    for gid, ground in grounds.items():
        assert ground.reasoning and ground.title and ground.section, gid
        assert len(ground.short_label) <= 30


def test_every_ground_belongs_to_one_regime_family_and_cites_its_source():
    from aktindsigt.grounds import VERSION_REGIMES

    cat = load_catalogue()
    for gid, e in cat.items():
        g = e.ground
        assert set(r.value for r in g.regimes) <= VERSION_REGIMES[g.statute_version], gid
        assert g.source and "§" in g.source or "artikel" in g.source, gid
    # the 2013 offentlighedslov is not the law of an environmental request, nor of a party's or a data subject's
    for gid in ("ofl23_1_1", "ofl24", "ofl30_1", "ofl35"):
        assert [r.value for r in cat[gid].ground.regimes] == ["ofl7", "ofl8"]
    # MOL cites the 1985 offentlighedslov through MOL § 2, stk. 1
    for gid in ("mol85_7", "mol85_12_1_1", "mol85_13_1_6"):
        g = cat[gid].ground
        assert g.statute_version == "ofl1985" and "jf. offentlighedsloven (lov nr. 572 af 19. december 1985)" \
            in g.section and g.section.startswith("§ 2, stk. 1")
        assert "miljøoplysningslovens § 2, stk. 1, jf. offentlighedsloven (lov nr. 572 af 19. december 1985)" \
            in g.reasoning
    # counter-exceptions are statements, not grounds for withholding, and are tied to their grounds
    for gid, ce in (("ofl23_1_1", "ofl26"), ("fvl12", "fvl13"), ("mol85_7", "mol85_8")):
        assert cat[gid].counter_exception == ce and cat[ce].kind == "statement"
    assert cat["fvl13"].kind == "statement"
    # texts the caseworker must write
    assert cat["ofl35"].requires_text == "law" and cat["fvl15b"].requires_text == "weighing"
    assert cat["dbl22_1"].requires_text == cat["dbl22_2"].requires_text == "interest"
    assert cat["dbl22_1"].ground.section == "§ 22, stk. 1" and cat["dbl22_2"].ground.section == "§ 22, stk. 2"


def test_grounds_for_regime_offers_only_that_regimes_exceptions():
    from aktindsigt.grounds import grounds_for_regime, regime_error

    assert set(grounds_for_regime(Regime.FVL9)) == {"fvl12", "fvl14", "fvl15", "fvl15a", "fvl15b"}
    mol = grounds_for_regime(Regime.MOL)
    assert "ofl24" not in mol and "mol85_12_1_1" in mol and "mol85_8" not in mol  # § 8 is no exception
    assert set(grounds_for_regime(Regime.GDPR15)) == {"gdpr15_4", "dbl22_1", "dbl22_2"}
    assert "ofl26" in grounds_for_regime(Regime.OFL7, kinds=None)
    grounds = load_grounds()
    assert regime_error("ofl30_1", Regime.OFL8, grounds) is None
    assert "kan ikke bruges i en sag efter Forvaltningsloven § 9" in regime_error("ofl23_1_1", Regime.FVL9, grounds)
    assert "findes ikke" in regime_error("ofl99", Regime.OFL7, grounds)


def test_catalogue_details():
    cat = load_catalogue()
    assert cat["ofl26"].kind == "statement" and cat["ofl26"].note
    assert cat["ofl30_1"].kind == "entity"
    assert cat["ofl23_1_1"].kind == "document"
    assert cat["ofl14"].kind == "statement"
    # where the municipality must check wording, the text says so
    for gid, e in cat.items():
        if "[KONTROLLÉR" in e.ground.reasoning:
            assert e.check_wording, gid
    # § 35 must name the law
    assert "KONTROLLÉR" in cat["ofl35"].ground.reasoning


def test_resources_env_override(tmp_path, monkeypatch):
    shutil.copy(default_path(), tmp_path / "legal_grounds.yaml")
    data = yaml.safe_load((tmp_path / "legal_grounds.yaml").read_text("utf-8"))
    data["grounds"][0]["title"] = "Ændret af juristen"
    (tmp_path / "legal_grounds.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    monkeypatch.setenv("AKTINDSIGT_RESOURCES", str(tmp_path))
    assert load_grounds()[data["grounds"][0]["id"]].title == "Ændret af juristen"


def _write(tmp_path: Path, grounds) -> Path:
    base = yaml.safe_load(default_path().read_text("utf-8"))
    base["grounds"] = grounds(base["grounds"])
    p = tmp_path / "g.yaml"
    p.write_text(yaml.safe_dump(base, allow_unicode=True), "utf-8")
    return p


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda gs: gs + [dict(gs[0])], "duplicate id"),
        (lambda gs: [{**gs[0], "regimes": ["ofl99"]}, *gs[1:]], "unknown regime"),
        (lambda gs: [{**gs[0], "kind": "whole"}, *gs[1:]], "kind must be"),
        (lambda gs: [{k: v for k, v in gs[0].items() if k != "reasoning"}, *gs[1:]], "missing required field 'reasoning'"),
        (lambda gs: [{**gs[0], "sectoin": "x"}, *gs[1:]], "unknown field"),
        (lambda gs: [g for g in gs if g["id"] != "ofl30_1"], "required id"),
        (lambda gs: [{**gs[0], "id": "Ofl 14"}, *gs[1:]], "id must be"),
        (lambda gs: [{**gs[0], "check_wording": "ja"}, *gs[1:]], "check_wording"),
        (lambda gs: [{**gs[0], "regimes": ["ofl7", "mol"]}, *gs[1:]], "cannot be used under ['mol']"),
        (lambda gs: [{**gs[0], "statute_version": "ofl1999"}, *gs[1:]], "statute_version must be"),
        (lambda gs: [{k: v for k, v in gs[0].items() if k != "source"}, *gs[1:]], "missing required field 'source'"),
        (lambda gs: [{**g, "counter_exception": "ofl30_1"} if g["id"] == "ofl23_1_1" else g for g in gs],
         "must be the id of a statement ground"),
    ],
)
def test_bad_data_is_refused_clearly(tmp_path, mutate, message):
    p = _write(tmp_path, mutate)
    with pytest.raises(GroundsError) as exc:
        load_grounds(p)
    assert message in str(exc.value)
    assert str(p) in str(exc.value)


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(GroundsError, match="not found"):
        load_grounds(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("grounds: [unclosed", "utf-8")
    with pytest.raises(GroundsError, match="not valid YAML"):
        load_grounds(bad)
    bad.write_text("- just a list", "utf-8")
    with pytest.raises(GroundsError, match="'grounds' list"):
        load_grounds(bad)
