"""``cleantext --in-place FILE ...``: rewrite files with their cleaned text.

Each file is written atomically (a temporary file beside it, fsync, rename, same
permissions), so an interrupted run leaves every file either old or new, never half
written. A file that cannot be read, decoded or written is reported and left untouched;
the others are still processed, and the run ends with status 2. Files that need no
change are not rewritten, so their modification times stay as they were.
"""

from __future__ import annotations

import os
from pathlib import Path

from cleantext.cli.io import EXIT_ERROR, EXIT_OK, decode, read_bytes, report_error, write_atomically
from cleantext.cli.progress import file_progress
from cleantext.engine import Cleaner
from cleantext.errors import CleantextError, InputError
from cleantext.model import Report


def rewrite_file(name: str, cleaner: Cleaner, encoding: str, backup: str | None) -> Report:
    """Clean one file where it lies; with ``backup``, keep the original beside it."""
    raw = read_bytes(name)
    report = cleaner.explain(decode(raw, name, encoding), id=name)
    if not report.changed:
        return report
    try:
        data = report.cleaned.encode(encoding)
    except UnicodeEncodeError as error:
        raise InputError(
            f"{name}: the cleaned text has {error.object[error.start]!r}, which {encoding} "
            "cannot encode; convert the file to utf-8 first"
        ) from None
    target = Path(name).resolve()  # through a symbolic link, so the link stays a link
    mode = target.stat().st_mode
    if backup:
        write_atomically(target.with_name(target.name + backup), raw, mode)
    write_atomically(target, data, mode)
    return report


def _size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except OSError:
        return 0


def run_in_place(
    names: list[str], cleaner: Cleaner, encoding: str, backup: str | None
) -> tuple[int, list[Report]]:
    """Rewrite every file; the status is 2 when any of them failed."""
    status = EXIT_OK
    reports: list[Report] = []
    sizes = [_size(name) for name in names]
    with file_progress(len(names), sum(sizes)) as advance:
        for name, size in zip(names, sizes, strict=True):
            try:
                reports.append(rewrite_file(name, cleaner, encoding, backup))
            except CleantextError as error:
                report_error(f"{error}; left unchanged")
                status = EXIT_ERROR
            except OSError as error:
                report_error(f"{name}: cannot write: {error.strerror or error}; left unchanged")
                status = EXIT_ERROR
            advance(size)
    return status, reports
