"""Local Telegram Bot API emulator with a web chat page (`biliktilik sandbox`)."""

from bot.dev.sandbox.emulator import DEFAULT_PERSONAS, Emulator, Fault, FloodLimits, create_app

__all__ = ["DEFAULT_PERSONAS", "Emulator", "Fault", "FloodLimits", "create_app"]
