"""One Settings object, read from COACH_* environment variables (nested with __) and .env."""

from __future__ import annotations

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

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.embedding.provider == "openai" and not (
            self.embedding.base_url or self.embedding.api_key
        ):
            raise ValueError(
                "embedding provider 'openai' needs an endpoint: set COACH_EMBEDDING__BASE_URL "
                "or COACH_EMBEDDING__API_KEY, or set COACH_EMBEDDING__PROVIDER=local"
            )
        return self

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
