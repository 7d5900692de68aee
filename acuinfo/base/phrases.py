"""The words acuinfo puts around the content, in the reader's language.

Headings, labels, notices and messages are written in English in the code, and
looked up by that English text in a catalog per language: ``phrases_es.py``,
``phrases_zh_hans.py``. A phrase a catalog lacks is said in English, so a missing
phrase shows, never breaks. A catalog is a plain dictionary, imported only when
its language is used: no compile step (gettext's .mo files need one) and nothing
for English to load.

Phrases with a value in them use ``str.format`` fields: ``say("es", "Part {number}",
number=2)``; a catalog keeps the fields and may move them. A phrase kept in a constant
is marked with ``phrase`` where it is written (gettext's ``N_``), and said where it is
used; tests/test_phrases.py finds every marked and said phrase, and checks that each
catalog has them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache, partial

from acuinfo.base.languages import ENGLISH

CATALOGS = {"es": "acuinfo.base.phrases_es", "zh-Hans": "acuinfo.base.phrases_zh_hans"}


@cache
def catalog(language: str) -> dict[str, str]:
    """The phrases of ``language``, by their English text (none for English)."""
    module = CATALOGS.get(language)
    return importlib.import_module(module).PHRASES if module else {}


def phrase(english: str, /) -> str:
    """Mark ``english`` as a phrase to be said later, in the reader's language."""
    return english


def say(language: str, english: str, /, **values: object) -> str:
    """``english`` in ``language``, with ``values`` put in its fields."""
    text = english if language == ENGLISH else catalog(language).get(english, english)
    return text.format(**values) if values else text


def phrases_for(language: str) -> Callable[..., str]:
    """``say`` for one language: ``say = phrases_for("es"); say("Sources")``."""
    return partial(say, language)


def colon(label: str) -> str:
    """What follows a label before its text: Chinese's own full-width colon after a
    Chinese label, else a colon and a space."""
    last = label[-1:]
    return "\uff1a" if "\u2e80" <= last <= "\u9fff" or "\uf900" <= last <= "\uffef" else ": "
