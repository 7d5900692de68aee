"""The words around the content: every phrase the code says exists in every catalog.

A phrase is found where it is written: the text given to ``say`` (or to a ``say``
made by ``phrases_for``) and to ``phrase``. Run this file as a script to list the
phrases a catalog lacks, as Python to paste into it:
``python tests/test_phrases.py es``.
"""

from __future__ import annotations

import ast
import string
import sys
from pathlib import Path

import pytest

from acuinfo.base import languages, phrases

PACKAGE = Path(__file__).resolve().parent.parent / "acuinfo"
SAYING = {"say", "phrase"}


def said_in(tree: ast.AST) -> list[str]:
    """The literal phrases given to ``say`` or ``phrase`` in one module. ``say(language,
    "text")`` has its phrase second, a bound ``say("text")`` first; a conditional
    expression gives both of its phrases."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function,
                                                                                 "id", "")
        if name not in SAYING or not node.args:
            continue
        argument = node.args[1] if name == "say" and len(node.args) > 1 else node.args[0]
        found += literals(argument)
    return found


def literals(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return literals(node.body) + literals(node.orelse)
    return []


def every_phrase() -> dict[str, str]:
    """Each phrase the code says, with the first module that says it; and the names of
    the languages, said by their English name."""
    found = dict.fromkeys(languages.LANGUAGE_NAMES.values(), "acuinfo/base/languages.py")
    for module in sorted(PACKAGE.rglob("*.py")):
        if module.name.startswith("phrases"):
            continue
        for text in said_in(ast.parse(module.read_text("utf-8"))):
            found.setdefault(text, str(module.relative_to(PACKAGE.parent)))
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


OTHER_LANGUAGES = sorted(phrases.CATALOGS)


def test_phrases_are_found_where_they_are_said():
    tree = ast.parse('say(language, "Sources")\nsay("Open with:")\n'
                     'phrase("Date")\nsay("a" if x else "b", n=1)\nsay(language, name)')
    assert said_in(tree) == ["Sources", "Open with:", "Date", "a", "b"]
    assert len(every_phrase()) > 50


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_phrase_is_in_every_catalog(language):
    catalog = phrases.catalog(language)
    missing = {text: where for text, where in every_phrase().items() if text not in catalog}
    assert missing == {}, (f"{len(missing)} phrases not in the {language} catalog; list "
                           f"them with: python tests/test_phrases.py {language}")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_catalog_keeps_the_fields_and_nothing_unsaid(language):
    catalog = phrases.catalog(language)
    said = every_phrase()
    assert [text for text in catalog if text not in said] == [], "phrases nothing says"
    changed = {text: words for text, words in catalog.items() if fields(text) != fields(words)}
    assert changed == {}, "a translation must keep every {field} of its phrase"
    assert all(words.strip() for words in catalog.values())


def test_a_phrase_a_catalog_lacks_is_said_in_english():
    assert phrases.say("es", "A phrase no catalog has, {n}", n=3) == "A phrase no catalog has, 3"
    assert phrases.say("en", "Sources") == "Sources"


if __name__ == "__main__":
    wanted = phrases.catalog(sys.argv[1]) if len(sys.argv) > 1 else {}
    for text, where in every_phrase().items():
        if text not in wanted:
            print(f"    {text!r}: '',  # {where}")
