"""Errors raised by the coach core; the API maps each to one HTTP status."""

from __future__ import annotations

from typing import Any


class CoachError(Exception):
    """Base class for every error the core raises on purpose."""

    status = 500
    title = "Internal error"

    def __init__(self, detail: str, *, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []


class ConfigError(CoachError):
    """A setting is missing or wrong; the message says what to set."""

    title = "Configuration error"


class InvalidInput(CoachError):
    """The caller sent something we cannot work with; the message says what to fix."""

    status = 422
    title = "Invalid input"


class NotFound(CoachError):
    """The thing asked for does not exist, or the caller may not see it."""

    status = 404
    title = "Not found"


class Conflict(CoachError):
    """The request clashes with the current state of the data."""

    status = 409
    title = "Conflict"


class KnowledgeError(CoachError):
    """A knowledge file is malformed; the message names the file and the field."""

    title = "Knowledge base error"


class NotIndexed(CoachError):
    """The knowledge base has not been ingested yet."""

    status = 503
    title = "Knowledge base not indexed"


class ProviderUnavailable(CoachError):
    """The LLM provider did not answer after its retries."""

    status = 503
    title = "LLM provider unavailable"


class DeadlineExceeded(ProviderUnavailable):
    """The generation's one deadline passed before the provider gave a usable answer."""

    status = 504
    title = "LLM deadline exceeded"


class GenerationError(CoachError):
    """The model kept returning invalid output; keeps the last completion."""

    status = 502
    title = "Generation failed"

    def __init__(
        self,
        detail: str,
        *,
        last_completion: str | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail, errors=errors)
        self.last_completion = last_completion


class PrivacyLeak(CoachError):
    """The anonymized text still holds something identifying; it is not released."""

    status = 422
    title = "Anonymization refused"


class NotAuthenticated(CoachError):
    """No credential, or one that is wrong, expired or revoked; the message says what to do."""

    status = 401
    title = "Not authenticated"


class Forbidden(CoachError):
    """The caller is known but may not do this, whatever the id."""

    status = 403
    title = "Forbidden"


class LinkExpired(CoachError):
    """An invitation or reset link that expired, was used already or was withdrawn."""

    status = 410
    title = "Link no longer valid"


class UnknownLink(LinkExpired):
    """A link secret that matches no invitation or reset: a typo, or never sent."""


class TooManyAttempts(CoachError):
    """Too many failed sign-ins for an account or from an address; try again later."""

    status = 429
    title = "Too many attempts"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class MailUnavailable(CoachError):
    """The email could not be handed to the mail server; nothing was changed."""

    status = 503
    title = "Email unavailable"
