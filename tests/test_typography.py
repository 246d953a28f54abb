"""Repair cases as data (tests/data/repairs.json): what each fixer must and must not do."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleantext import Cleaner, Config, RuleSet
from cleantext.encoding import may_need_ftfy
from cleantext.repair_context import RepairContext

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "repairs.json").read_text(encoding="utf-8")
)
REPAIR_ONLY = Cleaner(Config(), RuleSet.from_specs([]))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_repair(case: dict[str, Any]) -> None:
    report = REPAIR_ONLY.explain(case["original"], language=case["language"])
    assert report.cleaned == case["fixed"]
    assert all(edit.action == "repair" for edit in report.edits)
    assert report.apply(case["original"]) == case["fixed"]


def test_french_is_detected_from_the_text() -> None:
    text = "Le ministre a parlé\u00a0: « Nous sommes prêts\u00a0! » Et les syndicats\u00a0?"
    assert REPAIR_ONLY.clean(text) == text


def test_each_repair_is_one_small_edit() -> None:
    report = REPAIR_ONLY.explain("one\u00a0two , three")
    assert [(e.rule, e.text, e.replacement) for e in report.edits] == [
        ("repair.space-between-words", "\u00a0", " "),
        ("repair.space-before-punctuation", " ", ""),
    ]


def _alphabet() -> str:
    import ftfy.badness

    chars = set("aeoxAZ .,'\"-")
    for category in ftfy.badness.MOJIBAKE_CATEGORIES.values():
        chars.update(char for char in category if char != "-")
    chars.update("абвгдеёжзийклмнопрстуфхцчшщъыьэюяЂђҐґ΄΅αβγδΒΓΞΟ日本語テキストÂÃ")
    chars.update("\x00\x07\x1b\x1c\x7f\x85\x9d\t\n\r\u00a0\u2009\u202f\u3000\ud800")
    return "".join(sorted(chars))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_alphabet(), min_size=2, max_size=8))
def test_the_cheap_gate_lets_through_everything_ftfy_would_fix(text: str) -> None:
    """The gate before ftfy must never hide text that ftfy would have repaired."""
    import ftfy
    from ftfy.badness import is_bad

    from cleantext.encoding import _ftfy_config

    if is_bad(text) or ftfy.fix_text(text, _ftfy_config()) != text:
        assert may_need_ftfy(text), text
        assert all(may_need_ftfy(line) for line in text.split("\n") if is_bad(line)), text


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \u00a0\u202f\u3000\t\na1(),.:!»«", max_size=8))
@example("a ( b")
@example("(\u00a0b")
@example("a ,")
@example("a  b")
@example("a\t\nb")
def test_the_spacing_cue_lets_through_everything_a_spacing_fixer_would_change(
    text: str,
) -> None:
    """The shared cue must never hide work from a spacing fixer, in any language."""
    from cleantext.repair_context import RepairContext
    from cleantext.typography import SPACING_FIXERS, may_need_spacing

    for language in ("en", "fr"):
        context = RepairContext(language, text)
        if any(fixer.find(text, context) for fixer in SPACING_FIXERS):
            assert may_need_spacing(text), (language, text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_alphabet() + "(),;:!?\r\u200b\ufeff\u3000\t\n\u00a0", max_size=8))
@example("Caf\u00c3\u00a9")
@example("a\r\nb")
@example("a\u2060b")
@example("a (\tb")
@example("a ( b")
@example("end ")
@example("x\u00ce\u00a0y")
def test_the_hyperscan_cues_answer_as_the_regexes_do(text: str) -> None:
    """One Hyperscan scan stands in for every fixer's cue; it must say the same."""
    pytest.importorskip("hyperscan")
    from cleantext.repair_scan import repair_cues
    from cleantext.typography import FIXERS, may_need_spacing

    answers = repair_cues(text)
    if "\ud800" in text:
        assert answers == {}  # lone surrogates do not encode: the regexes answer
        return
    cues = (may_need_spacing, *(fixer.cue for fixer in FIXERS))
    assert answers == {cue: cue(text) for cue in cues}


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_alphabet() + "é’”€™ ", max_size=10))
@example("don\u00e2\u20ac\u2122t")
@example("\u00c3\u00a9\x1b[31m")
def test_the_short_ftfy_path_gives_what_fix_text_gives(text: str) -> None:
    """`ftfy_line` skips steps of fix_text (and the last test of fix_encoding, see
    `fix_mojibake`) that cannot change the line; it must give what fix_text gives."""
    import ftfy

    from cleantext.encoding import _ftfy_config, ftfy_line

    line = text.replace("\n", " ")
    assert ftfy_line(line) == ftfy.fix_text(line, _ftfy_config())


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \u00a0\u202f\n\ta1.,;:!?()'D-", max_size=14))
@example("word  , next")
@example("a ?! b")
def test_searching_from_the_marks_finds_what_the_pattern_finds(text: str) -> None:
    """The punctuation fixer starts from marks with a space before them, and runs its
    pattern only there; it must find exactly what the pattern finds on its own."""
    from cleantext.typography import _SPACE_BEFORE_PUNCTUATION, _spaces_before_marks

    expected = [(m.span(), m.group("french")) for m in _SPACE_BEFORE_PUNCTUATION.finditer(text)]
    assert [(m.span(), m.group("french")) for m in _spaces_before_marks(text)] == expected


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \u00a0\u202f\n\ta1.«»", max_size=14))
@example("a  b\u00a0 c")
@example("10\u00a0000 \u00a0x")
def test_searching_from_the_seeds_finds_every_word_gap(text: str) -> None:
    """The word-gap fixer tries its pattern only at runs of spaces holding two spaces or
    a no-break one; it must find exactly what the pattern finds on its own."""
    from cleantext.typography import _WORD_GAP, _word_gaps

    assert [m.span() for m in _word_gaps(text)] == [m.span() for m in _WORD_GAP.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \u00a0\u202f\u3000\n\tab", max_size=14))
@example("a  \nb\t")
@example(" \n\u3000")
def test_trailing_space_found_from_line_breaks_is_every_trailing_run(text: str) -> None:
    """Searching from the line breaks must find exactly the runs a whole-text search for
    white space at line ends finds."""
    from cleantext.typography import strip_trailing_whitespace

    runs = re.compile("[ \t\u00a0\u202f\u3000]+$", re.MULTILINE)
    found = strip_trailing_whitespace(text, RepairContext(None, text, protect=False))
    assert [(c.start, c.end) for c in found] == [m.span() for m in runs.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \u00a0\u202f\u3000\t\n\ra1(),.:!?»«\u200b", max_size=10))
@example("a (\u00a0b")
@example("x \u00a0")
def test_each_fixer_cue_lets_through_all_the_fixer_would_change(text: str) -> None:
    """A fixer runs only when its own cue is in the text: the cue must never hide work."""
    from cleantext.typography import FIXERS

    for language in ("en", "fr"):
        context = RepairContext(language, text)
        for fixer in FIXERS:
            if fixer.find(text, context):
                assert fixer.cue(text), (fixer.name, language, text)


_NON_ASCII_RUN = st.text(alphabet="éâ€™Ã©日ß", max_size=3)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab .", max_size=3), _NON_ASCII_RUN, _NON_ASCII_RUN)))
def test_pairing_non_ascii_runs_turns_the_old_line_into_the_new(
    pieces: list[tuple[str, str, str]],
) -> None:
    """Two lines with the same ASCII characters differ only in their non-ASCII runs; the
    repairs found by pairing those runs must rebuild the new line from the old."""
    from cleantext.edits import apply_changes
    from cleantext.encoding import _diff_between_ascii, _pair_by_position

    old = "".join(ascii + before for ascii, before, _ in pieces)
    new = "".join(ascii + after for ascii, _, after in pieces)
    for pair in (_diff_between_ascii, _pair_by_position):
        changes = pair(old, new, 0)
        assert apply_changes(old, changes) == new
        assert all(old[c.start : c.end] != c.replacement for c in changes)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_alphabet() + "é’”€™ \u00a0", max_size=12))
@example("don\u00e2\u20ac\u2122t")
@example("\u00c3\u0192\u00c2\u00a9")  # mojibake of mojibake: two steps
@example("voil\u00c3\u00a0 le travail")
def test_fix_mojibake_gives_what_ftfy_fix_encoding_gives(text: str) -> None:
    import ftfy

    from cleantext.encoding import fix_mojibake

    assert fix_mojibake(text) == ftfy.fix_encoding(text)
