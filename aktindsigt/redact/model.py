"""Inputs and results of the redactor (plain dataclasses, no PDF objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from aktindsigt.core.model import Rect

BoxKind = Literal["text", "area"]

DEFAULT_LABEL = "§ 30, nr. 1"
DEFAULT_STAMP_FORMAT = "Aktindsigt · {case_number} · Akt {akt_nr} · side {page} af {pages}"
DEFAULT_WITHHELD_TEXT = "Siden er undtaget fra aktindsigt, jf. {ground}"


@dataclass(frozen=True, slots=True)
class RedactionBox:
    """One rectangle to burn into a page.

    ``rect`` is in PyMuPDF page coordinates of the *unrotated* page (points,
    origin top-left) -- the same coordinates ``page.get_text("words")`` returns,
    which is what the word map in ``core`` holds.

    ``kind="text"``: a box over text (from ``core.geometry.span_rects``); glyphs are
    removed with a vertically shrunk rectangle so the neighbouring lines survive,
    image pixels and fully covered vector graphics under the full box are removed.
    ``kind="area"``: a drawn rectangle (signature, photo, stamp); everything under
    or touching it is removed (text, pixels, vector paths touching it).
    """

    page: int  # 1-based
    rect: Rect
    label: str = DEFAULT_LABEL
    kind: BoxKind = "text"

    def __post_init__(self) -> None:
        if self.page < 1:
            raise ValueError(f"page must be 1-based, got {self.page}")
        if self.kind not in ("text", "area"):
            raise ValueError(f"kind must be 'text' or 'area', got {self.kind!r}")
        if self.rect.width <= 0 or self.rect.height <= 0:
            raise ValueError(f"empty redaction rectangle {self.rect}")


@dataclass(frozen=True, slots=True)
class PageWithhold:
    """A page withheld in full; it is replaced by a placeholder page naming the ground.

    ``ground_label`` is the citation printed on the placeholder, e.g.
    "offentlighedslovens § 30, nr. 1".
    """

    page: int  # 1-based
    ground_label: str


@dataclass(slots=True)
class RedactOptions:
    fill: tuple[float, float, float] = (0.0, 0.0, 0.0)
    label_color: tuple[float, float, float] = (1.0, 1.0, 1.0)
    min_label_fontsize: float = 4.0  # below this the box gets a footnote number instead
    max_label_fontsize: float = 10.0
    # fraction of a text box's height kept (centred) for glyph removal; 1.0 = no shrink
    text_removal_band: float = 0.3
    # fraction of a text box's height left unpainted at top and at bottom
    text_box_inset: float = 0.1
    # page stamp; None disables it.  Fields: case_number, akt_nr, page, pages
    stamp_format: str | None = DEFAULT_STAMP_FORMAT
    case_number: str = ""
    akt_nr: int | str = ""
    stamp_fontsize: float = 7.0
    withheld_text: str = DEFAULT_WITHHELD_TEXT
    # neutral metadata written to the output
    title: str = ""
    producer: str = "aktindsigt"
    # strings known to be redacted (besides the text found under the boxes); used to
    # drop outline entries and links that carry them
    redacted_strings: tuple[str, ...] = ()
    # the same for every file of a case (every value withheld in it): pass the same tuple for each file,
    # it is prepared once (``textnorm.needles``)
    case_strings: tuple[str, ...] = ()


@dataclass(slots=True)
class RedactResult:
    output_path: str
    pages: int
    boxes_applied: int
    withheld_pages: list[int] = field(default_factory=list)
    # pages (1-based) that had image pixels or area boxes redacted: verify OCRs them
    image_redaction_pages: list[int] = field(default_factory=list)
    # the text found under the boxes before removal, per box, only strings with 3+ letters
    # or digits (safe to search for in verify); never log it
    redacted_texts: list[str] = field(default_factory=list)
    # characters outside every box that were lost (should be empty)
    collateral_loss: list[str] = field(default_factory=list)
    # boxes whose glyphs survived the narrow pass and got a full-box second pass
    second_pass_boxes: int = 0
    footnotes: int = 0
    sanitised: list[str] = field(default_factory=list)  # what sanitising removed
