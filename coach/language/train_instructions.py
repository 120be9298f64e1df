"""Fit the injection detector: `python -m coach.language.train_instructions` rewrites
data/instruction_model.npz.

scikit-learn is used here only; the analysis loads the weights with numpy. Positives: the
`instruction` examples of instructions.toml. Negatives: its `feedback` examples (hard ones that
mention prompts, rules, outputs and AI tools) and every example bank of feedback language
(examples.toml, praise.toml), all as written. No eval split is read, so the eval sets and the
fresh feedback stay an independent check of false flags.
"""

from __future__ import annotations

import tomllib
from typing import Any

import numpy as np

from coach.language import instructions, semantic
from coach.language.train import run
from coach.settings import PROJECT_ROOT

C_GRID = (1.0, 2.0, 4.0, 8.0)
FOLDS = 5
# Thresholds tried; the lowest at which no feedback example is flagged out of fold is taken.
THRESHOLDS = tuple(round(0.5 + 0.01 * i, 2) for i in range(50))
# Framed single words, not sentences: nothing an instruction could be confused with.
_SKIP = frozenset({"negative_words", "plain_words"})


def collect() -> tuple[list[str], np.ndarray]:
    """The example sentences (in the form the detector embeds) and their labels."""
    files = [
        tomllib.loads((PROJECT_ROOT / n).read_text("utf-8")) for n in instructions.TRAINING_FILES
    ]
    own, *banks = files
    positives = list(own["instruction"]["examples"])
    negatives = list(own["feedback"]["examples"]) + [
        e
        for bank in banks
        for name, block in bank.items()
        if name not in _SKIP
        for e in block["examples"]
    ]
    texts = [instructions.as_embedded(t) for t in positives + negatives]
    return texts, np.r_[np.ones(len(positives)), np.zeros(len(negatives))].astype(int)


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)


def _oof(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(y))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(x, y):
        out[test] = _fit(x[train], y[train], c).predict_proba(x[test])[:, 1]
    return out


def _lowest_clean(oof: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold at which no negative example is flagged out of fold."""
    return next((t for t in THRESHOLDS if not ((oof >= t) & (y == 0)).any()), 0.99)


def train() -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Choose C by out-of-fold recall at a threshold that flags no feedback, then fit all."""
    texts, y = collect()
    x = semantic.embed(texts)
    figures = {}
    for c in C_GRID:
        oof = _oof(x, y, c)
        t = _lowest_clean(oof, y)
        figures[c] = (t, float(((oof >= t) & (y == 1)).sum() / y.sum()))
    best = max(C_GRID, key=lambda c: (figures[c][1], -c))
    model = _fit(x, y, best)
    weights = {
        "coef": np.asarray(model.coef_[0], dtype=np.float32),
        "intercept": np.asarray(model.intercept_[0], dtype=np.float32),
        "threshold": np.asarray(figures[best][0], dtype=np.float32),
        "C": np.asarray(best),
        "data_hash": np.asarray(instructions.data_hash()),
    }
    report = {
        "C": best,
        "per_C": {
            str(c): {"threshold": t, "oof_recall": round(r, 3)} for c, (t, r) in figures.items()
        },
        "positives": int(y.sum()),
        "negatives": int(len(y) - y.sum()),
    }
    return weights, report


def main() -> None:
    """Fit and write the weights; print the cross-validation figures."""
    run(train, instructions.MODEL, __doc__)


if __name__ == "__main__":
    main()
