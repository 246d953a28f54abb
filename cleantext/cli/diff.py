"""``cleantext diff [FILE ...]``: what cleaning would change, drawn for a person or
printed as a unified diff for a program.

On a terminal (or with colour forced) the documents are drawn with rich; otherwise the
output is a plain unified diff that ``patch -p0`` applies, with the rules on each hunk
header. The exit status is that of ``diff``: 0 nothing would change, 1 something would,
2 an input could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import IO

from cleantext.cli.io import EXIT_CHANGED, EXIT_ERROR, EXIT_OK, STDIN, explain_inputs
from cleantext.cli.options import add_encoding_option, add_selection_options, config_from_args
from cleantext.cli.terminal import add_color_option, is_terminal, wants_color, wants_drawing
from cleantext.engine import Cleaner
from cleantext.model import Report
from cleantext.report.unified import unified_diff


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext diff",
        description="Show what cleaning would remove and repair, without changing anything. "
        "Exit status: 0 nothing would change, 1 something would, 2 an error.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; - or none for stdin")
    parser.add_argument(
        "-U",
        "--unified",
        dest="context",
        type=int,
        default=3,
        metavar="N",
        help="lines of unchanged context around each change (default 3)",
    )
    parser.add_argument(
        "-y",
        "--side-by-side",
        action="store_true",
        help="original and cleaned text in two columns (needs a terminal 120 columns wide)",
    )
    parser.add_argument(
        "--plain", action="store_true", help="print the plain unified diff even on a terminal"
    )
    add_color_option(parser)
    add_encoding_option(parser)
    add_selection_options(parser)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.context < 0:
        parser.error("-U/--unified: the number of context lines cannot be negative")
    cleaner = Cleaner(config_from_args(args))
    names = args.files or [STDIN]
    drawing = not args.plain and wants_drawing(args.color, is_terminal(sys.stdout))
    if drawing:
        reports, failed = _draw(names, cleaner, args)
    else:
        reports, failed = _print_unified(names, cleaner, args)
    if failed:
        return EXIT_ERROR
    return EXIT_CHANGED if any(report.changed for report in reports) else EXIT_OK


def _draw(
    names: list[str], cleaner: Cleaner, args: argparse.Namespace
) -> tuple[list[Report], bool]:
    from cleantext.report.diff import (
        SIDE_BY_SIDE_MIN_WIDTH,
        draw_report,
        draw_run_summary,
        make_console,
    )

    console = make_console(sys.stdout, _color(sys.stdout, args.color))
    side_by_side = args.side_by_side
    if side_by_side and console.width < SIDE_BY_SIDE_MIN_WIDTH:
        print(
            f"cleantext: note: --side-by-side needs {SIDE_BY_SIDE_MIN_WIDTH} columns "
            f"and the terminal has {console.width}; showing the inline view",
            file=sys.stderr,
        )
        side_by_side = False
    reports, failed = _each_report(
        names,
        cleaner,
        args.encoding,
        lambda report: draw_report(
            console, report, context=args.context, side_by_side=side_by_side
        ),
    )
    if len(reports) > 1:
        draw_run_summary(console, reports)
    return reports, failed


def _print_unified(
    names: list[str], cleaner: Cleaner, args: argparse.Namespace
) -> tuple[list[Report], bool]:
    """The greppable diff on stdout; the summary on stderr when a person is watching it."""

    def show(report: Report) -> None:
        sys.stdout.buffer.write(unified_diff(report, args.context).encode("utf-8"))
        sys.stdout.buffer.flush()

    reports, failed = _each_report(names, cleaner, args.encoding, show)
    if is_terminal(sys.stderr) and any(report.changed for report in reports):
        from cleantext.report.diff import draw_run_summary, make_console

        draw_run_summary(make_console(sys.stderr, _color(sys.stderr, args.color)), reports)
    return reports, failed


def _each_report(
    names: list[str], cleaner: Cleaner, encoding: str, show: Callable[[Report], None]
) -> tuple[list[Report], bool]:
    """Show each input's report as it is made; whether any input failed to read."""
    reports: list[Report] = []
    failed = False
    for report in explain_inputs(names, cleaner, encoding):
        if report is None:
            failed = True
            continue
        reports.append(report)
        show(report)
    return reports, failed


def _color(stream: IO[str], mode: str) -> bool:
    return wants_color(mode, is_terminal(stream))
