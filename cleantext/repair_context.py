"""What repair fixers know about a document: whether it is French, and which lines
hold code, tables or aligned columns whose spacing is meaning."""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Callable

import regex

_FENCE = regex.compile(r"^[ \t]*(?:```|~~~)", regex.MULTILINE)
_INDENTED_OR_TABLE = regex.compile(r"^(?:\t| {4,}|[ \t]*\|| *\+[-=]).*$", regex.MULTILINE)
_ALIGNED_COLUMNS = regex.compile(r"^[^\n]*?\S {3,}\S[^\n]*? {3,}[^\n]*$", regex.MULTILINE)


def protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of lines whose spacing is meaning (code, fenced blocks, tables, columns),
    merged so that no two overlap. Each pattern runs only if its cheap cue is present."""
    spans: list[tuple[int, int]] = []
    # One character is found fastest, and a run of three spaces is rarer than one space.
    three_spaces = "   " in text
    tab_at_line_start = "\t" in text and ("\n\t" in text or text.startswith("\t"))
    grid_table = "+" in text and ("+-" in text or "+=" in text)
    if tab_at_line_start or three_spaces or "|" in text or grid_table:
        spans += [(m.start(), m.end()) for m in _INDENTED_OR_TABLE.finditer(text)]
    if three_spaces:
        spans += [(m.start(), m.end()) for m in _ALIGNED_COLUMNS.finditer(text)]
    spans += fenced_spans(text)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def fenced_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks (```` ``` ```` or ``~~~``), fence lines included; an
    unclosed fence runs to the end of the text."""
    if ("`" not in text or "```" not in text) and ("~" not in text or "~~~" not in text):
        return []
    spans = []
    fences = [m.start() for m in _FENCE.finditer(text)]
    for opening, closing in zip(fences[::2], [*fences[1::2], len(text)], strict=False):
        end = text.find("\n", closing)
        spans.append((opening, len(text) if end < 0 else end))
    return spans


class RepairContext:
    """What fixers need to know about the document: whether it is French, and which
    lines are protected. The language is only guessed if a fixer asks (most documents
    have no space before ``; : ! ?`` and never need to know)."""

    def __init__(
        self,
        language: str | Callable[[], str | None] | None,
        text: str,
        protect: bool = True,
    ) -> None:
        self._language = language
        self._text = text
        self._protected: tuple[tuple[int, int], ...] | None = None if protect else ()

    @property
    def protected(self) -> tuple[tuple[int, int], ...]:
        """Spans of code-like lines, found on first use."""
        if self._protected is None:
            self._protected = protected_spans(self._text)
        return self._protected

    @property
    def french(self) -> bool:
        if callable(self._language):
            self._language = self._language()
        return self._language == "fr"

    def is_protected(self, position: int) -> bool:
        protected = self.protected
        if not protected:  # most documents
            return False
        index = bisect_right(protected, (position, sys.maxsize)) - 1
        return index >= 0 and protected[index][0] <= position < protected[index][1]
