"""Request and response bodies of the API; requests reject unknown fields."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from coach.db.coordinator import Insights, ReleasedSummary
from coach.db.models import AuditEntry, CoachingSession
from coach.knowledge.models import Passage
from coach.models import (
    DATE_YEARS,
    MAX_NOTES_CHARS,
    Agenda,
    AgendaEdit,
    AgendaRequest,
    AnonymizedSummary,
    FeedbackRequest,
    Label,
    Meta,
    PrivateSummary,
    PromptsRequest,
    SummaryRequest,
    Text,
)

Name = Annotated[Label, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Goal = Annotated[Label, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]
Topic = Annotated[Label, StringConstraints(strip_whitespace=True, min_length=2, max_length=120)]


def _iso_day(value: object) -> object:
    """Only "YYYY-MM-DD": a number is not silently read as seconds since 1970."""
    if isinstance(value, date) or (isinstance(value, str) and _DAY.fullmatch(value)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _in_years(value: date) -> date:
    """A session date in the years a summary request accepts, so its notes can be summarised."""
    if not DATE_YEARS[0] <= value.year <= DATE_YEARS[1]:
        raise ValueError(f"the year must be between {DATE_YEARS[0]} and {DATE_YEARS[1]}")
    return value


Day = Annotated[date, BeforeValidator(_iso_day), AfterValidator(_in_years)]
Duration = Annotated[int, Field(ge=15, le=180, description="Minutes.")]


class In(BaseModel):
    """Base of request bodies: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _examples(*examples: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})


# --- stateless generators: the coach requests, with per-item limits and examples ------------


class AgendaBody(AgendaRequest):
    """Ask for a session agenda."""

    model_config = _examples(
        {"topic": "social media", "duration_minutes": 60, "session_number": 2, "goals": ["post"]}
    )
    goals: list[Goal] = Field(default=[], max_length=10)


class PromptsBody(PromptsRequest):
    """Ask for discussion questions."""

    model_config = _examples({"topic": "generative AI at work", "count": 5, "audience": "mentee"})
    goals: list[Goal] = Field(default=[], max_length=10)


class FeedbackBody(FeedbackRequest):
    """Feedback to analyze or reword."""

    model_config = _examples(
        {"text": "You always interrupt me, it's so rude.", "direction": "mentor_to_mentee"}
    )


class SummaryBody(SummaryRequest):
    """Notes to summarize without storing anything."""

    model_config = _examples(
        {
            "notes": "Maya showed Robert how to schedule posts. Robert will post twice a week.",
            "mentor_name": "Maya Chen",
            "mentee_name": "Robert Miller",
            "session_date": "2025-11-20",
        }
    )
    other_names: list[Name] = Field(default=[], max_length=50)


# --- programs, pairs, sessions ------------------------------------------------------------


class ProgramIn(In):
    """A new program."""

    model_config = _examples({"name": "Reverse mentoring 2026"})
    name: Annotated[Label, StringConstraints(min_length=2, max_length=200)]


class ProgramOut(BaseModel):
    """A program."""

    id: int
    name: str
    created_at: datetime


class PairIn(In):
    """A new pair; its mentor and mentee join by invitation (POST /v1/invitations)."""

    model_config = _examples({"program_id": 1})
    program_id: int = Field(ge=1, le=2**31 - 1)


class PairOut(BaseModel):
    """A created pair: no member credential, ever; invite its members next."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    program_id: int
    created_at: datetime


class MeOut(BaseModel):
    """Who is calling, and how they signed in."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str | None
    role: str
    program_id: int | None
    pair_id: int | None
    credential: str = Field(description="session (browser cookie) or token (bearer).")
    csrf_token: str | None = Field(
        default=None, description="For a browser session: echo it as X-CSRF-Token on changes."
    )


class SessionIn(In):
    """A session to schedule."""

    model_config = _examples(
        {"date": "2025-11-20", "topic": "social-media", "duration_minutes": 60}
    )
    date: Day
    topic: Topic
    duration_minutes: Duration = 60


class NotesIn(In):
    """The session's notes, replacing any stored before."""

    model_config = _examples({"notes": "Maya showed Robert how LinkedIn posts are scheduled ..."})
    notes: Text = Field(min_length=1, max_length=MAX_NOTES_CHARS)


class SessionAgendaIn(In):
    """Options for a stored session's agenda; topic and number come from the session."""

    model_config = _examples({"duration_minutes": 45, "goals": ["Post once without help"]})
    duration_minutes: Duration | None = None
    goals: list[Goal] = Field(default=[], max_length=10)


class AgendaEditIn(In):
    """Every item of the stored agenda, edited, in order; the minutes must add up exactly."""

    model_config = _examples(
        {"items": [{"title": "Check-in", "minutes": 10, "lead": "both", "notes": ""}]}
    )
    items: list[AgendaEdit] = Field(min_length=1, max_length=30)


class SessionSummaryIn(In):
    """Other people named in the notes, so the anonymized side removes them too."""

    model_config = _examples({"other_names": ["Priya"]})
    other_names: list[Name] = Field(default=[], max_length=50)


class ReleaseOut(BaseModel):
    """Who released the anonymized summary; coordinators see it only when both did."""

    mentor_released: bool
    mentee_released: bool
    visible_to_coordinator: bool


class SessionHeader(BaseModel):
    """A session in a list."""

    id: int
    pair_id: int
    number: int
    date: date
    topic: str
    duration_minutes: int
    has_agenda: bool
    has_notes: bool
    has_summary: bool
    release: ReleaseOut

    @classmethod
    def fields_of(cls, row: CoachingSession) -> dict[str, Any]:
        """The header fields of a stored session."""
        release = ReleaseOut(
            mentor_released=row.mentor_released_at is not None,
            mentee_released=row.mentee_released_at is not None,
            visible_to_coordinator=row.released,
        )
        return {
            "id": row.id,
            "pair_id": row.pair_id,
            "number": row.number,
            "date": row.date,
            "topic": row.topic,
            "duration_minutes": row.duration_minutes,
            "has_agenda": row.agenda is not None,
            "has_notes": bool(row.notes),
            "has_summary": row.private_summary is not None,
            "release": release,
        }

    @classmethod
    def of(cls, row: CoachingSession) -> SessionHeader:
        """The list entry of a stored session."""
        return cls(**cls.fields_of(row))


class SessionOut(SessionHeader):
    """A session as its pair sees it: plan, notes and both summaries."""

    agenda: Agenda | None
    notes: str | None
    private_summary: PrivateSummary | None
    anonymized_summary: AnonymizedSummary | None
    summary_meta: Meta | None
    summary_outdated: bool = Field(description="The notes changed after the summary was written.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: CoachingSession) -> SessionOut:
        """The full view of a stored session."""
        outdated = bool(
            row.summarized_at and row.notes_updated_at and row.notes_updated_at > row.summarized_at
        )
        return cls.model_validate(
            {
                **cls.fields_of(row),
                "agenda": row.agenda,
                "notes": row.notes,
                "private_summary": row.private_summary,
                "anonymized_summary": row.anonymized_summary,
                "summary_meta": row.summary_meta,
                "summary_outdated": outdated,
                "created_at": row.created_at,
                "updated_at": row.updated_at,
            }
        )


# --- coordinators, admins, knowledge, health ----------------------------------------------


class CoordinatorSummary(BaseModel):
    """A released anonymized summary; it names no pair and dates only to the month."""

    session_id: int
    month: str
    summary: AnonymizedSummary

    @classmethod
    def of(cls, item: ReleasedSummary) -> CoordinatorSummary:
        """The response entry for a released summary."""
        return cls.model_validate(item, from_attributes=True)


class CoordinatorSummaries(BaseModel):
    """A page of released summaries."""

    items: list[CoordinatorSummary]
    limit: int
    offset: int


class BucketOut(BaseModel):
    """Sessions and distinct pairs behind one topic or challenge."""

    name: str
    sessions: int
    pairs: int


class InsightsOut(BaseModel):
    """Aggregates of released summaries only; null when fewer than `min_group_pairs` released."""

    program_id: int
    pairs: int
    active_pairs: int = Field(description="Pairs that released at least one summary.")
    min_group_pairs: int
    suppressed: bool
    sessions_held: int | None = Field(description="Sessions whose summary both members released.")
    released_summaries: int | None
    topics: list[BucketOut]
    challenges: list[BucketOut]
    hidden_buckets: int = Field(description="Topics or challenges seen in too few pairs to show.")
    months: list[tuple[str, int]] = Field(
        default=[], description="Released sessions per month (YYYY-MM, count), oldest first."
    )

    @classmethod
    def of(cls, insights: Insights, min_group: int) -> InsightsOut:
        """The response for computed insights."""
        fields = {k: v for k, v in vars(insights).items() if k not in ("topics", "challenges")}
        return cls(
            **fields,
            min_group_pairs=min_group,
            topics=[BucketOut.model_validate(b, from_attributes=True) for b in insights.topics],
            challenges=[
                BucketOut.model_validate(b, from_attributes=True) for b in insights.challenges
            ],
        )


class PairStatusOut(BaseModel):
    """A pair in the coordinator's list: who joined; never content, activity or releases."""

    model_config = ConfigDict(from_attributes=True)
    pair_id: int
    mentor: str | None = Field(description="Null until the mentor has joined.")
    mentee: str | None = Field(description="Null until the mentee has joined.")


class AuditOut(BaseModel):
    """One audit entry: ids and action names, never content."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor_id: int | None
    actor_role: str
    action: str
    program_id: int | None
    pair_id: int | None
    session_id: int | None
    detail: dict[str, Any]

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        """The response entry for an audit row."""
        return cls.model_validate(entry)


class SearchOut(BaseModel):
    """Passages that answer a query, best first."""

    query: str
    passages: list[Passage]


class FieldError(BaseModel):
    """One wrong field and why."""

    field: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] = []
