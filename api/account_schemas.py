"""Request and response bodies of sign-in, invitations, password resets and API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints
from pydantic.json_schema import JsonDict

from api.schemas import In, MeOut, Name
from coach.accounts.passwords import MAX_PASSWORD_CHARS
from coach.settings import TOKEN_MAX_DAYS

Email = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=254)]
# Length is checked by the password rule, so the message says what to use; this only caps size.
Password = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PASSWORD_CHARS)]
Secret = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=200)]


class SignInIn(In):
    """An email and a password."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"email": "maya@example.org", "password": "…"}]},
    )
    email: Email
    password: Password


class SignedInOut(BaseModel):
    """The signed-in person; the session is in the coach_session cookie."""

    user: MeOut
    csrf_token: str = Field(description="Echo as X-CSRF-Token on every change in this session.")


# The server accepts any address email-validator does (internationalized ones too); the
# schema shows the plain ASCII shape, so every address it describes is one the server takes.
INVITEE_EMAIL: JsonDict = {
    "format": "email",
    "pattern": r"^[A-Za-z0-9_+-]{1,32}(\.[A-Za-z0-9_+-]{1,30})?"
    r"@([a-z0-9]{1,20}\.){1,3}[a-z]{2,10}$",
}
NO_ID: JsonDict = {"type": "null"}
# Where each role goes, as coach.db.auth.placement checks it: documented, so a client (and
# schemathesis) knows which bodies are well formed before the server says 422.
PLACES: list[JsonValue] = [
    {
        "properties": {"role": {"enum": ["mentor", "mentee"]}, "pair_id": {"type": "integer"}},
        "required": ["pair_id"],
    },
    {
        "properties": {
            "role": {"const": "coordinator"},
            "program_id": {"type": "integer"},
            "pair_id": NO_ID,
        },
        "required": ["program_id"],
    },
    {"properties": {"role": {"const": "admin"}, "program_id": NO_ID, "pair_id": NO_ID}},
]


class InvitationIn(In):
    """Whom to invite, as what, and where: a pair for members, a program for coordinators."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"email": "maya@example.org", "name": "Maya Chen", "role": "mentor", "pair_id": 1}
            ],
            "oneOf": PLACES,
        },
    )
    email: Email = Field(json_schema_extra=INVITEE_EMAIL)
    name: Name
    role: Literal["mentor", "mentee", "coordinator", "admin"]
    pair_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    program_id: int | None = Field(default=None, ge=1, le=2**31 - 1)


class InvitationOut(BaseModel):
    """An invitation as its sender sees it: the link went to the invitee only."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    role: str
    program_id: int | None
    pair_id: int | None
    created_at: datetime
    expires_at: datetime
    status: str


class AcceptIn(In):
    """The secret from the invitation link, the new password, and optionally another name."""

    secret: Secret
    password: Password
    name: Name | None = None


class ResetRequestIn(In):
    """The email of the account whose password to reset."""

    email: Email


class ResetIn(In):
    """The secret from the reset link and the new password."""

    secret: Secret
    password: Password


class TokenIn(In):
    """A name for a new personal API token, and how long it lives."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "weekly export", "expires_in_days": 30}]},
    )
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    expires_in_days: int = Field(default=30, ge=1, le=TOKEN_MAX_DAYS)


class TokenOut(BaseModel):
    """A personal API token as listed: never the secret."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    hint: str
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class NewTokenOut(TokenOut):
    """A token just created; `token` is shown this once and cannot be read again."""

    token: str
