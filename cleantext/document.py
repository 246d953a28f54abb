"""A document split into lines once, with the views of each line that rules compare."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import regex

# Markdown and extractor decoration that says nothing about what a line is.
_LEADING_MARKERS = regex.compile(r"^(?:\s*(?:[*+\-•·▪►]|\d{1,3}[.)]|#{1,6}|>)(?=\s))+\s*")
_LINK = regex.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = regex.compile(r"\*\*|__|`")
_EDGES = " \t\u00a0\u202f:…»«›‹→←|•·*–—<>[]=#"
_ELLIPSIS = regex.compile(r"(?:\.{3}|…)$")
_SPACES = regex.compile(r"\s+")


def normalize_line(line: str) -> str:
    """The line as rules compare it: decoration, Markdown and case stripped away.

    >>> normalize_line("* [Share on Facebook](https://fb.com/x) ")
    'share on facebook'
    >>> normalize_line("## Leave a Reply:")
    'leave a reply'
    >>> normalize_line("Like\\u00a0Loading...")
    'like loading'
    """
    text = _LINK.sub(r"\1", line)
    text = _LEADING_MARKERS.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = text.strip(_EDGES)
    text = _ELLIPSIS.sub("", text).strip(_EDGES)
    return str(_SPACES.sub(" ", text)).casefold()


class Document:
    """Text with line offsets; lines are split on ``\\n`` (the repair stage makes all
    line endings ``\\n`` before rules run).

    A large document is cleaned in pieces (`cleantext.stream`); ``before`` and ``after``
    count the characters outside this piece, so that guards bound by the position in
    the whole document and blank lines are tidied as if the rest were there.
    """

    def __init__(self, text: str, before: int = 0, after: int = 0) -> None:
        self.text = text
        self.before = before
        self.after = after
        self.lines = text.split("\n")
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self.starts = starts
        self._normalized: dict[int, str] = {}

    def text_before(self, offset: int) -> int:
        """Characters of text before ``offset``, white space at either end not counted
        (``len(text[:offset].strip())`` without copying the text), plus those before
        this piece."""
        end = offset
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return max(0, end - self._leading_space) + self.before

    def text_after(self, offset: int) -> int:
        """Characters of text after ``offset``, as `text_before` counts them."""
        start = offset
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        return max(0, len(self.text) - self._trailing_space - start) + self.after

    @cached_property
    def _leading_space(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    @cached_property
    def _trailing_space(self) -> int:
        return len(self.text) - len(self.text.rstrip())

    def __len__(self) -> int:
        return len(self.lines)

    def line_end(self, index: int) -> int:
        """Offset just past the line's text (before its newline)."""
        return self.starts[index] + len(self.lines[index])

    def line_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def is_blank(self, index: int) -> bool:
        line = self.lines[index]
        return not line or line.isspace()

    def normalized(self, index: int) -> str:
        """`normalize_line` of one line, computed once and only for lines asked about."""
        cached = self._normalized.get(index)
        if cached is None:
            cached = self._normalized[index] = normalize_line(self.lines[index])
        return cached

    @cached_property
    def last_content_line(self) -> int:
        """Index of the last line with text (0 for a blank document)."""
        for index in range(len(self.lines) - 1, -1, -1):
            if not self.is_blank(index):
                return index
        return 0
