"""`coach backup` / `coach restore` round trips, and retention keeps only anonymized summaries."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from api_helpers import NOTES_TEXT, Backend, FakeCoach, World, bearer, running_app, seed
from sqlalchemy import update
from typer.testing import CliRunner

from coach.backup import backup, export_tables, restore
from coach.cli import app as cli
from coach.db.engine import make_engine
from coach.db.models import CoachingSession, utcnow
from coach.db.retention import purge_notes
from coach.errors import Conflict
from coach.knowledge.store import export_records, import_records
from coach.settings import ChromaSettings, Settings, get_settings, load_settings
from tests.conftest import server_chroma

RECORDS = [
    {
        "id": f"knowledge/x.md#part#{i}",
        # unit length, as wide as the embedder's vectors: the app searches the index as it starts
        "embedding": ([0.6, 0.8, 0.0, 0.0] if i % 2 else [0.0, 0.0, 0.8, -0.6]) + [0.0] * 380,
        "document": f"X > Part\nText {i}",
        "metadata": {  # every field the index writes: the app reads the index as it starts
            "doc_id": "topic-x",
            "title": "X",
            "heading": "Part",
            "source": "knowledge/x.md",
            "root": "knowledge",
            "kind": "topic",
            "topics": "x",
            "audience": "all",
            "file_hash": "0" * 64,
        },
    }
    for i in range(3)
]


def _summarized(world: World, released: bool = True) -> int:
    client, mentor = world.client, world.as_("mentor")
    session = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=mentor,
    ).json()["id"]
    client.put(f"/v1/sessions/{session}/notes", json={"notes": NOTES_TEXT}, headers=mentor)
    client.post(f"/v1/sessions/{session}/summary", headers=mentor)
    for who in ("mentor", "mentee") if released else ():
        client.post(f"/v1/sessions/{session}/release", headers=world.as_(who))
    return int(session)


@pytest.fixture(params=["local", "server"])
def chroma_settings(request: pytest.FixtureRequest) -> ChromaSettings:
    """The index of a backup: the local folder, or a collection on the Chroma server."""
    return ChromaSettings() if request.param == "local" else server_chroma(request)


def test_backup_restores_database_and_index(
    tmp_path: Path, db_backend: Backend, chroma_settings: ChromaSettings
) -> None:
    origin = load_settings(data_dir=tmp_path / "a", chroma=chroma_settings)
    with running_app(origin.data_dir, FakeCoach(), chroma=chroma_settings) as client:
        world = seed(client)
        session = _summarized(world)
    import_records(origin, RECORDS)
    archive = tmp_path / "backup.tar.gz"
    engine = make_engine(origin)
    manifest = backup(origin, engine, archive)
    assert manifest["chunks"] == len(RECORDS) and manifest["rows"]["sessions"] == 1
    target_chroma = chroma_settings.model_copy(update={"collection": "restored"})
    target = load_settings(
        data_dir=tmp_path / "b", database_url=db_backend.fresh_url(), chroma=target_chroma
    )
    restored = make_engine(target)
    restore(target, restored, archive)
    assert export_tables(restored) == export_tables(engine)
    assert _same_records(export_records(target), export_records(origin))
    assert _same_records(export_records(origin), RECORDS)
    with pytest.raises(Conflict, match="empty database"):
        restore(target, restored, archive)
    engine.dispose()
    restored.dispose()
    with running_app(target.data_dir, FakeCoach(), **_same_place(target)) as client:
        seen = client.get("/v1/coordinator/summaries", headers=bearer(world.tokens["coordinator"]))
        assert [s["session_id"] for s in seen.json()["items"]] == [session]
        world.client = client
        assert _summarized(world) > session  # ids continue after the restored ones


def _same_records(got: list[dict], want: list[dict]) -> bool:
    """Equal records; Chroma renormalizes cosine vectors, so embeddings match to float32."""
    plain = [{k: v for k, v in r.items() if k != "embedding"} for r in got]
    assert plain == [{k: v for k, v in r.items() if k != "embedding"} for r in want]
    for a, b in zip(got, want, strict=True):
        assert a["embedding"] == pytest.approx(b["embedding"], abs=1e-6)
    return True


def _same_place(settings: Settings) -> dict[str, object]:
    return {"database_url": settings.database_url, "chroma": settings.chroma}


def test_postgresql_backup_restores_into_sqlite(tmp_path: Path, db_backend: Backend) -> None:
    if db_backend.name != "postgresql":
        pytest.skip("the cross-backend direction that matters: off PostgreSQL")
    origin = load_settings(data_dir=tmp_path / "a")
    with running_app(origin.data_dir, FakeCoach()) as client:
        _summarized(seed(client))
    engine = make_engine(origin)
    backup(origin, engine, tmp_path / "b.tar.gz")
    sqlite = load_settings(data_dir=tmp_path / "b", database_url=f"sqlite:///{tmp_path}/b.db")
    restored = make_engine(sqlite)
    restore(sqlite, restored, tmp_path / "b.tar.gz")
    assert export_tables(restored) == export_tables(engine)
    engine.dispose()
    restored.dispose()


def test_retention_clears_old_notes_and_keeps_anonymized_summaries(tmp_path: Path) -> None:
    with running_app(tmp_path, FakeCoach()) as client:
        world = seed(client)
        old, recent = _summarized(world), _summarized(world, released=False)
        factory = client.app.state.sessions  # type: ignore[attr-defined]
        with factory() as db:
            long_ago = utcnow() - timedelta(days=40)
            db.execute(
                update(CoachingSession)
                .where(CoachingSession.id == old)
                .values(notes_updated_at=long_ago)
            )
            db.commit()
            assert purge_notes(db, days=30) == 1
            assert purge_notes(db, days=30) == 0
        mentor = world.as_("mentor")
        gone = client.get(f"/v1/sessions/{old}", headers=mentor).json()
        kept = client.get(f"/v1/sessions/{recent}", headers=mentor).json()
        assert gone["notes"] is None and gone["private_summary"] is None
        assert gone["anonymized_summary"] == kept["anonymized_summary"] is not None
        assert kept["notes"] == NOTES_TEXT and kept["private_summary"] is not None
        seen = client.get("/v1/coordinator/summaries", headers=world.as_("coordinator")).json()
        assert [s["session_id"] for s in seen["items"]] == [old]
        audit = client.get("/v1/admin/audit", headers=world.as_("admin")).json()
        purges = [e for e in audit if e["action"] == "retention.notes.purge"]
        assert [e["detail"] for e in purges] == [{"sessions": 1, "days": 30}]
        assert NOTES_TEXT not in str(audit)


def test_retention_command_needs_a_period(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["retention"])
        assert "COACH_RETENTION_NOTES_DAYS" in str(result.exception)
        result = CliRunner().invoke(cli, ["retention", "--days", "30"])
        assert result.exit_code == 0 and "cleared notes of 0 sessions" in result.output
    finally:
        get_settings.cache_clear()
