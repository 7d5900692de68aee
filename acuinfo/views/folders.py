"""Where acuinfo looks (every knowledge folder and the cache), and which file an
entry comes from."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from acuinfo.base.errors import KnowledgeError, NotFoundError
from acuinfo.base.safetext import clean_text, shown_name
from acuinfo.knowledge.folders import Folder
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.document import (
    Document,
    Paragraph,
    Section,
    Step,
    Steps,
)

T = TypeVar("T")


def paths_view(candidates: list[Folder], cache: str) -> Document:
    """Every folder acuinfo reads, in precedence order, and what each one provides; then
    the cache folder, and how much it holds."""
    from acuinfo.finding import cache_files

    steps = []
    for folder in candidates:
        state = folder.state()
        what = (_folder_contents(folder) if state == "folder" else
                "does not exist" if state == "missing" else state)
        steps.append(Step(shown_name(folder.root), f"{folder.kind}: {what}"))
    return Document(kind="paths", title="Where acuinfo looks", sections=[
        Section("Knowledge folders, first one wins", [Steps(steps)], "folders"),
        Section("Cache folder", [Paragraph(shown_name(cache)), Paragraph(
            cache_files.describe(cache_files.usage(Path(cache))))], "cache"),
    ], summary="An entry in a higher folder replaces one with the same name below it.")


def _folder_contents(folder: Folder) -> str:
    """How many entries of each kind a folder provides, as a phrase."""
    only = Knowledge([folder])
    counts = []
    for label, count in (("condition", lambda: len(only._files("conditions"))),
                         ("page", lambda: len(only._files("pages"))),
                         ("tip", lambda: len(only.tips().tips)),
                         ("source", lambda: len(only.source_list().sources)),
                         ("glossary term", lambda: len(only.glossary().terms))):
        try:
            number = count()
        except KnowledgeError:
            number = 0
        if number:
            counts.append(f"{number} {label}{'s' * (number != 1)}")
    if only.clinic() is not None:
        counts.append("a clinic profile")
    problems = len(only.problems)
    if problems:
        counts.append(f"{problems} file{'s' * (problems != 1)} with problems")
    return ", ".join(counts) or "nothing yet"


def which_view(knowledge: Knowledge, name: str) -> Document:
    """Which file an entry comes from, and the files it overrides."""
    found: list[Step] = []
    shown = clean_text(name)  # echoed from the command line: cleaned like any data
    for kind, entry, files in _files_named(knowledge, name):
        used, *hidden = (shown_name(file) for file in files)
        text = f"From: {used}"
        if hidden:
            text += "\nOverrides: " + "\nOverrides: ".join(hidden)
        found.append(Step(f"{kind} {entry}" + ("" if entry == shown else f" ({shown})"), text))
    if not found:
        raise NotFoundError("entry", name, [], "acuinfo conditions")
    name = shown
    return Document(kind="which", name=name, title=f"Where {name} comes from",
                    sections=[Section("", [Steps(found)], "files")])


def _files_named(knowledge: Knowledge, name: str) -> list[tuple[str, str, list[str]]]:
    """(kind, the entry's own name, files highest first) for every entry called ``name``."""
    from acuinfo.base.words import as_slug

    slug = as_slug(name)
    conditions = [slug] if slug else []
    if slug is None or knowledge.present(f"conditions/{slug}.yaml") == []:
        from acuinfo.finding import index, ranking  # a title or an alias: the index knows it

        # A name two conditions go by names both.
        conditions = [named for named, _ in index.using(knowledge, lambda connection: (
            ranking.claims(connection, "condition", name)))] or conditions
    results = []
    for kind, entry, relative in (*(("condition", c, f"conditions/{c}.yaml") for c in conditions),
                                  ("page", slug, slug and f"pages/{slug}.yaml")):
        files = [str(found) for found in knowledge.present(relative)] if relative else []
        if files:
            results.append((kind, entry, files))
    for kind, relative, items in (("tip", "tips.yaml", "tips"),
                                  ("source", "sources.yaml", "sources"),
                                  ("glossary term", "glossary.yaml", "terms")):
        try:
            layers = knowledge.layers(relative)
        except KnowledgeError:
            continue
        files = [item.origin.file for layer in reversed(layers)
                 for item in getattr(layer, items) if item.id == slug]
        if files:
            results.append((kind, slug, files))
    return results
