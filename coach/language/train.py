"""Fit the clause classifier: `python -m coach.language.train` rewrites data/clause_model.npz.

scikit-learn is used here only; the analysis loads the weights with numpy. Training data: the
example banks (each example positive for its category, the neutral ones negative) and the clauses
of the tuning splits (a clause holding a must-remove phrase is positive for the item's clause
categories; the other clauses, and every clause of praise or constructive items, negative).
The held-out split (``feedback_blind2_dev``) is never read here.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from coach.language import classifier, cues
from coach.language.analyzer import clauses_of
from coach.language.nlp import parse_all
from coach.language.semantic import CATEGORIES, plain_form
from coach.settings import PROJECT_ROOT

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from spacy.tokens import Span

LABELS = (classifier.ANY, *CATEGORIES)
C_GRID = (1.0, 4.0, 16.0)
FOLDS = 5
# Most false flags an item of praise or constructive feedback may earn, in cross-validation.
FALSE_FLAG_RATE = 0.05
# A clause beside a flagged one in the same item may still judge in words nobody listed.
OTHER_CLAUSE_WEIGHT = 0.5


@dataclass
class Rows:
    """Clauses with their labels, weights and the group (item) each belongs to."""

    spans: list[Span] = field(default_factory=list)
    plains: list[str] = field(default_factory=list)
    labels: list[set[str]] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    good: list[bool] = field(default_factory=list)  # a clause of praise or constructive feedback
    praise: list[bool] = field(default_factory=list)  # in sincere praise: read for irony only
    read: list[bool] = field(default_factory=list)  # read at all (praise only with a contrary sign)

    def add(self, span: Span, plain: str, labels: set[str], weight: float, group: str) -> None:
        """One clause."""
        self.spans.append(span)
        self.plains.append(plain)
        self.labels.append(labels)
        self.weights.append(weight)
        self.groups.append(group)
        self.good.append(False)
        self.praise.append(False)
        self.read.append(True)


def _banks(rows: Rows) -> None:
    data = tomllib.loads((PROJECT_ROOT / classifier.TRAINING_FILES[0]).read_text("utf-8"))
    for name in (*CATEGORIES, "neutral"):
        for i, doc in enumerate(parse_all(data[name]["examples"])):
            labels = {classifier.ANY, name} if name != "neutral" else set()
            rows.add(doc[:], plain_form(doc), labels, 1.0, f"bank-{name}-{i // 4}")


def _kept_only(phrase: str) -> bool:
    """A must-remove phrase that is an absolute or a hedge: no verdict for the classifier."""
    return any(p.fullmatch(phrase.strip()) for p in (cues.ABSOLUTE, cues.HEDGE))


def _items(rows: Rows, name: str) -> None:
    path = PROJECT_ROOT / name
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text, low = item["text"], item["text"].lower()
        cats = set(item["expect_categories"]) & set(CATEGORIES)
        good = bool(item.get("already_good") or item.get("is_praise")) and not cats
        clauses = clauses_of(text)
        marked = []
        for phrase in item.get("must_remove", []):
            at = low.find(phrase.lower())
            if at >= 0 and not _kept_only(phrase):
                marked.append((at, at + len(phrase)))
        if "must_remove" not in item and cats and len(clauses) == 1:
            marked.append((0, len(text)))  # no phrases listed: a lone clause is the verdict
        if not good and not (cats and marked):
            continue  # no clause of it can be labelled with confidence
        for span, plain, praise, read in clauses:
            hit = any(a < span.end_char and span.start_char < b for a, b in marked)
            labels = {classifier.ANY, *cats} if hit else set()
            weight = 1.0 if hit or good else OTHER_CLAUSE_WEIGHT
            rows.add(span, plain, labels, weight, item["id"])
            rows.good[-1] = good
            rows.praise[-1], rows.read[-1] = praise, read


def collect() -> Rows:
    """Every training clause, labelled."""
    rows = Rows()
    _banks(rows)
    for name in classifier.TRAINING_FILES[1:]:
        _items(rows, name)
    return rows


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    return model.fit(x, y, sample_weight=w)


def _folds(groups: list[str]) -> list[np.ndarray]:
    from sklearn.model_selection import GroupKFold

    idx = np.zeros(len(groups))
    return [test for _, test in GroupKFold(n_splits=FOLDS).split(idx, idx, groups)]


def _oof(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float, folds: list[np.ndarray]) -> Any:
    """Out-of-fold probabilities of one label."""
    out = np.zeros(len(y))
    for test in folds:
        train = np.setdiff1d(np.arange(len(y)), test)
        out[test] = _fit(x[train], y[train], w[train], c).predict_proba(x[test])[:, 1]
    return out


def _rates(p: np.ndarray, ironic: np.ndarray, rows: Rows, y: np.ndarray, t: float) -> dict:
    """Recall and precision on the tuning splits' clauses, and the share of good items flagged.

    As in the analysis, a clause of sincere praise only counts as flagged when it is read (it
    has a contrary sign) and reads as sarcasm.
    """
    groups = np.asarray(rows.groups)
    good = sorted(set(groups[np.asarray(rows.good)]))
    flags = (p >= t) & np.asarray(rows.read) & (~np.asarray(rows.praise) | ironic)
    flagged = sum(bool(flags[groups == g].any()) for g in good)
    data = np.asarray([not g.startswith("bank-") for g in rows.groups])
    pos, hits = (y == 1) & data, (p >= t) & data
    return {
        "threshold": round(float(t), 2),
        "recall": round(float(hits[pos].mean()), 3),
        "precision": round(float((y[hits] == 1).mean()) if hits.any() else 0.0, 3),
        "good_items_flagged": round(flagged / max(len(good), 1), 3),
    }


def _pick_threshold(
    p: np.ndarray, ironic: np.ndarray, rows: Rows, y: np.ndarray
) -> tuple[float, list[dict]]:
    """The lowest threshold with at most FALSE_FLAG_RATE of good items flagged: recall first."""
    curve = [_rates(p, ironic, rows, y, t) for t in np.arange(0.30, 0.96, 0.05)]
    for t in np.arange(0.30, 0.96, 0.01):
        if _rates(p, ironic, rows, y, t)["good_items_flagged"] <= FALSE_FLAG_RATE:
            return float(round(t, 2)), curve
    return 0.95, curve


def _ironic(rows: Rows, x: np.ndarray, w: np.ndarray, c: float, folds: list) -> np.ndarray:
    """Out of fold, whether sarcasm is a clause's likeliest category."""
    per = {
        label: _oof(x, np.asarray([label in s for s in rows.labels], dtype=int), w, c, folds)
        for label in CATEGORIES
    }
    best = np.argmax(np.stack([per[label] for label in CATEGORIES]), axis=0)
    return best == CATEGORIES.index("sarcasm")


def matrix(rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    """The feature matrix and the sample weights of the training clauses."""
    x = classifier.features(rows.spans, rows.plains).astype(np.float64)
    return x, np.asarray(rows.weights)


def fit_labels(rows: Rows, x: np.ndarray, w: np.ndarray, c: float) -> dict[str, np.ndarray]:
    """One logistic regression per label on every clause: the shipped coefficients."""
    coef, intercept = [], []
    for label in LABELS:
        y = np.asarray([label in labels for labels in rows.labels], dtype=int)
        model = _fit(x, y, w, c)
        coef.append(model.coef_[0])
        intercept.append(model.intercept_[0])
    return {
        "coef": np.asarray(coef, dtype=np.float32),
        "intercept": np.asarray(intercept, dtype=np.float32),
        "labels": np.asarray(LABELS),
        "C": np.asarray(c),
    }


def train() -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Fit every label, choose C and the threshold by grouped cross-validation."""
    from sklearn.metrics import roc_auc_score

    rows = collect()
    x, w = matrix(rows)
    folds = _folds(rows.groups)
    y_any = np.asarray([classifier.ANY in labels for labels in rows.labels], dtype=int)
    aucs = {c: roc_auc_score(y_any, _oof(x, y_any, w, c, folds)) for c in C_GRID}
    best = max(C_GRID, key=lambda c: aucs[c])
    oof = _oof(x, y_any, w, best, folds)
    ironic = _ironic(rows, x, w, best, folds)
    t, curve = _pick_threshold(oof, ironic, rows, y_any)
    weights = fit_labels(rows, x, w, best)
    weights["threshold"] = np.asarray(t, dtype=np.float32)
    weights["data_hash"] = np.asarray(classifier.data_hash())
    report = {
        "C": best,
        "auc": {str(c): round(a, 4) for c, a in aucs.items()},
        "chosen": _rates(oof, ironic, rows, y_any, t),
        "clauses": len(rows.labels),
        "positives": int(y_any.sum()),
        "good_items": len(set(np.asarray(rows.groups)[np.asarray(rows.good)])),
        "curve": curve,
    }
    return weights, report


def run(
    fit: Callable[[], tuple[dict[str, np.ndarray], dict[str, Any]]], model: Path, doc: str | None
) -> None:
    """A training script's command line: fit, print the figures, write the weights."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--dry-run", action="store_true", help="print figures, write nothing")
    args = parser.parse_args()
    weights, report = fit()
    print(json.dumps(report, indent=1))
    if not args.dry_run:
        np.savez(model, **cast("dict[str, Any]", weights))  # numpy types kwargs as bool


def main() -> None:
    """Fit and write the weights; print the cross-validation figures."""
    run(train, classifier.MODEL, __doc__)


if __name__ == "__main__":
    main()
