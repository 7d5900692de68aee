"""Check parsed YAML against the record types and build the records.

Every problem in a file is collected, not just the first, each with the line
and column of the field at fault, so ``acuinfo validate`` can list them all.
"""

from __future__ import annotations

import datetime
import re
import types
import typing

from acuinfo.base.errors import KnowledgeError, Problem
from acuinfo.knowledge.located import Origin, YamlData
from acuinfo.knowledge.records import fields_of, is_record

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https://[^\s/$.?#][^\s]*$")

_LIST_RULES = frozenset({"min_items", "max_items"})  # rules of a list, not of its items
_NAMES = {str: "text", int: "a whole number", datetime.date: "a date (YYYY-MM-DD)",
          list: "a list", dict: "a mapping of fields"}


def build(record_type: type, data: YamlData) -> object:
    """Return a record of ``record_type`` from ``data``, or raise KnowledgeError."""
    record, problems = convert(record_type, data)
    if problems:
        raise KnowledgeError(problems)
    return record


def convert(record_type: type, data: YamlData) -> tuple[object | None, list[Problem]]:
    """The record as far as it could be built, and every problem found on the way.

    ``acuinfo validate`` uses the partial record to check references even in a
    file that has other problems, so that one run reports everything.
    """
    if data.value is None:
        return None, [Problem(data.file, "file is empty or holds only comments",
                              hint="see data/README.md for what it must hold")]
    problems: list[Problem] = []
    record = _convert(record_type, data.value, (), data, problems)
    return record, problems


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing"
    for kind, name in _NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _where(path: tuple) -> str:
    """A field's name as a person reads it, e.g. evidence.sources[2]; worked out only
    when there is a problem to report."""
    name = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path)
    return name.replace(".[", "[") or "the file"


_SHAPES: dict[object, tuple[str, object]] = {}
_TEXT = ("scalar", str)


def _shape(kind: object) -> tuple[str, object]:
    """What ``kind`` is ("record", "list" of what, or "scalar"), an optional kind taken
    as the kind it holds: worked out once a kind, as a folder of thousands asks often."""
    shape = _SHAPES.get(kind)
    if shape is None:
        held, origin = kind, typing.get_origin(kind)
        if origin is types.UnionType or origin is typing.Union:
            held = next(k for k in typing.get_args(kind) if k is not type(None))
            origin = typing.get_origin(held)
        if is_record(held):
            shape = ("record", held)
        elif origin is list:
            shape = ("list", typing.get_args(held)[0])
        else:
            shape = ("scalar", held)
        _SHAPES[kind] = shape
    return shape


def _convert(kind: object, value: object, path: tuple, data: YamlData,
             problems: list[Problem], meta: typing.Mapping = types.MappingProxyType({})) -> object:
    shape, kind = _shape(kind)
    if shape == "record":
        return _record(kind, value, path, data, problems)
    if shape == "list":
        item_kind = kind
        if not isinstance(value, list):
            problems.append(data.problem(
                path, f"{_where(path)} must be a list, not {_describe(value)}",
                "start each item on its own line with '- '"))
            return []
        minimum = meta.get("min_items", 1)
        maximum = meta.get("max_items")
        if len(value) < minimum:
            problems.append(data.problem(
                path, f"{_where(path)} needs at least {minimum} item{'s' if minimum > 1 else ''}",
                "add items or remove the field if it is optional"))
        elif maximum is not None and len(value) > maximum:
            problems.append(data.problem(
                path, f"{_where(path)} may hold at most {maximum} items, not {len(value)}",
                "keep the ones a reader most needs and move the rest elsewhere"))
        if _shape(item_kind) == _TEXT and meta.keys() <= _LIST_RULES:
            # A list of text with no rule for its items, as most lists are: each item
            # is what _scalar would make of it, unless one is not text or is blank.
            stripped = [item.strip() for item in value if type(item) is str]
            if len(stripped) == len(value) and all(stripped):
                return stripped
        return [_convert(item_kind, item, (*path, i), data, problems, meta)
                for i, item in enumerate(value)]
    return _scalar(kind, value, path, data, problems, meta)


def _scalar(kind: object, value: object, path: tuple, data: YamlData, problems: list[Problem],
            meta: typing.Mapping) -> object:
    if kind is str and type(value) is str and meta.keys() <= _LIST_RULES:
        stripped = value.strip()  # text with no rule of its own: nearly every value
        if stripped:
            return stripped
    if meta.get("digits") and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if kind is datetime.date:
        if type(value) is not datetime.date:
            problems.append(data.problem(path, f"{_where(path)} must be a date like 2026-01-31, "
                                               f"not {_describe(value)}"))
        return value
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(data.problem(path, f"{_where(path)} must be a whole number, "
                                               f"not {_describe(value)}",
                                         "write it in plain digits, e.g. 2018"))
        elif not meta.get("minimum", value) <= value <= meta.get("maximum", value):
            low, high = meta.get("minimum", "any"), meta.get("maximum", "any")
            problems.append(data.problem(path, f"{_where(path)} is {value}, outside "
                                               f"{low} to {high}", "check the number"))
        return value
    if not isinstance(value, str):
        problems.append(data.problem(path, f"{_where(path)} must be text, not {_describe(value)}",
                                     "put the value in quotes if it is meant as text"))
        return value
    value = value.strip()
    if not value:
        problems.append(data.problem(path, f"{_where(path)} must not be empty",
                                     "write the text or remove the field if it is optional"))
    elif (meta.get("slug") or meta.get("ref")) and not SLUG.match(value):
        problems.append(data.problem(path, f"{_where(path)} {value!r} is not a valid id",
                                     "use lowercase letters, digits and single hyphens"))
    elif meta.get("url") and not URL.match(value):
        problems.append(data.problem(path, f"{_where(path)} {value!r} is not a web address",
                                     "it must start with https://"))
    elif meta.get("digits") and not value.isdigit():
        problems.append(data.problem(path, f"{_where(path)} {value!r} must be digits only"))
    elif "choices" in meta and value not in meta["choices"]:
        allowed = ", ".join(meta["choices"])
        problems.append(data.problem(
            path, f"{_where(path)} is {value!r}, which is not one of: {allowed}"))
    return value


def _record(kind: type, value: object, path: tuple, data: YamlData,
            problems: list[Problem]) -> object:
    if not isinstance(value, dict):
        problems.append(data.problem(path, f"{_where(path)} must be a mapping of fields, "
                                           f"not {_describe(value)}",
                                     "write one 'field: value' per line"))
        return None
    fields = fields_of(kind)
    known = {f.name for f in fields}
    for key in value:
        if key not in known:
            problems.append(data.problem((*path, key), f"unknown field {key!r} in {_where(path)}",
                                         _suggest_field(str(key), known)))
    values = {}
    draft = value.get("status") == "draft"
    for f in fields:
        if draft and f.rule.get("empty_in_draft") and value.get(f.name) is None:
            values[f.name] = None  # not reviewed yet: a draft is never shown to patients
        elif f.name in value:
            meta = f.rule if f.required else {"min_items": 0, **f.rule}
            values[f.name] = _convert(f.type, value[f.name], (*path, f.name), data, problems, meta)
        elif f.required:
            problems.append(data.problem(path, f"{_where(path)} is missing the required field "
                                               f"{f.name!r}", "see data/README.md"))
    if "origin" in kind._fields:
        values["origin"] = Origin(data, path)
    try:
        record = kind(**values)
    except TypeError:  # a required field was missing; the problem is already recorded
        return None
    check = getattr(record, "problems", None)
    if check is not None:
        problems.extend(data.problem(path, f"{_where(path)}: {message}") for message in check())
    problems.extend(_review_problems(record, path, data))
    return record


def _review_problems(record: object, path: tuple, data: YamlData) -> list[Problem]:
    """A review falls due after the review it follows, never on or before it."""
    reviewed = getattr(record, "reviewed", None)
    due = getattr(record, "review_due", None)
    if type(reviewed) is datetime.date and type(due) is datetime.date and due <= reviewed:
        return [data.problem((*path, "review_due"),
                             f"review_due {due.isoformat()} is not after reviewed "
                             f"{reviewed.isoformat()}",
                             "give the date the next review is due, or leave the field "
                             "out for one year after 'reviewed'")]
    return []


def _suggest_field(name: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return "remove it, or check data/README.md for the fields allowed here"
