"""The original document line by line, each line split into kept text and what edits did.

The terminal diff draws these lines; the plain unified diff and the summary are computed
from the same report, so every view agrees on what changed and where. Lines are split on
``\\n`` only, like the engine's line numbers (a lone ``\\r`` or U+2028 is not a line break).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from cleantext.model import Edit, Report

LineState = Literal["kept", "removed", "changed"]

# Characters a reader cannot see, or cannot tell from a plain space, spelled out as marked
# glyphs: a repair of "\xa0" to " " must look different from nothing at all.
_REVEALED = {
    " ": "·",
    "\xa0": "⍽",
    "\t": "⇥",
    "\n": "⏎",
    "\r": "␍",
    "\u200b": "⟨ZWSP⟩",
    "\u200c": "⟨ZWNJ⟩",
    "\u200d": "⟨ZWJ⟩",
    "\u2060": "⟨WJ⟩",
    "\ufeff": "⟨BOM⟩",
    "\u00ad": "⟨SHY⟩",
    "\u202f": "⟨NNBSP⟩",
    "\u2009": "⟨THINSP⟩",
}
EMPTY = "∅"


def reveal(text: str) -> str:
    """Text with white space and invisible characters drawn as visible marks.

    >>> reveal("a\\u00a0b  c\\u200b")
    'a⍽b··c⟨ZWSP⟩'
    >>> reveal("")
    '∅'
    """
    if not text:
        return EMPTY
    return "".join(_REVEALED.get(char, _spell_invisible(char)) for char in text)


def printable(text: str) -> str:
    """Text safe to draw: control characters (an escape sequence scraped along with a
    page could reprogram the terminal) are spelled out; tabs stay.

    >>> printable("a\\x1b[2Jb\\tc")
    'a⟨U+001B⟩[2Jb\\tc'
    """
    if text.isprintable():
        return text
    return "".join(
        _REVEALED.get(char, _spell_invisible(char))
        if char != "\t" and unicodedata.category(char) == "Cc"
        else char
        for char in text
    )


def _spell_invisible(char: str) -> str:
    if unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return f"⟨U+{ord(char):04X}⟩"
    return char


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of one line: kept text (``edit`` is None), or the part one edit changed."""

    text: str
    replacement: str
    edit: Edit | None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the original, without its newline, and where it lands in the output."""

    number: int
    pieces: tuple[Piece, ...]
    state: LineState
    edits: tuple[Edit, ...]
    new_number: int | None

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


def split_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line's content, newline excluded; a final newline ends
    the last line rather than opening an empty one.

    >>> split_lines("a\\n\\nbc")
    [(0, 1), (2, 2), (3, 5)]
    >>> split_lines("a\\n")
    [(0, 1)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        spans.append((start, end))
        start = end + 1
    return spans


def annotate(report: Report) -> list[Line]:
    """Every line of the original with its pieces, its state and its number after cleaning."""
    original, edits = report.original, tuple(_trim(edit) for edit in report.edits)
    to_new = _OffsetMap(report)
    lines: list[Line] = []
    first_edit = 0
    for index, (start, end) in enumerate(split_lines(original)):
        has_newline = end < len(original)
        while first_edit < len(edits) and _ends_before(edits[first_edit], start):
            first_edit += 1
        touching = []
        for edit in edits[first_edit:]:
            if edit.start > end:
                break
            if edit.start < end + has_newline or edit.start == edit.end:
                touching.append(edit)
        pieces = _pieces(original, start, end, touching)
        state = _state(pieces, touching, end)
        new_number = None if state == "removed" else to_new.line_of(start)
        lines.append(Line(index + 1, pieces, state, tuple(touching), new_number))
    return lines


def _trim(edit: Edit) -> Edit:
    """The edit without the line breaks its text and replacement share at their ends, so
    that a CRLF repair (``"\\r\\n"`` to ``"\\n"``) shows as the ``\\r`` it drops, on its line."""
    text, replacement = edit.text, edit.replacement
    head = tail = 0
    shortest = min(len(text), len(replacement))
    while head < shortest and text[head] == replacement[head] == "\n":
        head += 1
    while tail < shortest - head and text[-1 - tail] == replacement[-1 - tail] == "\n":
        tail += 1
    if not head and not tail:
        return edit
    return replace(
        edit,
        start=edit.start + head,
        end=edit.end - tail,
        text=text[head : len(text) - tail],
        replacement=replacement[head : len(replacement) - tail],
    )


def _ends_before(edit: Edit, start: int) -> bool:
    return edit.end <= start and not (edit.start == edit.end == start)


def _pieces(original: str, start: int, end: int, edits: Sequence[Edit]) -> tuple[Piece, ...]:
    """Split ``original[start:end]`` at the edits; a replacement goes where its edit starts."""
    pieces: list[Piece] = []
    position = start
    for edit in edits:
        lo, hi = max(edit.start, start), min(edit.end, end)
        if lo > position:
            pieces.append(Piece(original[position:lo], original[position:lo], None))
        replacement = edit.replacement if edit.start >= start else ""
        if hi > lo or (replacement and edit.start >= start):
            pieces.append(Piece(original[lo:hi], replacement, edit))
        position = max(position, hi)
    if position < end:
        pieces.append(Piece(original[position:end], original[position:end], None))
    return tuple(pieces)


def _state(pieces: Sequence[Piece], edits: Sequence[Edit], end: int) -> LineState:
    """``removed`` when nothing of the line is left (a blank line counts when its own
    newline goes), ``changed`` when an edit touches its text, else ``kept``."""
    if edits and _all_removed(pieces, edits, end):
        return "removed"
    return "changed" if any(piece.edit is not None for piece in pieces) else "kept"


def _all_removed(pieces: Sequence[Piece], edits: Sequence[Edit], end: int) -> bool:
    """Nothing visible survives a removal: a rule takes the text (or, for a blank line, its
    newline), and neither the removal nor a repair on the line puts anything back."""
    if any(piece.edit is not None and piece.replacement for piece in pieces):
        return False
    if "".join(piece.text for piece in pieces if piece.edit is None).strip():
        return False
    if any(p.edit is not None and p.edit.action == "remove" for p in pieces):
        return True
    # Blank or white-space-only line: removed only if a rule takes its newline.
    return any(e.start <= end < e.end and e.action == "remove" for e in edits)


class _OffsetMap:
    """Maps an offset in the original to the line it falls on in the cleaned text."""

    def __init__(self, report: Report) -> None:
        self.edits = report.edits
        self.ends = [edit.end for edit in report.edits]
        self.shift = [0]
        for edit in report.edits:
            self.shift.append(self.shift[-1] + len(edit.replacement) - (edit.end - edit.start))
        self.newlines = [match.start() for match in re.finditer("\n", report.cleaned)]

    def line_of(self, offset: int) -> int:
        done = bisect_right(self.ends, offset)  # edits wholly before ``offset``
        position = offset + self.shift[done]
        if done < len(self.edits) and self.edits[done].start < offset:
            inside = self.edits[done]  # ``offset`` lies inside this edit: go to its end
            position = inside.start + self.shift[done] + len(inside.replacement)
        return bisect_left(self.newlines, position) + 1


def hunk_ranges(changed: Sequence[bool], context: int) -> list[tuple[int, int]]:
    """0-based ``[start, stop)`` ranges of lines to show: each changed line with
    ``context`` lines around it, merged where two would touch or overlap (as ``diff -u``).

    >>> hunk_ranges([False] * 4 + [True] + [False] * 10 + [True], 2)
    [(2, 7), (13, 16)]
    >>> hunk_ranges([False, True, False, False, True], 1)
    [(0, 5)]
    """
    ranges: list[tuple[int, int]] = []
    for index, flag in enumerate(changed):
        if not flag:
            continue
        start, stop = max(index - context, 0), min(index + context + 1, len(changed))
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], stop)
        else:
            ranges.append((start, stop))
    return ranges
