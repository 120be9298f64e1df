"""Requests and results of the generators; drafts are what an engine produces, results add meta."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from coach.llm.base import Usage
from coach.llm.structured import UNASKED

Lead = Literal["mentor", "mentee", "both"]
Owner = Literal["mentor", "mentee", "both"]
# An action's owner may also be someone outside the pair, named in the notes.
ActionOwner = Literal["mentor", "mentee", "both", "other"]
Direction = Literal["mentor_to_mentee", "mentee_to_mentor"]
QuestionAudience = Literal["mentee", "mentor", "both"]
IssueCategory = Literal[
    "personal_label",
    "absolute",
    "vague",
    "assumed_intent",
    "stereotype",
    "sarcasm",
    "insult",
    "over_hedging",
    "imperative",
    "judgement",
]
# The fixed taxonomy coordinators see; one entry per file in knowledge/challenges, the
# one home of these ids: prompts, the offline cues and the release gate all read it.
Challenge = Literal[
    "resistance-to-change",
    "lack-of-time",
    "communication-styles",
    "generational-differences",
    "power-dynamics",
    "fear-of-judgement",
    "inadequate-training",
    "scheduling-conflicts",
    "uneven-acceptance",
]
CHALLENGES: tuple[str, ...] = Challenge.__args__  # type: ignore[attr-defined]
CHALLENGE_GLOSSES: dict[str, str] = {
    "resistance-to-change": "reluctance to try new tools or ways of working",
    "lack-of-time": "sessions or practice squeezed out by workload",
    "communication-styles": "different habits of speaking, writing or listening",
    "generational-differences": "assumptions tied to age or career stage",
    "power-dynamics": "the seniority gap getting in the way of candour",
    "fear-of-judgement": "worry about looking foolish or uninformed",
    "inadequate-training": "one of the pair unsure how to run or use the sessions",
    "scheduling-conflicts": "sessions cancelled, moved or hard to book",
    "uneven-acceptance": "support for the program differing across the organisation",
}
# Knowledge topic slug (knowledge/topics/<slug>.md) -> the label coordinators read.
KNOWLEDGE_TOPICS: dict[str, str] = {
    "social-media": "social media",
    "short-form-video": "short-form video",
    "digital-marketing": "digital marketing",
    "collaboration-tools": "collaboration tools",
    "data-and-dashboards": "data and dashboards",
    "generative-ai": "generative AI",
    "cultural-trends": "cultural trends",
    "inclusion": "inclusion",
    "hybrid-work": "hybrid work",
    "sustainability": "sustainability",
    "mental-health": "mental health",
}
# Program themes: what a session practised, and what got in its way.
THEMES: tuple[str, ...] = (
    "goal setting",
    "hands-on practice",
    "feedback",
    "confidence building",
    "relationship building",
    "reflection",
    "follow-up planning",
    "old habits",
    "time pressure",
    "seniority gap",
    "confidentiality",
)
# The tools the topics teach (knowledge/topics/): product names NER takes for organisations
# or places ("Teams", "Power BI"), which name no one and are what a session was about. A
# vendor's own name ("Microsoft", "Google") is left out: it can be the pair's employer.
PRODUCTS: tuple[str, ...] = (
    "Teams", "Slack", "Miro", "Power BI", "Excel", "PowerPoint", "SharePoint", "OneDrive",
    "Outlook", "Planner", "Trello", "Asana", "Notion", "Zoom", "Canva", "LinkedIn", "TikTok",
    "Instagram", "YouTube", "ChatGPT", "Copilot", "Gemini", "Loom",
    # Not a product but written in capitals like one: without it "an AI assistant" loses "AI"
    # wherever capitalised words are left out as possible names.
    "AI",
)  # fmt: skip

MAX_FEEDBACK_CHARS = 4_000
MAX_NOTES_CHARS = 20_000


# Invisible characters that reorder or hide text: a name "Ann\u202eeva" shows as "Annave".
_HIDDEN = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff"
)


def _visible(value: str) -> str:
    """Free text: no NUL or other control character except tab and line breaks."""
    for ch in value:
        if ch == "\x00":
            raise ValueError("contains a NUL character (\\u0000): remove it")
        if ch not in "\t\n\r" and unicodedata.category(ch) == "Cc":
            raise ValueError(f"contains the control character U+{ord(ch):04X}: remove it")
    return value


def _one_line(value: str) -> str:
    """A name or label: visible text on one line, without direction or zero-width controls."""
    _visible(value)
    for ch in value:
        if ch in "\t\n\r":
            raise ValueError("must be one line: remove tabs and line breaks")
        if ch in _HIDDEN:
            raise ValueError(f"contains the invisible character U+{ord(ch):04X}: remove it")
    return value


# Dates the relative-date arithmetic can always step from ("in two weeks", "next Friday").
DATE_YEARS = (1970, 2999)


def _real_date(value: str) -> str:
    """A calendar date as YYYY-MM-DD: "2026-02-30" matches a pattern, not the calendar."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date: use YYYY-MM-DD") from None
    if not DATE_YEARS[0] <= day.year <= DATE_YEARS[1]:
        raise ValueError(f"the year must be between {DATE_YEARS[0]} and {DATE_YEARS[1]}")
    return value


class _Documented:
    """Puts the rule into the JSON schema as a pattern (and format), so OpenAPI clients know it."""

    def __init__(self, pattern: str, format: str | None = None) -> None:
        self.pattern, self.format = pattern, format

    def __get_pydantic_json_schema__(self, core: Any, handler: Any) -> dict[str, Any]:
        schema: dict[str, Any] = handler(core)
        schema["pattern"] = self.pattern
        if self.format:
            schema["format"] = self.format
        return schema


_CONTROLS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F"
_INVISIBLE = "\\u0009\\u000A\\u000D\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF"
# The one rule for text that reaches storage or a prompt; the API's schemas use these too.
# The validators, not the patterns, decide (their messages name the character to remove).
Text = Annotated[str, AfterValidator(_visible), _Documented(f"^[^{_CONTROLS}]*$")]
Label = Annotated[str, AfterValidator(_one_line), _Documented(f"^[^{_CONTROLS}{_INVISIBLE}]*$")]
# A date's pattern bounds its year and month; the format says the day must exist in that month.
_DATE_PATTERN = r"^(?:19[7-9][0-9]|2[0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
IsoDate = Annotated[str, AfterValidator(_real_date), _Documented(_DATE_PATTERN, "date")]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Meta(BaseModel):
    """How a result was made, so it can be traced and evaluated."""

    engine: str
    model: str
    prompt_template: str
    prompt_hash: str
    source_ids: list[str] = []
    degraded: bool = False
    # Why the offline engine answered instead of the model (when degraded).
    degraded_reason: str | None = None
    # What a reader should know about the answer, e.g. that the knowledge base was thin.
    notices: list[str] = []
    # The kinds of identifying content (never the values) the release gate took out of the
    # offline engine's coordinator view, e.g. ["person"]; empty when nothing was withheld.
    redacted: list[str] = []
    usage: Usage | None = None
    latency_ms: float = 0.0
    attempts: int = 1


# --- agenda ---------------------------------------------------------------------------


class AgendaRequest(_Request):
    """What a mentor asks for when preparing a session."""

    topic: Label = Field(min_length=2, max_length=120)
    duration_minutes: int = Field(ge=15, le=180)
    session_number: int = Field(ge=1, le=100)
    goals: list[Label] = Field(default=[], max_length=10)
    previous_summary: Text | None = Field(default=None, max_length=4_000)


class AgendaItem(BaseModel):
    """One time-boxed block of a session."""

    title: str = Field(min_length=2)
    minutes: int = Field(ge=1)
    lead: Lead
    notes: str = ""
    sources: list[str] = []


class AgendaEdit(_Request):
    """A person's change to one agenda item; its sources stay as generated."""

    title: str = Field(min_length=2, max_length=200)
    minutes: int = Field(ge=1, le=180)
    lead: Lead
    notes: str = Field(default="", max_length=2_000)


class AgendaDraft(BaseModel):
    """A session agenda as an engine writes it."""

    title: str = Field(min_length=3)
    objectives: list[str] = Field(min_length=1)
    items: list[AgendaItem] = Field(min_length=3)
    preparation: list[str] = []
    follow_up: list[str] = []


class Agenda(AgendaDraft):
    """A validated agenda with its provenance."""

    meta: Meta


# --- discussion prompts -----------------------------------------------------------------


class PromptsRequest(_Request):
    """What a mentor asks for when looking for questions to open up a topic."""

    topic: Label = Field(min_length=2, max_length=120)
    count: int = Field(default=5, ge=1, le=15)
    goals: list[Label] = Field(default=[], max_length=10)
    audience: QuestionAudience = "mentee"


class DiscussionQuestion(BaseModel):
    """An open question with why it is asked and where to go next."""

    question: str = Field(min_length=8)
    purpose: str = Field(min_length=3)
    follow_up: str = Field(min_length=8)
    sources: list[str] = Field(min_length=1)


class PromptsDraft(BaseModel):
    """Discussion questions as an engine writes them."""

    questions: list[DiscussionQuestion] = Field(min_length=1)


class DiscussionPrompts(PromptsDraft):
    """Validated discussion questions with their provenance."""

    meta: Meta


# --- feedback ---------------------------------------------------------------------------


class FeedbackRequest(_Request):
    """Feedback someone wants to say better."""

    text: Text = Field(min_length=3, max_length=MAX_FEEDBACK_CHARS)
    direction: Direction = "mentee_to_mentor"
    context: Text | None = Field(default=None, max_length=1_000)


class FeedbackIssue(BaseModel):
    """A piece of the original text that would land badly, and what to do instead."""

    category: IssueCategory
    span: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    explanation: str
    suggestion: str


class SBI(BaseModel):
    """Situation, behavior, impact and the request that follows."""

    situation: str
    behavior: str
    impact: str
    request: str


class FeedbackDraft(BaseModel):
    """Reworded feedback as an engine writes it."""

    rewritten: str = Field(min_length=3)
    sbi: SBI
    issues: list[FeedbackIssue] = []
    preserved_points: list[str] = []


class FeedbackRewrite(FeedbackDraft):
    """Validated reworded feedback with its provenance."""

    meta: Meta


class FeedbackAnalysis(BaseModel):
    """What the deterministic analyzer found, without any rewording."""

    issues: list[FeedbackIssue]
    is_praise: bool
    tone: Literal["praise", "critical", "mixed", "neutral"]


# --- session summary --------------------------------------------------------------------


class SummaryRequest(_Request):
    """Session notes and who was in the room."""

    notes: Text = Field(min_length=20, max_length=MAX_NOTES_CHARS)
    mentor_name: Label = Field(min_length=1, max_length=120)
    mentee_name: Label = Field(min_length=1, max_length=120)
    other_names: list[Label] = Field(default=[], max_length=50)
    session_date: IsoDate | None = None
    goals: list[str] = Field(default=[], max_length=10)
    # Who wrote the notes, when the app knows: "I" and "me" in them are that person.
    note_taker: Literal["mentor", "mentee"] | None = None
    previous_session_date: IsoDate | None = None
    next_session_date: IsoDate | None = Field(
        default=None,
        description=(
            "Date of the pair's next scheduled session, when one is booked: a deadline such as "
            "'before our next session' or 'by next time' resolves to it. Without it such a "
            "deadline has no date (the action keeps no due date)."
        ),
    )


class ActionItem(BaseModel):
    """Something someone said they would do, and by when (ISO date when the notes say)."""

    text: str
    owner: ActionOwner
    due: str | None = None
    # A named third party's name stays here, on the pair's side; coordinators see "other".
    person: str | None = None
    # The notes' own words the item was read from ("would" kept), shown beside `text` to the pair.
    quote: str | None = Field(default=None, json_schema_extra=UNASKED)


class PrivateSummary(BaseModel):
    """The pair's own summary: names and detail allowed, never shown to coordinators."""

    summary: str
    covered: list[str] = []
    decided: list[str] = []
    open_questions: list[str] = []
    next_time: list[str] = []
    # The offline engine's extras; a model is asked for the fields above.
    key_points: list[str] = Field(default=[], json_schema_extra=UNASKED)
    action_items: list[ActionItem] = []
    topics: list[str] = Field(default=[], json_schema_extra=UNASKED)
    commitments: list[str] = Field(default=[], json_schema_extra=UNASKED)


class GoalProgress(BaseModel):
    """How the session moved one of the pair's stated goals, in the program's words."""

    goal: str
    status: Literal["progressed", "discussed", "not discussed"]


class Commitment(BaseModel):
    """One commitment as a coordinator sees it: the role, what (anonymized) and when."""

    owner: ActionOwner
    what: str
    due: str | None = None


class AnonymizedSummary(BaseModel):
    """What a coordinator may read once the pair releases it: nothing identifying."""

    summary: str
    topic: str | None = None
    topics: list[str] = []
    themes: list[str] = []
    challenges: list[Challenge] = []
    goal_progress: list[GoalProgress] = []
    commitments: list[Commitment] = []
    needs_support: bool = False
    support_reason: str | None = None
    # Counted from the private side's action items once a draft is made (generators.summary).
    action_item_count: int = Field(default=0, ge=0, json_schema_extra=UNASKED)


class SummaryDraft(BaseModel):
    """A session summary as an engine writes it, before anonymization is enforced."""

    private: PrivateSummary
    anonymized: AnonymizedSummary


class SessionSummary(SummaryDraft):
    """A validated summary whose anonymized side passed the leak check."""

    meta: Meta
