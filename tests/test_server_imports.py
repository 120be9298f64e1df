"""A started server, and its first summary and rewrite, never import torch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coach.settings import Settings

TORCH_STACK = ("torch", "transformers", "sentence_transformers")
SCRIPT = """
import sys
from fastapi.testclient import TestClient
from api.app import create_app
from coach.models import FeedbackRequest, SummaryRequest

app = create_app()
with TestClient(app) as client:  # the lifespan warms Presidio, spaCy, the index, the embedder
    assert client.get("/healthz").status_code == 200
    coach = app.state.coach
    coach.summarize(SummaryRequest(
        notes="Maya showed Robert how to post. Robert will post by Friday.",
        mentor_name="Maya Chen", mentee_name="Robert Miller",
    ))
    coach.rewrite_feedback(FeedbackRequest(text="You always interrupt me."))
print([m for m in {heavy!r} if m in sys.modules])
"""


def test_the_server_and_its_first_generations_import_no_torch(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "COACH_DATA_DIR": str(tmp_path),
        "COACH_CHROMA__PATH": str(indexed_settings.chroma_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(heavy=TORCH_STACK)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
