"""The output schema sent to models: compact, and still a faithful description of the drafts."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import BaseModel

from coach import models
from coach.generators.agenda import AGENDA
from coach.generators.discussion import PROMPTS
from coach.generators.feedback import FEEDBACK
from coach.generators.summary import SUMMARY
from coach.knowledge.retrieval import Retriever
from coach.llm.structured import output_schema, parse

DRAFTS = [models.AgendaDraft, models.PromptsDraft, models.FeedbackDraft, models.SummaryDraft]


def _keys(node: object) -> set[str]:
    """Every schema keyword in a node, property names excluded."""
    if isinstance(node, list):
        return set().union(*map(_keys, node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = {k for k in node if k != "properties"}
    for key, value in node.items():
        subs = value.values() if key == "properties" else [value]
        found |= set().union(*map(_keys, subs))
    return found


@pytest.mark.parametrize("model", DRAFTS, ids=lambda m: m.__name__)
def test_the_schema_has_no_refs_labels_or_defaults(model: type[BaseModel]) -> None:
    schema = output_schema(model)
    assert not _keys(schema) & {"$ref", "$defs", "title", "description", "default"}
    assert len(json.dumps(schema)) < 0.7 * len(json.dumps(model.model_json_schema()))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_a_field_called_title_is_kept_and_optional_values_may_be_null() -> None:
    agenda = output_schema(models.AgendaDraft)
    assert agenda["properties"]["title"] == {"minLength": 3, "type": "string"}
    item = agenda["properties"]["items"]["items"]
    assert set(item["required"]) == {"title", "minutes", "lead"}
    action = output_schema(models.SummaryDraft)["properties"]["private"]["properties"]
    assert action["action_items"]["items"]["properties"]["due"] == {"type": ["string", "null"]}


def test_real_drafts_validate_and_broken_ones_do_not(retriever: Retriever) -> None:
    requests = [
        (AGENDA, models.AgendaRequest(topic="social media", duration_minutes=45, session_number=2)),
        (PROMPTS, models.PromptsRequest(topic="hybrid work", count=4)),
        (FEEDBACK, models.FeedbackRequest(text="You never listen in our meetings.")),
        (SUMMARY, models.SummaryRequest(
            notes="We went over LinkedIn. Robert will post a draft by Friday.",
            mentor_name="Priya Raman", mentee_name="Robert Hale", session_date="2024-03-12",
        )),
    ]  # fmt: skip
    for task, request in requests:
        passages = task.retrieve(request, retriever)
        draft = task.offline(request, passages).model_dump(mode="json")
        schema = output_schema(task.draft)
        jsonschema.validate(draft, schema)
        required = schema["required"][0]
        broken = {k: v for k, v in draft.items() if k != required}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_an_enum_or_an_object_carries_no_redundant_type() -> None:
    schema = output_schema(models.SummaryDraft)
    action = schema["properties"]["private"]["properties"]["action_items"]["items"]
    assert action["properties"]["owner"] == {"enum": ["mentor", "mentee", "both", "other"]}
    assert "type" not in action and action["required"] == ["text", "owner"]
    assert schema["properties"]["private"]["properties"]["covered"]["type"] == "array"


def test_fields_no_model_is_asked_for_stay_out_and_their_answer_still_parses() -> None:
    schema = output_schema(models.SummaryDraft)
    private = schema["properties"]["private"]["properties"]
    anonymized = schema["properties"]["anonymized"]["properties"]
    assert not {"key_points", "topics", "commitments"} & set(private)
    assert "action_item_count" not in anonymized and "topics" in anonymized
    assert "x-unasked" not in json.dumps(schema)
    answer = {
        "private": {
            "summary": "Ines walked Carl through a shared kanban board.",
            "action_items": [{"text": "Carl moves two tasks a day", "owner": "mentee"}],
        },
        "anonymized": {"summary": "The mentor showed the mentee a shared task board."},
    }
    draft, errors = parse(json.dumps(answer), models.SummaryDraft)
    assert errors == [] and draft is not None
    request = models.SummaryRequest(
        notes="Ines walked Carl through a shared kanban board. Carl moves two tasks a day.",
        mentor_name="Ines Duarte",
        mentee_name="Carl Mertens",
    )
    assert SUMMARY.finalize(request, draft).anonymized.action_item_count == 1
