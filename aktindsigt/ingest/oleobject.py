"""An attachment that Outlook stored as an OLE object (attach method ``ATTACH_OLE``): the file inside it
and a name for it from the object's own metadata.

Outlook writes such an attachment (a file dragged into a rich-text mail, an embedded document) as an
OLE storage, in TNEF preceded by the IID of ``IStorage``, and titles it "Untitled Attachment". What the
storage holds:

* ``\\x01Ole10Native`` (an OLE *Package*, CLSID 0003000C-...): the original file, with its label (the
  file name the sender saw) and its source and temporary paths; the layout is the one Windows' Object
  Packager writes (size, type, label, source path, a reserved word, the temporary path, the data);
* ``CONTENTS`` (Acrobat's embedded PDF and others) or ``Package`` (an embedded Office 2007+ document,
  whose bytes are its OOXML package): the file itself;
* otherwise the storage is the document (an embedded Word 97-2003 document or Excel workbook).

No library reads these without pulling in a malware-analysis toolkit (oletools), so the few fields are
read here with olefile, bounds-checked; anything unexpected returns ``None`` and the attachment is
imported as it came.
"""

from __future__ import annotations

import contextlib
import io
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PureWindowsPath

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IID_ISTORAGE = bytes.fromhex("0b00000000000000c000000000000046")  # {0000000B-0000-0000-C000-000000000046}
UNTITLED = {"", "untitled attachment", "untitled_attachment", "untitled", "unbenannte anlage"}


@dataclass
class OleContent:
    name: str  # a file name from the object's metadata ("" when it has none)
    data: bytes  # the file the object holds
    kind: str  # the object's type as its CompObj stream names it ("Package", "Microsoft Word-dokument")


def is_untitled(name: str) -> bool:
    return (name or "").strip().lower() in UNTITLED


def storage_bytes(data: bytes) -> bytes | None:
    """The OLE compound file of an attachment stored as an object ("IID_IStorage" + file, or the file)."""
    if data.startswith(IID_ISTORAGE) and data[16:24] == OLE_MAGIC:
        return data[16:]
    if data.startswith(OLE_MAGIC):
        return data
    return None


def unpack(storage: bytes) -> OleContent | None:
    """The file inside an OLE object's storage, or ``None`` when it is not one this module understands."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(storage))
    except Exception:  # noqa: BLE001 - not a compound file after all
        return None
    try:
        streams = {"/".join(e) for e in ole.listdir(streams=True, storages=False)}
        return from_streams(streams, lambda name: ole.openstream(name).read(), lambda: storage)
    finally:
        ole.close()


def from_streams(streams: set[str], read: Callable[[str], bytes | None],
                 whole: Callable[[], bytes | None]) -> OleContent | None:
    """The file inside an OLE object given as its stream names (paths inside the object, "/"-joined), a
    reader of one stream and of the whole object as a compound file (``None`` when it cannot be had).
    Used for a storage of its own (TNEF) and for the object storage inside an Outlook .msg."""
    kind = _user_type(read("\x01CompObj") if "\x01CompObj" in streams else None)
    if "\x01Ole10Native" in streams:
        native = _native(read("\x01Ole10Native") or b"")
        if native is None:
            return None
        name, data = native
        return OleContent(name, data, kind or "Package")
    for stream in ("CONTENTS", "Package"):
        if stream in streams:
            inner = read(stream)
            return OleContent("", inner, kind) if inner is not None else None
    storage = whole()
    if storage is None:
        return None
    return OleContent(_title(storage), storage, kind)


def msg_object(msg, folder: str) -> OleContent | None:
    """The file inside the OLE object of an Outlook .msg attachment (``folder`` the attachment's storage,
    attach method ``ATTACH_OLE``: the object is its ``__substg1.0_3701000D`` storage), read with the
    msg's own olefile; a storage that is the document itself is copied out into a compound file of its
    own (aspose-email-foss's writer)."""
    base = [folder, "__substg1.0_3701000D"]
    try:
        entries = [e for e in msg.listDir(streams=True, storages=False, includePrefix=False)
                   if len(e) > 2 and list(e[:2]) == base]
    except Exception:  # noqa: BLE001
        return None
    if not entries:
        return None
    streams = {"/".join(e[2:]) for e in entries}

    def read(name: str) -> bytes | None:
        return msg.getStream([*base, *name.split("/")])

    def whole() -> bytes | None:
        from aspose.email_foss.cfb.writer import CFBDocument, CFBStorage, CFBStream, CFBWriter

        root = CFBStorage("Root Entry")
        folders: dict[tuple[str, ...], CFBStorage] = {(): root}
        for e in sorted(entries):
            parent = root
            for depth in range(3, len(e)):
                key = tuple(e[2:depth])
                if key not in folders:
                    folders[key] = parent.add_storage(CFBStorage(e[depth - 1]))
                parent = folders[key]
            parent.add_stream(CFBStream(e[-1], msg.getStream(list(e)) or b""))
        try:
            return CFBWriter.to_bytes(CFBDocument(root))
        except Exception:  # noqa: BLE001
            return None

    try:
        return from_streams(streams, read, whole)
    except Exception:  # noqa: BLE001 - a damaged object: the attachment is reported as unreadable
        return None


def name_for(content: OleContent | None, data: bytes, i: int) -> str:
    """A name for an attachment that has none ("Untitled Attachment"): an OLE object's own (a package's
    label), else its type with the suffix of its content ("Microsoft Word 97-2003-dokument.doc"), else
    ``bilag-N`` with that suffix (``.bin`` when the content says nothing)."""
    if content is not None and content.name:
        return content.name
    import tempfile
    from pathlib import Path

    from aktindsigt.ingest.sniff import content_suffix

    with tempfile.TemporaryDirectory(prefix="bilag-") as tmp:
        probe = Path(tmp) / "bilag"
        probe.write_bytes(data)
        suffix = content_suffix(probe)[0] or ""
    kind = "" if content is None or content.kind == "Package" else content.kind
    return f"{kind or f'bilag-{i}'}{suffix or ('' if kind else '.bin')}"


def _cstring(data: bytes, pos: int) -> tuple[str, int]:
    end = data.index(b"\x00", pos)
    return data[pos:end].decode("cp1252", "replace"), end + 1


def _native(data: bytes) -> tuple[str, bytes] | None:
    """(file name, file) from an Ole10Native stream."""
    try:
        pos = 4 + 2  # total size, type
        label, pos = _cstring(data, pos)
        source, pos = _cstring(data, pos)
        pos += 4  # reserved (0x00030000)
        (temp_len,) = struct.unpack_from("<I", data, pos)
        pos += 4
        if temp_len > len(data) - pos:
            return None
        temp = data[pos:pos + temp_len].rstrip(b"\x00").decode("cp1252", "replace")
        pos += temp_len
        (size,) = struct.unpack_from("<I", data, pos)
        pos += 4
        if size > len(data) - pos:
            return None
        payload = data[pos:pos + size]
    except (ValueError, struct.error):
        return None
    names = [PureWindowsPath(p).name for p in (label, temp, source) if p]
    name = next((n for n in names if "." in n), names[0] if names else "")
    if name and "." not in name:  # a label without a suffix: the temporary copy's suffix says what it is
        suffix = next((PureWindowsPath(n).suffix for n in names if "." in n), "")
        name += suffix.lower()
    return name, payload


def _user_type(comp: bytes | None) -> str:
    """The object's type in words (CompObj's user type: "Package", "Microsoft Word-dokument")."""
    with contextlib.suppress(Exception):
        if comp:
            (n,) = struct.unpack_from("<I", comp, 28)
            if 0 < n < 256:
                return comp[32:32 + n].rstrip(b"\x00").decode("cp1252", "replace").strip()
    return ""


def _title(storage: bytes) -> str:
    """The document's title from its summary information, when the object is a document of its own."""
    import olefile

    with contextlib.suppress(Exception), olefile.OleFileIO(io.BytesIO(storage)) as ole:
        if ole.exists("\x05SummaryInformation"):
            title = ole.get_metadata().title
            if isinstance(title, bytes):
                title = title.decode("cp1252", "replace")
            return (title or "").strip()
    return ""
