"""A progress bar for long runs over many files: files done and throughput, on stderr.

Only drawn for a person watching (stderr is a terminal) and for more than a few files;
otherwise the helper does nothing and rich is never imported.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from cleantext.cli.terminal import is_terminal

MIN_FILES = 4  # below this a run is over before a bar could tell anyone anything

Advance = Callable[[int], None]


def _ignore(size: int) -> None:
    """The no-op ``advance`` when there is no bar."""


@contextmanager
def file_progress(files: int, total_bytes: int) -> Iterator[Advance]:
    """Yield ``advance(bytes)``, to call once per file done."""
    if files < MIN_FILES or not is_terminal(sys.stderr):
        yield _ignore
        return
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("cleaning"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[done]}/{task.fields[files]} files"),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("cleaning", total=max(total_bytes, 1), done=0, files=files)
        done = 0

        def advance(size: int) -> None:
            nonlocal done
            done += 1
            progress.update(task, advance=size, done=done)

        yield advance
