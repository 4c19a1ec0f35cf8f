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
        kind = _user_type(ole)
        title = _title(ole)
        if ole.exists("\x01Ole10Native"):
            native = _native(ole.openstream("\x01Ole10Native").read())
            if native is None:
                return None
            name, data = native
            return OleContent(name or title, data, kind or "Package")
        for stream in ("CONTENTS", "Package"):
            if ole.exists(stream):
                return OleContent(title, ole.openstream(stream).read(), kind)
        return OleContent(title, storage, kind)
    finally:
        ole.close()


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


def _user_type(ole) -> str:
    """The object's type in words (CompObj's user type: "Package", "Microsoft Word-dokument")."""
    with contextlib.suppress(Exception):
        if ole.exists("\x01CompObj"):
            data = ole.openstream("\x01CompObj").read(4096)
            (n,) = struct.unpack_from("<I", data, 28)
            if 0 < n < 256:
                return data[32:32 + n].rstrip(b"\x00").decode("cp1252", "replace").strip()
    return ""


def _title(ole) -> str:
    with contextlib.suppress(Exception):
        if ole.exists("\x05SummaryInformation"):
            title = ole.get_metadata().title
            if isinstance(title, bytes):
                title = title.decode("cp1252", "replace")
            return (title or "").strip()
    return ""
