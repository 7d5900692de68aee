"""Records behave as the named tuples they stand in for."""

from __future__ import annotations

import collections
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acuinfo.base.namedrecord import Record


class Point(Record):
    """A point."""

    x: int
    y: int = 0
    label: str = "origin"

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


Reference = collections.namedtuple("Point", ["x", "y", "label"], defaults=[0, "origin"])


def test_fields_defaults_and_access():
    point = Point(3, y=-4)
    assert point == (3, -4, "origin") == Reference(3, -4)
    assert (point.x, point.y, point.label, point.norm) == (3, -4, "origin", 7)
    assert Point._fields == ("x", "y", "label")
    assert Point._field_defaults == {"y": 0, "label": "origin"}
    assert Point.__doc__ == "A point."
    assert isinstance(point, tuple)


def test_methods_match_namedtuple():
    point, reference = Point(1, 2, "a"), Reference(1, 2, "a")
    assert point._replace(y=5) == reference._replace(y=5)
    assert type(point._replace(y=5)) is Point
    assert point._asdict() == reference._asdict()
    assert Point._make([7, 8, "b"]) == Reference._make([7, 8, "b"])
    assert repr(point) == repr(reference)
    assert hash(point) == hash(reference)
    assert pickle.loads(pickle.dumps(point)) == point


def test_fields_cannot_be_set():
    with pytest.raises(AttributeError):
        Point(1).x = 2  # type: ignore[misc]


@pytest.mark.parametrize(("args", "kwargs"), [
    ((), {}),  # x is required
    ((1, 2, "a", "extra"), {}),
    ((1,), {"z": 2}),
    ((1,), {"x": 2}),
])
def test_wrong_arguments_raise_type_error_like_namedtuple(args, kwargs):
    with pytest.raises(TypeError):
        Reference(*args, **kwargs)
    with pytest.raises(TypeError):
        Point(*args, **kwargs)


def test_replace_and_make_refuse_wrong_fields():
    with pytest.raises(TypeError):
        Point(1)._replace(z=1)
    with pytest.raises(TypeError):
        Point._make([1, 2])


def test_a_required_field_after_a_default_is_refused():
    with pytest.raises(TypeError):
        class Broken(Record):
            a: int = 0
            b: int


values = st.integers() | st.text(max_size=5) | st.none()


@given(st.lists(values, min_size=1, max_size=3), st.data())
def test_any_mix_of_positional_and_keyword_arguments(given_values, data):
    split = data.draw(st.integers(min_value=1, max_value=len(given_values)))
    fields = ("x", "y", "label")
    keywords = dict(zip(fields[split:], given_values[split:], strict=False))
    assert Point(*given_values[:split], **keywords) == Reference(*given_values[:split], **keywords)


def test_a_record_cannot_be_a_base():
    with pytest.raises(TypeError):
        class Point3(Point):  # the fields of Point would be lost
            z: int = 0
