"""acuinfo works out its folders without importing platformdirs on Linux; the answer
must be platformdirs' own."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from acuinfo.base import places


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick path is Linux's")
@pytest.mark.parametrize("xdg", [{}, {"XDG_DATA_HOME": "/x/data", "XDG_CACHE_HOME": "/x/cache"},
                                 {"XDG_DATA_HOME": "relative", "XDG_CACHE_HOME": " "}])
def test_same_folders_as_platformdirs(monkeypatch, xdg):
    monkeypatch.delenv("ACUINFO_USER_DIR")
    monkeypatch.delenv("ACUINFO_CACHE_DIR")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in xdg.items():
        monkeypatch.setenv(name, value)
    assert str(places.user_folder()) == platformdirs.user_data_dir("acuinfo", appauthor=False)
    assert str(places.cache_dir()) == platformdirs.user_cache_dir("acuinfo", appauthor=False)


def test_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("ACUINFO_USER_DIR", str(tmp_path / "u"))
    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / "c"))
    assert places.user_folder() == tmp_path / "u"
    assert places.cache_dir() == tmp_path / "c"
