"""The compact word-map transfer used between worker processes and the UI process."""

from aktindsigt.core.model import Page, Rect, Word
from aktindsigt.ui.procpool import pack_pages, unpack_pages


def test_pages_round_trip():
    pages = [
        Page(1, 595, 842, 0, 12, [Word("Mette", Rect(10, 20, 40, 32), 0, 5, 0),
                                  Word("Hansen", Rect(44, 20, 80, 32), 6, 12, 0)], ocr=True),
        Page(2, 595, 842, 12, 12, [], withheld=True, withheld_ground="ofl30_1"),
    ]
    assert unpack_pages(pack_pages(pages)) == pages
