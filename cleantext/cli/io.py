"""Input and output for every subcommand: decoding with precise errors, atomic writes."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from cleantext.engine import Cleaner
from cleantext.errors import InputError
from cleantext.model import Report

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
STDIN = "-"


def report_error(message: str) -> None:
    """One line on stderr, prefixed like every error of the command."""
    print(f"cleantext: error: {message}", file=sys.stderr)


def read_input(name: str, encoding: str) -> str:
    """Read and decode one input, naming the byte offset of any undecodable byte."""
    return decode(read_bytes(name), name, encoding)


def read_bytes(name: str) -> bytes:
    """The raw bytes of a file, or of stdin for ``-``."""
    try:
        return sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except OSError as error:
        raise InputError(f"{label_of(name)}: cannot read: {error.strerror}") from None


def label_of(name: str) -> str:
    """How an input is named in messages and reports."""
    return "<stdin>" if name == STDIN else name


def decode(data: bytes, name: str, encoding: str) -> str:
    """Decode an input, or say where it stops being ``encoding`` and what to do."""
    label = label_of(name)
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"{label}: invalid {encoding} at byte offset {error.start}; "
            "pass the real encoding with --encoding (for example --encoding cp1252)"
        ) from None


@contextmanager
def atomic_writer(path: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A stream to a file beside ``path`` that replaces it only when the block ends
    without an error, so a failure leaves neither a half file nor a changed one.

    The file gets ``mode``, else the permissions of the file it replaces, else those a
    new file gets under the umask.
    """
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if mode is None:
            mode = path.stat().st_mode if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (see `atomic_writer`)."""
    with atomic_writer(path, mode) as stream:
        stream.write(data)


def explain_inputs(
    names: Iterable[str], cleaner: Cleaner, encoding: str
) -> Iterator[Report | None]:
    """Clean each input in turn; one that cannot be read is reported and yields None,
    so the others are still processed and the caller can exit 2 at the end."""
    for name in names:
        try:
            text = read_input(name, encoding)
        except InputError as error:
            report_error(str(error))
            yield None
            continue
        yield cleaner.explain(text, id=label_of(name))
