"""Load knowledge files into records, the first folder to hold an entry winning.

Showing one condition reads one file: the condition's slug names its file (any
other name a person gives is looked up by ``acuinfo.finding.lookup``). Lists read
every file of their kind, and a broken file there is set aside as a problem so that
the entries that are fine can still be shown. Drafts are left out unless asked for.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from acuinfo.base.errors import KnowledgeError, Problem
from acuinfo.base.languages import ENGLISH
from acuinfo.knowledge import records
from acuinfo.knowledge.folders import (
    ADDITION_FOLDERS,
    SHARED_FILES,
    Entry,
    Folder,
    candidate_folders,
    is_present,
    list_folder,
    probe,
    unreadable,
)
from acuinfo.knowledge.merging import (
    latest_review,
    marked_draft,
    merged_by_id,
    merged_by_name,
    overlay_session,
)
from acuinfo.knowledge.reading import read_in

T = TypeVar("T")
# Files other than conditions that hold less are read here: acuinfo.knowledge.parallel
# asks more of every worker (BYTES_PER_CHUNK at least).
LEAST_WEIGHED = 64 * 1024


def folders_in_use(data_dirs: Iterable[str | os.PathLike]) -> list[Folder]:
    """The candidate folders that exist, highest precedence first."""
    return knowledge_in_use(data_dirs).folders


def knowledge_in_use(data_dirs: Iterable[str | os.PathLike], drafts: bool = False,
                     language: str = ENGLISH) -> Knowledge:
    """The knowledge of every candidate folder that exists; one that cannot be read is
    left out and named as a problem. ``drafts`` shows entries marked as drafts too."""
    folders, problems = [], []
    for folder in candidate_folders(data_dirs):
        state = folder.state()
        if state == "folder":
            folders.append(folder)
        elif state.startswith("cannot be read"):
            problems.append(Problem(folder.label, f"{folder.kind} folder {state}",
                                    hint="let your user enter it, e.g. chmod a+rx, or stop "
                                         "using it"))
    knowledge = Knowledge(folders, drafts=drafts, language=language)
    knowledge.problems.extend(problems)
    return knowledge


class Knowledge:
    """Every knowledge folder, highest precedence first, and what they hold."""

    def __init__(self, folders: Iterable[Folder], drafts: bool = False,
                 language: str = ENGLISH) -> None:
        self.folders = list(folders)
        self.drafts = drafts  # show entries marked "status: draft" too
        self.language = language  # the records' language: English, or a translation
        self.problems: list[Problem] = []
        self.hidden_drafts: list[object] = []  # drafts met and left out, for the lists
        self._conditions: list[records.Condition] | None = None
        self._cache: dict[str, list] = {}
        # Records read in another language, to say which stayed in English and whether
        # their translations were checked (acuinfo.views.translation).
        self.read_in_language: list[object] = []
        self.on_read: Callable[[], object] | None = None  # told of each condition file read
        # False for an index build: it reads every file once, and writing ten thousand
        # parses to the parse cache cost it a third of its time, and a copy of the folder.
        self.keep_parses = True

    def _read(self, entry: Entry, record_type: type[T]) -> T:
        """One file's record, in this knowledge's language."""
        record = read_in(entry, record_type, self.language,
                         [folder.root for folder in self.folders], self.keep_parses)
        if self.language != ENGLISH:
            self.read_in_language.append(record)
        return record

    def languages(self) -> list[str]:
        """The languages these folders hold knowledge in, English first."""
        from acuinfo.knowledge.translating import languages_in

        return languages_in(folder.root for folder in self.folders)

    def _visible(self, record: T) -> bool:
        """Whether to show ``record``: a draft only when drafts are asked for."""
        if self.drafts or not records.is_draft(record):
            return True
        self.hidden_drafts.append(record)
        return False

    def first_visible(self, relative: str, record_type: type[T]) -> T | None:
        """The record in the first folder whose file ``relative`` is not a hidden draft; a
        broken file on the way is raised."""
        for entry in self._present_in_order(relative):
            record = self._read(entry, record_type)
            if self._visible(record):
                return record
        return None

    # -- conditions ---------------------------------------------------------

    def conditions(self) -> list[records.Condition]:
        """Every condition that loads, by title; broken files go to ``problems``."""
        if self._conditions is None:
            found = self.each_condition()
            self._conditions = sorted(found, key=lambda c: c.title.lower())
        return self._conditions

    def each_condition(self) -> Iterator[records.Condition]:
        """Every condition that loads, by file name, one at a time and none kept: for an
        index of thousands, written as they come. Broken files go to ``problems``."""
        return self._each_visible("conditions", records.Condition)

    def conditions_named(self, names: set[str]) -> list[records.Condition]:
        """The conditions of the files of these names only (``neck-pain.yaml``), found as
        ``conditions`` finds them: for an index that replaces a few."""
        return list(self._each_visible("conditions", records.Condition, names))

    def _each_visible(self, folder_name: str, record_type: type[T],
                      names: set[str] | None = None) -> Iterator[T]:
        """One record per file name in a subfolder (of ``names``, if given): the first
        folder's, or the next folder's when that one is a hidden draft. A broken file is
        a problem, and hides the files of that name below it."""
        by_name: dict[str, list[Entry]] = {}
        if names is not None:  # looked up by name: no listing of a folder of thousands
            for name in sorted(n for n in names if n.endswith(".yaml") and n[:1] != "."):
                by_name[name] = [entry for folder in self.folders
                                 if is_present(entry := folder.root / folder_name / name)]
        for folder in self.folders if names is None else ():
            for entry in self._yaml_files(folder.root / folder_name):
                by_name.setdefault(entry.name, []).append(entry)
        listed = [entries for entries in by_name.values() if entries]
        ahead = self._read_ahead([entries[0] for entries in listed], record_type, counted=True)
        for entries in listed:
            if ahead is None and self.on_read is not None:
                self.on_read()
            for number, entry in enumerate(entries):
                try:
                    if number == 0 and ahead is not None:
                        found = next(ahead)
                        if isinstance(found, KnowledgeError):
                            raise found
                        record = found
                    else:
                        record = self._read(entry, record_type)
                except KnowledgeError as err:
                    self.problems.extend(err.problems)
                    break
                if self._visible(record):
                    yield record
                    break

    def _read_ahead(self, entries: list[Entry], record_type: type[T], counted: bool = False
                    ) -> Iterator[object] | None:
        """The records (or the errors) of ``entries`` in order, read by worker processes
        a little ahead of their use when there is enough to read to be worth it (see
        ``acuinfo.knowledge.parallel``); None otherwise, to be read here one by one.
        ``counted`` files (conditions) are told to ``on_read`` as they are read."""
        if not all(isinstance(entry, Path) for entry in entries):
            return None
        # Condition files are alike and many: counted. Other files are weighed, by size,
        # here: the few small files most commands read need not import the pool's module.
        size = None if counted else _size_of(entries)
        if size is not None and size < LEAST_WEIGHED:
            return None
        from acuinfo.knowledge import parallel

        workers = parallel.workers_for(len(entries), size)
        if workers < 2:
            return None
        tick = self.on_read if counted else None

        def done(count: int) -> None:
            for _ in range(count if tick is not None else 0):
                tick()

        roots = [folder.root for folder in self.folders]
        results = parallel.read_ahead(
            entries, (record_type, self.language, roots, self.keep_parses), workers, done)
        if self.language == ENGLISH:
            return results
        return self._noted_in_language(results)

    def _noted_in_language(self, results: Iterator[object]) -> Iterator[object]:
        for result in results:
            if not isinstance(result, KnowledgeError):
                self.read_in_language.append(result)
            yield result

    def _files(self, folder_name: str) -> list[Entry]:
        """The YAML files in one subfolder, the first folder to hold a name winning."""
        chosen: dict[str, Entry] = {}
        for folder in self.folders:
            for entry in self._yaml_files(folder.root / folder_name):
                chosen.setdefault(entry.name, entry)
        return list(chosen.values())

    def _yaml_files(self, directory: Entry) -> list[Entry]:
        try:
            if probe(directory) != "folder":
                return []
        except OSError as err:
            self.problems.append(unreadable(directory, err))
            return []
        entries, problems = list_folder(directory)
        self.problems.extend(problems)
        return [e for e in entries if e.name.endswith(".yaml")]

    def _collect(self, entries: list[Entry], record_type: type[T]) -> list[T]:
        """The records of ``entries`` that load, in order; broken files go to ``problems``.
        A clinic's tips may fill hundreds of long files: enough of them are read by
        worker processes, as conditions are."""
        ahead = self._read_ahead(entries, record_type)
        loaded = []
        try:
            for entry in entries:
                try:
                    found = next(ahead) if ahead is not None else self._read(entry, record_type)
                    if isinstance(found, KnowledgeError):
                        raise found
                    loaded.append(found)
                except KnowledgeError as err:
                    self.problems.extend(err.problems)
        finally:
            if ahead is not None:
                ahead.close()  # and with it the workers, even on Ctrl-C
        return loaded

    # -- files that every folder may add to ------------------------------------

    def _entry(self, folder: Folder, relative: str) -> Entry:
        entry = folder.root
        for part in relative.split("/"):
            entry = entry / part
        return entry

    def _layers(self, relative: str, record_type: type[T]) -> list[T]:
        """That file from every folder, lowest precedence first.

        A broken layer goes to ``problems`` and the others are still used; if
        none is usable, the problems are raised.
        """
        if relative in self._cache:
            return self._cache[relative]
        before = len(self.problems)
        layers = [marked_draft(layer) for layer in
                  self._collect(self._layer_files(relative), record_type)
                  if self._visible(layer)]
        if not layers:
            problems = self.problems[before:] or [Problem(
                relative, "no knowledge folder holds this file",
                hint="reinstall acuinfo or restore the file")]
            del self.problems[before:]
            raise KnowledgeError(problems)
        self._cache[relative] = layers
        return layers

    def _layer_files(self, relative: str) -> list[Entry]:
        """``name.yaml`` and then, for tips, sources and glossary terms, every
        ``name/*.yaml`` of each folder, lowest precedence first."""
        stem = relative.removesuffix(".yaml")
        found = []
        for folder in reversed(self.folders):
            entry = self._entry(folder, relative)
            if is_present(entry):
                found.append(entry)
            if stem in ADDITION_FOLDERS:
                found.extend(self._yaml_files(folder.root / stem))
        return found

    def clinic(self) -> records.Clinic | None:
        """The clinic's profile from the first folder that has one; None when there is none."""
        try:
            clinic = self.first_visible("clinic.yaml", records.Clinic)
            if clinic is not None and records.is_draft(clinic):
                clinic = clinic._replace(name=f"DRAFT: {clinic.name}")
            return clinic
        except KnowledgeError as err:  # a broken profile must not hide the page it sits on
            self.problems.extend(err.problems)
            return None

    def tips(self) -> records.TipBook:
        """The self-care tips and their categories from every folder, merged by id."""
        layers = self._layers("tips.yaml", records.TipBook)
        return records.TipBook(
            reviewed=latest_review(layers),
            categories=merged_by_id(layer.categories for layer in layers),
            tips=merged_by_id(layer.tips for layer in layers),
            origin=layers[-1].origin,
        )

    def session(self) -> records.Session:
        """The session journey. A clinic's file adds to it or overrides it: stages and
        their steps merge by id (a step's id defaults to its title), other fields come
        from the highest folder that gives them."""
        layers = self._layers("session.yaml", records.Session)
        merged = layers[0]
        for layer in layers[1:]:
            merged = overlay_session(merged, layer)
        missing = [name for name in ("title", "summary", "what_to_expect")
                   if getattr(merged, name) is None] + ([] if merged.stages else ["stages"])
        if missing:
            raise KnowledgeError([Problem(
                "session.yaml", "no knowledge folder gives the session journey "
                + ", ".join(repr(m) for m in missing),
                hint="restore the built-in session.yaml or add the fields")])
        return merged

    def source_list(self) -> records.SourceList:
        """Every source from every folder, merged by id."""
        layers = self._layers("sources.yaml", records.SourceList)
        return records.SourceList(reviewed=latest_review(layers),
                                  sources=merged_by_id(layer.sources for layer in layers),
                                  origin=layers[-1].origin)

    def sources(self) -> dict[str, records.Source]:
        """Every source by id."""
        return {source.id: source for source in self.source_list().sources}

    def glossary(self) -> records.Glossary:
        """The glossary from every folder, merged by term id."""
        layers = self._layers("glossary.yaml", records.Glossary)
        return records.Glossary(reviewed=latest_review(layers),
                                terms=merged_by_id(layer.terms for layer in layers),
                                origin=layers[-1].origin)

    def name_book(self) -> records.NameBook:
        """Names that must not be taken for one condition, from every folder, merged by
        name (as names are compared); none if no folder's ``names.yaml`` can be used,
        whose problems then go to ``problems``."""
        try:
            layers = self._layers("names.yaml", records.NameBook)
        except KnowledgeError as err:
            self.problems.extend(err.problems)
            self._cache["names.yaml"] = []
            layers = []
        if not layers:
            import datetime

            return records.NameBook(reviewed=datetime.date.min)
        return records.NameBook(
            reviewed=max(layer.reviewed for layer in layers),
            ambiguous=merged_by_name(layer.ambiguous for layer in layers),
            not_covered=merged_by_name(layer.not_covered for layer in layers),
            origin=layers[-1].origin)

    # -- whole files: the first folder to hold one wins --------------------------

    def present(self, relative: str) -> list[Entry]:
        """That file in every folder that has one, highest precedence first."""
        return list(self._present_in_order(relative))

    def _first(self, relative: str) -> Entry | None:
        return next(self._present_in_order(relative), None)

    def _present_in_order(self, relative: str) -> Iterator[Entry]:
        for folder in self.folders:
            entry = self._entry(folder, relative)
            if is_present(entry):
                yield entry

    def layers(self, relative: str) -> list:
        """Each folder's records of a shared file (tips.yaml, sources.yaml, glossary.yaml),
        lowest precedence first, before they are merged."""
        return self._layers(relative, SHARED_FILES[relative])

    def page(self, page_id: str) -> records.Page:
        """A general page such as safety or red-flags; ``page_id`` is a known id."""
        page = self.first_visible(f"pages/{page_id}.yaml", records.Page)
        if page is None:
            raise KnowledgeError([Problem(f"pages/{page_id}.yaml",
                                          "no knowledge folder holds this file",
                                          hint="reinstall acuinfo or restore the file")])
        return page

    def pages(self) -> list[records.Page]:
        """Every general page that loads; broken files go to ``problems``."""
        return list(self._each_visible("pages", records.Page))


def _size_of(files: list[Path]) -> int:
    """The bytes in ``files``, as far as they can be looked at."""
    total = 0
    for file in files:
        with contextlib.suppress(OSError):
            total += os.stat(file).st_size
    return total
