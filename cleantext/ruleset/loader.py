"""Find and read rule packs: the built-in ones shipped in the wheel, then the user's.

A user rule may replace a built-in rule only by naming it in ``overrides``; a user rule
that merely reuses a built-in id is an error, so nobody replaces a rule by accident.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleantext import tomlfile
from cleantext.errors import RuleError
from cleantext.ruleset.schema import RuleSpec, _Table, parse_rule

PRESETS_FOLDER = "presets"
PACK_KEYS = ("name", "description", "defaults")
PRESET_KEYS = ("description", "select", "ignore", "extends")


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    extends: str | None
    description: str
    path: str


@dataclass(frozen=True, slots=True)
class Library:
    """Every rule that could run, by id, with the packs and presets they came from."""

    rules: dict[str, RuleSpec]
    packs: dict[str, str]  # name -> description
    presets: dict[str, Preset]
    user_rules: frozenset[str]


def builtin_rules_dir() -> Path:
    """The shipped packs: inside the installed package, or ``rules/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def read_toml(path: Path) -> dict[str, Any]:
    return tomlfile.read_toml(path, RuleError)


def load_library(user_paths: Iterable[Path] = ()) -> Library:
    """Read the built-in packs and presets, then layer the user's rule files over them."""
    root = builtin_rules_dir()
    rules: dict[str, RuleSpec] = {}
    packs: dict[str, str] = {}
    for pack_dir in sorted(p for p in root.iterdir() if (p / "pack.toml").is_file()):
        for spec in _read_pack(pack_dir, packs):
            rules[spec.id] = spec
    presets = _read_presets(root / PRESETS_FOLDER)
    user_ids: set[str] = set()
    for spec in _read_user_paths(user_paths, packs):
        _layer(rules, spec)
        user_ids.add(spec.id)
    return Library(rules, packs, presets, frozenset(user_ids))


def _read_pack(pack_dir: Path, packs: dict[str, str]) -> list[RuleSpec]:
    manifest_path = pack_dir / "pack.toml"
    manifest = _Table(read_toml(manifest_path), manifest_path, "", PACK_KEYS)
    name = manifest.require("name", str)
    if name != pack_dir.name:
        raise manifest.fail("name", f"{name!r} must equal the folder name {pack_dir.name!r}")
    packs[name] = manifest.require("description", str).strip()
    defaults = manifest.get("defaults", dict, {})
    return [
        parse_rule(read_toml(path), path, name, defaults)
        for path in sorted(pack_dir.glob("*.toml"))
        if path.name != "pack.toml"
    ]


def _read_user_paths(paths: Iterable[Path], packs: dict[str, str]) -> list[RuleSpec]:
    """A path is a rule file, a pack folder, or a folder of packs."""
    specs: list[RuleSpec] = []
    for path in paths:
        if path.is_file():
            specs.append(_read_loose_rule(path, packs))
        elif (path / "pack.toml").is_file():
            specs.extend(_read_pack(path, packs))
        elif path.is_dir():
            pack_dirs = sorted(p for p in path.iterdir() if (p / "pack.toml").is_file())
            if not pack_dirs:
                raise RuleError(f"{path}: no rule packs here (a pack is a folder with a pack.toml)")
            for pack_dir in pack_dirs:
                specs.extend(_read_pack(pack_dir, packs))
        else:
            raise RuleError(f"{path}: no such rule file or folder")
    return specs


def _read_loose_rule(path: Path, packs: dict[str, str]) -> RuleSpec:
    """A single rule file: its pack is the folder's pack, or the prefix of its id."""
    manifest = path.parent / "pack.toml"
    data = read_toml(path)
    if manifest.is_file():
        return next(s for s in _read_pack(path.parent, packs) if s.path == str(path))
    pack = str(data.get("id", "")).partition(".")[0] or path.parent.name
    packs.setdefault(pack, f"rules from {path.parent}")
    return parse_rule(data, path, pack, {})


def _layer(rules: dict[str, RuleSpec], spec: RuleSpec) -> None:
    if spec.overrides is not None:
        if spec.overrides not in rules:
            raise RuleError(
                f"{spec.path}: overrides: there is no rule {spec.overrides!r} to replace"
            )
        del rules[spec.overrides]
    if spec.id in rules:
        raise RuleError(
            f"{spec.path}: id: {spec.id!r} is already a rule ({rules[spec.id].path}); "
            f'add overrides = "{spec.id}" to replace it, or choose another id'
        )
    rules[spec.id] = spec


def _read_presets(folder: Path) -> dict[str, Preset]:
    presets: dict[str, Preset] = {}
    for path in sorted(folder.glob("*.toml")):
        table = _Table(read_toml(path), path, "", PRESET_KEYS)
        presets[path.stem] = Preset(
            name=path.stem,
            select=table.strings("select"),
            ignore=table.strings("ignore"),
            extends=table.get("extends", str),
            description=table.get("description", str, ""),
            path=str(path),
        )
    return presets
