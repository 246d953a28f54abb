"""``cleantext check``: one line per edit for CI, changing nothing, and its exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleantext.cli import main

from .conftest import SEED

NOTICE = "This site uses Akismet to reduce spam. Learn how your comment data is processed."
ARTICLE = "The council met on Monday and agreed on the budget for next year, after a long debate."
TWO_RULES = ["--select", "wordpress.comment-form,akismet.notice"]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(f"{ARTICLE}\n\n{NOTICE}\n", encoding="utf-8")
    spaced = tmp_path / "spaced.txt"
    spaced.write_text("Prices rose\u00a0again , the bank said.\n", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text(f"{ARTICLE}\n", encoding="utf-8")
    return {"dirty": dirty, "spaced": spaced, "clean": clean}


def test_one_line_per_edit_and_exit_1(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = {name: path.read_bytes() for name, path in files.items()}
    status = main(["check", *TWO_RULES, *(str(p) for p in files.values())])
    out, err = capsys.readouterr()
    assert status == 1
    assert out.splitlines() == [
        f"{files['dirty']}:3: akismet.notice: removed spam-protection: "
        "'This site uses Akismet to reduce spam. Learn how your comme…' (-82 chars)",
        f"{files['spaced']}:1: repair.space-between-words: '\\xa0' -> ' '",
        f"{files['spaced']}:1: repair.space-before-punctuation: ' ' -> ''",
    ]
    assert "3 edits in 2 of 3 files" in err
    assert {name: path.read_bytes() for name, path in files.items()} == before


def test_clean_file_exits_0_silently(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(files["clean"])]) == 0
    assert capsys.readouterr() == ("", "")


def test_seed_reports_the_comment_form_and_the_notice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *TWO_RULES, "--no-repair", str(SEED / "input.txt")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "wordpress.comment-form",
        "akismet.notice",
    ]
    assert lines[0].startswith(f"{SEED / 'input.txt'}:21-35: wordpress.comment-form: ")
    assert lines[0].endswith("(-324 chars)")


def test_json_is_one_report_per_line(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json", str(files["dirty"]), str(files["clean"])]) == 1
    reports = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in reports] == [str(files["dirty"]), str(files["clean"])]
    assert [e["rule"] for e in reports[0]["edits"]] == ["akismet.notice"]
    assert reports[1]["edits"] == []


def test_github_annotations(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "github", *TWO_RULES, str(files["dirty"])]) == 1
    [line] = capsys.readouterr().out.splitlines()
    path = str(files["dirty"]).replace(":", "%3A").replace(",", "%2C")
    assert line.startswith(
        f"::warning file={path},line=3,endLine=3,title=akismet.notice::removed spam-protection: "
    )


def test_unreadable_file_is_reported_and_others_still_checked(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Caf\xe9 au lait\n")
    status = main(["check", str(latin), str(files["dirty"])])
    out, err = capsys.readouterr()
    assert status == 2
    assert f"{latin}: invalid utf-8 at byte offset 3" in err
    assert "akismet.notice" in out
    assert main(["check", "--encoding", "latin-1", str(latin)]) == 0
