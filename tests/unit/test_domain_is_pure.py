"""``domain`` decides, the edge presents: no module of it imports the Telegram, database,
formatting or escaping libraries (notices are formatted and escaped when sent)."""

from __future__ import annotations

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "domain"
FORBIDDEN = {"aiogram", "aiogram_i18n", "sqlalchemy", "babel", "html"}


def imported_packages(source: str) -> set[str]:
    """The top-level packages ``source`` imports, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_scan_sees_every_form_of_import() -> None:
    source = "import html\nfrom babel.dates import format_date\ndef f():\n    import html.parser\n"
    assert imported_packages(source) == {"html", "babel"}
    assert imported_packages("from . import model\nfrom domain.model import Lang\n") == {"domain"}


def test_domain_imports_no_presentation_or_framework_library() -> None:
    modules = sorted(DOMAIN.rglob("*.py"))
    assert len(modules) > 30  # the scan really read the package
    found = {
        path.relative_to(DOMAIN.parent).as_posix(): imported_packages(path.read_text())
        for path in modules
    }
    assert {
        path: sorted(names & FORBIDDEN) for path, names in found.items() if names & FORBIDDEN
    } == {}
