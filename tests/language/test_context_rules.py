"""Vague judgements, undercut praise and generalised groups are found; specific feedback is not."""

from __future__ import annotations

import pytest

from coach.language.analyzer import analyze

# (text, category, span, start): end is start + len(span) and span == text[start:end].
FLAGGED = [
    # vagueness: an evaluative word or a manner noun with no example, reason or count
    ("The report was sloppy.", "vague", "was sloppy", 11),
    ("Your slides look unprofessional.", "vague", "look unprofessional", 12),
    ("This isn't good enough.", "vague", "isn't good enough", 5),
    ("The proposal is not up to standard.", "vague", "is not up to standard", 13),
    ("It's not quite there yet.", "vague", "'s not quite there yet", 2),
    ("Your code needs work.", "vague", "needs work", 10),
    ("The deck could be better.", "vague", "could be better", 9),
    ("I don't like the way you handle things.", "vague", "the way you handle things", 13),
    ("Your tone in meetings is harsh.", "vague", "Your tone", 0),
    ("I don't like your tone.", "vague", "your tone", 13),
    ("Your approach to the project is off-putting.", "vague", "Your approach", 0),
    ("Your communication needs work.", "vague", "Your communication", 0),
    ("He lacks presence.", "vague", "lacks presence", 3),
    ("There's a real lack of ownership on this team.", "vague", "a real lack of ownership", 8),
    ("You need to be more strategic.", "vague", "be more strategic", 12),
    ("She isn't a team player.", "vague", "She isn't a team player", 0),
    # sarcasm: praise undercut by what follows or surrounds it
    ("Great job, you broke the build again.", "sarcasm", "Great job", 0),
    ("Congratulations on missing another deadline.", "sarcasm", "Congratulations on", 0),
    ("Way to go on forgetting the client call.", "sarcasm", "Way to go on", 0),
    ("Thanks a lot for nothing.", "sarcasm", "Thanks a lot for nothing", 0),
    ("Nice of you to finally answer my email.", "sarcasm", "Nice of you to finally", 0),
    ("I'm sure you were very busy.", "sarcasm", "I'm sure you were very busy", 0),
    ("Late again. Shocking.", "sarcasm", "Shocking.", 12),
    ("Real genius, skipping the tests before release.", "sarcasm", "Real genius", 0),
    ('Thanks for your "help" with the migration.', "sarcasm", '"help"', 16),
    ("Thanks for the feedback... not.", "sarcasm", "Thanks for the feedback... not.", 0),
    (
        "Sure, because that worked so well last time.",
        "sarcasm",
        "Sure, because that worked so well last time",
        0,
    ),
    (
        "Another outage, just what we needed.",
        "sarcasm",
        "Another outage, just what we needed",
        0,
    ),
    # stereotypes: an age or group word standing in for the person
    (
        "Older managers like you never trust remote staff.",
        "stereotype",
        "Older managers like you",
        0,
    ),
    ("You young people are always on your phones.", "stereotype", "You young people", 0),
    ("Digital natives like you think email is dead.", "stereotype", "Digital natives like you", 0),
    ("People at your level should know this.", "stereotype", "People at your level", 0),
    ("People like you never listen.", "stereotype", "People like you", 0),
    ("Someone of your generation should know Git.", "stereotype", "Someone of your generation", 0),
    ("Younger colleagues like her skip the docs.", "stereotype", "Younger colleagues like her", 0),
    ("Given your age, the new tools are hard.", "stereotype", "Given your age", 0),
]

# Specific, constructive feedback and praise: a reason, an example or a count is given, or
# the evaluative word is positive. None of these may be flagged.
CLEAN = [
    "In Tuesday's review you left three comments unanswered, and I wasn't sure whether to merge.",
    "Your tone in the retro was calm and it helped everyone speak up.",
    "The report was late because the data export failed twice.",
    "The slides were clear and the demo went really well.",
    "Thanks for walking me through the dashboard filters, it saved me an hour.",
    "I appreciated how you handled the client's questions in the demo.",
    "Your presentation on Monday ran ten minutes over, so we skipped the Q&A. Could we time-box "
    "it next time?",
    "When you shared the agenda a day early, I could prepare better questions.",
    "The way you explained the pricing model made it click for me.",
    "Your approach to the onboarding checklist saved us a lot of time.",
    "I noticed the tests were skipped in the last release, and two bugs reached production.",
    "Great job on the launch, the rollout plan was well structured.",
    "Congratulations on the promotion, it's well deserved.",
    "Thanks for finally explaining the release process to me, I had been confused about it.",
    "The first draft needs more detail on the budget: the cost per team is missing.",
    "Your communication with the vendor was clear and kept the project on schedule.",
    "Your leadership during the outage kept everyone calm.",
    "Well done on the demo, you handled the tough questions well.",
    "I learned a lot from how you ran the planning session.",
    "In the last two meetings you checked your phone while I was presenting, and I felt unheard.",
    "Way to go on the launch!",
    "We need more people like you on this team.",
    "The report was sloppy because three of the totals did not add up.",
    "Your tone was sharp when you called the estimate wrong in front of the client.",
    "Just what I needed, thank you for the template.",
]


@pytest.mark.parametrize(("text", "category", "span", "start"), FLAGGED)
def test_each_new_pattern_is_found_at_exact_offsets(
    text: str, category: str, span: str, start: int
) -> None:
    issues = analyze(text, "mentee_to_mentor").issues
    found = [(i.category, i.span, i.start, i.end) for i in issues]
    assert (category, span, start, start + len(span)) in found
    assert all(text[i.start : i.end] == i.span for i in issues)


@pytest.mark.parametrize("text", CLEAN)
@pytest.mark.parametrize("direction", ["mentor_to_mentee", "mentee_to_mentor"])
def test_specific_feedback_and_praise_are_not_flagged(text: str, direction: str) -> None:
    assert analyze(text, direction).issues == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("vague", "explained"),
    [
        ("The report was sloppy.", "The report was sloppy because two totals were wrong."),
        ("Your code needs work.", "Your code needs work: the tests do not cover errors."),
        ("I don't like your tone.", "I don't like your tone when you talk over the interns."),
        ("He lacks presence.", "He lacks presence, for example he never speaks at the all-hands."),
    ],
)
def test_a_reason_or_example_makes_a_judgement_specific(vague: str, explained: str) -> None:
    def categories(text: str) -> list[str]:
        return [i.category for i in analyze(text, "mentee_to_mentor").issues]

    assert "vague" in categories(vague)
    assert "vague" not in categories(explained)


def test_vague_judgement_makes_the_feedback_critical() -> None:
    assert analyze("Your code needs work.", "mentee_to_mentor").tone == "critical"


def test_ironic_praise_is_not_counted_as_praise() -> None:
    assert analyze("Great job, you broke the build again.", "mentee_to_mentor").tone == "critical"
