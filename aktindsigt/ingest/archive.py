"""ZIP archives (typically e-mail attachments): a rendered list of the contents,
and every file in the archive as a child document, after decompression-bomb checks.

Members packed with a method the stdlib cannot read (Deflate64, which Windows uses for large files;
the old PKZip methods implode, shrink and reduce) are read with Info-ZIP's ``unzip`` when it is
installed, streamed with a running limit and checked against the member's CRC; when it is not, or it
fails, the member gets a Danish reason that names the method and the other members are imported."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.docx import inflated_sizes
from aktindsigt.ingest.layout import Block
from aktindsigt.ingest.registry import (
    CORRUPT,
    IngestContext,
    IngestError,
    count,
    format_size,
    register,
    safe_name,
)
from aktindsigt.ingest.text import rendered_pdf_document

log = logging.getLogger(__name__)

BOMB = "ZIP-filen er mistænkeligt stor, når den pakkes ud, og er afvist af sikkerhedshensyn"
#: the methods zipfile reads (zstd from Python 3.14 on)
STDLIB_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
if hasattr(zipfile, "ZIP_ZSTANDARD"):
    STDLIB_METHODS.add(zipfile.ZIP_ZSTANDARD)
#: APPNOTE's compression methods, as the caseworker's other tools name them
METHOD_NAMES = {1: "shrink", 2: "reduce", 3: "reduce", 4: "reduce", 5: "reduce", 6: "implode", 7: "tokenize",
                9: "Deflate64", 10: "PKWARE DCL implode", 12: "bzip2", 14: "LZMA", 18: "IBM TERSE", 19: "IBM LZ77",
                93: "Zstandard", 94: "MP3", 95: "XZ", 96: "JPEG", 97: "WavPack", 98: "PPMd", 99: "AES"}


def is_mac_metadata(name: str) -> bool:
    """macOS's resource forks in a zip: ``__MACOSX/...`` and AppleDouble ``._name`` files (no content)."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return bool(parts) and (parts[0] == "__MACOSX" or parts[-1].startswith("._") or parts[-1] == ".DS_Store")


def _member_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not info.flag_bits & 0x800:  # not flagged UTF-8: Windows zips use cp437 or, in Denmark, cp850/cp1252
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("cp850")
    return name


@register([".zip"], "zip")
def ingest_zip(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    opts = ctx.options
    try:
        zf = zipfile.ZipFile(doc.source_path)
    except (zipfile.BadZipFile, OSError) as e:
        raise IngestError(CORRUPT, f"bad zip: {e}") from e
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not is_mac_metadata(i.filename)]
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if len(infos) > opts.max_attachments or total > opts.max_docx_uncompressed or total / packed > opts.max_docx_ratio:
            raise IngestError(BOMB, f"{len(infos)} members, {total} bytes, ratio {total / packed:.0f}")
        inflated_sizes(doc.source_path, infos, opts.max_docx_uncompressed, BOMB)
        names = [_member_name(i) for i in infos]
        blocks = [Block(f"Indhold af {doc.source_name}", "title"), Block("", "gap")]
        blocks += [Block(f"{n}  ({i.file_size:,} byte)".replace(",", "."), "body") for n, i in zip(names, infos,
                                                                                                  strict=True)]
        if not infos:
            blocks.append(Block("Arkivet er tomt.", "body"))
        rendered_pdf_document(ctx, doc, blocks, Path(doc.source_name).stem or "arkiv")
        doc.approximate = True
        if not infos:
            return
        if depth + 1 > opts.max_attachment_depth:
            doc.warnings.append(f"Arkivet har {count(len(infos), 'fil', 'filer')}, som ikke er indlæst (for dybt indlejret).")
            return
        folder = ctx.new_dir("zip")
        positions = {id(i): n for n, i in enumerate(zf.infolist())}  # unzip's index of the member
        fallback = _Unzip(doc.source_path)
        for n, (info, name) in enumerate(zip(infos, names, strict=True), 1):
            if info.flag_bits & 0x1:
                doc.warnings.append(f"Filen «{name}» i arkivet er krypteret og kan ikke læses.")
                continue
            if info.file_size > ctx.room():
                doc.warnings.append(f"Filen «{name}» i arkivet er ikke indlæst: de filer, der er pakket ud, fylder "
                                    f"for meget i alt (over {format_size(opts.max_extracted_bytes)}).")
                continue
            target = folder / f"{n:03d}-{safe_name(PurePosixPath(name).name)}"
            method = info.compress_type
            try:
                if method in STDLIB_METHODS:
                    with zf.open(info) as src, open(target, "wb") as dst:
                        _copy_limited(src.read, dst, info.file_size, name)
                else:
                    fallback.extract(positions[id(info)], info, target, name)
            except _Unreadable as e:
                log.info("%s: member %s (method %d) not read: %s", doc.source_name, name, method, e)
                doc.warnings.append(f"Filen «{name}» i arkivet er pakket med metoden "
                                    f"{METHOD_NAMES.get(method, f'nr. {method}')}, som ikke kan pakkes ud her. "
                                    "Pak arkivet ud med et andet program, og importér filen for sig.")
                target.unlink(missing_ok=True)
                continue
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, zlib.error) as e:
                log.info("%s: member %s cannot be unpacked: %s", doc.source_name, name, e)
                doc.warnings.append(f"Filen «{name}» i arkivet kunne ikke pakkes ud (beskadiget).")
                target.unlink(missing_ok=True)
                continue
            doc.children.append(ctx.ingest_child(target, PurePosixPath(name).name, depth + 1))


def _copy_limited(read, dst, declared: int, name: str) -> None:
    """Copy in chunks; a member that gives more than its declared size is a bomb (the header lied)."""
    remaining = declared + 1
    while chunk := read(min(1 << 20, remaining)):
        dst.write(chunk)
        remaining -= len(chunk)
        if remaining <= 0:
            raise IngestError(BOMB, f"member {name} larger than declared")


class _Unreadable(Exception):
    """A member packed with a method that neither zipfile nor ``unzip`` reads here."""


class _Unzip:
    """Info-ZIP's ``unzip`` for the members zipfile cannot read: ``unzip -Z1`` lists the archive in the
    central directory's order (the order of ``ZipFile.infolist``), and a member is piped out by its own
    name with the wildcards escaped."""

    def __init__(self, archive: Path) -> None:
        self.archive = archive
        self.exe = shutil.which("unzip")
        self._names: list[str] | None = None
        self.env = dict(os.environ, LC_ALL="C.UTF-8", UNZIP="", UNZIPOPT="")

    def names(self) -> list[str]:
        if self._names is None:
            assert self.exe
            out = subprocess.run([self.exe, "-Z1", str(self.archive)], capture_output=True, env=self.env,
                                 timeout=120, stdin=subprocess.DEVNULL)
            self._names = out.stdout.decode("utf-8", "surrogateescape").splitlines() if out.returncode == 0 else []
        return self._names

    def extract(self, index: int, info: zipfile.ZipInfo, target: Path, name: str) -> None:
        if not self.exe:
            raise _Unreadable("unzip is not installed")
        names = self.names()
        if index >= len(names):
            raise _Unreadable("unzip does not list the member")
        pattern = "".join(f"[{c}]" if c in "*?[" else c for c in names[index])
        crc = 0
        with subprocess.Popen([self.exe, "-p", "-qq", str(self.archive), pattern], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=self.env) as proc:
            assert proc.stdout is not None
            try:
                with open(target, "wb") as dst:
                    def read(n: int) -> bytes:
                        nonlocal crc
                        chunk = proc.stdout.read(n)  # type: ignore[union-attr]
                        crc = zlib.crc32(chunk, crc)
                        return chunk

                    _copy_limited(read, dst, info.file_size, name)
            except BaseException:
                proc.kill()
                raise
            err = proc.stderr.read() if proc.stderr else b""
            proc.wait()
        if crc != info.CRC or target.stat().st_size != info.file_size:
            raise _Unreadable(f"unzip exit {proc.returncode}, CRC {crc:08x} != {info.CRC:08x}: "
                              f"{err.decode('utf-8', 'replace').strip()[:200]}")
