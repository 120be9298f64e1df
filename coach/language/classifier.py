"""The trained clause classifier: is a clause a judgement, and of which kind (numpy only)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from coach.language import cues, semantic
from coach.language.nlp import sentiment

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

MODEL = semantic.DATA / "clause_model.npz"
# What the weights were fitted on; `python -m coach.language.train` refits them from these.
TRAINING_FILES = (
    "coach/language/data/examples.toml",
    "evals/datasets/feedback.jsonl",
    "evals/datasets/feedback_blind_dev.jsonl",
)
ANY = "any"
_YOU = frozenset({"you", "u", "ur", "your", "he", "she", "his", "her", "they", "their"})
_NEGATION = frozenset({"never", "no", "nothing", "nobody", "none", "nowhere"})


def data_hash() -> str:
    """The hash of the training files as they are now in the checkout."""
    return semantic.files_hash(TRAINING_FILES)


def _cheap(clause: Span) -> list[float]:
    """VADER's compound and negative share, a person as subject, a negation, a generation."""
    scores = sentiment(clause.text)
    person = any(t.lower_ in _YOU and t.dep_ in ("nsubj", "nsubjpass", "poss") for t in clause)
    negation = any(t.dep_ == "neg" or t.lower_ in _NEGATION for t in clause)
    return [
        scores["compound"],
        scores["neg"],
        float(person),
        float(negation),
        float(bool(cues.GENERATION.search(clause.text))),
    ]


def embedded(clauses: Sequence[Span], plains: Sequence[str]) -> list[str]:
    """The texts `features` embeds: each clause as written, then its plain form."""
    return [c.text for c in clauses] + list(plains)


def features(clauses: Sequence[Span], plains: Sequence[str]) -> np.ndarray:
    """One row per clause: the MiniLM vectors of the clause and of its plain form, cheap cues."""
    if not clauses:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = semantic.embed(embedded(clauses, plains))
    raw, plain = vectors[: len(clauses)], vectors[len(clauses) :]
    cheap = np.asarray([_cheap(c) for c in clauses], dtype=np.float32)
    return np.hstack([raw, plain, cheap])


@lru_cache(maxsize=1)
def _model() -> dict[str, np.ndarray]:
    return semantic.load_weights(MODEL)


def threshold() -> float:
    """The probability above which a clause is a judgement, chosen by cross-validation."""
    return float(_model()["threshold"])


def predict(clauses: Sequence[Span], plains: Sequence[str]) -> list[dict[str, float]]:
    """Per clause, the probability that it judges (``any``) and that it is each category."""
    if not clauses:
        return []
    model = _model()
    logits = features(clauses, plains) @ model["coef"].T + model["intercept"]
    probs = 1.0 / (1.0 + np.exp(-logits))
    labels = [str(x) for x in model["labels"]]
    return [dict(zip(labels, map(float, row), strict=True)) for row in probs]
