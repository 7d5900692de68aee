"""The knowledge base itself: complete, cited, honest and plain enough to read."""

from __future__ import annotations

import itertools
import re

import pytest
import yaml

from acuinfo.finding import lookup
from acuinfo.knowledge import records
from acuinfo.knowledge.folders import builtin_folder
from acuinfo.knowledge.loading import Knowledge
from acuinfo.knowledge.records import fields_of, is_record

from conftest import CONDITION_SLUGS, DATA

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


def test_no_text_holds_a_run_of_spaces():
    """Two items of a list joined on one line, or a sentence broken by an edit, leave a
    run of spaces in the text a reader sees."""
    found = []

    def walk(value, where):
        if isinstance(value, str) and re.search(r"\S {2,}\S", value):
            found.append((where, value[:80]))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, where)
        elif isinstance(value, list):
            for item in value:
                walk(item, where)

    for path in DATA.rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    assert found == []


def test_every_required_condition_exists(conditions):
    assert sorted(c.slug for c in conditions) == sorted(REQUIRED_CONDITIONS)


@pytest.mark.parametrize("name, slug", [("slipped disc", "herniated-disc"),
                                        ("lumbago", "low-back-pain"),
                                        ("stiff neck", "neck-pain"),
                                        ("pinched nerve in my neck", "cervical-radiculopathy")])
def test_lay_names_are_aliases(knowledge, name, slug):
    assert lookup.condition(knowledge, name).slug == slug


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


# -- warning signs by urgency ---------------------------------------------------------------

HEADACHE_PAGES = ["migraine", "tension-type-headache"]
NECK_PAGES = ["neck-pain", "whiplash", "cervical-radiculopathy"]
BACK_PAGES = ["low-back-pain", "sciatica", "herniated-disc"]
LUNG_PAGES = ["upper-back-pain", "neck-pain", "whiplash", "cervical-radiculopathy"]


def joined(items) -> str:
    return " ".join(items).lower()


def test_every_condition_has_all_three_levels(conditions):
    for condition in conditions:
        flags = condition.red_flags
        assert flags.emergency and flags.same_day and flags.see_doctor, condition.slug
        for sign in flags.signs:
            assert "get emergency help" not in sign.lower(), (condition.slug, sign)
            assert "get advice the same day" not in sign.lower(), (condition.slug, sign)
            # what calms a reader is a note, beside the list: in it, it reads as a sign
            assert "not an emergency" not in sign.lower(), (condition.slug, sign)


def warning_texts(knowledge, conditions) -> list[str]:
    """Every warning sign and every note on them, of the conditions and the red-flags page."""
    found = [text for condition in conditions for text in (
        *condition.red_flags.signs, *(condition.red_flags.notes or ())) if text]
    found += [text for section in knowledge.page("red-flags").sections
              for text in (section.text, *section.points) if text]
    return found


def test_warning_signs_are_said_in_short_sentences(knowledge, conditions):
    """A person who may need help now reads a sign at a glance: no sentence of a sign, or
    of a note on signs, runs over 30 words (the artery sign was one of 45)."""
    for text in warning_texts(knowledge, conditions):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            assert len(sentence.split()) <= 30, sentence


def test_a_page_that_names_the_neck_gives_its_emergency_signs(conditions):
    """Meningitis can start as a stiff, painful neck: a page found by "neck spasm" sends a
    fever with a stiff neck and a headache to the emergency department too."""
    for condition in conditions:
        names = " ".join((condition.title, *condition.aliases)).lower()
        if "neck" in names:
            assert "fever with a stiff neck and a headache" in joined(
                condition.red_flags.emergency), condition.slug


def test_whiplash_sends_a_headache_after_a_head_injury_to_the_emergency_department(knowledge):
    assert "headache after a head injury" in joined(
        lookup.condition(knowledge, "whiplash").red_flags.emergency)


def test_pregnancy_sends_its_urgent_signs_to_the_maternity_unit_at_once(knowledge):
    """The same-day level says to contact a doctor today; in pregnancy, bleeding, waters
    breaking, contractions, a baby moving less and the signs of pre-eclampsia cannot wait
    for a doctor, day or night."""
    flags = lookup.condition(knowledge, "pelvic-girdle-pain").red_flags
    note = flags.notes.same_day.lower()
    for words in ("midwife or maternity unit", "straight away", "day or night", "bleeding",
                  "moving less", "swelling"):
        assert words in note, words
    assert "sudden swelling of your face, hands or feet" in joined(flags.same_day)


@pytest.mark.parametrize("slug", HEADACHE_PAGES)
def test_headache_pages_give_the_emergency_and_same_day_signs(knowledge, slug):
    flags = lookup.condition(knowledge, slug).red_flags
    emergency, same_day = joined(flags.emergency), joined(flags.same_day)
    for sign in ("thunderclap", "worst you have ever had", "fever and a stiff neck", "rash",
                 "confusion", "weakness", "slurred speech", "seizure", "fainting",
                 "head injury"):
        assert sign in emergency, (slug, sign)
    for sign in ("over 50", "jaw pain when you chew", "sore scalp", "change in your vision",
                 "lie down", "cough or strain", "wakes you", "cancer", "weak immune system",
                 "pregnant", "had a baby", "aura", "more than an hour"):
        assert sign in same_day, (slug, sign)


@pytest.mark.parametrize("slug", NECK_PAGES)
def test_neck_pages_give_the_artery_and_spinal_cord_signs(knowledge, slug):
    flags = lookup.condition(knowledge, slug).red_flags
    note = (flags.notes and flags.notes.same_day) or ""
    emergency, same_day = joined(flags.emergency), joined([*flags.same_day, note])
    assert "spinal cord" in note.lower(), "what the signs mean is said beside them"
    for sign in ("tear in an artery", "dizziness", "double vision", "drooping", "trouble speaking",
                 "swallowing", "unsteadiness", "manipulation", "fever with a stiff neck and a "
                 "headache", "serious injury"):
        assert sign in emergency, (slug, sign)
    for sign in ("clumsy hands", "buttons", "electric shock", "bend your neck",
                 "unsteady walking", "bladder", "spinal cord", "getting worse"):
        assert sign in same_day, (slug, sign)
    # tingling in one arm from a pinched nerve is not sent to the emergency department
    assert not any("one arm" in sign.lower() or "pins and needles" in sign.lower()
                   for sign in flags.emergency), slug
    assert any("one arm" in sign.lower() for sign in flags.see_doctor), slug
    assert "not an emergency" in flags.notes.see_doctor, slug


@pytest.mark.parametrize("slug", BACK_PAGES)
def test_back_pages_give_leg_weakness_and_a_possible_fracture_the_same_day(knowledge, slug):
    same_day = joined(lookup.condition(knowledge, slug).red_flags.same_day)
    for sign in ("weakness in one leg", "foot drop", "minor fall", "osteoporosis",
                 "steroid tablets", "broken bone"):
        assert sign in same_day, (slug, sign)


def red_flag_page_levels(knowledge) -> dict[str, set[str]]:
    """The levels each topic of the red-flags page gives: {'headache': {'emergency', ...}}."""
    found: dict[str, set[str]] = {}
    for section in knowledge.page("red-flags").sections:
        if section.style in records.URGENCY_STYLES:
            topic = section.heading.split(":")[0].strip().lower()
            found.setdefault(topic, set()).add(section.style)
    return found


def test_the_red_flags_page_gives_each_topic_every_level(knowledge):
    levels = red_flag_page_levels(knowledge)
    for topic in ("headache", "neck pain", "back pain"):
        assert levels[topic] == {"emergency", "same-day", "see-doctor"}, topic


# "These three signs", "the first four signs", "las tres primeras señales", "前3种情况"
COUNTED_SIGNS = re.compile(r"\b(these|the (first|last)) \w+ signs|\b(estas|las) \w+ (primeras )?"
                           r"señales|以上\d|前\d", re.IGNORECASE)


@pytest.mark.parametrize("language", ["en", "es", "zh-Hans"])
def test_the_warning_signs_and_their_notes_stand_alone(language):
    """A note on what some signs mean is a section of its own, and names the signs: as an
    item of the list it reads as one more sign, and a handout, which gives each sign once,
    may leave "the first three" of a box out or put them in another box."""
    folder = DATA if language == "en" else DATA / "translations" / language
    page = yaml.safe_load((folder / "pages" / "red-flags.yaml").read_text(encoding="utf-8"))
    for section in page["sections"]:
        for text in (section.get("text") or "", *section.get("points", ())):
            assert not COUNTED_SIGNS.search(text), (language, section["heading"], text)


@pytest.mark.parametrize("slug", LUNG_PAGES)
def test_pages_over_the_lungs_say_who_should_take_care(knowledge, slug):
    condition = lookup.condition(knowledge, slug)
    text = condition.acupuncture.how_it_may_help.lower()
    assert "puncture a lung" in text and "lung disease" in text and "slim build" in text
    assert any("short of breath" in sign.lower() or "shortness of breath" in sign.lower()
               for sign in condition.red_flags.emergency), slug


def test_the_safety_page_covers_lungs_immunity_electricity_and_bleeding(knowledge):
    page = knowledge.page("safety")
    text = " ".join(t for s in page.sections for t in (s.heading, s.text or "", *s.points))
    for said in ("puncture a lung", "lung disease", "slim build", "short of breath",
                 "weak immune system", "no research", "over the heart", "on the head",
                 "pacemaker", "haemophilia", "unless your doctor agrees", "479", "Fourteen",
                 "bleeding around the brain", "poor technique"):
        assert said in text, said
    assert "190,924" not in text and "24 in every 100,000" not in text
    emergency = [s for s in page.sections if s.style == "emergency"]
    assert any("short of breath" in " ".join(s.points) for s in emergency)


# -- honest evidence ---------------------------------------------------------------------------


def test_every_warning_of_a_punctured_lung_names_where_needles_can_cause_it(knowledge):
    """Chest, upper back, shoulders and the base of the neck, wherever the risk is told in
    general (a condition's page names the places it is needled): a reader with neck pain
    must not read that only the chest is a risk."""
    general = [*knowledge.pages(), knowledge.glossary(), knowledge.tips(), knowledge.session()]
    said = [text for record in general for text in texts(record)
            if re.search(r"puncture a lung|too deep in the chest", text)]
    assert len(said) >= 3, said
    for text in said:
        assert re.search(r"chest, upper back, shoulders or (the )?base of the neck", text), text


def test_breathlessness_or_chest_pain_after_a_session_is_a_call_to_the_emergency_number(
        knowledge):
    for tip in knowledge.tips().tips:
        if re.search(r"short of breath.*chest pain", tip.text):
            assert "emergency number" in tip.text, tip.id


def test_advice_from_practice_is_not_credited_to_research(knowledge):
    """Talking about stopping at about the 6th session, and a light meal before a session,
    come from practitioners' experience: the tips, steps and pages that give them say so, and
    cite the source that says it (a light meal), not one that does not."""
    units = [*knowledge.tips().tips,
             *(step for stage in knowledge.session().stages for step in stage.steps)]
    sixth, meal = 0, 0
    for unit in units:
        if re.search(r"about (the )?6(th)? sessions?|about session 6|about the 6th", unit.text) \
                and "stop" in unit.text:
            sixth += 1
            assert "common practice" in unit.text, unit.text
        if "light meal" in unit.text:
            meal += 1
            assert "bacc-eating" in unit.sources and "not been studied" in unit.text, unit.text
    assert sixth >= 3 and meal >= 1, (sixth, meal)
    for condition in knowledge.conditions():
        if re.search(r"(6th|sixth) session", condition.course):
            assert re.search(r"common practice|clinic experience", condition.course), \
                condition.slug


@pytest.mark.parametrize("tip_id, words", [
    ("use-heat-safely", ["boiling water", "numb or broken", "diabetes"]),
    ("rest-your-jaw", ["wrapped in a towel"]),
    ("move-your-neck", ["Stop if", "dizzy", "into your arm"]),
    ("shoulder-keep-moving", ["after a fall or injury", "cannot move your arm"]),
    ("talk-about-mood", ["harming yourself", "emergency number"]),
    ("pregnancy-warning-signs", ["severe headache", "emergency number"]),
])
def test_self_care_says_when_to_stop_or_get_help(knowledge, tip_id, words):
    """Advice to move, warm or wait carries the sign that it no longer applies."""
    text = next(tip.text for tip in knowledge.tips().tips if tip.id == tip_id)
    for word in words:
        assert word in text, (tip_id, word)


def test_self_care_on_a_page_leaves_out_what_its_warning_signs_forbid(knowledge):
    """A calf that may hold a clot is not stretched, rubbed or heated; a neck movement
    stops where it sends pain down the arm or makes a person dizzy."""
    spasm = joined(lookup.condition(knowledge, "muscle-spasm").key_points)
    assert "do not rub, stretch or heat it" in spasm
    for slug in ("neck-pain", "cervical-radiculopathy"):
        first = lookup.condition(knowledge, slug).self_care[0]
        assert "Stop if a movement" in first and "down your arm" in first, slug


def test_pregnancys_warning_box_gives_the_signs_of_the_pregnancy_page(knowledge):
    box = next(s for s in knowledge.page("special-groups").sections
               if s.heading.startswith("In pregnancy"))
    for sign in ("suddenly swell", "short of breath", "waters break", "moving less"):
        assert sum(sign in point for point in box.points) == 1, sign
    assert "chest pain" in box.text


def test_osteoarthritis_says_nice_does_not_recommend_it(knowledge):
    evidence = lookup.condition(knowledge, "osteoarthritis").evidence
    assert "nice-ng226" in evidence.sources
    assert "does not recommend" in evidence.summary
    assert "US health experts" in evidence.summary


def test_migraine_shows_no_rating_without_the_result_behind_it(knowledge):
    evidence = lookup.condition(knowledge, "migraine").evidence
    cited = set(evidence.sources)
    assert evidence.rating is None or "linde-2016-migraine" in cited


def test_a_trial_is_cited_with_its_size(knowledge):
    summary = lookup.condition(knowledge, "neck-pain").evidence.summary
    assert "3.9 points" in summary and "from 0 to 100" in summary and "small" in summary
    assert "Alexander Technique" in summary


JARGON = re.compile(r"\b(SD|SMD|pooled|A&E|electroacupuncture|NCCAOM|FDA)\b")
EXPLAINED = {"NCCAOM": "a national body", "FDA": "Food and Drug Administration"}


def test_condition_pages_use_no_unexplained_jargon(conditions):
    for condition in conditions:
        found = set(JARGON.findall(prose(condition)))
        assert not found, (condition.slug, found)


def test_pages_explain_the_jargon_they_use(knowledge):
    units = [t for p in knowledge.pages() for s in p.sections for t in (s.text or "", *s.points)]
    units += [step.text for stage in knowledge.session().stages for step in stage.steps]
    units += [tip.text for tip in knowledge.tips().tips]
    for text in units:
        assert not re.search(r"\b(SD|SMD|A&E|pooled)\b", text), text
        for word, explanation in EXPLAINED.items():
            if re.search(rf"\b{word}\b", text):
                assert explanation in text, text
        if "NHS 111" in text:
            assert "for example, NHS 111" in text or "In England, NHS 111" in text, text


BACK_REFERENCES = ("the same guideline", "the same survey", "the same study", "the same review",
                   "the same trial", "this guideline")


def test_each_tip_step_and_section_stands_alone(knowledge):
    units = [tip.text for tip in knowledge.tips().tips]
    units += [step.text for stage in knowledge.session().stages for step in stage.steps]
    units += [s.text for p in knowledge.pages() for s in p.sections if s.text]
    units += [term.definition for term in knowledge.glossary().terms]
    for text in units:
        for phrase in BACK_REFERENCES:
            assert phrase not in text.lower(), text


def test_no_note_for_editors_reaches_a_reader(knowledge, conditions):
    everything = [t for record in every_record(knowledge) for t in texts(record)]
    for text in everything:
        assert "Our sources do not confirm" not in text, text
        assert "(cited inline" not in text, text
        # advice is given as advice, not as if a trial had found it
        assert not re.search(r"\b(works|work) best\b|\bhelp most\b", text), text


def test_one_clinics_course_figures_are_labelled_and_kept_to_conditions_with_evidence(conditions):
    for condition in conditions:
        course = condition.course
        if re.search(r"3rd session|third session", course):
            assert "One clinic reports" in course and "one clinic's experience" in course, \
                condition.slug
            assert condition.evidence.rating != "insufficient", condition.slug
        assert "talk with your practitioner about stopping" in course, condition.slug


def test_a_reasonable_option_only_where_its_sources_say_so(knowledge):
    saying = {"nccih-in-depth", "sherman-2009", "vickers-2012"}
    for page in knowledge.pages():
        for section in page.sections:
            if "reasonable option" in (section.text or ""):
                assert saying & set(section.sources), (page.id, section.heading)
    for condition in knowledge.conditions():
        if "reasonable option" in condition.evidence.summary:
            assert saying & set(condition.evidence.sources), condition.slug


# -- sources ------------------------------------------------------------------------------------

SEARCH_PAGE = re.compile(r"[?&](term|q|query|search)=|/search\b", re.IGNORECASE)


def test_every_source_can_be_checked(knowledge):
    for source in knowledge.source_list().sources:
        assert source.pmid or source.doi or not SEARCH_PAGE.search(source.url), source.id
        assert not SEARCH_PAGE.search(source.url), (source.id, source.url)
        if source.kind == "web page":
            assert source.checked is not None, source.id


def test_the_source_check_would_catch_a_search_page():
    assert SEARCH_PAGE.search("https://pubmed.ncbi.nlm.nih.gov/?term=Kaptchuk")
    assert not SEARCH_PAGE.search("https://pubmed.ncbi.nlm.nih.gov/11532840/")


def test_tips_for_neck_pain_do_not_open_with_a_low_back_guideline(invoke):
    import json

    page = json.loads(invoke("tips", "--condition", "neck-pain", "-f", "json").stdout)
    first = page["sections"][0]["blocks"][-1]["items"][0]
    assert "low back" not in first["text"].lower(), first
    every = [item for s in page["sections"] for b in s["blocks"] if b["type"] == "steps"
             for item in b["items"]]
    assert not any("low back" in item["text"].lower() for item in every), \
        "a neck pain list holds no low back pain guideline"


def test_the_session_shows_one_session_before_the_readers_part(invoke):
    lines = invoke("session", "-f", "plain").stdout.splitlines()
    assert lines.index("One session, step by step") < lines.index("Your part during a session")
    visit = invoke("session", "--what-to-expect", "-f", "plain").stdout.splitlines()
    after = visit[visit.index(next(line for line in visit if line.startswith("Time in all"))):]
    assert not any(line.startswith("Sources: [") for line in after), "no stray source line"


def test_the_session_boxes_sources_stand_under_the_boxes(invoke):
    """A section's own line of sources follows what it cites (the safety boxes), never a
    step that has its own."""
    lines = [line for line in invoke("session", "-f", "plain").stdout.splitlines() if line]
    for before, line in itertools.pairwise(lines):
        if line.startswith("Sources: ["):
            assert not before.startswith("   Sources: ["), "a stray source line"


def page_sentences(text: str) -> list[str]:
    """The sentences a reader meets on a page in plain text, but its key points (a summary
    of the rest, by design), headings of one or two words and its source lines."""
    lines = text[:text.index("\nSources\n")].splitlines()
    start = lines.index("Key points")
    end = lines.index("", start)  # the key points end at the first blank line
    kept = []
    for line in lines[:start] + lines[end:]:
        if not line.strip().startswith("Sources: ["):
            kept += re.split(r"(?<=[.!?])\s+", line.strip().removeprefix("- "))
    return [s for s in kept if len(s.split()) >= 3]


@pytest.mark.parametrize("page", [["session"], *(["condition", slug] for slug in CONDITION_SLUGS)],
                         ids=lambda page: page[-1])
def test_a_page_says_each_sentence_once(invoke, page):
    """One place for each piece of advice: the pain diary says how to score and, where the
    page does not, when to talk about stopping."""
    seen, repeated = set(), []
    for sentence in page_sentences(invoke(*page, "-f", "plain").stdout):
        key = " ".join(re.findall(r"[a-z0-9]+", sentence.lower()))
        if key in seen:
            repeated.append(sentence)
        seen.add(key)
    assert repeated == []


# -- readability, as a reader sees the page -------------------------------------------------------


def seen_text(invoke, slug: str) -> str:
    """The words of a condition page as shown in plain text, up to its source list, each
    line a sentence: no citation marks, commands or the list of sources."""
    lines = invoke("condition", slug, "-f", "plain").stdout.splitlines()
    kept = []
    for line in lines[:lines.index("Sources")]:
        if not line.strip() or line.startswith(("Sources: [", "More tips:")) or \
                "(acuinfo condition " in line:
            continue
        line = line.removeprefix("- ").removeprefix("IMPORTANT: ")
        kept.append(line if line.endswith((".", "?", "!", ":")) else line + ".")
    return " ".join(kept)


def test_condition_pages_read_at_grade_8_or_below(invoke):
    """SMOG (median 9 or below, none above 10) and Flesch-Kincaid (8 or below for most,
    none above 10), measured on the text a reader sees."""
    import statistics

    import textstat

    smog = {slug: textstat.smog_index(seen_text(invoke, slug)) for slug in REQUIRED_CONDITIONS}
    fk = {slug: textstat.flesch_kincaid_grade(seen_text(invoke, slug))
          for slug in REQUIRED_CONDITIONS}
    for slug in sorted(smog):
        print(f"{slug:24} SMOG {smog[slug]:4.1f}  FK {fk[slug]:4.1f}")
    assert statistics.median(smog.values()) <= 9, smog
    assert max(smog.values()) <= 10, smog
    assert max(fk.values()) <= 10, fk
    assert sum(grade <= 8 for grade in fk.values()) >= 0.8 * len(fk), fk


def test_smog_would_catch_hard_prose():
    import textstat

    hard = ("Acupuncture's putative neurophysiological mechanisms encompass adenosinergic "
            "antinociception, endogenous opioidergic modulation, and alterations in "
            "default-mode network connectivity demonstrated through functional neuroimaging. "
            "Randomized controlled investigations demonstrated statistically significant "
            "improvements. Heterogeneity considerably complicated interpretation.")
    assert textstat.smog_index(hard) > 10
