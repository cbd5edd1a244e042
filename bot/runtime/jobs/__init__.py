"""Periodic jobs registered in bot.runtime.background.PERIODIC_JOBS."""
