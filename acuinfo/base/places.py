"""Where acuinfo keeps the person's own knowledge, their progress journal and its caches.

platformdirs knows every platform's conventions but costs a few milliseconds to
import, on every command. On Linux its answer is the XDG rule, spelled out here
so that the common case pays nothing; elsewhere platformdirs answers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "acuinfo"


def _folder(override: str, xdg_variable: str, xdg_default: str, kind: str) -> Path:
    """The override variable's folder, else the platform's folder of this kind."""
    chosen = os.environ.get(override)
    if chosen:
        return Path(chosen)
    if sys.platform.startswith("linux"):
        value = os.environ.get(xdg_variable, "").strip()
        return Path(value if os.path.isabs(value) else os.path.expanduser(xdg_default)) / APP
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False))


def user_folder() -> Path:
    """The person's own knowledge folder: ACUINFO_USER_DIR, else the platform's user
    data folder (~/.local/share/acuinfo on Linux)."""
    return _folder("ACUINFO_USER_DIR", "XDG_DATA_HOME", "~/.local/share", "data")


def cache_dir() -> Path:
    """Where caches go: ACUINFO_CACHE_DIR, else the platform's user cache folder
    (~/.cache/acuinfo on Linux)."""
    return _folder("ACUINFO_CACHE_DIR", "XDG_CACHE_HOME", "~/.cache", "cache")


JOURNAL_FILE = "journal.sqlite"


def journal_file() -> Path:
    """The progress journal: ACUINFO_JOURNAL, else ``journal.sqlite`` in a folder of its
    own beside the user's knowledge folder (~/.local/share/acuinfo-journal on Linux), so
    that it follows the same rule and ``validate`` never meets it."""
    chosen = os.environ.get("ACUINFO_JOURNAL")
    if chosen:
        return Path(chosen)
    folder = user_folder()
    return folder.parent / f"{folder.name or APP}-journal" / JOURNAL_FILE
