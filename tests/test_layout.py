"""The layout shows the flow: each folder is a stage, and a stage imports only the stages
before it (nothing imports upward), no two modules import each other, even inside a
function, and every module stays small enough to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "acuinfo"
# The stages of the one-way flow, in order: files -> records -> finding -> documents ->
# output -> the command line, and the entry point above them all. The progress journal
# reads its own file into records, beside the knowledge files.
STAGES = {"base": 0, "knowledge": 1, "journal": 1, "finding": 2, "views": 3, "render": 4, "cli": 5}
TOP = {"acuinfo": 0, "acuinfo.launch": 6, "acuinfo.__main__": 6}
MAX_LINES = 450  # about 400: a module should be read in one sitting


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int:
    if module in TOP:
        return TOP[module]
    return STAGES[module.split(".")[1]]


def imports_of(path: Path) -> set[str]:
    """Every acuinfo module ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("acuinfo"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "acuinfo"):
            for alias in node.names:  # "from acuinfo.views import condition" is a module
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if module_path(candidate) else node.module)
    return found


def module_path(module: str) -> Path | None:
    base = REPO.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_nothing_imports_upward(module):
    mine = stage_of(module)
    for imported in imports_of(MODULES[module]):
        assert stage_of(imported) <= mine, f"{module} (stage {mine}) imports {imported}"


def test_no_two_modules_import_each_other():
    graph = {module: {i for i in imports_of(path) if i in MODULES and i != module}
             for module, path in MODULES.items()}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for imported in graph[module]:
            if imported in path:
                cycles.append([*path[path.index(imported):], imported])
            elif imported not in done:
                visit(imported, [*path, imported])
        done.add(module)

    done: set[str] = set()
    for module in graph:
        if module not in done:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_is_small_enough_to_read(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines"


@pytest.mark.parametrize("folder", sorted(STAGES))
def test_each_folder_says_what_it_holds_and_may_import(folder):
    doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text()))
    assert doc and "import" in doc, f"acuinfo/{folder}/__init__.py says nothing of imports"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("acuinfo.render")))
def test_renderers_know_documents_not_knowledge(module):
    for imported in imports_of(MODULES[module]):
        assert imported.startswith(("acuinfo.base", "acuinfo.render")) or \
            imported == "acuinfo.views.document", f"{module} imports {imported}"
