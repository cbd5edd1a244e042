"""Fixtures of the fuzz suite: a fresh copy of a migrated database per test function."""

from tests.fuzz.world import migrated_template, services

__all__ = ["migrated_template", "services"]


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    from tests.fuzz.runner import TRIED

    if TRIED["updates"]:
        terminalreporter.write_line(f"fuzz: {TRIED['updates']} random updates fed to the bot")
