"""The repair stage: small named fixers for damage that scraping leaves in text.

Each fixer finds its damage and returns `Change`s; none of them changes the number of
lines, so line numbers stay valid for the removal stage and the report. They repair
damage, not style: curly quotes, dashes and ellipses stay as the author wrote them,
leading indentation is never touched, and lines that look like code or tables keep their
spacing.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import regex

from cleantext.model import Change

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# Spaces that scraping turns word gaps into; tabs are left alone (they separate columns).
_SPACE = "[ \u00a0\u202f]"
# A character that can end a word before punctuation: a letter, digit, closing quote...
_WORD_END = r"[\w%\"'’”»)\]]"
_FOLLOWS_PUNCTUATION = r"(?=\s|$|[)\]\"'’”»])"
# Characters that French typography sets off with a (narrow) no-break space.
_FRENCH_SPACED = ";:!?»"


class RepairContext:
    """What fixers need to know about the document: whether it is French, and which
    lines are protected. The language is only guessed if a fixer asks (most documents
    have no space before ``; : ! ?`` and never need to know)."""

    def __init__(
        self,
        language: str | Callable[[], str | None] | None,
        protected: tuple[tuple[int, int], ...],
    ) -> None:
        self._language = language
        self.protected = protected

    @property
    def french(self) -> bool:
        if callable(self._language):
            self._language = self._language()
        return self._language == "fr"

    def is_protected(self, position: int) -> bool:
        index = bisect_right(self.protected, (position, sys.maxsize)) - 1
        return index >= 0 and self.protected[index][0] <= position < self.protected[index][1]


Fixer = Callable[[str, RepairContext], list[Change]]


def _repair(
    start: int, end: int, replacement: str, name: str, category: str = "typography"
) -> Change:
    return Change(start, end, replacement, f"repair.{name}", category, "repair")


_LINE_ENDING = regex.compile(r"\r\n?")


def normalize_line_endings(text: str, context: RepairContext) -> list[Change]:
    r"""Turn Windows and old Mac line endings into ``\n``.

    >>> [c.replacement for c in normalize_line_endings("a\r\nb", _plain("a\r\nb"))]
    ['\n']
    """
    return [_repair(m.start(), m.end(), "\n", "line-endings") for m in _LINE_ENDING.finditer(text)]


# Every sequence ftfy's `is_bad` flags holds two adjacent non-ASCII characters, a C1
# control, or one of Â Ã Œ œ (see MOJIBAKE_CATEGORIES and BADNESS_RE in ftfy.badness):
# one cheap search rules out ftfy's expensive one on most text.
# A pair of two white-space characters (doubled no-break spaces) never counts.
_MAY_BE_MOJIBAKE = regex.compile(
    r"[^\x00-\x7f\s][^\x00-\x7f]|[^\x00-\x7f][^\x00-\x7f\s]|[\x80-\x9f\u00c2\u00c3\u0152\u0153]"
)
# C0/C1 controls, lone surrogates, terminal escapes: what ftfy removes besides mojibake.
_CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\x1b\[")


def fix_encoding(text: str, context: RepairContext) -> list[Change]:
    """Undo mojibake and drop control characters with ftfy, only on lines that need it.

    ftfy runs with every restyling fix turned off (see `_ftfy_config`): it may repair
    "donâ€™t" but must not straighten the author's curly quotes.

    >>> [c.replacement for c in fix_encoding("Caf\\u00c3\\u00a9 “ok”", _plain(""))]
    ['é']
    """
    controls = _CONTROLS.search(text) is not None
    if not controls and not _MAY_BE_MOJIBAKE.search(text):
        return []
    from ftfy.badness import is_bad

    if not controls and not is_bad(text):
        return []
    import ftfy

    config = _ftfy_config()
    changes: list[Change] = []
    start = 0
    for line in text.split("\n"):
        if is_bad(line) or _CONTROLS.search(line):
            fixed = ftfy.fix_text(line, config)
            if fixed != line and "\n" not in fixed:
                changes.extend(_diff(line, fixed, start))
        start += len(line) + 1
    return changes


def _ftfy_config() -> TextFixerConfig:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,  # "&amp;" in text about HTML is the author's
        fix_latin_ligatures=False,  # restyling, not repair
        fix_character_width=False,  # full-width forms are correct in CJK text
        uncurl_quotes=False,  # curly quotes are the author's typography
        fix_line_breaks=False,  # line endings are our own fixer; lines must not move
        normalization=None,  # NFC would rewrite characters that are not damaged
        explain=False,
    )


def _diff(old: str, new: str, offset: int) -> list[Change]:
    """The smallest replacements that turn ``old`` into ``new``, as encoding repairs."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        _repair(offset + i1, offset + i2, new[j1:j2], "encoding", "encoding")
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


_ZERO_WIDTH = regex.compile("[\u200b\u2060\ufeff]+")


def remove_zero_width(text: str, context: RepairContext) -> list[Change]:
    """Drop zero-width spaces, word joiners and stray byte-order marks.

    Zero-width joiners and non-joiners stay: emoji sequences and Persian or Indic
    spelling need them.

    >>> [c.start for c in remove_zero_width("a\\u200bb", _plain(""))]
    [1]
    """
    return [_repair(m.start(), m.end(), "", "zero-width") for m in _ZERO_WIDTH.finditer(text)]


_SPACE_BEFORE_PUNCTUATION = regex.compile(
    rf"(?<={_WORD_END}){_SPACE}+(?:"
    rf"(?=,{_FOLLOWS_PUNCTUATION})"
    rf"|(?=\.(?![.\w]))"
    rf"|(?P<french>(?=[;:](?:$|\s(?![()\-DPp](?:\s|$))))|(?=[!?]+{_FOLLOWS_PUNCTUATION}))"
    r"|(?=\)))",
    regex.MULTILINE,
)


def remove_space_before_punctuation(text: str, context: RepairContext) -> list[Change]:
    """Remove the space an extractor left before ``, . ; : ! ? )``.

    Smileys, ellipses, ``.NET`` and ``10 :30`` are left alone; in French the space before
    ``; : ! ?`` is correct typography and stays.

    >>> fix = remove_space_before_punctuation
    >>> [c.start for c in fix("frozen , but :) ... .NET", _plain(""))]
    [6]
    >>> [c.start for c in fix("Vraiment ? Oui !", RepairContext("fr", ()))]
    []
    """
    return [
        _repair(m.start(), m.end(), "", "space-before-punctuation")
        for m in _SPACE_BEFORE_PUNCTUATION.finditer(text)
        if not (m.group("french") is not None and context.french)
        and not context.is_protected(m.start())
    ]


_SPACE_AFTER_PARENTHESIS = regex.compile(rf"(?<=(?:^|\s)\(){_SPACE}+(?=\w)", regex.MULTILINE)


def remove_space_after_parenthesis(text: str, context: RepairContext) -> list[Change]:
    """Remove the space after an opening parenthesis: ``( see`` becomes ``(see``.

    >>> [c.start for c in remove_space_after_parenthesis("a ( see", _plain(""))]
    [3]
    """
    return [
        _repair(m.start(), m.end(), "", "space-after-parenthesis")
        for m in _SPACE_AFTER_PARENTHESIS.finditer(text)
        if not context.is_protected(m.start())
    ]


_WORD_GAP = regex.compile(rf"(?<=\S){_SPACE}+(?=\S)")


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
    for match in _WORD_GAP.finditer(text):
        gap = match.group()
        if gap == " " or context.is_protected(match.start()):
            continue
        before, after = text[match.start() - 1], text[match.end()]
        if len(gap) == 1 and before.isdigit() and after.isdigit():
            continue
        if (after in _FRENCH_SPACED or before == "«") and context.french:
            continue
        changes.append(_repair(match.start(), match.end(), " ", "space-between-words"))
    return changes


_TRAILING_SPACE = regex.compile(r"[ \t\u00a0\u202f\u3000]+$", regex.MULTILINE)


def strip_trailing_whitespace(text: str, context: RepairContext) -> list[Change]:
    """Remove white space at the ends of lines (fenced code keeps its own).

    >>> [(c.start, c.end) for c in strip_trailing_whitespace("a  \\nb", _plain(""))]
    [(1, 3)]
    """
    return [
        _repair(m.start(), m.end(), "", "trailing-whitespace")
        for m in _TRAILING_SPACE.finditer(text)
        if not context.is_protected(m.start())
    ]


# Order matters: encoding repairs first (mojibake can hide spaces), punctuation before the
# word-gap fixer (a no-break space before a comma goes rather than becoming a space).
FIXERS: dict[str, Fixer] = {
    "line-endings": normalize_line_endings,
    "encoding": fix_encoding,
    "zero-width": remove_zero_width,
    "space-before-punctuation": remove_space_before_punctuation,
    "space-after-parenthesis": remove_space_after_parenthesis,
    "space-between-words": normalize_space_between_words,
    "trailing-whitespace": strip_trailing_whitespace,
}

# Any of these means some fixer may have work; text without them skips the stage.
_MAY_NEED_REPAIR = regex.compile(
    r"[\r\u200b\u2060\ufeff\u00a0\u202f\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
    rf"|{_SPACE}{{2,}}|{_SPACE}[,.;:!?)]|\({_SPACE}|[ \t]$|[\u00c0-\u00ff\u0080-\u00bf]",
    regex.MULTILINE,
)


def may_need_repair(text: str) -> bool:
    """A single cheap scan that rules out most clean documents."""
    return _MAY_NEED_REPAIR.search(text) is not None


_FENCE = regex.compile(r"^[ \t]*(?:```|~~~)", regex.MULTILINE)
_INDENTED_OR_TABLE = regex.compile(r"^(?:\t| {4,}|[ \t]*\|| *\+[-=]).*$", regex.MULTILINE)
_ALIGNED_COLUMNS = regex.compile(r"^[^\n]*?\S {3,}\S[^\n]*? {3,}[^\n]*$", regex.MULTILINE)


def protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of lines whose spacing is meaning (code, fenced blocks, tables, columns),
    merged so that no two overlap. Each pattern runs only if its cheap cue is present."""
    spans: list[tuple[int, int]] = []
    if "\n\t" in text or "    " in text or text.startswith("\t") or "|" in text or "+-" in text:
        spans += [(m.start(), m.end()) for m in _INDENTED_OR_TABLE.finditer(text)]
    if "   " in text:
        spans += [(m.start(), m.end()) for m in _ALIGNED_COLUMNS.finditer(text)]
    if "```" in text or "~~~" in text:
        fences = [m.start() for m in _FENCE.finditer(text)]
        for opening, closing in zip(fences[::2], [*fences[1::2], len(text)], strict=False):
            end = text.find("\n", closing)
            spans.append((opening, len(text) if end < 0 else end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def repair_context(text: str, language: str | Callable[[], str | None] | None) -> RepairContext:
    return RepairContext(language, protected_spans(text))


def _plain(text: str) -> RepairContext:
    """A context for examples: no language, nothing protected."""
    return RepairContext(None, ())
