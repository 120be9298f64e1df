"""What one eval case produced: named scores, and their aggregation over a task."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Score:
    """One metric on one case: a value, whether it meets the case cutoff, and why not."""

    metric: str
    value: float | None
    passed: bool | None = None
    detail: str = ""


@dataclass
class CaseResult:
    """A case's input, output, scores and cost."""

    case_id: str
    inputs: dict[str, Any]
    scores: list[Score] = field(default_factory=list)
    output: Any = None
    error: str | None = None
    latency_ms: float | None = None
    tokens: int | None = None
    token_source: str = "n/a"

    def failures(self) -> list[Score]:
        """Scores that missed their cutoff."""
        return [s for s in self.scores if s.passed is False]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return asdict(self)


def aggregate(cases: list[CaseResult]) -> dict[str, dict[str, float | int | None]]:
    """Per metric: mean value, pass rate, sum and number of cases it applied to."""
    names = list(dict.fromkeys(s.metric for c in cases for s in c.scores))
    table: dict[str, dict[str, float | int | None]] = {}
    for name in names:
        scores = [s for c in cases for s in c.scores if s.metric == name]
        values = [s.value for s in scores if s.value is not None]
        verdicts = [s.passed for s in scores if s.passed is not None]
        table[name] = {
            "mean": sum(values) / len(values) if values else None,
            "pass_rate": sum(verdicts) / len(verdicts) if verdicts else None,
            "sum": sum(values) if values else None,
            "n": len(values),
        }
    return table
