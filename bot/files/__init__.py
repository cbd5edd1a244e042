"""Files the bot makes besides its PDFs: calendars (.ics), charts (PNG), the NOBD export (XLSX).
Each module loads its library when first used, so starting the bot loads none of them."""
