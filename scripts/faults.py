"""Fault injection (not a timed test): kill -9 the CLI during import, analyze, decide, redact and export at
random moments, then check what is left.

    .venv/bin/python scripts/faults.py                       # 20 trials per stage, the code of this tree
    .venv/bin/python scripts/faults.py --tree /tmp/old-main --label before --trials 20
    nice -n 10 .venv/bin/python scripts/faults.py --stages import,export --kills 20   # until 20 kills per stage

For every stage a data folder is prepared once by running the pipeline up to the stage (its duration is
the reference time); the stages then take turns.  Each trial copies that folder, starts the stage's command in its own process
group, kills the whole group with SIGKILL after a random time in [0.1 s, reference] (a trial that finishes
first makes its duration the reference: the machine is faster than it was), starts the program
once more (``case list``: what a caseworker does next; the app cleans up after crashes then), checks,
re-runs the stage's command as a person would, and checks again.  Failures, by kind:

* ``store``: SQLite integrity or foreign-key check fails; a document without its blob, a blob whose
  SHA-256 does not match, a ready document whose pages are missing; the audit chain (when the store
  has one) does not verify;
* ``unverified``: a PDF in an ``udleveret/`` folder without a verification report that passed for
  exactly that file (SHA-256), or a released file the report does not list;
* ``unknown_bundle``: an export bundle the store has not recorded (or recorded with another SHA256SUMS),
  or a bundle whose SHA256SUMS does not match its files;
* ``phantom_output``: the store records a letter, aktliste or journal note whose file is in no bundle;
* ``temp_left``: after the next start, hidden work folders beside the targets, files in TMPDIR, or
  staging entries of the program;
* ``rerun``: the re-run did not reach the clean state (the state right after an uninterrupted run: the same
  documents, suggestions, decisions, one complete verified output folder, one recorded bundle).

The table and the details go to stdout and ``bench-results/faults-<label>.json``.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAGES = ("import", "analyze", "decide", "redact", "export")
KINDS = ("store", "unverified", "unknown_bundle", "phantom_output", "temp_left", "rerun")
CASEWORKER, LEAD = "sara", "tove"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Tree:
    """The code under test: ``python -m aktindsigt`` with PYTHONPATH at ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.redact_replace = "--replace" in self.run_help("case", "redact")

    def env(self, home: Path, tmp: Path, user: str = CASEWORKER) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AKTINDSIGT_")}
        env.update(PYTHONPATH=str(self.root), AKTINDSIGT_HOME=str(home), AKTINDSIGT_USER=user, TMPDIR=str(tmp),
                   COLUMNS="200", PYTHONDONTWRITEBYTECODE="1")
        return env

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "aktindsigt", *args]

    def run(self, home: Path, tmp: Path, *args: str, user: str = CASEWORKER, check: bool = True,
            timeout: float = 900) -> subprocess.CompletedProcess:
        tmp.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(self.argv(*args), env=self.env(home, tmp, user), cwd=home.parent, capture_output=True,
                           text=True, timeout=timeout)
        if check and r.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
        return r

    def run_help(self, *args: str) -> str:
        with tempfile.TemporaryDirectory() as d:
            r = subprocess.run(self.argv(*args, "--help"), env=self.env(Path(d) / "h", Path(d) / "t"), cwd=d,
                               capture_output=True, text=True, timeout=300)  # not our cwd: -m looks there first
        return r.stdout


# --- the case ------------------------------------------------------------------------------------------------


def make_documents(folder: Path) -> None:
    """A small case: text PDFs with names, CPR numbers and addresses, an e-mail with a PDF attachment, a text file."""
    from faker import Faker

    from aktindsigt.demo import writers

    fake = Faker("da_DK")
    Faker.seed(16)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, 3):
        name = fake.name()
        paragraphs = [f"{name}, cpr-nr. 0{i}0385-12{i}4, bor på {fake.street_name()} {i + 3}, 8000 Aarhus C.",
                      f"{name} kan kontaktes på telefon 2{i} 45 67 89 eller {name.split()[0].lower()}@example.com.",
                      *(fake.paragraph(nb_sentences=6) for _ in range(6))]
        writers.write_text_pdf(folder / f"{i:02d} Brev.pdf", f"Brev {i}", paragraphs)
    attachment = folder.parent / "bilag.pdf"
    writers.write_text_pdf(attachment, "Bilag", [f"Bilaget nævner {fake.name()} og {fake.name()}."])
    writers.write_eml(folder / "04 Mail.eml", f"{fake.name()} <borger@example.com>", "sag@kommune.dk", "Klage",
                      f"Hej\n\nSe bilaget.\n\nVenlig hilsen\n{fake.name()}",
                      attachments=[("bilag.pdf", attachment.read_bytes())])
    writers.write_text(folder / "05 Notat.txt", f"Telefonnotat: {fake.name()} ringede om sagen.\n")


def stage_args(stage: str, out: Path, docs: Path, tree: Tree, rerun: bool = False) -> tuple[list[str], str]:
    if stage == "import":
        return ["case", "import", "1", str(docs)], CASEWORKER
    if stage == "analyze":
        return ["case", "analyze", "1"], CASEWORKER
    if stage == "decide":
        return ["case", "decide", "1", "--accept-preselected", "--accept-type", "PERSON"], CASEWORKER
    if stage == "redact":
        extra = ["--replace"] if rerun and tree.redact_replace else []
        return ["case", "redact", "1", "--out", str(out / "ud"), *extra], CASEWORKER
    return ["case", "export", "1", "--out", str(out / "eksport"), "--override", "Haster."], LEAD


def prepare(tree: Tree, base: Path) -> tuple[dict[str, Path], dict[str, float], dict[str, dict]]:
    """Data folders just before each stage, each stage's uninterrupted duration and the state right after it
    (a later stage may change what an earlier one left: decisions add the suggestions of other occurrences)."""
    docs = base / "dokumenter"
    make_documents(docs)
    home, tmp, out = base / "run" / "home", base / "run" / "tmp", base / "run" / "out"
    snapshots, times, wants = {}, {}, {}
    tree.run(home, tmp, "settings", "user", "--role", "teamleder", user=LEAD)
    tree.run(home, tmp, "case", "create", "--title", "Aktindsigt i klagesag", "--requester", "Jens Journalist",
             "--regime", "ofl7")
    for stage in STAGES:
        if stage == "export":
            tree.run(home, tmp, "case", "submit", "1", "--allow-problems", "--comment", "Klar.")
            tree.run(home, tmp, "case", "approve", "1", "--override", "Haster.", user=LEAD)
        snap = base / f"before-{stage}"
        shutil.copytree(base / "run", snap)
        snapshots[stage] = snap
        args, user = stage_args(stage, out, docs, tree)
        t = time.monotonic()
        r = tree.run(home, tmp, *args, user=user, check=False)
        times[stage] = time.monotonic() - t
        if r.returncode != 0:
            raise RuntimeError(f"reference run of {stage} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
        wants[stage] = state(home, out)
    return snapshots, times, wants


# --- checks --------------------------------------------------------------------------------------------------


def settings(db: Path) -> dict[str, object]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {k: json.loads(v) if isinstance(v, str) else v for k, v in con.execute("SELECT key, value FROM settings")}
    finally:
        con.close()


def check_store(home: Path) -> list[str]:
    db = home / "aktindsigt.db"
    problems = []
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            problems.append(f"integrity_check: {ok}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:3]}")
        blobs = home / "blobs"
        for doc_id, status, src, rend, pages in con.execute(
                "SELECT id, status, source_sha256, rendition_sha256, page_count FROM documents"):
            for digest in (src, rend):
                if digest:
                    p = blobs / digest[:2] / digest[2:4] / digest
                    if not p.is_file():
                        problems.append(f"document {doc_id}: blob {digest[:12]} missing")
                    elif sha256(p) != digest:
                        problems.append(f"document {doc_id}: blob {digest[:12]} changed")
            if status == "ready":
                n = con.execute("SELECT count(*) FROM pages WHERE document_id = ?", (doc_id,)).fetchone()[0]
                if n != pages:
                    problems.append(f"document {doc_id}: {n} of {pages} pages")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    if "audit_chain" in tables:
        from aktindsigt.store.store import Store

        store = Store(f"sqlite:///{db}", home / "blobs", migrate_db=False)
        try:
            rep = store.verify_audit()
            problems += [f"audit chain: {p}" for p in rep.problems[:3]]
        finally:
            store.close()
    return problems


def released_roots(out: Path) -> list[Path]:
    return sorted({p.parent.parent for p in out.rglob("udleveret/*.pdf")}) if out.exists() else []


def check_releases(out: Path) -> list[str]:
    problems = []
    for root in released_roots(out):
        if any(part.startswith(".") for part in root.relative_to(out).parts):
            continue  # a work folder: counted as temp_left
        report = root / "revision" / "verification_report.json"
        try:
            rep = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            problems.append(f"{root.relative_to(out)}: released files without a verification report")
            continue
        passed = {d.get("file"): d.get("sha256") for d in rep.get("documents", []) if d.get("passed")}
        for pdf in sorted((root / "udleveret").glob("*.pdf")):
            rel = f"udleveret/{pdf.name}"
            if passed.get(rel) != sha256(pdf):
                problems.append(f"{root.relative_to(out)}/{rel}: not verified")
    return problems


def bundles(out: Path) -> list[Path]:
    folder = out / "eksport"
    return sorted(p for p in folder.glob("AKT_*") if p.is_dir()) if folder.exists() else []


def check_bundles(out: Path, st: dict[str, object]) -> tuple[list[str], list[str]]:
    unknown, phantom = [], []
    records = [r for r in [st.get("case:1:export"), *(st.get("case:1:exports") or [])] if isinstance(r, dict)]
    names_in_bundles = set()
    for b in bundles(out):
        sums = b / "SHA256SUMS"
        if not sums.is_file():
            unknown.append(f"{b.name}: no SHA256SUMS")
            continue
        for line in sums.read_text(encoding="utf-8").splitlines():
            digest, _, rel = line.partition("  ")
            f = b / rel
            if not f.is_file() or sha256(f) != digest:
                unknown.append(f"{b.name}/{rel}: missing or changed")
            names_in_bundles.add((Path(rel).name, digest))
        h = sha256(sums)
        if not any(r.get("path") == str(b) and r.get("bundle_sha256") == h for r in records):
            unknown.append(f"{b.name}: not recorded in the store")
    for ev in st.get("case:1:outputs") or []:
        if isinstance(ev, dict) and ev.get("kind") in ("letter", "aktliste", "journalnotat"):
            for f in ev.get("files", []):
                if (f.get("name"), f.get("sha256")) not in names_in_bundles:
                    phantom.append(f"{ev['kind']} {f.get('name')} recorded, in no bundle")
    return unknown, phantom


def check_temp(trial: Path, out: Path) -> list[str]:
    left = []
    for folder in (out, out / "eksport"):
        if folder.exists():
            left += [f"{folder.name}/{p.name}" for p in folder.iterdir() if p.name.startswith(".")]
    tmp = trial / "tmp"
    if tmp.exists():
        left += [f"TMPDIR/{p.relative_to(tmp)}" for p in tmp.rglob("*") if p.is_file()]
    staging = trial / "home" / "staging"
    if staging.exists():
        left += [f"staging/{p.name}" for p in staging.iterdir()]
    return left


def state(home: Path, out: Path) -> dict[str, object]:
    """What an uninterrupted run leaves: compared after the re-run."""
    con = sqlite3.connect(f"file:{home / 'aktindsigt.db'}?mode=ro", uri=True)
    try:
        docs = sorted(con.execute("SELECT akt_nr, source_name, status, page_count FROM documents").fetchall())
        suggestions = con.execute("SELECT count(*) FROM suggestions").fetchone()[0]
        decisions = con.execute("SELECT count(*) FROM decisions").fetchone()[0]
    finally:
        con.close()
    ud = out / "ud" / "udleveret"
    return {"documents": docs, "suggestions": suggestions, "decisions": decisions,
            "released": sorted(p.name for p in ud.glob("*.pdf")) if ud.exists() else [],
            "bundles": len(bundles(out))}


def clean_for(stage: str, got: dict, want: dict) -> list[str]:
    keys = {"import": ["documents"], "analyze": ["documents", "suggestions"],
            "decide": ["documents", "suggestions", "decisions"], "redact": ["documents", "decisions", "released"],
            "export": ["documents", "decisions", "bundles"]}[stage]
    return [f"{k}: {got[k]!r} != {want[k]!r}"[:300] for k in keys if got[k] != want[k]]


# --- trials --------------------------------------------------------------------------------------------------


def kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def checks(trial: Path, with_temp: bool) -> dict[str, list[str]]:
    home, out = trial / "home", trial / "out"
    found = {k: [] for k in KINDS}
    found["store"] = check_store(home)
    found["unverified"] = check_releases(out)
    found["unknown_bundle"], found["phantom_output"] = check_bundles(out, settings(home / "aktindsigt.db"))
    if with_temp:
        found["temp_left"] = check_temp(trial, out)
    return found


def trial(tree: Tree, stage: str, snap: Path, docs: Path, ref_time: float, want: dict, work: Path,
          rng: random.Random) -> dict[str, object]:
    t = work / "trial"
    shutil.rmtree(t, ignore_errors=True)
    shutil.copytree(snap, t)
    home, tmp, out = t / "home", t / "tmp", t / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    for p in tmp.iterdir() if tmp.exists() else ():
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink()
    args, user = stage_args(stage, out, docs, tree)
    delay = rng.uniform(0.1, max(0.2, ref_time))
    started = time.monotonic()
    proc = subprocess.Popen(tree.argv(*args), env=tree.env(home, tmp, user), cwd=t, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        killed = True
    ran = time.monotonic() - started
    kill_group(proc)
    tree.run(t / "home", tmp, "case", "list", check=False)  # the next start
    found = checks(t, with_temp=True)
    args, user = stage_args(stage, out, docs, tree, rerun=True)
    r = tree.run(home, tmp, *args, user=user, check=False)
    after = checks(t, with_temp=False)
    for k in KINDS:
        found[k] += [f"after re-run: {x}" for x in after[k]]
    exists_ok = stage == "export" and "findes allerede" in (r.stdout + r.stderr)
    if r.returncode != 0 and not exists_ok:
        found["rerun"].append(f"exit {r.returncode}: {(r.stderr or r.stdout).strip()[-300:]}")
    found["rerun"] += clean_for(stage, state(home, out), want)
    return {"stage": stage, "delay": round(delay, 2), "killed": killed, "ran": round(ran, 2),
            "failures": {k: v for k, v in found.items() if v}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", type=Path, default=ROOT, help="the source tree to test (default: this one)")
    ap.add_argument("--label", default="after")
    ap.add_argument("--trials", type=int, default=20, help="trials per stage at least")
    ap.add_argument("--kills", type=int, default=0,
                    help="and go on until this many trials per stage were killed (at most 3 x --trials rounds)")
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    a = ap.parse_args()
    stages = [s for s in a.stages.split(",") if s]
    work = a.work or Path(tempfile.mkdtemp(prefix="aktindsigt-faults-"))
    if work.exists() and any(work.iterdir()):
        raise SystemExit(f"{work} is not empty")
    work.mkdir(parents=True, exist_ok=True)
    tree = Tree(a.tree.resolve())
    rng = random.Random(a.seed)
    t0 = time.monotonic()
    snapshots, times, wants = prepare(tree, work / "base")
    print(f"reference run ({a.label}, {tree.root}): " + ", ".join(f"{s} {times[s]:.1f} s" for s in STAGES), flush=True)
    results: list[dict] = []

    def short(stage: str) -> bool:
        rs = [r for r in results if r["stage"] == stage]
        return len(rs) < a.trials or sum(r["killed"] for r in rs) < a.kills

    for i in range(3 * max(a.trials, a.kills)):  # stages in turn, so that an interrupted run still covers every stage
        todo = [s for s in stages if short(s)]
        if not todo:
            break
        for stage in todo:
            res = trial(tree, stage, snapshots[stage], work / "base" / "dokumenter", times[stage], wants[stage], work,
                        rng)
            results.append(res)
            if not res["killed"]:  # it finished first: the machine is faster now than at the reference run
                times[stage] = res["ran"]
            kinds = ",".join(res["failures"]) or "ok"
            print(f"{stage:8s} {i + 1:3d} delay {res['delay']:6.2f} s {'killed' if res['killed'] else 'finished'}:"
                  f" {kinds} {json.dumps(res['failures'], ensure_ascii=False)[:400]}", flush=True)
    table = collections.OrderedDict()
    for stage in stages:
        rs = [r for r in results if r["stage"] == stage]
        table[stage] = {"trials": len(rs), "killed": sum(r["killed"] for r in rs),
                        "failed": sum(bool(r["failures"]) for r in rs),
                        **{k: sum(k in r["failures"] for r in rs) for k in KINDS}}
    head = ["stage", "trials", "killed", "failed", *KINDS]
    print("\n| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for stage, row in table.items():
        print("| " + " | ".join([stage, *(str(row[h]) for h in head[1:])]) + " |")
    total = {h: sum(row[h] for row in table.values()) for h in head[1:]}
    print("| all | " + " | ".join(str(total[h]) for h in head[1:]) + " |")
    print(f"\n{time.monotonic() - t0:.0f} s; work folder {work}")
    dest = ROOT / "bench-results"
    dest.mkdir(exist_ok=True)
    (dest / f"faults-{a.label}.json").write_text(json.dumps({
        "label": a.label, "tree": str(tree.root), "when": datetime.now().isoformat(timespec="seconds"),
        "seed": a.seed, "reference_s": times, "table": table, "trials": results}, indent=2, ensure_ascii=False),
        encoding="utf-8")
    if a.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
