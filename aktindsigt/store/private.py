"""The data folder is private: folders 0700, files 0600 (blobs 0400: read-only as well).

Other local users must not read case documents, the database or the log.  Folders this module makes
are created 0700; a folder of ours that is more open (an installation from before this rule) is
tightened once.  A folder someone configured outside the data folder (``AKTINDSIGT_BLOBS`` on a
share, say) keeps the permissions its administrator gave it.  POSIX only; on Windows the user's
profile folder is already private and ``chmod`` means little.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def _ours(path: Path) -> bool:
    try:
        return os.name == "posix" and path.stat().st_uid == os.getuid()
    except OSError:
        return False


def private_dir(path: Path, tighten: bool = True) -> Path:
    """Create ``path`` (and missing parents) 0700; ``tighten``: make an existing folder of ours 0700."""
    path = Path(path)
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if os.name != "posix":
        return path
    if (not existed or tighten) and _ours(path) and stat.S_IMODE(path.stat().st_mode) & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Take group and other permissions off an existing file of ours (the owner's bits stay)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(Path(path).stat().st_mode)
        if mode & 0o077 and _ours(Path(path)):
            os.chmod(path, mode & 0o700)


def create_private_file(path: Path) -> None:
    """Create an empty file 0600 if it does not exist (before SQLite opens it: its -wal and -shm files
    take the database file's permissions)."""
    path = Path(path)
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    private_file(path)


def inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(folder))
    except ValueError:
        return False
    return True


def tighten_tree(root: Path) -> int:
    """Take group and other permissions off every folder and file of ours below ``root`` (an installation
    from before this rule); returns how many were changed."""
    changed = 0
    if os.name != "posix":
        return 0
    for dirpath, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            p = Path(dirpath, name)
            with contextlib.suppress(OSError):
                mode = stat.S_IMODE(p.lstat().st_mode)
                if mode & 0o077 and not p.is_symlink() and _ours(p):
                    os.chmod(p, mode & 0o700)
                    changed += 1
    return changed
