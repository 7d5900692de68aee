"""The knowledge base itself: complete, cited, honest and plain enough to read."""

from __future__ import annotations

import re

import pytest

from acuinfo import records
from acuinfo.knowledge import Knowledge, builtin_folder
from acuinfo.records import fields_of, is_record

REQUIRED_CONDITIONS = [
    "neck-pain", "upper-back-pain", "low-back-pain", "sciatica", "herniated-disc",
    "cervical-radiculopathy", "whiplash", "muscle-spasm", "fibromyalgia", "osteoarthritis",
    "migraine", "tension-type-headache", "chronic-pain", "pain-after-surgery",
    "shoulder-pain", "jaw-pain", "pelvic-girdle-pain",
]
REQUIRED_TERMS = ["sham acupuncture", "de qi", "meridian", "electro-acupuncture", "trigger point"]
PROMISES = re.compile(r"\b(cures?|cured|guarantee[sd]?|no side effects|completely safe|risk-free|"
                      r"100% safe|miracle|proven to)\b", re.IGNORECASE)
DENIAL = re.compile(r"\b(not|no|never|nothing|cannot|can't|isn't|doesn't|won't|without)\b",
                    re.IGNORECASE)


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge([builtin_folder()])


@pytest.fixture(scope="module")
def conditions(knowledge) -> list[records.Condition]:
    found = knowledge.conditions()
    assert not knowledge.problems, knowledge.problems
    return found


def items_of(value: object) -> list:
    return list(value) if isinstance(value, (list, tuple)) and not is_record(value) else [value]


def texts(record: object) -> list[str]:
    """Every text value in a record, nested records included."""
    found = []
    for f in fields_of(type(record)):
        if f.rule.get("ref") or f.rule.get("slug"):
            continue
        for item in items_of(getattr(record, f.name)):
            if isinstance(item, str):
                found.append(item)
            elif is_record(item):
                found.extend(texts(item))
    return found


def prose(condition: records.Condition) -> str:
    """A condition page's prose, list items as sentences; names and keywords left out."""
    skip = {condition.title, *condition.aliases, *condition.keywords}
    parts = [t.strip() for t in texts(condition) if t not in skip]
    return " ".join(p if p.endswith((".", "?", "!", ":")) else p + "." for p in parts)


def every_record(knowledge: Knowledge) -> list[object]:
    return [*knowledge.conditions(), knowledge.tips(), knowledge.session(),
            knowledge.glossary(), *knowledge.pages(), knowledge.source_list()]


def test_the_built_in_knowledge_validates(invoke):
    result = invoke("validate")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip().endswith("no problems")


def test_every_required_condition_exists(conditions):
    assert sorted(c.slug for c in conditions) == sorted(REQUIRED_CONDITIONS)


@pytest.mark.parametrize("name, slug", [("slipped disc", "herniated-disc"),
                                        ("lumbago", "low-back-pain"),
                                        ("stiff neck", "neck-pain"),
                                        ("pinched nerve", "cervical-radiculopathy")])
def test_lay_names_are_aliases(knowledge, name, slug):
    assert knowledge.condition(name).slug == slug


def test_every_condition_cites_and_warns(conditions):
    for condition in conditions:
        assert condition.evidence.sources, condition.slug
        assert len(condition.red_flags) >= 3, condition.slug
        assert condition.other_options, condition.slug


def cited_ids(record: object) -> set[str]:
    found = set()
    for f in fields_of(type(record)):
        items = items_of(getattr(record, f.name))
        if f.rule.get("ref") == "sources":
            found.update(items)
        for item in items:
            if is_record(item):
                found |= cited_ids(item)
    return found


def test_every_source_is_cited_and_every_citation_exists(knowledge):
    cited = set().union(*(cited_ids(r) for r in every_record(knowledge)))
    known = set(knowledge.sources())
    assert cited - known == set(), "cited but not in sources.yaml"
    assert known - cited == set(), "in sources.yaml but cited nowhere"


def test_tips_and_glossary_are_complete(knowledge):
    book = knowledge.tips()
    assert len(book.tips) >= 30
    assert len(book.categories) >= 4
    slugs = {c.slug for c in knowledge.conditions()}
    for tip in book.tips:
        assert set(tip.conditions) <= slugs, tip.id
    terms = {t.term.lower() for t in knowledge.glossary().terms}
    assert set(REQUIRED_TERMS) <= terms


def test_reading_grade(conditions):
    """Flesch-Kincaid grade of each condition page: 8 or below for most, never above 10."""
    import textstat

    grades = {c.slug: textstat.flesch_kincaid_grade(prose(c)) for c in conditions}
    for slug, grade in sorted(grades.items(), key=lambda item: item[1]):
        print(f"{slug:24} grade {grade:4.1f}")
    assert max(grades.values()) <= 10, grades
    assert sum(grade <= 8 for grade in grades.values()) >= 0.8 * len(grades), grades


def test_grade_check_would_catch_hard_prose():
    import textstat

    hard = ("Acupuncture's putative neurophysiological mechanisms encompass adenosinergic "
            "antinociception, endogenous opioidergic modulation, and alterations in "
            "default-mode network connectivity demonstrated through functional neuroimaging.")
    assert textstat.flesch_kincaid_grade(hard) > 10


def promises(text: str) -> list[str]:
    """Sentences that promise what medicine cannot, unless the sentence denies it."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for match in PROMISES.finditer(sentence):
            rest = sentence[:match.start()] + sentence[match.end():]
            if not DENIAL.search(rest):  # the phrase itself may hold "no"; look elsewhere
                found.append(sentence)
    return found


def test_no_page_promises_a_cure(knowledge):
    offending = {}
    for record in every_record(knowledge):
        for text in texts(record):
            if promises(text):
                offending.setdefault(record.origin.file, []).extend(promises(text))
    assert not offending, offending


@pytest.mark.parametrize("sentence, bad", [
    ("Acupuncture can cure your back pain.", True),
    ("Results are guaranteed.", True),
    ("It has no side effects.", True),
    ("It is completely safe for everyone.", True),
    ("Acupuncture is not a cure.", False),
    ("No treatment is completely safe.", False),
    ("Nobody can promise that it is risk-free, and it is not.", False),
])
def test_promise_check_tells_claims_from_denials(sentence, bad):
    assert bool(promises(sentence)) is bad
