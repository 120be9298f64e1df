"""One Settings object, read from COACH_* environment variables (nested with __) and .env."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from coach.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ChromaSettings(BaseModel):
    """Where the vector index lives: a local folder, or a Chroma server."""

    path: Path | None = None
    host: str | None = None
    port: int = Field(default=8000, ge=1, le=65535)
    ssl: bool = False
    collection: str = "coach-knowledge"


class EmbeddingSettings(BaseModel):
    """Which model turns text into vectors."""

    provider: Literal["local", "openai"] = "local"
    model: str = "all-MiniLM-L6-v2"
    base_url: str | None = None
    api_key: SecretStr | None = None
    batch_size: int = Field(default=32, ge=1, le=1024)
    # local only: onnx needs no torch at run time; torch is sentence-transformers itself.
    runtime: Literal["onnx", "torch"] = "onnx"
    onnx_dir: Path | None = None
    threads: int = Field(default=1, ge=1, le=64)
    query_cache_size: int = Field(default=2048, ge=0, le=1_000_000)

    @property
    def onnx_folder(self) -> Path:
        """Where local ONNX exports live: shared by every data directory of this user."""
        return self.onnx_dir or cache_home() / "onnx"


def cache_home() -> Path:
    """This user's cache folder for coach: things rebuilt from bundled data, safe to delete."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "coach"


class LLMSettings(BaseModel):
    """Which engine writes the artifacts: the offline engine, or an OpenAI-compatible endpoint."""

    provider: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    model: str = "gpt-4o-mini"
    # Per HTTP attempt; the deadline below bounds the whole generation, retries included.
    timeout_s: float = Field(default=30.0, gt=0)
    deadline_s: float = Field(default=45.0, gt=0, le=600)
    max_retries: int = Field(default=2, ge=0, le=10)
    max_reasks: int = Field(default=2, ge=0, le=5)
    temperature: float = Field(default=0.2, ge=0, le=2)
    fallback_offline: bool = True
    structured: Literal["json_schema", "json_object_schema", "json_object"] = "json_schema"

    @property
    def resolved_provider(self) -> str:
        """The provider in force: explicit, else openai when a key or base URL is set."""
        if self.provider:
            return self.provider
        return "openai" if (self.api_key or self.base_url) else "offline"


class RetrievalSettings(BaseModel):
    """How many candidates each retriever contributes and how ranks are fused."""

    k: int = Field(default=5, ge=1, le=50)
    candidates: int = Field(default=30, ge=5, le=200)
    rrf_k: int = Field(default=60, ge=1)
    # Results kept per (query, k, filters) for the life of the loaded index; a feedback
    # rewrite asks one of two fixed queries, so it rarely ranks anything. 0: no cache.
    cache_size: int = Field(default=1024, ge=0, le=1_000_000)


# The longest a personal API token may live; the API's schema says so too, and a deployment
# may only shorten it (COACH_AUTH__TOKEN_MAX_DAYS).
TOKEN_MAX_DAYS = 365


class AuthSettings(BaseModel):
    """Accounts: the public address in emailed links, lifetimes, and sign-in throttling."""

    base_url: str = "http://127.0.0.1:8000"
    # None: Secure cookies exactly when the request came over https.
    secure_cookies: bool | None = None
    session_hours: float = Field(default=14 * 24, gt=0)
    session_idle_hours: float = Field(default=3 * 24, gt=0)
    invitation_days: float = Field(default=7, gt=0)
    reset_minutes: float = Field(default=60, gt=0)
    token_max_days: int = Field(default=TOKEN_MAX_DAYS, ge=1, le=TOKEN_MAX_DAYS)
    lock_after_failures: int = Field(default=5, ge=1)
    lock_minutes: float = Field(default=15, gt=0)
    address_failures: int = Field(default=20, ge=1)
    window_minutes: float = Field(default=15, gt=0)


class SmtpSettings(BaseModel):
    """Where email goes; with no host, messages are written to <data_dir>/outbox/ instead."""

    host: str | None = None
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = "starttls"
    user: str | None = None
    password: SecretStr | None = None
    sender: str = "coach <coach@localhost>"
    timeout_s: float = Field(default=10.0, gt=0)


class OidcSettings(BaseModel):
    """Optional single sign-on with an OpenID Connect provider, matched by verified email."""

    issuer: str | None = None
    client_id: str | None = None
    client_secret: SecretStr | None = None
    scopes: str = "openid email profile"
    timeout_s: float = Field(default=10.0, gt=0)

    @property
    def enabled(self) -> bool:
        """Whether single sign-on is configured."""
        return bool(self.issuer and self.client_id)


class PromptSettings(BaseModel):
    """Token budgets (MiniLM WordPiece tokens) for the knowledge passages in each prompt."""

    # The ceiling on everything a generation sends (messages plus output schema): passages
    # shrink below their budget when a long request would otherwise push past it.
    total: int = Field(default=2_000, ge=500, le=200_000)

    # Counted with each passage's wrapper (id, kind, title, heading), as the prompt shows it.
    agenda: int = Field(default=1_100, ge=100, le=100_000)
    discussion: int = Field(default=1_200, ge=100, le=100_000)
    feedback: int = Field(default=600, ge=100, le=100_000)
    summary: int = Field(default=300, ge=100, le=100_000)


class ServiceSettings(BaseModel):
    """How much the HTTP service takes on at once."""

    # A generation waits on the model holding no thread and no database connection, so this
    # is sized to what the model endpoint takes, not to our pools; past it, a fast 503 with
    # Retry-After lets the client back off.
    max_generations: int = Field(default=200, ge=1, le=10_000)
    # The offline engine is CPU-bound: more at once than this only queues for the cores.
    max_offline_generations: int = Field(default=32, ge=1, le=10_000)
    retry_after_s: int = Field(default=1, ge=1, le=3_600)
    # Threads for CPU-bound work (embedding, offline engine, Presidio, checks); 0: one per core.
    cpu_threads: int = Field(default=0, ge=0, le=256)
    # Database connections: each request holds one for milliseconds (never across a model
    # call), so SQLAlchemy's default pool serves hundreds of generations in flight.
    db_pool_size: int = Field(default=5, ge=1, le=1_000)
    db_max_overflow: int = Field(default=10, ge=0, le=1_000)
    db_pool_timeout_s: float = Field(default=30.0, gt=0, le=600)


class Settings(BaseSettings):
    """Everything configurable about coach."""

    model_config = SettingsConfigDict(
        env_prefix="COACH_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
    )

    data_dir: Path = PROJECT_ROOT / ".coach"
    knowledge_dirs: list[Path] = [PROJECT_ROOT / "knowledge"]
    database_url: str | None = None
    chroma: ChromaSettings = ChromaSettings()
    embedding: EmbeddingSettings = EmbeddingSettings()
    llm: LLMSettings = LLMSettings()
    # The opt-in judge suite's model (COACH_EVAL_JUDGE__MODEL, __BASE_URL, __API_KEY).
    eval_judge: LLMSettings | None = None
    retrieval: RetrievalSettings = RetrievalSettings()
    auth: AuthSettings = AuthSettings()
    smtp: SmtpSettings = SmtpSettings()
    oidc: OidcSettings = OidcSettings()
    prompts: PromptSettings = PromptSettings()
    service: ServiceSettings = ServiceSettings()
    # Days after which `coach retention` deletes notes and private summaries; None keeps them.
    retention_notes_days: int | None = Field(default=None, ge=1, le=36_500)

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.embedding.provider == "openai" and not (
            self.embedding.base_url or self.embedding.api_key
        ):
            raise ValueError(
                "embedding provider 'openai' needs an endpoint: set COACH_EMBEDDING__BASE_URL "
                "or COACH_EMBEDDING__API_KEY, or set COACH_EMBEDDING__PROVIDER=local"
            )
        if self.oidc.issuer and not self.oidc.client_id:
            raise ValueError("single sign-on needs a client: set COACH_OIDC__CLIENT_ID")
        return self

    @property
    def outbox_dir(self) -> Path:
        """Where emails go when no SMTP server is configured."""
        return self.data_dir / "outbox"

    @property
    def chroma_path(self) -> Path:
        """The folder of the embedded Chroma index."""
        return self.chroma.path or self.data_dir / "chroma"

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL: SQLite in the data directory unless one is configured."""
        return self.database_url or f"sqlite:///{self.data_dir / 'coach.db'}"


def load_settings(**overrides: object) -> Settings:
    """Build Settings, turning a validation failure into a ConfigError that says what to set."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = "__".join(str(p) for p in err["loc"]).upper()
            setting = f"COACH_{where}" if where else "COACH_* settings"
            problems.append(f"{setting}: {err['msg']}")
        raise ConfigError("Invalid configuration. " + "; ".join(problems)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide Settings, built on first use."""
    return load_settings()
