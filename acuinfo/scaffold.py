"""Write commented templates that a clinic fills in: ``acuinfo new``.

A template is valid as written, so ``acuinfo validate`` passes on it and the
matching command shows it at once. An existing file is never replaced, and a
file is written whole or not at all (see ``acuinfo.safewrite``).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from string import Template

from acuinfo.errors import AcuinfoError
from acuinfo.knowledge import probe
from acuinfo.safetext import clean_text, shown_name
from acuinfo.safewrite import write_file
from acuinfo.words import as_slug

# kind -> (template, where the file goes inside a knowledge folder)
KINDS = {
    "condition": ("condition.yaml", "conditions/{slug}.yaml"),
    "tip": ("tip.yaml", "tips/{slug}.yaml"),
    "source": ("source.yaml", "sources/{slug}.yaml"),
    "clinic": ("clinic.yaml", "clinic.yaml"),
}


def write_template(kind: str, name: str, folder: Path, today: datetime.date) -> Path:
    """Write the ``kind`` template for ``name`` into ``folder``; return the new file."""
    from importlib.resources import files

    template_name, relative = KINDS[kind]
    slug = as_slug(name)
    if "{slug}" in relative:  # the name becomes a file name, and the title follows it
        if slug is None:
            raise AcuinfoError(f"{name[:60]!r} cannot be made into a name: use letters, "
                               "digits and spaces or hyphens, e.g. jaw-pain")
        title = " ".join(name.replace("-", " ").replace("_", " ").split())
    else:  # a clinic's name is shown as given, e.g. "St. Mary's Clinic"
        title = " ".join(clean_text(name).split())
        if not title:
            raise AcuinfoError('give a name, e.g. "Riverside Clinic"')
    if title == title.lower():
        title = title.capitalize()
    target = folder / relative.format(slug=slug)
    text = Template((files("acuinfo") / "templates" / template_name).read_text("utf-8"))
    content = text.safe_substitute(slug=slug, title=_yaml_text(title), name=title,
                                   today=today.isoformat())
    _make_folders(target.parent)
    try:
        write_file(target, content.encode("utf-8"), replace=False, sweep_stale=True)
    except FileExistsError:
        raise AcuinfoError(f"{shown_name(target)} already exists; acuinfo never replaces it. "
                           "Edit it, or choose another name") from None
    except OSError as err:
        raise AcuinfoError(f"cannot write {shown_name(target)}: {err.strerror or err}; "
                           "nothing was written") from None
    return target


def _make_folders(folder: Path) -> None:
    """Make ``folder`` and the folders above it; a file in the way is named as the problem."""
    for above in (*reversed(folder.parents), folder):
        try:
            found = probe(above)
        except OSError:
            break  # mkdir below says what is wrong
        if found not in ("folder", "missing"):
            raise AcuinfoError(f"{shown_name(above)} is a file, not a folder, so nothing can be "
                               "written inside it. Rename or move it, then try again")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise AcuinfoError(f"cannot make the folder {shown_name(folder)}: "
                           f"{err.strerror or err}") from None


def _yaml_text(text: str) -> str:
    """``text`` as a YAML scalar that stays text whatever it holds."""
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
