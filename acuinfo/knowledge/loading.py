"""Find knowledge files and load them into records.

Showing one condition reads one file: the condition's slug names its file.
Lists read every file of their kind, and a broken file there is set aside as
a problem so that the entries that are fine can still be shown.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from acuinfo.base.errors import (
    AmbiguousNameError,
    KnowledgeError,
    NotCoveredError,
    NotFoundError,
    Problem,
)
from acuinfo.base.namedrecord import Record
from acuinfo.base.places import user_folder
from acuinfo.base.safetext import shown_name
from acuinfo.base.words import as_slug, phrase_key
from acuinfo.knowledge import records

if TYPE_CHECKING:
    from acuinfo.knowledge.located import YamlData

T = TypeVar("T")

# What a knowledge folder may hold. Every other module (validate, the index, the
# templates) takes the layout from here.
ENTRY_FOLDERS = {"conditions": records.Condition, "pages": records.Page}  # a file per entry
SHARED_FILES = {  # entries merge across folders by id (the clinic profile: first one wins)
    "tips.yaml": records.TipBook,
    "sources.yaml": records.SourceList,
    "glossary.yaml": records.Glossary,
    "session.yaml": records.Session,
    "clinic.yaml": records.Clinic,
    "names.yaml": records.NameBook,
}
ADDITION_FOLDERS = {  # more of a shared file, one or more entries per file
    "tips": records.TipBook,
    "sources": records.SourceList,
    "glossary": records.Glossary,
}

class Entry(Protocol):
    """What a folder's files look like: a pathlib.Path or an importlib Traversable."""

    name: str

    def __truediv__(self, child: str) -> Entry: ...
    def is_file(self) -> bool: ...
    def is_dir(self) -> bool: ...
    def iterdir(self) -> Iterator[Entry]: ...
    def read_bytes(self) -> bytes: ...


class Folder(Record):
    """One knowledge folder, how to name it to a person, and why it is read."""

    root: Entry
    label: str
    kind: str = "built-in"  # built-in, user, ACUINFO_DATA_PATH, --data-dir or argument

    def state(self) -> str:
        """"folder" or "missing" (the built-in folder is always there), or why it cannot
        be used: "cannot be read: ..." or "is not a folder"."""
        if self.kind == "built-in":
            return "folder"
        try:
            found = probe(self.root)
        except OSError as err:
            return f"cannot be read: {err.strerror or err}"
        return found if found in ("folder", "missing") else "is not a folder"

    def exists(self) -> bool:
        """Whether it is a folder now."""
        return self.state() == "folder"


def probe(entry: Entry) -> str:
    """What stands at ``entry``: "file", "folder", "missing" or "other" (a pipe, a device,
    a link to nothing). OSError when that cannot be told, as when a folder on the way
    cannot be entered: a problem to report, never a crash."""
    if not isinstance(entry, Path):  # inside an installed package: files and folders only
        return "file" if entry.is_file() else "folder" if entry.is_dir() else "missing"
    try:
        mode = os.stat(entry).st_mode
    except (FileNotFoundError, NotADirectoryError):
        try:
            os.lstat(entry)
        except (FileNotFoundError, NotADirectoryError):
            return "missing"
        return "other"  # a link to nothing
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"


def builtin_folder() -> Folder:
    """The knowledge shipped inside the package. An ordinary install has it as a folder
    beside this module; any other (a zip, say) is reached through importlib.resources,
    which costs a few milliseconds more to import."""
    here = Path(__file__).resolve().parent.parent / "data"
    if here.is_dir():
        return Folder(here, "built-in")
    from importlib.resources import files

    return Folder(files("acuinfo") / "data", "built-in")


def candidate_folders(data_dirs: Iterable[str | os.PathLike]) -> list[Folder]:
    """Every folder acuinfo looks in, highest precedence first, whether it exists or not:
    --data-dir folders as given, ACUINFO_DATA_PATH entries in order, the user folder,
    then the built-in folder."""
    folders = [Folder(Path(d), str(d), "--data-dir") for d in data_dirs]
    folders += [Folder(Path(p), p, "ACUINFO_DATA_PATH")
                for p in os.environ.get("ACUINFO_DATA_PATH", "").split(os.pathsep) if p]
    user = user_folder()
    folders.append(Folder(user, str(user), "user"))
    return [*folders, builtin_folder()]


def folders_in_use(data_dirs: Iterable[str | os.PathLike]) -> list[Folder]:
    """The candidate folders that exist, highest precedence first."""
    return knowledge_in_use(data_dirs).folders


def knowledge_in_use(data_dirs: Iterable[str | os.PathLike], drafts: bool = False) -> Knowledge:
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
    knowledge = Knowledge(folders, drafts=drafts)
    knowledge.problems.extend(problems)
    return knowledge


def list_folder(directory: Entry) -> tuple[list[Entry], list[Problem]]:
    """Everything in a folder by name, hidden files left out; a folder that cannot be
    listed is a problem, not a crash."""
    try:
        entries = sorted(directory.iterdir(), key=lambda e: e.name)
    except OSError as err:
        return [], [Problem(str(directory), f"cannot be listed: {err.strerror or err}",
                            hint="let your user read it, e.g. chmod a+rx")]
    return [e for e in entries if not e.name.startswith(".")], []


def parse_file(entry: Entry) -> YamlData:
    """Read and parse one file as untrusted YAML, or raise KnowledgeError.

    A file on disk whose parse is cached (see ``acuinfo.knowledge.parsecache``) is not parsed
    again; its positions are worked out only if a problem needs them."""
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

            return YamlData(file, value, None, reparse=lambda: _parse_now(entry))
    data = _parse_now(entry)
    data.reparse = lambda: _parse_now(entry)
    if stat is not None:
        parsecache.store(file, stat, data.value)
    return data


def _parse_now(entry: Entry) -> YamlData:
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
    return yamlfile.parse(yamlfile.decode(raw, file), file)


def read(entry: Entry, record_type: type[T]) -> T:
    """Read, parse and check one file into a record, or raise KnowledgeError."""
    from acuinfo.knowledge import schema

    data = parse_file(entry)
    record = schema.build(record_type, data)
    data.forget()  # lists hold thousands of records: keep each file's parse no longer
    return record


class Knowledge:
    """Every knowledge folder, highest precedence first, and what they hold."""

    def __init__(self, folders: Iterable[Folder], drafts: bool = False) -> None:
        self.folders = list(folders)
        self.drafts = drafts  # show entries marked "status: draft" too
        self.problems: list[Problem] = []
        self.hidden_drafts: list[object] = []  # drafts met and left out, for the lists
        self._conditions: list[records.Condition] | None = None
        self._cache: dict[str, list] = {}

    def _visible(self, record: T) -> bool:
        """Whether to show ``record``: a draft only when drafts are asked for."""
        if self.drafts or not records.is_draft(record):
            return True
        self.hidden_drafts.append(record)
        return False

    def _first_visible(self, relative: str, record_type: type[T]) -> T | None:
        """The record in the first folder whose file ``relative`` is not a hidden draft; a
        broken file on the way is raised."""
        for entry in self._present_in_order(relative):
            record = read(entry, record_type)
            if self._visible(record):
                return record
        return None

    # -- conditions ---------------------------------------------------------

    def condition(self, name: str) -> records.Condition:
        """The condition a slug, title or alias names. A slug reads one file; any other
        name is looked up in the cached index rather than by reading every file.

        A name that more than one condition goes by (two conditions give it, or
        ``names.yaml`` lists it as ambiguous) raises AmbiguousNameError with the choices;
        the name of an illness that ``names.yaml`` says acuinfo does not cover, or one
        spelled much like it, raises NotCoveredError rather than suggest another illness."""
        slug = as_slug(name)
        found = slug is not None and self._first_visible(f"conditions/{slug}.yaml",
                                                         records.Condition)
        if found:
            return found
        from acuinfo.finding import index, ranking

        book = self.name_book()
        key = phrase_key(name)
        declared = next((a for a in book.ambiguous if key in name_keys(a)), None)

        def look_up(connection: object) -> tuple[list[tuple[str, str]], list[str]]:
            claims = ranking.claims(connection, "condition", name)
            if declared is None and len(claims) <= 1:
                return claims, [] if claims else ranking.suggest(connection, "condition", name)
            wanted = list(dict.fromkeys([*(declared.conditions if declared else ()),
                                         *(slug for slug, _ in claims)]))
            known = ranking.described(connection, "condition", wanted)
            return [(slug, known[slug][0]) for slug in wanted if slug in known], []

        choices, suggestions = index.using(self, look_up)
        if declared is not None and choices:
            raise AmbiguousNameError("condition", name, choices, declared.note,
                                     "acuinfo conditions")
        if len(choices) > 1:
            raise AmbiguousNameError("condition", name, choices, None, "acuinfo conditions")
        found = choices and self._first_visible(f"conditions/{choices[0][0]}.yaml",
                                                records.Condition)
        if found:
            return found
        illness = not_covered(book, name)
        if illness is not None:
            raise NotCoveredError("condition", name, illness.name, illness.note,
                                  "acuinfo conditions")
        note = None
        if self.hidden_drafts:
            file = self.hidden_drafts[-1].origin.file
            note = (f"{shown_name(file)} is a draft: see it with --drafts. A draft is never "
                    "put in a handout; set 'status: published' once it has been checked")
        raise NotFoundError("condition", name, suggestions, "acuinfo conditions", note)

    def conditions(self) -> list[records.Condition]:
        """Every condition that loads, by title; broken files go to ``problems``."""
        if self._conditions is None:
            found = self._collect_visible("conditions", records.Condition)
            self._conditions = sorted(found, key=lambda c: c.title.lower())
        return self._conditions

    def _collect_visible(self, folder_name: str, record_type: type[T]) -> list[T]:
        """One record per file name in a subfolder: the first folder's, or the next
        folder's when that one is a hidden draft. A broken file is a problem, and hides
        the files of that name below it."""
        by_name: dict[str, list[Entry]] = {}
        for folder in self.folders:
            for entry in self._yaml_files(folder.root / folder_name):
                by_name.setdefault(entry.name, []).append(entry)
        loaded = []
        for entries in by_name.values():
            for entry in entries:
                try:
                    record = read(entry, record_type)
                except KnowledgeError as err:
                    self.problems.extend(err.problems)
                    break
                if self._visible(record):
                    loaded.append(record)
                    break
        return loaded

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
            self.problems.append(_unreadable(directory, err))
            return []
        entries, problems = list_folder(directory)
        self.problems.extend(problems)
        return [e for e in entries if e.name.endswith(".yaml")]

    def _collect(self, entries: Iterable[Entry], record_type: type[T]) -> list[T]:
        loaded = []
        for entry in entries:
            try:
                loaded.append(read(entry, record_type))
            except KnowledgeError as err:
                self.problems.extend(err.problems)
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
        layers = [_marked(layer) for layer in
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
            if _present(entry):
                found.append(entry)
            if stem in ADDITION_FOLDERS:
                found.extend(self._yaml_files(folder.root / stem))
        return found

    def clinic(self) -> records.Clinic | None:
        """The clinic's profile from the first folder that has one; None when there is none."""
        try:
            clinic = self._first_visible("clinic.yaml", records.Clinic)
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
            reviewed=_latest(layers),
            categories=_by_id(layer.categories for layer in layers),
            tips=_by_id(layer.tips for layer in layers),
            origin=layers[-1].origin,
        )

    def session(self) -> records.Session:
        """The session journey. A clinic's file adds to it or overrides it: stages and
        their steps merge by id (a step's id defaults to its title), other fields come
        from the highest folder that gives them."""
        layers = self._layers("session.yaml", records.Session)
        merged = layers[0]
        for layer in layers[1:]:
            merged = _overlay_session(merged, layer)
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
        return records.SourceList(reviewed=_latest(layers),
                                  sources=_by_id(layer.sources for layer in layers),
                                  origin=layers[-1].origin)

    def sources(self) -> dict[str, records.Source]:
        """Every source by id."""
        return {source.id: source for source in self.source_list().sources}

    def glossary(self) -> records.Glossary:
        """The glossary from every folder, merged by term id."""
        layers = self._layers("glossary.yaml", records.Glossary)
        return records.Glossary(reviewed=_latest(layers),
                                terms=_by_id(layer.terms for layer in layers),
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
            ambiguous=_by_name(layer.ambiguous for layer in layers),
            not_covered=_by_name(layer.not_covered for layer in layers),
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
            if _present(entry):
                yield entry

    def layers(self, relative: str) -> list:
        """Each folder's records of a shared file (tips.yaml, sources.yaml, glossary.yaml),
        lowest precedence first, before they are merged."""
        return self._layers(relative, SHARED_FILES[relative])

    def page(self, page_id: str) -> records.Page:
        """A general page such as safety or red-flags; ``page_id`` is a known id."""
        page = self._first_visible(f"pages/{page_id}.yaml", records.Page)
        if page is None:
            raise KnowledgeError([Problem(f"pages/{page_id}.yaml",
                                          "no knowledge folder holds this file",
                                          hint="reinstall acuinfo or restore the file")])
        return page

    def pages(self) -> list[records.Page]:
        """Every general page that loads; broken files go to ``problems``."""
        return self._collect_visible("pages", records.Page)


# The field of each shared file's entries that names them to a reader, for marking drafts.
_NAMED_BY = {records.TipBook: ("tips", "title"), records.SourceList: ("sources", "title"),
             records.Glossary: ("terms", "term")}


def _marked(layer: T) -> T:
    """A layer of a shared file with each entry of a draft named "DRAFT: ..." (drafts are
    only read when asked for), so that nobody takes one for checked content."""
    if not records.is_draft(layer) or type(layer) not in _NAMED_BY:
        return layer
    field, label = _NAMED_BY[type(layer)]
    return layer._replace(**{field: [
        item._replace(**{label: f"DRAFT: {getattr(item, label)}"})
        for item in getattr(layer, field)]})


def _latest(layers: list) -> object:
    """The latest review date of some layers (a draft's may be empty)."""
    return max((layer.reviewed for layer in layers if layer.reviewed), default=None)


def _present(entry: Entry) -> bool:
    """Something stands at this name, even a folder, a broken link or a name that
    cannot be looked at, which then gets reported rather than silently skipped."""
    try:
        return probe(entry) != "missing"
    except OSError:
        return True


def _unreadable(entry: Entry, err: OSError) -> Problem:
    return Problem(str(entry), f"cannot be read: {err.strerror or err}",
                   hint="let your user read it, e.g. chmod a+rx")


def _overlay_session(base: records.Session, top: records.Session) -> records.Session:
    stages = {stage.id: stage for stage in base.stages}
    for stage in top.stages:
        below = stages.get(stage.id)
        stages[stage.id] = stage if below is None else below._replace(
            title=stage.title or below.title,
            steps=_by_key(below.steps, stage.steps),
            keywords=[*below.keywords, *stage.keywords])
    visit = base.what_to_expect
    if top.what_to_expect is not None:
        above = top.what_to_expect
        visit = above if visit is None else visit._replace(
            title=above.title or visit.title,
            total_time=above.total_time or visit.total_time,
            steps=_by_key(visit.steps, above.steps), keywords=[*visit.keywords, *above.keywords])
    return base._replace(
        reviewed=max(base.reviewed, top.reviewed), title=top.title or base.title,
        summary=top.summary or base.summary, stages=list(stages.values()),
        what_to_expect=visit, sources=[*base.sources, *top.sources], origin=top.origin)


def _by_key(below: list[records.SessionStep],
            above: list[records.SessionStep]) -> list[records.SessionStep]:
    """Steps merged by id: a higher step replaces a lower one with the same id in place."""
    merged = {step.key: step for step in below}
    for step in above:
        merged[step.key] = step
    return list(merged.values())


def _by_id(layers: Iterable[list[T]]) -> list[T]:
    """Items of every layer by ``id``: a later layer's item replaces an earlier one in place,
    a new id is added at the end."""
    merged: dict[str, T] = {}
    for items in layers:
        for item in items:
            merged[item.id] = item
    return list(merged.values())




def _by_name(layers: Iterable[list[T]]) -> list[T]:
    """Items of every layer by ``name`` as names are compared: a later layer's item
    replaces an earlier one in place, a new name is added at the end."""
    merged: dict[str, T] = {}
    for items in layers:
        for item in items:
            merged[phrase_key(item.name)] = item
    return list(merged.values())


def name_keys(item: records.AmbiguousName | records.NotCovered) -> set[str]:
    """Every name an entry of ``names.yaml`` answers to, as names are compared."""
    return {phrase_key(name) for name in (item.name, *item.aliases)} - {""}


def not_covered(book: records.NameBook, name: str) -> records.NotCovered | None:
    """The illness acuinfo has no page on that ``name`` names, or is spelled much like."""
    from acuinfo.finding.ranking import phrases_in

    keys = {key: illness for illness in book.not_covered for key in name_keys(illness)}
    whole = phrase_key(name)
    found = [key for key, start, end in phrases_in(name, keys)
             if start == 0 and end == whole.count("-") + 1]
    return keys[found[0]] if found else None
