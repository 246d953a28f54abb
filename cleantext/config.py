"""Configuration: ``cleantext.toml`` or ``[tool.cleantext]`` in pyproject.toml, found by
walking up from the working directory, with command-line options layered on top."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleantext.errors import ConfigError
from cleantext.tomlfile import read_toml

_KEYS = (
    "preset",
    "select",
    "extend-select",
    "ignore",
    "languages",
    "rule-dirs",
    "preview",
    "repair",
)


@dataclass(frozen=True)
class Config:
    """Everything that decides what cleaning does; hashable, so cleaners can be cached.

    >>> Config(preset="strict", ignore=("pack:share",)).ignore
    ('pack:share',)
    """

    preset: str = "default"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    preview: bool = False
    repair: bool = True
    source: str | None = field(default=None, compare=False)

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given options replaced; ``None`` means "keep"."""
        changes = {key: value for key, value in overrides.items() if value is not None}
        return dataclasses.replace(self, **changes)


def find_config_file(start: Path) -> Path | None:
    """The nearest ``cleantext.toml``, or pyproject.toml with a ``[tool.cleantext]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / "cleantext.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "cleantext" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read the given file, or the one found from ``start``; defaults when there is none."""
    if path is None:
        path = find_config_file(start or Path.cwd())
        if path is None:
            return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("cleantext", {})
    return config_from_dict(data, path)


def config_from_dict(data: dict[str, Any], path: Path) -> Config:
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{path}: unknown key {key!r}; known keys: {', '.join(_KEYS)}")
    base = path.parent

    def strings(key: str) -> tuple[str, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {key}: expected a list of strings")
        return tuple(value)

    def flag(key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: {key}: expected true or false")
        return value

    preset = data.get("preset", "default")
    if not isinstance(preset, str):
        raise ConfigError(f"{path}: preset: expected a preset name")
    return Config(
        preset=preset,
        select=strings("select"),
        extend_select=strings("extend-select") or (),
        ignore=strings("ignore") or (),
        languages=strings("languages") or (),
        rule_dirs=tuple(base / d for d in strings("rule-dirs") or ()),
        preview=flag("preview", False),
        repair=flag("repair", True),
        source=str(path),
    )


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path, ConfigError)
