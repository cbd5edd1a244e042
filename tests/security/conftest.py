"""Fixtures of the security tests: a fresh copy of a migrated database per test function."""

from tests.fuzz.world import migrated_template, services

__all__ = ["migrated_template", "services"]
