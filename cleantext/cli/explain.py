"""``cleantext explain FILE [--line N]``: why each line was, or was not, cleaned.

For each place in the document, which rules fired (the edits) and which matched but did
not act and why (the skips: refused by a guard, or lost an overlap to another rule).
With ``--line N`` only what concerns that line, and the line itself.
"""

from __future__ import annotations

import argparse
import sys

from cleantext.cli.io import EXIT_ERROR, EXIT_OK, explain_inputs
from cleantext.cli.options import add_encoding_option, add_selection_options, config_from_args
from cleantext.engine import Cleaner
from cleantext.errors import InputError
from cleantext.model import Report
from cleantext.report.lines import split_lines
from cleantext.report.plain import describe_edit


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext explain",
        description="Show, line by line, which rules fired, and which matched but were "
        "refused by a guard or lost an overlap, and why.",
    )
    parser.add_argument("file", metavar="FILE", help="the document; - for stdin")
    parser.add_argument("--line", type=int, metavar="N", help="only what concerns line N")
    add_encoding_option(parser)
    add_selection_options(parser)
    return parser


def _where(lines: tuple[int, int]) -> str:
    first, last = lines
    return f"{first}" if first == last else f"{first}-{last}"


def explain_lines(report: Report, line: int | None = None) -> list[str]:
    """One line per edit and per skip, in document order; only those touching ``line``.

    >>> from cleantext.model import Edit, Skip
    >>> edit = Edit("x.y", "share", "remove", 0, 10, (3, 4), "Share this", "")
    >>> skip = Skip("a.b", (4, 4), "refused by min_chars_before = 100")
    >>> report = Report("p.txt", "0", "d", "", "", (edit,), (skip,))
    >>> print("\\n".join(explain_lines(report)))
    p.txt:3-4: fired x.y: removed share: 'Share this' (-10 chars)
    p.txt:4: skipped a.b: refused by min_chars_before = 100
    """
    events: list[tuple[tuple[int, int], int, str]] = []
    for edit in report.edits:
        events.append((edit.lines, 0, f"fired {edit.rule}: {describe_edit(edit)}"))
    for skip in report.skips:
        events.append((skip.lines, 1, f"skipped {skip.rule}: {skip.reason}"))
    events.sort(key=lambda event: (event[0], event[1]))
    return [
        f"{report.id}:{_where(lines)}: {message}"
        for lines, _, message in events
        if _covers(lines, line)
    ]


def _covers(lines: tuple[int, int], line: int | None) -> bool:
    return line is None or lines[0] <= line <= lines[1]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    cleaner = Cleaner(config_from_args(args))
    [report] = explain_inputs([args.file], cleaner, args.encoding)
    if report is None:
        return EXIT_ERROR
    out: list[str] = []
    if args.line is not None:
        spans = split_lines(report.original)
        if not 1 <= args.line <= len(spans):
            raise InputError(
                f"{report.id}: --line {args.line} is outside the document "
                f"(it has {_count(len(spans), 'line')})"
            )
        start, end = spans[args.line - 1]
        out.append(f"{report.id}:{args.line}: {report.original[start:end]}")
    found = explain_lines(report, args.line)
    out += found
    if not found:
        what = f"line {args.line}" if args.line is not None else "this document"
        out.append(f"{report.id}: no rule fired or was refused on {what}; it is kept as it is")
    fired = sum(_covers(edit.lines, args.line) for edit in report.edits)
    skipped = sum(_covers(skip.lines, args.line) for skip in report.skips)
    out.append(f"{_count(fired, 'edit')}, {_count(skipped, 'skip')}")
    sys.stdout.buffer.write("".join(line + "\n" for line in out).encode("utf-8"))
    return EXIT_OK
