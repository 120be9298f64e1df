"""Pick the most informative sentences of the notes with a small TF-IDF scorer."""

from __future__ import annotations

import math
from collections import Counter

from coach.offline.notes import Sentence
from coach.text import FUNCTION_WORDS, words

MIN_WORDS = 5


def _terms(text: str) -> list[str]:
    """Return the content words of a sentence."""
    return [w for w in words(text) if w not in FUNCTION_WORDS and len(w) > 2]


def score_sentences(sentences: list[Sentence]) -> list[float]:
    """Score each sentence by the summed TF-IDF weight of its terms, damped by length."""
    bags = [_terms(s.text) for s in sentences]
    frequency = Counter(t for bag in bags for t in bag)
    spread = Counter(t for bag in bags for t in set(bag))
    n = max(len(sentences), 1)
    scores = []
    for sentence, bag in zip(sentences, bags, strict=True):
        if len(words(sentence.text)) < MIN_WORDS or not bag:
            scores.append(0.0)
            continue
        # fsum over the terms in written order: a plain sum over a set adds in hash order, and
        # two near-equal sentences then swap places from one process to the next.
        terms = dict.fromkeys(bag)
        weight = math.fsum(math.log1p(frequency[t]) * math.log(1 + n / spread[t]) for t in terms)
        scores.append(weight / math.sqrt(len(bag)))
    return scores


def key_points(sentences: list[Sentence], limit: int = 5) -> list[str]:
    """Return up to `limit` top-scoring sentences, in the order they were written."""
    scores = score_sentences(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen = sorted(i for i in ranked[:limit] if scores[i] > 0)
    return [sentences[i].text for i in chosen]
