"""Plain renderings: one greppable line per edit, and one JSON object per document."""

from __future__ import annotations

import json

from cleantext.model import Edit, Report

_PREVIEW_CHARS = 60


def visible(text: str) -> str:
    """Text with invisible and white-space characters spelled out, for one-line messages.

    >>> visible("a\\u00a0b  c\\n")
    "'a\\\\xa0b  c\\\\n'"
    """
    return repr(text)


def describe_edit(edit: Edit) -> str:
    """``removed comments: "Leave a Reply ..." (-612 chars)`` or ``'\\xa0' -> ' '``."""
    if edit.action == "repair":
        return f"{visible(edit.text)} -> {visible(edit.replacement)}"
    words = " ".join(edit.text.split())
    if len(words) > _PREVIEW_CHARS:
        words = words[: _PREVIEW_CHARS - 1] + "…"
    return f"removed {edit.category}: {words!r} (-{edit.end - edit.start:,} chars)"


def render_text(report: Report) -> str:
    """One line per edit: ``path:first-last: rule: message``, like compilers and linters.

    >>> from cleantext.model import Report, Edit
    >>> edit = Edit("x.y", "share", "remove", 0, 10, (3, 4), "Share this", "")
    >>> print(render_text(Report("page.txt", "0", "d", "", "", (edit,))), end="")
    page.txt:3-4: x.y: removed share: 'Share this' (-10 chars)
    """
    lines = []
    for edit in report.edits:
        first, last = edit.lines
        where = f"{first}" if first == last else f"{first}-{last}"
        lines.append(f"{report.id}:{where}: {edit.rule}: {describe_edit(edit)}\n")
    return "".join(lines)


def render_json_line(report: Report) -> str:
    """The report's JSON contract on one line, for JSON Lines streams."""
    return json.dumps(report.to_dict(), ensure_ascii=False) + "\n"
