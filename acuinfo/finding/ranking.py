"""Rank every entry against the words a patient types.

Full-text ranking (BM25, with Porter stemming so "needles" finds "needle") comes
from SQLite's FTS5 over the cached index. A word the index does not hold is
taken as a likely misspelling and replaced by the closest indexed words
(rapidfuzz, imported only then). A query that is exactly a name, alias or
keyword of an entry ranks that entry first, so "bulging disc" finds the
herniated disc page; one that is a condition's title or alias ("sciatica", "I
have sciatica") finds that condition before any page that only mentions it.
Synonyms live in the knowledge files, not here.

A phrase can be set aside (the name of an illness acuinfo has no page on, see
``names.yaml``): it then finds only entries that hold all its words in order, so
that "rheumatoid arthritis" does not find osteoarthritis by its last word. The
words of a query that nothing holds are reported, and a query that finds
nothing gets the names spelled most like it (``closest``).

BM25 gives a word found in half the entries or more no weight at all (FTS5 sets
its inverse document frequency to almost nothing), yet ranking every entry that
holds it costs the most: with ten thousand conditions, "pain" is in all of them.
So candidates are found by the query's other words when it has any, and every
word still counts towards how much of the query a candidate covers.

Text is compared in one Unicode form (NFKC), so a name typed with combining
accents, or in full-width letters, finds the entry written the usual way. A
query's words are taken once each, and only the first ``MAX_QUERY_WORDS`` of
them: a pasted letter is answered as quickly as a short question.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence

from acuinfo.base.integrity import DamagedCache, checksum, verified
from acuinfo.base.languages import ENGLISH
from acuinfo.base.namedrecord import Record
from acuinfo.base.words import all_words, phrase_key
from acuinfo.finding import analysis

STOPWORDS = frozenset("""
a about after all am an and any are as at be been before being but by can could did do does
doing during for from get gets got had has have having how i if im in into is it its just me
might my of off on or our out over should so some such than that the their them then there
these they this those to too up very was we were what when where which while who why will
with would you your yours
""".split())  # noqa: SIM905 - easier to read as prose
FUZZY_CUTOFF = 75
CLOSEST_CUTOFF = 85  # how alike a name must be to offer it when a query found nothing
SPELLED_LIKE = 0.9  # how alike two long names must be for one to be a misspelling of the other
NAMES_WEIGHT = 6.0  # a word in an entry's names counts six times one in its text
PHRASE_BOOST = 25.0
# A query that is a condition's title or alias ("sciatica") finds that condition before
# any page that only mentions it: more than BM25 gives any entry for a short query.
CONDITION_NAME_BOOST = 100.0
# Conditions are what most searches are after; the others are parts of pages.
KIND_WEIGHTS = {"condition": 1.1, "page": 1.1, "glossary": 1.0, "session": 1.0, "tip": 1.0}
MAX_QUERY_CHARS = 2000  # a query is cut here: about a page of a pasted letter
MAX_QUERY_WORDS = 32  # distinct words that carry meaning, the first ones kept


class Hit(Record):
    """One search result and the command that opens it."""

    kind: str
    name: str
    title: str
    command: str
    score: float
    snippet: str


def words_of(query: str, language: str = ENGLISH) -> list[str]:
    """The words of a query that carry meaning, each once, at most ``MAX_QUERY_WORDS``;
    in Spanish and Chinese, as their index holds them (see ``acuinfo.finding.analysis``)."""
    if analysis.is_analysed(language):
        return analysis.query_words(query[:MAX_QUERY_CHARS], language)[:MAX_QUERY_WORDS]
    words = list(dict.fromkeys(all_words(query[:MAX_QUERY_CHARS])))
    meaningful = [w for w in words if w not in STOPWORDS]
    return (meaningful or words)[:MAX_QUERY_WORDS]


def language_of(connection: sqlite3.Connection) -> str:
    """The language an index holds its entries in (English for one that does not say)."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'language'").fetchone()
    return row[0].decode() if row and isinstance(row[0], bytes) else row[0] if row else ENGLISH


def key_of(name: str, language: str) -> str:
    """How the index of ``language`` keys a name, for exact look-ups."""
    return analysis.name_key(name, language) if analysis.is_analysed(language) else \
        phrase_key(name)


class Found(Record):
    """What a query found: its hits, best first, and the words of it that nothing in
    the index holds, nor any word spelled like them."""

    hits: list[Hit]
    unknown: list[str]


def search(connection: sqlite3.Connection, query: str, limit: int = 10,
           phrases: Sequence[str] = ()) -> list[Hit]:
    """The best ``limit`` entries for ``query``, best first, one per command."""
    return find(connection, query, limit, phrases).hits


def find(connection: sqlite3.Connection, query: str, limit: int = 10,
         phrases: Sequence[str] = ()) -> Found:
    """The best ``limit`` entries for ``query``, best first, one per command, and the
    words of the query that found nothing. Each of ``phrases`` (such as the name of an
    illness that acuinfo has no page on, taken out of the query) counts as one more
    word of the query, found only by an entry that holds all its words in order: so
    "rheumatoid arthritis" finds what mentions it, not osteoarthritis by its last word."""
    language = language_of(connection)
    query = query[:MAX_QUERY_CHARS]
    vocabulary: list[str] = []  # read once, only if a word needs it
    alternatives, unknown = [], []
    words = words_of(query, language)
    if phrases:  # "I have" beside a phrase set aside says nothing to look for
        words = [word for word in words if word not in STOPWORDS]
    # A verb of pain finds what it says ("does it hurt") and the pain it names ("my neck
    # hurts" is neck pain): the noun is one more way to match it.
    as_noun = analysis.pain_named(query, language)
    verbs = set(words) - set(words_of(as_noun, language)) if as_noun != query else set()
    for word in words:
        terms = _terms_for(connection, word, vocabulary)
        if word in verbs:
            noun = words_of(analysis.pain_noun(language), language)[0]
            terms = [*terms, *_terms_for(connection, noun, vocabulary)]
        if terms:
            alternatives.append(terms)
        elif word not in STOPWORDS:
            unknown.append(word)
    whole = [" ".join(all_words(phrase)) for phrase in phrases]
    alternatives += [[phrase] for phrase in dict.fromkeys(whole) if phrase]
    scores, named = _phrase_boosts(connection, query, whole, language)
    if verbs:  # a name the noun makes of it, as "neck pain" of "my neck hurts"
        more, also = _phrase_boosts(connection, as_noun, whole, language)
        scores.update({entry: max(boost, scores.get(entry, 0.0)) for entry, boost in more.items()})
        named |= also
    if analysis.is_analysed(language):
        unknown = analysis.as_typed(query, unknown, language)
    if not alternatives and not scores:
        return Found([], unknown)
    match = " OR ".join(_any_of(terms) for terms in alternatives)
    if alternatives:
        rows = connection.execute(
            f"SELECT rowid, bm25(words, 1.0, {NAMES_WEIGHT}) AS score FROM words"  # body, names
            " WHERE words MATCH ? ORDER BY score LIMIT ?",
            (_candidate_match(connection, alternatives), max(limit * 5, 50))).fetchall()
        coverage = _coverage(connection, alternatives, [row[0] for row in rows])
        for rowid, rank in rows:
            # More of the query's words matched counts for more than many hits of one.
            share = coverage[rowid] / len(alternatives)
            scores[rowid] = scores.get(rowid, 0.0) - rank * (0.25 + share * share)
    return Found(_best(connection, scores, named, match if alternatives else None, limit),
                 unknown)


def closest(connection: sqlite3.Connection, query: str, count: int = 3) -> list[Hit]:
    """Entries with a name, alias or keyword spelled much like the whole query, closest
    first: topics to offer when the query found nothing at all."""
    from rapidfuzz import fuzz, process

    language = language_of(connection)
    key = key_of(query[:200], language)
    if len(key) < 3 and not analysis.is_analysed(language):
        return []
    # A name much shorter than the query is in it by chance ("er" in "frozenshoulder").
    rows = [row for row in connection.execute("SELECT key, entry FROM names")
            if len(row[0]) * 2 >= len(key)]
    close = process.extract(key, [row[0] for row in rows], scorer=fuzz.WRatio,
                            limit=count * 8, score_cutoff=CLOSEST_CUTOFF)
    scores: dict[int, float] = {}
    for _, score, index in close:
        entry = rows[index][1]
        scores[entry] = max(scores.get(entry, 0.0), score)
    return _best(connection, scores, set(), None, count)


def meaningful_key(text: str) -> str:
    """A query or a name as its words that carry meaning, for telling whether a query is
    just that name: "I have a pinched nerve" is "pinched-nerve"."""
    return "-".join(words_of(text))


def phrases_in(query: str, keys: Collection[str]) -> list[tuple[str, int, int]]:
    """The ``keys`` (as ``phrase_key`` makes them) that occur in ``query`` as runs of whole
    words, or spelled much like one, longest first and no two overlapping: each as
    (key, first word, word after the last) among the query's ``all_words``. A key of
    three letters or fewer ("ms") counts only when it is all the query says."""
    words = all_words(query[:MAX_QUERY_CHARS])[:40]
    sizes: dict[int, set[str]] = {}
    for key in keys:
        if key:
            sizes.setdefault(key.count("-") + 1, set()).add(key)
    found: list[tuple[str, int, int]] = []
    used: set[int] = set()
    for size in sorted(sizes, reverse=True):
        for start in range(len(words) - size + 1):
            span = words[start:start + size]
            if used.intersection(range(start, start + size)) or all(
                    word in STOPWORDS for word in span):
                continue
            key = "-".join(span)
            match = key if key in sizes[size] else _spelled_like(key, sizes[size])
            if match is None or (len(match) <= 3 and meaningful_key(query) != match):
                continue
            found.append((match, start, start + size))
            used.update(range(start, start + size))
    return found


def _spelled_like(key: str, keys: Collection[str]) -> str | None:
    """The one of ``keys`` that ``key`` is a likely misspelling of, for keys of eight
    letters or more ("rheumatoid-arthritus"); difflib, as rapidfuzz costs more to import
    than this saves."""
    near = [k for k in keys if len(k) >= 8 and abs(len(k) - len(key)) <= 2]
    if len(key) < 8 or not near:
        return None
    from difflib import SequenceMatcher

    best = max(near, key=lambda k: SequenceMatcher(None, key, k).ratio())
    return best if SequenceMatcher(None, key, best).ratio() >= SPELLED_LIKE else None


def _candidate_match(connection: sqlite3.Connection, alternatives: list[list[str]]) -> str:
    """The query's words that BM25 gives weight to, as an FTS5 query; all of them if
    none has any (see the module's docstring)."""
    (entries,) = connection.execute("SELECT max(id) FROM entries").fetchone()  # ids run 1..N
    half = ((entries or 0) + 1) // 2
    # Counting stops at half the entries: past that, the word has no weight.
    telling = [terms for terms in alternatives if connection.execute(
        "SELECT count(*) FROM (SELECT 1 FROM words WHERE words MATCH ? LIMIT ?)",
        (_any_of(terms), half)).fetchone()[0] < half]
    return " OR ".join(_any_of(terms) for terms in telling or alternatives)


def _any_of(terms: list[str]) -> str:
    return " OR ".join(f'"{term}"' for term in terms)


def _coverage(connection: sqlite3.Connection, alternatives: list[list[str]],
              rowids: list[int]) -> dict[int, int]:
    """How many of the query's words (or their stand-ins) each candidate holds."""
    counts = dict.fromkeys(rowids, 0)
    marks = ",".join("?" * len(rowids))
    for terms in alternatives:
        match = _any_of(terms)
        for (rowid,) in connection.execute(
                f"SELECT rowid FROM words WHERE words MATCH ? AND rowid IN ({marks})",
                (match, *rowids)):
            counts[rowid] += 1
    return counts


def _terms_for(connection: sqlite3.Connection, word: str, vocabulary: list[str]) -> list[str]:
    """The word itself if the index holds it, else the closest words it does hold;
    ``vocabulary`` is filled with every indexed word the first time one is needed."""
    if connection.execute("SELECT 1 FROM words WHERE words MATCH ? LIMIT 1",
                          (f'"{word}"',)).fetchone():
        return [word]
    if len(word) < 4:
        return []
    from rapidfuzz import fuzz, process

    if not vocabulary:
        vocabulary.extend(row[0] for row in connection.execute("SELECT term FROM vocabulary"))
    close = process.extract(word, vocabulary, scorer=fuzz.ratio, limit=3,
                            score_cutoff=FUZZY_CUTOFF)
    return [term for term, _, _ in close]


def _phrase_boosts(connection: sqlite3.Connection, query: str, phrases: Sequence[str] = (),
                   language: str = ENGLISH) -> tuple[dict[int, float], set[int]]:
    """Entries with a name, alias or keyword that is the query, or a phrase of two or more
    words inside it ("how long" in "how long does a session take"), or one of
    ``phrases``, and how much each should rise: in proportion to how much of the query
    the phrase covers. Also the entries that the whole query names (a title or an alias,
    not a keyword)."""
    if analysis.is_analysed(language):
        spans, length, whole = _spans_in(query, language, bool(phrases))
    else:
        words = all_words(query)[:40]  # as typed, repeats and all: a phrase is in order
        single = len(words) == 1 and not phrases
        spans = {"-".join(words[i:j]): j - i for i in range(len(words))
                 for j in range(i + 1, min(len(words), i + 6) + 1) if j - i >= 2 or single}
        if not phrases:  # "I have sciatica" says "sciatica"
            spans.setdefault(meaningful_key(query), len(words))
        length = len(words)
        # The whole query, as typed or as its words that carry meaning ("I have sciatica").
        whole = set() if phrases else {"-".join(words), meaningful_key(query)}
    for phrase in phrases:
        spans[phrase_key(phrase)] = len(phrase.split())
    spans.pop("", None)
    if not spans:
        return {}, set()
    length += sum(len(phrase.split()) for phrase in phrases)
    boosts: dict[int, float] = {}
    named: set[int] = set()
    marks = ",".join("?" * len(spans))
    for key, entry, alias in connection.execute(
            f"SELECT key, entry, alias FROM names WHERE key IN ({marks})", list(spans)):
        boost = PHRASE_BOOST * spans[key] / length
        boosts[entry] = max(boosts.get(entry, 0.0), boost)
        if alias and key in whole:
            named.add(entry)
    return boosts, named


def _spans_in(query: str, language: str, phrases: bool
              ) -> tuple[dict[str, int], int, set[str]]:
    """For a query in Spanish or Chinese: its runs that may be names, with their sizes;
    its size; and the keys of it as a whole (as typed, and its words that carry
    meaning). A run of one word counts only when it is all the query says."""
    spans = analysis.name_spans(query, language)
    length = max(spans.values(), default=1)
    if length > 1 and language != analysis.CHINESE:
        spans = {key: size for key, size in spans.items() if size >= 2}
    whole = {analysis.name_key(query, language), analysis.meaningful_name_key(query, language)}
    if not phrases:
        for key in whole:
            spans.setdefault(key, length)
    return spans, length, set() if phrases else whole


def _best(connection: sqlite3.Connection, scores: dict[int, float], named: set[int],
          match: str | None, limit: int) -> list[Hit]:
    """One hit per command (the best-scoring entry behind it), weighted by kind, best first;
    a condition that the whole query names comes before anything that only mentions it.
    Snippets are worked out for the hits shown."""
    best: dict[str, tuple[float, int, tuple]] = {}
    found = {}
    ids = list(scores)
    body_checksums = {}
    for start in range(0, len(ids), 500):  # older SQLite takes at most 999 parameters
        chunk = ids[start:start + 500]
        for rowid, *row, expected, body_checksum in connection.execute(
                "SELECT id, kind, name, title, command, summary, checksum, body_checksum"
                f" FROM entries WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            found[rowid] = verified(tuple(row), expected)
            body_checksums[rowid] = body_checksum
    for rowid, score in scores.items():
        row = found.get(rowid)
        if row is None:  # words of an entry the index does not hold
            raise DamagedCache("the index finds words of an entry it does not hold")
        weighted = score * KIND_WEIGHTS.get(row[0], 1.0)
        if row[0] == "condition" and rowid in named:
            weighted += CONDITION_NAME_BOOST
        # Entries that score alike come in the order of what they hold, not of their
        # rows, which an update of the index renumbers.
        if row[3] not in best or (-weighted, row) < (-best[row[3]][0], best[row[3]][2]):
            best[row[3]] = (weighted, rowid, row)
    ranked = sorted(best.values(), key=lambda item: (-item[0], item[2]))[:limit]
    hits = []
    # The index of a language cut here holds its words as stems and character pairs, not
    # as a reader wrote them: its hits show their summary.
    cut = analysis.is_analysed(language_of(connection)) if ranked else False
    for score, rowid, (kind, name, title, command, summary) in ranked:
        found = None if cut else _snippet(connection, match, rowid, body_checksums[rowid])
        snippet = " ".join((found or summary).split())
        hits.append(Hit(kind, name, title, command, round(score, 3), snippet))
    return hits


def _snippet(connection: sqlite3.Connection, match: str | None, rowid: int,
             body_checksum: int) -> str | None:
    """The words around the match in one entry's text, worked out for shown hits only,
    from a text that passes its checksum."""
    if match is None:
        return None
    row = connection.execute("SELECT snippet(words, 0, '', '', ' ... ', 14), names, body"
                             " FROM words WHERE words MATCH ? AND rowid = ?",
                             (match, rowid)).fetchone()
    if row is None:
        return None
    if checksum(row[1], row[2]) != body_checksum:
        raise DamagedCache("an entry's text in the index does not match its checksum")
    return row[0]


def names_of(connection: sqlite3.Connection, kind: str) -> list[str]:
    """Every name of ``kind`` entries, for completion and suggestions."""
    return sorted({verified(tuple(row), expected)[1] for *row, expected in connection.execute(
        "SELECT kind, name, title, command, summary, checksum FROM entries WHERE kind = ?",
        (kind,))})


def lookup(connection: sqlite3.Connection, kind: str, name: str) -> str | None:
    """The entry of ``kind`` that a title or alias names exactly (keywords are only for
    search: one keyword may suit several entries)."""
    row = connection.execute(
        "SELECT e.kind, e.name, e.title, e.command, e.summary, e.checksum"
        " FROM names n JOIN entries e ON e.id = n.entry"
        " WHERE n.key = ? AND e.kind = ? AND n.alias > 0"
        " ORDER BY n.alias DESC, e.name, e.title LIMIT 1",  # by content, not row, on a tie
        (key_of(name, language_of(connection)), kind)).fetchone()
    return verified(row[:5], row[5])[1] if row else None


def claims(connection: sqlite3.Connection, kind: str, name: str) -> list[tuple[str, str]]:
    """(name, title) of every entry of ``kind`` that a title or alias names exactly, by
    title: more than one when two entries go by one name. A slug or title outranks an
    alias: a clinic's "Jaw ache" is what "jaw ache" names, though jaw pain has it as an
    alias."""
    rows = connection.execute(
        "SELECT n.alias, e.kind, e.name, e.title, e.command, e.summary, e.checksum"
        " FROM names n JOIN entries e ON e.id = n.entry"
        " WHERE n.key = ? AND e.kind = ? AND n.alias > 0",
        (key_of(name, language_of(connection)), kind)).fetchall()
    top = max((row[0] for row in rows), default=0)
    found = {row[1]: row[2] for row in (verified(tuple(r[1:6]), r[6]) for r in rows
                                         if r[0] == top)}
    return sorted(found.items(), key=lambda item: (item[1].lower(), item[0]))


def described(connection: sqlite3.Connection, kind: str,
              names: list[str]) -> dict[str, tuple[str, str]]:
    """(title, summary) of each of ``names`` that is an entry of ``kind``."""
    if not names:
        return {}
    rows = connection.execute(
        "SELECT kind, name, title, command, summary, checksum FROM entries"
        f" WHERE kind = ? AND name IN ({','.join('?' * len(names))})", (kind, *names))
    return {row[1]: (row[2], row[4]) for row in (verified(tuple(r[:5]), r[5]) for r in rows)}


def suggest(connection: sqlite3.Connection, kind: str, name: str, count: int = 3) -> list[str]:
    """Names of ``kind`` entries that look like ``name``, closest first, each with its
    title where that says more (what cervical-radiculopathy is, or in another language)."""
    from rapidfuzz import fuzz, process

    rows = [(key, verified(tuple(row), expected)) for key, *row, expected in connection.execute(
        "SELECT n.key, e.kind, e.name, e.title, e.command, e.summary, e.checksum"
        " FROM names n JOIN entries e ON e.id = n.entry"
        " WHERE e.kind = ? AND n.alias > 0", (kind,))]
    keys = [key for key, _ in rows]
    wanted = key_of(name, language_of(connection))[:200]
    close = process.extract(wanted, keys, scorer=fuzz.WRatio, limit=count * 4, score_cutoff=70)
    # Alike in the words that tell names apart: "dolor de rodilla" is not "dolor de mandibula"
    telling = analysis.telling(wanted)
    if telling:
        close = [hit for hit in close
                 if fuzz.WRatio(telling, analysis.telling(hit[0]) or hit[0])
                 >= analysis.TELLING_CUTOFF]
    found = [(entry[1], entry[2]) for entry in (rows[index][1] for _, _, index in close)]
    return list(dict.fromkeys(name if phrase_key(title) == name else f"{name} ({title})"
                              for name, title in found))[:count]
