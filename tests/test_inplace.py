"""``cleantext --in-place``: atomic rewrites, backups, and failures that touch nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cleantext.cli import main

NOTICE = "This site uses Akismet to reduce spam. Learn how your comment data is processed."
ARTICLE = "The council met on Monday and agreed on the budget for next year, after a long debate."
DIRTY = f"{ARTICLE}\n\n{NOTICE}\n"


def make(folder: Path, name: str, text: str | bytes, mode: int = 0o644) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    path.chmod(mode)
    return path


def listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_rewrites_changed_files_and_keeps_their_permissions(tmp_path: Path) -> None:
    dirty = make(tmp_path, "dirty.txt", DIRTY, mode=0o640)
    clean = make(tmp_path, "clean.txt", f"{ARTICLE}\n")
    os.utime(clean, (1_000_000, 1_000_000))
    assert main(["--in-place", str(dirty), str(clean)]) == 0
    assert dirty.read_text() == f"{ARTICLE}\n"
    assert stat.S_IMODE(dirty.stat().st_mode) == 0o640
    assert clean.stat().st_mtime == 1_000_000  # nothing to change: not rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.txt", "dirty.txt"]


def test_backup_keeps_the_original(tmp_path: Path) -> None:
    dirty = make(tmp_path, "dirty.txt", DIRTY, mode=0o600)
    assert main(["-i", "--backup", ".orig", str(dirty)]) == 0
    backup = tmp_path / "dirty.txt.orig"
    assert backup.read_bytes() == DIRTY.encode()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert dirty.read_text() == f"{ARTICLE}\n"


def test_failure_mid_way_leaves_that_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = make(tmp_path, "a.txt", DIRTY)
    second = make(tmp_path, "b.txt", "Prices rose\u00a0again , the bank said.\n" + NOTICE)
    third = make(tmp_path, "c.txt", DIRTY)
    original = second.read_bytes()
    real_replace = os.replace

    def failing_replace(source: str, target: str) -> None:
        if Path(target).name == "b.txt":
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    assert main(["--in-place", str(first), str(second), str(third)]) == 2
    assert second.read_bytes() == original
    assert listing(tmp_path).keys() == {"a.txt", "b.txt", "c.txt"}  # no temporary left
    assert first.read_text() == third.read_text() == f"{ARTICLE}\n"
    err = capsys.readouterr().err
    assert (
        err
        == f"cleantext: error: {second}: cannot write: No space left on device; left unchanged\n"
    )


def test_bad_encoding_among_good_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = make(tmp_path, "good.txt", DIRTY)
    latin = make(tmp_path, "latin.txt", b"Caf\xe9 au lait\n\n" + NOTICE.encode())
    missing = tmp_path / "missing.txt"
    assert main(["--in-place", str(latin), str(missing), str(good)]) == 2
    assert latin.read_bytes() == b"Caf\xe9 au lait\n\n" + NOTICE.encode()
    assert good.read_text() == f"{ARTICLE}\n"
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"cleantext: error: {latin}: invalid utf-8 at byte offset 3; pass the real encoding "
        "with --encoding (for example --encoding cp1252); left unchanged",
        f"cleantext: error: {missing}: cannot read: No such file or directory; left unchanged",
    ]
    assert main(["--in-place", "--encoding", "cp1252", str(latin)]) == 0
    assert latin.read_bytes() == b"Caf\xe9 au lait"  # written back in its own encoding


def test_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = make(tmp_path, "target.txt", DIRTY)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert main(["--in-place", str(link)]) == 0
    assert link.is_symlink()
    assert target.read_text() == f"{ARTICLE}\n"


@pytest.mark.parametrize(
    "args",
    [["--in-place"], ["--in-place", "-"], ["--backup", ".bak", "x.txt"], ["-i", "-o", "y", "x"]],
)
def test_misuse_is_a_usage_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_progress_helper_draws_nothing_without_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cleantext.cli.progress import file_progress

    with file_progress(50, 10_000) as advance:
        for _ in range(50):
            advance(200)
    assert capsys.readouterr() == ("", "")
