"""Single sign-on with an OpenID Connect provider (authlib), matching people by verified email."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coach.accounts.browser import DEFAULT_POLICY, start_session
from coach.db import audit
from coach.db.auth import hash_secret, principal, user_by_email
from coach.db.models import Invitation, OidcLogin, utcnow
from coach.errors import Forbidden, InvalidInput, NotAuthenticated, NotFound, ProviderUnavailable
from coach.settings import AuthSettings, OidcSettings

if TYPE_CHECKING:
    # Imported where used: authlib and joserfc cost the API's import ~0.3 s, even with
    # single sign-on off.
    from authlib.integrations.httpx_client import OAuth2Client
    from joserfc.jwk import KeySet

log = logging.getLogger("coach.accounts")
LOGIN_MINUTES = 10  # how long a started sign-on may take at the provider
CALLBACK_PATH = "/v1/auth/oidc/callback"


def safe_next(path: str | None) -> str:
    """A local path to land on after sign-in; anything else (another site) becomes "/"."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path[:500]


def _next_step(db: Session, email: str) -> str:
    """What someone without an account does: accept a pending invitation, or ask for one."""
    pending = select(Invitation.id).where(
        Invitation.email == email,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
        Invitation.expires_at > utcnow(),
    )
    if db.scalar(pending.limit(1)) is not None:
        return "open the invitation emailed to you first, then sign on"
    return "ask your coordinator to invite you"


class OidcProvider:
    """One configured provider: its discovered endpoints and keys, fetched once and kept."""

    def __init__(self, settings: OidcSettings, base_url: str) -> None:
        if not settings.enabled:
            raise NotFound(
                "single sign-on is not configured: set COACH_OIDC__ISSUER and "
                "COACH_OIDC__CLIENT_ID (and COACH_OIDC__CLIENT_SECRET)"
            )
        self.settings = settings
        self.redirect_uri = base_url.rstrip("/") + CALLBACK_PATH
        self._metadata: dict[str, Any] | None = None
        self._keys: KeySet | None = None

    def _get(self, url: str) -> dict[str, Any]:
        try:
            response = httpx.get(url, timeout=self.settings.timeout_s)
            response.raise_for_status()
            found: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise ProviderUnavailable(
                f"the sign-on provider did not answer at {url} ({type(exc).__name__}): "
                "try again later, or sign in with your password"
            ) from None
        return found

    def metadata(self) -> dict[str, Any]:
        """The provider's discovery document."""
        if self._metadata is None:
            issuer = (self.settings.issuer or "").rstrip("/")
            self._metadata = self._get(issuer + "/.well-known/openid-configuration")
        return self._metadata

    def _client(self) -> OAuth2Client:
        from authlib.integrations.httpx_client import OAuth2Client

        secret = self.settings.client_secret
        return OAuth2Client(
            client_id=self.settings.client_id,
            client_secret=secret.get_secret_value() if secret else None,
            scope=self.settings.scopes,
            redirect_uri=self.redirect_uri,
            code_challenge_method="S256",
            timeout=self.settings.timeout_s,
        )

    def begin(self, db: Session, next_path: str | None = None) -> tuple[str, str]:
        """Start a sign-on: (the provider's URL to send the browser to, the state to bind)."""
        state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
        db.execute(
            delete(OidcLogin).where(
                OidcLogin.created_at < utcnow() - timedelta(minutes=LOGIN_MINUTES)
            )
        )
        db.add(
            OidcLogin(
                state_hash=hash_secret(state),
                nonce=nonce,
                code_verifier=verifier,
                next_path=safe_next(next_path),
            )
        )
        with self._client() as client:
            url, _ = client.create_authorization_url(
                self.metadata()["authorization_endpoint"],
                state=state,
                nonce=nonce,
                code_verifier=verifier,
            )
        db.commit()
        return url, state

    def finish(
        self, db: Session, state: str, code: str, policy: AuthSettings = DEFAULT_POLICY
    ) -> tuple[str, str, str]:
        """Finish a sign-on: (session secret, csrf token, where to land), for a known person."""
        login = db.scalar(select(OidcLogin).where(OidcLogin.state_hash == hash_secret(state)))
        if login is None or login.created_at < utcnow() - timedelta(minutes=LOGIN_MINUTES):
            raise InvalidInput("this sign-on is unknown or took too long: start it again")
        db.delete(login)  # single use, whatever happens next
        db.commit()
        claims = self._verified_claims(code, login.nonce, login.code_verifier)
        email = str(claims.get("email") or "").strip().lower()
        if not email or claims.get("email_verified") is not True:
            raise Forbidden(
                "the sign-on provider did not vouch for your email address: verify it there, "
                "or sign in with your password"
            )
        user = user_by_email(db, email)
        if user is None or not user.active:
            raise Forbidden(
                f"no active coach account has the email {email}: {_next_step(db, email)}"
            )
        secret, csrf = start_session(db, user, policy, via="oidc")
        audit.record(db, principal(user), "account.sign_in.oidc", program_id=user.program_id)
        db.commit()
        return secret, csrf, login.next_path

    def _verified_claims(self, code: str, nonce: str, verifier: str) -> dict[str, Any]:
        """Trade the code for tokens and check the ID token: signature, issuer, audience, nonce."""
        from joserfc import jwt
        from joserfc.errors import JoseError
        from joserfc.jwk import KeySet

        meta = self.metadata()
        try:
            with self._client() as client:
                token = client.fetch_token(
                    meta["token_endpoint"], code=code, code_verifier=verifier
                )
        except Exception as exc:  # authlib raises its own errors and httpx's
            log.warning("sign-on code exchange failed: %s", type(exc).__name__)
            raise NotAuthenticated(
                "the sign-on provider refused the sign-in: start it again"
            ) from None
        if self._keys is None:
            self._keys = KeySet.import_key_set(self._get(meta["jwks_uri"]))  # type: ignore[arg-type]
        try:
            decoded = jwt.decode(token["id_token"], self._keys)
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": meta["issuer"]},
                aud={"essential": True, "value": self.settings.client_id or ""},
                nonce={"essential": True, "value": nonce},
                exp={"essential": True},
            ).validate(decoded.claims)
        except (JoseError, KeyError, ValueError) as exc:
            log.warning("sign-on ID token refused: %s", type(exc).__name__)
            raise NotAuthenticated(
                "the sign-on provider's answer did not check out: start it again"
            ) from None
        return dict(decoded.claims)
