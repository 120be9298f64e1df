"""The trained clause classifier: shipped weights match the data and the script, and it judges."""

from __future__ import annotations

import numpy as np
import pytest

from coach.language import classifier, semantic
from coach.language.analyzer import clauses_of


def _model() -> dict[str, np.ndarray]:
    return semantic.load_weights(classifier.MODEL)


def test_shipped_weights_were_fitted_on_the_current_training_data() -> None:
    # If this fails, run `python -m coach.language.train` and commit the new weights.
    assert str(_model()["data_hash"]) == classifier.data_hash()


def test_the_script_reproduces_the_shipped_weights() -> None:
    pytest.importorskip("sklearn")
    from coach.language import train

    model = _model()
    rows = train.collect()
    x, w = train.matrix(rows)
    refit = train.fit_labels(rows, x, w, float(model["C"]))
    assert list(refit["labels"]) == list(model["labels"])
    assert np.allclose(refit["coef"], model["coef"], atol=1e-3)
    assert np.allclose(refit["intercept"], model["intercept"], atol=1e-3)


def _judged(text: str) -> float:
    (span, plain, _, _), *_ = clauses_of(text)
    return classifier.predict([span], [plain])[0][classifier.ANY]


@pytest.mark.parametrize(
    "text",
    [
        "Honestly the roadmap you pitched is a clown show.",
        "You only care about looking good in front of the boss.",
    ],
)
def test_a_judgement_in_new_words_scores_above_the_threshold(text: str) -> None:
    assert _judged(text) >= classifier.threshold()


@pytest.mark.parametrize(
    "text",
    [
        "You sent the roadmap on Thursday afternoon.",
        "Could you share the retrospective notes before Monday's session?",
    ],
)
def test_a_plain_observation_or_request_scores_below_the_threshold(text: str) -> None:
    assert _judged(text) < classifier.threshold()
