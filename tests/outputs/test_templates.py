"""The committed Word templates are exactly what make_templates.py generates, and render cleanly."""

from __future__ import annotations

import zipfile

import pytest

from aktindsigt.outputs.make_templates import TEMPLATES, make_all
from aktindsigt.outputs.texts import templates_dir


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_committed_template_matches_the_generator(tmp_path, name):
    make_all(tmp_path)
    with zipfile.ZipFile(tmp_path / name) as fresh, zipfile.ZipFile(templates_dir() / name) as committed:
        for part in ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml"):
            if part in fresh.namelist():
                assert fresh.read(part) == committed.read(part), f"{name}:{part} - run make_templates"


def test_templates_carry_notes_for_the_municipality():
    from aktindsigt.outputs.render import docx_text

    text = docx_text(templates_dir() / "afgoerelse.docx")
    assert "{#p" in text and "KONTROLLÉR" in text and "klagefrist" in text
