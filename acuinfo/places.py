"""Where acuinfo keeps the person's own knowledge and its caches.

platformdirs knows every platform's conventions but costs a few milliseconds to
import, on every command. On Linux its answer is the XDG rule, spelled out here
so that the common case pays nothing; elsewhere platformdirs answers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "acuinfo"


def _xdg(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "").strip()
    return Path(value if os.path.isabs(value) else os.path.expanduser(default)) / APP


def user_folder() -> Path:
    """The person's own knowledge folder: ACUINFO_USER_DIR, else the platform's user
    data folder (~/.local/share/acuinfo on Linux)."""
    override = os.environ.get("ACUINFO_USER_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", "~/.local/share")
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Where caches go: ACUINFO_CACHE_DIR, else the platform's user cache folder
    (~/.cache/acuinfo on Linux)."""
    override = os.environ.get("ACUINFO_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CACHE_HOME", "~/.cache")
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))
