"""The real ``cleantext diff`` in a pseudo-terminal, against the same command piped.

A person at a terminal gets colour and the rule gutter; a pipe gets a plain unified diff
with no escape codes, whatever the terminal the test itself runs in.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import struct
import subprocess
import sys
import termios

import pytest

from .conftest import ROOT, SEED

SEED_INPUT = str(SEED / "input.txt")
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def clean_environment(**extra: str) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")
    }
    return {**environ, "TERM": "xterm-256color", **extra}


def run_in_terminal(*args: str, columns: int = 100, **environ: str) -> tuple[int, str]:
    """Run the command with a terminal of ``columns`` as stdout and stderr."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "cleantext", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=clean_environment(**environ),
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError as error:  # EIO: the other end is closed
            if error.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    status = process.wait(timeout=60)
    return status, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_terminal_gets_colour_and_the_gutter_and_a_pipe_does_not() -> None:
    status, shown = run_in_terminal("diff", SEED_INPUT)
    assert status == 1
    assert ESCAPE.search(shown)
    plain = ESCAPE.sub("", shown)
    assert re.search(r"^\s*21 - \S*\s*Leave a Reply", plain, re.M)
    assert re.search(r"- wordpress\.comment-form", plain)
    assert re.search(r"- akismet\.notice", plain)
    assert "spokesman[⍽→·]confirmed" in plain
    assert re.search(r"wordpress\.comment-form\s+comments\s+1\s+15\s+324", plain)

    piped = subprocess.run(
        [sys.executable, "-m", "cleantext", "diff", SEED_INPUT],
        capture_output=True,
        cwd=ROOT,
        env=clean_environment(),
        check=False,
    )
    assert piped.returncode == 1
    text = piped.stdout.decode("utf-8")
    assert "\x1b[" not in text and piped.stderr == b""
    assert text.startswith(f"--- {SEED_INPUT}\n+++ {SEED_INPUT}\n@@ -")
    assert any("wordpress.comment-form" in line for line in text.splitlines() if line[:2] == "@@")
    assert "-Leave a Reply\n" in text
    assert "⍽" not in text  # raw text, so that patch can apply it


def test_no_color_keeps_the_drawing_without_escapes() -> None:
    status, shown = run_in_terminal("diff", SEED_INPUT, NO_COLOR="1")
    assert status == 1
    assert "\x1b[" not in shown
    assert re.search(r"^\s*20 - wordpress\.comment-form", shown, re.M)


def test_force_color_draws_for_a_pipe_and_never_wins_over_it() -> None:
    def piped(*args: str, **environ: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "cleantext", "diff", *args, SEED_INPUT],
            capture_output=True,
            cwd=ROOT,
            env=clean_environment(**environ),
            check=False,
        ).stdout.decode("utf-8")

    assert ESCAPE.search(piped(FORCE_COLOR="1"))
    assert ESCAPE.search(piped("--color", "always"))
    assert not ESCAPE.search(piped("--color", "never", FORCE_COLOR="1"))
    assert not ESCAPE.search(piped(FORCE_COLOR="1", NO_COLOR="1"))


def test_view_fits_the_terminal_width() -> None:
    _, shown = run_in_terminal("diff", SEED_INPUT, columns=72)
    widths = [len(line) for line in ESCAPE.sub("", shown).splitlines()]
    assert max(widths) <= 72
    _, wide = run_in_terminal("diff", "--side-by-side", SEED_INPUT, columns=72)
    assert "--side-by-side needs 120 columns" in wide
    _, side = run_in_terminal("diff", "-y", SEED_INPUT, columns=150)
    assert re.search(r"\[⍽\].*repair\.space-between-words.*\[·\]", ESCAPE.sub("", side))


def test_in_place_shows_progress_on_a_terminal(tmp_path: os.PathLike[str]) -> None:
    names = []
    for number in range(6):
        path = os.path.join(tmp_path, f"page{number}.txt")
        with open(path, "wb") as handle:
            handle.write((SEED / "input.txt").read_bytes())
        names.append(path)
    status, shown = run_in_terminal("--in-place", *names)
    assert status == 0
    assert "6/6 files" in shown and "B/s" in shown
    expected = (SEED / "expected.txt").read_bytes()
    for path in names:
        with open(path, "rb") as handle:
            assert handle.read() == expected
