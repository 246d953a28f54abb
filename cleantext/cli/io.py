"""Input and output for every subcommand: decoding with precise errors, atomic writes."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from cleantext.errors import InputError

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
STDIN = "-"


def report_error(message: str) -> None:
    """One line on stderr, prefixed like every error of the command."""
    print(f"cleantext: error: {message}", file=sys.stderr)


def read_input(name: str, encoding: str) -> str:
    """Read and decode one input, naming the byte offset of any undecodable byte."""
    label = "<stdin>" if name == STDIN else name
    try:
        data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except OSError as error:
        raise InputError(f"{label}: cannot read: {error.strerror}") from None
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"{label}: invalid {encoding} at byte offset {error.start}; "
            "pass the real encoding with --encoding (for example --encoding cp1252)"
        ) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename over it, so a failure leaves no half file."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
