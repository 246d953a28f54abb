"""Rule tooling: ``cleantext rules``, ``rules show``, ``rules test`` and ``explain``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleantext.cli import main

from .conftest import SEED

SEED_INPUT = str(SEED / "input.txt")
FOOTER_RULE = '''
id = "mypack.thanks"
title = "Thanks-for-reading line"
category = "other"
languages = ["en"]
description = "The sign-off line some blogs print under every post."

[match]
kind = "phrase"
phrases = ["Thanks for reading!"]

[[example]]
name = "after-article"
text = """
The bridge opens in May.

Thanks for reading!"""
expect = """
The bridge opens in May."""

[[counterexample]]
name = "prose"
text = "Thanks for reading! was the title of her first column."
'''


def user_pack(folder: Path, rule: str = FOOTER_RULE) -> Path:
    pack = folder / "mypack"
    pack.mkdir()
    (pack / "pack.toml").write_text('name = "mypack"\ndescription = "Test pack."\n')
    (pack / "thanks.toml").write_text(rule)
    return pack


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> list[list[str]]:
    assert main(["rules", *args]) == 0
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def test_rules_lists_the_selection_tab_separated(capsys: pytest.CaptureFixture[str]) -> None:
    rows = listed(capsys)
    assert rows[0] == ["id", "category", "pack", "languages", "status", "scope"]
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["wordpress.comment-form"][1:3] == ["comments", "wordpress"]
    assert by_id["wordpress.comment-form"][4:] == ["stable", "block"]
    assert by_id["akismet.notice"][5] == "line"
    assert all(row[1] != "copyright" for row in rows[1:])  # not in the default preset
    strict = {row[0] for row in listed(capsys, "--preset", "strict")[1:]}
    assert set(by_id) < strict
    assert listed(capsys, "--select", "akismet.notice")[1:] == [by_id["akismet.notice"]]
    assert "akismet.notice" not in {r[0] for r in listed(capsys, "--ignore", "akismet.*")}


def test_rules_lists_user_rules_from_rules_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listed(capsys, "--rules", str(user_pack(tmp_path)))
    assert ["mypack.thanks", "other", "mypack", "en", "stable", "line"] in rows


def test_unknown_selector_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--select", "akismet.notise"]) == 2
    err = capsys.readouterr().err
    assert (
        err == "cleantext: error: unknown rule 'akismet.notise'; did you mean 'akismet.notice'?\n"
    )


def test_show_prints_the_declaration_and_the_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "show", "wordpress.comment-form"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wordpress.comment-form: WordPress comment form")
    for expected in (
        "  category:  comments\n",
        "  selected:  yes\n",
        "description:\n  The reply form that WordPress prints",
        "match:\n  kind = regex\n",
        "scope:\n  remove = block\n  direction = down\n  max_lines = 60\n",
        "    Your email address will not be published\n",
        "example jetpack-form-plain-text: ok\n",
        "-Leave a Reply\n",
        "@@ -1,",
        "counterexample prose-mentions-leaving-a-reply: ok (left unchanged)\n",
        "  Leave a reply below if you liked this recipe",
    ):
        assert expected in out
    assert re.search(r"\nguard:\n  min_chars_before = \d+\n", out)


def test_show_says_when_a_rule_is_not_selected(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "show", "akismet.notice", "--ignore", "akismet.notice"]) == 0
    assert "  selected:  no (not in the current selection)\n" in capsys.readouterr().out


def test_show_unknown_rule_suggests_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "show", "wordpress.comment-from"]) == 2
    assert "did you mean 'wordpress.comment-form'?" in capsys.readouterr().err


def test_rules_test_runs_builtin_and_user_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "test", str(user_pack(tmp_path)), "-k", "mypack."]) == 0
    assert capsys.readouterr().out == "2 examples of 1 rules: 2 passed\n"
    assert main(["rules", "test", "-k", "akismet.notice::"]) == 0
    assert "0 failed" not in capsys.readouterr().out


def test_rules_test_reports_a_failure_as_a_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = FOOTER_RULE.replace(
        'expect = """\nThe bridge opens in May."""', 'expect = """\nThe bridge opens in June."""'
    )
    assert main(["rules", "test", str(user_pack(tmp_path, broken)), "-k", "mypack."]) == 1
    out = capsys.readouterr().out
    assert "FAILED mypack.thanks::after-article\n" in out
    assert "-The bridge opens in June.\n+The bridge opens in May.\n" in out
    assert out.endswith("2 examples of 1 rules: 1 passed, 1 failed\n")


def test_rules_test_with_an_invalid_rule_file_is_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = FOOTER_RULE.replace('category = "other"', 'category = "footers"')
    assert main(["rules", "test", str(user_pack(tmp_path, bad))]) == 2
    err = capsys.readouterr().err
    assert "thanks.toml: category: 'footers' is not one of" in err
    assert err.count("\n") == 1


def test_explain_lists_what_fired_and_what_was_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", SEED_INPUT]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{SEED_INPUT}:7: fired repair.space-between-words: '\\xa0' -> ' '" in out
    fired = [line for line in out if ": fired wordpress.comment-form:" in line]
    assert fired and fired[0].startswith(f"{SEED_INPUT}:21-35: ")
    assert out[-1].endswith(" edits, 1 skip") or out[-1].endswith(" skips")


def test_explain_one_line_shows_the_guard_that_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Leave a Reply\n\nLeave a Reply is a novel about a letter that never came.\n")
    assert main(["explain", str(page), "--line", "1", "--select", "wordpress.comment-form"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{page}:1: Leave a Reply"
    assert out[1].startswith(f"{page}:1: skipped wordpress.comment-form: ")
    assert "min_chars_before" in out[1]
    assert out[-1] == "0 edits, 1 skip"


def test_explain_line_outside_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", SEED_INPUT, "--line", "99"]) == 2
    assert "--line 99 is outside the document (it has 37 lines)" in capsys.readouterr().err
