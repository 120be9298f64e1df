"""The pages without a browser: headers, forms, failures, exports, and who may open what."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from api.schemas import InsightsOut
from api.web.drafts import Drafts
from api.web.exports import total_status
from api.web.render import ENV, day, markdown, month, source_label
from api.web.security import CSP
from api.web.tools import segments
from coach.db.coordinator import Insights
from coach.errors import NotFound, ProviderUnavailable
from coach.knowledge.models import Chunk
from coach.models import FeedbackIssue
from tests.api.api_helpers import FakeCoach, running_app
from tests.web.web_helpers import Inbox, Person, World, seed

STATIC = Path(__file__).resolve().parents[2] / "api" / "web" / "static"


class PageCoach(FakeCoach):
    """The API tests' fake Coach, plus what the pages ask for, and a switch to break it."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False

    def topics(self) -> list[str]:
        return ["Social media and personal brand"]

    def passage(self, chunk_id: str) -> Chunk:
        if chunk_id != "knowledge/x.md#a#0":
            raise NotFound(f"no passage {chunk_id!r}")
        return Chunk(
            id=chunk_id,
            doc_id="x",
            title="X",
            heading="A",
            source="knowledge/x.md",
            kind="guideline",
            topics=["x"],
            audience="all",
            file_hash="0",
            text="Hello <script>window.x=1</script> [bad](javascript:alert(1)) **bold**",
        )

    def rewrite_feedback(self, request: Any) -> Any:
        if self.down:
            raise ProviderUnavailable("The LLM endpoint is not answering.")
        return super().rewrite_feedback(request)

    def agenda(self, request: Any) -> Any:
        if self.down:
            raise ProviderUnavailable("The LLM endpoint is not answering.")
        result = super().agenda(request)
        minutes = request.duration_minutes
        result.items[0].minutes = minutes - 20  # the fake's three items fit the request
        result.items[1].sources = ["knowledge/x.md#a#0"]
        return result


@pytest.fixture
def coach() -> PageCoach:
    return PageCoach()


@pytest.fixture
def app_world(tmp_path: Path, coach: PageCoach) -> Iterator[tuple[TestClient, World]]:
    with running_app(tmp_path, coach) as client:
        yield client, seed(client.app)  # type: ignore[arg-type]


def sign_in(client: TestClient, person: Person) -> str:
    """Sign in through the form; returns the CSRF token the pages carry."""
    client.cookies.clear()
    r = client.post("/sign-in", data={"email": person.email, "password": person.password})
    assert r.status_code == 200, r.text
    return re.search(r'name="csrf_token" value="([^"]+)"', r.text).group(1)  # type: ignore[union-attr]


def new_session(client: TestClient, csrf: str, duration: str = "60") -> int:
    r = client.post(
        "/sessions",
        data={
            "csrf_token": csrf,
            "date": "2030-01-10",
            "topic": "Social media and personal brand",
            "duration_minutes": duration,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])


def test_pages_carry_a_csp_without_inline_script(app_world: tuple[TestClient, World]) -> None:
    client, _ = app_world
    r = client.get("/sign-in")
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert "<script>" not in r.text and "onclick" not in r.text
    assert client.get("/docs").headers.get("content-security-policy") is None


def test_htmx_is_the_recorded_vendored_file() -> None:
    record = (STATIC / "VENDORED.md").read_text()
    js = (STATIC / "htmx.min.js").read_bytes()
    assert hashlib.sha256(js).hexdigest() in record
    version = re.search(rb'version:"([0-9.]+)"', js).group(1).decode()  # type: ignore[union-attr]
    assert f"| {version} |" in record
    assert "Zero-Clause BSD" in (STATIC / "htmx.LICENSE").read_text()


def test_markdown_goes_through_the_sanitizer() -> None:
    html = str(markdown('Hi <img src=x onerror="a()"> [x](javascript:alert(1)) **b**'))
    assert "<strong>b</strong>" in html
    assert "<img" not in html and 'href="javascript' not in html
    assert "&lt;img" in html  # shown as text


def test_a_passage_page_renders_sanitized_markdown(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    sign_in(client, world.people["mentor"])
    r = client.get("/knowledge/passage", params={"id": "knowledge/x.md#a#0"})
    assert r.status_code == 200
    assert "<strong>bold</strong>" in r.text
    assert "<script>window.x" not in r.text and 'href="javascript' not in r.text
    missing = client.get("/knowledge/passage", params={"id": "knowledge/nope.md#a#0"})
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_unknown_pages_are_html_and_the_api_stays_json(app_world: tuple[TestClient, World]) -> None:
    client, _ = app_world
    page = client.get("/no-such-page")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    api = client.get("/v1/no-such-thing")
    assert api.status_code == 404 and api.headers["content-type"] == "application/problem+json"


def test_signing_in_is_needed_and_returns_to_the_page(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    r = client.get("/prompts", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/sign-in?next=%2Fprompts"
    wrong = client.post("/sign-in", data={"email": "x@example.com", "password": "nope"})
    assert wrong.status_code == 400 and "The email or password is wrong" in wrong.text
    assert 'value="x@example.com"' in wrong.text
    person = world.people["mentor"]
    r = client.post(
        "/sign-in",
        data={"email": person.email, "password": person.password, "next": "/prompts"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/prompts"
    evil = client.post(
        "/sign-in",
        data={"email": person.email, "password": person.password, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert evil.headers["location"] == "/"


def test_forms_need_the_csrf_token(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    sign_in(client, world.people["mentor"])
    r = client.post(
        "/sessions", data={"date": "2030-01-10", "topic": "x y", "duration_minutes": "60"}
    )
    assert r.status_code == 403 and "This form expired" in r.text and "reload the page" in r.text
    api = client.post(f"/v1/pairs/{world.ids['pair']}/sessions", json={"topic": "x y"})
    assert api.status_code == 403 and "CSRF token" in api.json()["detail"]


def test_form_errors_sit_next_to_the_field_and_keep_the_input(
    app_world: tuple[TestClient, World],
) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentor"])
    r = client.post(
        "/sessions",
        data={
            "csrf_token": csrf,
            "date": "next tuesday",
            "topic": "Cooking <b>pasta</b>",
            "duration_minutes": "500",
        },
    )
    assert r.status_code == 422
    assert 'id="date-error"' in r.text and "Enter a date like" in r.text
    assert 'id="duration_minutes-error"' in r.text and "180 or less" in r.text
    assert 'value="Cooking &lt;b&gt;pasta&lt;/b&gt;"' in r.text
    assert 'value="next tuesday"' in r.text


def test_a_generation_failure_keeps_what_was_typed(
    app_world: tuple[TestClient, World], coach: PageCoach
) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentor"])
    session_id = new_session(client, csrf)
    coach.down = True
    r = client.post(
        f"/sessions/{session_id}/agenda",
        data={"csrf_token": csrf, "duration_minutes": "45", "goals": "Post once\nFind my voice"},
    )
    assert r.status_code == 503
    assert "could not be written just now" in r.text and "not answering" in r.text
    assert ">Post once\nFind my voice</textarea>" in r.text
    assert 'value="45"' in r.text
    assert f'action="/sessions/{session_id}/agenda"' in r.text  # the form is still there


def test_agenda_edits_must_total_exactly(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentor"])
    session_id = new_session(client, csrf)
    client.post(f"/sessions/{session_id}/agenda", data={"csrf_token": csrf, "goals": ""})
    form = {"csrf_token": csrf, "count": "3"}
    for i, minutes in enumerate(("40", "10", "15")):
        form |= {
            f"title-{i}": f"Item {i}",
            f"minutes-{i}": minutes,
            f"lead-{i}": "both",
            f"notes-{i}": f"typed {i}",
        }
    r = client.post(f"/sessions/{session_id}/agenda/items", data=form)
    assert r.status_code == 422 and "65 minutes, not 60" in r.text
    assert 'value="40"' in r.text and ">typed 0</textarea>" in r.text
    total = client.post(f"/sessions/{session_id}/agenda/total", data=form)
    assert "5 over the 60-minute session" in total.text
    form["minutes-0"] = "35"
    r = client.post(f"/sessions/{session_id}/agenda/items", data=form, follow_redirects=False)
    assert r.status_code == 303
    body = client.get(r.headers["location"]).text
    assert "Your changes are saved." in body and ">typed 0</textarea>" in body
    assert 'href="/knowledge/passage?id=knowledge/x.md%23a%230"' in body


def test_the_json_route_stores_the_same_edits(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    headers = {"X-CSRF-Token": sign_in(client, world.people["mentor"])}
    s = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        headers=headers,
        json={"date": "2030-01-10", "topic": "social media", "duration_minutes": 30},
    ).json()
    agenda = client.post(f"/v1/sessions/{s['id']}/agenda", headers=headers).json()["agenda"]
    items = [{k: i[k] for k in ("title", "minutes", "lead", "notes")} for i in agenda["items"]]
    items[0]["minutes"] += 1
    bad = client.put(f"/v1/sessions/{s['id']}/agenda", headers=headers, json={"items": items})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "items"
    items[0]["minutes"] -= 1
    items[1]["title"] = "Renamed"
    ok = client.put(f"/v1/sessions/{s['id']}/agenda", headers=headers, json={"items": items})
    assert ok.status_code == 200
    assert ok.json()["agenda"]["items"][1] | {"title": "Renamed"} == ok.json()["agenda"]["items"][1]
    assert ok.json()["agenda"]["items"][1]["sources"] == agenda["items"][1]["sources"]


def test_exports_carry_the_agenda(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentor"])
    session_id = new_session(client, csrf, duration="45")
    assert client.get(f"/sessions/{session_id}/agenda.md").status_code == 404
    client.post(f"/sessions/{session_id}/agenda", data={"csrf_token": csrf, "goals": ""})
    md = client.get(f"/sessions/{session_id}/agenda.md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert "# Fake agenda" in md.text and "**25 min · Block 0**" in md.text
    ics = client.get(f"/sessions/{session_id}/agenda.ics")
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Mentoring session 1: Social media and personal brand"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.date().isoformat() == "2030-01-10" and (end - start).seconds == 45 * 60
    assert "Block 2" in str(event["DESCRIPTION"])
    printed = client.get(f"/sessions/{session_id}/print")
    assert (
        printed.status_code == 200
        and "Block 1" in printed.text
        and "Offline engine" in printed.text
    )


def test_a_coordinator_reaches_no_pair_page(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentor"])
    session_id = new_session(client, csrf)
    secret = "Robert confided something private about his manager."
    client.post(f"/sessions/{session_id}/notes", data={"csrf_token": csrf, "notes": secret})
    for who in ("coordinator", "admin"):
        sign_in(client, world.people[who])
        for path in (
            f"/sessions/{session_id}",
            f"/sessions/{session_id}/notes",
            f"/sessions/{session_id}/agenda.md",
            f"/sessions/{session_id}/print",
            "/prompts",
            "/feedback",
        ):
            r = client.get(path)
            assert r.status_code == 403, (who, path)
            assert secret not in r.text
    sign_in(client, world.people["coordinator"])
    pairs = client.get("/coordinator")
    assert "Priya Shah" in pairs.text and "Tom Baker" in pairs.text and secret not in pairs.text
    sign_in(client, world.people["other_mentor"])
    assert client.get(f"/sessions/{session_id}/notes").status_code == 404


def test_flagged_spans_are_cut_in_place() -> None:
    text = "You always interrupt me, typical boomer."
    issues = [
        FeedbackIssue(
            category="stereotype",
            span="typical boomer",
            start=25,
            end=39,
            explanation="e",
            suggestion="s",
        ),
        FeedbackIssue(
            category="absolute",
            span="always",
            start=0,
            end=0,  # offsets off
            explanation="e",
            suggestion="s",
        ),
    ]
    cut = segments(text, issues)
    assert "".join(s.text for s in cut) == text
    assert [(s.text, s.issue) for s in cut if s.issue] == [("always", 2), ("typical boomer", 1)]


def test_total_status_says_what_is_wrong() -> None:
    assert total_status(["30", "30"], 60).exact
    assert "10 short of" in total_status(["30", "20"], 60).message
    assert "whole number" in total_status(["30", "x"], 60).message


def test_a_draft_is_given_back_once() -> None:
    drafts = Drafts()
    key = drafts.keep({"notes": "typed"})
    assert drafts.take(key) == {"notes": "typed"}
    assert drafts.take(key) == {} and drafts.take("unknown") == {} and drafts.take(None) == {}


def test_reset_and_invitation_pages(app_world: tuple[TestClient, World]) -> None:
    client, world = app_world
    client.app.state.mailer = inbox = Inbox()  # type: ignore[attr-defined]
    person = world.people["mentee"]
    sent = client.post("/reset", data={"email": person.email})
    assert "a link to choose a new password is on its way" in sent.text
    nobody = client.post("/reset", data={"email": "nobody@example.org"})
    assert nobody.text.replace("nobody@example.org", person.email) == sent.text
    path = inbox.link(person.email, "reset")
    differ = client.post(path, data={"password": "a brand new passphrase", "confirm": "other"})
    assert differ.status_code == 422 and "The two passwords differ" in differ.text
    done = client.post(
        path,
        data={"password": "a brand new passphrase", "confirm": "a brand new passphrase"},
        follow_redirects=False,
    )
    assert done.headers["location"] == "/sign-in?reset=1"
    again = client.post(path, data={"password": "another one here", "confirm": "another one here"})
    assert again.status_code == 422 and "used or replaced" in again.text
    sign_in(client, Person(person.name, person.role, person.email, "a brand new passphrase"))
    gone = client.get("/invitations/coachi_not-a-real-secret")
    assert gone.status_code == 410 and "not valid" in gone.text


def test_a_failed_rewording_keeps_the_feedback(
    app_world: tuple[TestClient, World], coach: PageCoach
) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentee"])
    coach.down = True
    text = "Your slides had too much text & tiny fonts."
    r = client.post("/feedback", data={"csrf_token": csrf, "text": text, "context": "Q3 review"})
    assert r.status_code == 503 and "The rewording could not be written just now" in r.text
    assert ">Your slides had too much text &amp; tiny fonts.</textarea>" in r.text
    assert 'value="Q3 review"' in r.text
    coach.down = False
    ok = client.post("/feedback", data={"csrf_token": csrf, "text": text})
    assert ok.status_code == 200 and "Kinder words." in ok.text and "Offline engine" in ok.text


def test_forms_past_the_generation_limit_answer_503_and_keep_what_was_typed(
    app_world: tuple[TestClient, World],
) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentor"])
    session_id = new_session(client, csrf)
    gate = client.app.state.gate  # type: ignore[attr-defined]
    gate.in_flight = gate.limit  # as many generations as allowed are running
    text = "Your slides had too much text & tiny fonts."
    refused = [
        client.post("/feedback", data={"csrf_token": csrf, "text": text}),
        client.post("/prompts", data={"csrf_token": csrf, "topic": "Networking events"}),
        client.post(
            f"/sessions/{session_id}/agenda",
            data={"csrf_token": csrf, "duration_minutes": "45", "goals": "Post twice a week"},
        ),
        client.post(
            f"/sessions/{session_id}/notes",
            data={"csrf_token": csrf, "notes": "Maya showed Robert", "action": "summarize"},
        ),
    ]
    for r in refused:
        assert r.status_code == 503 and r.headers["retry-after"] == str(gate.retry_after_s)
        assert "busy with other requests" in r.text and "text/html" in r.headers["content-type"]
        assert "COACH_SERVICE" not in r.text  # an operator's setting is no member's business
    feedback, prompts, agenda, notes = (r.text for r in refused)
    assert ">Your slides had too much text &amp; tiny fonts.</textarea>" in feedback
    assert 'value="Networking events"' in prompts
    assert "Post twice a week" in agenda
    assert "Your notes are saved" in notes  # saved before the summary was asked for
    assert "Maya showed Robert" in client.get(f"/sessions/{session_id}/notes").text
    gate.in_flight = 0
    ok = client.post("/feedback", data={"csrf_token": csrf, "text": text})
    assert ok.status_code == 200 and "Kinder words." in ok.text
    assert gate.in_flight == 0  # every slot taken was given back


def test_the_pair_list_says_who_joined_and_nothing_they_did(
    app_world: tuple[TestClient, World],
) -> None:
    client, world = app_world
    csrf = sign_in(client, world.people["mentor"])
    new_session(client, csrf)
    sign_in(client, world.people["coordinator"])
    listed = client.get("/v1/coordinator/pairs").json()
    assert listed == [{"pair_id": world.ids["pair"], "mentor": "Priya Shah", "mentee": "Tom Baker"}]
    page = client.get("/coordinator").text
    assert "Both joined" in page and "2030-01-10" not in page
    csrf = sign_in(client, world.people["coordinator"])
    client.post(f"/admin/programs/{world.ids['program']}/pairs", data={"csrf_token": csrf})
    assert "Waiting for both members" in client.get("/coordinator").text


def test_single_sign_on_is_offered_when_configured(tmp_path: Path) -> None:
    oidc = {"issuer": "http://127.0.0.1:9/", "client_id": "coach"}
    with running_app(tmp_path, PageCoach(), oidc=oidc) as client:
        page = client.get("/sign-in?next=/feedback").text
    assert 'href="/v1/auth/oidc/start?next=/feedback"' in page
    with running_app(tmp_path / "plain", PageCoach()) as client:
        assert "/v1/auth/oidc/start" not in client.get("/sign-in").text


def test_the_coordinator_view_shows_commitments_goals_and_the_support_signal() -> None:
    from api.web.render import ENV
    from coach.models import AnonymizedSummary, Commitment, GoalProgress

    view = AnonymizedSummary(
        summary="Session on data and dashboards.",
        topic="data and dashboards",
        challenges=["fear-of-judgement"],
        goal_progress=[GoalProgress(goal="reads the dashboard alone", status="progressed")],
        commitments=[Commitment(owner="mentee", what="check the figures", due="2026-12-04")],
        needs_support=True,
        support_reason="no session in 7 weeks",
        action_item_count=1,
    )
    html = ENV.get_template("_anonymized.html").render(a=view)
    for shown in (
        "May need support:</strong> no session in 7 weeks",
        "fear of judgement",
        'reads the dashboard alone <span class="pill">progressed</span>',
        'check the figures <span class="muted">by Fri 4 Dec 2026</span>',
    ):
        assert shown in html


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 topic or challenge was seen in fewer than 3 pairs and is not shown."),
        (2, "2 topics or challenges were seen in fewer than 3 pairs and are not shown."),
    ],
)
def test_insight_counts_agree_with_their_number(count: int, expected: str) -> None:
    found = Insights(program_id=1, pairs=3, active_pairs=3, suppressed=False, hidden_buckets=count)
    found.sessions_held = found.released_summaries = count
    shown = InsightsOut.of(found, 3)
    html = ENV.get_template("coordinator_insights.html").render(i=shown, charts=[], path="/")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert expected in text
    noun = "session" if count == 1 else "sessions"
    assert f"{count} {noun} held" in text


def test_a_citation_reads_as_its_file_and_headings() -> None:
    chunk = "knowledge/topics/hybrid-work.md#question-bank/questions-the-mentee-asks-the-mentor#0"
    assert (
        source_label(chunk) == "hybrid work › question bank › questions the mentee asks the mentor"
    )
    assert source_label("knowledge/guidelines/first-session.md#preparing#1").endswith("(part 2)")


def test_dates_read_as_days() -> None:
    assert day("2026-12-04") == "Fri 4 Dec 2026"
    assert day("2030-01-15", long=True) == "Tuesday 15 January 2030"
    assert day("next week") == "next week"
    assert day(None) == ""
    assert month("2030-01") == "January 2030"
    assert month("soon") == "soon"
