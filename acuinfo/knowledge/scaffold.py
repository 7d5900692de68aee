"""Write commented templates that a clinic fills in: ``acuinfo new``.

A new file is a draft (``status: draft``, with ``reviewed:`` left empty): no
patient sees it, and it never goes into a handout, until a person has written
their own text, a clinician has checked it and ``status: published`` is set.
``acuinfo validate`` names every piece of a template's example text still in a
file (see ``placeholders``).

A new entry that would replace another one (a built-in condition, tip or
source, or one in another folder) is refused unless asked for with
``override``; it then starts as a copy of the entry it replaces, so nothing is
lost by accident. An existing file is never replaced, and a file is written
whole or not at all (see ``acuinfo.base.safewrite``).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.safetext import clean_text, shown_name
from acuinfo.base.safewrite import write_file
from acuinfo.base.words import as_slug
from acuinfo.knowledge.folders import probe

if TYPE_CHECKING:
    from acuinfo.knowledge.loading import Knowledge

# kind -> (template, where the file goes inside a knowledge folder)
KINDS = {
    "condition": ("condition.yaml", "conditions/{slug}.yaml"),
    "tip": ("tip.yaml", "tips/{slug}.yaml"),
    "source": ("source.yaml", "sources/{slug}.yaml"),
    "clinic": ("clinic.yaml", "clinic.yaml"),
}


# Where a kind's entries live when several share a file: (shared file, list field).
_SHARED = {"tip": ("tips.yaml", "tips"), "source": ("sources.yaml", "sources")}
_REVIEWED = re.compile(r"^reviewed:.*$", re.M)


def write_template(kind: str, name: str, folder: Path, today: datetime.date,
                   knowledge: Knowledge | None = None, override: bool = False) -> Path:
    """Write the ``kind`` template for ``name`` into ``folder`` as a draft; return the new
    file. With ``knowledge``, an entry that would replace one of its entries is refused,
    or, with ``override``, starts as a copy of it."""
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
    replaced = _replaced(kind, slug, target, knowledge) if knowledge is not None else None
    if replaced is not None and not override:
        where, _ = replaced
        label = slug if slug else "clinic profile"
        raise AcuinfoError(
            f"there is already a {kind} {label} ({where}); a new one would replace it on "
            "every page and handout. To do that on purpose, add --override: the new file "
            "then starts as a copy of the one it replaces, as a draft")
    if replaced is not None:
        content = replaced[1]
    else:
        text = Template((files("acuinfo.knowledge") / "templates" / template_name).read_text(
            "utf-8"))
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


def write_translation(language: str, name: str, folder: Path, today: datetime.date,
                      knowledge: Knowledge, override: bool = False) -> Path:
    """Start a translation into ``language`` of the knowledge file ``name`` (a condition or
    page slug, ``tips``, ``session``, or a path such as ``pages/safety``) in ``folder``:
    the English text to translate, under the header that says what it translates. An
    existing translation is never replaced, and one in another folder (a built-in one,
    say) is started from only with ``override``."""
    from acuinfo.base.languages import ENGLISH, language_tag
    from acuinfo.knowledge.translating import TRANSLATIONS, translation_of
    from acuinfo.knowledge.translation_checks import fingerprint

    tag = language_tag(language)
    if tag is None or tag == ENGLISH:
        raise AcuinfoError(f"{clean_text(language)!r} is not a language to translate into; "
                           "give a language tag, e.g. es or zh-Hans")
    relative = _knowledge_file(name, knowledge)
    (english, *_) = knowledge.present(relative)
    target = folder / TRANSLATIONS / tag / relative
    existing = translation_of(english, [f.root for f in knowledge.folders], tag)
    if existing is not None and str(existing) != str(target) and not override:
        raise AcuinfoError(
            f"there is already a translation of {relative} into {tag} "
            f"({shown_name(str(existing))}). To make your own version of it, add "
            "--override: the new file then starts as a copy of it")
    start = existing if existing is not None and override else english
    body = start.read_bytes().decode("utf-8-sig")
    body = re.sub(r"(?m)^translation:\n(?:[ \t]+.*\n)+", "", body)
    body = re.sub(r"(?m)^(?:reviewed|review_due|reviewed_by|status):.*\n", "", body)
    content = (
        "# A translation. Translate every text a patient reads; keep every id, slug,\n"
        "# source, rating, style and number as it is (see 'Translations' in data/README.md).\n"
        "# Run `acuinfo validate` after editing.\n"
        "translation:\n"
        f"  language: {tag}\n"
        f"  source: {relative}\n"
        f"  source_sha256: \"{fingerprint(english.read_bytes())}\"\n"
        f"  translated: {today.isoformat()}\n"
        "  translator_review: pending     # or the name of the medical translator who "
        "reviewed it\n" + body)
    _make_folders(target.parent)
    try:
        write_file(target, content.encode("utf-8"), replace=False, sweep_stale=True)
    except FileExistsError:
        raise AcuinfoError(f"{shown_name(target)} already exists; acuinfo never replaces it. "
                           "Edit it") from None
    except OSError as err:
        raise AcuinfoError(f"cannot write {shown_name(target)}: {err.strerror or err}; "
                           "nothing was written") from None
    return target


def _knowledge_file(name: str, knowledge: Knowledge) -> str:
    """The knowledge file a name given to ``new translation`` stands for."""
    wanted = name.strip().removesuffix(".yaml")
    if "/" in wanted:
        candidates = [f"{wanted}.yaml"]
    else:
        slug = as_slug(wanted) or wanted
        candidates = [f"conditions/{slug}.yaml", f"pages/{slug}.yaml", f"{slug}.yaml"]
    for relative in candidates:
        if ".." not in relative.split("/") and knowledge.present(relative):
            return relative
    raise AcuinfoError(f"no knowledge file is called {clean_text(name)!r}; give a condition "
                       "or page, tips, session, glossary or names, e.g. conditions/neck-pain")


def _replaced(kind: str, slug: str | None, target: Path, knowledge: Knowledge
              ) -> tuple[str, str] | None:
    """The entry a new ``kind`` file would replace, as (where it is, the text of a draft
    copy of it), or None when it would replace nothing."""
    if kind in _SHARED:
        shared, field = _SHARED[kind]
        try:
            layers = knowledge.layers(shared)
        except AcuinfoError:
            return None
        for layer in reversed(layers):  # the one now in use is in the highest layer
            for item in getattr(layer, field):
                if item.id == slug and Path(item.origin.file) != target:
                    return shown_name(item.origin.file), _draft_copy_of_item(field, item)
        return None
    relative = "clinic.yaml" if kind == "clinic" else f"conditions/{slug}.yaml"
    for entry in knowledge.present(relative):
        if str(entry) != str(target):
            return shown_name(str(entry)), _draft_copy_of_file(entry.read_bytes().decode(
                "utf-8-sig"), str(entry))
    return None


def _draft_copy_of_file(text: str, source: str) -> str:
    """A knowledge file's text as a draft of one's own: marked so, and not reviewed yet."""
    body = _REVIEWED.sub("reviewed:                         # the date a clinician checks "
                         "your version", text, count=1)
    body = re.sub(r"^status:.*\n", "", body, flags=re.M)
    return (f"# Your own version of {shown_name(source)}, which it replaces once you set\n"
            "# 'status: published'. Until then acuinfo shows the one it replaces.\n"
            "status: draft\n" + body)


def _draft_copy_of_item(field: str, item: object) -> str:
    """A tip or source as a file of one's own, holding a draft copy of it."""
    import yaml

    entry = _plain(item)
    return ("# Your own version of this entry, which replaces the one now in use once you\n"
            "# set 'status: published'. Until then acuinfo shows the one it replaces.\n"
            "status: draft\n"
            "reviewed:                         # the date a clinician checks your version\n"
            + yaml.safe_dump({field: [entry]}, sort_keys=False, allow_unicode=True, width=88))


def _plain(record: object) -> object:
    """A record as the plain values a knowledge file holds: fields at their defaults left
    out."""
    from acuinfo.knowledge.records import fields_of, is_record

    if is_record(record):
        defaults = type(record)._field_defaults
        return {f.name: _plain(getattr(record, f.name)) for f in fields_of(type(record))
                if getattr(record, f.name) != defaults.get(f.name, object())}
    if isinstance(record, (list, tuple)):
        return [_plain(item) for item in record]
    return record


def placeholders() -> list[re.Pattern]:
    """Every piece of example text in the templates, as a pattern that matches it with
    any name filled in: what ``acuinfo validate`` reports if a file still holds it."""
    from importlib.resources import files

    from acuinfo.knowledge.yamlfile import parse

    found = set()
    for template_name, _ in KINDS.values():
        text = (files("acuinfo.knowledge") / "templates" / template_name).read_text("utf-8")
        marked = Template(text).safe_substitute(slug="slugmark", title='"NAMEMARK"',
                                                name="NAMEMARK", today="2000-01-01")
        for value in _strings(parse(marked, template_name).value):
            if value != "NAMEMARK" and (" " in value or "example." in value):
                found.add(re.escape(value.strip()).replace("NAMEMARK", ".+"))
    return [re.compile(pattern, re.S) for pattern in sorted(found)]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


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
