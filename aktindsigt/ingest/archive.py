"""ZIP archives (typically e-mail attachments): a rendered list of the contents,
and every file in the archive as a child document, after decompression-bomb checks."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path, PurePosixPath

from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.docx import inflated_sizes
from aktindsigt.ingest.layout import Block
from aktindsigt.ingest.registry import CORRUPT, IngestContext, IngestError, count, register, safe_name
from aktindsigt.ingest.text import rendered_pdf_document

MAX_MEMBERS = 1000
BOMB = "ZIP-filen er mistænkeligt stor, når den pakkes ud, og er afvist af sikkerhedshensyn"


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
        if len(infos) > MAX_MEMBERS or total > opts.max_docx_uncompressed or total / packed > opts.max_docx_ratio:
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
        for n, (info, name) in enumerate(zip(infos, names, strict=True), 1):
            if info.flag_bits & 0x1:
                doc.warnings.append(f"Filen «{name}» i arkivet er krypteret og kan ikke læses.")
                continue
            target = folder / f"{n:03d}-{safe_name(PurePosixPath(name).name)}"
            try:
                with zf.open(info) as src, open(target, "wb") as dst:
                    remaining = info.file_size + 1
                    while chunk := src.read(min(1 << 20, remaining)):
                        dst.write(chunk)
                        remaining -= len(chunk)
                        if remaining <= 0:
                            raise IngestError(BOMB, f"member {name} larger than declared")
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
                doc.warnings.append(f"Filen «{name}» i arkivet kunne ikke pakkes ud.")
                target.unlink(missing_ok=True)
                continue
            doc.children.append(ctx.ingest_child(target, PurePosixPath(name).name, depth + 1))
