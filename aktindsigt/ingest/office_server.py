"""One LibreOffice kept running for an import: converts office files to PDF over UNO.

Run by a Python that has LibreOffice's ``uno`` module (Debian's ``python3-uno`` for /usr/bin/python3,
the ``python`` LibreOffice ships on Windows and macOS), not by the application's own interpreter;
so it uses the standard library and ``uno`` only. ``ingest/tools.py`` starts it:

    python3 office_server.py SOFFICE PROFILE_DIR PIPE_NAME

It starts ``soffice --headless`` listening on a named pipe (local only, no network socket), with a
private profile, and then answers one JSON request per line on stdin: ``{"src": ..., "out": ...}`` →
``{"ok": true}`` or ``{"ok": false, "error": ...}``. Documents are opened hidden, read-only, with
macros never run and links not updated. End of input (or ``{"quit": true}``) stops LibreOffice;
end of input without ``quit`` means the import is gone (killed), and the profile is removed too.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time


def _props(**kw):
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def _url(path: str) -> str:
    import uno  # type: ignore[import-not-found]

    return uno.systemPathToFileUrl(os.path.abspath(path))


def _filter(doc) -> str:
    if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        return "calc_pdf_Export"
    if doc.supportsService("com.sun.star.presentation.PresentationDocument"):
        return "impress_pdf_Export"
    if doc.supportsService("com.sun.star.drawing.DrawingDocument"):
        return "draw_pdf_Export"
    return "writer_pdf_Export"


def main() -> int:
    soffice, profile, pipe = sys.argv[1:4]
    import uno  # type: ignore[import-not-found]

    proc = subprocess.Popen(
        [soffice, f"-env:UserInstallation={_url(profile)}", "--headless", "--invisible", "--nologo", "--norestore",
         "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        deadline = time.monotonic() + 90
        while ctx is None:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            except Exception:  # noqa: BLE001 - not listening yet
                if proc.poll() is not None or time.monotonic() > deadline:
                    print(json.dumps({"ready": False, "error": "soffice did not start"}), flush=True)
                    return 1
                time.sleep(0.2)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        print(json.dumps({"ready": True}), flush=True)
        orphaned = True  # end of input without "quit": the import is gone (killed), nobody removes the profile
        for line in sys.stdin:
            req = json.loads(line)
            if req.get("quit"):
                orphaned = False
                break
            try:
                doc = desktop.loadComponentFromURL(
                    _url(req["src"]), "_blank", 0,
                    _props(Hidden=True, ReadOnly=True, UpdateDocMode=0, MacroExecutionMode=0))
                if doc is None:
                    raise RuntimeError("LibreOffice could not load the document")
                try:
                    doc.storeToURL(_url(req["out"]), _props(FilterName=_filter(doc)))
                finally:
                    doc.close(True)
                reply: dict[str, object] = {"ok": True}
            except Exception as e:  # noqa: BLE001 - reported to the caller
                reply = {"ok": False, "error": f"{type(e).__name__}: {e}"[:500]}
                time.sleep(0.2)
                if proc.poll() is not None or "Disposed" in type(e).__name__ or "disposed" in str(e):
                    reply["dead"] = True  # LibreOffice went down (on this file): the caller starts a new one
            print(json.dumps(reply), flush=True)
            if reply.get("dead"):
                orphaned = False  # the caller starts another LibreOffice with this profile
                break
        with contextlib.suppress(Exception):  # the bridge goes away with the process
            desktop.terminate()
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    if orphaned:  # LibreOffice has written its last file into the profile: remove it
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
