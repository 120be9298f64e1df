"""Anonymization of session text for coordinators, and the leak checks that gate its release."""
