"""Pages for people without Telegram, served by the webhook server and by the sandbox."""
