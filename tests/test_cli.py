"""The installed ``cleantext`` command, run as users run it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import SEED

COMMAND = shutil.which("cleantext")
pytestmark = pytest.mark.skipif(COMMAND is None, reason="cleantext is not installed")
SEED_INPUT = (SEED / "input.txt").read_bytes()


def run(
    *args: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    assert COMMAND is not None
    return subprocess.run(
        [COMMAND, *args], input=stdin, capture_output=True, cwd=cwd, timeout=60, check=False
    )


def test_seed_gives_the_expected_text_byte_for_byte() -> None:
    result = run(stdin=SEED_INPUT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (SEED / "expected.txt").read_bytes()
    assert not result.stdout.endswith(b"\n")


def test_strict_also_drops_the_copyright_line() -> None:
    result = run("--preset", "strict", stdin=SEED_INPUT)
    expected = (SEED / "expected.txt").read_bytes()
    assert result.stdout == expected.removesuffix(b"\n\n(C)MEDUZA 2021")
    assert result.stdout.endswith(b"Vladimir Putin.")


def test_json_report_replays_to_the_output() -> None:
    result = run("--report", "json", stdin=SEED_INPUT)
    [line] = result.stderr.decode().splitlines()
    report = json.loads(line)
    assert list(report) == ["id", "version", "ruleset", "edits", "stats"]
    original = SEED_INPUT.decode()
    pieces, position = [], 0
    for edit in report["edits"]:
        assert set(edit) == {
            "rule",
            "category",
            "action",
            "start",
            "end",
            "lines",
            "text",
            "replacement",
        }
        assert original[edit["start"] : edit["end"]] == edit["text"]
        pieces += [original[position : edit["start"]], edit["replacement"]]
        position = edit["end"]
    pieces.append(original[position:])
    assert "".join(pieces) == result.stdout.decode()
    rules = [e["rule"] for e in report["edits"] if e["action"] == "remove"]
    assert rules == ["wordpress.comment-form", "akismet.notice"]
    assert report["ruleset"].startswith("sha256:")


def test_text_report_has_one_line_per_edit() -> None:
    result = run("--report", "text", "-", stdin=SEED_INPUT)
    lines = result.stderr.decode().splitlines()
    assert "<stdin>:21-35: wordpress.comment-form: removed comments:" in "\n".join(lines)
    assert all(line.startswith("<stdin>:") for line in lines)


def test_invalid_utf8_is_one_line_and_exit_2() -> None:
    result = run(stdin=b"Caf\xe9 au lait\n")
    assert result.returncode == 2
    assert result.stdout == b""
    [message] = result.stderr.decode().splitlines()
    assert "byte offset 3" in message and "--encoding" in message
    assert (
        run("--encoding", "cp1252", stdin=b"Caf\xe9 au lait\n").stdout == "Café au lait\n".encode()
    )


def test_empty_input_gives_empty_output() -> None:
    result = run(stdin=b"")
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")


def test_final_newline_is_kept() -> None:
    assert run(stdin=SEED_INPUT + b"\n").stdout == (SEED / "expected.txt").read_bytes() + b"\n"


def test_files_and_output_file(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_bytes(SEED_INPUT)
    target = tmp_path / "clean.txt"
    result = run(str(source), "-o", str(target), "--report-file", str(tmp_path / "r.jsonl"))
    assert result.returncode == 0
    assert target.read_bytes() == (SEED / "expected.txt").read_bytes()
    assert json.loads((tmp_path / "r.jsonl").read_text())["id"] == str(source)
    assert source.read_bytes() == SEED_INPUT


def test_a_failing_run_leaves_files_alone(tmp_path: Path) -> None:
    target = tmp_path / "clean.txt"
    target.write_text("keep me")
    result = run("--preset", "strictt", "-o", str(target), stdin=SEED_INPUT)
    assert result.returncode == 2
    assert target.read_text() == "keep me"
    [message] = result.stderr.decode().splitlines()
    assert "unknown preset 'strictt'; did you mean 'strict'?" in message


def test_unknown_selector_suggests_the_closest_rule() -> None:
    result = run("--ignore", "wordpress.coment-form", stdin=SEED_INPUT)
    assert result.returncode == 2
    assert "did you mean 'wordpress.comment-form'?" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_missing_file_is_reported() -> None:
    result = run("no-such-file.txt")
    assert result.returncode == 2
    assert result.stderr.decode().strip().endswith("cannot read: No such file or directory")


def test_ignore_and_config_file(tmp_path: Path) -> None:
    kept = run("--ignore", "pack:akismet", stdin=SEED_INPUT).stdout.decode()
    assert kept.endswith(
        "This site uses Akismet to reduce spam. Learn how your comment data is processed."
    )
    (tmp_path / "cleantext.toml").write_text('ignore = ["akismet.notice"]\n')
    assert run(stdin=SEED_INPUT, cwd=tmp_path).stdout.decode() == kept


def test_version() -> None:
    assert run("--version").stdout.decode().startswith("cleantext ")


def test_a_bad_byte_late_in_a_large_input(tmp_path: Path) -> None:
    """A file is checked before any output; a pipe says its output stops short."""
    data = ("A paragraph of article text. " * 40 + "\n\n").encode() * 3000 + b"\xff tail"
    source = tmp_path / "big.txt"
    source.write_bytes(data)
    from_file = run(str(source))
    assert (from_file.returncode, from_file.stdout) == (2, b"")
    assert f"byte offset {len(data) - 6}" in from_file.stderr.decode()
    from_pipe = run(stdin=data)
    assert from_pipe.returncode == 2 and 0 < len(from_pipe.stdout) < len(data)
    [message] = from_pipe.stderr.decode().splitlines()
    assert message.endswith("the output above stops short of it")
