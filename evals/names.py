"""The eval tasks by name: the one list the CLI, the datasets and the task table read."""

from __future__ import annotations

# Each blind set was written by someone who never read the generator it measures; its dev
# split is tuned on (or only checked, for later writers), its test split stays frozen.
BLIND_SETS: dict[str, tuple[str, ...]] = {
    "agenda": ("blind",),
    "feedback": ("blind", "blind2", "blind3", "blind4"),
    "summary": ("blind", "blind2", "blind3", "blind4", "blind5"),
}


def blind_names(kind: str) -> tuple[str, ...]:
    """The dev and test task names of every blind set for one generator, in writing order."""
    return tuple(
        f"{kind}_{writer}_{split}" for writer in BLIND_SETS[kind] for split in ("dev", "test")
    )


TASK_NAMES: tuple[str, ...] = (
    "retrieval",
    "agenda",
    *blind_names("agenda"),
    "prompts",
    "feedback",
    *blind_names("feedback"),
    "summary",
    *blind_names("summary"),
)
