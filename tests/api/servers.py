"""Real servers for the account tests: an SMTP server (aiosmtpd) and an OIDC provider."""

from __future__ import annotations

import email
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

SMTP_USER, SMTP_PASSWORD = "coach-mailer", "mail server password"
LINK = re.compile(r"https?://\S+/(invitations|reset)/(\S+)")


@dataclass
class Inbox:
    """What the SMTP server received, as parsed messages; it can be told to refuse mail."""

    messages: list[Message] = field(default_factory=list)
    refuse: bool = False
    host: str = "127.0.0.1"
    port: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        if self.refuse:
            return "451 try again later"
        content = envelope.content if isinstance(envelope.content, bytes) else b""
        self.messages.append(email.message_from_bytes(content))
        return "250 OK"

    def body(self, index: int = -1) -> str:
        """The plain-text body of a received message."""
        payload = self.messages[index].get_payload(decode=True)
        assert isinstance(payload, bytes)
        return payload.decode()

    def secret(self, kind: str, index: int = -1) -> str:
        """The secret of the invitation or reset link in a received message."""
        found = LINK.search(self.body(index))
        assert found and found.group(1) == kind, self.body(index)
        return found.group(2)

    def smtp_settings(self) -> dict[str, Any]:
        """COACH_SMTP__* settings pointing at this server, with a login."""
        return {
            "host": self.host,
            "port": self.port,
            "security": "none",
            "user": SMTP_USER,
            "password": SMTP_PASSWORD,
            "sender": "coach <coach@example.org>",
            "timeout_s": 5,
        }


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = (
        isinstance(data, LoginPassword)
        and data.login == SMTP_USER.encode()
        and data.password == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok)


class _Controller(Controller):
    """aiosmtpd's controller on an ephemeral port: it reads the port the OS chose."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@contextmanager
def smtp_server() -> Iterator[Inbox]:
    """An SMTP server on 127.0.0.1 and a free port, which wants a login, for one test."""
    inbox = Inbox()
    controller = _Controller(
        inbox,
        hostname="127.0.0.1",
        port=0,
        authenticator=_authenticate,
        auth_require_tls=False,
        ready_timeout=10,
    )
    controller.start()
    inbox.port = controller.port
    try:
        yield inbox
    finally:
        controller.stop()


@contextmanager
def oidc_provider() -> Iterator[str]:
    """A real OpenID Connect provider (oidc-provider-mock) on a free loopback port: its issuer."""
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread(port=0, require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"
