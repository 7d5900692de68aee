"""How the text of each language is cut into the words that search compares.

English is left to SQLite: FTS5's Porter stemmer over its Unicode tokenizer. The
other languages are cut here, in Python, into plain words separated by spaces,
and the index holds those; the query is cut the same way, so both sides always
agree.

- Spanish: accents are optional ("ciatica" finds "ciática") and word forms are
  one ("agujas" finds "aguja", "duelen" finds "duele"): each word loses its
  accents, then Snowball's Spanish stemmer takes it to its stem. The stemmer is
  PyStemmer, Snowball's own C library, about a millisecond to import, and only
  imported to build the index or to search in Spanish.
- Chinese has no spaces between words. A run of Chinese characters is cut into
  its characters and every pair of neighbours (bigrams): a word of two
  characters, the most common length, is then one token, and a longer one is the
  tokens of its pairs in order. A dictionary segmenter such as jieba takes about
  a second to load its dictionary on every run, and a medical word it does not
  know is cut wrongly anyway; bigrams cost nothing and miss nothing.

Latin words inside Chinese text ("NHS", "PEG") are kept as words.
"""

from __future__ import annotations

import re
from functools import cache

from acuinfo.base.languages import ENGLISH
from acuinfo.base.words import all_words, normal_form

SPANISH = "es"
CHINESE = "zh-Hans"
# The languages cut here; English is cut by SQLite (see the module's docstring).
ANALYSED = (SPANISH, CHINESE)

# Han characters: the unified ideographs, extension A, compatibility ideographs, and the
# supplementary planes' extensions.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


@cache
def _token() -> re.Pattern:
    # Compiled at first use: the ideographs' ranges cost about a millisecond and a half,
    # which every process that imports the stopwords would pay.
    return re.compile(f"([{_HAN}]+)|[^\\W_]+")


# Words that say nothing about what is looked for, as they are before stemming (with
# accents, and without, as people type them).
SPANISH_STOPWORDS = frozenset("""
a al algo algun alguna algunas alguno algunos ante antes como con contra cual cuales cuando
de del desde donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta
estas este esto estos estoy esta estan estar fue ha hay hasta la las le les lo los me mi mis
mucho muy nos o otra otro para pero poco por porque que quien se sea ser si sin sobre son soy
su sus tambien te tengo tiene tu tus un una unas uno unos usted y ya yo
""".split())  # noqa: SIM905 - easier to read as prose
# Characters that patients and writers use for one another: "疼" is the everyday word for
# pain, "痛" the written one ("腰疼" and "腰痛" are both low back pain).
CHINESE_ALIKE = str.maketrans({"疼": "痛"})
# Chinese particles and pronouns: dropped from a query before it is cut into pairs.
CHINESE_STOPWORDS = frozenset("的了吗呢吧啊呀嘛我你您他她它们么是")
# Question words, dropped the same way: the longest first.
CHINESE_STOP_PHRASES = ("为什么", "怎么办", "怎么样", "能不能", "是不是", "有没有", "会不会",
                        "怎么", "什么", "可以", "一下")


# The verbs of pain, as the pain they name: "my neck hurts" is neck pain, and "me duele
# la espalda" dolor de espalda. The pages are named and written with the noun; the verb
# alone finds whatever says "if it hurts", and not the page on what hurts.
_PAIN_VERBS = {
    ENGLISH: (r"(?i)\b(?:hurts?|hurting|aches?|aching)\b", "pain"),
    SPANISH: ("(?i)\\b(?:duelen?|duelan?|dol[i\u00ed]an?|doli[o\u00f3]|doliendo)\\b", "dolor"),
}


# Words that most names of pain share, which tell none of them apart.
_UNTELLING = frozenset({"pain", "ache", "dolor", "de", "del", "la", "el", "en", "my", "in",
                        "the", "of", "and", "y"})


TELLING_CUTOFF = 70  # how alike, from 0 to 100, the telling words of two names must be


def telling(key: str) -> str:
    """A name's key without the words that tell no name apart."""
    return "-".join(word for word in key.split("-") if word not in _UNTELLING)


def pain_noun(language: str) -> str:
    """The word for pain that names pages in ``language`` (English's for one with no verbs
    of pain here)."""
    return _PAIN_VERBS.get(language, _PAIN_VERBS[ENGLISH])[1]


def pain_named(query: str, language: str) -> str:
    """``query`` with each verb of pain (hurts, aches; duele, duelen) as the word for
    pain that names pages (pain; dolor)."""
    verbs = _PAIN_VERBS.get(language)
    return re.sub(verbs[0], verbs[1], query) if verbs else query


def analysed(text: str, language: str) -> str:
    """``text`` as the index of ``language`` holds it: its words, space-separated."""
    return " ".join(tokens(text, language))


def tokens(text: str, language: str) -> list[str]:
    """The words of ``text`` in ``language``, in order, as search compares them."""
    if language == SPANISH:
        words = [folded(word) for word in all_words(text)]
        return _spanish_stemmer().stemWords(words) if words else []
    if language == CHINESE:
        return _han_tokens(_chinese(text), pairs_only=False)
    return all_words(text)


def query_words(query: str, language: str) -> list[str]:
    """The words of a query in ``language`` that carry meaning, as the index holds them,
    each once and in order (all of them if none carries meaning)."""
    if language == SPANISH:
        words = [folded(word) for word in all_words(query)]
        meaningful = [word for word in words if word not in SPANISH_STOPWORDS] or words
        stems = _spanish_stemmer().stemWords(meaningful) if meaningful else []
        return list(dict.fromkeys(stems))
    if language == CHINESE:
        text = _chinese(query)
        kept = _spaced_out(text)
        return list(dict.fromkeys(_han_tokens(kept, pairs_only=True) or
                                  _han_tokens(text, pairs_only=True)))
    return list(dict.fromkeys(all_words(query)))


def as_typed(query: str, unknown: list[str], language: str) -> list[str]:
    """The words of ``query`` that the ``unknown`` words (as the index holds words, and
    ``query_words`` gives them) were cut from, as they were typed, to name them back:
    "tobillo", not its stem "tobill". In Chinese a pair of characters that spans two
    words ("孕腰" of "怀孕腰疼") is unknown by nature, so a run of characters is named
    only when none of its pairs is known."""
    if language == SPANISH:
        words = all_words(query)
        stems = _spanish_stemmer().stemWords([folded(word) for word in words]) if words else []
        typed: dict[str, str] = {}
        for word, stem in zip(words, stems, strict=True):
            typed.setdefault(stem, word)
        return list(dict.fromkeys(typed.get(word, word) for word in unknown))
    if language == CHINESE:
        missing = set(unknown)
        shown = normal_form(query).lower()
        kept = _spaced_out(shown.translate(CHINESE_ALIKE))  # each character where it was
        named = []
        for match in _token().finditer(kept):
            tokens = set(_han_tokens(match.group(0), pairs_only=True))
            if tokens and tokens <= missing:
                named.append(shown[match.start():match.end()])
        return list(dict.fromkeys(named))
    return unknown


def name_key(text: str, language: str) -> str:
    """How a name, alias or keyword of ``language`` is stored for exact look-ups: its
    words joined by hyphens, without accents in Spanish, without spaces in Chinese."""
    words = all_words(text)
    if language == SPANISH:
        return "-".join(folded(word) for word in words)
    if language == CHINESE:
        return "".join(words).translate(CHINESE_ALIKE) if _has_han(text) else "-".join(words)
    return "-".join(words)


def meaningful_name_key(query: str, language: str) -> str:
    """A query as the name it may be, without the words that carry no meaning: "tengo
    ciática" is "ciatica", "我颈痛" is "颈痛" (as ``name_key`` stores names)."""
    if language == SPANISH:
        words = [folded(word) for word in all_words(query)]
        return "-".join([word for word in words if word not in SPANISH_STOPWORDS] or words)
    if language == CHINESE and _has_han(query):
        kept = _chinese(query)
        for phrase in CHINESE_STOP_PHRASES:
            kept = kept.replace(phrase, "")
        return "".join(char for char in kept if char not in CHINESE_STOPWORDS
                       and not char.isspace() and (char.isalnum() or _has_han(char)))
    return name_key(query, language)


def name_spans(query: str, language: str, longest: int = 6) -> dict[str, int]:
    """Every run of the query that could be a whole name, as ``name_key`` stores names,
    and how many words (or, in Chinese, characters) long it is."""
    words = all_words(query)[:40]
    if language == CHINESE and _has_han(query):
        text = "".join(words)[:60].translate(CHINESE_ALIKE)
        return {text[i:j]: j - i for i in range(len(text))
                for j in range(i + 2, min(len(text), i + 8) + 1)}
    if language == SPANISH:
        words = [folded(word) for word in words]
    return {"-".join(words[i:j]): j - i for i in range(len(words))
            for j in range(i + 1, min(len(words), i + longest) + 1)}


def folded(word: str) -> str:
    """``word`` without accents ("ciática" is "ciatica", "año" is "ano")."""
    if word.isascii():
        return word
    import unicodedata

    return "".join(char for char in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(char))


def _han_tokens(text: str, pairs_only: bool) -> list[str]:
    """Latin words as they are; a Han run as its characters and neighbouring pairs
    (``pairs_only``: as its pairs, or the character if it stands alone)."""
    found: list[str] = []
    for match in _token().finditer(text):
        run = match.group(1)
        if run is None:
            found.append(match.group(0))
            continue
        pairs = [run[at:at + 2] for at in range(len(run) - 1)]
        if pairs_only:
            found.extend(pairs or [run])
        else:
            found.extend(run)
            found.extend(pairs)
    return found


def _spaced_out(text: str) -> str:
    """Chinese ``text`` with its question words and particles turned to spaces, one for
    each of their characters, so that the rest keeps its place."""
    for phrase in CHINESE_STOP_PHRASES:
        text = text.replace(phrase, " " * len(phrase))
    return "".join(" " if char in CHINESE_STOPWORDS else char for char in text)


def _chinese(text: str) -> str:
    return normal_form(text).lower().translate(CHINESE_ALIKE)


def _has_han(text: str) -> bool:
    return any(match.group(1) for match in _token().finditer(text))


@cache
def _spanish_stemmer():
    import Stemmer

    return Stemmer.Stemmer("spanish")


def is_analysed(language: str) -> bool:
    """Whether acuinfo, not SQLite, cuts the words of ``language``."""
    return language != ENGLISH and language in ANALYSED
