"""Plain models the rest of coach sees: no LangChain or Chroma types leave this package."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["guideline", "challenge", "topic", "template"]
Audience = Literal["mentor", "mentee", "coordinator", "all"]


class FrontMatter(BaseModel):
    """The YAML header every knowledge file carries."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3)
    kind: Kind
    topics: list[str] = Field(min_length=1)
    audience: Audience


class Section(BaseModel):
    """A section of a knowledge file and where it came from."""

    id: str
    doc_id: str
    title: str
    heading: str
    source: str
    kind: Kind
    topics: list[str]
    audience: Audience
    text: str


class Chunk(Section):
    """One retrievable section as stored in the index, with its file's content hash."""

    file_hash: str


class Passage(Section):
    """A retrieved section with its fused relevance score."""

    score: float


class SearchFilters(BaseModel):
    """Optional narrowing of a search; every field set must match."""

    model_config = ConfigDict(extra="forbid")

    kinds: list[Kind] | None = None
    topics: list[str] | None = None
    audience: Audience | None = None
