"""The modules' import graph: no cycle among module-level imports, and the store's
migrations import neither the store nor the registry of record kinds (they hold the
definitions of their time), so each side can be read and loaded on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Folder → the import package it is installed as (pyproject.toml's package-dir).
PACKAGES = {ROOT / "pipeline": "gongwen", ROOT / "extractors": "gongwen.extractors"}


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for folder, package in PACKAGES.items():
        for path in folder.rglob("*.py"):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join([package, *parts])] = path
    return out


def _imports(path: Path, module: str, known: set[str], top_level_only: bool) -> set[str]:
    """The gongwen modules ``path`` imports (at module level only, when asked; never under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: list[ast.AST] = []
    if top_level_only:
        for node in tree.body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            nodes.append(node)
    else:
        nodes = list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        for sub in ast.walk(node) if not top_level_only else [node]:
            if isinstance(sub, ast.Import):
                names = [a.name for a in sub.names]
            elif isinstance(sub, ast.ImportFrom) and sub.module:
                names = [sub.module] + [f"{sub.module}.{a.name}" for a in sub.names]
            else:
                continue
            found |= {n for n in names if n in known and n != module}
    return found


def test_module_level_imports_have_no_cycle() -> None:
    modules = _modules()
    graph = {m: _imports(p, m, set(modules), top_level_only=True) for m, p in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                # a package importing its own submodule, imported back by it, is how packages work
                if not all(b.startswith(a + ".") or a.startswith(b + ".") for a, b in zip(cycle, cycle[1:], strict=False)):
                    pytest.fail("import cycle: " + " → ".join(cycle))
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_migrations_import_neither_the_store_nor_the_record_kinds() -> None:
    modules = _modules()
    imported = _imports(modules["gongwen.migrations"], "gongwen.migrations", set(modules), top_level_only=False)
    assert not imported & {"gongwen.store", "gongwen.store_queries", "gongwen.kinds", "gongwen.search"}


@pytest.mark.parametrize("module", ["gongwen.migrations", "gongwen.store", "gongwen.kinds", "gongwen.stages",
                                    "gongwen.search", "gongwen.compare", "gongwen.similar", "gongwen.fulltext"])
def test_each_module_imports_on_its_own(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stderr[-2000:]
