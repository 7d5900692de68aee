"""How the entries of ``names.yaml`` (names that must not be taken for one condition)
are matched: by every name they answer to, as names are compared."""

from __future__ import annotations

from acuinfo.base.words import phrase_key
from acuinfo.knowledge import records


def name_keys(item: records.AmbiguousName | records.NotCovered) -> set[str]:
    """Every name an entry of ``names.yaml`` answers to, as names are compared."""
    return {phrase_key(name) for name in (item.name, *item.aliases)} - {""}
