"""A private Xvfb for the scripts that drive the app under a real X server (screenshot.py, walkthrough.py).

Xvfb picks a free display itself (``-displayfd``), so several of these scripts (or other users of the machine)
never share a display and a window never lands on a screen of another size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def start_xvfb(size: str) -> subprocess.Popen | None:
    """Start Xvfb with one screen of ``size`` ("1366x768") and point Qt at it (``DISPLAY``, xcb); without
    Xvfb, fall back to offscreen rendering (returns None)."""
    if not shutil.which("Xvfb"):
        print("Xvfb findes ikke; bruger offscreen-gengivelse i stedet.", file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()  # written once the server is ready
    if not number:
        proc.terminate()
        raise RuntimeError("Xvfb did not start")
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def stop_xvfb(proc: subprocess.Popen | None) -> None:
    if proc is not None:
        proc.terminate()
        proc.wait(5)
