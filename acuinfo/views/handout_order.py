"""Where two of a handout's parts meet, so that what belongs together is read together:
who should talk to their doctor first beside "Before your first session", and all
self-care in the tips part."""

from __future__ import annotations

from collections.abc import Callable

from acuinfo.knowledge import records
from acuinfo.views.common import in_sentence
from acuinfo.views.document import Block, Paragraph, Section


def before_the_first_session(session_part: list[Section], before: Section) -> list[Section]:
    """The session part with who should talk to their doctor first put just before "Before
    your first session" (or first, when that stage is not shown), so all that comes before
    a first session is read in one place."""
    stages = [index for index, section in enumerate(session_part)
              if section.id == "session-before"]
    at = stages[0] if stages else 1
    return [*session_part[:at], before, *session_part[at:]]


def self_care_with_tips(condition_parts: list[Section], tips_part: list[Section],
                         chosen: list[records.Condition], say: Callable[..., str]
                         ) -> tuple[list[Section], list[Section]]:
    """The conditions' self-care points that no tip says, moved from each condition's part
    to the end of the tips, so a reader finds all self-care in one part."""
    held = {f"{condition.slug}-self-care": condition for condition in chosen}
    extra: list[Block] = []
    for section in condition_parts:
        condition = held.get(section.id)
        if condition is not None:
            extra += [Paragraph(say("More ways to look after yourself with {condition}:",
                                    condition=in_sentence(condition.title))), *section.blocks]
    if not extra:
        return condition_parts, tips_part
    tips, *rest = tips_part
    return ([section for section in condition_parts if section.id not in held],
            [tips._replace(blocks=[*tips.blocks, *extra]), *rest])

