"""The removal stage on small, exact cases: scopes, guards, overlaps, blank-line tidying,
regex time budgets, and the composition of repairs with removals."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext import Cleaner, Config
from cleantext.edits import compose
from cleantext.model import Change

RULES = {
    "footer": """
[match]
kind = "phrase"
phrases = ["Powered by Example"]
""",
    "form": """
[match]
kind = "phrase"
phrases = ["Leave a Reply"]
[scope]
remove = "block"
continue = ["You are commenting using your"]
continue_regex = ['^Connecting to %s$']
max_gap = 1
max_gap_chars = 20
[guard]
min_chars_before = 20
""",
    "share": """
[match]
kind = "phrase"
phrases = ["Click to share on Twitter"]
whole_line = false
[scope]
remove = "match"
""",
    "tail": """
[match]
kind = "phrase"
phrases = ["Comments are closed"]
[scope]
remove = "to-end"
[guard]
max_chars_after = 40
""",
    "related": """
[match]
kind = "phrase"
phrases = ["Related posts"]
[scope]
remove = "block"
continue = ["Leave a Reply"]
""",
    "slow": """
[match]
kind = "regex"
pattern = '(a|aa)+\\1b'
timeout_ms = 20
""",
}


@pytest.fixture(scope="module")
def cleaner(tmp_path_factory: pytest.TempPathFactory) -> Cleaner:
    root: Path = tmp_path_factory.mktemp("rules")
    pack = root / "t"
    pack.mkdir()
    (pack / "pack.toml").write_text('name = "t"\ndescription = "Test rules."\n')
    for name, body in RULES.items():
        header = f'id = "t.{name}"\ntitle = "{name}"\ncategory = "other"\nlanguages = ["en"]\n'
        (pack / f"{name}.toml").write_text(header + 'description = "Test."\n' + body)
    return Cleaner(Config(select=("pack:t",), rule_dirs=(root,), repair=False))


ARTICLE = "An article of some length.\n\nIts second paragraph."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A removed line in the middle takes the blank lines after it.
        (f"{ARTICLE}\n\nPowered by Example\n\nMore text.\n", f"{ARTICLE}\n\nMore text.\n"),
        # At the end it takes the blank lines before it; the final newline convention stays.
        (f"{ARTICLE}\n\nPowered by Example\n", f"{ARTICLE}\n"),
        (f"{ARTICLE}\n\n\nPowered by Example", ARTICLE),
        # At the start, the blank lines after it.
        (f"Powered by Example\n\n{ARTICLE}", ARTICLE),
        # Everything removed.
        ("Powered by Example\n", ""),
    ],
)
def test_blank_lines_are_tidied(cleaner: Cleaner, text: str, expected: str) -> None:
    assert cleaner.clean(text) == expected


def test_block_takes_member_and_bridged_lines(cleaner: Cleaner) -> None:
    form = (
        "Leave a Reply\n\nYou are commenting using your Twitter account.\nTwitter picture\n"
        "You are commenting using your Facebook account.\n\nConnecting to %s"
    )
    assert cleaner.clean(f"{ARTICLE}\n\n{form}\n\nAfter.") == f"{ARTICLE}\n\nAfter."


def test_block_stops_at_a_long_line(cleaner: Cleaner) -> None:
    text = f"{ARTICLE}\n\nLeave a Reply\nThis is a long sentence of prose.\nConnecting to %s\n"
    expected = f"{ARTICLE}\n\nThis is a long sentence of prose.\nConnecting to %s\n"
    assert cleaner.clean(text) == expected


def test_guard_refusal_is_reported_as_a_skip(cleaner: Cleaner) -> None:
    report = cleaner.explain("Hi.\n\nLeave a Reply")
    assert report.cleaned == "Hi.\n\nLeave a Reply"
    [skip] = report.skips
    assert skip.rule == "t.form" and skip.lines == (3, 3)
    assert skip.reason.startswith("guard min_chars_before: 3 characters before it")


def test_to_end_is_bounded_by_what_follows(cleaner: Cleaner) -> None:
    short = f"{ARTICLE}\n\nComments are closed\n\n2 comments"
    assert cleaner.clean(short) == ARTICLE
    long = f"{ARTICLE}\n\nComments are closed\n\n" + "A long comment that is real prose. " * 3
    assert cleaner.clean(long) == long


def test_match_scope_removes_the_span_and_one_space(cleaner: Cleaner) -> None:
    text = "Great read. Click to share on Twitter (Opens in new window) Thanks."
    report = cleaner.explain(text)
    assert report.cleaned == "Great read. (Opens in new window) Thanks."
    assert report.edits[0].text == " Click to share on Twitter"


def test_match_that_fills_the_line_removes_the_line(cleaner: Cleaner) -> None:
    assert (
        cleaner.clean(f"{ARTICLE}\n\n* Click to share on Twitter\n\nEnd.") == f"{ARTICLE}\n\nEnd."
    )


def test_overlap_loser_is_a_skip(cleaner: Cleaner) -> None:
    text = f"{ARTICLE}\n\nLeave a Reply\nPowered by Example\nConnecting to %s"
    report = cleaner.explain(text)
    assert report.cleaned == ARTICLE
    assert [e.rule for e in report.removals] == ["t.form"]
    assert any(s.rule == "t.footer" and "overlaps t.form" in s.reason for s in report.skips)


def test_an_overlap_loser_keeps_the_lines_nobody_took(cleaner: Cleaner) -> None:
    """A related-posts block that runs into the form's heading starts first and wins;
    the form loses the overlap and still removes the rest of itself."""
    form = "Leave a Reply\nYou are commenting using your X account.\nConnecting to %s"
    report = cleaner.explain(f"{ARTICLE}\n\nRelated posts\n{form}\n\nEnd.")
    assert report.cleaned == f"{ARTICLE}\n\nEnd."
    assert [(e.rule, e.lines) for e in report.removals] == [
        ("t.related", (5, 6)),
        ("t.form", (7, 8)),
    ]
    assert [s.rule for s in report.skips] == ["t.form"]


def test_slow_regex_is_skipped_not_hung(cleaner: Cleaner) -> None:
    report = cleaner.explain("a" * 60)
    assert report.cleaned == "a" * 60
    assert [(s.rule, s.reason) for s in report.skips] == [
        ("t.slow", "regex timed out; rule skipped")
    ]


def test_removal_swallows_repairs_inside_it() -> None:
    original = "Hi.\u00a0\nBad line\r\nNext"
    repairs = [
        Change(3, 4, " ", "repair.space-between-words", "typography", "repair"),
        Change(13, 14, "", "repair.line-endings", "typography", "repair"),
    ]
    middle = "Hi. \nBad line\nNext"
    removal = [Change(5, 14, "", "t.footer", "other", "remove")]
    assert compose(repairs, removal, middle) == [
        repairs[0],
        Change(5, 15, "", "t.footer", "other", "remove"),
    ]
    assert original[5:15] == "Bad line\r\n"


def test_crlf_document_round_trips() -> None:
    cleaner = Cleaner()
    akismet = "This site uses Akismet to reduce spam. Learn how your comment data is processed."
    text = f"First line\u00a0here.\r\n\r\n{akismet}\r\n"
    report = cleaner.explain(text)
    assert report.cleaned == "First line here.\n"
    assert report.restore(report.cleaned) == text


def test_fenced_code_is_never_removed(cleaner: Cleaner) -> None:
    text = f"{ARTICLE}\n\nThe widget prints:\n\n```text\nPowered by Example\n```\n\nEnd."
    report = cleaner.explain(text)
    assert report.cleaned == text
    assert [(s.rule, s.reason) for s in report.skips] == [
        ("t.footer", "it touches a fenced code block, which is the author's")
    ]
