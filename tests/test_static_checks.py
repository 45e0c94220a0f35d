"""The package's static checks, run with the tests so that .ci/run runs them: ruff with the checked-in
configuration, mypy in strict mode, and no import cycles between newsdiff's modules."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "newsdiff"


def _tool(name: str) -> list[str]:
    """The command that runs ``name`` from this Python's environment; skipped (failed under CI) when absent."""
    try:
        __import__(name)
    except ImportError:
        message = f"{name} is not installed (it comes with the test extra: pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return [sys.executable, "-m", name]


def test_ruff_finds_nothing():
    result = subprocess.run([*_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing():
    result = subprocess.run(
        [*_tool("mypy"), "--no-incremental", "--cache-dir", os.devnull], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The newsdiff modules ``path`` imports anywhere in its code (in functions too), leaving out imports
    made only for type checkers (under ``if TYPE_CHECKING:``)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = {f"{target}.{alias.name}" for alias in node.names} & modules
            if submodules:
                found |= submodules  # "from . import lines" imports the module, not its package
            elif target in modules:
                found.add(target)
    found.discard(name)
    return found


def import_cycles(root: Path = PACKAGE) -> list[list[str]]:
    """The groups of modules that import each other, directly or through others (strongly connected
    components of the import graph with more than one module)."""
    paths = {_module_name(p, root.parent): p for p in sorted(root.rglob("*.py"))}
    graph = {name: _imports(path, name, set(paths)) for name, path in paths.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(cycles)


#: Cycles still to be removed (none now: the comparing story's clusters and passages are built by
#: modules that import it only for type checkers); the test fails when one is gone, so it can only shrink.
KNOWN_CYCLES: list[list[str]] = []


def test_no_import_cycles():
    assert import_cycles() == KNOWN_CYCLES


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    package = tmp_path / "newsdiff"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .sub import b\n")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "b.py").write_text("def f():\n    from ..a import x\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n")
    assert import_cycles(package) == [["newsdiff.a", "newsdiff.sub.b"]]


def test_the_package_ships_its_type_marker():
    assert (PACKAGE / "py.typed").is_file()
    assert '"newsdiff" = ["py.typed"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
