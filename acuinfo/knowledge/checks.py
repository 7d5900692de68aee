"""Check whole knowledge folders: every file, and the references between files.

Showing a page stops at what that page needs; ``acuinfo validate`` uses this
module to read everything a folder holds and report every problem at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from acuinfo.base.errors import KnowledgeError, Problem
from acuinfo.base.safetext import shown_name
from acuinfo.knowledge import records, schema
from acuinfo.knowledge.folders import (
    ADDITION_FOLDERS,
    ENTRY_FOLDERS,
    SHARED_FILES,
    Entry,
    Folder,
    list_folder,
)
from acuinfo.knowledge.loading import Knowledge
from acuinfo.knowledge.located import YamlData
from acuinfo.knowledge.reading import parse_file
from acuinfo.knowledge.records import fields_of, is_record

FOLDERS = {**ENTRY_FOLDERS, **ADDITION_FOLDERS}
IGNORED = {"README.md", "LICENSE", "translations"}  # translations are checked apart

_REFERENCE_NAMES = {"sources": "source", "conditions": "condition", "categories": "tip category"}
_REFERENCE_HINTS = {
    "sources": "add it to sources.yaml, or use an id from 'acuinfo sources'",
    "conditions": "use a name from 'acuinfo conditions'",
    "categories": "use a category id from tips.yaml",
}


@dataclass
class Report:
    """What a check found: how many files it read and every problem in them."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)


def check_folders(to_check: Iterable[Folder], knowledge: Knowledge) -> Report:
    """Read every file in ``to_check``; resolve references against ``knowledge``."""
    report = Report()
    loaded: list[object] = []
    for folder in to_check:
        for entry, record_type in _files_of(folder, report):
            report.files += 1
            try:
                data = parse_file(entry)
            except KnowledgeError as err:
                report.problems.extend(err.problems)
                continue
            record, problems = schema.convert(record_type, data)
            report.problems.extend(problems)
            report.problems.extend(_placeholder_problems(data))
            if record is not None:
                report.problems.extend(_name_problems(entry, record))
                loaded.append(record)
        report.files += _check_translations(folder, knowledge, report)
    known = _known_names(knowledge)
    for record in loaded:
        report.problems.extend(_reference_problems(record, known))
        report.problems.extend(_duplicate_ids(record))
    report.problems.extend(_shared_names(loaded, knowledge))
    return report


def _check_translations(folder: Folder, knowledge: Knowledge, report: Report) -> int:
    """Check every translated file in ``folder`` against the English file it translates;
    return how many there were."""
    from acuinfo.knowledge.translation_checks import check_translation, translation_files

    count = 0
    for language, relative, entry in translation_files(folder.root):
        count += 1
        english = next(iter(knowledge.present(relative)), None)
        report.problems.extend(check_translation(language, relative, entry, english,
                                                 _record_type(relative)))
    return count


def _record_type(relative: str) -> type | None:
    """What kind of record a file at ``relative`` in a knowledge folder holds."""
    folder, _, name = relative.rpartition("/")
    if not folder:
        return SHARED_FILES.get(name)
    if "/" not in folder and name.endswith(".yaml"):
        return FOLDERS.get(folder)
    return None


def _files_of(folder: Folder, report: Report) -> list[tuple[Entry, type]]:
    """The files of a folder that acuinfo reads; anything else is reported."""
    found = []
    entries, problems = list_folder(folder.root)
    report.problems.extend(problems)
    for entry in entries:
        name = entry.name
        if name in SHARED_FILES:
            found.append((entry, SHARED_FILES[name]))
        elif name in FOLDERS and entry.is_dir():
            children, problems = list_folder(entry)
            report.problems.extend(problems)
            for child in children:
                if child.name.endswith(".yaml"):
                    found.append((child, FOLDERS[name]))
                else:
                    report.problems.append(Problem(
                        str(child), "acuinfo reads only .yaml files here",
                        hint="rename it to end in .yaml, or move it out of the folder"))
        elif name not in IGNORED:
            expected = ", ".join([*SHARED_FILES, *(f"{d}/" for d in FOLDERS)])
            report.problems.append(Problem(
                str(entry), "acuinfo does not read this",
                hint=f"a knowledge folder holds only {expected}"))
    return found


def _placeholder_problems(data: YamlData) -> list[Problem]:
    """Example text from an ``acuinfo new`` template that nobody has replaced yet: it
    must never reach a patient."""
    from acuinfo.knowledge.scaffold import placeholders

    patterns = placeholders()
    found = []
    for path, text in _texts(data.value, ()):
        if any(pattern.fullmatch(text.strip()) for pattern in patterns):
            shown = text.strip() if len(text.strip()) <= 50 else text.strip()[:47] + "..."
            found.append(data.problem(path, f"still holds the template's example text "
                                            f"{shown!r}",
                                      "write your own, or remove the line if the field is "
                                      "optional"))
    return found


def _texts(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _name_problems(entry: Entry, record: object) -> list[Problem]:
    """A condition's slug and a page's id must be the file's name."""
    own = getattr(record, "slug", None) or (getattr(record, "id", None)
                                            if isinstance(record, records.Page) else None)
    stem = entry.name.removesuffix(".yaml")
    if own is None or own == stem:
        return []
    field_name = "slug" if isinstance(record, records.Condition) else "id"
    return [record.origin.problem((field_name,), f"{field_name} {own!r} differs from the file "
                                                 f"name {entry.name!r}",
                                  f"rename the file to {own}.yaml or change the {field_name}")]


def _known_names(knowledge: Knowledge) -> dict[str, set[str]]:
    """Every name a reference may use, from every folder acuinfo reads."""
    conditions = {e.name.removesuffix(".yaml") for e in knowledge._files("conditions")}
    known = {"conditions": conditions, "sources": set(), "categories": set()}
    # A broken sources or tips file is reported where that file is checked.
    with contextlib.suppress(KnowledgeError):
        known["sources"] = {s.id for s in knowledge.source_list().sources}
    with contextlib.suppress(KnowledgeError):
        known["categories"] = {c.id for c in knowledge.tips().categories}
    return known


def _reference_problems(record: object, known: dict[str, set[str]],
                        origin: object = None, path: tuple = ()) -> list[Problem]:
    """Every reference in ``record`` (and the records inside it) to a name that does not exist."""
    if getattr(record, "origin", None) is not None:
        origin, path = record.origin, ()
    problems = []
    for f in fields_of(type(record)):
        value = getattr(record, f.name)
        reference = f.rule.get("ref")
        many = isinstance(value, (list, tuple)) and not is_record(value)
        for index, item in enumerate(value if many else [value]):
            where = (*path, f.name, index) if many else (*path, f.name)
            if reference and isinstance(item, str) and item not in known[reference]:
                problems.append(origin.problem(
                    where, f"{f.name} names an unknown {_REFERENCE_NAMES[reference]} {item!r}",
                    _REFERENCE_HINTS[reference]))
            elif is_record(item):
                problems.extend(_reference_problems(item, known, origin, where))
    return problems


def _shared_names(loaded: list[object], knowledge: Knowledge) -> list[Problem]:
    """A condition's title that another condition's title is too, or its alias that
    another condition gives as an alias and none as its title, unless names.yaml lists
    it as ambiguous: asked for it, acuinfo would list both rather than show one."""
    # A file with problems gives a record as far as it could be built: a name of the
    # wrong type is reported where the file is checked, and is left out here.
    checked = [record for record in loaded if isinstance(record, records.Condition)
               and isinstance(record.slug, str)]
    if not checked:
        return []
    from acuinfo.base.words import phrase_key
    from acuinfo.knowledge.names import name_keys

    declared = {key for entry in knowledge.name_book().ambiguous for key in name_keys(entry)}
    titles: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    files: dict[str, str] = {}
    for condition in knowledge.conditions():
        files[condition.slug] = condition.origin.file
        titles.setdefault(phrase_key(condition.title), set()).add(condition.slug)
        for alias in condition.aliases:
            aliases.setdefault(phrase_key(alias), set()).add(condition.slug)
    problems = []
    for record in checked:
        names = [(("title",), record.title)] if isinstance(record.title, str) else []
        names += [(("aliases", index), alias) for index, alias in enumerate(record.aliases)
                  if isinstance(alias, str)]
        for where, name in names:
            key = phrase_key(name)
            # an alias that is also a title finds that title first: it clashes with no alias
            claims = titles if where == ("title",) else {} if key in titles else aliases
            others = sorted(claims.get(key, set()) - {record.slug})
            if others and key not in declared:
                named = ", ".join(f"{slug} ({shown_name(files[slug])})" for slug in others)
                problem = record.origin.problem(
                    where, f"{name!r} is also a name of {named}",
                    "list it under 'ambiguous' in names.yaml, so that acuinfo asks which "
                    "is meant, or keep it for one condition")
                problems.append(problem._replace(warning=True))
    return problems


def _duplicate_ids(record: object) -> list[Problem]:
    """Two entries with one id in a file: the later would silently hide the earlier."""
    problems = []
    for f in fields_of(type(record)):
        value = getattr(record, f.name)
        if not isinstance(value, list):
            continue
        first_seen: dict[str, int] = {}
        for index, item in enumerate(value):
            if not isinstance(getattr(item, "id", None), str):
                continue
            if item.id in first_seen:
                line, _ = record.origin.data.where((f.name, first_seen[item.id]))
                problems.append(record.origin.problem(
                    (f.name, index, "id"), f"id {item.id!r} is used twice in {f.name}"
                                           f" (first on line {line})",
                    "give each entry its own id"))
            first_seen.setdefault(item.id, index)
    return problems
