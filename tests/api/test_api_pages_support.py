"""The JSON routes the pages added: agenda edits, the pair list, topics and passages, by role."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import FakeCoach, World, running_app, seed

from coach.errors import NotFound
from coach.knowledge.models import Chunk

PASSAGE = "knowledge/x.md#a#0"


class TopicsCoach(FakeCoach):
    """The fake Coach with the knowledge lookups the pages use."""

    def topics(self) -> list[str]:
        return ["Social media and personal brand"]

    def passage(self, chunk_id: str) -> Chunk:
        if chunk_id != PASSAGE:
            raise NotFound(f"no passage {chunk_id!r}")
        return Chunk(
            id=chunk_id,
            doc_id="x",
            title="X",
            heading="A",
            source="knowledge/x.md",
            kind="guideline",
            topics=["x"],
            audience="all",
            file_hash="0",
            text="text",
        )


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[World, int, list[Any]]]:
    with running_app(tmp_path_factory.mktemp("pages"), TopicsCoach()) as client:
        w = seed(client)
        session = client.post(
            f"/v1/pairs/{w.ids['pair']}/sessions",
            json={"date": "2030-01-10", "topic": "social media", "duration_minutes": 30},
            headers=w.as_("mentor"),
        ).json()
        agenda = client.post(
            f"/v1/sessions/{session['id']}/agenda", headers=w.as_("mentor")
        ).json()["agenda"]
        items = [{k: i[k] for k in ("title", "minutes", "lead", "notes")} for i in agenda["items"]]
        yield w, session["id"], items


WHO = ["anonymous", "mentor", "mentee", "mentor_other", "coordinator", "admin"]
TABLE = [
    ("PUT", "/v1/sessions/{session}/agenda", [401, 200, 200, 404, 403, 403]),
    ("GET", "/v1/coordinator/pairs", [401, 403, 403, 403, 200, 403]),
    ("GET", "/v1/knowledge/topics", [401, 200, 200, 200, 200, 200]),
    (
        "GET",
        f"/v1/knowledge/passages/{PASSAGE.replace('#', '%23')}",
        [401, 200, 200, 200, 200, 200],
    ),
]


@pytest.mark.parametrize(("method", "path", "statuses"), TABLE)
@pytest.mark.parametrize("who", WHO)
def test_who_may_use_the_page_routes(
    world: tuple[World, int, list[Any]], method: str, path: str, statuses: list[int], who: str
) -> None:
    w, session_id, items = world
    body = {"items": items} if method == "PUT" else None
    response = w.client.request(
        method, path.replace("{session}", str(session_id)), json=body, headers=w.as_(who)
    )
    assert response.status_code == statuses[WHO.index(who)], response.text


def test_an_unknown_passage_is_404(world: tuple[World, int, list[Any]]) -> None:
    w, _, _ = world
    r = w.client.get("/v1/knowledge/passages/knowledge%2Fnope.md%23a%230", headers=w.as_("mentor"))
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"


def test_the_pair_list_names_members_only(world: tuple[World, int, list[Any]]) -> None:
    w, _, _ = world
    pairs = w.client.get("/v1/coordinator/pairs", headers=w.as_("coordinator")).json()
    assert {"pair_id", "mentor", "mentee"} == set(pairs[0])
    assert {p["mentor"] for p in pairs} == {"Maya Chen", "Priya Shah"}
