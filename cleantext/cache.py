"""An on-disk cache of resolved rule selections and compiled scanner databases, so the
command starts fast.

Key: the tool version, the Python and `regex` versions, the selection options, and the
path, size and modification time of every rule file that could take part and of the
package's own modules (so that a changed engine never reads an older engine's cache). A changed rule
file, option or version gives a new key; a cache that cannot be read or written is simply
not used. Set ``CLEANTEXT_CACHE_DIR`` to move it, or ``CLEANTEXT_NO_CACHE=1`` to turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

import regex

from cleantext._version import __version__
from cleantext.config import Config
from cleantext.ruleset.loader import builtin_rules_dir

T = TypeVar("T")


def cache_dir() -> Path | None:
    if os.environ.get("CLEANTEXT_NO_CACHE"):
        return None
    configured = os.environ.get("CLEANTEXT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cleantext"


def cached_selection(config: Config, build: Callable[[], T]) -> T:
    """``build()``, or its result from the cache when nothing it depends on has changed."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"selection-{_key(config)}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        _touch(path)
        return value
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    _store(path, value)
    return value


def cached_bytes(kind: str, key: str, build: Callable[[], bytes]) -> bytes:
    """``build()``, or what it returned before for the same ``key`` (which must name
    everything the bytes depend on): a compiled database costs far more than reading it."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.bin"
    try:
        cached = path.read_bytes()
        _touch(path)
        return cached
    except OSError:
        pass
    value = build()
    _write(path, lambda stream: stream.write(value))
    return value


def _key(config: Config) -> str:
    parts = [
        __version__,
        sys.version,
        regex.__version__,
        repr((config.preset, config.select, config.extend_select, config.ignore)),
        repr((config.languages, config.preview, tuple(map(str, config.rule_dirs)))),
    ]
    package = Path(__file__).resolve().parent
    for path in [
        *sorted(package.rglob("*.py")),
        *_rule_files([builtin_rules_dir(), *config.rule_dirs]),
    ]:
        stat = path.stat()
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _rule_files(roots: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files.extend(sorted(root.rglob("*.toml")))
    return files


def _store(path: Path, value: object) -> None:
    _write(path, lambda stream: pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL))


def _write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a cache file whole or not at all: readers never see half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, path)
        _prune(path.parent, path.name.split("-")[0])
    except OSError:
        pass  # a read-only home or a full disk only costs speed


# Entries of one kind kept, the most recently used: every changed rule file or option
# makes a new entry, and old ones would otherwise pile up.
KEEP = 32


def _touch(path: Path) -> None:
    """Mark an entry as used now, so pruning keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(folder.glob(f"{kind}-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)
