"""Read one YAML knowledge file as untrusted text.

PyYAML's own loaders keep the last of two equal keys without a word, expand
aliases without limit and recurse on deep nesting. So we take PyYAML's event
stream (libyaml's C parser when present) and build plain Python values
ourselves: iteratively, with limits on size, depth and alias expansion, with
duplicate keys refused, and with the line and column of every value kept so
that later checks can point at the right place.

Numbers are read more strictly than YAML 1.1 reads them. Only a plain decimal
whole number of up to 18 digits becomes a number. Every other form YAML 1.1
would read as one (``0123`` as octal 83, ``0x1F``, ``0b1010``, ``1:30`` as
base 60 for 90, ``1_000``, ``1.5``, ``.inf``, or 4,000 digits) stays the text
as written: an identifier such as a PubMed id is never silently changed, and a
field that needs a number says so, with the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def parse(text: str, file: str) -> YamlData:
    """Parse YAML text into plain values with positions, or raise KnowledgeError."""
    builder = _Builder(file)
    loader = _Loader(text)
    try:
        while loader.check_event():
            builder.feed(loader.get_event())
    except yaml.MarkedYAMLError as err:
        raise KnowledgeError([_problem_from_yaml(err, file, text)]) from None
    except yaml.YAMLError as err:
        raise KnowledgeError([Problem(file, _first_line(str(err)))]) from None
    finally:
        loader.dispose()
    return YamlData(file, builder.root, builder.positions)


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


@dataclass
class _Frame:
    container: dict | list
    path: Path
    anchor: str | None
    size: int = 1
    key: object = None
    has_key: bool = False
    key_lines: dict = field(default_factory=dict)


class _Stop(Exception):
    """Raised inside the builder to stop at the first problem."""


class _Builder:
    """Fold YAML events into values, checking limits as it goes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.root: object = None
        self.documents = 0
        self.positions: dict[Path, tuple[int, int]] = {}
        self.anchors: dict[str, tuple[object, int]] = {}
        self.stack: list[_Frame] = []
        self.values = 0
        self._constructor = yaml.constructor.SafeConstructor()
        self._resolver = yaml.resolver.Resolver()

    def fail(self, event: yaml.Event, message: str, hint: str | None = None) -> None:
        mark = event.start_mark
        raise KnowledgeError([Problem(self.file, message, mark.line + 1, mark.column + 1, hint)])

    def feed(self, event: yaml.Event) -> None:
        if type(event) is yaml.ScalarEvent:  # most events: tested first
            self.add(self.scalar(event), event, 1)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(event, "file holds more than one YAML document",
                          "remove the extra '---' line or split the file")
        elif isinstance(event, yaml.ScalarEvent):
            self.add(self.scalar(event), event, 1)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.start(event)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.anchors[frame.anchor] = (frame.container, frame.size)
            self.add(frame.container, event, frame.size, done=frame)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                self.fail(event, f"alias *{event.anchor} has no finished anchor &{event.anchor}")
            value, size = self.anchors[event.anchor]
            self.add(value, event, size)

    def start(self, event: yaml.CollectionStartEvent) -> None:
        if event.tag not in (None, "!") and event.tag not in _SAFE_COLLECTION_TAGS:
            self.fail(event, f"YAML tag {event.tag} is not allowed", "remove the tag")
        if len(self.stack) >= MAX_DEPTH:
            self.fail(event, f"values are nested more than {MAX_DEPTH} levels deep",
                      "knowledge files need only a few levels")
        container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
        path = self.child_path()
        self.positions.setdefault(path, (event.start_mark.line + 1, event.start_mark.column + 1))
        self.stack.append(_Frame(container, path, event.anchor))

    def child_path(self) -> Path:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        return (*frame.path, frame.key) if frame.has_key else frame.path

    def scalar(self, event: yaml.ScalarEvent) -> object:
        tag = event.tag
        if tag is None and event.style and not event.implicit[0]:
            value = clean_text(event.value)  # quoted or block text: a string, as YAML says
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            return value
        if tag is None or tag == "!":
            text = event.value
            if (_SHORTCUT and tag is None and event.implicit[0]
                    and text[:1] not in _MAY_RESOLVE):
                tag = _STR_TAG  # plain text no implicit type can start with: most keys
            else:
                tag = self._resolver.resolve(yaml.ScalarNode, text, event.implicit)
            if tag == _STR_TAG:
                value = clean_text(text)  # what the constructor would make of it
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
                return value
        if tag == _MERGE_TAG:
            self.fail(event, "merge keys ('<<') are not supported",
                      "write the fields out in full")
        if tag == _FLOAT_TAG or (tag == _INT_TAG and not _is_plain_decimal(event.value)):
            value = clean_text(event.value)  # kept as written (see the module's docstring)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            return value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            self.fail(event, f"YAML tag {tag} is not allowed here", "remove the tag")
        except (ValueError, OverflowError) as err:
            self.fail(event, f"{event.value[:40]!r} is not a valid {tag.rsplit(':', 1)[-1]}: {err}",
                      "put the value in quotes to keep it as text")
        if isinstance(value, str):
            value = clean_text(value)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        return value

    def add(self, value: object, event: yaml.Event, size: int, done: _Frame | None = None) -> None:
        self.values += size
        if self.values > MAX_VALUES:
            self.fail(event, f"file expands to more than {MAX_VALUES:,} values "
                             "(aliases repeat content too often)",
                      "write the content out instead of repeating it with aliases")
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        frame.size += size
        if done is None:
            mark = event.start_mark
            position = (mark.line + 1, mark.column + 1)
        else:
            position = self.positions[done.path]
        if isinstance(frame.container, list):
            self.positions.setdefault((*frame.path, len(frame.container)), position)
            frame.container.append(value)
        elif not frame.has_key:
            self.take_key(frame, value, event, position)
        else:
            frame.container[frame.key] = value
            frame.has_key = False

    def take_key(self, frame: _Frame, key: object, event: yaml.Event, position: tuple) -> None:
        if isinstance(key, (dict, list)):
            self.fail(event, "a mapping key must be a plain value, not a list or mapping")
        if key in frame.key_lines:
            self.fail(event, f"duplicate key {key!r}; it was first given on line "
                             f"{frame.key_lines[key]}",
                      "keep one of them: YAML would silently drop the other")
        frame.key_lines[key] = position[0]
        frame.key = key
        frame.has_key = True
        self.positions[(*frame.path, key)] = position
