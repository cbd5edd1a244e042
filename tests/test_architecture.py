"""Who may import whom, read from the source with ``ast`` (nothing is imported):

- no import cycle among the modules of ``bot/`` (module-level imports, the ones that run when a
  module is loaded; an import inside a function or under ``if TYPE_CHECKING:`` runs later or
  never, which is how a cycle is avoided on purpose);
- no handler imports ``storage``: handlers call use cases, which open their own unit of work;
- only ``bot/dev`` itself, and ``bot/cli.py`` (which dispatches to the dev commands lazily),
  import ``bot.dev``: the running bot does not depend on its test and bench tools;
- ``domain`` imports neither aiogram nor SQLAlchemy;
- ``Services`` is imported from ``bot.runtime.container``, never through ``bot.runtime.app``.

The last three count every import in a module, also one inside a function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(package: str) -> dict[str, Path]:
    return {module_name(p): p for p in sorted((ROOT / package).rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run when the module is loaded: into if/try/with blocks, not into
    functions or classes' methods, and not into ``if TYPE_CHECKING:``."""
    for node in body:
        yield node
        if isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                yield from _module_level(block)
            for handler in node.handlers:
                yield from _module_level(handler.body)
        elif isinstance(node, ast.With):
            yield from _module_level(node.body)


def imported(
    name: str, path: Path, *, module_level: bool, known: frozenset[str] = frozenset()
) -> set[str]:
    """The dotted names ``name`` imports, relative imports resolved: ``from a.b import c``
    gives ``a.b.c`` when that is one of the ``known`` modules (importing a submodule is no
    dependency on its package's ``__init__``), else ``a.b``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = _module_level(tree.body) if module_level else ast.walk(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else base)
    return found


def import_graph(package: str) -> dict[str, set[str]]:
    """Module → the modules of ``package`` it imports at module level."""
    known = modules(package)
    names = frozenset(known)
    return {
        name: {
            target
            for target in imported(name, path, module_level=True, known=names)
            if target in known and target != name
        }
        for name, path in known.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def importers(package: str, forbidden: str, *, exempt: tuple[str, ...] = ()) -> list[str]:
    """Modules of ``package`` (outside ``exempt``) that import ``forbidden`` or a submodule."""
    known = frozenset(name for top in ("bot", "domain", "storage") for name in modules(top))
    return sorted(
        name
        for name, path in modules(package).items()
        if not any(name == e or name.startswith(e + ".") for e in exempt)
        and any(
            target == forbidden or target.startswith(forbidden + ".")
            for target in imported(name, path, module_level=False, known=known)
        )
    )


def test_no_import_cycle_among_the_bot_modules() -> None:
    assert cycles(import_graph("bot")) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_module_level_imports_only() -> None:
    graph = import_graph("bot")
    assert "bot.runtime.container" in graph["bot.runtime.app"]
    assert "bot.runtime.background" not in graph["bot.runtime.app"]  # imported when run


def test_no_handler_imports_storage() -> None:
    assert importers("bot/handlers", "storage") == []


@pytest.mark.parametrize("package", ["bot", "domain", "storage"])
def test_only_the_dev_tools_and_the_cli_import_bot_dev(package: str) -> None:
    assert importers(package, "bot.dev", exempt=("bot.dev", "bot.cli")) == []


def test_services_are_imported_from_the_container() -> None:
    """``Services`` (and the ``Clock`` it re-exports) come from ``bot.runtime.container``, not
    through ``bot.runtime.app``, so the runtime modules need not import the app factory."""
    wrong = []
    for top in ("bot", "tests"):
        for path in sorted((ROOT / top).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.module == "bot.runtime.app"
                    and {alias.name for alias in node.names} & {"Services", "Clock", "utc_now"}
                ):
                    wrong.append(module_name(path))
    assert wrong == []


@pytest.mark.parametrize("library", ["aiogram", "aiogram_i18n", "sqlalchemy"])
def test_the_domain_imports_neither_aiogram_nor_sqlalchemy(library: str) -> None:
    assert importers("domain", library) == []
