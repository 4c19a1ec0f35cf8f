"""Output folders that appear complete or not at all (services/staging.py), including after kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from aktindsigt.services import staging
from aktindsigt.services.staging import MARKER, StagedFolder, TargetNotEmpty, recover

ROOT = Path(__file__).resolve().parents[2]


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_commit_renames_the_finished_folder_into_place(tmp_path):
    target = tmp_path / "ud"
    with StagedFolder(target) as stage:
        (stage.work / "a.pdf").write_bytes(b"%PDF")
        assert not target.exists() and stage.work.parent == tmp_path
        stage.commit()
    assert sorted(p.name for p in target.iterdir()) == ["a.pdf"]  # no marker in the released folder
    assert _leftovers(tmp_path) == [] and not list(staging.journal_dir().glob("*"))


def test_an_unfinished_folder_never_appears(tmp_path):
    target = tmp_path / "ud"
    with pytest.raises(RuntimeError), StagedFolder(target) as stage:
        (stage.work / "a.pdf").write_bytes(b"%PDF")
        raise RuntimeError("verification failed")
    assert not target.exists() and _leftovers(tmp_path) == []


def test_a_non_empty_target_is_refused_or_replaced_whole(tmp_path):
    target = tmp_path / "ud"
    (target / "udleveret").mkdir(parents=True)
    (target / "udleveret" / "akt_0002_gammel.pdf").write_bytes(b"old")
    with pytest.raises(TargetNotEmpty) as e:
        StagedFolder(target).open()
    assert "er ikke tom" in e.value.danish()
    with StagedFolder(target, replace=True) as stage:
        (stage.work / "ny.pdf").write_bytes(b"new")
        stage.commit()
    assert sorted(p.name for p in target.rglob("*")) == ["ny.pdf"]  # the old document is gone with its folder
    assert _leftovers(tmp_path) == []
    empty = tmp_path / "tom"
    empty.mkdir()
    with StagedFolder(empty) as stage:  # an empty folder is fine
        (stage.work / "x").write_text("x")
        stage.commit()
    assert (empty / "x").exists()
    (tmp_path / "fil").write_text("x")
    with pytest.raises(TargetNotEmpty):
        StagedFolder(tmp_path / "fil", replace=True).open()


CHILD = textwrap.dedent('''
    import os, sys, time
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from aktindsigt.services.staging import StagedFolder
    stage = StagedFolder(Path(sys.argv[2]), replace=True)
    stage.open()
    (stage.work / "ny.pdf").write_bytes(b"new")
    if sys.argv[3] == "replacing":   # die between moving the old folder aside and renaming the new one
        stage._write_journal("replacing")
        (stage.target / ".aktindsigt-ufaerdig").touch()
        os.rename(stage.target, stage.old)
    print("ready", flush=True)
    time.sleep(60)
''')


@pytest.mark.parametrize("phase", ["working", "replacing"])
def test_recover_after_kill_9(tmp_path, phase):
    target = tmp_path / "ud"
    target.mkdir()
    (target / "gammel.pdf").write_bytes(b"old")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(ROOT), str(target), phase], stdout=subprocess.PIPE,
                             text=True, env=os.environ.copy())
    try:
        assert child.stdout.readline().strip() == "ready"
        assert recover().entries == []  # the owner is alive: its folder is left alone
        assert any(p.name.startswith(".ud.tmp-") for p in tmp_path.iterdir())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    done = recover()
    assert len(done.entries) == 1 and len(done.removed) == 1
    assert _leftovers(tmp_path) == []
    assert sorted(p.name for p in target.iterdir()) == ["gammel.pdf"]  # the old folder is back, without a marker
    assert done.restored == ([target] if phase == "replacing" else [])
    assert not list(staging.journal_dir().glob("*"))


def test_recover_leaves_folders_it_did_not_make(tmp_path):
    stage = StagedFolder(tmp_path / "ud")
    stage.open()
    (stage.work / MARKER).unlink()  # not ours any more (e.g. a person put their own folder there)
    os.close(stage._lock_fd)  # the owner "dies"
    stage._lock_fd = None
    recover()
    assert stage.work.exists()


def test_recover_after_a_kill_between_the_marker_and_the_rename(tmp_path, monkeypatch):
    """commit() takes the marker out, syncs and renames: a kill -9 in between (the sync of a bundle of many
    files takes a while) left a hidden .AKT_….tmp-… folder that recovery would not touch."""
    stage = StagedFolder(tmp_path / "ud")
    stage.open()
    for i in range(3):
        (stage.work / f"akt-{i}.pdf").write_bytes(b"%PDF")

    def killed(*a, **kw):
        raise KeyboardInterrupt  # the process dies here: nothing after it runs

    with monkeypatch.context() as m, pytest.raises(KeyboardInterrupt):
        m.setattr(staging.os, "rename", killed)
        stage.commit()
    assert not (stage.work / MARKER).exists() and stage.work.exists()
    os.close(stage._lock_fd)  # the owner is gone
    stage._lock_fd = None
    done = recover()
    assert done.removed == [stage.work] and _leftovers(tmp_path) == [] and not (tmp_path / "ud").exists()
