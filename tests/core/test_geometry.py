from aktindsigt.core.geometry import page_of_offset, span_rects
from aktindsigt.core.model import Page, Rect, Word


def _pages():
    # page 1: "Mette Hansen\nbor her\n" ; page 2: "Jens\n"
    text = "Mette Hansen\nbor her\nJens\n"
    p1 = Page(1, 600, 800, 0, 21, [
        Word("Mette", Rect(10, 10, 50, 20), 0, 5, 0),
        Word("Hansen", Rect(55, 10, 100, 20), 6, 12, 0),
        Word("bor", Rect(10, 30, 30, 40), 13, 16, 1),
        Word("her", Rect(35, 30, 55, 40), 17, 20, 1),
    ])
    p2 = Page(2, 600, 800, 21, 26, [Word("Jens", Rect(10, 10, 40, 20), 21, 25, 0)])
    return text, [p1, p2]


def test_span_on_one_line_gives_one_rect():
    text, pages = _pages()
    rects = span_rects(pages, 0, 12)
    assert len(rects) == 1
    assert rects[0].page == 1 and rects[0].rect == Rect(10, 10, 100, 20)


def test_span_across_lines_and_pages():
    text, pages = _pages()
    start = text.index("Hansen")
    end = text.index("Jens") + 4
    rects = span_rects(pages, start, end)
    assert [r.page for r in rects] == [1, 1, 2]


def test_partial_word_is_narrowed():
    _, pages = _pages()
    (r,) = span_rects(pages, 6, 9)  # "Han" of Hansen
    assert r.rect.x0 == 55 and r.rect.x1 < 100


def test_page_of_offset():
    _, pages = _pages()
    assert page_of_offset(pages, 0) == 1
    assert page_of_offset(pages, 22) == 2
    assert page_of_offset(pages, 100) is None
