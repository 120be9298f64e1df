"""CPU of the language work of model-backed rewrites, per step, in one thread (no server).

Run: python -m evals.bench_analysis [--texts 300]

bench_service's server CPU per request moves by several ms with the machine's load; this replays
the analysis part of the same requests (the request's analysis, the answer's analysis and the
checks, in batches of eight as coach.aio.Batcher forms them) and reports the thread CPU of each
step, so a change to one step can be compared before and after on the same machine.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from coach.language import analyzer, nlp, semantic
from coach.language.feedback_checks import feedback_violations
from coach.models import FeedbackDraft, FeedbackRequest
from coach.offline.feedback import compose_feedback
from evals.bench_service import feedback_texts

# (module, function, label): each step is timed where the analysis calls it.
STEPS = (
    (nlp, "parse_many", "spaCy parse"),
    (semantic, "_matrix", "embedder (new texts)"),
    (semantic, "margins", "bank margins"),
    (semantic, "praise_margins", "praise margins"),
)
Pair = tuple[FeedbackRequest, FeedbackDraft]


def _timed(
    fn: Callable[..., Any], label: str, spent: defaultdict[str, float]
) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] += time.thread_time() - started

    return timed


def _replay(pairs: list[Pair]) -> None:
    """What the pipeline analyses per batch of eight: requests, then answers and their checks."""
    for i in range(0, len(pairs), 8):
        chunk = pairs[i : i + 8]
        analyzer.inspect_many([request.text for request, _ in chunk])
        for request, _ in chunk:
            analyzer.analyze(request.text, request.direction)
        analyzer.inspect_many([draft.rewritten for _, draft in chunk])
        for request, draft in chunk:
            feedback_violations(request, draft)


def main() -> None:
    """Draft each text offline, forget every analysis, then replay and print CPU per request."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=300)
    args = parser.parse_args()
    requests = [FeedbackRequest(text=t) for t in feedback_texts()[: args.texts]]
    pairs = [(r, compose_feedback(r, [])) for r in requests]
    analyzer.keep_analyses(2 * len(pairs))
    analyzer.forget_analyses()
    nlp.forget_parses()
    semantic._SEEN.clear()
    semantic._SCORES.clear()
    spent: defaultdict[str, float] = defaultdict(float)
    for module, name, label in STEPS:
        setattr(module, name, _timed(getattr(module, name), label, spent))
    analyzer.parse_many = nlp.parse_many  # the analyzer imported the name before it was timed
    started = time.thread_time()
    _replay(pairs)
    total = time.thread_time() - started
    for label, seconds in spent.items():
        print(f"{label}: {seconds / len(pairs) * 1000:.2f} ms per request")
    print(f"all analysis and checks: {total / len(pairs) * 1000:.2f} ms per request")


if __name__ == "__main__":
    main()
