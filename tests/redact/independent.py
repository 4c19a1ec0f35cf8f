"""An independent leak check with pikepdf (qpdf), not PyMuPDF: every object, every stream."""

from __future__ import annotations

import re

import pikepdf


def _strings(obj, out: list[str], seen: set) -> None:
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        key = obj.objgen
        if key in seen:
            return
        seen.add(key)
    if isinstance(obj, pikepdf.String):
        b = bytes(obj)
        out.append(b.decode("latin-1"))
        if b.startswith(b"\xfe\xff"):
            out.append(b[2:].decode("utf-16-be", "ignore"))
    elif isinstance(obj, pikepdf.Array):
        for x in obj:
            _strings(x, out, seen)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for k, v in obj.items():
            out.append(str(k))
            _strings(v, out, seen)


def all_text_pikepdf(path) -> str:
    """Strings of every object, decoded content streams (TJ strings joined), raw streams."""
    out: list[str] = []
    with pikepdf.open(path) as pdf:
        contents: set = set()
        for page in pdf.pages:
            c = page.obj.get("/Contents")
            for x in (c if isinstance(c, pikepdf.Array) else [c]):
                if x is not None and x.is_indirect:
                    contents.add(x.objgen)
        for obj in pdf.objects:
            _strings(obj, out, set())
            if isinstance(obj, pikepdf.Stream):
                if obj.get("/Subtype") == "/Image" or "/Length1" in obj or "/Length2" in obj:
                    continue
                try:
                    data = obj.read_bytes()
                except Exception:  # noqa: BLE001
                    data = obj.read_raw_bytes()
                out.append(data.decode("latin-1"))
                if obj.objgen not in contents and obj.get("/Subtype") != "/Form":
                    continue
                try:
                    ops = pikepdf.parse_content_stream(obj)
                except Exception:  # noqa: BLE001
                    continue
                line: list[str] = []
                for operands, op in ops:
                    for o in operands:
                        if isinstance(o, pikepdf.String):
                            line.append(bytes(o).decode("latin-1"))
                        elif isinstance(o, pikepdf.Array):
                            line.extend(bytes(x).decode("latin-1") for x in o if isinstance(x, pikepdf.String))
                    if bytes(op) == b"ET":
                        out.append("".join(line))
                        line = []
                out.append("".join(line))
    return "\n".join(out)


def leaks(path, needles: list[str]) -> list[str]:
    text = all_text_pikepdf(path).lower()
    compact = re.sub(r"\s+", "", text)
    return [n for n in needles if n.lower() in text or re.sub(r"\s+", "", n.lower()) in compact]
