"""Report files for admins: NOBD spreadsheet, statistics charts."""
