"""Keep link secrets out of logs: an access-log line shows /invitations/… not the secret."""

from __future__ import annotations

import logging
import re

# The paths the emailed links open, and any query parameter that carries a secret.
SECRET_PATH = re.compile(
    r"(/(?:invitations|reset)/)(?!accept\b|\d+\b)[^/?\s\"]+|((?:secret|code|state)=)[^&\s\"]+"
)


def redact(text: str) -> str:
    """The text with every link secret replaced by an ellipsis."""
    return SECRET_PATH.sub(lambda m: (m.group(1) or m.group(2)) + "…", text)


class SecretPathFilter(logging.Filter):
    """Rewrites a record's arguments so no link secret reaches a log handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        record.msg = redact(record.msg) if isinstance(record.msg, str) else record.msg
        return True
