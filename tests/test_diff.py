"""``cleantext diff``: the rich terminal view against reviewed output, and the plain unified
diff, which must apply back to the original with patch.

The expected renderings live in ``tests/data/diff/``. After an intentional change to the
rendering (or to the two rules and the repairs they show), rewrite them with
``pytest tests/test_diff.py --update-golden`` and review the diff before committing.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cleantext import Cleaner, Config, Report
from cleantext.cli import main
from cleantext.model import Edit
from cleantext.report.diff import draw_report, draw_run_summary, make_console
from cleantext.report.lines import annotate, reveal
from cleantext.report.unified import unified_diff

from .conftest import SEED

DATA = Path(__file__).parent / "data" / "diff"
SEED_TEXT = (SEED / "input.txt").read_bytes().decode("utf-8")
# Exact-output tests use only these two rules, which other work does not change.
TWO_RULES = Cleaner(Config(select=("wordpress.comment-form", "akismet.notice")))
NOTICE = "This site uses Akismet to reduce spam. Learn how your comment data is processed."
ARTICLE = "The council met on Monday\u00a0and agreed on the budget for next year , at last."


def seed_report() -> Report:
    return TWO_RULES.explain(SEED_TEXT, id="corpus/en-meduza-nato/input.txt")


def edge_report() -> Report:
    """Built by hand, so the view of every kind of edit is pinned whatever the rules do."""
    original = "Title\n\nOne\u200btwo  three\u00a0four.\nKeep [Share this](x) please\n\nFooter\n"
    edits = (
        Edit("repair.zero-width", "typography", "repair", 10, 11, (3, 3), "\u200b", ""),
        Edit("repair.space-between-words", "typography", "repair", 14, 16, (3, 3), "  ", " "),
        Edit("repair.space-between-words", "typography", "repair", 21, 22, (3, 3), "\xa0", " "),
        Edit("share.inline", "share", "remove", 33, 49, (4, 4), "[Share this](x) ", ""),
        Edit("footer.line", "copyright", "remove", 55, 63, (6, 6), "\n\nFooter", ""),
    )
    report = Report("edge.txt", "0", "d", original, "", edits)
    return Report("edge.txt", "0", "d", original, report.apply(original), edits)


def render(report: Report, color: bool, width: int = 100, **options: bool) -> str:
    console = make_console(io.StringIO(), color, width=width, record=True)
    draw_report(console, report, **options)  # type: ignore[arg-type]
    return console.export_text(styles=color)


def check_golden(name: str, actual: str, update: bool) -> None:
    path = DATA / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; review, then --update-golden"


@pytest.mark.parametrize(
    ("name", "report", "color", "options"),
    [
        ("seed-inline.txt", seed_report, False, {}),
        ("seed-inline.ansi", seed_report, True, {}),
        ("seed-side-by-side.txt", seed_report, False, {"side_by_side": True}),
        ("edge-inline.txt", edge_report, False, {}),
        ("edge-inline.ansi", edge_report, True, {}),
    ],
)
def test_terminal_view_matches_reviewed_output(
    name: str, report: object, color: bool, options: dict[str, bool], update_golden: bool
) -> None:
    width = 140 if options.get("side_by_side") else 100
    actual = render(report(), color, width, **options)  # type: ignore[operator]
    check_golden(name, actual, update_golden)


def test_seed_view_shows_rules_in_gutter_and_repairs_visibly() -> None:
    text = render(seed_report(), color=False)
    assert re.search(r"^20 - wordpress\.comment-form\s*$", text, re.M)
    assert re.search(r"^21 - comments\s+Leave a Reply", text, re.M)
    assert re.search(r"^37 - spam-protection\s+This site uses Akismet", text, re.M)
    assert "spokesman[⍽→·]confirmed" in text
    assert "frozen[⍽→∅]," in text
    assert "has[⍽⍽→·]put forward" in text
    assert "⋯ 3 unchanged lines" in text
    assert re.search(r"wordpress\.comment-form\s+comments\s+1\s+15\s+324\s+15\.3%", text)


def test_colour_view_strikes_removed_lines_in_red() -> None:
    text = render(seed_report(), color=True)
    assert "\x1b[9;31mLeave a Reply" in text or "\x1b[31;9mLeave a Reply" in text
    assert "\x1b[" not in render(seed_report(), color=False)


def test_unchanged_document_says_so() -> None:
    report = TWO_RULES.explain("Nothing to clean here.\n", id="clean.txt")
    assert "no changes" in render(report, color=False)
    assert unified_diff(report) == ""


def test_run_summary_adds_documents_up() -> None:
    console = make_console(io.StringIO(), False, width=100, record=True)
    clean = TWO_RULES.explain("Nothing to clean here.\n", id="clean.txt")
    draw_run_summary(console, [seed_report(), clean])
    text = console.export_text()
    assert "1 of 2 documents would change" in text
    assert re.search(r"total\s+25\s+22\s+410\s+19\.2%", text)  # of 2,140 chars in all


def test_control_characters_in_a_document_cannot_reach_the_terminal() -> None:
    hostile = f"Article text\x1b]0;pwned\x07 here.\r\n\n{NOTICE}\n"
    no_repair = Cleaner(Config(select=("akismet.notice",), repair=False))
    text = render(no_repair.explain(hostile, id="page.txt"), color=False)
    assert "\x1b" not in text and "\x07" not in text
    assert "Article text⟨U+001B⟩]0;pwned⟨U+0007⟩ here." in text


def test_reveal_marks_every_invisible_character() -> None:
    assert reveal("\u00a0 \u200b\ufeff\t\u2007") == "⍽·⟨ZWSP⟩⟨BOM⟩⇥⟨U+2007⟩"


# --- the plain unified diff -------------------------------------------------------------

DOCUMENTS = {
    "seed": SEED_TEXT,
    "seed-with-final-newline": SEED_TEXT + "\n",
    "notice-first": f"{NOTICE}\n\n{ARTICLE}\n",
    "notice-between-paragraphs": f"{ARTICLE}\n\n{NOTICE}\n\n{ARTICLE}\n\n{ARTICLE}",
    "crlf": f"{ARTICLE}\r\n\r\n{NOTICE}\r\n",
    "no-change": "Plain prose, nothing to do.\n",
}


def lines_of(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def apply_unified(original: str, diff: str) -> str:
    """A small, independent patch: replays the hunks on ``original``, checking context."""
    old, out, position = lines_of(original), [], 0
    rows = diff.splitlines(keepends=True)[2:]
    index = 0
    while index < len(rows):
        header = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", rows[index])
        assert header, rows[index]
        start = int(header[1]) - (1 if header[2] != "0" else 0)
        out += old[position:start]
        position = start
        index += 1
        while index < len(rows) and not rows[index].startswith("@@"):
            tag, body = rows[index][0], rows[index][1:]
            if index + 1 < len(rows) and rows[index + 1].startswith("\\"):
                body, index = body[:-1], index + 1
            if tag in " -":
                assert old[position] == body
                position += 1
            if tag in " +":
                out.append(body)
            index += 1
    return "".join(out + old[position:])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_unified_diff_replays_to_the_cleaned_text(name: str) -> None:
    report = TWO_RULES.explain(DOCUMENTS[name], id=name)
    diff = unified_diff(report, context=2)
    assert apply_unified(report.original, diff) == report.cleaned
    assert bool(diff) == report.changed


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch program")
def test_patch_applies_the_diff(tmp_path: Path) -> None:
    for name, text in DOCUMENTS.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
        diff = unified_diff(TWO_RULES.explain(text, id=name))
        if diff:
            subprocess.run(["patch", "-s", "-p0"], input=diff.encode(), cwd=tmp_path, check=True)
        cleaned = TWO_RULES.clean(text)
        assert (tmp_path / name).read_bytes() == cleaned.encode("utf-8"), name


def test_seed_diff_names_the_rules_on_its_hunk_headers(update_golden: bool) -> None:
    diff = unified_diff(seed_report())
    check_golden("seed.diff", diff, update_golden)
    headers = [line for line in diff.splitlines() if line.startswith("@@")]
    assert headers == [
        "@@ -4,34 +4,16 @@ repair.space-between-words, repair.space-before-punctuation, "
        "wordpress.comment-form, akismet.notice"
    ]
    prose = "The council met on Monday and agreed on the budget for next year."
    far_apart = TWO_RULES.explain("\n\n".join([NOTICE, *[prose] * 8, NOTICE]) + "\n")
    headers = [line for line in unified_diff(far_apart, 1).splitlines() if line[:2] == "@@"]
    assert headers[0] == "@@ -1,3 +1 @@ akismet.notice"
    assert headers[-1].endswith("@@ akismet.notice")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_lines_that_stay_land_on_their_new_line_numbers(name: str) -> None:
    report = TWO_RULES.explain(DOCUMENTS[name])
    cleaned = report.cleaned.split("\n")
    for line in annotate(report):
        after = "".join(piece.replacement for piece in line.pieces)
        if line.state == "removed":
            assert line.new_number is None
        else:
            assert line.new_number is not None
            assert cleaned[line.new_number - 1] == after, line


# --- the command -----------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def test_exit_status_is_that_of_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dirty = write(tmp_path, "dirty.txt", f"{ARTICLE}\n\n{NOTICE}\n")
    clean = write(tmp_path, "clean.txt", "Plain prose, nothing to do.\n")
    assert main(["diff", clean]) == 0
    assert main(["diff", clean, dirty]) == 1
    assert main(["diff", dirty, str(tmp_path / "missing.txt")]) == 2
    captured = capsys.readouterr()
    assert "missing.txt: cannot read" in captured.err
    assert captured.out.count(f"--- {dirty}\n") == 2  # the good file is still shown


def test_bad_options_are_one_error_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["diff", "-U", "-1", str(SEED / "input.txt")])
    assert raised.value.code == 2
    assert main(["diff", "--select", "wordpress.coment-form", str(SEED / "input.txt")]) == 2
    err = capsys.readouterr().err
    assert "did you mean 'wordpress.comment-form'?" in err
    assert "Traceback" not in err
