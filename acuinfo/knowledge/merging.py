"""How the files of several knowledge folders become one: shared files merged by id (or
by name), the session journey overlaid stage by stage and step by step, and drafts
marked as such when they are asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from acuinfo.base.words import phrase_key
from acuinfo.knowledge import records

T = TypeVar("T")


# The field of each shared file's entries that names them to a reader, for marking drafts.
_NAMED_BY = {records.TipBook: ("tips", "title"), records.SourceList: ("sources", "title"),
             records.Glossary: ("terms", "term")}


def marked_draft(layer: T) -> T:
    """A layer of a shared file with each entry of a draft named "DRAFT: ..." (drafts are
    only read when asked for), so that nobody takes one for checked content."""
    if not records.is_draft(layer) or type(layer) not in _NAMED_BY:
        return layer
    field, label = _NAMED_BY[type(layer)]
    return layer._replace(**{field: [
        item._replace(**{label: f"DRAFT: {getattr(item, label)}"})
        for item in getattr(layer, field)]})


def latest_review(layers: list) -> object:
    """The latest review date of some layers (a draft's may be empty)."""
    return max((layer.reviewed for layer in layers if layer.reviewed), default=None)


def overlay_session(base: records.Session, top: records.Session) -> records.Session:
    """A clinic's session file laid over the one below: stages merge by id, their steps
    by id (a step's id defaults to its title), other fields from the higher file."""
    stages = {stage.id: stage for stage in base.stages}
    for stage in top.stages:
        below = stages.get(stage.id)
        stages[stage.id] = stage if below is None else below._replace(
            title=stage.title or below.title,
            steps=merged_steps(below.steps, stage.steps),
            keywords=[*below.keywords, *stage.keywords])
    visit = base.what_to_expect
    if top.what_to_expect is not None:
        above = top.what_to_expect
        visit = above if visit is None else visit._replace(
            title=above.title or visit.title,
            total_time=above.total_time or visit.total_time,
            steps=merged_steps(visit.steps, above.steps),
            keywords=[*visit.keywords, *above.keywords])
    return base._replace(
        reviewed=max(base.reviewed, top.reviewed), title=top.title or base.title,
        summary=top.summary or base.summary, key_points=top.key_points or base.key_points,
        stages=list(stages.values()),
        what_to_expect=visit, sources=[*base.sources, *top.sources], origin=top.origin)


def merged_steps(below: list[records.SessionStep],
            above: list[records.SessionStep]) -> list[records.SessionStep]:
    """Steps merged by id: a higher step replaces a lower one with the same id in place."""
    merged = {step.key: step for step in below}
    for step in above:
        merged[step.key] = step
    return list(merged.values())


def merged_by_id(layers: Iterable[list[T]]) -> list[T]:
    """Items of every layer by ``id``: a later layer's item replaces an earlier one in place,
    a new id is added at the end."""
    merged: dict[str, T] = {}
    for items in layers:
        for item in items:
            merged[item.id] = item
    return list(merged.values())


def merged_by_name(layers: Iterable[list[T]]) -> list[T]:
    """Items of every layer by ``name`` as names are compared: a later layer's item
    replaces an earlier one in place, a new name is added at the end."""
    merged: dict[str, T] = {}
    for items in layers:
        for item in items:
            merged[phrase_key(item.name)] = item
    return list(merged.values())
