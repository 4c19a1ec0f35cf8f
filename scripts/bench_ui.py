"""UI responsiveness benchmark: a 500-page PDF imported through the case window, offscreen.

    .venv/bin/python scripts/bench_ui.py [--pages 500] [--out bench-results/ui.json]

Measures
- ``first_page_s``: from the viewer being asked to open the 500-page document to its first page painted;
- ``reopen_first_page_s``: the same in a freshly opened case window (case, documents and rendition loaded
  from the store again);
- ``longest_stall_import_ms``: the longest gap of a 10 ms QTimer heartbeat while the import runs in the
  background (the document is shown as soon as it is in);
- ``longest_stall_analysis_ms``: the same while the analysis (``Services.analyze_case``) runs;
- ``longest_stall_scroll_ms``: the same while scrolling through the document (a page step every 15 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("QT_QPA_PLATFORM"):  # `make bench` exports it empty
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


def make_pdf(path: Path, pages: int) -> Path:
    from aktindsigt.pdflib import pymupdf

    doc = pymupdf.open()
    for n in range(1, pages + 1):
        page = doc.new_page()
        page.insert_text((72, 60), f"Referat af møde nr. {n}", fontsize=14)
        for i in range(38):
            page.insert_text((72, 90 + 18 * i), f"Linje {i + 1}: Mette Hansen (tlf. 12 34 56 78) drøftede sagen "
                             f"om Vestergade {n % 90 + 1} med forvaltningen.", fontsize=10)
    doc.save(str(path))
    doc.close()
    return path


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.gaps: list[tuple[float, float]] = []  # (gap, seconds since start at the gap's end)
        self.t0 = self.last

    def start(self) -> None:
        self.last = self.t0 = time.perf_counter()
        self.longest = 0.0
        self.gaps = []
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.longest = max(self.longest, gap)
        if gap > 0.05:
            self.gaps.append((gap, now - self.t0))
        self.last = now

    def worst(self, n: int = 5) -> list[list[float]]:
        return [[round(g * 1000, 1), round(t, 2)] for g, t in sorted(self.gaps, reverse=True)[:n]]

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def wait_until(app, cond, timeout: float = 300.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    end = time.monotonic() + timeout
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(lambda: (cond() or time.monotonic() > end) and loop.quit())
    check.start()
    loop.exec()
    check.stop()
    if not cond():
        raise TimeoutError("timed out")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--out", default=str(ROOT / "bench-results" / "ui.json"))
    ap.add_argument("--analysis-cap", type=float, default=20.0, help="cancel the analysis after this many seconds")
    ap.add_argument("--threads", action="store_true", help="heavy calls in threads instead of worker processes")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="aktindsigt-bench-ui-"))
    os.environ["AKTINDSIGT_HOME"] = str(home)
    pdf = make_pdf(home / f"dokument-{args.pages}-sider.pdf", args.pages)

    from datetime import date

    from aktindsigt.services import Services
    from aktindsigt.ui import ops, procpool
    from aktindsigt.ui.app import MainWindow, create_app
    from aktindsigt.ui.case_window import CaseWindow

    app = create_app([])
    services = Services.open()
    procpool.enabled = not args.threads  # as the app runs it
    case = services.create_case("Benchmark", "Jens Hansen", "ofl7", date.today())
    win = MainWindow(services)
    win.show()
    cw = win.open_case(case.id)
    wait_until(app, lambda: ops.running() == 0)

    hb = Heartbeat()
    hb.start()
    t0 = time.perf_counter()
    cw.import_paths([pdf])
    wait_until(app, lambda: cw.last_import is not None and ops.running() == 0)
    import_s = time.perf_counter() - t0
    print(f"import done at {import_s:.2f} s; first page at "
          f"{(cw.viewer.opened_at - t0) if cw.viewer.first_page_seconds else float('nan'):.2f} s", file=sys.stderr)
    stall_import = hb.stop()
    worst_import = hb.worst()
    analysis_s = None
    analysis_cancelled = False
    stall_analysis, worst_analysis = None, []
    if hasattr(services, "analyze_case"):
        hb.start()
        # the stall is measured while the analysis runs; a long analysis is cancelled after --analysis-cap s
        t1 = time.perf_counter()
        handle = cw.analyze()
        try:
            wait_until(app, lambda: ops.running() == 0, timeout=args.analysis_cap)
        except TimeoutError:
            analysis_cancelled = True
            handle.cancel()
            try:
                wait_until(app, lambda: ops.running() == 0, timeout=30)
            except TimeoutError:  # the service checks the cancel flag only between documents
                procpool.shutdown(kill=True)
                wait_until(app, lambda: ops.running() == 0, timeout=60)
        analysis_s = time.perf_counter() - t1
        stall_analysis = hb.stop()
        worst_analysis = hb.worst()
    wait_until(app, lambda: cw.viewer.first_page_seconds is not None)
    first_page = cw.viewer.first_page_seconds

    # after a killed analysis the worker pool starts again: warm it first so that the reopen measures the
    # viewer, not two Python interpreters starting
    procpool.call(services, None, "get_case", case.id)

    # a fresh window: everything from the store again
    cw.close()
    wait_until(app, lambda: ops.running() == 0)
    t2 = time.perf_counter()
    cw2 = CaseWindow(services, case.id)
    cw2.show()
    wait_until(app, lambda: cw2.viewer.first_page_seconds is not None)
    reopen = time.perf_counter() - t2
    wait_until(app, lambda: ops.running() == 0 and bool(cw2.viewer.canvas.pages))

    # scrolling through the document
    hb.start()
    bar = cw2.viewer.scroll.verticalScrollBar()
    steps = 0
    t3 = time.perf_counter()
    for page in range(1, args.pages + 1, max(1, args.pages // 150)):
        cw2.viewer.go_to_page(page)
        steps += 1
        end = time.perf_counter() + 0.015
        while time.perf_counter() < end:
            app.processEvents()
    cw2.viewer.go_to_page(args.pages)  # the steps need not end on the last page (1,000 pages: 997)
    wait_until(app, lambda: cw2.viewer.current_page() >= args.pages - 2 or bar.value() == bar.maximum())
    stall_scroll = hb.stop()
    worst_scroll = hb.worst()
    scroll_s = time.perf_counter() - t3

    result = {
        "pages": args.pages,
        "first_page_s": round(first_page, 3),
        "reopen_first_page_s": round(reopen, 3),
        "import_s": round(import_s, 2),
        "analysis_s": None if analysis_s is None else round(analysis_s, 2),
        "analysis_cancelled_after_cap": analysis_cancelled,
        "longest_stall_import_ms": round(stall_import * 1000, 1),
        "longest_stall_analysis_ms": None if stall_analysis is None else round(stall_analysis * 1000, 1),
        "longest_stall_scroll_ms": round(stall_scroll * 1000, 1),
        "worst_stalls_import_ms_at_s": worst_import,
        "worst_stalls_analysis_ms_at_s": worst_analysis,
        "worst_stalls_scroll_ms_at_s": worst_scroll,
        "scroll_steps": steps,
        "scroll_s": round(scroll_s, 2),
        "heavy_calls_in": "threads" if args.threads else "worker processes",
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "platform": os.environ.get("QT_QPA_PLATFORM"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    cw2.close()
    win.close()
    wait_until(app, lambda: ops.running() == 0)
    procpool.shutdown()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
