"""The floor plan holds: imports go one way between the stages, with no loops.

Built from the source with ``ast`` (nothing is imported), so a new import that
closes a loop or reaches up a layer fails here, not in a confusing
partially-initialised-module error later.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "brief"

# Lower layers never import higher ones (docs/architecture.md).
LAYERS = [
    {"errors", "reports", "types", "version", "sanitize", "arguments", "config", "atomic"},
    {"text"},
    {"ingest", "quotes"},
    {"extractive"},
    {"abstractive"},
    {"render"},
    {"pipeline", "batch", "evaluate"},
    {"digest"},
    {"cli"},
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """brief modules imported by ``path``, outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("brief"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("brief"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                is_module = (REPO / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                    REPO / Path(*candidate.split("."))
                ).is_dir()
                found.add(candidate if is_module else node.module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(module: str) -> int | None:
    stage = _stage(module)
    return next((i for i, layer in enumerate(LAYERS) if stage in layer), None)


def test_every_stage_has_a_layer() -> None:
    stages = {_stage(m) for m in _graph()} - {"", "__main__"}
    assert stages, "no modules found"
    assert all(_layer(f"brief.{s}") is not None for s in stages), sorted(
        s for s in stages if _layer(f"brief.{s}") is None
    )


def test_imports_never_reach_up_a_layer() -> None:
    wrong = []
    for module, imported in _graph().items():
        low = _layer(module)
        for target in imported:
            high = _layer(target)
            if low is not None and high is not None and high > low:
                wrong.append(f"{module} -> {target}")
    assert not wrong, wrong


def test_no_import_loops() -> None:
    graph = _graph()
    # A package's __init__ re-exporting its own modules is its door, not a loop.
    edges = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    loops: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                loops.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not loops, loops


def test_no_leaf_imports_the_package_face() -> None:
    """``from brief import __version__`` inside the package would load the public API from a leaf."""
    offenders = [
        str(p.relative_to(REPO))
        for p in PACKAGE.rglob("*.py")
        if p != PACKAGE / "__init__.py" and "from brief import __version__" in p.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders
