"""The repair stage: small named fixers for damage that scraping leaves in text.

Each fixer finds its damage and returns `Change`s; none of them changes the number of
lines, so line numbers stay valid for the removal stage and the report. They repair
damage, not style: curly quotes, dashes and ellipses stay as the author wrote them,
leading indentation is never touched, and lines that look like code or tables keep their
spacing. The encoding fixer (mojibake, control characters) is in `cleantext.encoding`; this
module holds the others, their cues, and their order (`FIXERS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from cleantext.encoding import fix_encoding, may_need_ftfy
from cleantext.model import Change
from cleantext.repair_context import RepairContext

# Spaces that scraping turns word gaps into; tabs are left alone (they separate columns).
_SPACE = "[ \u00a0\u202f]"
# A character that can end a word before punctuation: a letter, digit, closing quote...
_WORD_END = r"[\w%\"'’”»)\]]"
_FOLLOWS_PUNCTUATION = r"(?=\s|$|[)\]\"'’”»])"
# Characters that French typography sets off with a (narrow) no-break space.
_FRENCH_SPACED = ";:!?»"


def _repair(
    start: int, end: int, replacement: str, name: str, category: str = "typography"
) -> Change:
    return Change(start, end, replacement, f"repair.{name}", category, "repair")


_LINE_ENDING = re.compile(r"\r\n?")


def normalize_line_endings(text: str, context: RepairContext) -> list[Change]:
    r"""Turn Windows and old Mac line endings into ``\n``.

    >>> [c.replacement for c in normalize_line_endings("a\r\nb", _plain("a\r\nb"))]
    ['\n']
    """
    return [_repair(m.start(), m.end(), "\n", "line-endings") for m in _LINE_ENDING.finditer(text)]


_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]+")


def remove_zero_width(text: str, context: RepairContext) -> list[Change]:
    """Drop zero-width spaces, word joiners and stray byte-order marks.

    Zero-width joiners and non-joiners stay: emoji sequences and Persian or Indic
    spelling need them.

    >>> [c.start for c in remove_zero_width("a\\u200bb", _plain(""))]
    [1]
    """
    return [_repair(m.start(), m.end(), "", "zero-width") for m in _ZERO_WIDTH.finditer(text)]


# The patterns below start from a character, not a lookbehind: Python's engine then skips
# ahead to the next candidate character instead of trying the pattern at every position.
_SPACE_BEFORE_PUNCTUATION = re.compile(
    rf"{_SPACE}(?<={_WORD_END}.){_SPACE}*(?:"
    rf"(?=,{_FOLLOWS_PUNCTUATION})"
    rf"|(?=\.(?![.\w]))"
    rf"|(?P<french>(?=[;:](?:$|\s(?![()\-DPp](?:\s|$))))|(?=[!?]+{_FOLLOWS_PUNCTUATION}))"
    r"|(?=\)))",
    re.MULTILINE,
)


def remove_space_before_punctuation(text: str, context: RepairContext) -> list[Change]:
    """Remove the space an extractor left before ``, . ; : ! ? )``.

    Smileys, ellipses, ``.NET`` and ``10 :30`` are left alone; in French the space before
    ``; : ! ?`` is correct typography and stays.

    >>> fix = remove_space_before_punctuation
    >>> [c.start for c in fix("frozen , but :) ... .NET", _plain(""))]
    [6]
    >>> [c.start for c in fix("Vraiment ? Oui !", RepairContext("fr", "", protect=False))]
    []
    """
    return [
        _repair(m.start(), m.end(), "", "space-before-punctuation")
        for m in _spaces_before_marks(text)
        if not (m.group("french") is not None and context.french)
        and not context.is_protected(m.start())
    ]


# A mark with a space before it: marks are rarer than spaces, so searching for them
# first is the faster way to the few places `_SPACE_BEFORE_PUNCTUATION` can match.
_MARK_AFTER_SPACE = re.compile(rf"[,.;:!?)](?<={_SPACE}.)")
_SPACES = " \u00a0\u202f"


def _spaces_before_marks(text: str) -> Iterator[re.Match[str]]:
    """`_SPACE_BEFORE_PUNCTUATION.finditer(text)`, tried only at the spaces before marks."""
    for mark in _MARK_AFTER_SPACE.finditer(text):
        start = mark.start() - 1
        while start > 0 and text[start - 1] in _SPACES:
            start -= 1
        match = _SPACE_BEFORE_PUNCTUATION.match(text, start)
        if match is not None and match.end() == mark.start():
            yield match


# "(" at a line start or after a space (not "f( x"), then the spaces: group 1.
_SPACE_AFTER_PARENTHESIS = re.compile(rf"\((?<!\S\()({_SPACE}+)(?=\w)")


def remove_space_after_parenthesis(text: str, context: RepairContext) -> list[Change]:
    """Remove the space after an opening parenthesis: ``( see`` becomes ``(see``.

    >>> [c.start for c in remove_space_after_parenthesis("a ( see", _plain(""))]
    [3]
    """
    return [
        _repair(m.start(1), m.end(1), "", "space-after-parenthesis")
        for m in _SPACE_AFTER_PARENTHESIS.finditer(text)
        if not context.is_protected(m.start(1))
    ]


# Only gaps that are not already one plain space: a run of two or more, or a no-break one.
_WORD_GAP = re.compile(
    r"[ \u00a0\u202f](?<=\S.)(?:(?<=[\u00a0\u202f])[ \u00a0\u202f]*|[ \u00a0\u202f]+)(?=\S)"
)


def normalize_space_between_words(text: str, context: RepairContext) -> list[Change]:
    """Make every gap between words one plain space.

    Non-breaking spaces between words and doubled spaces are scraping damage. A single
    no-break space between digits is a thousands separator, and in French the one before
    ``; : ! ? »`` and after ``«`` is correct: both stay.

    >>> fix = normalize_space_between_words
    >>> [(c.start, c.replacement) for c in fix("has\\u00a0\\u00a0put  it", _plain(""))]
    [(3, ' '), (8, ' ')]
    >>> fix("10\\u00a0000", _plain(""))
    []
    """
    changes = []
    for match in _word_gaps(text):
        gap = match.group()
        if context.is_protected(match.start()):
            continue
        before, after = text[match.start() - 1], text[match.end()]
        if len(gap) == 1 and before.isdigit() and after.isdigit():
            continue
        replacement = " "
        if (after in _FRENCH_SPACED or before == "«") and context.french:
            # The French space stays, as the author typed it; only a doubled one shrinks.
            replacement = next((char for char in gap if char != " "), " ")
            if len(gap) == 1:
                continue
        changes.append(_repair(match.start(), match.end(), replacement, "space-between-words"))
    return changes


# What every match of `_WORD_GAP` holds: two plain spaces or a no-break one.
_GAP_SEEDS = ("  ", "\u00a0", "\u202f")


def _word_gaps(text: str) -> Iterator[re.Match[str]]:
    """`_WORD_GAP.finditer(text)`, tried only at the runs of spaces that hold a seed.

    A match is a whole run of spaces between two other characters, so trying the pattern
    at the start of each run with a seed finds the same matches, without stopping at
    each of the text's hundreds of single spaces (`str.find` skips them in C).
    """
    seeds = []
    for seed in _GAP_SEEDS:
        position = text.find(seed)
        while position >= 0:
            seeds.append(position)
            position = text.find(seed, position + len(seed))
    done = 0  # the end of the last run tried
    for position in sorted(seeds):
        if position < done:
            continue
        start = position
        while start > 0 and text[start - 1] in _SPACES:
            start -= 1
        done = position + 1
        while done < len(text) and text[done] in _SPACES:
            done += 1
        match = _WORD_GAP.match(text, start)
        if match is not None:
            yield match


# What may trail a line, as the trailing-space fixer strips it.
LINE_SPACES = (" ", "\t", "\u00a0", "\u202f", "\u3000")
_LINE_BREAK_AFTER_SPACE = re.compile(f"\n(?<=[{''.join(LINE_SPACES)}]\n)")


def strip_trailing_whitespace(text: str, context: RepairContext) -> list[Change]:
    """Remove white space at the ends of lines (fenced code keeps its own).

    >>> [(c.start, c.end) for c in strip_trailing_whitespace("a  \\nb", _plain(""))]
    [(1, 3)]
    """
    changes = []
    for end in _line_ends_after_space(text):
        start = end - 1
        while start > 0 and text[start - 1] in LINE_SPACES:
            start -= 1
        if not context.is_protected(start):
            changes.append(_repair(start, end, "", "trailing-whitespace"))
    return changes


def _line_ends_after_space(text: str) -> Iterator[int]:
    """Where each line that ends in white space ends: found from the line breaks, which
    are far fewer than the spaces."""
    for line_break in _LINE_BREAK_AFTER_SPACE.finditer(text):
        yield line_break.start()
    if text.endswith(LINE_SPACES):
        yield len(text)


def has_carriage_return(text: str) -> bool:
    return "\r" in text


def has_zero_width(text: str) -> bool:
    return "\u200b" in text or "\u2060" in text or "\ufeff" in text


def _has_no_break_space(text: str) -> bool:
    return not text.isascii() and ("\u00a0" in text or "\u202f" in text)


# A plain space before punctuation, another space, a line end or the end, or after "(":
# every ASCII cue of the spacing fixers, in one search that starts from a literal space.
_ASCII_SPACING_CUE = re.compile(r" (?:[,.;:!?) \n]|$|(?<=\( ))")


def may_need_spacing(text: str) -> bool:
    """Whether any spacing fixer can find work in ``text``: false for most text."""
    if not text.isascii() and ("\u00a0" in text or "\u202f" in text or "\u3000" in text):
        return True
    return "\t" in text or _ASCII_SPACING_CUE.search(text) is not None


# Each spacing fixer's own cue: the places its pattern can start, searched from the
# rarer character (a mark, "(", a line break) rather than from every space.
# `_MARK_AFTER_SPACE` and `_LINE_BREAK_AFTER_SPACE` are the fixers' own (above).
_PARENTHESIS_THEN_SPACE = re.compile(f"\\({_SPACE}")


def _space_before_mark(text: str) -> bool:
    return _MARK_AFTER_SPACE.search(text) is not None


def _space_after_parenthesis(text: str) -> bool:
    return _PARENTHESIS_THEN_SPACE.search(text) is not None


def _word_gap(text: str) -> bool:
    return "  " in text or _has_no_break_space(text)


def _trailing_space(text: str) -> bool:
    return text.endswith(LINE_SPACES) or _LINE_BREAK_AFTER_SPACE.search(text) is not None


@dataclass(frozen=True, slots=True)
class Fixer:
    """A named repair and its cue: a test of a few substring searches that is true
    whenever the fixer could find something. Fixers of one family share a first cue,
    searched once for them all (see `Cues`)."""

    name: str
    find: Callable[[str, RepairContext], list[Change]]
    cue: Callable[[str], bool]
    family_cue: Callable[[str], bool] | None = None


class Cues:
    """Which fixers' cues are in one text. Each cue is tested once, a family's shared cue
    for all its fixers; ``known`` holds answers found already (`cleantext.repair_scan`)."""

    def __init__(self, text: str, known: dict[Callable[[str], bool], bool] | None = None) -> None:
        self.text = text
        self._answers = dict(known or {})

    def rule_out(self, fixers: tuple[Fixer, ...]) -> bool:
        """Whether the answers known already show that none of ``fixers`` has work."""
        answers = self._answers
        return all(
            answers.get(fixer.cue) is False
            or (fixer.family_cue is not None and answers.get(fixer.family_cue) is False)
            for fixer in fixers
        )

    def __contains__(self, fixer: Fixer) -> bool:
        if fixer.family_cue is not None and not self._answer(fixer.family_cue):
            return False
        return self._answer(fixer.cue)

    def _answer(self, cue: Callable[[str], bool]) -> bool:
        found = self._answers.get(cue)
        if found is None:
            found = self._answers[cue] = cue(self.text)
        return found


# Order matters: encoding repairs first (mojibake can hide spaces), punctuation before the
# word-gap fixer (a no-break space before a comma goes rather than becoming a space).
FIXERS: tuple[Fixer, ...] = (
    Fixer("line-endings", normalize_line_endings, has_carriage_return),
    Fixer("encoding", fix_encoding, may_need_ftfy),
    Fixer("zero-width", remove_zero_width, has_zero_width),
    Fixer(
        "space-before-punctuation",
        remove_space_before_punctuation,
        _space_before_mark,
        may_need_spacing,
    ),
    Fixer(
        "space-after-parenthesis",
        remove_space_after_parenthesis,
        _space_after_parenthesis,
        may_need_spacing,
    ),
    Fixer("space-between-words", normalize_space_between_words, _word_gap, may_need_spacing),
    Fixer("trailing-whitespace", strip_trailing_whitespace, _trailing_space, may_need_spacing),
)
# The fixers that can find new work after a removal (see `cleantext.engine.Cleaner`).
SPACING_FIXERS = FIXERS[3:]


def _plain(text: str) -> RepairContext:
    """A context for examples: no language, nothing protected."""
    return RepairContext(None, text, protect=False)
