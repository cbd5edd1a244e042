"""Periodic jobs registered in bot.background.PERIODIC_JOBS."""
