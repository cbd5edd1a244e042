"""Biliktilik's Telegram edge: handlers by actor, their gates, the screens' pieces (ui), the
running bot (runtime), PDFs and spreadsheets, shims over library internals (platform), and the
developers' tools (dev), which the running bot never imports."""
