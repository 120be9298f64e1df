"""Accounts for people: passwords, browser sessions, API tokens, invitations, resets, email, SSO."""
