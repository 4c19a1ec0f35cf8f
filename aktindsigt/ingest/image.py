"""Images (PNG, JPEG, TIFF incl. multi-page): one PDF page per frame, Danish OCR."""

from __future__ import annotations

import contextlib
import io
import tempfile
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from aktindsigt.core.model import Rect
from aktindsigt.ingest import tools
from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.layout import A4, DocText, save_atomic
from aktindsigt.ingest.pdf import add_invisible_text, page_list
from aktindsigt.ingest.registry import CORRUPT, IngestContext, IngestError, register
from aktindsigt.pdflib import pymupdf

DEFAULT_DPI = 200.0


def too_big(pixels: int, limit: int) -> IngestError:
    return IngestError(
        f"Billedet er for stort ({pixels / 1e6:.0f} megapixel); grænsen er {limit / 1e6:.0f} megapixel",
        f"image has {pixels} pixels > {limit}",
    )


def page_size_for(img: Image.Image) -> tuple[float, float]:
    """Page size in points from the image's resolution, scaled down to fit A4 if larger."""
    dpi = img.info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI)
    try:
        dx, dy = float(dpi[0]) or DEFAULT_DPI, float(dpi[1]) or DEFAULT_DPI
    except (TypeError, ValueError, IndexError):
        dx = dy = DEFAULT_DPI
    if dx < 50 or dy < 50:  # nonsense resolutions (72 dpi photos, 1 dpi ...)
        dx = dy = DEFAULT_DPI
    w, h = img.width * 72.0 / dx, img.height * 72.0 / dy
    portrait = (A4[0], A4[1]) if h >= w else (A4[1], A4[0])
    scale = min(portrait[0] / w, portrait[1] / h, 1.0)
    return w * scale, h * scale


def normalise(frame: Image.Image) -> Image.Image:
    if frame.mode in ("1", "L", "RGB"):
        return frame
    if frame.mode in ("RGBA", "LA", "P", "PA"):
        rgba = frame.convert("RGBA")
        bg = Image.new("RGB", rgba.size, "white")
        bg.paste(rgba, mask=rgba.getchannel("A"))
        return bg
    if frame.mode.startswith("I"):
        return frame.convert("L")
    return frame.convert("RGB")


@register([".png", ".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".bmp", ".gif"], "image")
def ingest_image(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    opts = ctx.options
    limit = opts.max_image_pixels
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            img = Image.open(doc.source_path)
        except Image.DecompressionBombError as e:
            raise IngestError("Billedet er for stort og er afvist af sikkerhedshensyn", str(e)) from e
        except (UnidentifiedImageError, OSError, ValueError) as e:
            raise IngestError(CORRUPT, f"Pillow could not open the image: {e}") from e
        with img:
            _ingest_frames(ctx, doc, img, limit)


def _ingest_frames(ctx: IngestContext, doc: IngestedDocument, img: Image.Image, limit: int) -> None:
    opts = ctx.options
    n_frames = getattr(img, "n_frames", 1)
    if n_frames > opts.max_pages:
        raise IngestError(f"Billedfilen har {n_frames} sider; grænsen er {opts.max_pages}", "too many frames")
    status = tools.tesseract_status(opts.ocr_language) if opts.ocr else None
    out = pymupdf.open()
    dt = DocText()
    missing: list[int] = []
    failed: list[int] = []
    is_jpeg = (img.format or "").upper() == "JPEG"
    with tempfile.TemporaryDirectory(prefix="img-", dir=ctx.workdir) as tmp:
        for i in range(n_frames):
            ctx.step(i, n_frames, f"{doc.source_name}: side {i + 1} af {n_frames}")
            img.seek(i)
            pixels = img.width * img.height
            if pixels > limit:
                raise too_big(pixels, limit)
            try:
                frame = img.copy()
                frame.load()
            except (OSError, ValueError, SyntaxError) as e:
                raise IngestError(CORRUPT, f"frame {i}: {e}") from e
            orientation = frame.getexif().get(0x0112, 1) if is_jpeg else 1
            if orientation != 1:
                frame = ImageOps.exif_transpose(frame)
            frame = normalise(frame)
            pw, ph = page_size_for(img)
            if orientation in (5, 6, 7, 8):
                pw, ph = ph, pw
            page = out.new_page(width=pw, height=ph)
            if is_jpeg and n_frames == 1 and orientation == 1 and img.mode in ("L", "RGB"):
                page.insert_image(page.rect, filename=str(doc.source_path))
            else:
                buf = io.BytesIO()
                if frame.mode == "RGB":
                    frame.save(buf, "JPEG", quality=88)
                else:
                    frame.save(buf, "PNG", optimize=False)
                page.insert_image(page.rect, stream=buf.getvalue())
                del buf
            lines = []
            ocr = False
            if status is not None and status.available:
                png = Path(tmp) / f"frame-{i + 1}.pgm"
                frame.convert("L").save(png)
                sx, sy = pw / frame.width, ph / frame.height
                try:
                    ocr_lines = tools.ocr_image(png, opts.ocr_language, max(int(round(72 / sx)), 70),
                                                timeout=opts.ocr_timeout)
                    ocr = True
                    lines = [
                        [(w.text, Rect(w.x0 * sx, w.y0 * sy, w.x1 * sx, w.y1 * sy)) for w in line]
                        for line in ocr_lines
                    ]
                    if lines:
                        add_invisible_text(page, lines)
                except tools.ToolError:
                    failed.append(i + 1)
                finally:
                    png.unlink(missing_ok=True)
            else:
                missing.append(i + 1)
            del frame
            dt.add_lines(pw, ph, lines, ocr=ocr)
    if missing:
        reason = "OCR er slået fra" if not opts.ocr else "OCR er ikke installeret"
        doc.warnings.append(
            f"Siden er scannet, men {reason}, så teksten kan ikke læses eller anonymiseres automatisk "
            f"(side {page_list(missing)}). Gennemgå billedet manuelt."
        )
    if failed:
        doc.warnings.append(f"OCR mislykkedes på side {page_list(failed)}; gennemgå billedet manuelt.")
    target = ctx.new_path(Path(doc.source_name).stem or "billede", ".pdf")
    with contextlib.suppress(Exception):  # subsetting is an optimisation only
        out.subset_fonts()
    save_atomic(out, target, garbage=3, deflate=True)
    out.close()
    doc.rendition = target
    doc.pages = dt.pages
    doc.text = dt.text
