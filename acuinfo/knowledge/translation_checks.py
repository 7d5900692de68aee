"""Check translated knowledge files against the English files they translate.

A translation changes words, never facts. So besides being a sound file of its own,
a translation must have its English file's shape (no field or item of its own, lists
of signs as long as the English ones), keep every id, source and rating as they are,
give the same warning signs at each level of urgency, and hold every number the
English text holds. And it must say which version of the English file it was made
from: when the English changes afterwards, ``validate`` warns that the translation
needs a look.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from acuinfo.base.errors import KnowledgeError, Problem
from acuinfo.base.namedrecord import Record
from acuinfo.knowledge import schema
from acuinfo.knowledge.folders import Entry, list_folder, probe
from acuinfo.knowledge.loading import Knowledge
from acuinfo.knowledge.located import YamlData
from acuinfo.knowledge.reading import in_language, parse_file
from acuinfo.knowledge.translating import HEADER, KEPT, NAMES, TRANSLATIONS, header

# A number: with its thousands commas (1,000,000 or 1,234.5), or with a decimal point or
# comma.
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?")
REVIEW_STATES = ("pending",)  # or the name of the medical translator who reviewed it


def translation_files(root: Entry) -> Iterator[tuple[str, str, Entry]]:
    """(language, path relative to the folder, file) of every translated file in a
    knowledge folder."""
    base = root / TRANSLATIONS
    try:
        if probe(base) != "folder":
            return
    except OSError:
        return
    languages, _ = list_folder(base)
    for language in languages:
        yield from _walk(language, language.name, "")


def _walk(entry: Entry, language: str, relative: str) -> Iterator[tuple[str, str, Entry]]:
    children, _ = list_folder(entry)
    for child in children:
        path = f"{relative}/{child.name}" if relative else child.name
        if child.name.endswith(".yaml"):
            yield language, path, child
        elif probe(child) == "folder":
            yield from _walk(child, language, path)


def fingerprint(raw: bytes) -> str:
    """The version of an English file a translation records: the first 16 hex digits of
    the SHA-256 of its bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def check_translation(language: str, relative: str, translated_entry: Entry,
                      english_entry: Entry | None, record_type: type | None) -> list[Problem]:
    """Every problem of one translated file, given the English file it translates."""
    file = str(translated_entry)
    if english_entry is None or record_type is None:
        return [Problem(file, f"translates {relative}, which no knowledge folder holds",
                        hint="remove it, or give it the path of the English file it "
                             "translates, under translations/" + language)]
    try:
        translated = parse_file(translated_entry)
        english = parse_file(english_entry)
    except KnowledgeError as err:
        return err.problems
    problems = _header_problems(language, relative, translated, english_entry)
    problems += list(_shape_problems(english.value, translated.value, (), translated, language))
    merged = in_language(english, translated_entry, language)
    _, built = schema.convert(record_type, merged)
    problems += [Problem(file, f"with this translation, {problem.message}", hint=problem.hint)
                 for problem in built]
    return problems


def _header_problems(language: str, relative: str, translated: YamlData,
                     english_entry: Entry) -> list[Problem]:
    block = header(translated.value)
    if not block:
        return [translated.problem((), f"has no '{HEADER}:' block saying what it translates",
                                   "see data/README.md, 'Translations'")]
    problems = []
    if block.get("language") != language:
        problems.append(translated.problem(
            (HEADER, "language"), f"says language {block.get('language')!r} but lies under "
                                  f"translations/{language}", "make the two agree"))
    if block.get("source") != relative:
        problems.append(translated.problem(
            (HEADER, "source"), f"says it translates {block.get('source')!r}, but lies where "
                                f"a translation of {relative!r} goes", "make the two agree"))
    review = block.get("translator_review")
    if not isinstance(review, str) or not review.strip():
        problems.append(translated.problem(
            (HEADER, "translator_review"), "does not say whether a qualified medical "
                                           "translator has reviewed it",
            "write 'pending', or the reviewer's name once reviewed"))
    version = fingerprint(english_entry.read_bytes())
    if block.get("source_sha256") != version:
        problems.append(Problem(
            translated.file, f"the English file {relative} has changed since this was "
                             f"translated (it is now version {version})",
            *translated.where((HEADER, "source_sha256")),
            hint="check the translation against the English, then set source_sha256 to "
                 "the new version", warning=True))
    return problems


def _shape_problems(english: object, translated: object, path: tuple, data: YamlData,
                    language: str) -> Iterator[Problem]:
    """Fields and items the English file does not have, lists of a different length, and
    values that must stay as in English but do not."""
    if isinstance(english, dict) and isinstance(translated, dict):
        for key, value in translated.items():
            if not path and key == HEADER:
                continue
            where = (*path, key)
            if key not in english:
                yield data.problem(where, f"{_name(where)} is not in the English file",
                                   "a translation holds only what the English file holds")
            elif key in KEPT and value != english[key]:
                yield data.problem(where, f"{_name(where)} must be as in the English file "
                                          f"({english[key]!r})", "a translation changes words, "
                                                                 "never ids, sources or dates")
            elif key not in NAMES:
                yield from _shape_problems(english[key], value, where, data, language)
    elif isinstance(english, list) and isinstance(translated, list):
        if len(english) != len(translated) and not (
                english and all(isinstance(i, dict) and "id" in i for i in english)):
            what = "signs" if path[:1] == ("red_flags",) else "items"
            yield data.problem(path, f"{_name(path)} has {len(translated)} {what}, the English "
                                     f"file {len(english)}",
                               "translate each one, in order, none merged or added")
        for index, (mine, theirs) in enumerate(zip(english, translated, strict=False)):
            yield from _shape_problems(mine, theirs, (*path, index), data, language)
    elif isinstance(english, str) and isinstance(translated, str):
        figures = {_figure(number): number for number in _NUMBER.findall(english)}
        held = _numbers(translated)
        missing = sorted((shown for figure, shown in figures.items() if figure not in held),
                         key=english.find)
        if missing:
            yield data.problem(path, f"{_name(path)} lacks the number"
                                     f"{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                                     "of the English text", "a translation keeps every figure")
        if language == "es":
            yield from _decimal_lookalikes(translated, figures, path, data)
    elif translated is not None and type(english) is not type(translated):
        yield data.problem(path, f"{_name(path)} is not the kind of value the English file has")


_FULL_WIDTH_DIGITS = {0xFF10 + digit: ord("0") + digit for digit in range(10)}


# Groups of three digits after a thousands separator: a comma in English (and Chinese),
# a space in Spanish (a no-break one, so that a line never ends inside the number).
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_SPACED_GROUPS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


def _figure(number: str) -> str:
    """A number as written in English, without its thousands commas: 229,000 is 229000."""
    return number.replace(",", "") if _THOUSANDS.fullmatch(number) else number


def _numbers(text: str) -> set[str]:
    """The figures ``text`` holds, in every way of writing them that counts as the same:
    full-width digits (in Chinese text), a decimal comma (Spanish), a comma between
    groups of three (English, Chinese) and a space between them (Spanish), read both
    as one number and as two. A full-width comma between two numbers stays a
    separator."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    found = _NUMBER.findall(text) + _NUMBER.findall(_SPACED_GROUPS.sub("", text))
    return {*found, *(number.replace(",", ".") for number in found),
            *(_figure(number) for number in found)}


def _decimal_lookalikes(text: str, figures: dict[str, str], path: tuple,
                        data: YamlData) -> Iterator[Problem]:
    """A figure of the English text written with its comma between groups of three,
    which a Spanish reader takes for a decimal comma: 5,121 reads as five and a bit."""
    for number in _THOUSANDS.findall(text):
        whole = _figure(number)
        if whole not in figures:
            continue
        digits, _, decimals = whole.partition(".")
        grouped = digits if len(digits) == 4 else f"{int(digits):,}".replace(",", " ")
        spanish = grouped + (f",{decimals}" if decimals else "")
        hint = (f"write {spanish}: a number of four digits takes no separator"
                if len(digits) == 4 else f"write {spanish}, with a no-break space between "
                                          "groups of three")
        yield data.problem(path, f"{_name(path)} writes {number}, which reads as a decimal "
                                 "in Spanish", hint)


def _name(path: tuple) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(
        ".[", "[") or "the file"


class TranslationState(Record):
    """Where one translated file stands: what it translates, from which version of the
    English file, whether the English has changed since, and who reviewed it."""

    relative: str
    translated: str  # the date it was made, as its header says
    version: str  # the English version it was made from
    current: bool  # whether the English file is still that version
    review: str  # "pending", or the name of the medical translator who reviewed it


def translation_states(knowledge: Knowledge, language: str) -> list[TranslationState]:
    """Every file translated into ``language`` in these folders (the first folder's, where
    two hold one), by path; a file that cannot be read is left out (``validate`` says
    why)."""
    states: dict[str, TranslationState] = {}
    for folder in knowledge.folders:
        for tongue, relative, entry in translation_files(folder.root):
            english = next(iter(knowledge.present(relative)), None)
            if tongue != language or relative in states or english is None:
                continue
            try:
                block = header(parse_file(entry).value)
                current = fingerprint(english.read_bytes())
            except (KnowledgeError, OSError):
                continue
            version = str(block.get("source_sha256") or "")
            states[relative] = TranslationState(
                relative, str(block.get("translated") or ""), version, version == current,
                str(block.get("translator_review") or "pending"))
    return sorted(states.values(), key=lambda state: state.relative)
