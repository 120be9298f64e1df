"""The CLI's readable output keeps generated text that looks like rich markup."""

from __future__ import annotations

import pytest

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
