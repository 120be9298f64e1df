"""Thresholds per task and metric, read from evals/thresholds.toml; `_max` keys are upper bounds."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"


@dataclass(frozen=True)
class Check:
    """One threshold compared with what a run measured."""

    task: str
    metric: str
    bound: str
    threshold: float
    value: float | None
    ok: bool

    def describe(self) -> str:
        """One line for the console and the report."""
        op = "<=" if self.bound == "max" else ">="
        shown = "not measured" if self.value is None else f"{self.value:.4g}"
        return f"{self.task}.{self.metric} = {shown} (needs {op} {self.threshold:g})"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return asdict(self)


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, dict[str, float]]:
    """The [task] tables of the thresholds file; [judge.task] tables become "judge.task"."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables: dict[str, dict[str, float]] = {}
    for name, table in data.items():
        for key, value in table.items():
            if isinstance(value, dict):
                tables[f"{name}.{key}"] = {k: float(v) for k, v in value.items()}
            else:
                tables.setdefault(name, {})[key] = float(value)
    return tables


def check(task: str, values: dict[str, float | None], table: dict[str, float]) -> list[Check]:
    """Compare a task's measured values with its thresholds; an unmeasured metric is skipped."""
    checks = []
    for key, threshold in table.items():
        bound, metric = ("max", key[:-4]) if key.endswith("_max") else ("min", key)
        if metric not in values:
            continue
        value = values[metric]
        # None: nothing to measure (e.g. --limit left no case this metric applies to).
        ok = value is None or (value <= threshold if bound == "max" else value >= threshold)
        checks.append(Check(task, metric, bound, threshold, value, ok))
    return checks
