"""Knowledge in another language: a translated file laid over its English one.

A translation of ``conditions/neck-pain.yaml`` into Spanish is
``translations/es/conditions/neck-pain.yaml`` in any knowledge folder (the first
folder to hold one wins, as for every file). It has the English file's shape, and
acuinfo lays it over the English file field by field and item by item: what the
translation leaves out stays in English, and the record remembers which parts did,
so that a page can say so in the reader's language. What names an entry or ties it
to others (ids, slugs, source ids, ratings, styles, dates, review details) always
comes from the English file: a translation changes words, never facts.

A translated file starts with a ``translation:`` block that says which English file
it was made from and from which version of it (the first 16 hex digits of its
SHA-256), and whether a qualified medical translator has reviewed it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from acuinfo.base.languages import ENGLISH
from acuinfo.knowledge.folders import Entry, is_present, probe

TRANSLATIONS = "translations"

# Fields whose value is the same in every language: they name or tie things together.
KEPT = frozenset({
    "slug", "id", "sources", "related", "conditions", "category", "rating", "style",
    "reviewed", "review_due", "reviewed_by", "status", "kind", "url", "pmid", "doi",
    "year", "checked", "website", "phone", "emergency_number", "urgent_number",
})
# Lists of names that find an entry: a language adds its own to the English ones.
NAMES = frozenset({"aliases", "keywords"})
HEADER = "translation"


def languages_in(roots: Iterable[Entry]) -> list[str]:
    """The languages the knowledge folders ``roots`` hold translations in, English first."""
    found = [ENGLISH]
    for root in roots:
        folder = root / TRANSLATIONS
        try:
            if probe(folder) != "folder":
                continue
            names = sorted(entry.name for entry in folder.iterdir())
        except OSError:
            continue
        for name in names:
            if not name.startswith(".") and name not in found and probe(folder / name) == "folder":
                found.append(name)
    return found


def translation_of(entry: Entry, roots: list[Entry], language: str) -> Entry | None:
    """The translation into ``language`` of the knowledge file ``entry`` (which lies in one
    of the folders ``roots``), from the first folder that holds one; None if none does."""
    text = str(entry)
    relative = None
    for root in roots:
        prefix = str(root).rstrip(os.sep) + os.sep
        if text.startswith(prefix):
            relative = text[len(prefix):].split(os.sep)
            break
    if relative is None:
        return None
    for root in roots:
        candidate = root / TRANSLATIONS / language
        for part in relative:
            candidate = candidate / part
        if is_present(candidate):
            return candidate
    return None


def overlay(english: object, translated: object, path: tuple = ()
            ) -> tuple[object, set[tuple]]:
    """The English value with ``translated`` laid over it, and the paths of the parts
    that stayed in English for want of a translation."""
    if isinstance(english, dict):
        if not isinstance(translated, dict):
            return english, {path}
        merged: dict = {}
        untranslated: set[tuple] = set()
        for key, value in english.items():
            if key in KEPT or key not in translated:
                merged[key] = value
                if key not in KEPT and _has_words(value):
                    untranslated.add((*path, key))
            elif key in NAMES and _all_text(value) and _all_text(translated[key]):
                merged[key] = list(dict.fromkeys([*translated[key], *value]))
            else:
                merged[key], below = overlay(value, translated[key], (*path, key))
                untranslated |= below
        return merged, untranslated
    if isinstance(english, list):
        return _overlay_list(english, translated, path)
    if isinstance(english, str):
        if isinstance(translated, str) and translated.strip():
            return translated, set()
        return english, {path}
    return english, set()  # numbers, dates, true and false are the same in every language


def _overlay_list(english: list, translated: object, path: tuple) -> tuple[list, set[tuple]]:
    if not isinstance(translated, list):
        return english, {path}
    untranslated: set[tuple] = set()
    # Items are matched by their ids when every English one has an id that can be one: a
    # list or a mapping given as an id (in a broken file) cannot key a lookup.
    if english and all(isinstance(item, dict) and "id" in item and _scalar(item["id"])
                       for item in english):
        by_id = {item.get("id"): item for item in translated
                 if isinstance(item, dict) and _scalar(item.get("id"))}
        merged = []
        for index, item in enumerate(english):
            if item["id"] in by_id:
                value, below = overlay(item, by_id[item["id"]], (*path, index))
                merged.append(value)
                untranslated |= below
            else:
                merged.append(item)
                untranslated.add((*path, index))
        return merged, untranslated
    if all(isinstance(item, str) for item in english):  # a list of signs, symptoms, points
        if translated and all(isinstance(item, str) and item.strip() for item in translated):
            return list(translated), set()
        return english, {path}
    merged = []
    for index, item in enumerate(english):  # items matched by their place
        if index < len(translated):
            value, below = overlay(item, translated[index], (*path, index))
            merged.append(value)
            untranslated |= below
        else:
            merged.append(item)
            untranslated.add((*path, index))
    return merged, untranslated


def _all_text(value: object) -> bool:
    """Whether ``value`` is a list of text, such as a list of names."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _scalar(value: object) -> bool:
    """Whether a parsed value is a scalar (text, a number, a date...), as a key must be:
    YAML's only other values are lists and mappings."""
    return not isinstance(value, (dict, list))


def _has_words(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_has_words(item) for key, item in value.items() if key not in KEPT)
    if isinstance(value, list):
        return any(_has_words(item) for item in value)
    return False


def header(value: object) -> dict:
    """A translated file's ``translation:`` block (empty if it has none)."""
    block = value.get(HEADER) if isinstance(value, dict) else None
    return block if isinstance(block, dict) else {}


def without_header(value: object) -> object:
    if isinstance(value, dict) and HEADER in value:
        return {key: item for key, item in value.items() if key != HEADER}
    return value
