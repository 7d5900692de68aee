"""How names and words are compared: in one Unicode form, case folded, with spaces,
hyphens, underscores and punctuation made alike.

A person may type "Neck Pain", "neck_pain" or "neck-pain", and an accented name
with combining accents (as some keyboards and file systems do) or in full-width
letters; each must find the entry written the usual way. Everything that
matches names, from loading a file by its slug to ranking a search, compares
them as this module makes them.
"""

from __future__ import annotations

import re

MAX_NAME = 80


def normal_form(text: str) -> str:
    """``text`` in Unicode's NFKC form (ASCII is already in it, and costs nothing)."""
    if text.isascii():
        return text
    import unicodedata

    return unicodedata.normalize("NFKC", text)


def normalize(name: str) -> str:
    """Lowercase, in one Unicode form, with runs of spaces, underscores and hyphens made
    one hyphen."""
    return "-".join(normal_form(name).lower().replace("_", " ").replace("-", " ").split())


def as_slug(name: str) -> str | None:
    """The slug a name stands for, or None if it could not name a file safely."""
    slug = normalize(name)  # so no space, and no hyphen at an end or next to another
    if 0 < len(slug) <= MAX_NAME and slug.isascii() and slug.replace("-", "").isalnum():
        return slug
    return None


def all_words(text: str) -> list[str]:
    """Every word of a text, lowercased, punctuation dropped, in one Unicode form."""
    return re.findall(r"[^\W_]+", normal_form(text).lower())


def phrase_key(text: str) -> str:
    """How a name, alias or keyword is stored for exact phrase look-ups."""
    return "-".join(all_words(text))
