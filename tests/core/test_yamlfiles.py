"""The YAML files of resources/ are parsed once per change, with the C loader, and every caller gets its own copy."""

import os

import pytest
import yaml

from aktindsigt.core import yamlfiles


def test_parsed_once_until_the_file_changes(tmp_path, monkeypatch):
    path = tmp_path / "grounds.yaml"
    path.write_text("grounds:\n  - id: a\n", encoding="utf-8")
    calls = []
    real = yamlfiles.parse
    monkeypatch.setattr(yamlfiles, "parse", lambda text: calls.append(1) or real(text))
    assert yamlfiles.load(path) == {"grounds": [{"id": "a"}]}
    assert yamlfiles.load(path) == {"grounds": [{"id": "a"}]}
    assert len(calls) == 1
    # a lawyer edits the file: the next call reads the new content (same size, newer time too)
    path.write_text("grounds:\n  - id: b\n", encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert yamlfiles.load(path) == {"grounds": [{"id": "b"}]}
    assert len(calls) == 2


def test_every_caller_gets_its_own_copy(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("a: [1, 2]\n", encoding="utf-8")
    first = yamlfiles.load(path)
    first["a"].append(3)
    assert yamlfiles.load(path) == {"a": [1, 2]}


def test_bad_yaml_and_a_missing_file_raise_as_before(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [1, 2\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        yamlfiles.load(bad)
    with pytest.raises(FileNotFoundError):
        yamlfiles.load(tmp_path / "missing.yaml")


def test_the_loader_is_safe():
    with pytest.raises(yaml.YAMLError):
        yamlfiles.parse("!!python/object/apply:os.system ['echo hacked']")
