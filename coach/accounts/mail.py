"""Email: SMTP when a server is configured, else .eml files in the data directory's outbox."""

from __future__ import annotations

import logging
import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Protocol

from coach.errors import MailUnavailable
from coach.settings import Settings, SmtpSettings

log = logging.getLogger("coach.mail")


class Mailer(Protocol):
    """Sends one plain-text email or raises MailUnavailable."""

    def send(self, to: str, subject: str, body: str) -> None: ...


def _message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Message-ID"] = make_msgid(domain="coach.local")
    # Not quoted-printable: it would break the long link across lines in a raw .eml file.
    message.set_content(body, cte="7bit" if body.isascii() else "8bit")
    return message


class SmtpMailer:
    """Hands messages to an SMTP server: STARTTLS, implicit TLS or plain, with optional login."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, to: str, subject: str, body: str) -> None:
        """Send through the configured server; MailUnavailable when it refuses or is down."""
        s = self.settings
        message = _message(s.sender, to, subject, body)
        try:
            with self._connect() as smtp:
                if s.user and s.password:
                    smtp.login(s.user, s.password.get_secret_value())
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            # The address and the error class only: the body holds a secret link.
            log.error("email to the mail server failed: %s", type(exc).__name__)
            raise MailUnavailable(
                f"the mail server at {s.host}:{s.port} did not take the email "
                f"({type(exc).__name__}); nothing was changed, try again later"
            ) from None
        log.info("email %r sent through %s", subject, s.host)

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        assert s.host is not None
        if s.security == "tls":
            return smtplib.SMTP_SSL(
                s.host, s.port, timeout=s.timeout_s, context=ssl.create_default_context()
            )
        smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
        if s.security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        return smtp


class OutboxMailer:
    """Writes each message as an .eml file, for a local operator to open in a mail program."""

    def __init__(self, folder: Path, sender: str) -> None:
        self.folder = folder
        self.sender = sender

    def send(self, to: str, subject: str, body: str) -> None:
        """Write the message to the outbox folder."""
        message = _message(self.sender, to, subject, body)
        self.folder.mkdir(parents=True, exist_ok=True)
        stem = message["Message-ID"].strip("<>").split("@")[0]
        path = self.folder / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{stem}.eml"
        path.write_bytes(bytes(message))
        path.chmod(0o600)
        log.info("email %r written to the outbox %s", subject, self.folder)


def mailer_for(settings: Settings) -> Mailer:
    """SMTP when COACH_SMTP__HOST is set, else the outbox folder in the data directory."""
    if settings.smtp.host:
        return SmtpMailer(settings.smtp)
    return OutboxMailer(settings.outbox_dir, settings.smtp.sender)
