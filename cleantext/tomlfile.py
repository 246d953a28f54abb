"""Reading TOML files with errors that name the file, for rule packs and configuration."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from cleantext.errors import CleantextError


def read_toml(path: Path, error: type[CleantextError]) -> dict[str, Any]:
    """The file's table, or ``error`` saying which file is unreadable or invalid and why."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as problem:
        raise error(f"{path}: invalid TOML: {problem}") from None
    except OSError as problem:
        raise error(f"{path}: cannot read: {problem.strerror}") from None
