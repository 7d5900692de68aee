"""Named tuples that cost less to define: the base of every record and document part.

``typing.NamedTuple`` builds each class through ``collections.namedtuple``,
which compiles a constructor with ``eval`` and makes a dozen functions per
class. acuinfo defines some forty such classes on every run, and that came to
about 3 ms of showing one condition. ``Record`` makes the same kind of class
from the same declaration in one step, sharing its methods between all
classes: a subclass of ``tuple`` with a property per field, ``_fields``,
``_field_defaults``, ``_make``, ``_replace`` and ``_asdict``, equal and hashed
as a tuple. Type checkers see ``typing.NamedTuple``.

    class Point(Record):
        x: int
        y: int = 0
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any


class _RecordMeta(type):
    """Turns a class body of annotated fields into a tuple subclass."""

    def __new__(mcls, name: str, bases: tuple, namespace: dict[str, Any]) -> type:
        if namespace.get("__module__") == __name__ and name == "_Record":
            return super().__new__(mcls, name, bases, namespace)  # the base itself
        if bases != (_Record,):
            raise TypeError(f"{name}: a record's only base is Record")
        annotations = namespace.get("__annotations__", {})
        fields = tuple(annotations)
        defaults = {field: namespace.pop(field) for field in fields if field in namespace}
        required = [field for field in fields if field not in defaults]
        if required and fields.index(required[-1]) >= len(required):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        for number, field in enumerate(fields):
            if field.startswith("_"):
                raise ValueError(f"{name}: field names cannot start with '_': {field!r}")
            namespace[field] = property(itemgetter(number))
        namespace["__slots__"] = ()
        namespace["_fields"] = fields
        namespace["_field_defaults"] = defaults
        return super().__new__(mcls, name, bases, namespace)


class _Record(tuple, metaclass=_RecordMeta):
    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _field_defaults: dict[str, Any] = {}  # noqa: RUF012 - each class sets its own, never changed

    def __new__(cls, *args: Any, **kwargs: Any):
        """A record from values by position, then by name, then the defaults."""
        fields = cls._fields
        if len(args) == len(fields) and not kwargs:
            return tuple.__new__(cls, args)
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}() takes {len(fields)} arguments, "
                            f"{len(args)} were given")
        values = list(args)
        for field in fields[len(args):]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in cls._field_defaults:
                values.append(cls._field_defaults[field])
            else:
                raise TypeError(f"{cls.__name__}() is missing the argument {field!r}")
        if kwargs:
            unknown = next(iter(kwargs))
            if unknown in fields:
                raise TypeError(f"{cls.__name__}() got two values for {unknown!r}")
            raise TypeError(f"{cls.__name__}() got an unexpected argument {unknown!r}")
        return tuple.__new__(cls, values)

    @classmethod
    def _make(cls, iterable: Any):
        """A record from the values of its fields, in order."""
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(f"{cls.__name__} needs {len(cls._fields)} values, "
                            f"not {len(values)}")
        return tuple.__new__(cls, values)

    def _replace(self, **changes: Any):
        """A copy with some fields changed."""
        values = [changes.pop(field, value)
                  for field, value in zip(self._fields, self, strict=True)]
        if changes:
            raise TypeError(f"{type(self).__name__} has no field {next(iter(changes))!r}")
        return tuple.__new__(type(self), values)

    def _asdict(self) -> dict[str, Any]:
        """The fields and their values."""
        return dict(zip(self._fields, self, strict=True))

    def __repr__(self) -> str:
        inside = ", ".join(f"{field}={value!r}"
                           for field, value in zip(self._fields, self, strict=True))
        return f"{type(self).__name__}({inside})"

    def __getnewargs__(self) -> tuple:
        return tuple(self)


if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    Record = _Record
