"""The CLI's readable output and its summary options."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app
from coach.cli.render import show
from coach.models import (
    SBI,
    ActionItem,
    AnonymizedSummary,
    FeedbackRewrite,
    Meta,
    PrivateSummary,
    SessionSummary,
)

META = Meta(engine="offline", model="coach-offline", prompt_template="t", prompt_hash="h")
SLOT = "[what you observed: one moment, what happened and when]"


def test_a_slot_in_a_rewrite_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    rewrite = FeedbackRewrite(
        rewritten=f"I'd like to talk about your messages: {SLOT}.",
        sbi=SBI(situation="s", behavior="b", impact="i", request="r"),
        meta=META,
    )
    show(rewrite)
    assert SLOT in " ".join(capsys.readouterr().out.split())


def test_action_owners_are_printed(capsys: pytest.CaptureFixture[str]) -> None:
    summary = SessionSummary(
        private=PrivateSummary(
            summary="They covered dashboards.",
            action_items=[ActionItem(text="Share the guide", owner="mentor", due="2026-12-04")],
        ),
        anonymized=AnonymizedSummary(summary="The pair covered dashboards.", action_item_count=1),
        meta=META,
    )
    show(summary)
    assert "[mentor] Share the guide (due 2026-12-04)" in capsys.readouterr().out


def test_summarize_takes_the_session_date_and_names_the_option_when_it_is_wrong(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Maya showed Robert how to schedule posts. Robert will post by Friday.")
    args = ["summarize", str(notes), "--mentor", "Maya Chen", "--mentee", "Robert Miller"]
    result = CliRunner().invoke(app, [*args, "--session-date", "30/11/2026"])
    assert result.exit_code != 0
    assert "--session-date" in str(result.exception)
