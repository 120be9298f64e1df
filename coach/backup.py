"""`coach backup` / `coach restore`: the database and the vector index in one portable archive.

The database is exported row by row through SQLAlchemy (JSON lines per table), not with
pg_dump: one format for SQLite and PostgreSQL, so a backup restores into either, and no
client binaries of the server's exact version are needed. The index is exported with its
embeddings, so restoring embeds nothing.
"""

from __future__ import annotations

import io
import json
import tarfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, Engine, select, text

from coach import __version__
from coach.db.migrate import current_revision, head_revision, upgrade
from coach.db.models import Base, UTCDateTime
from coach.errors import Conflict, InvalidInput
from coach.settings import Settings

FORMAT = 1
BATCH = 500


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _decode(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return datetime.fromisoformat(value).astimezone(UTC)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def _lines(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, default=_encode) + "\n" for r in rows).encode()


def export_tables(engine: Engine, metadata: Any = Base.metadata) -> dict[str, list[dict]]:
    """Every row of every table, in dependency order, as plain JSON-ready dicts."""
    tables: dict[str, list[dict]] = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            tables[table.name] = [dict(r._mapping) for r in conn.execute(query)]
    return tables


def backup(settings: Settings, engine: Engine, target: Path) -> dict[str, Any]:
    """Write database rows and index records to a .tar.gz archive; return its manifest."""
    from coach.knowledge.store import export_records

    tables = export_tables(engine)
    records = export_records(settings)
    manifest = {
        "format": FORMAT,
        "coach": __version__,
        "created_at": datetime.now(UTC).isoformat(),
        "revision": current_revision(engine),
        "rows": {name: len(rows) for name, rows in tables.items()},
        "chunks": len(records),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(target, "w:gz") as archive:
        _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        for name, rows in tables.items():
            _add(archive, f"db/{name}.jsonl", _lines(rows))
        _add(archive, "index.jsonl", _lines(records))
    return manifest


def _read(archive: tarfile.TarFile, name: str) -> list[dict[str, Any]]:
    member = archive.extractfile(name)
    if member is None:
        raise InvalidInput(f"the backup lacks {name}")
    return [json.loads(line) for line in member.read().decode().splitlines() if line]


def _is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        tables = Base.metadata.sorted_tables
        return all(conn.execute(select(t).limit(1)).first() is None for t in tables)


def restore(settings: Settings, engine: Engine, source: Path) -> dict[str, Any]:
    """Load an archive into an empty, migrated database and replace the index's records."""
    from coach.knowledge.store import import_records

    with tarfile.open(source, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())  # type: ignore[union-attr]
        if manifest.get("format") != FORMAT or manifest["revision"] != head_revision():
            raise InvalidInput(
                f"backup {source} is format {manifest.get('format')} at revision "
                f"{manifest.get('revision')}; this coach reads format {FORMAT} at "
                f"{head_revision()}: restore with the coach version that wrote it"
            )
        upgrade(engine)
        if not _is_empty(engine):
            raise Conflict("the database already holds data: restore into an empty database")
        with engine.begin() as conn:
            for table in Base.metadata.sorted_tables:
                rows = _read(archive, f"db/{table.name}.jsonl")
                decoded = [{c.name: _decode(c, row[c.name]) for c in table.columns} for row in rows]
                for start in range(0, len(decoded), BATCH):
                    conn.execute(table.insert(), decoded[start : start + BATCH])
            _reset_sequences(conn)
        import_records(settings, _read(archive, "index.jsonl"))
    return dict(manifest)


def _reset_sequences(conn: Any) -> None:
    """PostgreSQL: ids were inserted explicitly, so each id sequence continues after the max."""
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )
