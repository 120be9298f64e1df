"""Form errors keyed by field, in words a person can act on."""

from __future__ import annotations

from api.schemas import SessionIn
from api.web.forms import DATE_MESSAGE, validate
from coach.models import FeedbackRequest


def test_a_date_field_names_the_format_whatever_refused_it() -> None:
    for day in ("next tuesday", "1732000000", "2026-13-45"):
        body, errors = validate(SessionIn, {"date": day, "topic": "social-media"})
        assert body is None and errors == {"date": DATE_MESSAGE}


def test_a_validators_own_reason_is_shown_without_pydantics_prefix() -> None:
    body, errors = validate(FeedbackRequest, {"text": "Hello\x00 there"})
    assert body is None
    assert errors == {"text": "Contains a NUL character (\\u0000): remove it."}
