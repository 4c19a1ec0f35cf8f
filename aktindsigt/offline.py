"""No network at run time: keep the packages that phone home out of the process.

PyMuPDF 2 imports its optional layout analysis (``pymupdf.layout``) and ``pymupdf4llm`` on
``import pymupdf`` when they are installed (PyMuPDF 2.0 declares both, and onnxruntime, as
requirements).  ``pymupdf.layout`` loads onnxruntime, whose official builds send telemetry to
Microsoft over HTTPS (a device id, OS, interpreter path, CPU model) from C++, where no Python
socket guard sees it.  The project uses none of the three, so :func:`keep_out` makes them
unimportable in this process (PyMuPDF treats a failing import as "not installed"), and sets the
documented opt-outs as a second line for any process that loads them anyway:

* ``ORT_DISABLE_TELEMETRY=1`` - onnxruntime: no uploader, events or device id (Privacy.md);
* ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS=""`` - tldextract (imported by presidio's predefined
  recognizers) uses its bundled suffix list instead of fetching one when it is first used;
* ``HF_HUB_OFFLINE=1`` / ``TRANSFORMERS_OFFLINE=1`` - Hugging Face libraries never download;
* ``PYMUPDF_SUGGEST_LAYOUT_ANALYZER=0`` - PyMuPDF does not print its layout advertisement.

:func:`keep_out` runs when the ``aktindsigt`` package is imported, so every entry point (CLI, UI,
worker processes, which import the package to unpickle their target) is covered before PyMuPDF
is imported; ``aktindsigt.pdflib`` is the one module through which the project imports PyMuPDF.
The environment variables are inherited by every child process (LibreOffice, Tesseract, spawned
workers).
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from dataclasses import dataclass

#: packages that must never be loaded into an aktindsigt process (and their submodules)
BLOCKED_MODULES: tuple[str, ...] = ("pymupdf.layout", "pymupdf4llm", "onnxruntime")

#: documented opt-outs, set unless the environment already says otherwise
OPT_OUTS: dict[str, str] = {
    "ORT_DISABLE_TELEMETRY": "1",
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "PYMUPDF_SUGGEST_LAYOUT_ANALYZER": "0",
}

#: shared libraries whose presence in the process means a telemetry client was loaded
_TELEMETRY_LIBRARIES = ("libonnxruntime",)


class _Refused:
    """A loader (duck-typed: ``importlib.abc`` costs start-up time) that refuses to load."""

    def create_module(self, spec):
        raise ModuleNotFoundError(f"{spec.name} is kept out of aktindsigt (no network at run time: "
                                  "see aktindsigt/offline.py)", name=spec.name)

    def exec_module(self, module) -> None:  # pragma: no cover - create_module raised
        raise ModuleNotFoundError(module.__name__)


class _KeepOut:
    """First on ``sys.meta_path``: a blocked package (or a submodule of one) fails to import."""

    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED_MODULES):
            return importlib.machinery.ModuleSpec(name, _Refused())
        return None


def keep_out() -> None:
    """Make :data:`BLOCKED_MODULES` unimportable and set :data:`OPT_OUTS` (idempotent, cheap).

    ``import onnxruntime`` then raises ``ModuleNotFoundError`` (an ``ImportError``), which is what
    PyMuPDF, presidio and spaCy expect of an optional package that is not installed.  A package that
    is already loaded cannot be unloaded; :func:`status` reports it."""
    if not any(isinstance(f, _KeepOut) for f in sys.meta_path):
        sys.meta_path.insert(0, _KeepOut())
    for key, value in OPT_OUTS.items():
        os.environ.setdefault(key, value)


@dataclass(frozen=True)
class OfflineStatus:
    loaded: tuple[str, ...]  # blocked packages that are loaded all the same
    libraries: tuple[str, ...]  # telemetry libraries mapped into the process
    opt_outs_missing: tuple[str, ...]  # opt-out variables that are set to something else

    @property
    def ok(self) -> bool:
        return not (self.loaded or self.libraries)

    def describe(self) -> str:
        """One Danish sentence for ``aktindsigt doctor``."""
        if self.ok:
            text = ("Ingen netværksforbindelser: PyMuPDF's layoutmodul, pymupdf4llm og onnxruntime "
                    "(telemetri) er holdt ude af programmet.")
        else:
            parts = [*self.loaded, *(lib + ".so" for lib in self.libraries)]
            text = ("Pakker, der kan sende data over netværket, er indlæst: " + ", ".join(parts)
                    + ". Start programmet med kommandoen aktindsigt, ikke fra en anden Python-proces.")
        if self.opt_outs_missing:
            text += " Miljøvariablen " + ", ".join(self.opt_outs_missing) + " er sat til en anden værdi."
        return text


def _mapped_libraries() -> tuple[str, ...]:
    try:
        with open(f"/proc/{os.getpid()}/maps", encoding="utf-8", errors="replace") as f:
            maps = f.read()
    except OSError:  # not Linux: rely on sys.modules
        return ()
    return tuple(lib for lib in _TELEMETRY_LIBRARIES if lib in maps)


def status() -> OfflineStatus:
    """What this process has loaded of the packages :func:`keep_out` keeps out."""
    loaded = tuple(name for name in BLOCKED_MODULES
                   if any(sys.modules.get(m) is not None for m in (name, *_submodules(name))))
    missing = tuple(k for k, v in OPT_OUTS.items() if os.environ.get(k) != v)
    return OfflineStatus(loaded, _mapped_libraries(), missing)


def _submodules(name: str) -> list[str]:
    prefix = name + "."
    return [m for m in list(sys.modules) if m.startswith(prefix)]
