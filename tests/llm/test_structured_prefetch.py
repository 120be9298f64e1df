"""ask_structured hands each parsed answer to `prefetch` before vetting it."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import BaseModel

from coach.llm.base import Completion, Deadline
from coach.llm.structured import ask_structured


class Note(BaseModel):
    """A one-field draft."""

    text: str


class Scripted:
    """A provider that answers from a list, in order."""

    name = "scripted"

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers

    async def complete(self, messages: Any, **kwargs: Any) -> Completion:
        return Completion(text=self.answers.pop(0), model="scripted")


def test_prefetch_sees_every_parsed_answer_before_its_vetting() -> None:
    events: list[str] = []

    async def prefetch(note: Note) -> None:
        events.append(f"prefetch {note.text}")

    def vet(note: Note) -> tuple[Note, list[str]]:
        events.append(f"vet {note.text}")
        return note, [] if note.text == "good" else ["say good"]

    provider = Scripted(["not json", '{"text": "bad"}', '{"text": "good"}'])
    draft, completions = asyncio.run(
        ask_structured(
            provider,  # type: ignore[arg-type]
            [{"role": "user", "content": "write"}],
            Note,
            vet,
            max_reasks=2,
            deadline=Deadline(30),
            prefetch=prefetch,
        )
    )
    assert draft.text == "good" and len(completions) == 3
    # The unparsable answer reaches neither; each parsed one is prefetched, then vetted.
    assert events == ["prefetch bad", "vet bad", "prefetch good", "vet good"]
