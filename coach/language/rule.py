"""One analyzer rule: a pattern, its category, its fix and when a match counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from coach.language.fixes import Replacer
from coach.models import IssueCategory

# always: every match; critical: only in a critical clause; strong/stacked: hedges;
# unexplained: only in a sentence that gives no example or reason; critical_unexplained: both.
When = Literal["always", "critical", "strong", "stacked", "unexplained", "critical_unexplained"]


@dataclass(frozen=True)
class Rule:
    """One pattern, its category, its fix and when it counts."""

    category: IssueCategory
    pattern: re.Pattern[str]
    suggestion: str = ""
    when: When = "always"
    replace: str | Replacer = ""
    keeps_clause: bool = False
    frequency: bool = False
    question: bool = False
