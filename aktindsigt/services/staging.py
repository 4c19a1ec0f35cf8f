"""Output folders that appear complete or not at all.

``StagedFolder(target)`` hands out a work folder beside ``target`` (same file system, so the final
rename is atomic); the caller fills it, and ``commit()`` renames it to ``target`` only when the caller
says everything in it is finished (for ``case redact --out``: every file passed verification and the
report is written).  A target that holds anything is refused, unless ``replace=True``: then the old
folder is moved aside, the new one renamed into place and the old one removed.

A crash (kill -9, power cut) can leave a work folder or a moved-aside old folder behind.  Each staged
folder therefore has a journal entry in ``<data folder>/staging/`` that its owner holds locked
(``flock``) while it works; :func:`recover` - run when the app or the CLI opens the store - takes every
entry whose lock is free (its owner is gone), removes the work folder, puts a moved-aside old folder
back when the new one never reached its place, and deletes the entry.  A folder is only ever removed
when it carries the marker file this module put in it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MARKER = ".aktindsigt-ufaerdig"  # in every work folder: "unfinished, made by aktindsigt"
JOURNAL_DIR = "staging"

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, recovery only removes entries of dead PIDs
    fcntl = None  # type: ignore[assignment]


class TargetNotEmpty(Exception):
    def __init__(self, target: Path) -> None:
        super().__init__(f"{target} is not empty")
        self.target = target

    def danish(self, replace_hint: str = "") -> str:
        return (f"Mappen {self.target} er ikke tom. Vælg en tom eller ny mappe"
                + (f", eller {replace_hint}" if replace_hint else "") + ".")


def journal_dir() -> Path:
    from aktindsigt.config import resolve_paths

    return resolve_paths().home / JOURNAL_DIR


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            with contextlib.suppress(OSError):
                fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        _fsync_dir(Path(dirpath))


def _is_empty_dir(path: Path) -> bool:
    return path.is_dir() and not any(path.iterdir())


def _remove_ours(path: Path, known: bool = False) -> bool:
    """Remove a folder this module made (it has the marker, or ``known``: the journal says its marker was
    taken out on the way to the final rename); True when it is gone."""
    if not path.exists() and not path.is_symlink():
        return True
    if path.is_dir() and not path.is_symlink() and (known or (path / MARKER).exists()):
        shutil.rmtree(path, ignore_errors=True)
        return not path.exists()
    log.warning("staging: %s is not a folder made by aktindsigt; left alone", path)
    return False


@dataclass
class StagedFolder:
    target: Path
    replace: bool = False
    purpose: str = ""  # for the journal and the log (e.g. "redaction of case 3")
    extra: dict[str, Any] = field(default_factory=dict)  # kept in the journal entry

    def __post_init__(self) -> None:
        self.target = Path(os.path.abspath(self.target))
        token = secrets.token_hex(4)
        self.work = self.target.parent / f".{self.target.name}.tmp-{token}"
        self.old = self.target.parent / f".{self.target.name}.old-{token}"
        self.committed = False
        self._journal = journal_dir() / f"{token}.json"
        self._lock_fd: int | None = None

    # --- life cycle -------------------------------------------------------------------------------

    def __enter__(self) -> StagedFolder:
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close()

    def open(self) -> Path:
        """Check the target and make the work folder (refuses a target that holds anything)."""
        if self.target.exists() or self.target.is_symlink():
            if not self.target.is_dir() or self.target.is_symlink():
                raise TargetNotEmpty(self.target)
            if not self.replace and not _is_empty_dir(self.target):
                raise TargetNotEmpty(self.target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._write_journal("working")
        self.work.mkdir(mode=0o700)
        (self.work / MARKER).write_text("Denne mappe er ikke færdig og slettes automatisk.\n", encoding="utf-8")
        return self.work

    def commit(self) -> Path:
        """Rename the finished work folder to the target (the old target, if any, is replaced whole)."""
        _fsync_tree(self.work)  # slow for many files: the marker stays in until the journal says "committing"
        replacing = self.target.exists() and not _is_empty_dir(self.target)
        self._write_journal("replacing" if replacing else "committing")  # the work folder is known as ours
        (self.work / MARKER).unlink()
        _fsync_dir(self.work)
        if self.target.exists():
            if not replacing:
                self.target.rmdir()
            else:  # replace=True (checked in open): move the old folder aside first
                (self.target / MARKER).touch()  # so recovery may delete it once the new one is in place
                os.rename(self.target, self.old)
        os.rename(self.work, self.target)
        _fsync_dir(self.target.parent)
        self.committed = True
        self._write_journal("committed")
        if self.old.exists():
            shutil.rmtree(self.old, ignore_errors=True)
        return self.target

    def close(self) -> None:
        """Remove what is left of an unfinished run and the journal entry."""
        if not self.committed:
            _remove_ours(self.work)
            if self.old.exists() and not self.target.exists():
                os.rename(self.old, self.target)
                with contextlib.suppress(OSError):
                    (self.target / MARKER).unlink()
        self._journal.unlink(missing_ok=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    # --- journal ------------------------------------------------------------------------------------

    def _write_journal(self, phase: str) -> None:
        entry = {"phase": phase, "target": str(self.target), "work": str(self.work), "old": str(self.old),
                 "purpose": self.purpose, "pid": os.getpid(), "host": socket.gethostname(), **self.extra}
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        if self._lock_fd is None:  # locked under a name recover() ignores, then renamed into view
            self._journal.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = self._journal.with_name(f".{self._journal.name}.new")
            self._lock_fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
            if fcntl is not None:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
            os.write(self._lock_fd, data)
            os.fsync(self._lock_fd)
            os.rename(tmp, self._journal)
            return
        os.ftruncate(self._lock_fd, 0)
        os.pwrite(self._lock_fd, data, 0)
        os.fsync(self._lock_fd)


def _owner_gone(fd: int, entry: dict[str, Any]) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
    pid = int(entry.get("pid") or 0)  # pragma: no cover - no flock
    try:
        os.kill(pid, 0)
    except OSError:
        return True
    return False


@dataclass
class Recovered:
    removed: list[Path] = field(default_factory=list)  # unfinished work folders removed
    restored: list[Path] = field(default_factory=list)  # old folders put back (the new one never arrived)
    entries: list[dict[str, Any]] = field(default_factory=list)  # the journal entries handled


def recover(folder: Path | None = None) -> Recovered:
    """Clean up after staged folders whose owner died (see the module docstring)."""
    folder = folder or journal_dir()
    out = Recovered()
    if not folder.is_dir():
        return out
    for path in folder.glob(".*.json.new"):  # an entry that died before it was renamed into view
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            if _owner_gone(fd, {}):
                path.unlink(missing_ok=True)
        finally:
            os.close(fd)
    for path in sorted(folder.glob("*.json")):
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            try:
                entry = json.loads(os.read(fd, 1 << 16).decode("utf-8") or "{}")
            except ValueError:
                entry = {}
            if not _owner_gone(fd, entry):
                continue
            target, work, old = (Path(entry[k]) if entry.get(k) else None for k in ("target", "work", "old"))
            known = entry.get("phase") in ("committing", "replacing")  # killed between marker and rename
            if work is not None and work.exists() and _remove_ours(work, known):
                out.removed.append(work)
            if old is not None and old.exists():
                if target is not None and not target.exists():
                    os.rename(old, target)
                    with contextlib.suppress(OSError):
                        (target / MARKER).unlink()
                    out.restored.append(target)
                else:
                    _remove_ours(old)
            if target is not None and (target / MARKER).is_file() and not (old is not None and old.exists()):
                with contextlib.suppress(OSError):  # touched just before a replace that never happened
                    (target / MARKER).unlink()
            out.entries.append(entry)
            path.unlink(missing_ok=True)
            log.warning("staging: cleaned up after an interrupted %s (%s)", entry.get("purpose") or "output",
                        entry.get("target"))
        finally:
            os.close(fd)
    return out


def active_targets(folder: Path | None = None) -> set[str]:
    """Targets of staged folders whose owner is still working (its journal entry is locked)."""
    folder = folder or journal_dir()
    out: set[str] = set()
    for path in folder.glob("*.json") if folder.is_dir() else ():
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            entry = json.loads(os.read(fd, 1 << 16).decode("utf-8") or "{}")
            if not _owner_gone(fd, entry):
                out.add(str(entry.get("target", "")))
        except ValueError:
            pass
        finally:
            os.close(fd)  # releases the lock this probe may have taken
    return out


def redact_into_folder(services: Any, case_ref: str | int, target: Path, replace: bool,
                       redact: Callable[[Path], Any]) -> Any:
    """``case redact --out``: run ``redact(work)`` into a staged folder beside ``target`` and rename it into
    place only when every file passed verification (the report is written by then); otherwise nothing
    appears under ``target``.  Returns the ``CaseRedaction`` with its paths under ``target``."""
    from aktindsigt.services.cases import ServiceError

    stage = StagedFolder(target, replace=replace, purpose=f"redaction of case {case_ref}")
    try:
        work = stage.open()
    except TargetNotEmpty as e:
        raise ServiceError(e.danish("lad hele mappen erstatte (på kommandolinjen: --replace)")) from e
    except OSError as e:
        raise ServiceError(f"Mappen {target} kan ikke oprettes: {e.strerror or e}. Vælg en anden placering.",
                           detail=str(e)) from e
    try:
        result = redact(work)
        if result.passed:
            stage.commit()
            result.written = True
        for d in result.documents:
            if d.path is not None:
                d.path = stage.target / d.path.relative_to(work) if result.written else None
        result.out_dir = stage.target
        services.record_redaction(result)
        return result
    finally:
        stage.close()
