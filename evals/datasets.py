"""The eval datasets: JSONL files in evals/datasets, versioned by their sha256."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from coach.models import AgendaRequest, FeedbackRequest, PromptsRequest, SummaryRequest
from evals.names import BLIND_SETS, blind_names

DATASET_DIR = Path(__file__).resolve().parent / "datasets"

# Which request model each dataset's rows hold; retrieval rows are plain questions.
REQUESTS: dict[str, type[BaseModel] | None] = {
    "retrieval": None,
    "agenda": AgendaRequest,
    "prompts": PromptsRequest,
    "feedback": FeedbackRequest,
    "summary": SummaryRequest,
}
# A blind set's rows hold the same request as its generator's own set.
REQUESTS |= {name: REQUESTS[kind] for kind in BLIND_SETS for name in blind_names(kind)}


@dataclass(frozen=True)
class Case:
    """One dataset row: its id, the request fields, and the labels the metrics check."""

    id: str
    fields: dict[str, Any]
    labels: dict[str, Any]

    def request(self, model: type[BaseModel]) -> Any:
        """The row's request, validated by the generator's own request model."""
        return model.model_validate(self.fields)


def dataset_path(name: str) -> Path:
    """Where a dataset lives."""
    return DATASET_DIR / f"{name}.jsonl"


def dataset_hash(name: str) -> str:
    """The sha256 of a dataset file: its version."""
    return hashlib.sha256(dataset_path(name).read_bytes()).hexdigest()


def _split(name: str, row: dict[str, Any], index: int) -> Case:
    """Separate a row into request fields and labels, using the request model's field names."""
    case_id = str(row.pop("id", f"{name}-{index:03d}"))
    model = REQUESTS[name]
    if model is None:
        return Case(case_id, {"question": row.pop("question")}, row)
    fields = {k: v for k, v in row.items() if k in model.model_fields}
    labels = {k: v for k, v in row.items() if k not in model.model_fields}
    return Case(case_id, fields, labels)


def load_cases(name: str, limit: int | None = None) -> list[Case]:
    """The cases of one dataset, in file order, the first `limit` of them if given."""
    lines = [x for x in dataset_path(name).read_text(encoding="utf-8").splitlines() if x.strip()]
    cases = [_split(name, json.loads(line), i) for i, line in enumerate(lines, start=1)]
    return cases[:limit] if limit else cases
