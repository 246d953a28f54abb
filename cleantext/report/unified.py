"""A plain unified diff of a report, as ``diff -u`` prints it, with the rules on each hunk.

It is built from the edits themselves, not by diffing the two texts again, so a hunk is
exactly where a rule acted and its header can name that rule::

    @@ -19,19 +19,1 @@ wordpress.comment-form, akismet.notice

The text after the second ``@@`` is the place ``diff -p`` uses for a function name; patch
and git ignore it, so ``cleantext diff page.txt | patch -p0`` applies the cleaning.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from cleantext.model import Edit, Report

NO_NEWLINE = "\\ No newline at end of file\n"


@dataclass(frozen=True, slots=True)
class Change:
    """Old lines ``old_start .. old_start + len(old)`` (0-based) replaced by ``new``."""

    old_start: int
    old: tuple[str, ...]
    new: tuple[str, ...]
    edits: tuple[Edit, ...]


def keep_ends(text: str) -> list[str]:
    """Lines with their newlines, split on ``\\n`` only.

    >>> keep_ends("a\\r\\nb\\u2028c")
    ['a\\r\\n', 'b\\u2028c']
    """
    lines = text.split("\n")
    result = [line + "\n" for line in lines[:-1]]
    return [*result, lines[-1]] if lines[-1] else result


def changes(report: Report) -> list[Change]:
    """The edits grouped into runs of whole lines, each with the lines that replace it."""
    original = report.original
    old_lines = keep_ends(original)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    groups: list[tuple[int, int, list[Edit]]] = []
    for edit in report.edits:
        first = _line_at(starts, edit.start)
        last = _line_at(starts, max(edit.end - 1, edit.start))
        if groups and first <= groups[-1][1]:
            groups[-1] = (groups[-1][0], max(groups[-1][1], last), [*groups[-1][2], edit])
        else:
            groups.append((first, last, [edit]))
    result = []
    for first, last, edits in groups:
        base = starts[first]
        window = original[base : starts[last + 1]]
        for edit in reversed(edits):
            window = window[: edit.start - base] + edit.replacement + window[edit.end - base :]
        result.append(_trimmed(first, old_lines[first : last + 1], keep_ends(window), edits))
    return [change for change in result if change.old or change.new]


def _line_at(starts: list[int], offset: int) -> int:
    """Index of the line holding ``offset``; the end of the text belongs to the last line."""
    return min(max(bisect_right(starts, offset) - 1, 0), len(starts) - 2)


def _trimmed(first: int, old: list[str], new: list[str], edits: list[Edit]) -> Change:
    """Drop the lines a group leaves identical at its ends (a repair that only touched a
    line's newline region, say), so hunks show only lines that really differ."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return Change(
        first + head,
        tuple(old[head : len(old) - tail]),
        tuple(new[head : len(new) - tail]),
        tuple(edits),
    )


def _range(start: int, length: int) -> str:
    """``diff -u`` numbering: 1-based; an empty range names the line before it."""
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _emit(prefix: str, line: str) -> str:
    return prefix + line if line.endswith("\n") else prefix + line + "\n" + NO_NEWLINE


def unified_diff(report: Report, context: int = 3, label: str | None = None) -> str:
    """The report as a unified diff with ``context`` lines; empty when nothing changed."""
    found = changes(report)
    if not found:
        return ""
    old_lines = keep_ends(report.original)
    name = label if label is not None else report.id or "<stdin>"
    out = [f"--- {name}\n", f"+++ {name}\n"]
    hunks: list[list[Change]] = []
    for change in found:
        previous = hunks[-1][-1] if hunks else None
        if previous and change.old_start - (previous.old_start + len(previous.old)) <= 2 * context:
            hunks[-1].append(change)
        else:
            hunks.append([change])
    shift = 0  # new line index minus old line index, before the current change
    for hunk in hunks:
        start = max(hunk[0].old_start - context, 0)
        stop = min(hunk[-1].old_start + len(hunk[-1].old) + context, len(old_lines))
        body: list[str] = []
        position = start
        new_length = 0
        for change in hunk:
            body += [_emit(" ", line) for line in old_lines[position : change.old_start]]
            body += [_emit("-", line) for line in change.old]
            body += [_emit("+", line) for line in change.new]
            new_length += change.old_start - position + len(change.new)
            position = change.old_start + len(change.old)
        body += [_emit(" ", line) for line in old_lines[position:stop]]
        new_length += stop - position
        rules = ", ".join(dict.fromkeys(edit.rule for change in hunk for edit in change.edits))
        new_start = start + shift
        out.append(
            f"@@ -{_range(start, stop - start)} +{_range(new_start, new_length)} @@ {rules}\n"
        )
        out += body
        shift += sum(len(change.new) - len(change.old) for change in hunk)
    return "".join(out)
