"""Read one YAML knowledge file as untrusted text.

PyYAML's own loaders keep the last of two equal keys without a word, expand
aliases without limit and recurse on deep nesting. So we take PyYAML's event
stream (libyaml's C parser when present) and build plain Python values
ourselves: iteratively, with limits on size, depth and alias expansion, with
duplicate keys refused, and, when asked, with the line and column of every key
and list item (a key's stands for its value's) kept so that later checks can
point at the right place.

Numbers are read more strictly than YAML 1.1 reads them. Only a plain decimal
whole number of up to 18 digits becomes a number. Every other form YAML 1.1
would read as one (``0123`` as octal 83, ``0x1F``, ``0b1010``, ``1:30`` as
base 60 for 90, ``1_000``, ``1.5``, ``.inf``, or 4,000 digits) stays the text
as written: an identifier such as a PubMed id is never silently changed, and a
field that needs a number says so, with the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NoReturn

import yaml

from acuinfo.base.errors import KnowledgeError, Problem
from acuinfo.base.safetext import clean_text
from acuinfo.knowledge.located import YamlData

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 200_000

Path = tuple  # a path into the value: mapping keys and list indexes (see acuinfo.knowledge.located)

_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_MAX_DIGITS = 18

_SAFE_COLLECTION_TAGS = {
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}

# The first characters of plain scalars that an implicit type (a number, a date, true
# and false, null, a merge key) may match; any other plain scalar is text. An empty one
# ("") goes to the resolver too, which reads it as null. A type that may start with any
# character (none of PyYAML's does) would turn the shortcut off.
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_MAY_RESOLVE = frozenset(_RESOLVERS) | {""}
_SHORTCUT = None not in _RESOLVERS
_RESOLVER = yaml.resolver.Resolver()

_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_MappingStartEvent, _MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DocumentStartEvent = yaml.DocumentStartEvent

try:  # libyaml's C parser is much faster; PyYAML falls back to pure Python without it.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader


def decode(raw: bytes, file: str) -> str:
    """Decode UTF-8 bytes (a byte-order mark is allowed), refusing binary data."""
    if len(raw) > MAX_BYTES:
        raise KnowledgeError([Problem(
            file, f"file is {len(raw):,} bytes, more than the {MAX_BYTES:,} allowed",
            hint="split it into smaller files",
        )])
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise KnowledgeError([Problem(
            file, "file holds binary data (a NUL byte), not text", line,
            hint="save it as a UTF-8 text file",
        )])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise KnowledgeError([Problem(
            file, f"byte 0x{raw[err.start]:02x} is not valid UTF-8", line, column,
            hint="save the file as UTF-8",
        )]) from None


def parse(text: str, file: str, located: bool = True) -> YamlData:
    """Parse YAML text into plain values with positions, or raise KnowledgeError.

    ``located`` False leaves the positions out (None), for data that can be parsed
    again should a problem need a line (see ``YamlData.where``): working them out is
    a third of the time spent here, and a folder's thousands of valid files never
    need one."""
    loader = _Loader(text)
    try:
        root, positions = _build(iter(loader.get_event, None), file, located)
    except yaml.MarkedYAMLError as err:
        raise KnowledgeError([_problem_from_yaml(err, file, text)]) from None
    except yaml.YAMLError as err:
        raise KnowledgeError([Problem(file, _first_line(str(err)))]) from None
    finally:
        loader.dispose()
    return YamlData(file, root, positions)


def _problem_from_yaml(err: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    """PyYAML's complaint, pointed at the line where the mistake is and said plainly
    where we can tell what it is."""
    mark = err.problem_mark or err.context_mark
    message = " ".join(part for part in (err.context, err.problem) if part) or "YAML error"
    hint = "check the YAML syntax"
    if err.context_mark is not None and "could not find expected ':'" in (err.problem or ""):
        # PyYAML notices a key's missing colon lines later; the key is where it began.
        mark = err.context_mark
        key = _line(text, mark.line)[mark.column:].strip()
        message = f"{key[:40]!r} has no ':' after it, so it is not read as a field"
        hint = "write 'name: value', or '- item' for an item in a list"
    elif mark is not None and (_line(text, mark.line)[mark.column:mark.column + 1] == "\t"
                               or "tab" in message):
        message = "a tab is used to indent here, and YAML indents with spaces only"
        hint = "replace the tab with spaces, e.g. two for each level"
    if mark is None:
        return Problem(file, message, hint=hint)
    return Problem(file, message, mark.line + 1, mark.column + 1, hint)


def _line(text: str, number: int) -> str:
    """Line ``number`` (from 0) of ``text``, or "" past its end."""
    lines = text.splitlines()
    return lines[number] if 0 <= number < len(lines) else ""


def _is_plain_decimal(text: str) -> bool:
    """Whether ``text`` is a whole number in plain decimal: no leading zero, no
    underscores, at most ``_MAX_DIGITS`` digits."""
    digits = text[1:] if text[:1] in "+-" else text
    return (0 < len(digits) <= _MAX_DIGITS and digits.isascii() and digits.isdigit()
            and (digits == "0" or digits[0] != "0"))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "YAML error"


def _fail(file: str, event: yaml.Event, message: str, hint: str | None = None) -> NoReturn:
    mark = event.start_mark
    raise KnowledgeError([Problem(file, message, mark.line + 1, mark.column + 1, hint)])


def _build(events: Iterator[yaml.Event], file: str, located: bool
           ) -> tuple[object, dict[Path, tuple[int, int]] | None]:
    """Fold a file's events into its value and the (line, column) of each part, checking
    the limits as it goes.

    One loop, the collection being filled kept in local variables and those around it
    on a stack: a condition file is about 150 events, a folder holds thousands of
    files, and calls and attribute lookups per event would cost more than the parser
    itself. A value counts once for itself and once more for each collection around
    it, aliases included, so that ``MAX_VALUES`` bounds the work that expanding them
    makes. Unlocated, the positions are None."""
    positions: dict[Path, tuple[int, int]] = {}
    anchors: dict[str, tuple[object, int]] = {}
    stack: list[tuple] = []  # the state of each collection around the one being filled
    root: object = None
    documents = values = 0
    # The collection being filled (None outside any): its value, path, anchor and size
    # so far; for a mapping, the key waiting for its value and the line of each key.
    container: dict | list | None = None
    path: Path = ()
    anchor: str | None = None
    size = 0
    in_list = False
    key: object = None
    has_key = False
    key_lines: dict = {}
    for event in events:
        kind = type(event)
        if kind is _ScalarEvent:  # most events: tested first
            text = event.value
            if event.tag is None and ((event.style and not event.implicit[0]) or (
                    _SHORTCUT and event.implicit[0] and text[:1] not in _MAY_RESOLVE)):
                # Quoted or block text, or plain text no implicit type can start with
                # (most keys): a string, as YAML says.
                value = text if text.isprintable() else clean_text(text)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
            else:
                value = _typed_scalar(event, file, anchors)
            added = 1
            position = None
        elif kind is _MappingStartEvent or kind is _SequenceStartEvent:
            _check_collection(event, file, len(stack))
            if container is None:
                child: Path = ()
            elif in_list:
                child = (*path, len(container))
            else:
                child = (*path, key) if has_key else path
            if located:
                mark = event.start_mark
                positions.setdefault(child, (mark.line + 1, mark.column + 1))
            stack.append((container, path, anchor, size, in_list, key, has_key, key_lines))
            in_list = kind is _SequenceStartEvent
            container, path, anchor, size = [] if in_list else {}, child, event.anchor, 1
            has_key, key_lines = False, {}
            continue
        elif kind is _MappingEndEvent or kind is _SequenceEndEvent:
            value, added, done = container, size, path
            if anchor is not None:
                anchors[anchor] = (value, added)
            container, path, anchor, size, in_list, key, has_key, key_lines = stack.pop()
            position = positions[done] if located else None
        elif kind is _AliasEvent:
            if event.anchor not in anchors:
                _fail(file, event, f"alias *{event.anchor} has no finished anchor &{event.anchor}")
            value, added = anchors[event.anchor]
            position = None
        elif kind is _DocumentStartEvent:
            documents += 1
            if documents > 1:
                _fail(file, event, "file holds more than one YAML document",
                      "remove the extra '---' line or split the file")
            continue
        else:  # the start and end of the stream and of the document
            continue
        # The value is complete: count it, and put it where it goes.
        values += added
        if values > MAX_VALUES:
            _fail(file, event, f"file expands to more than {MAX_VALUES:,} values "
                               "(aliases repeat content too often)",
                  "write the content out instead of repeating it with aliases")
        if container is None:
            root = value
            continue
        size += added
        if has_key:
            container[key] = value
            has_key = False
            continue
        # A key's line is needed, located or not, to name it in a duplicate's message.
        if position is None and (located or not in_list):
            mark = event.start_mark
            position = (mark.line + 1, mark.column + 1)
        if in_list:
            if located:
                positions.setdefault((*path, len(container)), position)
            container.append(value)
            continue
        if isinstance(value, (dict, list)):
            _fail(file, event, "a mapping key must be a plain value, not a list or mapping")
        if value in key_lines:
            _fail(file, event, f"duplicate key {value!r}; it was first given on line "
                               f"{key_lines[value]}",
                  "keep one of them: YAML would silently drop the other")
        key_lines[value] = position[0]
        key, has_key = value, True
        if located:
            positions[(*path, value)] = position
    return root, positions if located else None


def _check_collection(event: yaml.CollectionStartEvent, file: str, depth: int) -> None:
    """Refuse a list or mapping with a tag that could build an object, or one nested
    ``depth`` deep, past ``MAX_DEPTH``."""
    if event.tag not in (None, "!") and event.tag not in _SAFE_COLLECTION_TAGS:
        _fail(file, event, f"YAML tag {event.tag} is not allowed", "remove the tag")
    if depth >= MAX_DEPTH:
        _fail(file, event, f"values are nested more than {MAX_DEPTH} levels deep",
              "knowledge files need only a few levels")


def _typed_scalar(event: yaml.ScalarEvent, file: str, anchors: dict) -> object:
    """The value of a scalar that has a tag, or that one of YAML 1.1's implicit types
    may match (``_build`` reads all other text itself): what PyYAML's safe constructor
    makes of it, but a number other than a plain whole one stays the text as written."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            value = clean_text(event.value)  # what the constructor would make of it
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
            return value
    if tag == _MERGE_TAG:
        _fail(file, event, "merge keys ('<<') are not supported", "write the fields out in full")
    if tag == _FLOAT_TAG or (tag == _INT_TAG and not _is_plain_decimal(event.value)):
        value = clean_text(event.value)  # kept as written (see the module's docstring)
        if event.anchor is not None:
            anchors[event.anchor] = (value, 1)
        return value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        value = yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except yaml.YAMLError:
        _fail(file, event, f"YAML tag {tag} is not allowed here", "remove the tag")
    except (ValueError, OverflowError) as err:
        _fail(file, event, f"{event.value[:40]!r} is not a valid {tag.rsplit(':', 1)[-1]}: {err}",
              "put the value in quotes to keep it as text")
    except (KeyError, AttributeError, IndexError, TypeError):
        # How PyYAML's constructors fail on some text they cannot read, such as
        # "!!bool maybe" (a KeyError) or "!!timestamp soon" (an AttributeError).
        _fail(file, event, f"{event.value[:40]!r} is not a valid {tag.rsplit(':', 1)[-1]}",
              "put the value in quotes to keep it as text, or remove the tag")
    if isinstance(value, str):
        value = clean_text(value)
    if event.anchor is not None:
        anchors[event.anchor] = (value, 1)
    return value
