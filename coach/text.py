"""Text primitives the core and the evals share: sentences, words, stems, question rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations
from typing import Any, NamedTuple

Span = tuple[int, int]


class Segment(NamedTuple):
    """A slice of a source text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str


# A sentence ends at . ! ? or … followed by a capital, a digit or an opening quote; "great
# job... not" therefore stays one sentence. Line breaks always end a sentence.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[*]?[A-Z0-9])|[ \t]*\n\s*")


def trimmed(source: str, start: int, end: int) -> Segment | None:
    """The segment without surrounding whitespace, or None when it is blank."""
    chunk = source[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return Segment(start + lead, start + lead + len(stripped), stripped)


def _inside(pos: int, protected: Iterable[Span]) -> bool:
    """Whether a break position would cut a protected span in two."""
    return any(start < pos < end for start, end in protected)


def split_segment(
    source: str, seg: Segment, pattern: re.Pattern[str], protected: Iterable[Span] = ()
) -> list[Segment]:
    """Split one segment at every pattern match that does not cut a protected span."""
    spans = list(protected)
    pieces: list[Segment] = []
    cursor = seg.start
    for match in pattern.finditer(source, seg.start, seg.end):
        if match.start() <= cursor or _inside(match.start(), spans):
            continue
        piece = trimmed(source, cursor, match.start())
        if piece:
            pieces.append(piece)
        cursor = match.end()
    last = trimmed(source, cursor, seg.end)
    if last:
        pieces.append(last)
    return pieces


def split_sentences(text: str, protected: Iterable[Span] = ()) -> list[Segment]:
    """Split text into sentences with offsets into ``text``."""
    whole = trimmed(text, 0, len(text))
    return split_segment(text, whole, SENTENCE_BREAK, protected) if whole else []


# Session notes are often typed in lower case ("tabs. honestly i was..."): there a bare full
# stop, ! or ? ends a sentence before a lower-case word too, unless it closes an abbreviation
# or an ellipsis; after a quote or a bracket ("disloyal?" because) the sentence goes on.
LOOSE_BREAK = re.compile(
    r"(?<!\.\.)(?<=[.!?])\s+(?=[a-z])|(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9@])"
)
ABBREVIATION = re.compile(
    r"(?<![\w.])(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|prof|approx|ext|no|tel)\.\s", re.IGNORECASE
)


def split_loose(text: str) -> list[Segment]:
    """Split one line of notes into sentences, lower-case starts too; "e.g. this" stays whole."""
    whole = trimmed(text, 0, len(text))
    if not whole:
        return []
    protected = [(m.start(), m.end()) for m in ABBREVIATION.finditer(text)]
    return split_segment(text, whole, LOOSE_BREAK, protected)


def leading_sentences(text: str, limit: int) -> str:
    """Whole sentences of a text (whitespace collapsed), as many as fit in limit (at least one)."""
    out = ""
    for sentence in split_sentences(" ".join(text.split())):
        if out and len(out) + len(sentence.text) + 1 > limit:
            break
        out = f"{out} {sentence.text}".strip()
    return out


# A word is letters and digits, with inner apostrophes kept: "don't" is one word, not "don" + "t".
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# Function words and question words: they carry no topic, so BM25, goal relevance and the
# question near-duplicate rule would otherwise reward every "how do I" sentence.
STOP_WORDS = frozenset(
    (
        "a an and are as at be by for from how i in is it me my of on or our so that the this "
        "to we what when where which who why with you your yours do does can should would could"
    ).split()
)


# Words that say nothing about what a text is about, for scoring sentences by content: the
# stop words and the pronouns, auxiliaries and fillers around them. Not used by `tokenize`
# (BM25 and goal relevance would shift with it).
FUNCTION_WORDS = STOP_WORDS | frozenset(
    (
        "but if to as was were been its these those he she they them his her their us not no "
        "did has have had will just also about into than then there here all any some more "
        "very really"
    ).split()
)


# A word with only its first letter capitalised ("Generative", "Tools"); acronyms and
# mixed-case names ("AI", "LinkedIn", "iPhone") are not matched and keep their case.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def in_sentence(title: str) -> str:
    """A heading as it reads mid-sentence: capitalised words lowered, acronyms and names kept."""
    return _CAPITALISED.sub(lambda m: m.group().lower(), title)


def mid_sentence(typed: str) -> str:
    """Text a user typed, as it reads mid-sentence: only an ordinary capitalised first word is
    lowered ("Giving feedback" -> "giving feedback"); "TikTok", "AI" and the words after it stay
    as typed, since they may be names. (A brand typed first, "Slack", is lowered too.)"""
    first, _, rest = typed.partition(" ")
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        first = first.lower()
    return f"{first} {rest}".rstrip() if rest else first


def words(text: str) -> list[str]:
    """Lower-cased word tokens; curly apostrophes read as straight ones."""
    return WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def stem_words(items: list[str]) -> list[str]:
    """Snowball (Porter 2) stems of English words."""
    return list(_stemmer().stemWords(items))


def stem(word: str) -> str:
    """The Snowball stem of one word."""
    return str(_stemmer().stemWord(word))


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free stems (possessive 's and apostrophes dropped)."""
    plain = (w.removesuffix("'s").replace("'", "") for w in words(text))
    return stem_words([w for w in plain if w and w not in STOP_WORDS])


# Openers that invite a yes or a no; "how", "what", "which" and the like do not.
YES_NO_OPENERS = frozenset(
    (
        "is are was were am do does did can could will would should shall may might must "
        "have has had isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't "
        "wouldn't shouldn't haven't hasn't"
    ).split()
)
DUPLICATE_JACCARD = 0.6


def open_problem(question: str) -> str | None:
    """Why a question is not open (yes/no opener, no question mark); None when it is."""
    q = question.strip()
    if not q.endswith("?"):
        return "does not end with '?'"
    first = next(iter(words(q)), "")
    if first in YES_NO_OPENERS:
        return f"yes/no opener {first!r}"
    return None


def is_open(question: str) -> bool:
    """True for a question that ends with '?' and does not open like a yes/no question."""
    return open_problem(question) is None


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of two questions' content stems; without stems, 1.0 only if equal."""
    sa, sb = set(tokenize(a)), set(tokenize(b))
    if not sa | sb:
        return float(a.strip().lower() == b.strip().lower())
    return len(sa & sb) / len(sa | sb)


def near_duplicates(questions: list[str]) -> list[tuple[int, int, float]]:
    """Index pairs (with their similarity) of questions that say nearly the same thing."""
    pairs = []
    for (i, a), (j, b) in combinations(enumerate(questions), 2):
        sim = similarity(a, b)
        if sim >= DUPLICATE_JACCARD:
            pairs.append((i, j, round(sim, 3)))
    return pairs
