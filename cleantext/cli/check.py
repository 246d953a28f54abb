"""``cleantext check FILE ...``: report what cleaning would change, and change nothing.

For CI and pre-commit: one line per edit, like a linter, and exit status 1 when anything
would be removed or repaired (2 when an input cannot be read).
"""

from __future__ import annotations

import argparse
import sys

from cleantext.cli.io import EXIT_CHANGED, EXIT_ERROR, EXIT_OK, explain_inputs
from cleantext.cli.options import add_encoding_option, add_selection_options, config_from_args
from cleantext.engine import Cleaner
from cleantext.model import Report
from cleantext.report import describe_edit, render_json_line, render_text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext check",
        description="Report every edit cleaning would make, one line each, and change "
        "nothing. Exit status: 0 clean, 1 something would change, 2 an error.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check; - for stdin")
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text: path:lines: rule: message; json: one report per line; "
        "github: workflow annotations",
    )
    add_encoding_option(parser)
    add_selection_options(parser)
    return parser


def _escape_data(value: str) -> str:
    """GitHub workflow commands end at a newline, and % starts an escape."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """One ``::warning`` workflow command per edit, shown on the pull request's lines.

    >>> from cleantext.model import Edit
    >>> edit = Edit("x.y", "share", "remove", 0, 10, (3, 4), "Share this", "")
    >>> print(render_github(Report("a,b.txt", "0", "d", "", "", (edit,))), end="")
    ::warning file=a%2Cb.txt,line=3,endLine=4,title=x.y::removed share: 'Share this' (-10 chars)
    """
    lines = []
    for edit in report.edits:
        first, last = edit.lines
        properties = (
            f"file={_escape_property(report.id)},line={first},endLine={last},"
            f"title={_escape_property(edit.rule)}"
        )
        lines.append(f"::warning {properties}::{_escape_data(describe_edit(edit))}\n")
    return "".join(lines)


RENDERERS = {"text": render_text, "json": render_json_line, "github": render_github}


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    cleaner = Cleaner(config_from_args(args))
    render = RENDERERS[args.format]
    failed = False
    files = edits = 0
    for report in explain_inputs(args.files, cleaner, args.encoding):
        if report is None:
            failed = True
            continue
        sys.stdout.buffer.write(render(report).encode("utf-8"))
        sys.stdout.buffer.flush()
        files += report.changed
        edits += len(report.edits)
    if args.format == "text" and edits:
        print(
            f"cleantext: {edits:,} edit{'s' if edits != 1 else ''} in {files:,} of "
            f"{len(args.files):,} file{'s' if len(args.files) != 1 else ''}; "
            "`cleantext diff FILE` shows them, `cleantext --in-place FILE` applies them",
            file=sys.stderr,
        )
    if failed:
        return EXIT_ERROR
    return EXIT_CHANGED if edits else EXIT_OK
