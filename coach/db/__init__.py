"""Persistence: programs, users, pairs, sessions and the audit log (SQLAlchemy 2, Alembic)."""
