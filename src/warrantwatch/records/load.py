"""Reading the knowledge base from YAML, reporting every problem at once with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from warrantwatch.errors import Problem, RecordInvalid
from warrantwatch.records.files import FILE_KINDS, FileKind, default_data_dir  # noqa: F401 (re-exported)
from warrantwatch.records.models import Record

# libyaml's parser where it is built (it is in PyYAML's wheels): ten times faster than PyYAML's own.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that refuses duplicate keys: YAML would silently keep only the last one."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@cache
def validator(model: type[Record]) -> TypeAdapter:
    """pydantic's validator for one kind of record."""
    return TypeAdapter(model)


def validate(model: type[Record], item: Any) -> Record:
    """One record from its file form; `pydantic.ValidationError` lists every problem in it."""
    return validator(model).validate_python(item)


@dataclass(frozen=True)
class LoadedRecord:
    record: Record
    file: str  # relative to the data directory
    line: int


def files_of(kind: FileKind, data_dir: Path) -> list[Path]:
    if "*" in kind.pattern:
        return sorted(data_dir.glob(kind.pattern))
    path = data_dir / kind.pattern
    return [path] if path.exists() else []


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest node that `loc` (a pydantic error location) reaches."""
    line = node.start_mark.line + 1 if node is not None else None
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _label(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        for key in ("id", "iso3", "state", "person", "resolution"):
            if raw.get(key) is not None:
                return str(raw[key])
    return f"record #{index + 1}"


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The document's nodes (for line numbers) and its data, from one parse."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _yaml_problem(name: str, exc: yaml.YAMLError) -> Problem:
    """A YAML error at the line where the bad construct starts: for an unclosed quoted scalar that is
    where its quote opens (PyYAML's context), not the end of the file where the scanner gave up."""
    problem = getattr(exc, "problem", None) or str(exc)
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    end = getattr(exc, "problem_mark", None)
    if context and start is not None and "scalar" in context:
        return Problem(name, start.line + 1, "file", f"not valid YAML: {context.removeprefix('while scanning ')} "
                       f"starting here is never closed ({problem} at line {end.line + 1 if end else '?'})")
    return Problem(name, end.line + 1 if end else None, "file", f"not valid YAML: {problem}")


def read_file(
    path: Path, kind: FileKind, data_dir: Path
) -> tuple[list[LoadedRecord], list[Problem]]:
    name = str(path.relative_to(data_dir))
    try:
        text = path.read_text(encoding="utf-8")
        document, raw = _parse(text)
    except UnicodeDecodeError as exc:
        return [], [Problem(name, None, "file", f"not UTF-8 text ({exc.reason})")]
    except yaml.YAMLError as exc:
        return [], [_yaml_problem(name, exc)]
    if raw is None:
        return [], []
    if not isinstance(raw, list) or not isinstance(document, yaml.SequenceNode):
        return [], [Problem(name, 1, "file", "expected a list of records")]
    loaded: list[LoadedRecord] = []
    problems: list[Problem] = []
    for index, (item, node) in enumerate(zip(raw, document.value, strict=True)):
        line = node.start_mark.line + 1
        try:
            record = validate(kind.model, item)
        except ValidationError as exc:
            label = _label(item, index)
            for error in exc.errors():
                where = ".".join(str(p) for p in error["loc"]) or "record"
                problems.append(
                    Problem(name, _line_of(node, error["loc"]) or line, label,
                            f"{where}: {error['msg']}")
                )
            continue
        loaded.append(LoadedRecord(record, name, line))
    return loaded, problems


def read_all(data_dir: Path) -> tuple[dict[FileKind, list[LoadedRecord]], list[Problem]]:
    if not data_dir.is_dir():
        raise RecordInvalid([Problem(str(data_dir), None, "data", "no such directory")])
    by_kind: dict[FileKind, list[LoadedRecord]] = {}
    problems: list[Problem] = []
    for kind in FILE_KINDS:
        by_kind[kind] = []
        for path in files_of(kind, data_dir):
            loaded, found = read_file(path, kind, data_dir)
            by_kind[kind].extend(loaded)
            problems.extend(found)
    return by_kind, problems
