"""An adversarial model behind the real openai client: no identifier reaches a coordinator."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from coach.errors import CoachError
from coach.models import SummaryRequest
from coach.privacy.roster import fold
from coach.service import Coach
from coach.settings import Settings, load_settings

BASE = "http://adversary.test/v1"
URL = f"{BASE}/chat/completions"
NOTES = (
    "Katherine and Siobhán met to set up a Teams channel. Siobhán admitted she still "
    "forwards everything by email. Siobhán will post the first update by Friday."
)
REQUEST = SummaryRequest(
    notes=NOTES,
    mentor_name="Katherine O'Neill",
    mentee_name="Siobhán Kelly",
    other_names=["李明", "Дмитрий Иванов"],
    session_date="2026-03-10",
)
# One value per identifier kind, roster variants first; the kind is the test id.
IDENTIFIERS: dict[str, str] = {
    "roster full name": "Siobhán Kelly",
    "roster folded": "Siobhan Kelly",
    "roster upper case": "SIOBHÁN",
    "roster curly apostrophe": "O’Neill",
    "roster no apostrophe": "ONeill",
    "roster possessive": "O'Neill's",
    "roster nickname": "Kathy",
    "roster initials": "K.O.",
    "roster transliterated": "Dmitriy Ivanov",
    "roster diminutive other script": "Дима",
    "roster nickname other script": "小李",
    "non-roster name": "Bob Miller",
    "non-roster name other script": "王芳",
    "organisation and place": "Acme Corp Leeds",
    "email": "bob.miller@acme-corp.com",
    "phone digits": "+44 20 7946 0958",
    "phone words": "oh seven seven double oh nine double one two three four",
    "handle": "@BobMillerCFO",
    "handle without at": "BobMillerCFO",
    "url": "https://intranet.acme-corp.com/people/bob",
    "employee id": "EMP-004217",
    "badge": "badge 99-1234",
    "ticket": "ticket INC0012345",
    "postcode": "NW1 6XE",
    "street address": "221B Baker Street",
    "title tied to a place": "the Leeds site manager",
    "title tied to a team": "head of Payroll",
    "executive title": "our CFO",
    "executive title lower case": "our cfo",
    "office in lower case": "the bursar",
    "title tied to a ward, lower case": "the ward manager",
    "title tied to a unit, lower case": "head of quality",
}
FREE_TEXT_FIELDS = ("summary", "support_reason", "goal", "commitment")
LABEL_FIELDS = ("topic", "topics", "themes", "challenges")


def _answer(field: str, value: str) -> dict[str, Any]:
    """A well-formed summary whose coordinator side carries `value` in one field."""
    sentence = f"The mentee discussed {value} with the mentor."
    side: dict[str, Any] = {
        "summary": "The pair worked on collaboration tools.",
        "topic": "collaboration tools",
        "topics": ["collaboration tools"],
        "themes": ["hands-on practice"],
        "challenges": ["resistance-to-change"],
        "goal_progress": [{"goal": "use a team channel", "status": "progressed"}],
        "commitments": [{"owner": "mentee", "what": "post an update", "due": "2026-03-13"}],
        "needs_support": False,
        "support_reason": None,
        "action_item_count": 1,
    }
    if field == "summary":
        side["summary"] = sentence
    elif field == "support_reason":
        side["needs_support"], side["support_reason"] = True, sentence
    elif field == "goal":
        side["goal_progress"][0]["goal"] = sentence
    elif field == "commitment":
        side["commitments"][0]["what"] = sentence
    elif field == "topic":
        side["topic"] = value
    else:
        side[field] = [*side[field], value]
    return {
        "private": {
            "summary": "Katherine and Siobhán set up a channel.",
            "action_items": [{"text": "post the first update", "owner": "mentee", "due": None}],
        },
        "anonymized": side,
    }


def _chat(content: dict[str, Any]) -> httpx.Response:
    """An OpenAI chat.completion carrying content as the assistant's message."""
    return httpx.Response(
        200,
        json={
            "id": "chatcmpl-adv",
            "object": "chat.completion",
            "created": 0,
            "model": "adversary",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": json.dumps(content)},
                }
            ],
        },
    )


@pytest.fixture(scope="module")
def adversarial_coach(
    indexed_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Coach]:
    """A coach whose LLM is the adversary, configured the way an operator would: by env."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COACH_LLM__BASE_URL", BASE)
        env.setenv("COACH_LLM__MODEL", "adversary")
        env.setenv("COACH_LLM__MAX_REASKS", "0")
        env.setenv("COACH_LLM__MAX_RETRIES", "0")
        settings = load_settings(
            data_dir=tmp_path_factory.mktemp("adversary"),
            chroma={"path": indexed_settings.chroma_path},
        )
        assert settings.llm.resolved_provider != "offline"
        yield Coach(settings)


def _variants(value: str) -> set[str]:
    """The value and its ASCII folding, lower case, as they could appear in released text."""
    return {value.lower(), fold(value).lower()}


def _outcome(coach: Coach, answer: dict[str, Any], value: str) -> str:
    """Run the summary against the adversary; return "redacted" or "refused"."""
    with respx.mock(assert_all_called=True) as router:
        router.post(URL).mock(return_value=_chat(answer))
        try:
            result = coach.summarize(REQUEST)
        except CoachError as err:
            shown = json.dumps([err.detail, err.errors], ensure_ascii=False).lower()
            assert not any(v in shown for v in _variants(value)), "a refusal repeated the value"
            return "refused"
    released = fold(result.anonymized.model_dump_json()).lower()
    raw = result.anonymized.model_dump_json().lower()
    assert not any(v in released or v in raw for v in _variants(value))
    return "redacted"


@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
@pytest.mark.parametrize("kind", list(IDENTIFIERS))
def test_identifier_in_free_text_never_reaches_the_coordinator(
    adversarial_coach: Coach, kind: str, field: str
) -> None:
    value = IDENTIFIERS[kind]
    assert _outcome(adversarial_coach, _answer(field, value), value) in ("redacted", "refused")


@pytest.mark.parametrize("field", LABEL_FIELDS)
@pytest.mark.parametrize("kind", list(IDENTIFIERS))
def test_identifier_as_a_label_is_dropped(adversarial_coach: Coach, kind: str, field: str) -> None:
    value = IDENTIFIERS[kind]
    # Labels outside the program vocabulary are dropped (or fail validation): never shown.
    assert _outcome(adversarial_coach, _answer(field, value), value) in ("redacted", "refused")


def test_vocabulary_labels_survive_the_release(adversarial_coach: Coach) -> None:
    answer = _answer("themes", "Collaboration Tools")
    with respx.mock() as router:
        router.post(URL).mock(return_value=_chat(answer))
        result = adversarial_coach.summarize(REQUEST)
    assert result.anonymized.topic == "collaboration tools"
    assert result.anonymized.themes == ["hands-on practice"]
    assert result.anonymized.challenges == ["resistance-to-change"]
    assert result.anonymized.commitments[0].due == "2026-03-13"


def test_the_boundary_is_one_pass(
    adversarial_coach: Coach, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from coach.privacy import anonymizer, leaks

    calls = {"anonymize": 0, "leaks": 0}
    real_anonymize, real_find = anonymizer.anonymize, leaks.find_leaks

    def counted_anonymize(*args: Any, **kwargs: Any) -> str:
        calls["anonymize"] += 1
        return real_anonymize(*args, **kwargs)

    def counted_find(*args: Any, **kwargs: Any) -> Any:
        calls["leaks"] += 1
        return real_find(*args, **kwargs)

    monkeypatch.setattr(anonymizer, "anonymize", counted_anonymize)
    monkeypatch.setattr("coach.privacy.release.find_leaks", counted_find)
    with respx.mock() as router:
        router.post(URL).mock(return_value=_chat(_answer("summary", "collaboration tools")))
        adversarial_coach.summarize(REQUEST)
    assert calls == {"anonymize": 1, "leaks": 1}


def test_a_name_that_is_also_a_word_is_not_said_in_goals_or_commitments(
    adversarial_coach: Coach,
) -> None:
    # Read the way a coordinator would match a name: whole word, any case.
    request = REQUEST.model_copy(
        update={
            "notes": "Will and Mark met in Reading. Will will mark the dates by Friday.",
            "mentor_name": "Mark Dunn",
            "mentee_name": "Will Turner",
            "other_names": [],
        }
    )
    answer = _answer("commitment", "x")
    side = answer["anonymized"]
    side["commitments"] = [{"owner": "mentee", "what": "will mark the dates", "due": None}]
    side["goal_progress"] = [{"goal": "reading the roster will help", "status": "discussed"}]
    with respx.mock() as router:
        router.post(URL).mock(return_value=_chat(answer))
        result = adversarial_coach.summarize(request)
    shown = [c.what for c in result.anonymized.commitments]
    shown += [g.goal for g in result.anonymized.goal_progress]
    words = " ".join(shown).lower().split()
    assert "dates" in words and "roster" in words
    assert not {"will", "mark", "reading"} & set(words)


def test_a_model_answer_that_still_identifies_is_refused_whole_not_trimmed(
    indexed_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.generators.summary as summary_task

    # Only the offline engine's own lines are taken out; a model's answer is never patched up.
    trimmed: list[object] = []
    monkeypatch.setattr(summary_task, "anonymize_side", lambda side, *_: side)
    monkeypatch.setattr(summary_task, "withhold", lambda side, request: trimmed.append(side))
    monkeypatch.setenv("COACH_LLM__BASE_URL", BASE)
    monkeypatch.setenv("COACH_LLM__MODEL", "adversary")
    monkeypatch.setenv("COACH_LLM__MAX_REASKS", "0")
    monkeypatch.setenv("COACH_LLM__MAX_RETRIES", "0")
    monkeypatch.setenv("COACH_LLM__FALLBACK_OFFLINE", "false")
    settings = load_settings(data_dir=tmp_path, chroma={"path": indexed_settings.chroma_path})
    value = IDENTIFIERS["roster full name"]
    with respx.mock() as router:
        router.post(URL).mock(return_value=_chat(_answer("summary", value)))
        with pytest.raises(CoachError) as caught:
            Coach(settings).summarize(REQUEST)
    shown = json.dumps([caught.value.detail, caught.value.errors], ensure_ascii=False).lower()
    assert not any(v in shown for v in _variants(value))
    assert trimmed == []
