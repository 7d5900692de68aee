"""Telling when two pieces of a handout say the same thing: sentences in the form that
is compared, the words that carry meaning, pointers to commands that have no place on
paper, and what a handout has said already (``SaidOnce``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from acuinfo.finding.analysis import SPANISH_STOPWORDS

T = TypeVar("T")


# A command a screen page points to, in quotes: "acuinfo safety".
_POINTER = re.compile(r"[\"\u201c]acuinfo ([a-z-]+)[^\"\u201d]*[\"\u201d]")


# A sentence about scoring pain from 0 to 10 ("from 0 (no pain) to 10" too), which the
# pain diary says.
SCORING = re.compile(r"\b0 (?:\([^()]*\) )?(?:to|a) 10\b|\b2 (?:points|puntos)\b"
                     r"|0分?到10分|下降2分")


# The end of a sentence: a full stop, question or exclamation mark before a new one (a
# Spanish one may open with "¿", "¡" or an accented capital), or a Chinese full stop,
# question or exclamation mark, which needs no space after it.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d)]))\s+"
                           r"(?=[A-Z0-9\"\u201c(\u00bf\u00a1\u00c0-\u00de])"
                           r"|(?<=[\u3002\uff01\uff1f])\s*(?=\S)")


# A sentence that leans on the one before it, and stays with it: in English, Spanish and
# Chinese ("This can be ...", "Esto puede ser ...", "这可能是……").
_LEANS_BACK = re.compile(r"(?:This|These|That|Those|They|Then|So|Also|But|The same|"
                         r"Do the same|Esto|Esta|Estos|Estas|Eso|Así que|Luego|También|"
                         r"Pero|Lo mismo)\b|这|那|所以|但|也")


# Words that carry little meaning of their own ("not", "more", "before" and "after" do).
_FILLER_WORDS = (
    "a about an and any are as at be by can do feel feeling for from get had has have how "
    "if in into is it its keep make may of on or so such than that the their them then "
    "these they this to try up use way ways what when which with you your")


# The English words above, and Spanish's (with and without accents): in a handout in
# Spanish, "de", "la" and "y" would otherwise make any two pieces of advice look alike.
_FILLER = frozenset(_FILLER_WORDS.split()) | SPANISH_STOPWORDS


# A word, in any language: letters and digits ("acupuncture", "acupuntura", or a run of
# Chinese characters between punctuation), so that a translated handout's sentences are
# compared too, not all taken for one empty sentence.
_WORD = re.compile(r"[^\W_]+")


# Words that say the same thing, in one form.
_SAME_WORD = {"breathless": "breath", "breathlessness": "breath", "shortness": "short"}


def said_form(sentence: str) -> str:
    """A sentence in the form compared for repeats: lower case, words only."""
    return " ".join(_WORD.findall(sentence.lower()))


def letter_words(text: str) -> set[str]:
    """A text's words of letters only, in lower case, in any language."""
    return set(re.findall(r"[^\W\d_]+", text.lower()))


# The Chinese full stop, question and exclamation marks, after which no space is written.
_CJK_ENDS = ("\u3002", "\uff01", "\uff1f")


def joined(sentences: Iterable[str]) -> str:
    """Sentences as one line again: a space between them, but none after a Chinese full
    stop, question or exclamation mark, as Chinese is written."""
    line = ""
    for sentence in sentences:
        line += (" " if line and not line.endswith(_CJK_ENDS) else "") + sentence
    return line


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def without_scoring(text: str | None) -> str | None:
    """A text but its sentences about scoring pain from 0 to 10, which the pain diary
    says, line by line."""
    if not text:
        return text
    return "\n".join(joined(s for s in split_sentences(line) if not SCORING.search(s))
                     for line in text.split("\n"))


def without_topics(text: str | None, topics: list[re.Pattern[str]]) -> str | None:
    """A text but its sentences (with the ones that lean on them) about any of
    ``topics``, which another part of a handout holds."""
    if not text or not topics:
        return text
    return "\n".join(joined(sentence for group in sentence_groups(line)
                              if not any(topic.search(s) for s in group for topic in topics)
                              for sentence in group)
                     for line in text.split("\n"))


def sentence_groups(line: str) -> list[list[str]]:
    """A line's sentences, each with the ones after it that lean on it ("This can be ...")."""
    groups: list[list[str]] = []
    for sentence in split_sentences(line):
        if groups and _LEANS_BACK.match(sentence):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def meaning_words(text: str) -> set[str]:
    """The words that carry meaning, roughly stemmed, to tell whether one piece of advice
    already holds another."""
    found = set()
    for word in _WORD.findall(text.lower()):
        word = _SAME_WORD.get(word, word)
        if word in _FILLER:
            continue
        for ending in ("ing", "ed", "es", "ly", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[:-len(ending)]
                break
        found.add(word)
    return found


def holds_words_of(fuller: str, other: str, share: float) -> bool:
    """Whether ``fuller`` says what ``other`` says: at least ``share`` of the meaningful
    words of ``other`` (and two or more of them) are in it."""
    wanted = meaning_words(other)
    common = wanted & meaning_words(fuller)
    return len(common) >= min(2, len(wanted)) and len(common) >= share * len(wanted)


def without_pointers(text: str | None) -> tuple[str, list[str]]:
    """``text`` without its sentences that point to a command, and the commands they named."""
    if not text:
        return "", []
    named: list[str] = []
    lines = []
    for line in text.split("\n"):
        kept = []
        for sentence in split_sentences(line):
            found = _POINTER.findall(sentence)
            named += found
            if not found:
                kept.append(sentence)
        if kept:
            lines.append(joined(kept))
    return "\n".join(lines), named


def area_of(heading: str) -> str:
    """What a box of warning signs is about: "Back pain" in "Back pain: get help now"."""
    return heading.split(":", 1)[0] if ":" in heading else heading


def is_about_acupuncture(heading: str) -> bool:
    """Whether a box of warning signs is about acupuncture itself (during or after it)."""
    return re.search(r"\b(acupuncture|session)\b", area_of(heading), re.IGNORECASE) is not None


class SaidOnce:
    """What a handout has said already, so that it says each thing once, and the English
    words of what it shows in another language (``english``: see
    ``acuinfo.views.common.english_words_of``)."""

    def __init__(self, english: dict[str, str]) -> None:
        self.english = english
        self.said: set[str] = set()
        self.signs: list[str] = []  # every warning sign shown

    def en(self, text: str) -> str:
        """``text`` in English, where it is a heading, point or sign read in another
        language: the rules that tell what a part is about, and whether one sign holds
        another, read English words."""
        return self.english.get(text, text)

    def fresh(self, text: str | None) -> str:
        """``text`` without what this handout has said already (a sentence with the ones
        that lean on it); what is left counts as said."""
        lines = []
        for line in (text or "").split("\n"):
            groups = [group for group in sentence_groups(line)
                      if not all(said_form(sentence) in self.said for sentence in group)]
            for group in groups:
                self.said.update(said_form(sentence) for sentence in group)
            if groups:
                lines.append(joined(sentence for group in groups for sentence in group))
        return "\n".join(lines)

    def fresh_items(self, items: list[str]) -> list[str]:
        return [kept for kept in (self.fresh(item) for item in items) if kept]

    def fresh_signs(self, signs: list[str]) -> list[str]:
        """Warning signs not yet shown: a sign all of whose words an earlier sign holds is
        left out, so nothing it says is lost."""
        kept = []
        for sign in signs:
            if any(holds_words_of(self.en(earlier), self.en(sign), 1.0)
                   for earlier in self.signs):
                continue
            self.signs.append(sign)  # whole: never a sentence taken out of a sign
            self.said.update(said_form(sentence) for sentence in split_sentences(sign))
            kept.append(sign)
        return kept
