"""The package's shape: the data flow runs one way, and a module names each constant once.

Both are read from the source with `ast`, so nothing here imports the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

# The reading side (extract -> nlp -> store) never reaches into the checking side
# (claims -> match -> judge -> report): a source is read the same whatever is asked of it.
READING = ("extract", "nlp", "decoding", "ingest", "text", "records", "values", "lexicon")
CHECKING = ("claims", "match", "judge", "contrast", "coverage", "report", "verification", "gate")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The package's modules that `path` imports, as dotted names."""
    own = _dotted(path).split(".")
    here = own if path.name == "__init__.py" else own[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("pipeline")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("pipeline"):
                found.add(module)
                found |= {f"{module}.{a.name}" for a in node.names}
    return found


def _part(dotted: str) -> str:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _dotted(p))
def test_reading_never_imports_checking(path: Path) -> None:
    if _part(_dotted(path)) not in READING:
        return
    reached = sorted(m for m in _imports(path) if _part(m) in CHECKING)
    assert not reached, f"{_dotted(path)} imports {reached}"


def _constants_bound_twice(path: Path) -> list[str]:
    """Module-level names in capitals assigned more than once: the later one silently
    replaces the earlier for every function of the module, the earlier's users too."""
    seen: dict[str, int] = {}
    twice = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        for target in targets:
            if isinstance(target, ast.Name) and target.id.lstrip("_").isupper():
                if target.id in seen:
                    twice.append(f"{target.id} (lines {seen[target.id]} and {node.lineno})")
                seen.setdefault(target.id, node.lineno)
    return twice


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _dotted(p))
def test_each_constant_is_named_once(path: Path) -> None:
    assert not _constants_bound_twice(path), _dotted(path)


def test_a_constant_bound_twice_is_found(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('_OF = "of"\n\ndef f():\n    return _OF\n\n_OF = "of|with"\nKEEP = 1\n')
    assert _constants_bound_twice(module) == ["_OF (lines 1 and 6)"]
