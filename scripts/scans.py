"""Generated scans for the OCR benchmarks (``scripts/bench_ocr.py``): pages of Danish case text with
names and CPR numbers, printed with Pillow (not the project's PDF writer), degraded as a scanner and
a photocopier do (skew, blur, noise, speckles, JPEG), and wrapped one image per PDF page.

Nothing here is shared with the OCR or redaction code it measures.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
]
A4_PT = (595.0, 842.0)
SENTENCES = [
    "Kommunen har modtaget din ansøgning om hjælp og har behandlet den efter reglerne.",
    "Der er foretaget en samlet vurdering af de oplysninger, der foreligger i sagen.",
    "Sagsbehandleren har talt med borgeren i telefon og noteret samtalens forløb.",
    "Afgørelsen kan påklages til Ankestyrelsen inden fire uger fra modtagelsen.",
    "Vi beder om, at du sender lægeerklæringen, så snart den foreligger.",
    "Bevillingen gælder fra den første i måneden og revurderes efter et halvt år.",
    "Oplysningerne er indhentet med samtykke og indgår i den videre behandling.",
    "Mødet fandt sted på rådhuset, og referatet er vedlagt som bilag til sagen.",
]


@dataclass
class ScanPage:
    png: bytes  # the degraded scan
    dpi: int  # its resolution
    names: list[str] = field(default_factory=list)
    cprs: list[str] = field(default_factory=list)


def _cpr(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(30, 99)
    return f"{d:02d}{m:02d}{y:02d}-{rng.randint(0, 9999):04d}"


def _name(rng: random.Random, fake) -> str:
    return f"{fake.first_name()} {fake.last_name()}"


def page_lines(rng: random.Random, fake, n_lines: int = 30) -> tuple[list[str], list[str], list[str]]:
    names, cprs, lines = [], [], []
    for j in range(n_lines):
        r = j % 6
        if r == 1:
            n = _name(rng, fake)
            names.append(n)
            lines.append(f"Borgeren {n} har henvendt sig om sagen den {rng.randint(1, 28)}. marts.")
        elif r == 4:
            c = _cpr(rng)
            cprs.append(c)
            lines.append(f"CPR-nummer: {c}, adresse {fake.street_name()} {rng.randint(1, 99)}.")
        else:
            lines.append(rng.choice(SENTENCES))
    return lines, names, cprs


def render_page(lines: list[str], rng: random.Random, dpi: int, noise: float, font_pt: float | None = None,
                font_path: str | None = None) -> bytes:
    """Print ``lines`` on an A4 sheet at ``dpi`` and degrade it; ``noise`` 0 (clean) .. 1 (a bad copy)."""
    w, h = int(A4_PT[0] / 72 * dpi), int(A4_PT[1] / 72 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    pt = font_pt or rng.choice([8, 9, 10, 11])
    font = ImageFont.truetype(font_path or rng.choice(FONTS), int(round(pt / 72 * dpi)))
    x, y = int(1.0 * dpi), int(1.0 * dpi)
    step = int(pt * 1.6 / 72 * dpi)
    ink = rng.randint(0, 50)
    for line in lines:
        draw.text((x, y), line, fill=ink, font=font)
        y += step
        if y > h - dpi:
            break
    if noise > 0:
        import numpy as np

        img = img.rotate(rng.uniform(-1.5, 1.5) * noise, resample=Image.BICUBIC, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur((0.3 + 1.1 * noise * rng.random()) * dpi / 200))
        a = np.asarray(img, dtype=np.float32)
        nrng = np.random.default_rng(rng.randint(0, 2**31))
        fade = 0.45 * noise * rng.random()  # weak toner: grey letters on grey paper
        a = a * (1 - fade) + 255 * fade * 0.9
        a += nrng.normal(0, 40 * noise, a.shape)
        speck = nrng.random(a.shape) < 0.006 * noise
        a[speck] = nrng.integers(0, 120, int(speck.sum()))
        if rng.random() < 0.25 * noise:  # a bitonal (fax-like) scan
            a = np.where(a < 150, 0, 255)
        img = Image.fromarray(np.clip(a, 0, 255).astype("uint8"))
    buf = io.BytesIO()
    if noise > 0:
        img.save(buf, "JPEG", quality=int(80 - 35 * noise), dpi=(dpi, dpi))
    else:
        img.save(buf, "PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def make_scans(n_pages: int, seed: int = 15, dpi: int = 300, noise: float = 0.5,
               n_lines: int = 30) -> list[ScanPage]:
    from faker import Faker

    rng = random.Random(seed)
    fake = Faker("da_DK")
    fake.seed_instance(seed)
    out = []
    for _ in range(n_pages):
        lines, names, cprs = page_lines(rng, fake, n_lines)
        out.append(ScanPage(render_page(lines, rng, dpi, noise), dpi, names, cprs))
    return out


def scans_pdf(pages: list[ScanPage], path: Path) -> Path:
    """One scan per A4 page, no text layer (what a scanner without OCR sends)."""
    from aktindsigt.pdflib import pymupdf

    doc = pymupdf.open()
    for sp in pages:
        page = doc.new_page(width=A4_PT[0], height=A4_PT[1])
        page.insert_image(page.rect, stream=sp.png)
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path
