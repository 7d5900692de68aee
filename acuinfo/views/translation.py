"""What a page in another language says about its translation: which entries are shown
in English for want of one, and that no qualified medical translator has checked it.

Every record the knowledge read in the reader's language remembers which of its parts
stayed in English and what its translation's header says (see
``acuinfo.knowledge.translating``); the note is built from those, so that every view
gets it the same way, and a page in English gets none.
"""

from __future__ import annotations

from acuinfo.base.languages import ENGLISH, language_name
from acuinfo.base.phrases import phrases_for
from acuinfo.base.safetext import shown_name
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.document import Document, Paragraph, Section

# Files that are the same in every language: the sources cite papers by their own
# titles, and a clinic's profile holds its names and numbers.
_NOT_TRANSLATED = (records.SourceList, records.Source, records.Clinic)


def noted(document: Document, knowledge: Knowledge) -> Document:
    """``document`` with a note on its translation first, when it is in another language."""
    language = knowledge.language
    if language == ENGLISH:
        return document
    say = phrases_for(language)
    name = say(language_name(language))
    english: list[str] = []
    partly: list[str] = []
    unchecked = False
    for record in knowledge.read_in_language:
        origin = getattr(record, "origin", None)
        if isinstance(record, _NOT_TRANSLATED) or origin is None:
            continue
        data = origin.data
        title = _title(record, data.file)
        if origin.in_english():
            english.append(title)
            continue
        if any(part[:len(origin.path)] == origin.path for part in data.untranslated):
            partly.append(title)
        review = (data.translation[1] if data.translation else {}).get("translator_review")
        unchecked = unchecked or review in (None, "pending")
    texts = []
    if english:
        texts.append(say("Not yet translated into {language}, so shown in English: {titles}.",
                         language=name, titles=", ".join(dict.fromkeys(english))))
    if partly:
        texts.append(say("Some parts of {titles} are not yet translated into {language}, so "
                         "they are shown in English.", language=name,
                         titles=", ".join(dict.fromkeys(partly))))
    if unchecked:
        texts.append(say("This translation has not yet been checked by a qualified medical "
                         "translator. If something is not clear, ask your practitioner."))
    if not texts:
        return document
    note = Section("", [Paragraph(" ".join(texts))], "translation")
    return document._replace(sections=[note, *document.sections])


def _title(record: object, file: str) -> str:
    """What a reader calls a record: its title, or its term, or its file's name."""
    for field in ("title", "term"):
        value = getattr(record, field, None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return shown_name(file)
