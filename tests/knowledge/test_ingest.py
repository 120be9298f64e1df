"""Ingestion is idempotent, follows changes and deletions, and refuses bad front matter.

Every test runs on the local folder and on a Chroma server (`chroma run`, started once).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.errors import KnowledgeError
from coach.knowledge.ingest import ingest
from coach.knowledge.retrieval import Retriever
from coach.settings import Settings
from tests.conftest import KNOWLEDGE, make_settings, server_chroma

FILES = ["guidelines/giving-feedback.md", "challenges/lack-of-time.md", "topics/social-media.md"]


@pytest.fixture()
def kb(tmp_path: Path) -> Path:
    """A small knowledge folder of three real files."""
    root = tmp_path / "kb"
    for rel in FILES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(KNOWLEDGE / rel, root / rel)
    return root


@pytest.fixture(params=["local", "server"])
def settings(request: pytest.FixtureRequest, tmp_path: Path, kb: Path) -> Settings:
    """Settings over the small folder; on the server, a collection of the test's own."""
    if request.param == "local":
        return make_settings(tmp_path / "data", knowledge_dirs=[kb])
    return make_settings(tmp_path / "data", knowledge_dirs=[kb], chroma=server_chroma(request))


@pytest.fixture()
def local_settings(tmp_path: Path, kb: Path) -> Settings:
    """The local folder alone: bad front matter fails before any index is touched."""
    return make_settings(tmp_path / "data", knowledge_dirs=[kb])


def test_reingest_of_unchanged_base_embeds_nothing(settings: Settings) -> None:
    first = ingest(settings)
    second = ingest(settings)
    assert len(first.added) == 3 and first.chunks_embedded > 3
    assert second.chunks_embedded == 0 and second.unchanged == 3
    assert not (second.added or second.updated or second.deleted)


def test_changed_file_is_reembedded_and_old_text_disappears(settings: Settings, kb: Path) -> None:
    ingest(settings)
    path = kb / "challenges/lack-of-time.md"
    path.write_text(
        path.read_text() + "\n## Quokka budgeting\nPlan sessions around quokka hours.\n"
    )
    report = ingest(settings)
    assert report.updated == [report.updated[0]] and report.updated[0].endswith("lack-of-time.md")
    assert report.unchanged == 2
    hits = Retriever(settings).search("quokka hours", k=1)
    assert hits[0].heading.endswith("Quokka budgeting")


def test_deleted_file_leaves_the_index(settings: Settings, kb: Path) -> None:
    ingest(settings)
    (kb / "topics/social-media.md").unlink()
    report = ingest(settings)
    assert len(report.deleted) == 1 and report.deleted[0].endswith("social-media.md")
    docs = {c.doc_id for c in Retriever(settings).chunks.values()}
    assert docs == {"guideline-giving-feedback", "challenge-lack-of-time"}


def test_extra_folder_adds_without_touching_the_default(settings: Settings, tmp_path: Path) -> None:
    ingest(settings)
    extra = tmp_path / "acme"
    extra.mkdir()
    (extra / "acme-rules.md").write_text(
        "---\nid: guideline-acme-rules\ntitle: Acme program rules\nkind: guideline\n"
        "topics: [rules]\naudience: all\n---\n# Acme program rules\n\n## Badges\n"
        "Every pair earns a walrus badge after six sessions.\n"
    )
    report = ingest(settings, [extra])
    assert len(report.added) == 1 and not report.deleted
    retriever = Retriever(settings)
    assert len({c.doc_id for c in retriever.chunks.values()}) == 4
    assert retriever.search("walrus badge", k=1)[0].doc_id == "guideline-acme-rules"


@pytest.mark.parametrize(
    ("front", "field"),
    [
        ("id: Bad Id\ntitle: T x\nkind: topic\ntopics: [a]\naudience: all", "id"),
        ("id: ok-id\ntitle: T x\nkind: essay\ntopics: [a]\naudience: all", "kind"),
        ("id: ok-id\ntitle: T x\nkind: topic\ntopics: []\naudience: all", "topics"),
        ("id: ok-id\ntitle: T x\nkind: topic\ntopics: [a]\naudience: ceo", "audience"),
        ("id: ok-id\nkind: topic\ntopics: [a]\naudience: all", "title"),
        ("id: ok-id\ntitle: T x\nkind: topic\ntopics: [a]\naudience: all\ncolour: red", "colour"),
    ],
)
def test_bad_front_matter_names_file_and_field(
    local_settings: Settings, kb: Path, front: str, field: str
) -> None:
    settings = local_settings
    ingest(settings)
    before = set(Retriever(settings).chunks)
    bad = kb / "guidelines/broken.md"
    bad.write_text(f"---\n{front}\n---\n# Broken\n\nBody text.\n")
    with pytest.raises(KnowledgeError) as err:
        ingest(settings)
    assert "broken.md" in err.value.detail and f"'{field}'" in err.value.detail
    assert set(Retriever(settings).chunks) == before  # nothing lost


def test_missing_front_matter_and_duplicate_ids(local_settings: Settings, kb: Path) -> None:
    settings = local_settings
    (kb / "plain.md").write_text("# No header\n\nJust text.\n")
    with pytest.raises(KnowledgeError, match=r"plain\.md: missing YAML front matter"):
        ingest(settings)
    (kb / "plain.md").unlink()
    shutil.copy(kb / "challenges/lack-of-time.md", kb / "copy.md")
    with pytest.raises(KnowledgeError, match=r"copy\.md: field 'id'.*used by"):
        ingest(settings)
