"""Read one knowledge file into a record: parsed (from the parse cache where it can be),
laid under its translation for another language, and checked against its type.

What the file's data remembers of where it came from is kept so that it can go to
another process (``acuinfo.knowledge.parallel``): its values are parsed again from
the file, by name, only when a problem needs a line.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from acuinfo.base.errors import KnowledgeError, Problem
from acuinfo.base.languages import ENGLISH
from acuinfo.base.saferead import stamp
from acuinfo.knowledge.folders import Entry

if TYPE_CHECKING:
    from acuinfo.knowledge.located import YamlData

T = TypeVar("T")


def parse_file(entry: Entry, keep: bool = True) -> YamlData:
    """Read and parse one file as untrusted YAML, or raise KnowledgeError.

    A file on disk whose parse is cached (see ``acuinfo.knowledge.parsecache``) is not parsed
    again. Either way its positions are worked out only if a problem needs them, by
    parsing the file again (see ``_parse_again``): the valid files of a large folder never
    need one. ``keep`` False leaves a new parse out of the cache (an index build reads
    thousands of files once)."""
    from acuinfo.knowledge import parsecache

    file = str(entry)
    try:
        stat = os.stat(file) if isinstance(entry, Path) else None
    except OSError:
        stat = None
    if stat is not None:
        found, value = parsecache.load(file, stat)
        if found:
            from acuinfo.knowledge.located import YamlData

            return YamlData(file, value, None, reparse=partial(_parse_again, entry, _stamp(stat)))
    data = _parse_now(entry, located=False)  # positions come from a parse again if needed
    data.reparse = partial(_parse_again, entry, _stamp(stat))
    if stat is not None and keep:
        parsecache.store(file, stat, data.value)
    return data


def _stamp(stat: os.stat_result | None) -> tuple[int, int, int, int] | None:
    return None if stat is None else stamp(stat)


def _parse_again(entry: Entry, stamp: tuple[int, int, int, int] | None) -> YamlData:
    """The file parsed again, with positions, for the line of a problem in what was read
    of it before, when it was as ``stamp`` says. A file that has changed since gives no
    positions: its lines now could point anywhere, and a problem without a line still
    names the file."""
    data = _parse_now(entry)
    if stamp is not None:
        try:
            now = _stamp(os.stat(entry))
        except OSError:
            now = None
        if now != stamp:
            data.positions = {}
    return data


def _parse_now(entry: Entry, located: bool = True) -> YamlData:
    from acuinfo.base.saferead import NotRegularFile, TooLarge, read_limited
    from acuinfo.knowledge import yamlfile

    file = str(entry)
    try:
        raw = read_limited(entry, yamlfile.MAX_BYTES) if isinstance(entry, Path) else (
            entry.read_bytes())
    except (IsADirectoryError, NotRegularFile) as err:
        kind = getattr(err, "kind", "a folder")
        raise KnowledgeError([Problem(file, f"is {kind}, not a file",
                                      hint="rename or remove it")]) from None
    except TooLarge as err:
        raise KnowledgeError([Problem(file, f"file {err}", hint="split it into smaller files")
                              ]) from None
    except PermissionError:
        raise KnowledgeError([Problem(file, "cannot be read: permission denied",
                                      hint="let your user read it, e.g. chmod a+r")]) from None
    except OSError as err:
        raise KnowledgeError([Problem(file, f"cannot be read: {err.strerror or err}")]) from None
    return yamlfile.parse(yamlfile.decode(raw, file), file, located)


def read_in(entry: Entry, record_type: type[T], language: str, roots: list[Entry],
            keep: bool = True) -> T:
    """``read`` in ``language``: with the translation of ``entry`` from the first of the
    knowledge folders ``roots`` that holds one, if any does."""
    if language == ENGLISH:
        return read(entry, record_type, keep=keep)
    from acuinfo.knowledge.translating import translation_of

    return read(entry, record_type, translation_of(entry, roots, language), language, keep)


def read(entry: Entry, record_type: type[T], translation: Entry | None = None,
         language: str = ENGLISH, keep: bool = True) -> T:
    """Read, parse and check one file into a record, or raise KnowledgeError. With
    ``translation``, the record is in ``language``: the translated file laid over this
    one (see ``acuinfo.knowledge.translating``); a translation that cannot be read
    leaves the record in English, and is reported by ``validate``. ``keep`` is as for
    ``parse_file``."""
    from acuinfo.knowledge import schema

    if language == ENGLISH or translation is None:
        data = parse_file(entry, keep)
        if language != ENGLISH:
            data = in_language(data, None, language)
    else:
        data = _parse_in_language(entry, translation, language, keep)
    record = schema.build(record_type, data)
    data.forget()  # lists hold thousands of records: keep each file's parse no longer
    return record


def _parse_in_language(entry: Entry, translation: Entry, language: str,
                       keep: bool = True) -> YamlData:
    """``in_language`` of the parse of ``entry``, from the parse cache where the two
    files were laid over each other before and neither has changed since."""
    from acuinfo.knowledge import parsecache
    from acuinfo.knowledge.located import YamlData

    try:
        files = [(str(entry), os.stat(entry)), (str(translation), os.stat(translation))]
    except (OSError, TypeError):  # a file not on disk, or gone: read as usual
        files = []
    if files:
        found, kept = parsecache.load_layered(files)
        if found and type(kept) is list and len(kept) == 3:
            value, untranslated, info = kept
            data = YamlData(str(entry), value, None,
                            reparse=partial(_parse_again, entry, _stamp(files[0][1])))
            data.language = language
            data.untranslated = frozenset(tuple(path) for path in untranslated)
            data.translation = (str(translation), info)
            return data
    data = in_language(parse_file(entry, keep), translation, language, keep)
    if files and keep and data.translation is not None:
        parsecache.store_layered(files, [data.value, [list(path) for path in data.untranslated],
                                         data.translation[1]])
    return data


def in_language(english: YamlData, translation: Entry | None, language: str,
                keep: bool = True) -> YamlData:
    """``english`` with its translation into ``language`` laid over it, knowing which
    parts stayed in English (all of it, without a translation)."""
    from acuinfo.knowledge import translating
    from acuinfo.knowledge.located import YamlData

    translated = None
    if translation is not None:
        try:
            translated = parse_file(translation, keep)
        except KnowledgeError:
            translated = None
    if translated is None:
        value, untranslated, info = english.value, {()}, {}
    else:
        value, untranslated = translating.overlay(
            english.value, translating.without_header(translated.value))
        info = translating.header(translated.value)
    data = YamlData(english.file, value, None, reparse=english.reparse)
    data.language = language
    data.untranslated = frozenset(untranslated)
    data.translation = (str(translation), info) if translated is not None else None
    return data
