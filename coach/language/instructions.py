"""Instructions aimed at the model inside feedback: the closed regexes, then by meaning."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from coach.language import cues, semantic

MODEL = semantic.DATA / "instruction_model.npz"
# What the weights were fitted on; `python -m coach.language.train_instructions` refits them.
TRAINING_FILES = (
    "coach/language/data/instructions.toml",
    "coach/language/data/examples.toml",
    "coach/language/data/praise.toml",
)


def data_hash() -> str:
    """The hash of the training files as they are now in the checkout."""
    return semantic.files_hash(TRAINING_FILES)


def as_embedded(sentence: str) -> str:
    """The sentence as the detector embeds it: without its closing stop, as the clause
    classifier embeds a one-clause sentence, so the analysis computes that vector once."""
    return sentence.strip().rstrip(".!?… ").strip()


def by_rules(sentence: str) -> bool:
    """The closed wordings of an instruction to a model (cues.INJECTION, INJECTION_EXTRA)."""
    return bool(cues.INJECTION.search(sentence) or cues.INJECTION_EXTRA.search(sentence))


def pending(sentences: list[str]) -> list[str]:
    """What `is_instruction_to_ai` will embed for these sentences: those no rule decides."""
    return [as_embedded(s) for s in sentences if not by_rules(s) and as_embedded(s)]


@lru_cache(maxsize=1)
def _model() -> dict[str, np.ndarray]:
    return semantic.load_weights(MODEL)


def probabilities(texts: list[str]) -> list[float]:
    """The trained detector's probability that each (embedded-form) text addresses the tool."""
    if not texts:
        return []
    model = _model()
    logits = semantic.embed(texts) @ model["coef"] + model["intercept"]
    return [float(p) for p in 1.0 / (1.0 + np.exp(-logits))]


def by_meaning(sentence: str) -> bool:
    """Whether the sentence reads, by meaning, as an instruction to the tool."""
    text = as_embedded(sentence)
    return bool(text) and probabilities([text])[0] >= float(_model()["threshold"])


def is_instruction_to_ai(sentence: str) -> bool:
    """Tell whether a sentence is an instruction aimed at a model rather than at a colleague."""
    return by_rules(sentence) or by_meaning(sentence)
